/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/tanlu-xlsx.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store-private.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"
#include "tanlu-test-xlsx-writer.h"

/* Files made to hurt: each is refused with a message that names it, or
 * read within bounded memory, and the database stays as it was. The
 * files are made here; their figures are made up. Where a child process's
 * peak memory is checked, it is the peak of every child this test has
 * run, so a bound on it bounds each; builds with sanitizers, whose
 * shadow memory would be counted too, do not check it. */

#if defined(__SANITIZE_ADDRESS__)
# define MEASURES_MEMORY FALSE
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define MEASURES_MEMORY FALSE
# else
#  define MEASURES_MEMORY TRUE
# endif
#else
# define MEASURES_MEMORY TRUE
#endif

#define MEMORY_BOUND_KIB (1024 * 1024)

typedef struct
{
  char *dir;
  char *db;
  char *fingerprint;
} Fixture;

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
  tanlu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->fingerprint);
}

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
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” does not contain “%s”", text, expected);
}

static void
assert_unchanged (Fixture *fixture)
{
  g_autofree char *after = tanlu_test_fingerprint (fixture->db);

  g_assert_cmpstr (after, ==, fixture->fingerprint);
}

/* The largest resident size of any child so far, in KiB. */
static void
assert_children_bounded (void)
{
  struct rusage usage;

  if (!MEASURES_MEMORY)
    return;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_test_message ("largest child so far: %ld MiB", usage.ru_maxrss / 1024);
  g_assert_cmpint (usage.ru_maxrss, <, MEMORY_BOUND_KIB);
}

static char *
write_bytes (Fixture    *fixture,
             const char *name,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return tanlu_test_write_file (fixture->dir, name, data, length);
}

/* A sparse file of @size bytes of zeros: large on paper, nothing on disk. */
static char *
write_sparse (Fixture    *fixture,
              const char *name,
              goffset     size)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);

  return path;
}

/* ------------------------------------------------------------------------ */
/* Workbooks                                                                */

/* A small file whose sheet writes out millions of empty cells once took
 * gigabytes before it was refused; now the cells stop at a bound. */
static void
test_xlsx_many_cells (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(GString) xml = g_string_new ("<worksheet xmlns=\"http://schemas.openxmlformats.org/"
                                         "spreadsheetml/2006/main\"><sheetData>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TanluTestRun) import = { 0 };
  g_autofree char *part = NULL;
  g_autofree char *path = NULL;

  tanlu_test_xlsx_add_sheet (writer, "Sichuan2019");
  part = tanlu_test_xlsx_get_sheet_part (writer, 0);
  for (guint row = 0; row < TANLU_XLSX_MAX_CELLS / 4000 + 2; row++)
    {
      g_string_append (xml, "<row>");
      for (guint i = 0; i < 4000; i++)
        g_string_append (xml, "<c/>");
      g_string_append (xml, "</row>");
    }
  g_string_append (xml, "</sheetData></worksheet>");
  tanlu_test_xlsx_set_part (writer, part, xml->str);
  bytes = tanlu_test_xlsx_to_bytes (writer);
  g_test_message ("%zu bytes of sheet in a %zu-byte file", xml->len, g_bytes_get_size (bytes));

  xlsx = tanlu_xlsx_open_bytes (bytes, "cells.xlsx", &error);
  g_assert_no_error (error);
  sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
  g_assert_null (sheet);
  g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE);
  assert_contains (error->message, "“cells.xlsx”, sheet “Sichuan2019” has more than");

  path = write_bytes (fixture, "cells.xlsx", bytes);
  run (fixture, &import, "import", path, NULL);
  g_assert_cmpint (import.status, ==, 1);
  assert_contains (import.err, "cells.xlsx");
  assert_contains (import.err, "cells; Tanlu reads sheets of at most that many");
  assert_unchanged (fixture);
  assert_children_bounded ();
}

static TanluTestXlsx *
many_sheets_after_padding (void)
{
  TanluTestXlsx *writer = tanlu_test_xlsx_new ();

  tanlu_test_xlsx_set_flags (writer, TANLU_TEST_XLSX_REVERSE_ZIP_ORDER);
  tanlu_test_xlsx_add_padding (writer, 100000);
  for (guint year = 1900; year <= 2100; year++)
    {
      g_autofree char *name = g_strdup_printf ("Fixture%u", year);
      guint sheet = tanlu_test_xlsx_add_sheet (writer, name);

      tanlu_test_xlsx_set_number (writer, sheet, "A1", year);
    }

  return writer;
}

