/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-ceads.h"
#include "tanlu-csv.h"
#include "tanlu-import.h"
#include "tanlu-indicator.h"
#include "tanlu-region.h"
#include "tanlu-source.h"
#include "tanlu-store.h"
#include "tanlu-xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_EVERY_N_ROWS 4096

typedef enum
{
  FILE_FORMAT_UNKNOWN,
  FILE_FORMAT_XLSX,
  FILE_FORMAT_CSV,
} FileFormat;

typedef enum
{
  COLUMN_REGION_CODE,
  COLUMN_INDICATOR,
  COLUMN_YEAR,
  COLUMN_VALUE,
  COLUMN_UNIT,
  COLUMN_SOURCE,
  N_COLUMNS
} CsvColumn;

static const char * const csv_column_names[N_COLUMNS] = {
  [COLUMN_REGION_CODE] = "region_code",
  [COLUMN_INDICATOR] = "indicator",
  [COLUMN_YEAR] = "year",
  [COLUMN_VALUE] = "value",
  [COLUMN_UNIT] = "unit",
  [COLUMN_SOURCE] = "source",
};

/* Columns that `tanlu export observations` writes for people to read and
 * that an import of that file may ignore without comment. */
static const char * const csv_informative_columns[] = {
  "region_name_zh",
  "region_name_en",
};

G_DEFINE_QUARK (tanlu-import-error-quark, tanlu_import_error)

/* ------------------------------------------------------------------------ */

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
      return g_strdup_printf (_("“%s”: %s; %'u values for %'u regions, %s (%'u new, %'u replaced, %'u left missing)"),
                              report->display_name, tanlu_import_kind_describe (report->kind),
                              report->n_values, report->n_regions, years,
                              report->n_new, report->n_replaced, report->n_missing);

    case TANLU_IMPORT_STATUS_CANCELLED:
      return g_strdup_printf (_("“%s”: cancelled; nothing from this file was saved"), report->display_name);

    case TANLU_IMPORT_STATUS_FAILED:
    default:
      return g_strdup_printf (_("%s; nothing from this file was saved"),
                              report->error != NULL ? report->error->message : report->display_name);
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

