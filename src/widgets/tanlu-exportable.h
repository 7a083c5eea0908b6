/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "charts/tanlu-chart.h"

G_BEGIN_DECLS

#define TANLU_TYPE_EXPORTABLE (tanlu_exportable_get_type ())

G_DECLARE_INTERFACE (TanluExportable, tanlu_exportable, TANLU, EXPORTABLE, GObject)

/**
 * TanluExportOptions:
 * @theme: colours
 * @language: of the picture's words and numbers
 * @width: the picture's size in pixels at scale 1
 * @height: the picture's size
 *
 * How a picture is to be exported.
 */
typedef struct
{
  TanluChartTheme    theme;
  TanluChartLanguage language;
  int                width;
  int                height;
} TanluExportOptions;

/**
 * TanluExportableInterface:
 * @prepare: makes the picture for @options, reading what it needs
 * @draw: draws the picture last prepared
 * @get_info: its title, source and years, for the file's metadata
 * @get_name: a file name without extension
 * @get_description: (nullable): a JSON description from which the picture
 *   can be drawn again, or %NULL when there is none
 *
 * Something the export dialog can write to a file or the clipboard: a
 * chart, a map.
 */
struct _TanluExportableInterface
{
  GTypeInterface parent_iface;

  gboolean  (*prepare)         (TanluExportable          *self,
                                const TanluExportOptions *options,
                                GError                  **error);
  void      (*draw)            (TanluExportable          *self,
                                cairo_t                  *cr,
                                double                    width,
                                double                    height);
  void      (*get_info)        (TanluExportable          *self,
                                TanluPictureInfo         *info);
  char     *(*get_name)        (TanluExportable          *self);
  char     *(*get_description) (TanluExportable          *self,
                                const TanluExportOptions *options);
};

gboolean  tanlu_exportable_prepare         (TanluExportable          *self,
                                            const TanluExportOptions *options,
                                            GError                  **error);
void      tanlu_exportable_draw            (TanluExportable          *self,
                                            cairo_t                  *cr,
                                            double                    width,
                                            double                    height);
char     *tanlu_exportable_get_name        (TanluExportable          *self);
char     *tanlu_exportable_get_description (TanluExportable          *self,
                                            const TanluExportOptions *options);
gboolean  tanlu_exportable_export          (TanluExportable          *self,
                                            TanluPictureFormat          format,
                                            int                       width,
                                            int                       height,
                                            double                    scale,
                                            const char               *path,
                                            GError                  **error);

G_END_DECLS
