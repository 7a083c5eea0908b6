/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-text-encoding"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-text-encoding.h"

#include <string.h>

/* Naming and recognising the encodings of the text files planners give
 * Tanlu. Detection looks only at bytes, never at the locale: the same file
 * must read the same way on every computer. */

/* How many bytes at the start the NUL pattern of UTF-16 is looked for in. */
#define NUL_WINDOW 4096

static const struct
{
  TanluTextEncoding  encoding;
  const char        *name;
  const char        *iconv_name;
} encodings[] = {
  { TANLU_TEXT_ENCODING_AUTO, "auto", NULL },
  { TANLU_TEXT_ENCODING_UTF8, "utf-8", "UTF-8" },
  { TANLU_TEXT_ENCODING_UTF16LE, "utf-16le", "UTF-16LE" },
  { TANLU_TEXT_ENCODING_UTF16BE, "utf-16be", "UTF-16BE" },
  { TANLU_TEXT_ENCODING_GB18030, "gb18030", "GB18030" },
};

/* Other names people and programs give these encodings. GBK and GB 2312
 * are subsets of GB 18030, so reading them as GB 18030 gives the same text. */
static const struct
{
  const char        *name;
  TanluTextEncoding  encoding;
} aliases[] = {
  { "utf8", TANLU_TEXT_ENCODING_UTF8 },
  { "utf16le", TANLU_TEXT_ENCODING_UTF16LE },
  { "utf16be", TANLU_TEXT_ENCODING_UTF16BE },
  { "gbk", TANLU_TEXT_ENCODING_GB18030 },
  { "gb2312", TANLU_TEXT_ENCODING_GB18030 },
  { "cp936", TANLU_TEXT_ENCODING_GB18030 },
};

/**
 * tanlu_text_encoding_to_string:
 *
 * Returns: the encoding's name in settings, command lines and logs:
 *   “auto”, “utf-8”, “utf-16le”, “utf-16be” or “gb18030”
 */
const char *
tanlu_text_encoding_to_string (TanluTextEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i].encoding == encoding)
      return encodings[i].name;

  g_return_val_if_reached (NULL);
}

/**
 * tanlu_text_encoding_from_string:
 * @name: a name from tanlu_text_encoding_to_string(), in any case, or
 *   “utf8”, “gbk”, “gb2312” or “cp936”
 * @encoding: (out): the encoding
 *
 * Returns: %TRUE if @name names an encoding
 */
gboolean
tanlu_text_encoding_from_string (const char        *name,
                                 TanluTextEncoding *encoding)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (encoding != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (name, encodings[i].name) == 0)
      {
        *encoding = encodings[i].encoding;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].name) == 0)
      {
        *encoding = aliases[i].encoding;
        return TRUE;
      }

  return FALSE;
}

/**
 * tanlu_text_encoding_get_display_name:
 *
 * Returns: how the preview names the encoding, translated
 */
const char *
tanlu_text_encoding_get_display_name (TanluTextEncoding encoding)
{
  switch (encoding)
    {
    case TANLU_TEXT_ENCODING_AUTO:
      /* Translators: the encoding of a file, found by looking at its bytes */
      return _("Detect automatically");
    case TANLU_TEXT_ENCODING_UTF8:
      return "UTF-8";
    case TANLU_TEXT_ENCODING_UTF16LE:
      return _("UTF-16 (little-endian)");
    case TANLU_TEXT_ENCODING_UTF16BE:
      return _("UTF-16 (big-endian)");
    case TANLU_TEXT_ENCODING_GB18030:
      /* GBK is the older name most people know it by. */
      return "GB18030 (GBK)";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tanlu_text_encoding_get_iconv_name:
 *
 * Returns: (nullable): the name iconv knows the encoding by, or %NULL for
 *   %TANLU_TEXT_ENCODING_AUTO
 */
const char *
tanlu_text_encoding_get_iconv_name (TanluTextEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i].encoding == encoding)
      return encodings[i].iconv_name;

  g_return_val_if_reached (NULL);
}

/**
 * tanlu_text_is_utf8_head:
 *
 * Whether @head is valid UTF-8 without NUL bytes, allowing its last
 * character to be cut short, as happens when @head is the first piece of
 * a longer input.
 */
gboolean
tanlu_text_is_utf8_head (const guint8 *head,
                         gsize         length)
{
  const char *end = NULL;
  gsize rest;

  g_return_val_if_fail (head != NULL || length == 0, FALSE);

  if (g_utf8_validate_len ((const char *) head, length, &end))
    return TRUE;

  /* A character cut at the end of the piece reads as (gunichar) -2. */
  rest = length - (gsize) ((const guint8 *) end - head);
  return rest < 4 && *end != '\0' &&
         g_utf8_get_char_validated (end, rest) == (gunichar) -2;
}

/**
 * tanlu_text_detect_encoding:
 * @head: the first bytes of the input
 * @length: how many; a few kilobytes are plenty
 *
 * Guesses the encoding of a text file from its first bytes, in order:
 *
 *  1. a byte-order mark: UTF-8, UTF-16 little- or big-endian, GB 18030;
 *  2. NUL bytes, which no UTF-8 or GB 18030 text holds but UTF-16 puts
 *     beside every ASCII character (commas, digits, line ends): NULs at
 *     odd offsets only (or nearly only) mean little-endian, at even
 *     offsets big-endian;
 *  3. valid UTF-8 (pure ASCII included) is taken for UTF-8: text in
 *     another encoding almost never happens to be valid UTF-8, because
 *     UTF-8's multibyte sequences are strict;
 *  4. anything else is GB 18030. A Chinese planner's file that is not
 *     Unicode comes from Excel or WPS on Chinese Windows, which write the
 *     ANSI code page 936 (GBK); GB 18030 is a superset of GBK and GB 2312,
 *     so it reads all three. Text in no encoding at all is refused later,
 *     when decoding it fails, with the line it fails on.
 *
 * Returns: the encoding; never %TANLU_TEXT_ENCODING_AUTO
 */
TanluTextEncoding
tanlu_text_detect_encoding (const guint8 *head,
                            gsize         length)
{
  gsize window;
  gsize even_nuls = 0;
  gsize odd_nuls = 0;

  g_return_val_if_fail (head != NULL || length == 0, TANLU_TEXT_ENCODING_UTF8);

  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    return TANLU_TEXT_ENCODING_UTF8;
  if (length >= 2 && head[0] == 0xff && head[1] == 0xfe)
    return TANLU_TEXT_ENCODING_UTF16LE;
  if (length >= 2 && head[0] == 0xfe && head[1] == 0xff)
    return TANLU_TEXT_ENCODING_UTF16BE;
  if (length >= 4 && memcmp (head, "\x84\x31\x95\x33", 4) == 0)
    return TANLU_TEXT_ENCODING_GB18030;

  window = MIN (length, NUL_WINDOW) & ~(gsize) 1;
  for (gsize i = 0; i < window; i += 2)
    {
      even_nuls += head[i] == 0;
      odd_nuls += head[i + 1] == 0;
    }
  /* Characters such as U+0100 put a NUL on the other side now and then. */
  if (odd_nuls > 0 && odd_nuls >= 4 * even_nuls)
    return TANLU_TEXT_ENCODING_UTF16LE;
  if (even_nuls > 0 && even_nuls >= 4 * odd_nuls)
    return TANLU_TEXT_ENCODING_UTF16BE;

  if (tanlu_text_is_utf8_head (head, length))
    return TANLU_TEXT_ENCODING_UTF8;

  return TANLU_TEXT_ENCODING_GB18030;
}
