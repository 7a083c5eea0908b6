/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define TANLU_PICTURE_ERROR (tanlu_picture_error_quark ())

typedef enum
{
  TANLU_PICTURE_ERROR_INVALID,
  TANLU_PICTURE_ERROR_WRITE,
} TanluPictureError;

typedef enum
{
  TANLU_PICTURE_FORMAT_PNG,
  TANLU_PICTURE_FORMAT_SVG,
  TANLU_PICTURE_FORMAT_PDF,
} TanluPictureFormat;

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

GQuark   tanlu_picture_error_quark      (void);
gboolean tanlu_picture_format_from_path (const char              *path,
                                         TanluPictureFormat      *format);
gboolean tanlu_picture_export (TanluPictureFormat         format,
                               int                      width,
                               int                      height,
                               double                   scale,
                               const TanluPictureInfo  *info,
                               TanluPictureDrawFunc     draw,
                               gpointer                 user_data,
                               const char              *path,
                               GError                 **error);

G_END_DECLS
