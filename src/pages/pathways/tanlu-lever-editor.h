/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pathways/tanlu-pathway-spec.h"

G_BEGIN_DECLS

#define TANLU_TYPE_LEVER_EDITOR (tanlu_lever_editor_get_type ())

G_DECLARE_FINAL_TYPE (TanluLeverEditor, tanlu_lever_editor, TANLU, LEVER_EDITOR, GtkWidget)

GtkWidget  *tanlu_lever_editor_new              (void);
void        tanlu_lever_editor_set_lever        (TanluLeverEditor *self,
                                                 TanluLever        lever,
                                                 guint             first_year,
                                                 guint             last_year,
                                                 double            start_value,
                                                 const GArray     *own,
                                                 const GArray     *resolved);
int         tanlu_lever_editor_get_selected     (TanluLeverEditor *self);
void        tanlu_lever_editor_select           (TanluLeverEditor *self,
                                                 int               year);
gboolean    tanlu_lever_editor_get_value_at     (TanluLeverEditor *self,
                                                 guint             year,
                                                 double           *value);

G_END_DECLS
