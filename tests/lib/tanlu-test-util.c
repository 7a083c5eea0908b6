/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tanlu-test-util.h"
#include "import/tanlu-dataset.h"
#include "store/tanlu-store.h"

#include <string.h>

/**
 * tanlu_test_shared_data_dir:
 *
 * The real CEADs files live outside the repository; tests that read them
 * skip when they are absent.
 */
const char *
tanlu_test_shared_data_dir (void)
{
  static char *directory;

  if (directory == NULL)
    {
      const char *from_environment = g_getenv ("TANLU_SHARED_DATA_DIR");

      directory = from_environment != NULL
                  ? g_strdup (from_environment)
                  : g_canonicalize_filename (TANLU_TEST_SOURCE_DIR "/../shared/data", NULL);
    }

  return directory;
}

/**
 * tanlu_test_shared_path:
 *
 * Returns: (transfer full) (nullable): the path of a shared data file, or
 *   %NULL when it is not there
 */
char *
tanlu_test_shared_path (const char *relative)
{
  g_autofree char *path = g_build_filename (tanlu_test_shared_data_dir (), relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return g_steal_pointer (&path);
}

char *
tanlu_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tanlu-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
tanlu_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      tanlu_test_remove_tree (child);
    }

  g_rmdir (path);
}

/**
 * tanlu_test_registry_copy:
 *
 * Returns: (transfer full): a new database in @directory holding the
 *   committed region registry, boundaries, groups and the CEADs sources and
 *   indicators, but no observations; built once per test program
 */
char *
tanlu_test_registry_copy (const char *directory)
{
  static char *template_path;
  g_autofree char *path = g_build_filename (directory, "registry.db", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  if (template_path == NULL)
    {
      g_autofree char *template_dir = tanlu_test_make_tmpdir ();
      g_autoptr(TanluStore) store = NULL;

      template_path = g_build_filename (template_dir, "template.db", NULL);
      store = tanlu_store_new (template_path, &error);
      g_assert_no_error (error);
      g_assert_true (tanlu_store_begin (store, &error));
      g_assert_true (
        tanlu_dataset_load_registry (store, TANLU_TEST_SOURCE_DIR "/data/dataset.json", &error));
      g_assert_no_error (error);
      g_assert_true (tanlu_store_commit (store, &error));
      g_assert_true (tanlu_store_compact (store, &error));
      g_assert_no_error (error);
    }

  source = g_file_new_for_path (template_path);
  target = g_file_new_for_path (path);
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

TanluStore *
tanlu_test_registry_store (const char *directory)
{
  g_autofree char *path = tanlu_test_registry_copy (directory);
  g_autoptr(GError) error = NULL;
  TanluStore *store = tanlu_store_new (path, &error);

  g_assert_no_error (error);

  return store;
}

/**
 * tanlu_test_fingerprint:
 *
 * Returns: (transfer full): a checksum of the schema version and of every
 *   row of every table, to prove a failed import left nothing behind
 */
char *
tanlu_test_fingerprint (const char *db_path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_checksum_update (checksum, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);

  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                        &stmt, NULL),
    ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"",
                                                (const char *)g_ptr_array_index (tables, i));
      g_autoptr(GString) sql = g_string_new (probe);
      int n_columns;

      /* Every column in the ordering, so equal content always hashes the same. */
      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);
      for (int c = 0; c < n_columns; c++)
        {
          g_string_append (sql, c == 0 ? " ORDER BY " : ", ");
          g_string_append_printf (sql, "%d", c + 1);
        }

      g_checksum_update (checksum, g_ptr_array_index (tables, i), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              g_checksum_update (checksum, (const guchar *)"|", 1);
              if (sqlite3_column_type (stmt, c) != SQLITE_NULL)
                g_checksum_update (checksum, sqlite3_column_blob (stmt, c),
                                   sqlite3_column_bytes (stmt, c));
            }
          g_checksum_update (checksum, (const guchar *)"\n", 1);
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

char *
tanlu_test_write_file (const char *directory,
                       const char *name,
                       const char *contents,
                       gssize      length)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

void
tanlu_test_import_fixture_set_up (TanluTestImportFixture *fixture,
                                  gconstpointer           data)
{
  fixture->dir = tanlu_test_make_tmpdir ();
  fixture->store = tanlu_test_registry_store (fixture->dir);
  fixture->fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
}