/* Sheets are read straight from where the zip's directory says they are:
 * two hundred sheets behind a hundred thousand empty entries read as
 * quickly as any. */
static void
test_xlsx_padding (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = many_sheets_after_padding ();
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;

  xlsx = tanlu_xlsx_open_bytes (bytes, "padded.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_xlsx_get_n_sheets (xlsx), ==, 201);

  for (guint i = 0; i < 201; i++)
    {
      g_autoptr(TanluSheet) sheet = tanlu_xlsx_read_sheet (xlsx, i, &error);
      double value;

      g_assert_no_error (error);
      g_assert_true (tanlu_sheet_get_number (sheet, 1, 1, &value));
      g_assert_cmpfloat (value, ==, 1900 + i);
    }
}

/* Two hundred sheets made to point at one part once imported the same
 * cells two hundred times under as many years. */
static void
test_xlsx_shared_part (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = many_sheets_after_padding ();
  g_autoptr(GString) rels = g_string_new ("<Relationships xmlns=\"http://schemas.openxmlformats.org"
                                          "/package/2006/relationships\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TanluTestRun) import = { 0 };
  g_autofree char *path = NULL;

  for (guint i = 1; i <= 201; i++)
    g_string_append_printf (rels,
                            "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                            "officeDocument/2006/relationships/worksheet\" "
                            "Target=\"worksheets/sheet1.xml\"/>",
                            i);
  g_string_append (rels, "</Relationships>");
  tanlu_test_xlsx_set_part (writer, "xl/_rels/workbook.xml.rels", rels->str);
  bytes = tanlu_test_xlsx_to_bytes (writer);

  xlsx = tanlu_xlsx_open_bytes (bytes, "shared.xlsx", &error);
  g_assert_null (xlsx);
  g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT);
  assert_contains (error->message,
                   "“shared.xlsx” is damaged: the sheets “Fixture1900” and “Fixture1901” are "
                   "stored in the same part");

  path = write_bytes (fixture, "shared.xlsx", bytes);
  run (fixture, &import, "import", path, NULL);
  g_assert_cmpint (import.status, ==, 1);
  assert_contains (import.err, "stored in the same part");
  assert_unchanged (fixture);
}

/* Sets the size the zip's directory gives @name. */
static GBytes *
with_stated_size (GBytes     *bytes,
                  const char *name,
                  guint32     size)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint8 *copy = g_memdup2 (data, length);
  gsize name_length = strlen (name);
  gboolean found = FALSE;

  for (gsize i = 0; i + 46 + name_length <= length; i++)
    if (memcmp (copy + i, "PK\001\002", 4) == 0 && copy[i + 28] == (name_length & 0xff) &&
        copy[i + 29] == (name_length >> 8) && memcmp (copy + i + 46, name, name_length) == 0)
      {
        copy[i + 24] = size & 0xff;
        copy[i + 25] = (size >> 8) & 0xff;
        copy[i + 26] = (size >> 16) & 0xff;
        copy[i + 27] = (size >> 24) & 0xff;
        found = TRUE;
      }

  g_assert_true (found);

  return g_bytes_new_take (copy, length);
}

/* A part that claims more than may be inflated is refused before it is
 * inflated; one that inflates to more than it claims is caught as it
 * passes its claim. */
static void
test_xlsx_stated_sizes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GBytes) small = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluXlsx) liar = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  tanlu_test_xlsx_add_sheet (writer, "Data");
  for (guint row = 1; row <= 200; row++)
    {
      g_autofree char *ref = g_strdup_printf ("A%u", row);

      tanlu_test_xlsx_set_number (writer, 0, ref, row);
    }
  bytes = tanlu_test_xlsx_to_bytes (writer);

  huge = with_stated_size (bytes, "xl/worksheets/sheet1.xml", 0xf0000000);
  xlsx = tanlu_xlsx_open_bytes (huge, "huge.xlsx", &error);
  g_assert_no_error (error);
  sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
  g_assert_null (sheet);
  g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE);
  assert_contains (error->message, "“huge.xlsx” is too large to read: the part");
  g_clear_error (&error);

  small = with_stated_size (bytes, "xl/worksheets/sheet1.xml", 100);
  liar = tanlu_xlsx_open_bytes (small, "liar.xlsx", &error);
  g_assert_no_error (error);
  sheet = tanlu_xlsx_read_sheet (liar, 0, &error);
  g_assert_null (sheet);
  g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT);
  assert_contains (error->message, "“liar.xlsx” is damaged or truncated: a part inflates to more");
}

