/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-indicator.h"
#include "tanlu-source.h"
#include "tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_STORE_SCHEMA_VERSION 7

#define TANLU_STORE_ERROR (tanlu_store_error_quark ())

typedef enum
{
  TANLU_STORE_ERROR_OPEN,
  TANLU_STORE_ERROR_SQL,
  TANLU_STORE_ERROR_TOO_NEW,
  TANLU_STORE_ERROR_NOT_FOUND,
  TANLU_STORE_ERROR_INVALID,
  TANLU_STORE_ERROR_BUSY,
  TANLU_STORE_ERROR_READ_ONLY,
  TANLU_STORE_ERROR_NOT_TANLU,
} TanluStoreError;

/**
 * TanluSeriesPoint:
 *
 * One value of a series, with the source it came from.
 */
typedef struct
{
  guint   year;
  double  value;
  gint64  source_id;
} TanluSeriesPoint;

/**
 * TanluRegionValue:
 *
 * One region's value in a cross-section (one indicator, one year).
 */
typedef struct
{
  guint   code;
  double  value;
  gint64  source_id;
} TanluRegionValue;

/**
 * TanluPendingValue:
 * @origin: where the value came from in its file (a line or row number),
 *   for messages
 * @origin_text: (nullable): the same as the figure's provenance, kept with
 *   it: a sheet and cell, or a line; the string must live until the values
 *   are stored
 * @source_code: the code the file used when it was an old one since
 *   replaced (542600 for 540400), else 0
 *
 * A value read by an importer and not stored yet. Importers collect a
 * file's values, sort them into the store's key order, which finds
 * repeated values and lets the store append rather than insert at random,
 * then store them at once.
 */
typedef struct
{
  gint64  indicator_id;
  guint   region_code;
  guint   year;
  double      value;
  gint64      source_id;
  guint       origin;
  const char *origin_text;
  guint       source_code;
} TanluPendingValue;

/**
 * TanluStoreCounts:
 *
 * What `tanlu info` reports. @n_regions counts today's regions by level,
 * @n_former_regions the units that ended; @first_year and @last_year span
 * the observed values; @n_projected values come from projection sources,
 * up to @last_projected_year.
 */
typedef struct
{
  guint  n_regions[TANLU_REGION_LEVEL_GROUP + 1];
  guint  n_former_regions;
  guint  n_indicators;
  guint  n_observations;
  guint  n_sources;
  guint  n_boundaries;
  guint  first_year;
  guint  last_year;
  guint  n_projected;
  guint  last_projected_year;
} TanluStoreCounts;

/**
 * TanluObservationFunc:
 *
 * Called for each observation by tanlu_store_foreach_observation().
 * Return %FALSE to stop.
 */
typedef gboolean (*TanluObservationFunc) (TanluRegion                   *region,
                                          TanluIndicator                *indicator,
                                          guint                          year,
                                          double                         value,
                                          TanluSource                   *source,
                                          const TanluObservationDetails *details,
                                          gpointer                       user_data);

/**
 * TanluStoredPathway:
 * @name: unique among the database's pathways
 * @region: the region's code or the group's key, as in the spec
 * @spec: the pathway's spec, JSON the store does not interpret
 *
 * A pathway as a planner saved it.
 */
typedef struct
{
  gint64  id;
  char   *name;
  char   *region;
  char   *spec;
  char   *created_at;
  char   *modified_at;
} TanluStoredPathway;

/**
 * TanluTargetQualifier:
 * @TANLU_TARGET_EXACT: the value as stated
 * @TANLU_TARGET_ABOUT: about the value (左右)
 * @TANLU_TARGET_AT_LEAST: the value or more (以上, 不低于, 力争…以上)
 * @TANLU_TARGET_AT_MOST: the value or less (以下, 不超过, 控制在, 前)
 */
typedef enum
{
  TANLU_TARGET_EXACT,
  TANLU_TARGET_ABOUT,
  TANLU_TARGET_AT_LEAST,
  TANLU_TARGET_AT_MOST,
} TanluTargetQualifier;

