/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store-types.h"
#include "tanlu-pathway-presets.h"
#include "tanlu-pathway.h"

G_BEGIN_DECLS

#define TANLU_TYPE_PATHWAY_LIBRARY (tanlu_pathway_library_get_type ())

G_DECLARE_FINAL_TYPE (TanluPathwayLibrary, tanlu_pathway_library, TANLU, PATHWAY_LIBRARY, GObject)

TanluPathwayLibrary *tanlu_pathway_library_new          (TanluStore          *store);
TanluStore          *tanlu_pathway_library_get_store    (TanluPathwayLibrary *self);
void                 tanlu_pathway_library_invalidate   (TanluPathwayLibrary *self);
void                 tanlu_pathway_library_notify_changed (TanluPathwayLibrary *self);
void                 tanlu_pathway_library_set_draft    (TanluPathwayLibrary *self,
                                                         TanluPathwaySpec    *draft);

GPtrArray           *tanlu_pathway_library_list         (TanluPathwayLibrary *self,
                                                         const char          *region,
                                                         GError             **error);
TanluPathwaySpec    *tanlu_pathway_library_lookup       (TanluPathwayLibrary *self,
                                                         const char          *name,
                                                         GError             **error);
gboolean             tanlu_pathway_library_validate     (TanluPathwayLibrary *self,
                                                         const TanluPathwaySpec *spec,
                                                         GError             **error);
gboolean             tanlu_pathway_library_save         (TanluPathwayLibrary *self,
                                                         TanluPathwaySpec    *spec,
                                                         GError             **error);
gboolean             tanlu_pathway_library_rename       (TanluPathwayLibrary *self,
                                                         TanluPathwaySpec    *spec,
                                                         const char          *name,
                                                         GError             **error);
gboolean             tanlu_pathway_library_delete       (TanluPathwayLibrary *self,
                                                         TanluPathwaySpec    *spec,
                                                         GError             **error);
char                *tanlu_pathway_library_unique_name  (TanluPathwayLibrary *self,
                                                         const char          *name);

TanluPathwayInputs  *tanlu_pathway_library_get_inputs   (TanluPathwayLibrary *self,
                                                         guint                code,
                                                         const char          *gdp_series,
                                                         const char          *population_series,
                                                         GError             **error);
TanluPathwaySpec    *tanlu_pathway_library_resolve      (TanluPathwayLibrary *self,
                                                         const TanluPathwaySpec *spec,
                                                         guint                code,
                                                         GError             **error);
TanluPathway        *tanlu_pathway_library_run          (TanluPathwayLibrary *self,
                                                         const TanluPathwaySpec *spec,
                                                         GError             **error);
TanluPathway        *tanlu_pathway_library_run_preset   (TanluPathwayLibrary *self,
                                                         const char          *region,
                                                         TanluPreset          preset,
                                                         GError             **error);
TanluPathway        *tanlu_pathway_library_run_named    (TanluPathwayLibrary *self,
                                                         const char          *region,
                                                         const char          *name,
                                                         GError             **error);
char                *tanlu_pathway_library_display_name (const char          *name,
                                                         gboolean             chinese);

G_END_DECLS
