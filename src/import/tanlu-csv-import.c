/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-csv-import.h"
#include "tanlu-input.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-csv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_EVERY_N_ROWS 4096

typedef enum
{
  COLUMN_REGION_CODE,
  COLUMN_INDICATOR,
  COLUMN_YEAR,
  COLUMN_VALUE,
  COLUMN_UNIT,
  COLUMN_SOURCE,
  COLUMN_ORIGIN,
  N_COLUMNS
} CsvColumn;

static const char * const csv_column_names[N_COLUMNS] = {
  [COLUMN_REGION_CODE] = "region_code",
  [COLUMN_INDICATOR] = "indicator",
  [COLUMN_YEAR] = "year",
  [COLUMN_VALUE] = "value",
  [COLUMN_UNIT] = "unit",
  [COLUMN_SOURCE] = "source",
  [COLUMN_ORIGIN] = "origin",
};

/* Columns that `tanlu export observations` writes for people to read and
 * that an import of that file may ignore without comment. */
static const char * const csv_informative_columns[] = {
  "region_name_zh",
  "region_name_en",
  "citation",
  "source_code",
  "imported_at",
  "kind",
};

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

  if (strlen (text) != 6 || !g_ascii_string_to_unsigned (text, 10, TANLU_REGION_CODE_MIN,
                                                         TANLU_REGION_CODE_MAX, &value, NULL))
    return FALSE;

  *code = value;
  return TRUE;
}

/* A value, strictly decimal; the message names the line and quotes the
 * value briefly. */
