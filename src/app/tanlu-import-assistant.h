/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "widgets/tanlu-context.h"

G_BEGIN_DECLS

#define TANLU_TYPE_IMPORT_ASSISTANT (tanlu_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (TanluImportAssistant, tanlu_import_assistant, TANLU, IMPORT_ASSISTANT,
                      AdwWindow)

TanluImportAssistant *tanlu_import_assistant_new (GtkWindow    *parent,
                                                  TanluContext *context,
                                                  const char   *path);

G_END_DECLS
