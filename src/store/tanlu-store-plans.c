/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-store-private.h"

#include <string.h>

/* The future as planners write it: their saved pathways, and the targets
 * of the plans. The store keeps a pathway's spec as text; what it means is
 * the pathway engine's business. */

void
tanlu_stored_pathway_free (TanluStoredPathway *pathway)
{
  if (pathway == NULL)
    return;

  g_free (pathway->name);
  g_free (pathway->region);
  g_free (pathway->spec);
  g_free (pathway->created_at);
  g_free (pathway->modified_at);
  g_free (pathway);
}

static TanluStoredPathway *
stored_pathway_from_row (sqlite3_stmt *stmt)
{
  TanluStoredPathway *pathway = g_new0 (TanluStoredPathway, 1);

  pathway->id = sqlite3_column_int64 (stmt, 0);
  pathway->name = g_strdup (_tanlu_store_column_text (stmt, 1));
  pathway->region = g_strdup (_tanlu_store_column_text (stmt, 2));
  pathway->spec = g_strdup (_tanlu_store_column_text (stmt, 3));
  pathway->created_at = g_strdup (_tanlu_store_column_text (stmt, 4));
  pathway->modified_at = g_strdup (_tanlu_store_column_text (stmt, 5));

  return pathway;
}

#define PATHWAY_COLUMNS "id, name, region, spec, created_at, modified_at"

/**
 * tanlu_store_list_pathways:
 *
 * Returns: (transfer full) (element-type TanluStoredPathway) (nullable):
 *   every saved pathway, by name
 */
GPtrArray *
tanlu_store_list_pathways (TanluStore  *self,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) pathways =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_stored_pathway_free);
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT " PATHWAY_COLUMNS " FROM pathway ORDER BY name", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "list pathways");
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (pathways, stored_pathway_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "list pathways");
      return NULL;
    }

  return g_steal_pointer (&pathways);
}

/**
 * tanlu_store_lookup_pathway:
 *
 * Returns: (transfer full) (nullable): the pathway of that name; %NULL
 *   without an error when there is none
 */
TanluStoredPathway *
tanlu_store_lookup_pathway (TanluStore  *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT " PATHWAY_COLUMNS " FROM pathway WHERE name = ?1", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "find pathway");
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return stored_pathway_from_row (stmt);
  if (rc != SQLITE_DONE)
    _tanlu_store_set_error (error, self->db, "find pathway");

  return NULL;
}

/**
 * tanlu_store_save_pathway:
 * @id: the pathway to replace (or to make again with that id), or 0 for a
 *   new one
 *
 * Returns: the pathway's id, or 0 with @error set; a name another pathway
 *   has is %TANLU_STORE_ERROR_INVALID
 */
gint64
tanlu_store_save_pathway (TanluStore  *self,
                          gint64       id,
                          const char  *name,
                          const char  *region,
                          const char  *spec,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *sql;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && region != NULL && spec != NULL, 0);

  /* With an id, the pathway is replaced, or made again under that id (as
   * when a deletion is undone). */
  if (id == 0)
    sql = "INSERT INTO pathway (name, region, spec, created_at, modified_at)"
          " VALUES (?2, ?3, ?4, ?5, ?5) RETURNING id";
  else
    sql = "INSERT INTO pathway (id, name, region, spec, created_at, modified_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
          " ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region,"
          " spec = excluded.spec, modified_at = excluded.modified_at RETURNING id";

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "save pathway");
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, region, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, spec, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, timestamp, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                 _("There is already a pathway named “%s”; choose another name"), name);
  else
    _tanlu_store_set_error (error, self->db, "save pathway");

  return 0;
}

gboolean
tanlu_store_delete_pathway (TanluStore  *self,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM pathway WHERE id = ?1", -1, &stmt, NULL) !=
        SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, id) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "delete pathway");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */

static const char * const qualifier_names[] = {
  [TANLU_TARGET_EXACT] = "exact",
  [TANLU_TARGET_ABOUT] = "about",
  [TANLU_TARGET_AT_LEAST] = "at_least",
  [TANLU_TARGET_AT_MOST] = "at_most",
};

