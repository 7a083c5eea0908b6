/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-sector-group.h"

G_BEGIN_DECLS

/* The earliest and latest years a pathway may name. */
#define TANLU_PATHWAY_MIN_YEAR          1990
#define TANLU_PATHWAY_MAX_YEAR          2100
#define TANLU_PATHWAY_DEFAULT_END_YEAR  2060

#define TANLU_PATHWAY_ERROR (tanlu_pathway_error_quark ())

/**
 * TanluPathwayError:
 * @TANLU_PATHWAY_ERROR_SYNTAX: the spec is not JSON, or too deep
 * @TANLU_PATHWAY_ERROR_INVALID: a field has a value it may not have
 * @TANLU_PATHWAY_ERROR_UNKNOWN_REGION: the region is neither a region nor a group
 * @TANLU_PATHWAY_ERROR_UNKNOWN_LEVER: a lever or sector group that does not exist
 * @TANLU_PATHWAY_ERROR_UNKNOWN_PARENT: no preset or saved pathway of that name
 * @TANLU_PATHWAY_ERROR_CIRCULAR: the pathway inherits from itself
 * @TANLU_PATHWAY_ERROR_NO_DATA: the region has no emissions to start from
 * @TANLU_PATHWAY_ERROR_NO_DRIVER: a driver series lacks the years needed
 *
 * Messages are translated and name the field and the value.
 */
typedef enum
{
  TANLU_PATHWAY_ERROR_SYNTAX,
  TANLU_PATHWAY_ERROR_INVALID,
  TANLU_PATHWAY_ERROR_UNKNOWN_REGION,
  TANLU_PATHWAY_ERROR_UNKNOWN_LEVER,
  TANLU_PATHWAY_ERROR_UNKNOWN_PARENT,
  TANLU_PATHWAY_ERROR_CIRCULAR,
  TANLU_PATHWAY_ERROR_NO_DATA,
  TANLU_PATHWAY_ERROR_NO_DRIVER,
} TanluPathwayError;

/**
 * TanluLever:
 * @TANLU_LEVER_GDP_GROWTH: GDP growth, % a year (default: the GDP driver's)
 * @TANLU_LEVER_INTENSITY_CHANGE: change of CO₂ per unit of GDP, % a year,
 *   for the whole region (default 0)
 * @TANLU_LEVER_EMISSIONS: CO₂ emissions given directly, Mt, at keyframe
 *   years, instead of growth and intensity (for regions without GDP)
 * @TANLU_LEVER_REMOVALS: CO₂ removed or captured, Mt a year (default 0)
 * @TANLU_LEVER_SECTOR_FIRST: the first of the sector groups' adjustments,
 *   percentage points a year added to @TANLU_LEVER_INTENSITY_CHANGE for
 *   that group; one per #TanluSectorGroup, in its order
 *
 * Rates are interpolated linearly between keyframes and held before the
 * first and after the last; @TANLU_LEVER_EMISSIONS and
 * @TANLU_LEVER_REMOVALS start from the base year's value (observed
 * emissions, no removals) and are held after their last keyframe.
 */
typedef enum
{
  TANLU_LEVER_GDP_GROWTH,
  TANLU_LEVER_INTENSITY_CHANGE,
  TANLU_LEVER_EMISSIONS,
  TANLU_LEVER_REMOVALS,
  TANLU_LEVER_SECTOR_FIRST,
} TanluLever;

#define TANLU_N_LEVERS (TANLU_LEVER_SECTOR_FIRST + TANLU_N_SECTOR_GROUPS)
#define TANLU_LEVER_FOR_SECTOR(group) ((TanluLever) (TANLU_LEVER_SECTOR_FIRST + (group)))

/**
 * TanluKeyframe:
 *
 * A lever's value at a year.
 */
typedef struct
{
  guint   year;
  double  value;
} TanluKeyframe;

