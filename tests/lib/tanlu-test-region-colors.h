/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "map/tanlu-map-draw.h"

G_BEGIN_DECLS

/* A region's colour is read at a point well inside it and clear of names;
 * regions with less room than this, in pixels, are skipped. */
#define TANLU_TEST_REGION_MIN_CLEARANCE 3.0

GPtrArray      *tanlu_test_check_region_colors (cairo_surface_t        *surface,
                                                const TanluMapPicture  *picture,
                                                GPtrArray             **skipped);
cairo_region_t *tanlu_test_map_text_region     (const TanluMapPicture  *picture,
                                                int                     width,
                                                int                     height);

G_END_DECLS
