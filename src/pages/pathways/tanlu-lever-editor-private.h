/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-lever-editor.h"

G_BEGIN_DECLS

gboolean _tanlu_lever_editor_get_point (TanluLeverEditor *self,
                                        guint             year,
                                        double           *x,
                                        double           *y);

G_END_DECLS
