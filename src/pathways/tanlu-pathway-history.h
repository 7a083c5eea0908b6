/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-pathway-library.h"

G_BEGIN_DECLS

#define TANLU_TYPE_PATHWAY_HISTORY (tanlu_pathway_history_get_type ())

G_DECLARE_FINAL_TYPE (TanluPathwayHistory, tanlu_pathway_history, TANLU, PATHWAY_HISTORY, GObject)

TanluPathwayHistory *tanlu_pathway_history_new      (TanluPathwayLibrary  *library);
gboolean             tanlu_pathway_history_begin    (TanluPathwayHistory  *self,
                                                     GError              **error);
gboolean             tanlu_pathway_history_end      (TanluPathwayHistory  *self,
                                                     const char           *label,
                                                     GError              **error);
void                 tanlu_pathway_history_cancel   (TanluPathwayHistory  *self);
gboolean             tanlu_pathway_history_can_undo (TanluPathwayHistory  *self);
gboolean             tanlu_pathway_history_can_redo (TanluPathwayHistory  *self);
const char          *tanlu_pathway_history_get_undo_label (TanluPathwayHistory *self);
const char          *tanlu_pathway_history_get_redo_label (TanluPathwayHistory *self);
gboolean             tanlu_pathway_history_undo     (TanluPathwayHistory  *self,
                                                     GError              **error);
gboolean             tanlu_pathway_history_redo     (TanluPathwayHistory  *self,
                                                     GError              **error);
void                 tanlu_pathway_history_clear    (TanluPathwayHistory  *self);

G_END_DECLS
