/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_OBSERVATION (tanlu_observation_get_type ())

G_DECLARE_FINAL_TYPE (TanluObservation, tanlu_observation, TANLU, OBSERVATION, GObject)

TanluObservation *tanlu_observation_new            (TanluRegion      *region,
                                                    TanluIndicator   *indicator,
                                                    guint             year,
                                                    double            value,
                                                    TanluSource      *source);
TanluRegion      *tanlu_observation_get_region     (TanluObservation *self);
TanluIndicator   *tanlu_observation_get_indicator  (TanluObservation *self);
guint             tanlu_observation_get_year       (TanluObservation *self);
double            tanlu_observation_get_value      (TanluObservation *self);
TanluSource      *tanlu_observation_get_source     (TanluObservation *self);
void              tanlu_observation_set_details    (TanluObservation *self,
                                                    const TanluObservationDetails *details);
const char       *tanlu_observation_get_origin     (TanluObservation *self);
guint             tanlu_observation_get_source_code (TanluObservation *self);
const char       *tanlu_observation_get_imported_at (TanluObservation *self);
const char       *tanlu_observation_get_import_path (TanluObservation *self);

G_END_DECLS
