/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TanluTextEncoding:
 * @TANLU_TEXT_ENCODING_AUTO: detect it (see tanlu_text_detect_encoding())
 * @TANLU_TEXT_ENCODING_UTF8: UTF-8, with or without a byte-order mark
 * @TANLU_TEXT_ENCODING_UTF16LE: UTF-16, little-endian (what Excel's
 *   “Unicode text” writes)
 * @TANLU_TEXT_ENCODING_UTF16BE: UTF-16, big-endian
 * @TANLU_TEXT_ENCODING_GB18030: GB 18030, which includes GBK and GB 2312:
 *   what Excel on Chinese Windows writes as “CSV”
 *
 * The encodings a planner's text files come in.
 */
typedef enum
{
  TANLU_TEXT_ENCODING_AUTO,
  TANLU_TEXT_ENCODING_UTF8,
  TANLU_TEXT_ENCODING_UTF16LE,
  TANLU_TEXT_ENCODING_UTF16BE,
  TANLU_TEXT_ENCODING_GB18030,
} TanluTextEncoding;

const char        *tanlu_text_encoding_to_string        (TanluTextEncoding   encoding);
gboolean           tanlu_text_encoding_from_string      (const char         *name,
                                                         TanluTextEncoding  *encoding);
const char        *tanlu_text_encoding_get_display_name (TanluTextEncoding   encoding);
const char        *tanlu_text_encoding_get_iconv_name   (TanluTextEncoding   encoding);
TanluTextEncoding  tanlu_text_detect_encoding           (const guint8       *head,
                                                         gsize               length);
gboolean           tanlu_text_is_utf8_head              (const guint8       *head,
                                                         gsize               length);

G_END_DECLS