typedef struct _TanluPathwaySpec TanluPathwaySpec;

#define TANLU_TYPE_PATHWAY_SPEC (tanlu_pathway_spec_get_type ())

GType             tanlu_pathway_spec_get_type          (void) G_GNUC_CONST;
GQuark            tanlu_pathway_error_quark            (void);

TanluPathwaySpec *tanlu_pathway_spec_new               (const char        *name,
                                                        const char        *region);
TanluPathwaySpec *tanlu_pathway_spec_ref               (TanluPathwaySpec  *self);
void              tanlu_pathway_spec_unref             (TanluPathwaySpec  *self);
TanluPathwaySpec *tanlu_pathway_spec_copy              (const TanluPathwaySpec *self);
gboolean          tanlu_pathway_spec_equal             (const TanluPathwaySpec *a,
                                                        const TanluPathwaySpec *b);

gint64            tanlu_pathway_spec_get_id            (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_id            (TanluPathwaySpec  *self,
                                                        gint64             id);
const char       *tanlu_pathway_spec_get_name          (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_name          (TanluPathwaySpec  *self,
                                                        const char        *name);
const char       *tanlu_pathway_spec_get_region        (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_region        (TanluPathwaySpec  *self,
                                                        const char        *region);
const char       *tanlu_pathway_spec_get_parent        (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_parent        (TanluPathwaySpec  *self,
                                                        const char        *parent);
const char       *tanlu_pathway_spec_get_notes         (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_notes         (TanluPathwaySpec  *self,
                                                        const char        *notes);
guint             tanlu_pathway_spec_get_end_year      (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_end_year      (TanluPathwaySpec  *self,
                                                        guint              end_year);
const char       *tanlu_pathway_spec_get_gdp_series    (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_gdp_series    (TanluPathwaySpec  *self,
                                                        const char        *indicator_code);
const char       *tanlu_pathway_spec_get_population_series (const TanluPathwaySpec *self);
void              tanlu_pathway_spec_set_population_series (TanluPathwaySpec  *self,
                                                        const char        *indicator_code);

const GArray     *tanlu_pathway_spec_get_keyframes     (const TanluPathwaySpec *self,
                                                        TanluLever         lever);
gboolean          tanlu_pathway_spec_get_keyframe      (const TanluPathwaySpec *self,
                                                        TanluLever         lever,
                                                        guint              year,
                                                        double            *value);
void              tanlu_pathway_spec_set_keyframe      (TanluPathwaySpec  *self,
                                                        TanluLever         lever,
                                                        guint              year,
                                                        double             value);
gboolean          tanlu_pathway_spec_remove_keyframe   (TanluPathwaySpec  *self,
                                                        TanluLever         lever,
                                                        guint              year);
void              tanlu_pathway_spec_clear_lever       (TanluPathwaySpec  *self,
                                                        TanluLever         lever);
void              tanlu_pathway_spec_overlay           (TanluPathwaySpec  *self,
                                                        const TanluPathwaySpec *child);

TanluPathwaySpec *tanlu_pathway_spec_new_from_json     (const char        *json,
                                                        gssize             length,
                                                        const char        *display_name,
                                                        GError           **error);
char             *tanlu_pathway_spec_to_json           (const TanluPathwaySpec *self);

const char       *tanlu_lever_to_string                (TanluLever         lever);
char             *tanlu_lever_get_path                 (TanluLever         lever);
gboolean          tanlu_lever_is_rate                  (TanluLever         lever);
gboolean          tanlu_lever_check_value              (TanluLever         lever,
                                                        double             value);
char             *tanlu_lever_get_name                 (TanluLever         lever,
                                                        gboolean           chinese);
const char       *tanlu_lever_get_unit                 (TanluLever         lever);
double            tanlu_keyframes_rate_at              (const GArray      *keyframes,
                                                        guint              year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluPathwaySpec, tanlu_pathway_spec_unref)

G_END_DECLS
