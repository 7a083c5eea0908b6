/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_REGION (tanlu_region_get_type ())

G_DECLARE_FINAL_TYPE (TanluRegion, tanlu_region, TANLU, REGION, GObject)

TanluRegion      *tanlu_region_new                  (const char       *key,
                                                     guint             code,
                                                     TanluRegionLevel  level,
                                                     guint             parent_code,
                                                     const char       *name_zh,
                                                     const char       *name_en);
const char       *tanlu_region_get_key              (TanluRegion      *self);
guint             tanlu_region_get_code             (TanluRegion      *self);
TanluRegionLevel  tanlu_region_get_level            (TanluRegion      *self);
guint             tanlu_region_get_parent_code      (TanluRegion      *self);
const char       *tanlu_region_get_name_zh          (TanluRegion      *self);
const char       *tanlu_region_get_name_en          (TanluRegion      *self);
const char       *tanlu_region_get_display_name     (TanluRegion      *self);
const char       *tanlu_region_get_description      (TanluRegion      *self);
const char       *tanlu_region_get_full_name_zh     (TanluRegion      *self);
guint             tanlu_region_get_valid_from       (TanluRegion      *self);
guint             tanlu_region_get_valid_to         (TanluRegion      *self);
gboolean          tanlu_region_is_current           (TanluRegion      *self);
gboolean          tanlu_region_is_valid_in          (TanluRegion      *self,
                                                     guint             year);
void              tanlu_region_set_validity         (TanluRegion      *self,
                                                     const char       *full_name_zh,
                                                     guint             valid_from,
                                                     guint             valid_to);
void              tanlu_region_set_description      (TanluRegion      *self,
                                                     const char       *description_zh,
                                                     const char       *description_en);
gboolean          tanlu_region_get_centroid         (TanluRegion      *self,
                                                     double           *longitude,
                                                     double           *latitude);
void              tanlu_region_set_centroid         (TanluRegion      *self,
                                                     double            longitude,
                                                     double            latitude);
const guint      *tanlu_region_get_member_codes     (TanluRegion      *self,
                                                     guint            *n_members);
void              tanlu_region_set_member_codes     (TanluRegion      *self,
                                                     const guint      *codes,
                                                     guint             n_codes);
gboolean          tanlu_region_matches              (TanluRegion      *self,
                                                     const char       *casefolded_query);
const char       *tanlu_region_level_to_string      (TanluRegionLevel  level);
gboolean          tanlu_region_level_from_string    (const char       *text,
                                                     TanluRegionLevel *level);

G_END_DECLS
