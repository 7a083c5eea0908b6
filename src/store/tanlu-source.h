/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_SOURCE (tanlu_source_get_type ())

G_DECLARE_FINAL_TYPE (TanluSource, tanlu_source, TANLU, SOURCE, GObject)

/**
 * TanluSourceInfo:
 *
 * What is known about where figures come from. Every observation refers to
 * one, so every figure shown or exported can name its origin. Figures from
 * a @projection source are someone's projection of the future (or of years
 * not yet counted), never drawn or exported as observed history.
 */
typedef struct
{
  const char *key;
  const char *title_zh;
  const char *title_en;
  const char *publisher;
  const char *citation;
  const char *licence;
  const char *url;
  gboolean    projection;
} TanluSourceInfo;

TanluSource *tanlu_source_new               (gint64                 id,
                                             const TanluSourceInfo *info);
gint64       tanlu_source_get_id            (TanluSource           *self);
const char  *tanlu_source_get_key           (TanluSource           *self);
const char  *tanlu_source_get_title         (TanluSource           *self);
const char  *tanlu_source_get_title_zh      (TanluSource           *self);
const char  *tanlu_source_get_title_en      (TanluSource           *self);
const char  *tanlu_source_get_publisher     (TanluSource           *self);
const char  *tanlu_source_get_citation      (TanluSource           *self);
const char  *tanlu_source_get_licence       (TanluSource           *self);
const char  *tanlu_source_get_url           (TanluSource           *self);
gboolean     tanlu_source_is_projection     (TanluSource           *self);

G_END_DECLS
