/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "geo/tanlu-geometry.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

gboolean       tanlu_boundary_save (TanluStore     *store,
                                    guint           code,
                                    TanluGeometry  *geometry,
                                    TanluSource    *source,
                                    gboolean        schematic,
                                    GError        **error);
TanluGeometry *tanlu_boundary_load (TanluStore     *store,
                                    guint           code,
                                    gboolean       *schematic,
                                    GError        **error);

G_END_DECLS