/**
 * TanluPolicyDocument:
 * @id: a short stable key, such as "cn-opinions"
 * @level: "nation", "ministry", "province", "city" or "district"
 * @issued: (nullable): the date of issue, as written
 * @seed_file: the file of the policy texts it is read from
 * @seed_offset: where it starts there, in characters
 * @place_code: for a district's plan, filed under its prefecture-level
 *   unit @region_code, the district's own GB/T 2260 code; else 0
 * @place_name_zh: (nullable): the district's name
 */
typedef struct
{
  const char *id;
  const char *title_zh;
  const char *issuer_zh;
  const char *level;
  guint       region_code;
  const char *issued;
  const char *seed_file;
  gint64      seed_offset;
  const char *note;
  guint       place_code;
  const char *place_name_zh;
} TanluPolicyDocument;

/**
 * TANLU_USER_PLAN_PREFIX:
 *
 * How the id of a plan a user imported starts; the bundled library's ids
 * never do.
 */
#define TANLU_USER_PLAN_PREFIX "user:"

/**
 * TanluPolicyTarget:
 * @indicator: such as "co2_intensity_reduction_pct" or "co2_peak_year"
 * @base_year: the year a change is measured from, 0 when none is stated
 * @unit: as written in the plan
 * @quote: the plan's words that state the target, verbatim
 * @quote_offset: where @quote starts in the seed file, in characters
 * @document_title: the title of the plan (filled when listed)
 * @seed_file: the file of the plan (filled when listed)
 * @scope: what it covers: "region" for the whole region, or a sector or
 *   area, such as "industry" or "new car sales"
 * @note: (nullable): how it was read from the plan, where that needs saying
 * @document_level: the plan's level: nation, ministry, province, city or
 *   district (filled when listed)
 * @context: (nullable): the sentence around @quote in the plan
 * @context_offset: where @context starts in the seed file
 * @place_code: for a district's plan, the district's code (filled when
 *   listed; @region_code is then its prefecture-level unit); else 0
 * @place_name_zh: (nullable): the district's name (filled when listed)
 *
 * A quantitative target of a plan.
 */
typedef struct
{
  gint64                id;
  char                 *document_id;
  guint                 region_code;
  char                 *indicator;
  guint                 target_year;
  guint                 base_year;
  double                value;
  TanluTargetQualifier  qualifier;
  char                 *unit;
  char                 *quote;
  gint64                quote_offset;
  char                 *document_title;
  char                 *seed_file;
  char                 *scope;
  char                 *note;
  char                 *document_level;
  char                 *context;
  gint64                context_offset;
  guint                 place_code;
  char                 *place_name_zh;
} TanluPolicyTarget;

/* The joint plan's row in policy_document (data/policy/documents.csv). */
#define TANLU_JOINT_PLAN_DOCUMENT "chengyu-joint"

/**
 * TanluJointTask:
 * @number: 1 to 26, in the plan's order
 * @action: the joint action it belongs to, 1 to 10
 * @text: the task as the plan states it; @text_offset where it starts in
 *   the seed file
 * @chongqing_lead: the lead unit on Chongqing's side, the first listed
 * @chongqing_units: all of Chongqing's units, verbatim, separated by 、
 * @sites: (nullable): the sites and projects it names, separated by ；
 * @status: not_started, under_way, done or delayed
 * @note: (nullable): the user's progress note
 * @date: (nullable): the date the status holds from
 * @changed_at: (nullable): when the status was last set
 *
 * A task of the Chengdu–Chongqing joint carbon-peak plan and its status.
 */
typedef struct
{
  guint   number;
  guint   action;
  char   *action_title;
  char   *title;
  char   *text;
  gint64  text_offset;
  char   *units_text;
  char   *chongqing_lead;
  char   *chongqing_units;
  char   *sichuan_lead;
  char   *sichuan_units;
  char   *sites;
  char   *status;
  char   *note;
  char   *date;
  char   *changed_at;
} TanluJointTask;

