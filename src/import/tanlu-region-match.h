/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/**
 * TanluRegionMatchKind:
 * @TANLU_REGION_MATCH_MATCHED: one unit of the registry
 * @TANLU_REGION_MATCH_AMBIGUOUS: several units, listed in @candidates
 * @TANLU_REGION_MATCH_NOT_FOUND: none; @suggestions holds the closest names
 * @TANLU_REGION_MATCH_TOTAL_ROW: a total (合计, 全省, Total), not a region
 * @TANLU_REGION_MATCH_BELOW_REGISTRY: a county or district, or its code,
 *   below what the registry holds; @prefecture_code is its prefecture-level
 *   unit when known, else 0
 */
typedef enum
{
  TANLU_REGION_MATCH_MATCHED,
  TANLU_REGION_MATCH_AMBIGUOUS,
  TANLU_REGION_MATCH_NOT_FOUND,
  TANLU_REGION_MATCH_TOTAL_ROW,
  TANLU_REGION_MATCH_BELOW_REGISTRY,
} TanluRegionMatchKind;

/**
 * TanluRegionMatchMethod:
 * @TANLU_REGION_MATCH_BY_NONE: not matched (a total row, or nothing found
 *   by name)
 * @TANLU_REGION_MATCH_BY_CODE: a GB/T 2260 code
 * @TANLU_REGION_MATCH_BY_FORMER_CODE: a code since replaced by another for
 *   the same unit (342200 → 341300)
 * @TANLU_REGION_MATCH_BY_NAME: a Chinese name, short or full
 * @TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX: a Chinese name without its
 *   suffix (阿坝州, 锡林郭勒)
 * @TANLU_REGION_MATCH_BY_ENGLISH_NAME: an English name, with or without
 *   Province, City, Prefecture…
 * @TANLU_REGION_MATCH_BY_FORMER_NAME: a former name of a unit renamed
 *   without a change of code (襄樊 → 襄阳)
 * @TANLU_REGION_MATCH_BY_CHOICE: a choice the user made, remembered
 *
 * How a text was matched to its unit (or units).
 */
typedef enum
{
  TANLU_REGION_MATCH_BY_NONE,
  TANLU_REGION_MATCH_BY_CODE,
  TANLU_REGION_MATCH_BY_FORMER_CODE,
  TANLU_REGION_MATCH_BY_NAME,
  TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX,
  TANLU_REGION_MATCH_BY_ENGLISH_NAME,
  TANLU_REGION_MATCH_BY_FORMER_NAME,
  TANLU_REGION_MATCH_BY_CHOICE,
} TanluRegionMatchMethod;

/**
 * TanluRegionMatch:
 * @text: the text as given
 * @kind: what it is
 * @code: for %TANLU_REGION_MATCH_MATCHED, today's code of the unit (a
 *   historical unit that merged or split keeps its own); else 0
 * @method: how it matched
 * @explanation: (nullable): how it matched, for people (translated), such
 *   as “former name 襄樊 → 襄阳 (2010)”
 * @candidates: the codes of the units an ambiguous text names
 * @suggestions: for %TANLU_REGION_MATCH_NOT_FOUND, up to 3 codes of the
 *   closest names, best first
 * @prefecture_code: for %TANLU_REGION_MATCH_BELOW_REGISTRY, the
 *   prefecture-level unit, or 0 when unknown
 *
 * The match of one cell.
 */
typedef struct
{
  char                   *text;
  TanluRegionMatchKind    kind;
  guint                   code;
  TanluRegionMatchMethod  method;
  char                   *explanation;
  GArray                 *candidates;
  GArray                 *suggestions;
  guint                   prefecture_code;
} TanluRegionMatch;

typedef struct _TanluRegionMatcher TanluRegionMatcher;

void                tanlu_region_match_free                    (TanluRegionMatch    *match);
const char         *tanlu_region_match_kind_to_string          (TanluRegionMatchKind kind);

TanluRegionMatcher *tanlu_region_matcher_new                   (TanluStore          *store);
void                tanlu_region_matcher_free                  (TanluRegionMatcher  *self);
void                tanlu_region_matcher_set_preferred_level   (TanluRegionMatcher  *self,
                                                                TanluRegionLevel     level);
void                tanlu_region_matcher_clear_preferred_level (TanluRegionMatcher  *self);
TanluRegionMatch   *tanlu_region_matcher_match                 (TanluRegionMatcher  *self,
                                                                const char          *text,
                                                                guint                parent_hint,
                                                                guint                year);
void                tanlu_region_matcher_remember              (TanluRegionMatcher  *self,
                                                                const char          *text,
                                                                guint                code);
JsonObject         *tanlu_region_matcher_save_choices          (TanluRegionMatcher  *self);
gboolean            tanlu_region_matcher_load_choices          (TanluRegionMatcher  *self,
                                                                JsonObject          *choices,
                                                                GError             **error);
char               *tanlu_region_normalize                     (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluRegionMatch, tanlu_region_match_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluRegionMatcher, tanlu_region_matcher_free)

G_END_DECLS
