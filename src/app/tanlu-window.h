/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_WINDOW (tanlu_window_get_type ())

G_DECLARE_FINAL_TYPE (TanluWindow, tanlu_window, TANLU, WINDOW, AdwApplicationWindow)

TanluWindow  *tanlu_window_new           (TanluApplication   *application,
                                          TanluContext       *context);
TanluContext *tanlu_window_get_context   (TanluWindow        *self);
void          tanlu_window_import_files  (TanluWindow        *self,
                                          const char * const *paths);
gboolean      tanlu_window_is_importing  (TanluWindow        *self);
void          tanlu_window_add_toast     (TanluWindow        *self,
                                          AdwToast           *toast);

G_END_DECLS