/* ------------------------------------------------------------------------ */
/* Tables and other files                                                   */

/* A pipe, a folder or a device named as a file is refused at once. */
static void
test_not_a_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.csv", NULL);
  g_auto(TanluTestRun) pipe = { 0 };
  g_auto(TanluTestRun) folder = { 0 };
  g_auto(TanluTestRun) device = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  run (fixture, &pipe, "import", fifo, NULL);
  g_assert_cmpint (pipe.status, ==, 1);
  assert_contains (pipe.err, "“pipe.csv” is a pipe, not a file");

  run (fixture, &folder, "import", fixture->dir, NULL);
  g_assert_cmpint (folder.status, ==, 1);
  assert_contains (folder.err, "is a folder, not a file");

  run (fixture, &device, "import", "/dev/zero", NULL);
  g_assert_cmpint (device.status, ==, 1);
  assert_contains (device.err, "“zero” is a device, not a file");

  assert_unchanged (fixture);
}

/* A CSV larger than any Tanlu reads is refused by its size; a large one
 * with no line end in sight is refused at its first long record, without
 * reading the rest. */
static void
test_csv_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *huge = write_sparse (fixture, "huge.csv", (goffset) 2 << 30);
  g_autofree char *zeros = write_sparse (fixture, "zeros.csv", (goffset) 900 << 20);
  g_auto(TanluTestRun) too_large = { 0 };
  g_auto(TanluTestRun) no_lines = { 0 };

  run (fixture, &too_large, "import", huge, NULL);
  g_assert_cmpint (too_large.status, ==, 1);
  /* Sizes are written with a no-break space before the unit. */
  assert_contains (too_large.err, "“huge.csv” is 2.0\u00a0GiB; Tanlu reads files of at most 1.0\u00a0GiB");

  run (fixture, &no_lines, "import", zeros, NULL);
  g_assert_cmpint (no_lines.status, ==, 1);
  assert_contains (no_lines.err, "“zeros.csv”, line 1: the record is longer than 1.0\u00a0MiB");

  assert_unchanged (fixture);
  assert_children_bounded ();
}

/* A boundary file of about 100 MB is read a feature at a time, in bounded
 * memory. */
static void
test_boundaries_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  g_auto(TanluTestRun) load = { 0 };
  g_autofree char *path = NULL;
  guint n_points = 0;

  store = tanlu_store_new (fixture->db, &error);
  g_assert_no_error (error);
  cities = tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_CITY);
  g_clear_object (&store);

  /* Made-up circles around a point in Sichuan, one per city. */
  for (guint i = 0; json->len < 100 * 1024 * 1024; i++)
    {
      TanluRegion *region = g_ptr_array_index (cities, i % cities->len);
      guint n = 12000;

      if (i >= cities->len)
        break;
      g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"code\": %u}, "
                              "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[",
                              i > 0 ? "," : "", tanlu_region_get_code (region));
      for (guint k = 0; k <= n; k++)
        {
          double angle = 2 * G_PI * (k % n) / n;

          g_string_append_printf (json, "%s[%.6f, %.6f]", k > 0 ? "," : "",
                                  104.0 + 0.5 * cos (angle), 30.6 + 0.5 * sin (angle));
        }
      g_string_append (json, "]]}}");
      n_points += n;
    }
  g_string_append (json, "]}");
  path = tanlu_test_write_file (fixture->dir, "large.geojson", json->str, json->len);
  g_test_message ("%zu MB, %u points", json->len >> 20, n_points);
  g_string_free (g_steal_pointer (&json), TRUE);

  run (fixture, &load, "boundaries", "load", path, "--source", "Fixture: made-up circles", NULL);
  g_assert_cmpint (load.status, ==, 0);
  assert_contains (load.out, "Official boundaries loaded for");
  assert_children_bounded ();
}

/* ------------------------------------------------------------------------ */
/* Databases                                                                */

/* An empty file given as the database was once made an empty database,
 * and imports then found no region. */
static void
test_database_empty_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *empty = tanlu_test_write_file (fixture->dir, "empty.db", "", 0);
  g_autofree char *csv = tanlu_test_write_file (fixture->dir, "fixture.csv",
                                                "region_code,indicator,year,value\n"
                                                "510000,co2.total,2019,1\n", -1);
  g_auto(TanluTestRun) import = { 0 };
  g_auto(TanluTestRun) info = { 0 };
  GStatBuf st;

  tanlu_test_run_tanlu (&import, fixture->dir, empty, "import", csv, NULL);
  g_assert_cmpint (import.status, ==, 1);
  assert_contains (import.err, "empty.db” is an empty file, not a Tanlu database");

  tanlu_test_run_tanlu (&info, fixture->dir, empty, "info", NULL);
  g_assert_cmpint (info.status, ==, 1);
  assert_contains (info.err, "is an empty file, not a Tanlu database");

  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