/**
 * TanluTaskStatusChange:
 * @task: 1 to 26
 * @status: not_started, under_way, done or delayed
 * @note: (nullable): a progress note
 * @date: (nullable): the date the status holds from, YYYY-MM-DD
 *
 * A change of a joint task's status, as tanlu_store_set_task_statuses()
 * takes several at once.
 */
typedef struct
{
  guint       task;
  const char *status;
  const char *note;
  const char *date;
} TanluTaskStatusChange;

/**
 * TanluJointSite:
 * @task: the task that names it, 1 to 26
 * @name: the site or project as the plan names it
 * @kind: (nullable): what it is, in English (e.g. "shale-gas
 *   demonstration zone")
 * @quote: the plan's words that name it; @quote_offset where they start
 *   in the seed file
 * @region_codes: the GB/T 2260 codes of the places it is put at, separated
 *   by commas; a county-level code may be below what the registry holds
 * @location_basis: (nullable): why it is put there
 * @status: the status of its task
 *
 * A site or project a joint task names, placed at the best location the
 * plan's words and the registry support.
 */
typedef struct
{
  gint64  id;
  guint   task;
  char   *name;
  char   *kind;
  char   *quote;
  gint64  quote_offset;
  char   *region_codes;
  char   *location_basis;
  char   *status;
} TanluJointSite;

/**
 * TanluRegionChangeKind:
 * @TANLU_REGION_RENAMED_CODE: the same unit under a new code
 * @TANLU_REGION_MERGED: the old unit ended inside the new one, which
 *   continues with more territory
 * @TANLU_REGION_SPLIT: the old unit ended, divided among new ones
 * @TANLU_REGION_CREATED: the new unit began, from the old one's territory
 *   when there is an old one
 */
typedef enum
{
  TANLU_REGION_RENAMED_CODE,
  TANLU_REGION_MERGED,
  TANLU_REGION_SPLIT,
  TANLU_REGION_CREATED,
} TanluRegionChangeKind;

/**
 * TanluRegionChange:
 * @old_code: the unit before, or 0 for a unit created from nothing listed
 * @new_code: the unit after
 * @year: the first year under the new arrangement
 *
 * A change of the administrative divisions.
 */
typedef struct
{
  guint                  old_code;
  guint                  new_code;
  guint                  year;
  TanluRegionChangeKind  kind;
  char                  *note;
} TanluRegionChange;

#define TANLU_TYPE_STORE (tanlu_store_get_type ())

G_DECLARE_FINAL_TYPE (TanluStore, tanlu_store, TANLU, STORE, GObject)

GQuark           tanlu_store_error_quark               (void);
TanluStore      *tanlu_store_new                       (const char            *path,
                                                        GError               **error);
const char      *tanlu_store_get_path                  (TanluStore            *self);
guint            tanlu_store_get_schema_version        (TanluStore            *self);
char            *tanlu_store_get_default_path          (void);
char            *tanlu_store_find_bundled_dataset      (void);
TanluStore      *tanlu_store_open                      (const char            *path,
                                                        GError               **error);
TanluStore      *tanlu_store_open_for_reading          (const char            *path,
                                                        GError               **error);
gboolean         tanlu_store_is_read_only              (TanluStore            *self);
gboolean         tanlu_store_prepare_default           (const char            *path,
                                                        GError               **error);

gboolean         tanlu_store_reload                    (TanluStore            *self,
                                                        GError               **error);
gboolean         tanlu_store_compact                   (TanluStore            *self,
                                                        GError               **error);
gboolean         tanlu_store_begin                     (TanluStore            *self,
                                                        GError               **error);
gboolean         tanlu_store_commit                    (TanluStore            *self,
                                                        GError               **error);
void             tanlu_store_rollback                  (TanluStore            *self);
gboolean         tanlu_store_in_transaction            (TanluStore            *self);

TanluSource     *tanlu_store_ensure_source             (TanluStore            *self,
                                                        const TanluSourceInfo *info,
                                                        GError               **error);
TanluSource     *tanlu_store_lookup_source             (TanluStore            *self,
                                                        const char            *key_or_title);
