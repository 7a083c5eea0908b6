/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANLU_TYPE_MAP_OPTIONS (tanlu_map_options_get_type ())

G_DECLARE_FINAL_TYPE (TanluMapOptions, tanlu_map_options, TANLU, MAP_OPTIONS, GObject)

TanluMapOptions *tanlu_map_options_new             (void);
const char      *tanlu_map_options_get_unit_scale  (TanluMapOptions *self);
const char      *tanlu_map_options_get_method      (TanluMapOptions *self);
guint            tanlu_map_options_get_classes     (TanluMapOptions *self);
const double    *tanlu_map_options_get_custom_breaks (TanluMapOptions *self,
                                                    gsize           *n_breaks);
const char      *tanlu_map_options_get_palette     (TanluMapOptions *self);
gboolean         tanlu_map_options_get_fixed_scale (TanluMapOptions *self);
guint            tanlu_map_options_get_change_base (TanluMapOptions *self);
gboolean         tanlu_map_options_get_labels      (TanluMapOptions *self);
gboolean         tanlu_map_options_get_capitals    (TanluMapOptions *self);
gboolean         tanlu_map_options_get_sites       (TanluMapOptions *self);
gboolean         tanlu_map_options_get_online_layer (TanluMapOptions *self);
const char      *tanlu_map_options_get_approval_number (TanluMapOptions *self);

G_END_DECLS
