/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "map/tanlu-map-draw.h"
#include "tanlu-exportable.h"

G_BEGIN_DECLS

#define TANLU_TYPE_MAP_EXPORTABLE (tanlu_map_exportable_get_type ())

G_DECLARE_FINAL_TYPE (TanluMapExportable, tanlu_map_exportable, TANLU, MAP_EXPORTABLE, GObject)

TanluExportable *tanlu_map_exportable_new (const TanluMapPicture *picture,
                                           const char            *approval_number);

G_END_DECLS
