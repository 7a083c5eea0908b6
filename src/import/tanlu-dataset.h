/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

gboolean tanlu_dataset_load_registry      (TanluStore        *store,
                                           const char        *manifest_path,
                                           GError           **error);
gboolean tanlu_dataset_build              (const char        *manifest_path,
                                           const char        *output_path,
                                           GError           **error);
gboolean tanlu_dataset_write_incomplete   (TanluStore        *store,
                                           const char        *path,
                                           GError           **error);
gboolean tanlu_dataset_write_observations (TanluStore        *store,
                                           TanluRegionLevel   level,
                                           const char        *path,
                                           GError           **error);

G_END_DECLS
