/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CONTEXT (tanlu_context_get_type ())

G_DECLARE_FINAL_TYPE (TanluContext, tanlu_context, TANLU, CONTEXT, GObject)

TanluContext *tanlu_context_new                (TanluStore   *store);
TanluStore   *tanlu_context_get_store          (TanluContext *self);
TanluRegion  *tanlu_context_get_region         (TanluContext *self);
void          tanlu_context_set_region         (TanluContext *self,
                                                TanluRegion  *region);
void          tanlu_context_data_changed       (TanluContext *self);
void          tanlu_context_tracker_changed    (TanluContext *self,
                                                guint         task);
TanluPathwayLibrary *
              tanlu_context_get_pathways       (TanluContext *self);

G_END_DECLS