TanluSource     *tanlu_store_get_source                (TanluStore            *self,
                                                        gint64                 id);
GPtrArray       *tanlu_store_list_sources              (TanluStore            *self);
gboolean         tanlu_store_delete_source             (TanluStore            *self,
                                                        TanluSource           *source,
                                                        GError               **error);

TanluIndicator  *tanlu_store_ensure_indicator          (TanluStore            *self,
                                                        const TanluIndicatorInfo *info,
                                                        GError               **error);
TanluIndicator  *tanlu_store_create_indicator          (TanluStore            *self,
                                                        const char            *code,
                                                        const char            *name_zh,
                                                        const char            *name_en,
                                                        const char            *unit,
                                                        GError               **error);
TanluIndicator  *tanlu_store_lookup_indicator          (TanluStore            *self,
                                                        const char            *code);
GPtrArray       *tanlu_store_list_indicators           (TanluStore            *self);

gboolean         tanlu_store_add_region                (TanluStore            *self,
                                                        guint                  code,
                                                        TanluRegionLevel       level,
                                                        guint                  parent_code,
                                                        const char            *name_zh,
                                                        const char            *name_en,
                                                        GError               **error);
gboolean         tanlu_store_add_group                 (TanluStore            *self,
                                                        const char            *key,
                                                        const char            *name_zh,
                                                        const char            *name_en,
                                                        const char            *description_zh,
                                                        const char            *description_en,
                                                        const guint           *member_codes,
                                                        guint                  n_members,
                                                        GError               **error);
gboolean         tanlu_store_set_boundary              (TanluStore            *self,
                                                        guint                  code,
                                                        GBytes                *shape,
                                                        const TanluExtent     *extent,
                                                        double                 centroid_lon,
                                                        double                 centroid_lat,
                                                        TanluSource           *source,
                                                        gboolean               schematic,
                                                        GError               **error);
GBytes          *tanlu_store_get_boundary              (TanluStore            *self,
                                                        guint                  code,
                                                        gboolean              *schematic,
                                                        GError               **error);
gboolean         tanlu_store_delete_boundaries_from    (TanluStore            *self,
                                                        TanluSource           *source,
                                                        GArray               **codes,
                                                        GError               **error);
gboolean         tanlu_store_set_region_centroid       (TanluStore            *self,
                                                        guint                  code,
                                                        double                 longitude,
                                                        double                 latitude,
                                                        GError               **error);
gboolean         tanlu_store_has_official_boundaries   (TanluStore            *self);
gboolean         tanlu_store_has_boundary              (TanluStore            *self,
                                                        guint                  code);
gboolean         tanlu_store_set_region_details        (TanluStore            *self,
                                                        guint                  code,
                                                        const char            *full_name_zh,
                                                        guint                  valid_from,
                                                        guint                  valid_to,
                                                        GError               **error);
gboolean         tanlu_store_add_region_change         (TanluStore            *self,
                                                        guint                  old_code,
                                                        guint                  new_code,
                                                        guint                  year,
                                                        TanluRegionChangeKind  kind,
                                                        const char            *note,
                                                        const char            *source,
                                                        GError               **error);
const char      *tanlu_region_change_kind_to_string    (TanluRegionChangeKind  kind);
gboolean         tanlu_region_change_kind_from_string  (const char            *text,
                                                        TanluRegionChangeKind *kind);
GPtrArray       *tanlu_store_list_region_changes       (TanluStore            *self,
                                                        guint                  code);
guint            tanlu_store_get_current_code          (TanluStore            *self,
                                                        guint                  code);
GPtrArray       *tanlu_store_list_breaks               (TanluStore            *self,
                                                        guint                  code);
gboolean         tanlu_tracker_status_is_valid         (const char            *status);
const char      *tanlu_tracker_status_name             (const char            *status,
                                                        gboolean               chinese);
gboolean         tanlu_tracker_date_is_valid           (const char            *date);
gboolean         tanlu_store_get_joint_plan            (TanluStore            *self,
                                                        char                 **title,
                                                        char                 **issuer,
                                                        char                 **issued,
                                                        GError               **error);