static gboolean
read_value (const char  *name,
            guint        line,
            const char  *text,
            double      *value,
            GError     **error)
{
  g_autofree char *quoted = NULL;

  switch (tanlu_input_parse_number (text, value))
    {
    case TANLU_NUMBER_OK:
      return TRUE;

    case TANLU_NUMBER_NOT_DECIMAL:
      quoted = tanlu_input_quote (text, -1);
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, line %u: “%s” is not a decimal number"), name, line, quoted);
      return FALSE;

    case TANLU_NUMBER_TOO_LARGE:
      quoted = tanlu_input_quote (text, -1);
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, line %u: “%s” is too large to be stored"), name, line, quoted);
      return FALSE;

    case TANLU_NUMBER_TOO_SMALL:
      quoted = tanlu_input_quote (text, -1);
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, line %u: “%s” is too close to zero to be stored; it would become 0"),
                   name, line, quoted);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

/* A row that names its region, as `tanlu export` writes it, must name the
 * region its code stands for: a name and a code that disagree are a
 * mistake one of which would be stored silently. */
static gboolean
check_region_names (const char   *name,
                    guint         line,
                    TanluRegion  *region,
                    const char   *name_zh,
                    const char   *name_en,
                    GError      **error)
{
  const char *given = NULL;

  if (name_zh != NULL && *name_zh != '\0' && g_strcmp0 (name_zh, tanlu_region_get_name_zh (region)) != 0)
    given = name_zh;
  else if (name_en != NULL && *name_en != '\0' &&
           g_ascii_strcasecmp (name_en, tanlu_region_get_name_en (region)) != 0)
    given = name_en;

  if (given != NULL)
    {
      g_autofree char *quoted = tanlu_input_quote (given, -1);

      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   /* Translators: “…, line 4: the code 510000 is Sichuan (四川), but the row
                    * names it “Chongqing”” */
                   _("“%s”, line %u: the code %u is %s (%s), but the row names it “%s”"), name,
                   line, tanlu_region_get_code (region), tanlu_region_get_name_en (region),
                   tanlu_region_get_name_zh (region), quoted);
      return FALSE;
    }

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
  g_autoptr(GHashTable) recoded = g_hash_table_new (NULL, NULL);
  g_autoptr(GStringChunk) origins = g_string_chunk_new (64 * 1024);
  int columns[N_COLUMNS];
  TanluSource *file_source = NULL;
  int name_columns[G_N_ELEMENTS (csv_informative_columns)];
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
  for (guint c = 0; c < G_N_ELEMENTS (name_columns); c++)
    name_columns[c] = -1;

  n_fields = tanlu_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *header =
        g_strstrip (g_ascii_strdown (tanlu_csv_reader_get_field (reader, i), -1));
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (g_str_equal (header, csv_column_names[c]))
            {
              if (columns[c] >= 0)
                {
                  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                               _("“%s”, line 1: the column “%s” appears twice"), name,
                               csv_column_names[c]);
                  return FALSE;
                }
              columns[c] = i;
              known = TRUE;
            }
        }

      for (guint c = 0; c < G_N_ELEMENTS (csv_informative_columns); c++)
        if (g_str_equal (header, csv_informative_columns[c]))
          {
            name_columns[c] = i;
            known = TRUE;
          }

      if (!known)
        {
          g_autofree char *quoted = tanlu_input_quote (header, -1);

          tanlu_import_report_warn (report, _("“%s”: the column “%s” is not used"), name, quoted);
        }
    }

  if (columns[COLUMN_REGION_CODE] < 0 || columns[COLUMN_INDICATOR] < 0 ||
      columns[COLUMN_YEAR] < 0 || columns[COLUMN_VALUE] < 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   _("“%s”, line 1: the header must name the columns region_code, indicator, year "
                      "and value (optionally unit and source)"),
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
      guint source_code;
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
      source_code = 0;
      if (parse_region_code (text, &code) && tanlu_store_get_current_code (store, code) != code)
        {
          /* An old code of a unit that lives on under a new one lands on
           * the new one; the figure keeps the code the file used. */
          source_code = code;
          code = tanlu_store_get_current_code (store, code);
          if (!g_hash_table_contains (recoded, GUINT_TO_POINTER (source_code)))
            {
              g_hash_table_add (recoded, GUINT_TO_POINTER (source_code));
              tanlu_import_report_warn (report,
                                        _("“%s”, line %u: %u is an old code of %u; its values "
                                          "are stored under %u"),
                                        name, line, source_code, code, code);
            }
        }
      region = source_code != 0 || parse_region_code (text, &code)
                 ? tanlu_store_lookup_region (store, code)
                 : NULL;
      if (region == NULL)
        {
          g_autofree char *quoted = tanlu_input_quote (text, -1);

          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                       _("“%s”, line %u: “%s” is not a known GB/T 2260 region code"),
                       name, line, quoted);
          return FALSE;
        }

      if (!check_region_names (name, line, region,
                               name_columns[0] >= 0 ? tanlu_csv_reader_get_field (reader, name_columns[0]) : NULL,
                               name_columns[1] >= 0 ? tanlu_csv_reader_get_field (reader, name_columns[1]) : NULL,
                               error))
        return FALSE;

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
              g_autofree char *quoted = tanlu_input_quote (text, -1);

              g_set_error (
                error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR,
                _(
                  "“%s”, line %u: the indicator “%s” is not known; add a unit column to define it"),
                name, line, quoted);
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
              g_autofree char *quoted = tanlu_input_quote (unit, -1);

              g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNIT_MISMATCH,
                           _("“%s”, line %u: the unit “%s” differs from the unit of %s, “%s”"),
                           name, line, quoted, tanlu_indicator_get_code (indicator),
                           tanlu_indicator_get_unit (indicator));
              return FALSE;
            }
          g_hash_table_add (units_checked, indicator);
        }

      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_YEAR]);
      if (!g_ascii_string_to_unsigned (text, 10, 1000, 9999, &year, NULL))
        {
          g_autofree char *quoted = tanlu_input_quote (text, -1);

          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                       _("“%s”, line %u: “%s” is not a year"), name, line, quoted);
          return FALSE;
        }

      text = tanlu_csv_reader_get_field (reader, columns[COLUMN_VALUE]);
      if (is_blank (text))
        {
          report->n_missing++;
          continue;
        }
      if (!read_value (name, line, text, &value, error))
        return FALSE;

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
      pending.source_code = source_code;
      if (columns[COLUMN_ORIGIN] >= 0 &&
          *tanlu_csv_reader_get_field (reader, columns[COLUMN_ORIGIN]) != '\0')
        pending.origin_text =
          g_string_chunk_insert_const (origins,
                                       tanlu_csv_reader_get_field (reader, columns[COLUMN_ORIGIN]));
      else
        {
          /* "FILE:LINE", as tanlu_origin_describe() reads it */
          g_autofree char *where = g_strdup_printf ("%s:%u", name, line);

          pending.origin_text = g_string_chunk_insert (origins, where);
        }
      g_array_append_val (values, pending);

      tanlu_import_report_add_value (report, code, year);
    }

  if (report->n_values == 0 && report->n_missing == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” has a header but no rows"), name);
      return FALSE;
    }

  if (report->n_values == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   ngettext ("“%s” has no values: its %u row leaves the value empty",
                             "“%s” has no values: all its %u rows leave the value empty",
                             report->n_missing),
                   name, report->n_missing);
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
