/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store.h"

G_BEGIN_DECLS

/**
 * TanluUserPlanOptions:
 * @region_code: the plan's region, or 0 for the region of the first row
 * @level: (nullable): nation, ministry, province, city or district; by
 *   default the region's own level
 * @title: (nullable): the plan's title; by default the first line of its
 *   text
 * @issuer: (nullable): who issued it
 * @replace: whether a plan imported before from a file of the same name
 *   for the same region is replaced rather than refused
 *
 * How a plan of the user's own is described, beside its text and targets.
 */
typedef struct
{
  guint       region_code;
  const char *level;
  const char *title;
  const char *issuer;
  gboolean    replace;
} TanluUserPlanOptions;

gboolean  tanlu_import_user_plan  (TanluStore                  *store,
                                   const char                  *plan_path,
                                   const char                  *targets_path,
                                   const TanluUserPlanOptions  *options,
                                   guint                       *n_targets,
                                   GError                     **error);
gboolean  tanlu_import_tracker    (TanluStore                  *store,
                                   const char                  *path,
                                   guint                       *n_changed,
                                   guint                       *n_unchanged,
                                   GError                     **error);

G_END_DECLS