void             tanlu_joint_task_free                 (TanluJointTask        *task);
gboolean         tanlu_store_add_joint_action          (TanluStore            *self,
                                                        guint                  number,
                                                        const char            *numeral,
                                                        const char            *title,
                                                        gint64                 title_offset,
                                                        GError               **error);
gboolean         tanlu_store_add_joint_task            (TanluStore            *self,
                                                        const TanluJointTask  *task,
                                                        GError               **error);
gboolean         tanlu_store_add_joint_site            (TanluStore            *self,
                                                        guint                  task,
                                                        const char            *name,
                                                        const char            *kind,
                                                        const char            *quote,
                                                        gint64                 quote_offset,
                                                        const char            *region_codes,
                                                        const char            *location_basis,
                                                        GError               **error);
GPtrArray       *tanlu_store_list_joint_tasks          (TanluStore            *self,
                                                        GError               **error);
void             tanlu_joint_site_free                 (TanluJointSite        *site);
GPtrArray       *tanlu_store_list_joint_sites          (TanluStore            *self,
                                                        guint                  task,
                                                        GError               **error);
gboolean         tanlu_store_set_task_status           (TanluStore            *self,
                                                        guint                  task,
                                                        const char            *status,
                                                        const char            *note,
                                                        const char            *date,
                                                        GError               **error);
gboolean         tanlu_store_set_task_statuses         (TanluStore            *self,
                                                        const TanluTaskStatusChange *changes,
                                                        guint                  n_changes,
                                                        GError               **error);
gboolean         tanlu_store_undo_task_status          (TanluStore            *self,
                                                        guint                  task,
                                                        gboolean              *undone,
                                                        GError               **error);
gboolean         tanlu_store_set_neighbours            (TanluStore            *self,
                                                        const guint           *pairs,
                                                        guint                  n_pairs,
                                                        GError               **error);
GPtrArray       *tanlu_store_list_neighbours           (TanluStore            *self,
                                                        guint                  code);
gboolean         tanlu_store_sync_registry             (TanluStore            *self,
                                                        const char            *bundled_path,
                                                        GError               **error);
TanluRegion     *tanlu_store_lookup_region             (TanluStore            *self,
                                                        guint                  code);
TanluRegion     *tanlu_store_lookup_region_by_key      (TanluStore            *self,
                                                        const char            *key);
GListModel      *tanlu_store_get_regions               (TanluStore            *self);
GPtrArray       *tanlu_store_list_regions_at_level     (TanluStore            *self,
                                                        TanluRegionLevel       level);
GPtrArray       *tanlu_store_list_children             (TanluStore            *self,
                                                        guint                  parent_code,
                                                        GError               **error);

gboolean         tanlu_store_put_observation           (TanluStore            *self,
                                                        TanluRegion           *region,
                                                        TanluIndicator        *indicator,
                                                        guint                  year,
                                                        double                 value,
                                                        TanluSource           *source,
                                                        GError               **error);
void             tanlu_pending_values_sort             (GArray                *values);
const TanluPendingValue *
                 tanlu_pending_values_find_repeat      (GArray                *values);
gboolean         tanlu_store_put_pending_values        (TanluStore            *self,
                                                        GArray                *values,
                                                        GError               **error);
GArray          *tanlu_store_get_series                (TanluStore            *self,
                                                        guint                  region_code,
                                                        const char            *indicator_code,
                                                        GError               **error);
GArray          *tanlu_store_get_region_series         (TanluStore            *self,
                                                        TanluRegion           *region,
                                                        const char            *indicator_code,
                                                        GPtrArray            **members_without_data,
                                                        GError               **error);
GArray          *tanlu_store_get_level_values          (TanluStore            *self,
                                                        TanluRegionLevel       level,
                                                        const char            *indicator_code,
                                                        guint                  year,
                                                        GError               **error);
GListModel      *tanlu_store_list_observations         (TanluStore            *self,
                                                        TanluRegion           *region,
                                                        GError               **error);