static FileFormat
detect_format (const char  *path,
               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *display_name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 magic[4] = { 0 };
  gsize n_read = 0;

  /* The extension decides when there is one, so a text file named .xlsx
   * is reported as a broken workbook rather than as a broken table. */
  if (g_str_has_suffix (lower, ".xlsx"))
    return FILE_FORMAT_XLSX;
  if (g_str_has_suffix (lower, ".csv"))
    return FILE_FORMAT_CSV;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read, NULL, &local_error))
    {
      display_name = g_path_get_basename (path);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), display_name, local_error->message);
      return FILE_FORMAT_UNKNOWN;
    }

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
          g_set_error (&error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_FORMAT,
                       _("“%s” is not a CEADs inventory: expected province sheets such as “Sichuan2019”, year sheets such as “2019”, or a sheet “emission vector”"),
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
    ok = tanlu_ceads_import_workbook (store, xlsx, report, progress, user_data, cancellable, &error);
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

  if (!tanlu_store_log_import_end (store, import_id, report->n_values, report->n_replaced, &error) ||
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

static char *
normalize_unit (const char *unit)
{
  GString *normal = g_string_new (NULL);

  for (const char *p = unit; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == 0x2082) /* SUBSCRIPT TWO, as in CO₂ */
        c = '2';
      g_string_append_unichar (normal, g_unichar_tolower (c));
    }

  return g_string_free (normal, FALSE);
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

static gboolean
parse_region_code (const char *text,
                   guint      *code)
{
  guint64 value;

  if (strlen (text) != 6 || !g_ascii_string_to_unsigned (text, 10, 100000, 999999, &value, NULL))
    return FALSE;

  *code = value;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;
  double parsed;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;

  parsed = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;

  if (end == NULL || *end != '\0' || !isfinite (parsed))
    return FALSE;

  *value = parsed;
  return TRUE;
}

static TanluSource *
source_for_file (TanluStore         *store,
                 TanluImportReport  *report,
                 GError            **error)
{
  g_autofree char *key = g_strdup_printf ("file:%s", report->display_name);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *citation = NULL;
  TanluSourceInfo info = { 0 };

  /* Translators: the citation recorded for figures from a user's own
   * table that names no source; %s are the file name and the date. */
  citation = g_strdup_printf (_("Imported from “%s” on %s; the file names no source"),
                              report->display_name, today);

  info.key = key;
  info.title_zh = report->display_name;
  info.title_en = report->display_name;
  info.citation = citation;

  return tanlu_store_ensure_source (store, &info, error);
}

static TanluSource *
source_named (TanluStore  *store,
              const char  *name,
              GError     **error)
{
  TanluSource *source = tanlu_store_lookup_source (store, name);
  TanluSourceInfo info = { 0 };

  if (source != NULL)
    return source;

  info.key = name;
  info.title_zh = name;
  info.title_en = name;
  info.citation = name;

  return tanlu_store_ensure_source (store, &info, error);
}

/**
 * tanlu_import_csv:
 *
 * Reads a long table with the header `region_code,indicator,year,value`
 * and optional `unit` and `source` columns. An indicator the store does not
 * know is defined when the file gives its unit. Empty values are gaps and
 * are not stored. Must be called inside a transaction; any bad row fails
 * the whole file, naming its line.
 */
gboolean
tanlu_import_csv (TanluStore               *store,
                  const char               *path,
                  TanluImportReport        *report,
                  TanluImportProgressFunc   progress,
                  gpointer                  user_data,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (TanluPendingValue));
  const TanluPendingValue *repeat;
  TanluIndicator *last_indicator = NULL;
  g_autoptr(GHashTable) units_checked = g_hash_table_new (NULL, NULL);
  int columns[N_COLUMNS];
  TanluSource *file_source = NULL;
  const char *name;
  guint n_fields;
  guint n_rows = 0;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (tanlu_store_in_transaction (store), FALSE);

  if (!(reader = tanlu_csv_reader_new_for_path (path, error)))
    return FALSE;

  name = tanlu_csv_reader_get_display_name (reader);

  if (!tanlu_csv_reader_next (reader, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                     _("“%s” is empty"), name);
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  n_fields = tanlu_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *header = g_strstrip (g_ascii_strdown (tanlu_csv_reader_get_field (reader, i), -1));
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (g_str_equal (header, csv_column_names[c]))
            {
              if (columns[c] >= 0)
                {
                  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                               _("“%s”, line 1: the column “%s” appears twice"), name, header);
                  return FALSE;
                }
              columns[c] = i;
              known = TRUE;
            }
        }

      for (guint c = 0; c < G_N_ELEMENTS (csv_informative_columns); c++)
        if (g_str_equal (header, csv_informative_columns[c]))
          known = TRUE;

      if (!known)
        tanlu_import_report_warn (report, _("“%s”: the column “%s” is not used"), name, header);
    }

  if (columns[COLUMN_REGION_CODE] < 0 || columns[COLUMN_INDICATOR] < 0 ||
      columns[COLUMN_YEAR] < 0 || columns[COLUMN_VALUE] < 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   _("“%s”, line 1: the header must name the columns region_code, indicator, year and value (optionally unit and source)"),
                   name);
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      TanluIndicator *indicator;
      TanluRegion *region;
      TanluSource *source;
      const char *text;
      const char *unit = NULL;
      TanluPendingValue pending;
      guint64 year;
      guint code;
      guint line;
      double value;

      if (!tanlu_csv_reader_next (reader, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      line = tanlu_csv_reader_get_line (reader);
      n_rows++;

      if (n_rows % CHECK_EVERY_N_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (tanlu_csv_reader_get_fraction (reader), user_data);
        }

      if (tanlu_csv_reader_get_n_fields (reader) != n_fields)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                       _("“%s”, line %u: %u fields, but the header has %u"),
                       name, line, tanlu_csv_reader_get_n_fields (reader), n_fields);
          return FALSE;
        }

      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_REGION_CODE]);
      if (!parse_region_code (text, &code) || (region = tanlu_store_lookup_region (store, code)) == NULL)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                       _("“%s”, line %u: “%s” is not a known GB/T 2260 region code"),
                       name, line, text);
          return FALSE;
        }

      if (columns[COLUMN_UNIT] >= 0)
        {
          unit = tanlu_csv_reader_get_field (reader, columns[COLUMN_UNIT]);
          if (*unit == '\0')
            unit = NULL;
        }

      /* Long tables list one indicator's rows together. */
      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_INDICATOR]);
      if (last_indicator != NULL && g_str_equal (text, tanlu_indicator_get_code (last_indicator)))
        indicator = last_indicator;
      else
        indicator = tanlu_store_lookup_indicator (store, text);
      if (indicator == NULL)
        {
          TanluIndicatorInfo info = { 0 };

          if (unit == NULL || *text == '\0')
            {
              g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR,
                           _("“%s”, line %u: the indicator “%s” is not known; add a unit column to define it"),
                           name, line, text);
              return FALSE;
            }

          info.code = text;
          info.unit = unit;
          info.category = "user";
          info.sort_order = 1000;
          if (!(indicator = tanlu_store_ensure_indicator (store, &info, error)))
            return FALSE;
          g_hash_table_add (units_checked, indicator);
        }
      else if (unit != NULL && !g_hash_table_contains (units_checked, indicator))
        {
          g_autofree char *given = normalize_unit (unit);
          g_autofree char *expected = normalize_unit (tanlu_indicator_get_unit (indicator));

          if (!g_str_equal (given, expected))
            {
              g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNIT_MISMATCH,
                           _("“%s”, line %u: the unit “%s” differs from the unit of %s, “%s”"),
                           name, line, unit, tanlu_indicator_get_code (indicator),
                           tanlu_indicator_get_unit (indicator));
              return FALSE;
            }
          g_hash_table_add (units_checked, indicator);
        }

      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_YEAR]);
      if (!g_ascii_string_to_unsigned (text, 10, 1000, 9999, &year, NULL))
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                       _("“%s”, line %u: “%s” is not a year"), name, line, text);
          return FALSE;
        }

      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_VALUE]);
      if (is_blank (text))
        {
          report->n_missing++;
          continue;
        }
      if (!parse_number (text, &value))
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                       _("“%s”, line %u: “%s” is not a number"), name, line, text);
          return FALSE;
        }

      source = NULL;
      if (columns[COLUMN_SOURCE] >= 0)
        {
          text = tanlu_csv_reader_get_field (reader, columns[COLUMN_SOURCE]);
          if (*text != '\0' && !(source = source_named (store, text, error)))
            return FALSE;
        }
      if (source == NULL)
        {
          if (file_source == NULL && !(file_source = source_for_file (store, report, error)))
            return FALSE;
          source = file_source;
        }

      last_indicator = indicator;

      pending.indicator_id = tanlu_indicator_get_id (indicator);
      pending.region_code = code;
      pending.year = year;
      pending.value = value;
      pending.source_id = tanlu_source_get_id (source);
      pending.origin = line;
      g_array_append_val (values, pending);

      tanlu_import_report_add_value (report, code, year);
    }

  if (report->n_values == 0 && report->n_missing == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” has a header but no rows"), name);
      return FALSE;
    }

  /* The same value given twice is almost always a copy-and-paste mistake;
   * letting the later row win silently would hide it. */
  tanlu_pending_values_sort (values);
  if ((repeat = tanlu_pending_values_find_repeat (values)) != NULL)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_DUPLICATE,
                   _("“%s”, line %u repeats the value for region %u, year %u given on line %u"),
                   name, repeat->origin, repeat->region_code, repeat->year, (repeat - 1)->origin);
      return FALSE;
    }

  return tanlu_store_put_pending_values (store, values, error);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  char                     *db_path;
  GStrv                     paths;
  TanluImportFilesProgress  progress;
  GMainContext             *context;
} ImportFilesData;

