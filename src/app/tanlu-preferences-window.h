/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_PREFERENCES_WINDOW (tanlu_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (
  TanluPreferencesWindow, tanlu_preferences_window, TANLU, PREFERENCES_WINDOW, AdwPreferencesWindow)

TanluPreferencesWindow *tanlu_preferences_window_new (GtkWindow    *parent,
                                                      TanluContext *context,
                                                      GSettings    *settings);

G_END_DECLS