/* A SQLite file that is not Tanlu's is named as such. */
static void
test_database_foreign (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_auto(TanluTestRun) info = { 0 };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE fixture (x); INSERT INTO fixture VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  tanlu_test_run_tanlu (&info, fixture->dir, foreign, "info", NULL);
  g_assert_cmpint (info.status, ==, 1);
  assert_contains (info.err, "foreign.db” is not a Tanlu database: it holds no regions");
}

/* A writer that waits in vain for another says which database is busy. */
static void
test_database_locked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TanluStore) holder = NULL;
  g_autoptr(TanluStore) writer = NULL;
  g_autoptr(GError) error = NULL;

  holder = tanlu_store_new (fixture->db, &error);
  g_assert_no_error (error);
  writer = tanlu_store_new (fixture->db, &error);
  g_assert_no_error (error);

  g_assert_true (tanlu_store_begin (holder, &error));
  _tanlu_store_set_busy_timeout (writer, 50);
  g_assert_false (tanlu_store_begin (writer, &error));
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_BUSY);
  assert_contains (error->message, fixture->db);
  assert_contains (error->message, "is in use by another program");
  tanlu_store_rollback (holder);
}

/* A database Tanlu may not write is still read: counted, exported, drawn. */
static void
test_database_read_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "chart.png", NULL);
  g_autoptr(GPtrArray) prefix = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *executable = g_getenv ("TANLU_EXECUTABLE");
  const char *commands[][4] = {
    { "info", NULL },
    { "export", "observations", "--region", "510000" },
    { "render", "chart", "--kind", "line" },
  };
  int status;

  /* As root, permissions stop nothing: the commands run as nobody. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->db, 0444), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out_dir, 0777), ==, 0);
  if (geteuid () == 0)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");

      if (setpriv == NULL)
        {
          g_test_skip ("as root, a read-only file needs setpriv to be read by someone else");
          return;
        }
      g_ptr_array_add (prefix, g_steal_pointer (&setpriv));
      g_ptr_array_add (prefix, g_strdup ("--reuid=65534"));
      g_ptr_array_add (prefix, g_strdup ("--regid=65534"));
      g_ptr_array_add (prefix, g_strdup ("--clear-groups"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();

      for (guint k = 0; k < prefix->len; k++)
        g_ptr_array_add (argv, g_ptr_array_index (prefix, k));
      g_ptr_array_add (argv, (gpointer) executable);
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, fixture->db);
      for (guint k = 0; k < 4 && commands[i][k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) commands[i][k]);
      if (g_str_equal (commands[i][0], "render"))
        {
          g_ptr_array_add (argv, (gpointer) "--region");
          g_ptr_array_add (argv, (gpointer) "510000");
          g_ptr_array_add (argv, (gpointer) "-o");
          g_ptr_array_add (argv, out);
        }
      g_ptr_array_add (argv, NULL);

      g_clear_pointer (&stdout_text, g_free);
      g_clear_pointer (&stderr_text, g_free);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                    &stderr_text, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", commands[i][0], stderr_text);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      if (g_str_equal (commands[i][0], "info"))
        assert_contains (stdout_text, "Regions: 1 nation, 34 provincial units");
    }

  tanlu_test_assert_png_size (out, 1600, 900);
  g_assert_cmpint (g_chmod (fixture->db, 0644), ==, 0);
  assert_unchanged (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/hostile/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("xlsx/many-cells", test_xlsx_many_cells);
  ADD ("xlsx/padding", test_xlsx_padding);
  ADD ("xlsx/shared-part", test_xlsx_shared_part);
  ADD ("xlsx/stated-sizes", test_xlsx_stated_sizes);
  ADD ("not-a-file", test_not_a_file);
  ADD ("csv/large", test_csv_large);
  ADD ("boundaries/large", test_boundaries_large);
  ADD ("database/empty-file", test_database_empty_file);
  ADD ("database/foreign", test_database_foreign);
  ADD ("database/locked", test_database_locked);
  ADD ("database/read-only", test_database_read_only);

#undef ADD

  return g_test_run ();
}