gboolean         tanlu_store_foreach_observation       (TanluStore            *self,
                                                        gboolean               filter_level,
                                                        TanluRegionLevel       level,
                                                        guint                  region_code,
                                                        const char            *indicator_code,
                                                        TanluObservationFunc   func,
                                                        gpointer               user_data,
                                                        GError               **error);
gboolean         tanlu_store_get_counts                (TanluStore            *self,
                                                        TanluStoreCounts      *counts,
                                                        GError               **error);
guint            tanlu_store_count_observations        (TanluStore            *self,
                                                        GError               **error);

void             tanlu_stored_pathway_free             (TanluStoredPathway    *pathway);
GPtrArray       *tanlu_store_list_pathways             (TanluStore            *self,
                                                        GError               **error);
TanluStoredPathway *
                 tanlu_store_lookup_pathway            (TanluStore            *self,
                                                        const char            *name,
                                                        GError               **error);
gint64           tanlu_store_save_pathway              (TanluStore            *self,
                                                        gint64                 id,
                                                        const char            *name,
                                                        const char            *region,
                                                        const char            *spec,
                                                        GError               **error);
gboolean         tanlu_store_delete_pathway            (TanluStore            *self,
                                                        gint64                 id,
                                                        GError               **error);

void             tanlu_policy_target_free              (TanluPolicyTarget     *target);
TanluPolicyTarget *
                 tanlu_policy_target_copy              (const TanluPolicyTarget *target);
const char      *tanlu_target_qualifier_to_string      (TanluTargetQualifier   qualifier);
gboolean         tanlu_target_qualifier_from_string    (const char            *text,
                                                        TanluTargetQualifier  *qualifier);
gboolean         tanlu_store_add_policy_document       (TanluStore            *self,
                                                        const TanluPolicyDocument *document,
                                                        GError               **error);
gint64           tanlu_store_add_policy_target         (TanluStore            *self,
                                                        const TanluPolicyTarget *target,
                                                        GError               **error);
gboolean         tanlu_policy_indicator_is_valid       (const char            *indicator);
gboolean         tanlu_policy_document_is_user_plan    (const char            *document_id);
gboolean         tanlu_store_has_policy_document       (TanluStore            *self,
                                                        const char            *id);
gboolean         tanlu_store_save_user_plan            (TanluStore            *self,
                                                        const TanluPolicyDocument *document,
                                                        GPtrArray             *targets,
                                                        gboolean               replace,
                                                        GError               **error);
GPtrArray       *tanlu_store_list_policy_targets       (TanluStore            *self,
                                                        guint                  region_code,
                                                        const char            *indicator,
                                                        GError               **error);
GPtrArray       *tanlu_store_list_district_targets     (TanluStore            *self,
                                                        guint                  place_code,
                                                        const char            *indicator,
                                                        GError               **error);

gboolean         tanlu_store_has_observations          (TanluStore            *self,
                                                        guint                  code);
gboolean         tanlu_store_set_incomplete            (TanluStore            *self,
                                                        guint                  code,
                                                        guint                  year,
                                                        const char            *note,
                                                        GError               **error);
const char      *tanlu_store_get_incomplete            (TanluStore            *self,
                                                        guint                  code,
                                                        guint                  year);
char            *tanlu_origin_describe                 (const char            *origin,
                                                        gboolean               chinese);

gint64           tanlu_store_log_import_start          (TanluStore            *self,
                                                        const char            *path,
                                                        TanluImportKind        kind,
                                                        GError               **error);
gboolean         tanlu_store_log_import_end            (TanluStore            *self,
                                                        gint64                 import_id,
                                                        guint                  n_observations,
                                                        guint                  n_replaced,
                                                        GError               **error);
guint            tanlu_store_count_revisions           (TanluStore            *self,
                                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluStoredPathway, tanlu_stored_pathway_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluJointTask, tanlu_joint_task_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluJointSite, tanlu_joint_site_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluPolicyTarget, tanlu_policy_target_free)

G_END_DECLS