const char *
tanlu_target_qualifier_to_string (TanluTargetQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_names), NULL);

  return qualifier_names[qualifier];
}

gboolean
tanlu_target_qualifier_from_string (const char           *text,
                                    TanluTargetQualifier *qualifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_names); i++)
    if (g_strcmp0 (text, qualifier_names[i]) == 0)
      {
        *qualifier = i;
        return TRUE;
      }

  return FALSE;
}

void
tanlu_policy_target_free (TanluPolicyTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->document_id);
  g_free (target->indicator);
  g_free (target->unit);
  g_free (target->quote);
  g_free (target->document_title);
  g_free (target->seed_file);
  g_free (target->scope);
  g_free (target->note);
  g_free (target->document_level);
  g_free (target->context);
  g_free (target->place_name_zh);
  g_free (target);
}

TanluPolicyTarget *
tanlu_policy_target_copy (const TanluPolicyTarget *target)
{
  TanluPolicyTarget *copy = g_memdup2 (target, sizeof *target);

  copy->document_id = g_strdup (target->document_id);
  copy->indicator = g_strdup (target->indicator);
  copy->unit = g_strdup (target->unit);
  copy->quote = g_strdup (target->quote);
  copy->document_title = g_strdup (target->document_title);
  copy->seed_file = g_strdup (target->seed_file);
  copy->scope = g_strdup (target->scope);
  copy->note = g_strdup (target->note);
  copy->document_level = g_strdup (target->document_level);
  copy->context = g_strdup (target->context);
  copy->place_name_zh = g_strdup (target->place_name_zh);

  return copy;
}

gboolean
tanlu_store_add_policy_document (TanluStore                 *self,
                                 const TanluPolicyDocument  *document,
                                 GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL && document->id != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO policy_document (id, title_zh, issuer_zh, level,"
                          " region_code, issued, seed_file, seed_offset, note, place_code,"
                          " place_name_zh)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), ?11)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add policy document");
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, document->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, document->title_zh, -1, SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 3, document->issuer_zh);
  sqlite3_bind_text (stmt, 4, document->level, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, document->region_code);
  _tanlu_store_bind_text_or_null (stmt, 6, document->issued);
  sqlite3_bind_text (stmt, 7, document->seed_file, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, document->seed_offset);
  _tanlu_store_bind_text_or_null (stmt, 9, document->note);
  sqlite3_bind_int (stmt, 10, document->place_code);
  _tanlu_store_bind_text_or_null (stmt, 11, document->place_name_zh);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add policy document");
      return FALSE;
    }

  return TRUE;
}

gint64
tanlu_store_add_policy_target (TanluStore               *self,
                               const TanluPolicyTarget  *target,
                               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);
  g_return_val_if_fail (target != NULL, 0);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO policy_target (document_id, region_code, indicator,"
                          " target_year, base_year, value, qualifier, unit, quote, quote_offset,"
                          " scope, note, context, context_offset)"
                          " VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, ?8, ?9, ?10,"
                          " coalesce (?11, 'region'), ?12, ?13, ?14)"
                          " RETURNING id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add policy target");
      return 0;
    }

  sqlite3_bind_text (stmt, 1, target->document_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, target->region_code);
  sqlite3_bind_text (stmt, 3, target->indicator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, target->target_year);
  sqlite3_bind_int (stmt, 5, target->base_year);
  sqlite3_bind_double (stmt, 6, target->value);
  sqlite3_bind_text (stmt, 7, tanlu_target_qualifier_to_string (target->qualifier), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, target->unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, target->quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, target->quote_offset);
  _tanlu_store_bind_text_or_null (stmt, 11, target->scope);
  _tanlu_store_bind_text_or_null (stmt, 12, target->note);
  _tanlu_store_bind_text_or_null (stmt, 13, target->context);
  sqlite3_bind_int64 (stmt, 14, target->context_offset);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "add policy target");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static const char * const policy_indicators[] = {
  "co2_intensity_reduction_pct",
  "energy_intensity_reduction_pct",
  "nonfossil_share_pct",
  "coal_share_pct",
  "forest_coverage_pct",
  "forest_stock_100m_m3",
  "co2_peak_year",
  "carbon_neutral_year",
  "wind_solar_capacity_gw",
  "renewable_capacity_gw",
  "nev_share_pct",
  "green_building_share_pct",
  NULL,
};

