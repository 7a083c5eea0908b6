/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-import-assistant.h"

G_BEGIN_DECLS

/* For the tests: the step shown, and the recipe as “Save Recipe…” writes it. */
const char *_tanlu_import_assistant_get_step          (TanluImportAssistant *self);
char       *_tanlu_import_assistant_dup_recipe_json   (TanluImportAssistant *self,
                                                       GError              **error);
gboolean    _tanlu_import_assistant_save_recipe       (TanluImportAssistant *self,
                                                       GFile                *file,
                                                       GError              **error);
gboolean    _tanlu_import_assistant_is_busy           (TanluImportAssistant *self);
GtkWidget  *_tanlu_import_assistant_get_preview_cell  (TanluImportAssistant *self,
                                                       guint                 row,
                                                       guint                 column);

G_END_DECLS
