/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-locale"

#include "config.h"

#include "tanlu-locale.h"

#include <math.h>
#include <stdlib.h>

/**
 * tanlu_locale_prefers_chinese:
 *
 * Names of regions, indicators and sources exist in Chinese and English in
 * the data itself, not in the message catalogue, so the language has to be
 * chosen the same way gettext would: from the first matching entry of
 * LANGUAGE/LC_ALL/LC_MESSAGES/LANG.
 */
gboolean
tanlu_locale_prefers_chinese (void)
{
  static gsize initialized = 0;
  static gboolean prefers_chinese = FALSE;

  if (g_once_init_enter (&initialized))
    {
      const char * const *names = g_get_language_names ();

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_has_prefix (names[i], "zh"))
            {
              prefers_chinese = TRUE;
              break;
            }
          /* English and the C locale mean English; any other language falls
           * back to English too, as the data has no third language. */
          if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
            break;
        }

      g_once_init_leave (&initialized, 1);
    }

  return prefers_chinese;
}

const char *
tanlu_locale_pick (const char *text_zh,
                   const char *text_en)
{
  if (tanlu_locale_prefers_chinese ())
    return text_zh != NULL && *text_zh != '\0' ? text_zh : text_en;

  return text_en != NULL && *text_en != '\0' ? text_en : text_zh;
}

/**
 * tanlu_format_double:
 * @value: a finite number
 *
 * Formats @value with the fewest digits that read back as exactly the same
 * double, independent of the locale, so exported files round-trip.
 *
 * Returns: (transfer full): the text
 */
char *
tanlu_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/**
 * tanlu_format_value:
 * @value: a figure to show
 *
 * Formats @value for reading, in the user's locale (digit grouping), with
 * about three significant digits for small values so sector figures of a
 * few kilotonnes are not shown as zero.
 *
 * Returns: (transfer full): the text
 */
char *
tanlu_format_value (double value)
{
  double magnitude = fabs (value);

  if (value == 0)
    return g_strdup ("0");
  if (magnitude >= 1000)
    return g_strdup_printf ("%'.0f", value);
  if (magnitude >= 10)
    return g_strdup_printf ("%'.1f", value);
  if (magnitude >= 0.001)
    return g_strdup_printf ("%.3g", value);

  return g_strdup_printf ("%.2e", value);
}