/**
 * tanlu_policy_indicator_is_valid:
 *
 * Returns: whether @indicator is in the target library's vocabulary, or
 *   `other: ` followed by a short note of what it measures
 */
gboolean
tanlu_policy_indicator_is_valid (const char *indicator)
{
  const char *note;

  if (indicator == NULL)
    return FALSE;
  if (g_strv_contains (policy_indicators, indicator))
    return TRUE;
  if (!g_str_has_prefix (indicator, "other: "))
    return FALSE;

  note = indicator + strlen ("other: ");
  return g_utf8_validate (note, -1, NULL) && *note != '\0' && !g_ascii_isspace (*note) &&
         g_utf8_strlen (note, -1) <= 200;
}

/**
 * tanlu_policy_document_is_user_plan:
 *
 * Returns: whether the plan of id @document_id is one a user imported
 *   rather than one of the bundled library
 */
gboolean
tanlu_policy_document_is_user_plan (const char *document_id)
{
  return document_id != NULL && g_str_has_prefix (document_id, TANLU_USER_PLAN_PREFIX);
}

static gboolean
policy_document_exists (TanluStore  *self,
                        const char  *id,
                        gboolean    *exists,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM policy_document WHERE id = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "find a plan");
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "find a plan");
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * tanlu_store_has_policy_document:
 *
 * Returns: whether the database holds a plan of id @id
 */
gboolean
tanlu_store_has_policy_document (TanluStore *self,
                                 const char *id)
{
  gboolean exists = FALSE;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return policy_document_exists (self, id, &exists, NULL) && exists;
}

/**
 * tanlu_store_save_user_plan:
 * @document: the plan; its id starts with %TANLU_USER_PLAN_PREFIX
 * @targets: (element-type TanluPolicyTarget): its targets, each stored
 *   under @document whatever its @document_id
 * @replace: whether a plan of the same id is replaced, with all its
 *   targets, rather than refused
 *
 * Stores a plan of the user's own and its targets in one transaction:
 * all of them or, on an error, none. The bundled library's plans are not
 * touched, and a later sync of the library keeps this one.
 *
 * Returns: %FALSE with @error set; a plan already there without @replace
 *   is %TANLU_STORE_ERROR_INVALID
 */
gboolean
tanlu_store_save_user_plan (TanluStore                 *self,
                            const TanluPolicyDocument  *document,
                            GPtrArray                  *targets,
                            gboolean                    replace,
                            GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (tanlu_policy_document_is_user_plan (document->id), FALSE);
  g_return_val_if_fail (targets != NULL, FALSE);

  if (!tanlu_store_begin (self, error))
    return FALSE;

  if (!policy_document_exists (self, document->id, &exists, error))
    goto failed;
  if (exists && !replace)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The plan “%s” of region %u was imported before; replace it to import "
                     "it again"),
                   document->seed_file, document->region_code);
      goto failed;
    }

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM policy_target WHERE document_id = ?1", -1,
                          &stmt, NULL) != SQLITE_OK ||
      sqlite3_bind_text (stmt, 1, document->id, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "replace a plan");
      goto failed;
    }

  if (!tanlu_store_add_policy_document (self, document, error))
    goto failed;

  for (guint i = 0; i < targets->len; i++)
    {
      TanluPolicyTarget target = *(const TanluPolicyTarget *) g_ptr_array_index (targets, i);

      target.document_id = (char *) document->id;
      if (tanlu_store_add_policy_target (self, &target, error) == 0)
        goto failed;
    }

  return tanlu_store_commit (self, error);

failed:
  tanlu_store_rollback (self);
  return FALSE;
}

