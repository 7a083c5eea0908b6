/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     tanlu_locale_prefers_chinese (void);
const char  *tanlu_locale_pick            (const char *text_zh,
                                           const char *text_en);

G_END_DECLS
