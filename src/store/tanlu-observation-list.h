/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_OBSERVATION_LIST (tanlu_observation_list_get_type ())

G_DECLARE_FINAL_TYPE (TanluObservationList, tanlu_observation_list, TANLU, OBSERVATION_LIST,
                      GObject)

TanluObservationList *tanlu_observation_list_new         (void);
void                  tanlu_observation_list_append      (TanluObservationList *self,
                                                          TanluRegion          *region,
                                                          TanluIndicator       *indicator,
                                                          guint                 year,
                                                          double                value,
                                                          TanluSource          *source);
void                  tanlu_observation_list_append_with_details
                                                         (TanluObservationList *self,
                                                          TanluRegion          *region,
                                                          TanluIndicator       *indicator,
                                                          guint                 year,
                                                          double                value,
                                                          TanluSource          *source,
                                                          const TanluObservationDetails *details);
void                  tanlu_observation_list_sort        (TanluObservationList *self);
GPtrArray            *tanlu_observation_list_get_sources (TanluObservationList *self);

G_END_DECLS