void
tanlu_test_import_fixture_tear_down (TanluTestImportFixture *fixture,
                                     gconstpointer           data)
{
  g_clear_object (&fixture->store);
  tanlu_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->fingerprint, g_free);
}

/**
 * tanlu_test_bundled_copy:
 *
 * Returns: (transfer full): a copy of the bundled dataset the build made, in
 *   @directory, made the way a first run makes the user's database
 */
char *
tanlu_test_bundled_copy (const char *directory)
{
  g_autofree char *path = g_build_filename (directory, "tanlu.db", NULL);
  g_autoptr(GError) error = NULL;

  gboolean prepared = tanlu_store_prepare_default (path, &error);

  /* The message first: it says why */
  g_assert_no_error (error);
  g_assert_true (prepared);

  return g_steal_pointer (&path);
}

/**
 * tanlu_test_bundled_fixture_set_up:
 *
 * Opens a copy of the bundled dataset the build made, so that nothing a
 * test does can change the one the application installs.
 */
void
tanlu_test_bundled_fixture_set_up (TanluTestBundledFixture *fixture,
                                   gconstpointer            data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = tanlu_test_make_tmpdir ();
  path = tanlu_test_bundled_copy (fixture->dir);
  fixture->store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
}

void
tanlu_test_bundled_fixture_tear_down (TanluTestBundledFixture *fixture,
                                      gconstpointer            data)
{
  g_clear_object (&fixture->store);
  tanlu_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

void
tanlu_test_run_clear (TanluTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * tanlu_test_run_tanlu_valist:
 * @home: the folder that stands for the user's data folder
 * @db: (nullable): passed as `--db`
 *
 * Runs the `tanlu` program the build made as a script would, headless:
 * no display in its environment at all, and in English.
 */
void
tanlu_test_run_tanlu_valist (TanluTestRun *run,
                             const char   *home,
                             const char   *db,
                             const char   *first,
                             va_list       args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *executable = g_getenv ("TANLU_EXECUTABLE");

  g_assert_nonnull (executable);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);

  g_ptr_array_add (argv, (gpointer) executable);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

void
tanlu_test_run_tanlu (TanluTestRun *run,
                      const char   *home,
                      const char   *db,
                      const char   *first,
                      ...)
{
  va_list args;

  va_start (args, first);
  tanlu_test_run_tanlu_valist (run, home, db, first, args);
  va_end (args);
}

static char *
read_png (const char *path,
          gsize      *length)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*length, >, 8 + 8 + 13);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);

  return contents;
}

/**
 * tanlu_test_assert_png_size:
 *
 * Checks the pixel size a PNG file's header gives.
 */
void
tanlu_test_assert_png_size (const char *path,
                            guint32     width,
                            guint32     height)
{
  gsize length;
  g_autofree char *contents = read_png (path, &length);
  guint32 value;

  memcpy (&value, contents + 16, sizeof value);
  g_assert_cmpuint (GUINT32_FROM_BE (value), ==, width);
  memcpy (&value, contents + 20, sizeof value);
  g_assert_cmpuint (GUINT32_FROM_BE (value), ==, height);
}

/**
 * tanlu_test_png_text:
 * @keyword: a text chunk's keyword, such as "Source"
 *
 * Returns: (nullable): the uncompressed text a PNG file carries under
 *   @keyword, in a tEXt or iTXt chunk
 */
char *
tanlu_test_png_text (const char *path,
                     const char *keyword)
{
  gsize length;
  g_autofree char *contents = read_png (path, &length);
  gsize offset = 8;

  while (offset + 12 <= length)
    {
      guint32 size;
      const char *type = contents + offset + 4;
      const char *chunk = contents + offset + 8;

      memcpy (&size, contents + offset, sizeof size);
      size = GUINT32_FROM_BE (size);
      g_assert_cmpuint (offset + 12 + size, <=, length);

      if ((memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0) &&
          size > strlen (keyword) && strcmp (chunk, keyword) == 0)
        {
          const char *text = chunk + strlen (keyword) + 1;

          /* iTXt: compression flag and method, then language and
           * translated keyword, each ended by a NUL. */
          if (memcmp (type, "iTXt", 4) == 0)
            {
              text += 2;
              text += strlen (text) + 1;
              text += strlen (text) + 1;
            }

          return g_strndup (text, chunk + size - text);
        }

      offset += 12 + size;
    }

  return NULL;
}
