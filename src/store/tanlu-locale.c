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
