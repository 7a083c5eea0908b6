/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

/**
 * TanluBasemapFeatureRowFunc:
 * @kind: what the feature is
 * @shape: (array length=length): the encoded shape, valid during the call
 *
 * Called for each stored feature by tanlu_store_foreach_basemap_feature().
 * Return %FALSE to stop, setting @error to stop with an error.
 */
typedef gboolean (*TanluBasemapFeatureRowFunc) (const char         *kind,
                                                guint               detail,
                                                const TanluExtent  *extent,
                                                const guint8       *shape,
                                                gsize               length,
                                                gpointer            user_data,
                                                GError            **error);

gboolean  tanlu_store_add_basemap_feature      (TanluStore                 *store,
                                                const char                 *kind,
                                                guint                       detail,
                                                TanluSource                *source,
                                                GBytes                     *shape,
                                                const TanluExtent          *extent,
                                                GError                    **error);
gboolean  tanlu_store_foreach_basemap_feature  (TanluStore                 *store,
                                                guint                       detail,
                                                TanluBasemapFeatureRowFunc  func,
                                                gpointer                    user_data,
                                                GError                    **error);
gboolean  tanlu_store_ensure_basemap           (TanluStore                 *store,
                                                GError                    **error);

G_END_DECLS
