/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-store-private.h"

/* Each entry takes the schema from version i to i + 1. Entries are never
 * edited once released: later changes are new entries, so a database made
 * by any earlier version can be brought forward step by step. */
static const char * const migrations[] = {
  /* 0 → 1: regions, boundaries, groups, indicators, sources, observations. */
  "CREATE TABLE source ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  title_zh TEXT NOT NULL,"
  "  title_en TEXT NOT NULL,"
  "  publisher TEXT,"
  "  citation TEXT NOT NULL,"
  "  licence TEXT,"
  "  url TEXT"
  ");"
  "CREATE TABLE region ("
  "  code INTEGER PRIMARY KEY,"
  "  level TEXT NOT NULL CHECK (level IN ('nation', 'province', 'city')),"
  "  parent_code INTEGER REFERENCES region (code),"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  centroid_lon REAL,"
  "  centroid_lat REAL"
  ");"
  "CREATE INDEX region_by_parent ON region (parent_code);"
  /* One row per region and boundary source, so official boundaries can be
   * loaded beside the schematic ones and removed again. */
  "CREATE TABLE region_boundary ("
  "  region_code INTEGER NOT NULL REFERENCES region (code) ON DELETE CASCADE,"
  "  source_id INTEGER NOT NULL REFERENCES source (id),"
  "  schematic INTEGER NOT NULL DEFAULT 1,"
  "  min_lon REAL NOT NULL,"
  "  min_lat REAL NOT NULL,"
  "  max_lon REAL NOT NULL,"
  "  max_lat REAL NOT NULL,"
  "  geometry BLOB NOT NULL,"
  "  PRIMARY KEY (region_code, source_id)"
  ");"
  "CREATE TABLE region_group ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  description_zh TEXT,"
  "  description_en TEXT"
  ");"
  "CREATE TABLE region_group_member ("
  "  group_id INTEGER NOT NULL REFERENCES region_group (id) ON DELETE CASCADE,"
  "  region_code INTEGER NOT NULL REFERENCES region (code),"
  "  PRIMARY KEY (group_id, region_code)"
  ");"
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name_zh TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  family TEXT,"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ");"
  /* Keyed for the most frequent question, one indicator's series for one
   * region, which also answers "everything about a region" one indicator
   * at a time; a cross-section (one indicator, one year) reads one
   * indicator's rows. A single B-tree keeps imports fast. */
  "CREATE TABLE observation ("
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id),"
  "  region_code INTEGER NOT NULL REFERENCES region (code),"
  "  year INTEGER NOT NULL,"
  "  value REAL NOT NULL,"
  "  source_id INTEGER NOT NULL REFERENCES source (id),"
  "  PRIMARY KEY (indicator_id, region_code, year)"
  ") WITHOUT ROWID;",

  /* 1 → 2: an import log, and the values imports replaced, so nothing a
   * later import overwrites is lost. */
  "CREATE TABLE import_log ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  started_at TEXT NOT NULL,"
  "  finished_at TEXT,"
  "  n_observations INTEGER,"
  "  n_replaced INTEGER"
  ");"
  "CREATE TABLE observation_revision ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL,"
  "  region_code INTEGER NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  value REAL NOT NULL,"
  "  source_id INTEGER NOT NULL,"
  "  replaced_at TEXT NOT NULL,"
  "  import_id INTEGER REFERENCES import_log (id)"
  ");"
  "CREATE TRIGGER observation_keep_replaced AFTER UPDATE ON observation "
  "BEGIN"
  "  INSERT INTO observation_revision"
  "    (indicator_id, region_code, year, value, source_id, replaced_at, import_id)"
  "  VALUES (old.indicator_id, old.region_code, old.year, old.value, old.source_id,"
  "          strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT max (id) FROM import_log));"
  "END;"
  "CREATE TRIGGER observation_keep_deleted AFTER DELETE ON observation "
  "BEGIN"
  "  INSERT INTO observation_revision"
  "    (indicator_id, region_code, year, value, source_id, replaced_at, import_id)"
  "  VALUES (old.indicator_id, old.region_code, old.year, old.value, old.source_id,"
  "          strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT max (id) FROM import_log));"
  "END;",

  /* 3: the offline basemap. Land, lakes, rivers, coastlines and country
   * outlines, drawn under the regions; coarse features for the whole
   * world, fine ones where the maps usually look. */
  "CREATE TABLE basemap_feature ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  detail INTEGER NOT NULL,"
  "  source_id INTEGER NOT NULL REFERENCES source (id),"
  "  min_lon REAL NOT NULL,"
  "  min_lat REAL NOT NULL,"
  "  max_lon REAL NOT NULL,"
  "  max_lat REAL NOT NULL,"
  "  geometry BLOB NOT NULL"
  ");"
  "CREATE INDEX basemap_by_detail ON basemap_feature (detail, kind);",

  /* 3 → 4: sources that project rather than observe; emission pathways
   * as their planners saved them; the policy targets pathways are checked
   * against, each with the sentence of the plan that states it. */
  "ALTER TABLE source ADD COLUMN projection INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE pathway ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  region TEXT NOT NULL,"
  "  spec TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL"
  ");"
  "CREATE TABLE policy_document ("
  "  id TEXT PRIMARY KEY,"
  "  title_zh TEXT NOT NULL,"
  "  issuer_zh TEXT,"
  "  level TEXT NOT NULL,"
  "  region_code INTEGER NOT NULL REFERENCES region (code),"
  "  issued TEXT,"
  "  seed_file TEXT NOT NULL,"
  "  seed_offset INTEGER NOT NULL"
  ");"
  "CREATE TABLE policy_target ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id TEXT NOT NULL REFERENCES policy_document (id),"
  "  region_code INTEGER NOT NULL REFERENCES region (code),"
  "  indicator TEXT NOT NULL,"
  "  target_year INTEGER NOT NULL,"
  "  base_year INTEGER,"
  "  value REAL NOT NULL,"
  "  qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'about', 'at_least', 'at_most')),"
  "  unit TEXT NOT NULL,"
  "  quote TEXT NOT NULL,"
  "  quote_offset INTEGER NOT NULL"
  ");"
  "CREATE INDEX policy_target_by_region ON policy_target (region_code, indicator);",

  /* 4 → 5: a dated registry, provenance on every figure, gaps and breaks.
   * Regions get their official names and years of validity, and the
   * changes of code since 1997; observations keep where in their file they
   * came from, the code the file used when it was another, and the import
   * that brought them; region-years can be flagged (incomplete); regions
   * know their neighbours. The codes that changed since the registry
   * before are moved to today's, as the same units under new codes; the
   * whole of Chongqing is 500000, 500100 its districts only, whose figures
   * (the whole municipality's, as in its provincial inventory) are kept
   * among the revisions. The rest of the registry comes from the bundled
   * dataset when the database is opened (tanlu_store_new()). */
  "ALTER TABLE region ADD COLUMN full_name_zh TEXT;"
  "ALTER TABLE region ADD COLUMN valid_from INTEGER;"
  "ALTER TABLE region ADD COLUMN valid_to INTEGER;"
  "CREATE TABLE region_change ("
  "  old_code INTEGER REFERENCES region (code),"
  "  new_code INTEGER NOT NULL REFERENCES region (code),"
  "  year INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('renamed_code', 'merged', 'split', 'created')),"
  "  note TEXT,"
  "  source TEXT,"
  "  UNIQUE (old_code, new_code, year)"
  ");"
  "CREATE INDEX region_change_by_new ON region_change (new_code);"
  "CREATE INDEX region_change_by_old ON region_change (old_code);"
  "ALTER TABLE observation ADD COLUMN origin TEXT;"
  "ALTER TABLE observation ADD COLUMN source_code INTEGER;"
  "ALTER TABLE observation ADD COLUMN import_id INTEGER REFERENCES import_log (id);"
  "CREATE TABLE region_year_flag ("
  "  region_code INTEGER NOT NULL REFERENCES region (code),"
  "  year INTEGER NOT NULL,"
  "  flag TEXT NOT NULL CHECK (flag IN ('incomplete')),"
  "  note TEXT,"
  "  PRIMARY KEY (region_code, year, flag)"
  ") WITHOUT ROWID;"
  "CREATE TABLE region_neighbour ("
  "  a INTEGER NOT NULL REFERENCES region (code),"
  "  b INTEGER NOT NULL REFERENCES region (code),"
  "  PRIMARY KEY (a, b)"
  ") WITHOUT ROWID;"
  /* Moving figures to a new code is not replacing them. */
  "DROP TRIGGER observation_keep_replaced;"
  "CREATE TEMP TABLE recode (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
  "INSERT INTO temp.recode VALUES (469003, 460400), (542200, 540500), (542400, 540600),"
  "  (542600, 540400), (652100, 650400), (652200, 650500);"
  "INSERT OR IGNORE INTO region (code, level, parent_code, name_zh, name_en, centroid_lon,"
  "  centroid_lat)"
  "  SELECT r.new, o.level, o.parent_code, o.name_zh, o.name_en, o.centroid_lon, o.centroid_lat"
  "  FROM temp.recode r JOIN region o ON o.code = r.old;"
  "UPDATE observation SET source_code = region_code,"
  "  region_code = (SELECT new FROM temp.recode WHERE old = observation.region_code)"
  "  WHERE region_code IN (SELECT old FROM temp.recode);"
  "UPDATE region_boundary"
  "  SET region_code = (SELECT new FROM temp.recode WHERE old = region_boundary.region_code)"
  "  WHERE region_code IN (SELECT old FROM temp.recode);"
  "UPDATE OR IGNORE region_group_member"
  "  SET region_code = (SELECT new FROM temp.recode WHERE old = region_group_member.region_code)"
  "  WHERE region_code IN (SELECT old FROM temp.recode);"
  "UPDATE region SET valid_to = CASE code WHEN 469003 THEN 2014 WHEN 542200 THEN 2015"
  "  WHEN 542400 THEN 2016 WHEN 542600 THEN 2014 WHEN 652100 THEN 2014 ELSE 2015 END"
  "  WHERE code IN (SELECT old FROM temp.recode);"
  "INSERT OR IGNORE INTO region_change (old_code, new_code, year, kind)"
  "  SELECT old, new, (SELECT valid_to FROM region WHERE code = old) + 1, 'renamed_code'"
  "  FROM temp.recode;"
  "UPDATE region SET valid_to = 2018 WHERE code = 371200;"
  "INSERT OR IGNORE INTO region_change (old_code, new_code, year, kind, note)"
  "  SELECT 371200, 370100, 2019, 'merged', '莱芜市 merged into 济南市' WHERE EXISTS"
  "  (SELECT 1 FROM region WHERE code = 371200) AND EXISTS (SELECT 1 FROM region WHERE code = 370100);"
  "DROP TABLE temp.recode;"
  "CREATE TRIGGER observation_keep_replaced AFTER UPDATE ON observation "
  "BEGIN"
  "  INSERT INTO observation_revision"
  "    (indicator_id, region_code, year, value, source_id, replaced_at, import_id)"
  "  VALUES (old.indicator_id, old.region_code, old.year, old.value, old.source_id,"
  "          strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT max (id) FROM import_log));"
  "END;"
  "UPDATE OR IGNORE region_group_member SET region_code = 500000"
  "  WHERE region_code = 500100 AND EXISTS (SELECT 1 FROM region WHERE code = 500000);"
  "DELETE FROM region_group_member WHERE region_code = 500100;"
  "DELETE FROM observation WHERE region_code = 500100"
  "  AND EXISTS (SELECT 1 FROM region WHERE code = 500000);"
  "DELETE FROM region_boundary WHERE region_code = 500100;"
  "UPDATE region SET name_zh = '重庆市市辖区', name_en = 'Chongqing (districts)',"
  "  full_name_zh = '重庆市市辖区' WHERE code = 500100;",

  /* 5 → 6: the target library. A target says what it covers (the region,
   * or a sector or area of it) and keeps the sentence around its quote;
   * targets and plans carry the notes of the decisions behind them. */
  "ALTER TABLE policy_target ADD COLUMN scope TEXT NOT NULL DEFAULT 'region';"
  "ALTER TABLE policy_target ADD COLUMN note TEXT;"
  "ALTER TABLE policy_target ADD COLUMN context TEXT;"
  "ALTER TABLE policy_target ADD COLUMN context_offset INTEGER;"
  "ALTER TABLE policy_document ADD COLUMN note TEXT;"
  /* The Chengdu–Chongqing joint plan's actions, tasks and the sites they
   * name, from the plan; and the status a user gives each task, with
   * every earlier status kept. */
  "CREATE TABLE joint_action ("
  "  number INTEGER PRIMARY KEY,"
  "  numeral TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  title_offset INTEGER NOT NULL"
  ");"
  "CREATE TABLE joint_task ("
  "  number INTEGER PRIMARY KEY,"
  "  action INTEGER NOT NULL REFERENCES joint_action (number),"
  "  title TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  text_offset INTEGER NOT NULL,"
  "  units_text TEXT NOT NULL,"
  "  chongqing_lead TEXT NOT NULL,"
  "  chongqing_units TEXT NOT NULL,"
  "  sichuan_lead TEXT NOT NULL,"
  "  sichuan_units TEXT NOT NULL"
  ");"
  "CREATE TABLE joint_site ("
  "  id INTEGER PRIMARY KEY,"
  "  task INTEGER NOT NULL REFERENCES joint_task (number),"
  "  name TEXT NOT NULL,"
  "  kind TEXT,"
  "  quote TEXT NOT NULL,"
  "  quote_offset INTEGER NOT NULL,"
  "  region_codes TEXT NOT NULL,"
  "  location_basis TEXT"
  ");"
  "CREATE TABLE tracker_status ("
  "  task INTEGER PRIMARY KEY REFERENCES joint_task (number),"
  "  status TEXT NOT NULL"
  "    CHECK (status IN ('not_started', 'under_way', 'done', 'delayed')),"
  "  note TEXT,"
  "  date TEXT,"
  "  changed_at TEXT NOT NULL"
  ");"
  /* Every status ever set, in order; an undone one is marked, not lost. */
  "CREATE TABLE tracker_history ("
  "  id INTEGER PRIMARY KEY,"
  "  task INTEGER NOT NULL REFERENCES joint_task (number),"
  "  status TEXT NOT NULL,"
  "  note TEXT,"
  "  date TEXT,"
  "  changed_at TEXT NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0"
  ");",

  /* 6 → 7: district plans. The registry stops at prefecture level, so a
   * district's plan is filed under its prefecture-level unit and keeps the
   * district's own code and name. */
  "ALTER TABLE policy_document ADD COLUMN place_code INTEGER;"
  "ALTER TABLE policy_document ADD COLUMN place_name_zh TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TANLU_STORE_SCHEMA_VERSION);

