/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_APPLICATION (tanlu_application_get_type ())

G_DECLARE_FINAL_TYPE (TanluApplication, tanlu_application, TANLU, APPLICATION, AdwApplication)

TanluApplication *tanlu_application_new          (const char       *db_path);
GSettings        *tanlu_application_get_settings (TanluApplication *self);

G_END_DECLS
