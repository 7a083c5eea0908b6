/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tanlu-chart.h"

G_BEGIN_DECLS

/* Pictures into files: charts and maps draw themselves onto a cairo_t of
 * the size asked for, and this writes PNG, SVG or PDF from it, with the
 * title, source and data years in the file's metadata too. */

/**
 * TanluPictureInfo:
 * @title: (nullable): the picture's title
 * @source: (nullable): where its figures come from
 * @date: (nullable): the years of its data
 * @opaque: whether the drawing covers every pixel, so a PNG needs no alpha
 */
typedef struct
{
  const char *title;
  const char *source;
  const char *date;
  gboolean    opaque;
} TanluPictureInfo;

typedef void (*TanluPictureDrawFunc) (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gpointer  user_data);

gboolean tanlu_picture_export (TanluChartFormat         format,
                               int                      width,
                               int                      height,
                               double                   scale,
                               const TanluPictureInfo  *info,
                               TanluPictureDrawFunc     draw,
                               gpointer                 user_data,
                               const char              *path,
                               GError                 **error);

G_END_DECLS
