/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_WINDOW (tanlu_window_get_type ())

G_DECLARE_FINAL_TYPE (TanluWindow, tanlu_window, TANLU, WINDOW, AdwApplicationWindow)

TanluWindow  *tanlu_window_new         (GtkApplication     *application,
                                        TanluContext       *context,
                                        GSettings          *settings);
TanluContext *tanlu_window_get_context (TanluWindow        *self);

G_END_DECLS
