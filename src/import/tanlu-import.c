/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-import.h"
#include "tanlu-input.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-ceads.h"
#include "tanlu-csv-import.h"
#include "tanlu-csv.h"
#include "tanlu-xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

typedef enum
{
  FILE_FORMAT_UNKNOWN,
  FILE_FORMAT_XLSX,
  FILE_FORMAT_CSV,
} FileFormat;

/* ------------------------------------------------------------------------ */

static FileFormat
detect_format (const char  *path,
               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *display_name = g_path_get_basename (path);
  guint8 magic[4] = { 0 };
  gssize n_read;
  int fd;

  /* The extension decides when there is one, so a text file named .xlsx
   * is reported as a broken workbook rather than as a broken table; the
   * reader of each checks that it is a regular file. */
  if (g_str_has_suffix (lower, ".xlsx"))
    return FILE_FORMAT_XLSX;
  if (g_str_has_suffix (lower, ".csv"))
    return FILE_FORMAT_CSV;

  /* Otherwise its first bytes decide, if it is a regular file at all. */
  if ((fd = tanlu_input_open (path, display_name, TANLU_INPUT_MAX_FILE_SIZE, NULL, error)) < 0)
    return FILE_FORMAT_UNKNOWN;

  do
    n_read = read (fd, magic, sizeof magic);
  while (n_read < 0 && errno == EINTR);
  close (fd);

  if (n_read == 4 && memcmp (magic, "PK\x03\x04", 4) == 0)
    return FILE_FORMAT_XLSX;

  return FILE_FORMAT_CSV;
}

/**
 * tanlu_import_file:
 * @progress: (nullable): called with the fraction done, from this thread
 *
 * Imports one file in one transaction: either all of it lands, or the
 * database is left exactly as it was.
 *
 * Returns: (transfer full): the report; its status and error say whether
 *   the file landed
 */
TanluImportReport *
tanlu_import_file (TanluStore              *store,
                   const char              *path,
                   TanluImportProgressFunc  progress,
                   gpointer                 user_data,
                   GCancellable            *cancellable)
{
  g_autoptr(TanluImportReport) report = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;
  guint observations_before;
  guint revisions_before;
  gint64 import_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!tanlu_store_in_transaction (store), NULL);

  report = tanlu_import_report_new (path);

  switch (detect_format (path, &error))
    {
    case FILE_FORMAT_XLSX:
      if (!(xlsx = tanlu_xlsx_open (path, &error)))
        goto out;
      report->kind = tanlu_ceads_detect (xlsx);
      if (report->kind == TANLU_IMPORT_KIND_UNKNOWN)
        {
          g_set_error (
            &error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_FORMAT,
            _("“%s” is not a CEADs inventory: expected province sheets such as “Sichuan2019”, "
               "year sheets such as “2019”, or a sheet “emission vector”"),
            report->display_name);
          goto out;
        }
      break;

    case FILE_FORMAT_CSV:
      report->kind = TANLU_IMPORT_KIND_OBSERVATIONS_CSV;
      break;

    case FILE_FORMAT_UNKNOWN:
    default:
      goto out;
    }

  observations_before = tanlu_store_count_observations (store, &error);
  if (error == NULL)
    revisions_before = tanlu_store_count_revisions (store, &error);
  if (error != NULL)
    goto out;

  if (!tanlu_store_begin (store, &error))
    goto out;

  if (!(import_id = tanlu_store_log_import_start (store, path, report->kind, &error)))
    goto rollback;

  if (xlsx != NULL)
    ok =
      tanlu_ceads_import_workbook (store, xlsx, report, progress, user_data, cancellable, &error);
  else
    ok = tanlu_import_csv (store, path, report, progress, user_data, cancellable, &error);

  if (!ok)
    goto rollback;

  {
    guint observations_after = tanlu_store_count_observations (store, &error);
    guint revisions_after = tanlu_store_count_revisions (store, &error);

    if (error != NULL)
      goto rollback;

    report->n_new = observations_after - observations_before;
    report->n_replaced = revisions_after - revisions_before;
  }

  if (!tanlu_store_log_import_end (store, import_id, report->n_values, report->n_replaced,
                                   &error) ||
      !tanlu_store_commit (store, &error))
    goto rollback;

  if (progress != NULL)
    progress (1.0, user_data);

  report->status = TANLU_IMPORT_STATUS_LANDED;
  return g_steal_pointer (&report);

rollback:
  tanlu_store_rollback (store);
  report->n_new = report->n_replaced = 0;

out:
  g_assert (error != NULL);
  report->status = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                   ? TANLU_IMPORT_STATUS_CANCELLED
                   : TANLU_IMPORT_STATUS_FAILED;
  report->error = g_steal_pointer (&error);

  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  char                     *db_path;
  GStrv                     paths;
  TanluImportFilesProgress  progress;
} ImportFilesData;

static void
import_files_data_free (gpointer data)
{
  ImportFilesData *files = data;

  g_free (files->db_path);
  g_strfreev (files->paths);
  g_free (files);
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportFilesData *files = task_data;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) reports =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_import_report_free);
  g_autoptr(TanluProgressRelay) relay = tanlu_progress_relay_new (task, files->progress);
  g_autoptr(GError) error = NULL;
  guint n_files = g_strv_length (files->paths);

  /* A connection of its own: the window's stays free for reading. */
  if (!(store = tanlu_store_new (files->db_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; files->paths[i] != NULL; i++)
    {
      g_autofree char *display_name = g_path_get_basename (files->paths[i]);
      TanluImportReport *report;

      tanlu_progress_relay_set_file (relay, i, n_files, display_name);

      if (g_cancellable_is_cancelled (cancellable))
        {
          report = tanlu_import_report_new (files->paths[i]);
          report->status = TANLU_IMPORT_STATUS_CANCELLED;
          g_cancellable_set_error_if_cancelled (cancellable, &report->error);
        }
      else
        report = tanlu_import_file (store, files->paths[i], tanlu_progress_relay_update, relay,
                                    cancellable);

      g_ptr_array_add (reports, report);
    }

  g_task_return_pointer (task, g_steal_pointer (&reports), (GDestroyNotify)g_ptr_array_unref);
}

/**
 * tanlu_import_files_async:
 * @source_object: kept alive until the import finishes; passed to @progress
 * @db_path: the database to import into, opened on a connection of its own
 * @paths: the files, imported one after another, each in its own transaction
 * @progress: (nullable): called on the caller's main context
 *
 * Imports files on a worker thread. Cancelling stops the file being
 * imported, which then leaves no trace, and skips the rest; files already
 * imported stay.
 */
void
tanlu_import_files_async (GObject                  *source_object,
                          const char               *db_path,
                          const char * const       *paths,
                          TanluImportFilesProgress  progress,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportFilesData *files;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (paths != NULL);

  files = g_new0 (ImportFilesData, 1);
  files->db_path = g_strdup (db_path);
  files->paths = g_strdupv ((char **)paths);
  files->progress = progress;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, tanlu_import_files_async);
  g_task_set_task_data (task, files, import_files_data_free);
  g_task_run_in_thread (task, import_files_thread);
}

/**
 * tanlu_import_files_finish:
 *
 * Returns: (transfer container) (element-type TanluImportReport) (nullable):
 *   a report for each file, in order; %NULL only if the database could not
 *   be opened
 */
GPtrArray *
tanlu_import_files_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tanlu_import_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
