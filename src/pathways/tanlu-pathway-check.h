/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/tanlu-store.h"
#include "tanlu-pathway-library.h"
#include "tanlu-pathway.h"

G_BEGIN_DECLS

/**
 * TanluCheckStatus:
 * @TANLU_CHECK_MET: the pathway meets the target
 * @TANLU_CHECK_MISSED: it does not
 * @TANLU_CHECK_NOT_CHECKABLE: Tanlu has no figures to check it with
 */
typedef enum
{
  TANLU_CHECK_MET,
  TANLU_CHECK_MISSED,
  TANLU_CHECK_NOT_CHECKABLE,
} TanluCheckStatus;

/**
 * TanluPathwayCheck:
 * @target: the target, with its quote
 * @reference: the target is another region's (the nation's), shown
 *   because the region has none of its own on that indicator
 * @achieved: what the pathway reaches, in the target's unit: a reduction
 *   in %, a peak year, net emissions in Mt
 * @gap: how far it falls short, in the same unit (0 when met)
 * @needed_rate: for an intensity target, the yearly change of CO₂ per unit
 *   of GDP from the base year to the target year that meets it, in %
 * @pathway_rate: the pathway's own yearly change over those years, in %
 */
typedef struct
{
  TanluPolicyTarget *target;
  gboolean           reference;
  TanluCheckStatus   status;
  double             achieved;
  double             gap;
  double             needed_rate;
  double             pathway_rate;
  char              *summary_zh;
  char              *summary_en;
} TanluPathwayCheck;

void        tanlu_pathway_check_free    (TanluPathwayCheck   *check);
const char *tanlu_pathway_check_get_summary (const TanluPathwayCheck *check,
                                             gboolean             chinese);
GPtrArray  *tanlu_pathway_check_targets (const TanluPathway  *pathway,
                                         GPtrArray           *targets,
                                         gboolean             reference);
GPtrArray  *tanlu_pathway_library_check (TanluPathwayLibrary *library,
                                         const TanluPathway  *pathway,
                                         GError             **error);
GPtrArray  *tanlu_pathway_check_region_targets (TanluStore     *store,
                                                guint           code,
                                                GError        **error);
int         tanlu_pathway_check_compare_targets (gconstpointer  a,
                                                 gconstpointer  b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluPathwayCheck, tanlu_pathway_check_free)

G_END_DECLS
