/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-import-report.h"

G_DEFINE_QUARK (tanlu-import-error-quark, tanlu_import_error)

TanluImportReport *
tanlu_import_report_new (const char *path)
{
  TanluImportReport *report = g_new0 (TanluImportReport, 1);

  report->path = g_strdup (path);
  report->display_name = g_path_get_basename (path);
  report->unmatched = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->regions_seen = g_hash_table_new (NULL, NULL);

  return report;
}

void
tanlu_import_report_free (TanluImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->path);
  g_free (report->display_name);
  g_ptr_array_unref (report->unmatched);
  g_ptr_array_unref (report->warnings);
  g_clear_error (&report->error);
  g_hash_table_unref (report->regions_seen);
  g_free (report);
}

/**
 * tanlu_import_report_add_value:
 *
 * Counts one value read from the file.
 */
void
tanlu_import_report_add_value (TanluImportReport *report,
                               guint              region_code,
                               guint              year)
{
  g_return_if_fail (report != NULL);

  report->n_values++;
  if (region_code != report->last_region_code)
    {
      g_hash_table_add (report->regions_seen, GUINT_TO_POINTER (region_code));
      report->n_regions = g_hash_table_size (report->regions_seen);
      report->last_region_code = region_code;
    }

  if (report->first_year == 0 || year < report->first_year)
    report->first_year = year;
  if (year > report->last_year)
    report->last_year = year;
}

void
tanlu_import_report_warn (TanluImportReport *report,
                          const char        *format,
                          ...)
{
  va_list args;

  g_return_if_fail (report != NULL);

  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * tanlu_import_report_describe:
 *
 * Returns: (transfer full): one translated line saying what happened to
 *   the file, without its warnings and unmatched names
 */
char *
tanlu_import_report_describe (TanluImportReport *report)
{
  g_autofree char *years = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  switch (report->status)
    {
    case TANLU_IMPORT_STATUS_LANDED:
      if (report->first_year == report->last_year)
        years = g_strdup_printf ("%u", report->first_year);
      else
        years = g_strdup_printf ("%u–%u", report->first_year, report->last_year);

      /* Translators: “file.xlsx”: CEADs provincial inventory; 2,070 values
       * for 30 regions, 2019 (2,070 new, 0 replaced, 0 left missing) */
      return g_strdup_printf (
        _("“%s”: %s; %'u values for %'u regions, %s (%'u new, %'u replaced, %'u left missing)"),
        report->display_name, tanlu_import_kind_describe (report->kind), report->n_values,
        report->n_regions, years, report->n_new, report->n_replaced, report->n_missing);

    case TANLU_IMPORT_STATUS_CANCELLED:
      return g_strdup_printf (_("“%s”: cancelled; nothing from this file was saved"),
                              report->display_name);

    case TANLU_IMPORT_STATUS_FAILED:
    default:
      return g_strdup_printf (_("%s; nothing from this file was saved"), report->error != NULL
                                                                            ? report->error->message
                                                                            : report->display_name);
    }
}

/**
 * tanlu_import_kind_describe:
 *
 * Returns: a translated description of @kind
 */
const char *
tanlu_import_kind_describe (TanluImportKind kind)
{
  switch (kind)
    {
    case TANLU_IMPORT_KIND_CEADS_PROVINCES:
      return _("CEADs provincial inventory");

    case TANLU_IMPORT_KIND_CEADS_CITIES:
      return _("CEADs city emissions");

    case TANLU_IMPORT_KIND_CEADS_NATION:
      return _("CEADs national inventory");

    case TANLU_IMPORT_KIND_OBSERVATIONS_CSV:
      return _("table of observations (CSV)");

    case TANLU_IMPORT_KIND_UNKNOWN:
    default:
      return _("unknown");
    }
}

/* ------------------------------------------------------------------------ */
/* Progress from a worker thread to the caller's main context               */

struct _TanluProgressRelay
{
  GTask                    *task;
  GMainContext             *context;
  TanluImportFilesProgress  progress;
  guint                     file_index;
  guint                     n_files;
  char                     *display_name;
  int                       last_percent;
};

typedef struct
{
  GTask                    *task;
  TanluImportFilesProgress  progress;
  guint                     file_index;
  guint                     n_files;
  char                     *display_name;
  double                    fraction;
} ProgressUpdate;

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->task);
  g_free (update->display_name);
  g_free (update);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress (g_task_get_source_object (update->task), update->file_index, update->n_files,
                    update->display_name, update->fraction);

  return G_SOURCE_REMOVE;
}

/**
 * tanlu_progress_relay_new:
 * @task: the task whose worker reports progress
 * @progress: (nullable): called on the main context that is the thread
 *   default now, with the task's source object
 *
 * Returns: (transfer full): a relay for the worker to report through
 */
TanluProgressRelay *
tanlu_progress_relay_new (GTask                   *task,
                          TanluImportFilesProgress progress)
{
  TanluProgressRelay *relay = g_new0 (TanluProgressRelay, 1);

  relay->task = g_object_ref (task);
  relay->context = g_main_context_ref_thread_default ();
  relay->progress = progress;
  relay->n_files = 1;
  relay->last_percent = -1;

  return relay;
}

void
tanlu_progress_relay_free (TanluProgressRelay *relay)
{
  if (relay == NULL)
    return;

  g_clear_object (&relay->task);
  g_clear_pointer (&relay->context, g_main_context_unref);
  g_clear_pointer (&relay->display_name, g_free);
  g_free (relay);
}

/**
 * tanlu_progress_relay_set_file:
 *
 * Starts reporting on another file, from 0.
 */
void
tanlu_progress_relay_set_file (TanluProgressRelay *relay,
                               guint               file_index,
                               guint               n_files,
                               const char         *display_name)
{
  g_return_if_fail (relay != NULL);

  relay->file_index = file_index;
  relay->n_files = n_files;
  g_free (relay->display_name);
  relay->display_name = g_strdup (display_name);
  relay->last_percent = -1;
  tanlu_progress_relay_update (0, relay);
}

/**
 * tanlu_progress_relay_update:
 * @relay: (type TanluProgressRelay): the relay
 *
 * Reports how much of the current file is done, from the worker thread; a
 * #TanluImportProgressFunc. Each update crosses threads, so only whole
 * percents are passed on.
 */
void
tanlu_progress_relay_update (double   fraction,
                             gpointer user_data)
{
  TanluProgressRelay *relay = user_data;
  ProgressUpdate *update;
  int percent = (int) (CLAMP (fraction, 0, 1) * 100);

  if (relay->progress == NULL || percent == relay->last_percent)
    return;
  relay->last_percent = percent;

  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (relay->task);
  update->progress = relay->progress;
  update->file_index = relay->file_index;
  update->n_files = relay->n_files;
  update->display_name = g_strdup (relay->display_name);
  update->fraction = fraction;

  g_main_context_invoke_full (relay->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              progress_update_free);
}
