/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-exportable.h"

G_BEGIN_DECLS

#define TANLU_TYPE_EXPORT_DIALOG (tanlu_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TanluExportDialog, tanlu_export_dialog, TANLU, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  TANLU_EXPORT_FORMAT_PNG,
  TANLU_EXPORT_FORMAT_SVG,
  TANLU_EXPORT_FORMAT_PDF,
  TANLU_EXPORT_FORMAT_JSON,
} TanluExportFormat;

typedef enum
{
  TANLU_EXPORT_SIZE_SHOWN,
  TANLU_EXPORT_SIZE_SHOWN_2X,
  TANLU_EXPORT_SIZE_1920X1080,
  TANLU_EXPORT_SIZE_3840X2160,
  TANLU_EXPORT_SIZE_1600X1200,
  TANLU_EXPORT_SIZE_CUSTOM,
} TanluExportSize;

TanluExportDialog *tanlu_export_dialog_present (GtkWindow         *parent,
                                                TanluExportable   *exportable,
                                                int                shown_width,
                                                int                shown_height);
gboolean           tanlu_export_copy           (GtkWidget         *widget,
                                                TanluExportable   *exportable,
                                                GError           **error);

G_END_DECLS
