/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-geometry.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store-private.h"
#include "tanlu-test-util.h"

static const TanluSourceInfo fixture_source = {
  .key = "fixture",
  .title_zh = "测试数据",
  .title_en = "Test fixture",
  .citation = "Made-up figures for tests",
};

static const TanluIndicatorInfo fixture_indicator = {
  .code = "fixture.value",
  .name_zh = "测试指标",
  .name_en = "Test indicator",
  .unit = "t",
  .category = "user",
};

static guint
query_uint (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int (stmt, 0);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
test_store_create (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *db;

  store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_store_get_schema_version (store), ==, TANLU_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (tanlu_store_get_path (store), ==, path);

  db = _tanlu_store_get_db (store);
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpuint (query_uint (db, "PRAGMA foreign_keys"), ==, 1);

  for (guint i = 0; i < 9; i++)
    {
      static const char * const tables[] = {
        "source", "region", "region_boundary", "region_group", "region_group_member",
        "indicator", "observation", "import_log", "observation_revision",
      };
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", tables[i]);

      g_assert_cmpuint (query_uint (db, sql), ==, 1);
    }

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

/* Fills a database at @version with what that version can hold, so the
 * upgrade has real rows to carry forward. */
static void
fill_at_version (sqlite3 *db,
                 guint    version)
{
  g_autoptr(GError) error = NULL;

  if (version >= 1)
    {
      g_assert_true (
        _tanlu_store_exec (db,
                           "INSERT INTO source (id, key, title_zh, title_en, citation) VALUES (1, "
                           "'fixture', '测试', 'Fixture', 'Made up');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(100000, 'nation', NULL, '中国', 'China');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(510000, 'province', 100000, '四川', 'Sichuan');"
                           "INSERT INTO indicator (id, code, name_zh, name_en, unit, category) "
                           "VALUES (1, 'fixture.value', '测试', 'Fixture', 't', 'user');"
                           "INSERT INTO observation (indicator_id, region_code, year, value, source_id) "
                           "VALUES (1, 510000, 2019, 42.5, 1);"
                           /* A user's figures under a code that changed since (林芝地区
                            * 542600, now 林芝市 540400), and under a unit since merged
                            * away (莱芜 into 济南, 2019) */
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(540000, 'province', 100000, '西藏', 'Tibet');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(542600, 'city', 540000, '林芝', 'Nyingchi');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(370000, 'province', 100000, '山东', 'Shandong');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(370100, 'city', 370000, '济南', 'Jinan');"
                           "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES "
                           "(371200, 'city', 370000, '莱芜', 'Laiwu');"
                           "INSERT INTO observation (indicator_id, region_code, year, value, source_id) "
                           "VALUES (1, 542600, 2013, 7.5, 1);"
                           "INSERT INTO observation (indicator_id, region_code, year, value, source_id) "
                           "VALUES (1, 371200, 2017, 3.25, 1);"
                           "INSERT INTO observation (indicator_id, region_code, year, value, source_id) "
                           "VALUES (1, 370100, 2017, 4.5, 1);",
                           &error));
      g_assert_no_error (error);
    }

  if (version >= 2)
    {
      g_assert_true (
        _tanlu_store_exec (db,
                           "INSERT INTO import_log (id, path, kind, started_at, finished_at,"
                           " n_observations, n_replaced) VALUES (1, '/fixture/old.csv', 'csv',"
                           " '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', 1, 0);",
                           &error));
      g_assert_no_error (error);
    }

  if (version >= 3)
    {
      g_assert_true (
        _tanlu_store_exec (db,
                           "INSERT INTO basemap_feature (id, kind, detail, source_id, min_lon,"
                           " min_lat, max_lon, max_lat, geometry) VALUES (1, 'land', 0, 1,"
                           " 100, 20, 110, 30, x'00');",
                           &error));
      g_assert_no_error (error);
    }

  if (version >= 4)
    {
      g_assert_true (
        _tanlu_store_exec (db,
                           "INSERT INTO source (id, key, title_zh, title_en, citation, projection)"
                           " VALUES (2, 'fixture-projection', '测试预测', 'Fixture projection',"
                           " 'Made up', 1);"
                           "INSERT INTO pathway (id, name, region, spec, created_at, modified_at)"
                           " VALUES (1, 'Fixture saved before', '510000',"
                           " '{\"region\": \"510000\", \"parent\": \"targets\"}',"
                           " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                           "INSERT INTO policy_document (id, title_zh, level, region_code,"
                           " seed_file, seed_offset) VALUES ('fixture-plan', '测试规划',"
                           " 'province', 510000, 'fixture.txt', 0);"
                           "INSERT INTO policy_target (document_id, region_code, indicator,"
                           " target_year, base_year, value, qualifier, unit, quote,"
                           " quote_offset) VALUES ('fixture-plan', 510000, 'co2_peak_year', 2030,"
                           " NULL, 2030, 'at_most', 'year', '测试：2030年前达峰', 0);",
                           &error));
      g_assert_no_error (error);
    }
}

/* What version 4 adds works on an upgraded database: the projection flag
 * of sources, saved pathways, and policy targets. */
static void
check_version_4 (TanluStore *store,
                 guint       from_version)
{
  static const TanluPolicyDocument document = {
    .id = "fixture-after",
    .title_zh = "升级后的测试规划",
    .level = "province",
    .region_code = 510000,
    .seed_file = "fixture-after.txt",
  };
  TanluPolicyTarget target = {
    .document_id = (char *) "fixture-after",
    .region_code = 510000,
    .indicator = (char *) "co2_intensity_reduction_pct",
    .target_year = 2025,
    .base_year = 2020,
    .value = 19.5,
    .qualifier = TANLU_TARGET_AT_LEAST,
    .unit = (char *) "%",
    .quote = (char *) "测试：单位地区生产总值二氧化碳排放下降19.5%",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pathways = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(TanluStoredPathway) saved = NULL;
  guint n_before = from_version >= 4 ? 1 : 0;
  gint64 id;

  /* Sources from before are observations. */
  g_assert_false (tanlu_source_is_projection (tanlu_store_lookup_source (store, "fixture")));

  id = tanlu_store_save_pathway (store, 0, "Fixture – after the upgrade", "510000",
                                 "{\"region\": \"510000\", \"parent\": \"trend\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  pathways = tanlu_store_list_pathways (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pathways->len, ==, n_before + 1);
  saved = tanlu_store_lookup_pathway (store, "Fixture – after the upgrade", &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->id, ==, id);
  g_assert_cmpstr (saved->region, ==, "510000");
  g_assert_cmpstr (saved->spec, ==, "{\"region\": \"510000\", \"parent\": \"trend\"}");

  /* A name is a pathway's own. */
  g_assert_cmpint (tanlu_store_save_pathway (store, 0, "Fixture – after the upgrade", "500000",
                                             "{\"region\": \"500000\"}", &error),
                   ==, 0);
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tanlu_store_add_policy_document (store, &document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tanlu_store_add_policy_target (store, &target, &error), >, 0);
  g_assert_no_error (error);
  targets = tanlu_store_list_policy_targets (store, 510000, NULL, &error);
  g_assert_no_error (error);
  /* The user's plans are kept beside the bundled library it now has. */
  {
    guint n_fixture = 0, n_bundled = 0;

    for (guint i = 0; i < targets->len; i++)
      {
        const TanluPolicyTarget *listed = g_ptr_array_index (targets, i);

        if (g_str_has_prefix (listed->document_id, "fixture-"))
          n_fixture++;
        else
          n_bundled++;
      }
    g_assert_cmpuint (n_fixture, ==, n_before + 1);
    if (from_version < TANLU_STORE_SCHEMA_VERSION)
      {
        g_autoptr(GPtrArray) dazu = tanlu_store_list_district_targets (store, 500111, NULL, &error);

        g_assert_cmpuint (n_bundled, >, 0);
        /* Districts' plans too, under their own codes and names, never
         * among their prefecture's targets */
        g_assert_no_error (error);
        g_assert_cmpuint (dazu->len, >, 0);
        for (guint i = 0; i < dazu->len; i++)
          {
            const TanluPolicyTarget *listed = g_ptr_array_index (dazu, i);

            g_assert_cmpuint (listed->place_code, ==, 500111);
            g_assert_cmpuint (listed->region_code, ==, 500100);
            g_assert_cmpstr (listed->place_name_zh, ==, "重庆市大足区");
            g_assert_cmpstr (listed->document_level, ==, "district");
          }
      }
  }

  if (from_version >= 4)
    {
      g_autoptr(TanluStoredPathway) before = NULL;

      g_assert_true (
        tanlu_source_is_projection (tanlu_store_lookup_source (store, "fixture-projection")));
      before = tanlu_store_lookup_pathway (store, "Fixture saved before", &error);
      g_assert_no_error (error);
      g_assert_nonnull (before);
      g_assert_cmpstr (before->spec, ==, "{\"region\": \"510000\", \"parent\": \"targets\"}");
      g_assert_cmpstr (before->created_at, ==, "2025-01-01T00:00:00Z");
    }
}

static void
test_store_migrations (void)
{
  /* Every earlier version, and the current one reopened */
  for (guint version = 0; version <= TANLU_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = tanlu_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(TanluStore) old_store = NULL;
      g_autoptr(TanluStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) series = NULL;
      TanluIndicator *indicator;
      TanluRegion *region;
      TanluSource *source;

      g_test_message ("upgrading from schema %u", version);

      if (version > 0)
        {
          old_store = _tanlu_store_new_at_version (path, version, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (tanlu_store_get_schema_version (old_store), ==, version);
          fill_at_version (_tanlu_store_get_db (old_store), version);
          g_clear_object (&old_store);
        }

      store = tanlu_store_new (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tanlu_store_get_schema_version (store), ==, TANLU_STORE_SCHEMA_VERSION);

      if (version == 0)
        {
          g_assert_cmpuint (tanlu_store_count_observations (store, &error), ==, 0);
          g_assert_cmpuint (query_uint (_tanlu_store_get_db (store),
                                        "SELECT count (*) FROM pathway"), ==, 0);
          g_clear_object (&store);
          tanlu_test_remove_tree (dir);
          continue;
        }

      /* The rows written by the old version are all there… */
      region = tanlu_store_lookup_region (store, 510000);
      g_assert_nonnull (region);
      g_assert_cmpstr (tanlu_region_get_name_zh (region), ==, "四川");
      series = tanlu_store_get_series (store, 510000, "fixture.value", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, 1);
      g_assert_cmpfloat (g_array_index (series, TanluSeriesPoint, 0).value, ==, 42.5);
      if (version >= 2)
        g_assert_cmpuint (query_uint (_tanlu_store_get_db (store),
                                      "SELECT count (*) FROM import_log"
                                      " WHERE path = '/fixture/old.csv'"),
                          ==, 1);
      if (version >= 3)
        g_assert_cmpuint (query_uint (_tanlu_store_get_db (store),
                                      "SELECT count (*) FROM basemap_feature"),
                          ==, 1);

      /* …and what the new version adds works on them: replacing a value
       * keeps the old one. */
      indicator = tanlu_store_lookup_indicator (store, "fixture.value");
      source = tanlu_store_lookup_source (store, "fixture");
      g_assert_true (tanlu_store_begin (store, &error));
      g_assert_true (
        tanlu_store_put_observation (store, region, indicator, 2019, 43.0, source, &error));
      g_assert_true (tanlu_store_commit (store, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tanlu_store_count_revisions (store, &error), ==, 1);

      check_version_4 (store, version);

      /* The figure under a changed code is under today's, keeping the code
       * its file used; the merged unit keeps its own figures, not added into
       * its successor's. */
      {
        g_autoptr(GArray) nyingchi = tanlu_store_get_series (store, 540400, "fixture.value", &error);
        g_autoptr(GArray) old_code = tanlu_store_get_series (store, 542600, "fixture.value", &error);
        g_autoptr(GArray) laiwu = tanlu_store_get_series (store, 371200, "fixture.value", &error);
        g_autoptr(GArray) jinan = tanlu_store_get_series (store, 370100, "fixture.value", &error);

        g_assert_no_error (error);
        /* (Written at version 5 itself, the rows stay where they were put.) */
        if (version < 5)
          {
            g_assert_cmpuint (nyingchi->len, ==, 1);
            g_assert_cmpfloat (g_array_index (nyingchi, TanluSeriesPoint, 0).value, ==, 7.5);
            g_assert_cmpuint (old_code == NULL ? 0 : old_code->len, ==, 0);
            g_assert_cmpuint (query_uint (_tanlu_store_get_db (store),
                                          "SELECT source_code FROM observation"
                                          " WHERE region_code = 540400"),
                              ==, 542600);
            g_assert_cmpuint (tanlu_store_get_current_code (store, 542600), ==, 540400);
          }
        g_assert_cmpuint (laiwu->len, ==, 1);
        g_assert_cmpfloat (g_array_index (laiwu, TanluSeriesPoint, 0).value, ==, 3.25);
        g_assert_cmpuint (jinan->len, ==, 1);
        g_assert_cmpfloat (g_array_index (jinan, TanluSeriesPoint, 0).value, ==, 4.5);
        if (version < 5)
          g_assert_cmpuint (tanlu_region_get_valid_to (tanlu_store_lookup_region (store, 371200)),
                            ==, 2018);
      }

      g_clear_object (&store);
      tanlu_test_remove_tree (dir);
    }
}

static void
test_store_too_new (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = tanlu_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));

  tanlu_test_remove_tree (dir);
}

static void
test_store_not_a_database (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = tanlu_test_write_file (
    dir, "notes.db",
    "These are notes, not a database, but long enough to have a header of sorts.\n", -1);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_file_get_contents (path, &before, NULL, NULL);

  store = tanlu_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "notes.db"));

  {
    g_autofree char *after = NULL;

    g_file_get_contents (path, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }

  tanlu_test_remove_tree (dir);
}

static void
test_store_rollback (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (store));
  g_autofree char *after = NULL;
  TanluIndicator *indicator;
  TanluSource *source;
  guint n_regions = g_list_model_get_n_items (tanlu_store_get_regions (store));

  g_assert_true (tanlu_store_begin (store, &error));
  g_assert_true (tanlu_store_in_transaction (store));
  source = tanlu_store_ensure_source (store, &fixture_source, &error);
  indicator = tanlu_store_ensure_indicator (store, &fixture_indicator, &error);
  g_assert_no_error (error);
  g_assert_true (tanlu_store_add_region (store, 519900, TANLU_REGION_LEVEL_CITY, 510000, "测试市",
                                         "Testville", &error));
  g_assert_true (tanlu_store_put_observation (store, tanlu_store_lookup_region (store, 510100),
                                              indicator, 2020, 1.5, source, &error));
  g_assert_no_error (error);
  g_assert_nonnull (tanlu_store_lookup_indicator (store, "fixture.value"));

  tanlu_store_rollback (store);
  g_assert_false (tanlu_store_in_transaction (store));

  /* Neither the file nor what the store remembers keeps a trace. */
  after = tanlu_test_fingerprint (tanlu_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
  g_assert_null (tanlu_store_lookup_indicator (store, "fixture.value"));
  g_assert_null (tanlu_store_lookup_source (store, "fixture"));
  g_assert_null (tanlu_store_lookup_region (store, 519900));
  g_assert_cmpuint (g_list_model_get_n_items (tanlu_store_get_regions (store)), ==, n_regions);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_create_indicator (void)
{
  static const char * const bad_codes[] = {
    "", "GDP", "gdp.", ".gdp", "gdp..bureau", "gdp bureau", "国内生产总值", "gdp._bureau",
    "gdp.-bureau", "1gdp", "gdp/bureau",
    "gdp.sichuan-bureau.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  };
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (tanlu_store_get_path (store));
  TanluIndicator *indicator;
  TanluIndicator *again;

  g_assert_true (tanlu_store_begin (store, &error));
  indicator = tanlu_store_create_indicator (store, "gdp.fixture-bureau", " 虚构地区生产总值　",
                                            "Fixture GDP ", "亿元", &error);
  g_assert_no_error (error);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (tanlu_indicator_get_code (indicator), ==, "gdp.fixture-bureau");
  g_assert_cmpstr (tanlu_indicator_get_name_zh (indicator), ==, "虚构地区生产总值");
  g_assert_cmpstr (tanlu_indicator_get_name_en (indicator), ==, "Fixture GDP");
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "亿元");
  g_assert_cmpstr (tanlu_indicator_get_category (indicator), ==, "user");
  g_assert_true (tanlu_store_lookup_indicator (store, "gdp.fixture-bureau") == indicator);

  /* The same code in the same unit is the same indicator; its names stay. */
  again = tanlu_store_create_indicator (store, "gdp.fixture-bureau", "别的名字", "Another name",
                                        " 亿元", &error);
  g_assert_no_error (error);
  g_assert_true (again == indicator);
  g_assert_cmpstr (tanlu_indicator_get_name_en (again), ==, "Fixture GDP");

  /* In another unit it is refused, whoever defined the indicator. */
  g_assert_null (tanlu_store_create_indicator (store, "gdp.fixture-bureau", "虚构", "Fixture",
                                               "万元", &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The indicator gdp.fixture-bureau exists already in “亿元”, not “万元”; "
                   "convert the values to “亿元” or choose another code");
  g_clear_error (&error);
  g_assert_nonnull (tanlu_store_ensure_indicator (store, &fixture_indicator, &error));
  g_assert_null (tanlu_store_create_indicator (store, "fixture.value", "测试", "Test", "Mt",
                                               &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      g_autofree char *expected = g_strdup_printf (
        "“%s” is not an indicator code: use words of lower-case letters, digits, “_” and “-”, "
        "separated by dots, such as “gdp.sichuan-bureau”",
        bad_codes[i]);

      g_test_message ("%s", bad_codes[i]);
      g_assert_null (tanlu_store_create_indicator (store, bad_codes[i], "虚构", "Fixture", "万吨",
                                                   &error));
      g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_null (tanlu_store_lookup_indicator (store, bad_codes[i]));
    }

  g_assert_null (tanlu_store_create_indicator (store, "energy.fixture", "　", "Fixture energy",
                                               "万吨标准煤", &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The indicator energy.fixture needs both a Chinese and an English name");
  g_clear_error (&error);
  g_assert_null (tanlu_store_create_indicator (store, "energy.fixture", "虚构能耗", "",
                                               "万吨标准煤", &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tanlu_store_create_indicator (store, "energy.fixture", "虚构能耗",
                                               "Fixture energy", " ", &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The indicator energy.fixture needs a unit");
  g_clear_error (&error);
  g_assert_null (tanlu_store_lookup_indicator (store, "energy.fixture"));

  g_assert_true (tanlu_store_commit (store, &error));
  g_assert_no_error (error);

  /* Written to the file. */
  g_clear_object (&store);
  store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  indicator = tanlu_store_lookup_indicator (store, "gdp.fixture-bureau");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (tanlu_indicator_get_name_zh (indicator), ==, "虚构地区生产总值");
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "亿元");

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_queries (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) provinces = NULL;
  g_autoptr(GArray) cities = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GListModel) observations = NULL;
  TanluIndicator *indicator;
  TanluSource *source;

  g_assert_true (tanlu_store_begin (store, &error));
  source = tanlu_store_ensure_source (store, &fixture_source, &error);
  indicator = tanlu_store_ensure_indicator (store, &fixture_indicator, &error);

  /* Written out of order, read back in order. */
  for (guint year = 2005; year >= 2000; year--)
    g_assert_true (tanlu_store_put_observation (store, tanlu_store_lookup_region (store, 510000),
                                                indicator, year, year - 1999.0, source, &error));
  g_assert_true (tanlu_store_put_observation (store, tanlu_store_lookup_region (store, 500000),
                                              indicator, 2003, 7, source, &error));
  g_assert_true (tanlu_store_put_observation (store, tanlu_store_lookup_region (store, 510100),
                                              indicator, 2003, 2.5, source, &error));
  g_assert_true (tanlu_store_commit (store, &error));
  g_assert_no_error (error);

  series = tanlu_store_get_series (store, 510000, "fixture.value", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 6);
  for (guint i = 0; i < series->len; i++)
    {
      TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, i);

      g_assert_cmpuint (point->year, ==, 2000 + i);
      g_assert_cmpfloat (point->value, ==, i + 1.0);
      g_assert_cmpint (point->source_id, ==, tanlu_source_get_id (source));
    }

  provinces = tanlu_store_get_level_values (store, TANLU_REGION_LEVEL_PROVINCE, "fixture.value",
                                            2003, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provinces->len, ==, 2);
  g_assert_cmpuint (g_array_index (provinces, TanluRegionValue, 0).code, ==, 500000);
  g_assert_cmpuint (g_array_index (provinces, TanluRegionValue, 1).code, ==, 510000);
  g_assert_cmpfloat (g_array_index (provinces, TanluRegionValue, 1).value, ==, 4.0);

  cities =
    tanlu_store_get_level_values (store, TANLU_REGION_LEVEL_CITY, "fixture.value", 2003, &error);
  g_assert_cmpuint (cities->len, ==, 1);
  g_assert_cmpuint (g_array_index (cities, TanluRegionValue, 0).code, ==, 510100);

  g_assert_null (tanlu_store_get_series (store, 510000, "no.such.indicator", &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  children = tanlu_store_list_children (store, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 34);
  g_clear_pointer (&children, g_ptr_array_unref);

  /* Sichuan's 21 units today and 10 former ones (重庆, 万县, 涪陵 and 黔江
   * until 1996, and the prefectures that became cities by 1999) */
  children = tanlu_store_list_children (store, 510000, &error);
  {
    guint n_current = 0;

    for (guint i = 0; i < children->len; i++)
      n_current += tanlu_region_is_current (g_ptr_array_index (children, i));
    g_assert_cmpuint (n_current, ==, 21);
    g_assert_cmpuint (children->len, ==, 31);
  }
  g_assert_cmpuint (tanlu_region_get_code (g_ptr_array_index (children, 0)), ==, 510100);
  g_assert_cmpstr (tanlu_region_get_name_zh (g_ptr_array_index (children, 0)), ==, "成都");

  /* A group lists its members' observations: 成都's and the whole of
   * Chongqing's. */
  observations = tanlu_store_list_observations (
    store, tanlu_store_lookup_region_by_key (store, "chengdu-chongqing"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (observations), ==, 2);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_revisions (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_value = NULL;
  TanluRegion *sichuan = tanlu_store_lookup_region (store, 510000);
  TanluIndicator *indicator;
  TanluSource *source;

  g_assert_true (tanlu_store_begin (store, &error));
  source = tanlu_store_ensure_source (store, &fixture_source, &error);
  indicator = tanlu_store_ensure_indicator (store, &fixture_indicator, &error);
  g_assert_true (tanlu_store_put_observation (store, sichuan, indicator, 2019, 10, source, &error));
  g_assert_true (tanlu_store_commit (store, &error));

  /* The same value again changes nothing… */
  g_assert_true (tanlu_store_begin (store, &error));
  g_assert_true (tanlu_store_put_observation (store, sichuan, indicator, 2019, 10, source, &error));
  g_assert_true (tanlu_store_commit (store, &error));
  g_assert_cmpuint (tanlu_store_count_revisions (store, &error), ==, 0);

  /* …a new one replaces it and keeps the old. */
  g_assert_true (tanlu_store_begin (store, &error));
  g_assert_true (tanlu_store_put_observation (store, sichuan, indicator, 2019, 12, source, &error));
  g_assert_true (tanlu_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_store_count_observations (store, &error), ==, 1);
  g_assert_cmpuint (tanlu_store_count_revisions (store, &error), ==, 1);
  old_value = query_text (_tanlu_store_get_db (store), "SELECT value FROM observation_revision");
  g_assert_cmpstr (old_value, ==, "10.0");

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_groups (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  TanluRegion *group = tanlu_store_lookup_region_by_key (store, "chengdu-chongqing");
  const guint *members;
  guint n_members;
  const guint unknown[] = { 510100, 999999 };

  g_assert_nonnull (group);
  g_assert_cmpint (tanlu_region_get_level (group), ==, TANLU_REGION_LEVEL_GROUP);
  g_assert_cmpstr (tanlu_region_get_name_zh (group), ==, "成渝地区双城经济圈");
  g_assert_nonnull (strstr (tanlu_region_get_description (group), "approximation"));

  members = tanlu_region_get_member_codes (group, &n_members);
  g_assert_cmpuint (n_members, ==, 16);
  /* The whole of Chongqing (500000), and 15 cities of Sichuan */
  g_assert_cmpuint (members[0], ==, 500000);
  for (guint i = 1; i < n_members; i++)
    g_assert_cmpuint (tanlu_region_get_parent_code (tanlu_store_lookup_region (store, members[i])),
                      ==, 510000);

  g_assert_true (tanlu_store_begin (store, &error));
  g_assert_false (
    tanlu_store_add_group (store, "broken", "坏", "Broken", NULL, NULL, unknown, 2, &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (
    tanlu_store_add_group (store, "2020", "数", "Digits", NULL, NULL, unknown, 1, &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  tanlu_store_rollback (store);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_boundaries (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autoptr(TanluStore) store = tanlu_test_registry_store (dir);
  g_autoptr(GError) error = NULL;
  GListModel *regions = tanlu_store_get_regions (store);
  guint n_with_boundary = 0;
  struct {
    double lon, lat;
    guint inside[3];
  } points[] = {
    /* 成都 天府广场 */
    { 104.066, 30.657, { 510100, 510000, 100000 } },
    /* 重庆 解放碑 */
    { 106.577, 29.557, { 500000, 100000, 0 } },
    /* East China Sea */
    { 124.0, 28.0, { 0 } },
  };

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(TanluRegion) region = g_list_model_get_item (regions, i);
      g_autoptr(TanluGeometry) geometry = NULL;
      gboolean schematic = FALSE;
      double lon, lat;

      static const guint not_outlined[] = {
        /* Units the schematic ECharts outlines predate, and Chongqing's two
         * municipal entries (500000 outlines the whole) */
        460300, 500100, 500200, 659008, 659009, 659010, 659011, 659012,
      };
      gboolean outlined = TRUE;

      if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (not_outlined); k++)
        outlined &= tanlu_region_get_code (region) != not_outlined[k];

      geometry = tanlu_boundary_load (store, tanlu_region_get_code (region), &schematic, &error);
      g_assert_no_error (error);

      /* Former units have no outline of their own, but 莱芜 (until 2018) */
      if (!tanlu_region_is_current (region))
        outlined = tanlu_region_get_code (region) == 371200;

      if (!outlined)
        {
          g_assert_null (geometry);
          continue;
        }
      g_assert_nonnull (geometry);
      g_assert_true (schematic);
      n_with_boundary++;

      /* Labels go on the centroid: it must lie on the region itself. */
      g_assert_true (tanlu_region_get_centroid (region, &lon, &lat));
      if (!tanlu_geometry_contains (geometry, lon, lat))
        g_error ("The centroid of %u lies outside it", tanlu_region_get_code (region));

      for (guint p = 0; p < G_N_ELEMENTS (points); p++)
        {
          gboolean expected = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (points[p].inside); k++)
            if (points[p].inside[k] == tanlu_region_get_code (region))
              expected = TRUE;

          if (tanlu_geometry_contains (geometry, points[p].lon, points[p].lat) != expected)
            g_error ("(%g, %g) should%s be in %u", points[p].lon, points[p].lat,
                     expected ? "" : " not", tanlu_region_get_code (region));
        }
    }

  /* ECharts outlines 364 city-level units; its 500100 is the whole of
   * Chongqing, which 500000 outlines already. */
  g_assert_cmpuint (n_with_boundary, ==, 1 + 34 + 363);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_prepare_default (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nested", "tanlu.db", NULL);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = tanlu_store_find_bundled_dataset ();
  TanluStoreCounts counts;

  if (bundled == NULL)
    {
      g_test_skip ("The bundled dataset has not been built");
      return;
    }

  g_assert_true (tanlu_store_prepare_default (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (tanlu_store_get_counts (store, &counts, &error));
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_PROVINCE], ==, 34);
  g_assert_cmpuint (counts.n_observations, >, 50000);

  /* An existing database is never replaced. */
  g_assert_true (tanlu_store_begin (store, &error));
  g_assert_true (tanlu_store_ensure_source (store, &fixture_source, &error) != NULL);
  g_assert_true (tanlu_store_commit (store, &error));
  g_clear_object (&store);

  g_assert_true (tanlu_store_prepare_default (path, &error));
  store = tanlu_store_new (path, &error);
  g_assert_nonnull (tanlu_store_lookup_source (store, "fixture"));

  /* The joint plan's sites, each with the words naming it and its
   * task's status. */
  {
    g_autoptr(GPtrArray) all = tanlu_store_list_joint_sites (store, 0, &error);
    g_autoptr(GPtrArray) task1 = NULL;
    guint n_task1 = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 90);
    for (guint i = 0; i < all->len; i++)
      {
        TanluJointSite *site = g_ptr_array_index (all, i);

        g_assert_cmpuint (site->task, >=, 1);
        g_assert_cmpuint (site->task, <=, 26);
        g_assert_cmpstr (site->status, ==, "not_started");
        g_assert_cmpstr (site->region_codes, !=, "");
        n_task1 += site->task == 1;
      }

    g_assert_true (tanlu_store_set_task_status (store, 1, "under_way", NULL, NULL, &error));
    g_assert_no_error (error);
    task1 = tanlu_store_list_joint_sites (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (task1->len, ==, n_task1);
    for (guint i = 0; i < task1->len; i++)
      {
        TanluJointSite *site = g_ptr_array_index (task1, i);

        g_assert_cmpstr (site->status, ==, "under_way");
      }
    g_assert_cmpstr (((TanluJointSite *) g_ptr_array_index (task1, 1))->name, ==, "长宁—威远");
    g_assert_nonnull (strstr (((TanluJointSite *) g_ptr_array_index (task1, 1))->quote, "长宁—威远"));
  }

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_store_prepare_default_missing_dataset (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tanlu.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dataset.db", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("TANLU_BUNDLED_DATASET"));
  g_autoptr(GError) error = NULL;

  g_setenv ("TANLU_BUNDLED_DATASET", missing, TRUE);
  g_assert_false (tanlu_store_prepare_default (path, &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  if (saved != NULL)
    g_setenv ("TANLU_BUNDLED_DATASET", saved, TRUE);
  else
    g_unsetenv ("TANLU_BUNDLED_DATASET");

  tanlu_test_remove_tree (dir);
}

static guint
count_user_targets (TanluStore *store,
                    guint      *n_bundled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = tanlu_store_list_policy_targets (store, 510100, NULL, &error);
  guint n_user = 0;

  g_assert_no_error (error);
  *n_bundled = 0;
  for (guint i = 0; i < targets->len; i++)
    {
      const TanluPolicyTarget *target = g_ptr_array_index (targets, i);

      if (tanlu_policy_document_is_user_plan (target->document_id))
        n_user++;
      else
        (*n_bundled)++;
    }

  return n_user;
}

/* A plan of the user's own is stored whole, refused a second time unless
 * replaced, and kept when the bundled library is synced again. */
static void
test_store_user_plan (TanluTestBundledFixture *fixture,
                      gconstpointer            data)
{
  static const struct
  {
    const char *indicator;
    gboolean    valid;
  } indicators[] = {
    { "co2_intensity_reduction_pct", TRUE },
    { "green_building_share_pct", TRUE },
    { "other: pumped-storage hydro capacity", TRUE },
    { "other: ", FALSE },
    { "other:  leading space", FALSE },
    { "other:pumped storage", FALSE },
    { "co2_reduction", FALSE },
    { "", FALSE },
  };
  const TanluPolicyDocument document = {
    .id = TANLU_USER_PLAN_PREFIX "510100:Fixture plan.txt",
    .title_zh = "Fixture 测试市碳达峰实施方案",
    .level = "city",
    .region_code = 510100,
    .seed_file = "Fixture plan.txt",
  };
  const TanluPolicyTarget target = {
    .region_code = 510100,
    .indicator = (char *) "co2_peak_year",
    .target_year = 2030,
    .value = 2030,
    .qualifier = TANLU_TARGET_AT_MOST,
    .unit = (char *) "year",
    .quote = (char *) "到2030年，二氧化碳排放量达到峰值",
    .quote_offset = 96,
    .context = (char *) "到2030年，二氧化碳排放量达到峰值并实现稳中有降。",
    .context_offset = 96,
  };
  const char *path = tanlu_store_get_path (fixture->store);
  g_autofree char *bundled = tanlu_store_find_bundled_dataset ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_bundled, n_bundled_after;

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    g_assert_cmpint (tanlu_policy_indicator_is_valid (indicators[i].indicator), ==,
                     indicators[i].valid);
  g_assert_false (tanlu_policy_document_is_user_plan ("cn-opinions"));

  g_ptr_array_add (targets, (gpointer) &target);
  g_assert_cmpuint (count_user_targets (fixture->store, &n_bundled), ==, 0);
  g_assert_true (tanlu_store_save_user_plan (fixture->store, &document, targets, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (tanlu_store_has_policy_document (fixture->store, document.id));
  g_assert_cmpuint (count_user_targets (fixture->store, &n_bundled_after), ==, 1);
  g_assert_cmpuint (n_bundled_after, ==, n_bundled);

  before = tanlu_test_fingerprint (path);
  g_assert_false (tanlu_store_save_user_plan (fixture->store, &document, targets, FALSE, &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = tanlu_test_fingerprint (path);
  g_assert_cmpstr (before, ==, after);

  g_ptr_array_add (targets, (gpointer) &target);
  g_assert_true (tanlu_store_save_user_plan (fixture->store, &document, targets, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_user_targets (fixture->store, &n_bundled_after), ==, 2);

  /* The library synced again, as when a database of an earlier version
   * is opened: the bundled plans are the bundled dataset's, the user's
   * stay. */
  g_assert_nonnull (bundled);
  g_assert_true (tanlu_store_sync_registry (fixture->store, bundled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_user_targets (fixture->store, &n_bundled_after), ==, 2);
  g_assert_cmpuint (n_bundled_after, ==, n_bundled);
}

/* Several changes of status at once: all checked first, then all made in
 * one transaction, each undone on its own. */
static void
test_store_task_statuses (TanluTestBundledFixture *fixture,
                          gconstpointer            data)
{
  const TanluTaskStatusChange good[] = {
    { 4, "done", NULL, NULL },
    { 5, "under_way", "Fixture note", "2026-11-30" },
  };
  const TanluTaskStatusChange bad[][2] = {
    { { 4, "done", NULL, NULL }, { 27, "done", NULL, NULL } },
    { { 4, "done", NULL, NULL }, { 5, "finished", NULL, NULL } },
    { { 4, "done", NULL, NULL }, { 5, "done", NULL, "2026-02-30" } },
  };
  const char *path = tanlu_store_get_path (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *before = tanlu_test_fingerprint (path);
  gboolean undone;

  g_assert_true (tanlu_tracker_date_is_valid ("2024-02-29"));
  g_assert_false (tanlu_tracker_date_is_valid ("2026-02-29"));
  g_assert_false (tanlu_tracker_date_is_valid ("2026-1-1"));
  g_assert_false (tanlu_tracker_date_is_valid (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *after = NULL;

      g_assert_false (tanlu_store_set_task_statuses (fixture->store, bad[i], 2, &error));
      g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID);
      g_clear_error (&error);
      after = tanlu_test_fingerprint (path);
      g_assert_cmpstr (before, ==, after);
    }

  g_assert_true (tanlu_store_set_task_statuses (fixture->store, good, G_N_ELEMENTS (good),
                                                &error));
  g_assert_no_error (error);
  tasks = tanlu_store_list_joint_tasks (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 3))->status, ==, "done");
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 4))->status, ==, "under_way");
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 4))->note, ==, "Fixture note");
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 4))->date, ==, "2026-11-30");
  g_clear_pointer (&tasks, g_ptr_array_unref);

  g_assert_true (tanlu_store_undo_task_status (fixture->store, 5, &undone, &error));
  g_assert_no_error (error);
  g_assert_true (undone);
  tasks = tanlu_store_list_joint_tasks (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 3))->status, ==, "done");
  g_assert_cmpstr (((TanluJointTask *) g_ptr_array_index (tasks, 4))->status, ==, "not_started");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/store/create", test_store_create);
  g_test_add_func ("/tanlu/store/migrations", test_store_migrations);
  g_test_add_func ("/tanlu/store/too-new", test_store_too_new);
  g_test_add_func ("/tanlu/store/not-a-database", test_store_not_a_database);
  g_test_add_func ("/tanlu/store/rollback", test_store_rollback);
  g_test_add_func ("/tanlu/store/create-indicator", test_store_create_indicator);
  g_test_add_func ("/tanlu/store/queries", test_store_queries);
  g_test_add_func ("/tanlu/store/revisions", test_store_revisions);
  g_test_add_func ("/tanlu/store/groups", test_store_groups);
  g_test_add_func ("/tanlu/store/boundaries", test_store_boundaries);
  g_test_add_func ("/tanlu/store/prepare-default", test_store_prepare_default);
  g_test_add_func ("/tanlu/store/prepare-default-missing-dataset",
                   test_store_prepare_default_missing_dataset);
  g_test_add ("/tanlu/store/user-plan", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_store_user_plan,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/store/task-statuses", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_store_task_statuses,
              tanlu_test_bundled_fixture_tear_down);

  return g_test_run ();
}
