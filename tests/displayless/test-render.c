/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-render"

#include "config.h"

#include <string.h>

#include "tanlu-test-util.h"

/* Runs `tanlu render` as a script would, with no display in its
 * environment, on a copy of the bundled database. The specs' titles,
 * names and inline values are made up ("fixture"); the figures drawn are
 * the bundled CEADs data. */

typedef struct
{
  char *dir;
  char *db;
  char *fingerprint;
} Fixture;

static void
run (Fixture      *fixture,
     TanluTestRun *result,
     const char   *first,
     ...)
{
  va_list args;

  va_start (args, first);
  tanlu_test_run_tanlu_valist (result, fixture->dir, fixture->db, first, args);
  va_end (args);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = tanlu_test_make_tmpdir ();
  fixture->db = tanlu_test_bundled_copy (fixture->dir);
  fixture->fingerprint = tanlu_test_fingerprint (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *after = tanlu_test_fingerprint (fixture->db);

  /* Rendering only reads: whatever a test did, the database is as copied. */
  g_assert_cmpstr (fixture->fingerprint, ==, after);

  tanlu_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->fingerprint, g_free);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
assert_file_starts_with (const char *path,
                         const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, prefix));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names of the files in @directory, sorted, joined by spaces. */
static char *
list_directory (const char *directory)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (directory, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

/* ---- render chart ---- */

static void
test_chart_png (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-line.png");
  g_auto(TanluTestRun) result = { 0 };

  run (fixture, &result, "render", "chart", "--kind", "line", "--region", "510000,500000",
       "--indicator", "co2.total", "--years", "1997-2019", "--size", "1600x900", "-o", output,
       NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  tanlu_test_assert_png_size (output, 1600, 900);
}

static void
test_chart_scale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-line@2x.png");
  g_autofree char *refused = path_in (fixture, "fixture-line@3x.png");
  g_auto(TanluTestRun) result = { 0 };
  g_auto(TanluTestRun) bad_scale = { 0 };

  run (fixture, &result, "render", "chart", "--kind", "line", "--region", "510000,500000",
       "--size", "800x450", "--scale", "2", "-o", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  tanlu_test_assert_png_size (output, 1600, 900);

  run (fixture, &bad_scale, "render", "chart", "--kind", "line", "--region", "510000",
       "--scale", "3", "-o", refused, NULL);
  g_assert_cmpint (bad_scale.status, ==, 2);
  assert_contains (bad_scale.err, "--scale");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

static void
test_chart_formats (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *svg = path_in (fixture, "fixture-line.svg");
  g_autofree char *pdf = path_in (fixture, "fixture-line.pdf");
  g_autofree char *svg_contents = NULL;
  g_auto(TanluTestRun) svg_result = { 0 };
  g_auto(TanluTestRun) pdf_result = { 0 };

  run (fixture, &svg_result, "render", "chart", "--kind", "line", "--region", "510000,500000",
       "--size", "1600x900", "-o", svg, NULL);
  g_assert_cmpint (svg_result.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg_contents, "<?xml") ||
                 g_str_has_prefix (svg_contents, "<svg"));
  assert_contains (svg_contents, "<svg");
  assert_contains (svg_contents, "width=\"1600");

  run (fixture, &pdf_result, "render", "chart", "--kind", "line", "--region", "510000,500000",
       "-o", pdf, NULL);
  g_assert_cmpint (pdf_result.status, ==, 0);
  assert_file_starts_with (pdf, "%PDF");
}

static void
test_chart_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *bars = path_in (fixture, "fixture-bars.png");
  g_autofree char *stack = path_in (fixture, "fixture-sectors.svg");
  g_autofree char *group = path_in (fixture, "fixture-group.png");
  g_auto(TanluTestRun) bars_result = { 0 };
  g_auto(TanluTestRun) stack_result = { 0 };
  g_auto(TanluTestRun) group_result = { 0 };

  run (fixture, &bars_result, "render", "chart", "--kind", "bars", "--region", "510000", "--year",
       "2015", "--size", "900x1200", "--language", "zh", "-o", bars, NULL);
  g_assert_cmpint (bars_result.status, ==, 0);
  tanlu_test_assert_png_size (bars, 900, 1200);

  run (fixture, &stack_result, "render", "chart", "--kind", "stacked-area", "--breakdown", "sector",
       "--region", "510000", "--top", "5", "--theme", "dark", "--unit-scale", "wan-tonnes",
       "--title", "Fixture: Sichuan by sector", "-o", stack, NULL);
  g_assert_cmpint (stack_result.status, ==, 0);
  assert_file_starts_with (stack, "<?xml");

  /* A group sum, over the years in which both members have values. */
  run (fixture, &group_result, "render", "chart", "--kind", "line", "--region", "sichuan-chongqing",
       "--size", "640x360", "-o", group, NULL);
  g_assert_cmpint (group_result.status, ==, 0);
  tanlu_test_assert_png_size (group, 640, 360);
}

static void
test_chart_carries_source (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *spark = path_in (fixture, "fixture-sparkline.png");
  g_auto(TanluTestRun) result = { 0 };
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autofree char *years = NULL;

  /* A sparkline has no room to print its source; the file carries it. */
  run (fixture, &result, "render", "chart", "--kind", "sparkline", "--region", "510000",
       "--size", "240x60", "-o", spark, NULL);
  g_assert_cmpint (result.status, ==, 0);
  tanlu_test_assert_png_size (spark, 240, 60);

  source = tanlu_test_png_text (spark, "Source");
  title = tanlu_test_png_text (spark, "Title");
  years = tanlu_test_png_text (spark, "Description");
  g_assert_nonnull (source);
  g_assert_nonnull (strstr (source, "CEADs"));
  g_assert_nonnull (strstr (source, "Shan Y. et al. (2018)"));
  g_assert_cmpstr (title, ==, "CO₂ emissions (scope 1 total)");
  g_assert_cmpstr (years, ==, "1997–2019");
  g_assert_null (tanlu_test_png_text (spark, "No such keyword"));
}

static void
test_chart_spec (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *spec = tanlu_test_write_file (
    fixture->dir, "fixture-spec.json",
    "{\n"
    "  \"kind\": \"line\",\n"
    "  \"title\": \"Fixture: Sichuan against a made-up pathway\",\n"
    "  \"source\": \"Fixture pathway, made up for the tests\",\n"
    "  \"size\": [800, 400],\n"
    "  \"series\": [\n"
    "    { \"region\": \"510000\", \"indicator\": \"co2.total\", \"years\": [2005, 2019] },\n"
    "    { \"label\": \"Fixture pathway\", \"values\": [[2019, 315], [2030, 250]], "
    "\"projected_from\": 2020 }\n"
    "  ],\n"
    "  \"markers\": [ { \"year\": 2030, \"value\": 250, \"label\": \"Fixture target\" } ],\n"
    "  \"reference_lines\": [ { \"year\": 2030, \"label\": \"2030\" } ],\n"
    "  \"bands\": [ { \"label\": \"Fixture corridor\", \"values\": [[2020, 290, 320], [2030, 200, "
    "280]] } ]\n"
    "}\n",
    -1);
  g_autofree char *output = path_in (fixture, "fixture-spec.png");
  g_autofree char *resized = path_in (fixture, "fixture-spec-resized.png");
  g_auto(TanluTestRun) result = { 0 };
  g_auto(TanluTestRun) override = { 0 };

  run (fixture, &result, "render", "chart", "--spec", spec, "-o", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  tanlu_test_assert_png_size (output, 800, 400);

  /* Options on the command line win over the spec. */
  run (fixture, &override, "render", "chart", "--spec", spec, "--size", "640x360", "--theme",
       "print", "-o", resized, NULL);
  g_assert_cmpint (override.status, ==, 0);
  tanlu_test_assert_png_size (resized, 640, 360);
}

/* ---- render batch ---- */

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *specs = tanlu_test_write_file (
    fixture->dir, "fixture-specs.jsonl",
    "{\"kind\": \"line\", \"title\": \"Fixture batch line\", \"size\": [400, 300],"
    " \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}]}\n"
    "{\"kind\": \"bars\", \"name\": \"fixture-ranking\", \"size\": [500, 600], \"ranking\": "
    "{\"region\": \"510000\"}}\n"
    "{\"kind\": \"stacked-area\", \"name\": \"fixture-fuels.svg\","
    " \"breakdown\": {\"by\": \"fuel\", \"region\": \"510000\"}}\n",
    -1);
  g_autofree char *out = path_in (fixture, "out/charts");
  g_autofree char *listing = NULL;
  g_autofree char *line = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *fuels = NULL;
  g_auto(TanluTestRun) result = { 0 };

  /* The folder is made, parents included. */
  run (fixture, &result, "render", "batch", specs, "-o", out, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_contains (result.out, "3 charts rendered, 0 failed");

  listing = list_directory (out);
  g_assert_cmpstr (listing, ==, "chart-0001.png fixture-fuels.svg fixture-ranking.png");

  /* Unnamed charts are named by their line; a name without a known
   * extension is a PNG. */
  line = g_build_filename (out, "chart-0001.png", NULL);
  ranking = g_build_filename (out, "fixture-ranking.png", NULL);
  fuels = g_build_filename (out, "fixture-fuels.svg", NULL);
  tanlu_test_assert_png_size (line, 400, 300);
  tanlu_test_assert_png_size (ranking, 500, 600);
  assert_file_starts_with (fuels, "<?xml");
}

static void
test_batch_bad_lines (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *specs = tanlu_test_write_file (
    fixture->dir, "fixture-mixed.jsonl",
    /* 1 */
    "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}]}\n"
    /* 2 */ "{\"kind\": \"line\", \"series\": [{\"region\": \"999999\", \"indicator\": "
            "\"co2.total\"}]}\n"
    /* 3 */ "\n"
    /* 4 */ "{\"kind\": \"bars\", \"name\": \"fixture-after-blank\", \"ranking\": {\"region\": "
            "\"100000\"}}\n"
    /* 5 */ "{\"kind\": \"line\", \"series\": [\n"
    /* 6 */ "{\"kind\": \"line\", \"name\": \"../fixture-escape\","
    " \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}]}\n",
    -1);
  g_autofree char *out = path_in (fixture, "out");
  g_autofree char *escaped = path_in (fixture, "fixture-escape.png");
  g_autofree char *listing = NULL;
  g_autofree char *first = NULL;
  g_autofree char *fourth = NULL;
  g_auto(TanluTestRun) result = { 0 };

  /* Each bad line is reported with its number and skipped; the good ones
   * are still drawn, and the exit status says that not all were. */
  run (fixture, &result, "render", "batch", specs, "-o", out, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.out, "2 charts rendered, 3 failed");
  assert_contains (result.err, "fixture-mixed.jsonl, line 2: ");
  assert_contains (result.err, "“999999”");
  assert_contains (result.err, "fixture-mixed.jsonl, line 5: ");
  assert_contains (result.err, "not valid JSON");
  assert_contains (result.err, "fixture-mixed.jsonl, line 6: ");
  assert_contains (result.err, "“../fixture-escape.png” must not contain “/”");
  g_assert_null (strstr (result.err, "line 1:"));
  g_assert_null (strstr (result.err, "line 3:"));
  g_assert_null (strstr (result.err, "line 4:"));

  listing = list_directory (out);
  g_assert_cmpstr (listing, ==, "chart-0001.png fixture-after-blank.png");
  first = g_build_filename (out, "chart-0001.png", NULL);
  fourth = g_build_filename (out, "fixture-after-blank.png", NULL);
  tanlu_test_assert_png_size (first, 1600, 900);
  tanlu_test_assert_png_size (fourth, 1600, 900);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static void
test_batch_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *specs = tanlu_test_write_file (
    fixture->dir, "fixture-one.jsonl",
    "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}]}\n",
    -1);
  g_autofree char *missing = path_in (fixture, "fixture-missing.jsonl");
  g_autofree char *out = path_in (fixture, "out");
  g_auto(TanluTestRun) no_output = { 0 };
  g_auto(TanluTestRun) no_file = { 0 };

  run (fixture, &no_output, "render", "batch", specs, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  assert_contains (no_output.err, "-o");

  run (fixture, &no_file, "render", "batch", missing, "-o", out, NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  assert_contains (no_file.err, "fixture-missing.jsonl");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* ---- errors ---- */

static void
test_chart_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-out.png");
  g_autofree char *gif = path_in (fixture, "fixture-out.gif");
  g_autofree char *nowhere = path_in (fixture, "missing-folder/fixture-out.png");
  g_autofree char *malformed = tanlu_test_write_file (fixture->dir, "fixture-malformed.json",
                                                      "{\"kind\": \"line\", \"series\": [", -1);
  g_autofree char *wrong_type = tanlu_test_write_file (
    fixture->dir, "fixture-wrong-type.json", "{\"kind\": \"line\", \"size\": \"big\"}", -1);
  g_autofree char *missing_spec = path_in (fixture, "fixture-missing.json");
  g_auto(TanluTestRun) region = { 0 };
  g_auto(TanluTestRun) indicator = { 0 };
  g_auto(TanluTestRun) extension = { 0 };
  g_auto(TanluTestRun) no_output = { 0 };
  g_auto(TanluTestRun) bad_json = { 0 };
  g_auto(TanluTestRun) bad_type = { 0 };
  g_auto(TanluTestRun) no_spec = { 0 };
  g_auto(TanluTestRun) size = { 0 };
  g_auto(TanluTestRun) years = { 0 };
  g_auto(TanluTestRun) kind = { 0 };
  g_auto(TanluTestRun) folder = { 0 };
  g_auto(TanluTestRun) usage = { 0 };

  run (fixture, &region, "render", "chart", "--kind", "line", "--region", "510000,999999", "-o",
       output, NULL);
  g_assert_cmpint (region.status, ==, 1);
  assert_contains (region.err, "999999");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run (fixture, &indicator, "render", "chart", "--kind", "line", "--region", "510000",
       "--indicator", "co2.mystery", "-o", output, NULL);
  g_assert_cmpint (indicator.status, ==, 1);
  assert_contains (indicator.err, "co2.mystery");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run (fixture, &extension, "render", "chart", "--kind", "line", "--region", "510000", "-o", gif,
       NULL);
  g_assert_cmpint (extension.status, ==, 1);
  assert_contains (extension.err, "fixture-out.gif");
  assert_contains (extension.err, ".png, .svg or .pdf");
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));

  run (fixture, &no_output, "render", "chart", "--kind", "line", "--region", "510000", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  assert_contains (no_output.err, "-o");

  run (fixture, &bad_json, "render", "chart", "--spec", malformed, "-o", output, NULL);
  g_assert_cmpint (bad_json.status, ==, 1);
  assert_contains (bad_json.err, malformed);
  assert_contains (bad_json.err, "not valid JSON");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run (fixture, &bad_type, "render", "chart", "--spec", wrong_type, "-o", output, NULL);
  g_assert_cmpint (bad_type.status, ==, 1);
  assert_contains (bad_type.err, wrong_type);
  assert_contains (bad_type.err, "“size”");

  run (fixture, &no_spec, "render", "chart", "--spec", missing_spec, "-o", output, NULL);
  g_assert_cmpint (no_spec.status, ==, 1);
  assert_contains (no_spec.err, "fixture-missing.json");

  run (fixture, &size, "render", "chart", "--kind", "line", "--region", "510000", "--size", "0x10",
       "-o", output, NULL);
  g_assert_cmpint (size.status, ==, 1);
  assert_contains (size.err, "--size");
  assert_contains (size.err, "“0x10”");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run (fixture, &years, "render", "chart", "--kind", "line", "--region", "510000", "--years",
       "2019", "-o", output, NULL);
  g_assert_cmpint (years.status, ==, 1);
  assert_contains (years.err, "--years");

  run (fixture, &kind, "render", "chart", "--kind", "pie", "--region", "510000", "-o", output,
       NULL);
  g_assert_cmpint (kind.status, ==, 1);
  assert_contains (kind.err,
                   "“pie” is not a known kind (known: line, stacked-area, bars, sparkline)");

  run (fixture, &folder, "render", "chart", "--kind", "line", "--region", "510000", "-o", nowhere,
       NULL);
  g_assert_cmpint (folder.status, ==, 1);
  assert_contains (folder.err, nowhere);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  run (fixture, &usage, "render", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  assert_contains (usage.err, "render batch");

  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* A spec nested 75,000 levels deep once overflowed the JSON parser's
 * stack and killed the process; it is refused as any bad spec is. */
static void
test_chart_deep_spec (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"kind\": \"line\", \"series\": ");
  g_autofree char *output = path_in (fixture, "fixture-out.png");
  g_autofree char *spec = NULL;
  g_autofree char *after = NULL;
  g_auto(TanluTestRun) deep = { 0 };
  g_auto(TanluTestRun) batch = { 0 };

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  spec = tanlu_test_write_file (fixture->dir, "fixture-deep.json", json->str, json->len);

  run (fixture, &deep, "render", "chart", "--spec", spec, "-o", output, NULL);
  g_assert_cmpint (deep.status, ==, 1);
  assert_contains (deep.err, "fixture-deep.json");
  assert_contains (deep.err, "nests more than 64 levels deep");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run (fixture, &batch, "render", "batch", spec, "-o", fixture->dir, NULL);
  g_assert_cmpint (batch.status, ==, 1);
  assert_contains (batch.err, "nests more than 64 levels deep");

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (after, ==, fixture->fingerprint);
}

static void
test_database_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *line = path_in (fixture, "fixture-line.png");
  g_autofree char *bars = path_in (fixture, "fixture-bars.pdf");
  g_autofree char *after = NULL;
  g_autoptr(GFileInfo) before_info = NULL;
  g_autoptr(GFileInfo) after_info = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->db);
  g_auto(TanluTestRun) first = { 0 };
  g_auto(TanluTestRun) second = { 0 };
  g_auto(TanluTestRun) failed = { 0 };

  before_info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (before_info);

  run (fixture, &first, "render", "chart", "--kind", "line", "--region", "sichuan-chongqing,510000",
       "-o", line, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run (fixture, &second, "render", "chart", "--kind", "bars", "--region", "chengdu-chongqing", "-o",
       bars, NULL);
  g_assert_cmpint (second.status, ==, 0);
  run (fixture, &failed, "render", "chart", "--kind", "line", "--region", "999999", "-o", line,
       NULL);
  g_assert_cmpint (failed.status, ==, 1);

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (fixture->fingerprint, ==, after);

  after_info =
    g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (after_info);
  g_assert_cmpint (g_file_info_get_size (before_info), ==, g_file_info_get_size (after_info));
}

/* ---- render map ---- */

static void
test_map_png (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-provinces.png");
  g_autofree char *source = NULL;
  g_auto(TanluTestRun) result = { 0 };

  run (fixture, &result, "render", "map", "--level", "province", "--indicator", "co2.total",
       "--year", "2019", "--size", "1600x1200", "-o", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  tanlu_test_assert_png_size (output, 1600, 1200);
  source = tanlu_test_png_text (output, "Source");
  g_assert_nonnull (source);
  assert_contains (source, "CEADs");
}

static void
test_map_cities (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-sichuan.png");
  g_auto(TanluTestRun) result = { 0 };

  run (fixture, &result, "render", "map", "--level", "city", "--parent", "510000", "--language",
       "zh", "--size", "800x600", "-o", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  tanlu_test_assert_png_size (output, 800, 600);
}

static void
test_map_classes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-jenks.svg");
  g_auto(TanluTestRun) result = { 0 };

  run (fixture, &result, "render", "map", "--method", "jenks", "--classes", "7", "-o", output,
       NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_file_starts_with (output, "<?xml");
}

static void
test_map_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *output = path_in (fixture, "fixture-map.png");
  g_autofree char *gif = path_in (fixture, "fixture-map.gif");
  g_autofree char *listing = NULL;
  g_auto(TanluTestRun) level = { 0 };
  g_auto(TanluTestRun) method = { 0 };
  g_auto(TanluTestRun) classes = { 0 };
  g_auto(TanluTestRun) parent = { 0 };
  g_auto(TanluTestRun) indicator = { 0 };
  g_auto(TanluTestRun) extension = { 0 };
  g_auto(TanluTestRun) city_parent = { 0 };

  run (fixture, &level, "render", "map", "--level", "county", "-o", output, NULL);
  g_assert_cmpint (level.status, !=, 0);
  assert_contains (level.err, "--level must be province or city, not “county”");

  run (fixture, &method, "render", "map", "--method", "magic", "-o", output, NULL);
  g_assert_cmpint (method.status, !=, 0);
  assert_contains (method.err, "--method must be quantile, equal or jenks, not “magic”");

  run (fixture, &classes, "render", "map", "--classes", "12", "-o", output, NULL);
  g_assert_cmpint (classes.status, !=, 0);
  assert_contains (classes.err, "from 3 to 9 classes, not 12");

  run (fixture, &parent, "render", "map", "--level", "city", "--parent", "990000", "-o", output,
       NULL);
  g_assert_cmpint (parent.status, !=, 0);
  assert_contains (parent.err, "990000");

  run (fixture, &indicator, "render", "map", "--indicator", "co2.mystery", "-o", output, NULL);
  g_assert_cmpint (indicator.status, !=, 0);
  assert_contains (indicator.err, "“co2.mystery”");

  run (fixture, &extension, "render", "map", "-o", gif, NULL);
  g_assert_cmpint (extension.status, !=, 0);
  assert_contains (extension.err, "fixture-map.gif");
  assert_contains (extension.err, "must end in .png, .svg or .pdf");

  /* A city has no cities to map. */
  run (fixture, &city_parent, "render", "map", "--level", "city", "--parent", "510100", "-o",
       output, NULL);
  g_assert_cmpint (city_parent.status, !=, 0);
  assert_contains (city_parent.err, "510100 is not one");

  /* None of them wrote anything. */
  listing = list_directory (fixture->dir);
  g_assert_cmpstr (listing, ==, "tanlu.db");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/render/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("chart/png", test_chart_png);
  ADD ("chart/scale", test_chart_scale);
  ADD ("chart/formats", test_chart_formats);
  ADD ("chart/kinds", test_chart_kinds);
  ADD ("chart/carries-source", test_chart_carries_source);
  ADD ("chart/spec", test_chart_spec);
  ADD ("chart/errors", test_chart_errors);
  ADD ("chart/deep-spec", test_chart_deep_spec);
  ADD ("batch/names", test_batch);
  ADD ("batch/bad-lines", test_batch_bad_lines);
  ADD ("batch/errors", test_batch_errors);
  ADD ("database-unchanged", test_database_unchanged);
  ADD ("map/png", test_map_png);
  ADD ("map/cities", test_map_cities);
  ADD ("map/classes", test_map_classes);
  ADD ("map/errors", test_map_errors);

#undef ADD

  return g_test_run ();
}