static GPtrArray *
list_targets (TanluStore  *self,
              gboolean     districts,
              guint        code,
              const char  *indicator,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) targets =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT t.id, t.document_id, t.region_code, t.indicator, t.target_year,"
                          " coalesce (t.base_year, 0), t.value, t.qualifier, t.unit, t.quote,"
                          " t.quote_offset, d.title_zh, d.seed_file, t.scope, t.note, d.level,"
                          " t.context, coalesce (t.context_offset, 0), coalesce (d.place_code, 0),"
                          " d.place_name_zh"
                          " FROM policy_target t JOIN policy_document d ON d.id = t.document_id"
                          " WHERE (d.place_code IS NOT NULL) = ?3"
                          " AND (?1 = 0 OR (CASE WHEN ?3 THEN d.place_code ELSE t.region_code END)"
                          "  = ?1)"
                          " AND (?2 IS NULL OR t.indicator = ?2)"
                          " ORDER BY coalesce (d.place_code, t.region_code), t.indicator,"
                          " t.target_year, t.quote_offset",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "list policy targets");
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, code);
  _tanlu_store_bind_text_or_null (stmt, 2, indicator);
  sqlite3_bind_int (stmt, 3, districts);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluPolicyTarget *target = g_new0 (TanluPolicyTarget, 1);

      target->id = sqlite3_column_int64 (stmt, 0);
      target->document_id = g_strdup (_tanlu_store_column_text (stmt, 1));
      target->region_code = sqlite3_column_int (stmt, 2);
      target->indicator = g_strdup (_tanlu_store_column_text (stmt, 3));
      target->target_year = sqlite3_column_int (stmt, 4);
      target->base_year = sqlite3_column_int (stmt, 5);
      target->value = sqlite3_column_double (stmt, 6);
      if (!tanlu_target_qualifier_from_string (_tanlu_store_column_text (stmt, 7),
                                               &target->qualifier))
        target->qualifier = TANLU_TARGET_EXACT;
      target->unit = g_strdup (_tanlu_store_column_text (stmt, 8));
      target->quote = g_strdup (_tanlu_store_column_text (stmt, 9));
      target->quote_offset = sqlite3_column_int64 (stmt, 10);
      target->document_title = g_strdup (_tanlu_store_column_text (stmt, 11));
      target->seed_file = g_strdup (_tanlu_store_column_text (stmt, 12));
      target->scope = g_strdup (_tanlu_store_column_text (stmt, 13));
      target->note = g_strdup (_tanlu_store_column_text (stmt, 14));
      target->document_level = g_strdup (_tanlu_store_column_text (stmt, 15));
      target->context = g_strdup (_tanlu_store_column_text (stmt, 16));
      target->context_offset = sqlite3_column_int64 (stmt, 17);
      target->place_code = sqlite3_column_int (stmt, 18);
      target->place_name_zh = g_strdup (_tanlu_store_column_text (stmt, 19));
      g_ptr_array_add (targets, target);
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "list policy targets");
      return NULL;
    }

  return g_steal_pointer (&targets);
}

/**
 * tanlu_store_list_policy_targets:
 * @region_code: a region's targets, or 0 for every region's
 * @indicator: (nullable): only targets on this indicator
 *
 * The targets of the plans of regions the registry holds: the nation,
 * ministries, provinces and prefecture-level units; not districts' plans,
 * which tanlu_store_list_district_targets() gives.
 *
 * Returns: (transfer full) (element-type TanluPolicyTarget) (nullable): the
 *   targets, by region, indicator, target year and place in the plan
 */
GPtrArray *
tanlu_store_list_policy_targets (TanluStore  *self,
                                 guint        region_code,
                                 const char  *indicator,
                                 GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return list_targets (self, FALSE, region_code, indicator, error);
}

/**
 * tanlu_store_list_district_targets:
 * @place_code: a district's GB/T 2260 code, or 0 for every district's
 * @indicator: (nullable): only targets on this indicator
 *
 * The targets of districts' plans, each filed under its prefecture-level
 * unit with the district's code and name in @place_code and
 * @place_name_zh.
 *
 * Returns: (transfer full) (element-type TanluPolicyTarget) (nullable): the
 *   targets, by district, indicator, target year and place in the plan
 */
GPtrArray *
tanlu_store_list_district_targets (TanluStore  *self,
                                   guint        place_code,
                                   const char  *indicator,
                                   GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return list_targets (self, TRUE, place_code, indicator, error);
}
