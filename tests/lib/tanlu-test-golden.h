/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The font golden images are drawn in: widespread, and the same glyphs
 * wherever it is installed. */
#define TANLU_TEST_GOLDEN_FONT "DejaVu Sans"

gboolean tanlu_test_font_installed           (const char           *family);
void     tanlu_test_compare_golden           (cairo_surface_t      *actual,
                                              const char           *name);
void     tanlu_test_compare_golden_with_text (cairo_surface_t      *actual,
                                              const char           *name,
                                              const cairo_region_t *text);

G_END_DECLS
