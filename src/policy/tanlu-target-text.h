/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store.h"

G_BEGIN_DECLS

char *tanlu_target_describe       (const TanluPolicyTarget *target,
                                   gboolean                 chinese);
char *tanlu_target_indicator_name (const char              *indicator,
                                   gboolean                 chinese);
char *tanlu_target_title          (const TanluPolicyTarget *target,
                                   gboolean                 chinese);

G_END_DECLS