typedef struct
{
  GTask      *task;
  guint       file_index;
  guint       n_files;
  const char *display_name;
  double      fraction;
  int         last_percent;
} ImportFilesProgress;

typedef struct
{
  GTask  *task;
  guint   file_index;
  guint   n_files;
  char   *display_name;
  double  fraction;
} ProgressUpdate;

static void
import_files_data_free (gpointer data)
{
  ImportFilesData *files = data;

  g_free (files->db_path);
  g_strfreev (files->paths);
  g_main_context_unref (files->context);
  g_free (files);
}

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
  ImportFilesData *files = g_task_get_task_data (update->task);

  files->progress (g_task_get_source_object (update->task), update->file_index, update->n_files,
                   update->display_name, update->fraction);

  return G_SOURCE_REMOVE;
}

static void
post_progress (ImportFilesProgress *state)
{
  ImportFilesData *files = g_task_get_task_data (state->task);
  ProgressUpdate *update;
  int percent = (int)(state->fraction * 100);

  /* Each update crosses threads; one per percent is plenty for a bar. */
  if (files->progress == NULL || percent == state->last_percent)
    return;
  state->last_percent = percent;

  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (state->task);
  update->file_index = state->file_index;
  update->n_files = state->n_files;
  update->display_name = g_strdup (state->display_name);
  update->fraction = state->fraction;

  g_main_context_invoke_full (files->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              progress_update_free);
}

static void
on_file_progress (double   fraction,
                  gpointer user_data)
{
  ImportFilesProgress *state = user_data;

  state->fraction = fraction;
  post_progress (state);
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportFilesData *files = task_data;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify)tanlu_import_report_free);
  g_autoptr(GError) error = NULL;
  ImportFilesProgress state = { task, 0, g_strv_length (files->paths), NULL, 0, -1 };

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

      state.file_index = i;
      state.display_name = display_name;
      state.fraction = 0;
      state.last_percent = -1;
      post_progress (&state);

      if (g_cancellable_is_cancelled (cancellable))
        {
          report = tanlu_import_report_new (files->paths[i]);
          report->status = TANLU_IMPORT_STATUS_CANCELLED;
          g_cancellable_set_error_if_cancelled (cancellable, &report->error);
        }
      else
        report = tanlu_import_file (store, files->paths[i], on_file_progress, &state, cancellable);

      g_ptr_array_add (reports, report);
      state.display_name = NULL;
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
  files->context = g_main_context_ref_thread_default ();

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
