/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_INDICATOR (tanlu_indicator_get_type ())

G_DECLARE_FINAL_TYPE (TanluIndicator, tanlu_indicator, TANLU, INDICATOR, GObject)

/**
 * TanluIndicatorInfo:
 * @code: stable identifier such as "co2.total" or "co2.sector.construction"
 * @category: what kind of breakdown the indicator belongs to ("total",
 *   "sector", "fuel", "scope2", or "user" for indicators defined by imports)
 * @family: an optional grouping inside the category, e.g. "coal" for fuels
 */
typedef struct
{
  const char *code;
  const char *name_zh;
  const char *name_en;
  const char *unit;
  const char *category;
  const char *family;
  int         sort_order;
} TanluIndicatorInfo;

TanluIndicator *tanlu_indicator_new              (gint64                    id,
                                                  const TanluIndicatorInfo *info);
gint64          tanlu_indicator_get_id           (TanluIndicator           *self);
const char     *tanlu_indicator_get_code         (TanluIndicator           *self);
const char     *tanlu_indicator_get_name         (TanluIndicator           *self);
const char     *tanlu_indicator_get_name_zh      (TanluIndicator           *self);
const char     *tanlu_indicator_get_name_en      (TanluIndicator           *self);
const char     *tanlu_indicator_get_unit         (TanluIndicator           *self);
const char     *tanlu_indicator_get_category     (TanluIndicator           *self);
const char     *tanlu_indicator_get_family       (TanluIndicator           *self);
int             tanlu_indicator_get_sort_order   (TanluIndicator           *self);

G_END_DECLS