void
_tanlu_store_set_error (GError     **error,
                        sqlite3     *db,
                        const char  *what)
{
  int code = sqlite3_extended_errcode (db);
  const char *path = sqlite3_db_filename (db, "main");

  if (path == NULL || *path == '\0')
    path = "(memory)";

  /* Each message names the database and what to do; the SQLite wording
   * stays in brackets for whoever reports it. */
  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("The database “%s” is damaged or not a Tanlu database (%s)"), path,
                   sqlite3_errmsg (db));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program that is writing to it; "
                     "try again when it has finished (%s)"),
                   path, sqlite3_errmsg (db));
      break;

    case SQLITE_READONLY:
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written: the file or its folder is read-only "
                     "(%s)"),
                   path, sqlite3_errmsg (db));
      break;

    case SQLITE_FULL:
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_SQL,
                   _("The database “%s” cannot grow: the disk is full (%s)"), path,
                   sqlite3_errmsg (db));
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be read or written (%s)"), path,
                   sqlite3_errmsg (db));
      break;

    default:
      /* Translators: the brackets hold technical detail in English */
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_SQL,
                   _("Tanlu could not use the database “%s” (%s: %s)"), path, what,
                   sqlite3_errmsg (db));
      break;
    }
}

gboolean
_tanlu_store_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, db, "exec");
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tanlu_store_migrate:
 *
 * Applies each step from @from_version to @to_version in its own
 * transaction, recording the new version in `PRAGMA user_version` inside
 * that same transaction, so an interrupted upgrade leaves a consistent
 * database at the last completed version.
 */
gboolean
_tanlu_store_migrate (sqlite3  *db,
                      guint     from_version,
                      guint     to_version,
                      GError  **error)
{
  g_return_val_if_fail (to_version <= G_N_ELEMENTS (migrations), FALSE);

  for (guint version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u;", version + 1);

      if (!_tanlu_store_exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if (!_tanlu_store_exec (db, migrations[version], error) ||
          !_tanlu_store_exec (db, set_version, error) ||
          !_tanlu_store_exec (db, "COMMIT;", error))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %u: "), version + 1);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}
