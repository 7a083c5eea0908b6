/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-plan-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-plan-import.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-csv.h"
#include "tanlu-import-report.h"
#include "tanlu-input.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

/* Tables a planner brings to the plans: the targets of a plan of their
 * own, read against the plan's text, and the joint plan's tracker as
 * `tanlu tracker export` writes it. Every row is checked before anything
 * is stored; a bad one is named by its file, line and column, and then
 * nothing is stored at all. */

/* The sentence around a quote reaches this far either side at most, in
 * characters, as in the bundled library (data/policy/regenerate.py). */
#define CONTEXT_REACH 160
#define MAX_QUOTE_LENGTH 100
#define MAX_TITLE_LENGTH 200
/* A plan's text is read whole and searched once for each target's quote:
 * both are bounded so that no file makes the search long. The whole
 * compilation of plans is 3 MB; its largest plan has a few dozen targets. */
#define MAX_PLAN_SIZE (8 * 1024 * 1024)
#define MAX_TARGETS 1000
#define FIRST_YEAR 1949
#define LAST_YEAR 2100

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

typedef enum
{
  USE_REQUIRED,
  USE_OPTIONAL,
  USE_IGNORED,
} ColumnUse;

typedef struct
{
  const char *name;
  ColumnUse   use;
} ColumnSpec;

static void set_row_error (GError           **error,
                           TanluImportError   code,
                           const char        *name,
                           guint              line,
                           const char        *field,
                           const char        *format,
                           ...) G_GNUC_PRINTF (6, 7);

/* "“targets.csv”, line 4, indicator: …": the file, the line, the column
 * and what is wrong there. */
static void
set_row_error (GError           **error,
               TanluImportError   code,
               const char        *name,
               guint              line,
               const char        *field,
               const char        *format,
               ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the file, its line, the column and the problem, such as
   * “targets.csv”, line 4, indicator: “co2” is not in the vocabulary… */
  g_set_error (error, TANLU_IMPORT_ERROR, code, _("“%s”, line %u, %s: %s"), name, line, field,
               problem);
}

static char *
column_list (const ColumnSpec *specs,
             guint             n_specs,
             ColumnUse         use)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n_specs; i++)
    if (specs[i].use == use)
      {
        if (list->len > 0)
          g_string_append (list, ", ");
        g_string_append (list, specs[i].name);
      }

  return g_string_free (list, FALSE);
}

/* Reads the header: every required column once, optional and ignored ones
 * at most once, nothing else. @columns gets each spec's field index, or
 * -1 when the file does not have it. */
static gboolean
read_header (TanluCsvReader    *reader,
             const ColumnSpec  *specs,
             guint              n_specs,
             int               *columns,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *name = tanlu_csv_reader_get_display_name (reader);
  g_autofree char *required = column_list (specs, n_specs, USE_REQUIRED);
  guint n_fields;

  if (!tanlu_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL && !g_error_matches (local_error, TANLU_CSV_ERROR,
                                                   TANLU_CSV_ERROR_EMPTY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_row_error (error, TANLU_IMPORT_ERROR_NO_DATA, name, 1, "header",
                     _("the file is empty; its first line must name the columns %s"), required);
      return FALSE;
    }

  for (guint c = 0; c < n_specs; c++)
    columns[c] = -1;

  n_fields = tanlu_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *header =
        g_strstrip (g_ascii_strdown (tanlu_csv_reader_get_field (reader, i), -1));
      gboolean known = FALSE;

      for (guint c = 0; c < n_specs && !known; c++)
        {
          if (!g_str_equal (header, specs[c].name))
            continue;
          if (columns[c] >= 0)
            {
              set_row_error (error, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER, name, 1, specs[c].name,
                             _("the column appears twice"));
              return FALSE;
            }
          columns[c] = i;
          known = TRUE;
        }

      if (!known)
        {
          g_autofree char *quoted =
            tanlu_input_quote (tanlu_csv_reader_get_field (reader, i), -1);
          g_autofree char *optional = column_list (specs, n_specs, USE_OPTIONAL);
          g_autofree char *ignored = column_list (specs, n_specs, USE_IGNORED);

          set_row_error (error, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER, name, 1, quoted,
                         _("not a column Tanlu reads here; the columns are %s, optionally %s, "
                           "and %s, which are not read"),
                         required, optional, ignored);
          return FALSE;
        }
    }

  for (guint c = 0; c < n_specs; c++)
    if (specs[c].use == USE_REQUIRED && columns[c] < 0)
      {
        set_row_error (error, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER, name, 1, specs[c].name,
                       _("the column is missing; the header must name the columns %s"), required);
        return FALSE;
      }

  return TRUE;
}

/* Opens a table and reads its header; an empty file is named as one
 * whose header is missing. */
static TanluCsvReader *
open_table (const char        *path,
            const ColumnSpec  *specs,
            guint              n_specs,
            int               *columns,
            GError           **error)
{
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(reader = tanlu_csv_reader_new_for_path (path, &local_error)))
    {
      if (g_error_matches (local_error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_EMPTY))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *required = column_list (specs, n_specs, USE_REQUIRED);

          set_row_error (error, TANLU_IMPORT_ERROR_NO_DATA, name, 1, "header",
                         _("the file is empty; its first line must name the columns %s"),
                         required);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!read_header (reader, specs, n_specs, columns, error))
    return NULL;

  return g_steal_pointer (&reader);
}

/* The next row, with as many fields as the header; FALSE at the end
 * (without an error) or on one. */
static gboolean
next_row (TanluCsvReader  *reader,
          guint            n_fields,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!tanlu_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (tanlu_csv_reader_get_n_fields (reader) != n_fields)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s”, line %u: %u fields, but the header has %u"),
                   tanlu_csv_reader_get_display_name (reader), tanlu_csv_reader_get_line (reader),
                   tanlu_csv_reader_get_n_fields (reader), n_fields);
      return FALSE;
    }

  return TRUE;
}

static const char *
field_or_empty (TanluCsvReader *reader,
                int             column)
{
  return column >= 0 ? tanlu_csv_reader_get_field (reader, column) : "";
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/* ------------------------------------------------------------------------ */
/* A plan's targets                                                         */

enum
{
  TARGET_REGION_CODE,
  TARGET_INDICATOR,
  TARGET_TARGET_YEAR,
  TARGET_BASE_YEAR,
  TARGET_VALUE,
  TARGET_QUALIFIER,
  TARGET_UNIT,
  TARGET_QUOTE,
  TARGET_VALUE_AS_WRITTEN,
  TARGET_SCOPE,
  TARGET_NOTE,
  TARGET_REGION_NAME_ZH,
  TARGET_LEVEL,
  TARGET_DOCUMENT,
  N_TARGET_COLUMNS
};

/* The columns of `tanlu targets list`, and those of the bundled library's
 * targets.csv a planner may want: the plan is given on the command line,
 * so its level and id in another database are not read; a region's name
 * must be the code's. */
static const ColumnSpec target_columns[N_TARGET_COLUMNS] = {
  [TARGET_REGION_CODE] = { "region_code", USE_REQUIRED },
  [TARGET_INDICATOR] = { "indicator", USE_REQUIRED },
  [TARGET_TARGET_YEAR] = { "target_year", USE_REQUIRED },
  [TARGET_BASE_YEAR] = { "base_year", USE_REQUIRED },
  [TARGET_VALUE] = { "value", USE_REQUIRED },
  [TARGET_QUALIFIER] = { "qualifier", USE_REQUIRED },
  [TARGET_UNIT] = { "unit", USE_REQUIRED },
  [TARGET_QUOTE] = { "quote", USE_REQUIRED },
  [TARGET_VALUE_AS_WRITTEN] = { "value_as_written", USE_OPTIONAL },
  [TARGET_SCOPE] = { "scope", USE_OPTIONAL },
  [TARGET_NOTE] = { "note", USE_OPTIONAL },
  [TARGET_REGION_NAME_ZH] = { "region_name_zh", USE_OPTIONAL },
  [TARGET_LEVEL] = { "level", USE_IGNORED },
  [TARGET_DOCUMENT] = { "document", USE_IGNORED },
};

/* Units a plan writes a value in and what one of them is in the unit of
 * the vocabulary, as in the bundled library (targets.json). */
static const struct
{
  const char *unit;
  double      factor;
} conversions[] = {
  { "亿千瓦", 100 },
  { "万千瓦", 0.01 },
  { "千瓦", 1e-6 },
  { "兆瓦", 0.001 },
  { "吉瓦", 1 },
  { "MW", 0.001 },
  { "亿吨标准煤", 100 },
  { "万吨标准煤", 0.01 },
  { "亿吨标煤", 100 },
  { "万吨标煤", 0.01 },
  { "亿吨二氧化碳", 100 },
  { "万吨二氧化碳", 0.01 },
  { "万立方米", 0.0001 },
};

static gboolean
same_number (double a,
             double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Whether @text holds @number as a number of its own, not as part of a
 * longer one ("18" is in "下降18%" but not in "118%" or "18.5%"). */
static const char *
find_number (const char *text,
             const char *number)
{
  gsize length = strlen (number);

  if (length == 0)
    return NULL;

  for (const char *p = strstr (text, number); p != NULL; p = strstr (p + 1, number))
    {
      gboolean joined_before = p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.');
      gboolean joined_after = g_ascii_isdigit (p[length]) ||
                              (p[length] == '.' && g_ascii_isdigit (p[length + 1]));

      if (!joined_before && !joined_after)
        return p;
    }

  return NULL;
}

/* Whether a value as the plan writes it ("12亿千瓦") is @value: its number
 * is, or its number in a unit Tanlu converts ("亿千瓦" is 100 GW). */
static gboolean
written_value_matches (const char *written,
                       double      value)
{
  const char *end = written;
  g_autofree char *digits = NULL;
  double number;

  while (g_ascii_isdigit (*end) || *end == '.')
    end++;
  digits = g_strndup (written, end - written);
  if (tanlu_input_parse_number (digits, &number) != TANLU_NUMBER_OK)
    return FALSE;
  if (same_number (number, value))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    if (g_str_has_prefix (end, conversions[i].unit) &&
        same_number (number * conversions[i].factor, value))
      return TRUE;

  return FALSE;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xff1b /* ； */ || c == ';' || c == 0xff01 /* ！ */ ||
         c == 0xff1f /* ？ */ || c == '\n';
}

/* The sentence around a quote: from the end of the sentence before (or a
 * line break) to the end of its own, at most CONTEXT_REACH characters
 * either side. */
static char *
sentence_around (const char  *text,
                 const char  *quote_start,
                 gsize        quote_length,
                 const char **context_start)
{
  const char *start = quote_start;
  const char *end = quote_start + quote_length;
  guint reach;

  for (reach = 0; start > text && reach < CONTEXT_REACH; reach++)
    {
      const char *before = g_utf8_prev_char (start);

      if (ends_sentence (g_utf8_get_char (before)))
        break;
      start = before;
    }

  for (reach = 0; *end != '\0' && reach < CONTEXT_REACH; reach++)
    {
      gunichar c;

      if (end > quote_start && ends_sentence (g_utf8_get_char (g_utf8_prev_char (end))))
        break;
      c = g_utf8_get_char (end);
      if (c == '\n' || c == '\r')
        break;
      end = g_utf8_next_char (end);
    }

  *context_start = start;
  return g_strndup (start, end - start);
}

/* The plan's text, UTF-8 without a byte-order mark. */
static char *
read_plan_text (const char  *path,
                const char  *name,
                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *data;
  const char *invalid;
  gsize length;

  if (!(bytes = tanlu_input_read (path, name, MAX_PLAN_SIZE, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s”, line %u: the text is not UTF-8; save the plan as UTF-8 text"), name,
                   line);
      return NULL;
    }

  text = g_strndup (data, length);
  if (is_blank (text))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” is empty: give the plan’s text"), name);
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* The first line of the text that is not blank, as a title. */
static char *
first_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_utf8_substring (lines[i], 0, MIN (g_utf8_strlen (lines[i], -1),
                                                   MAX_TITLE_LENGTH));
    }

  return NULL;
}

static gboolean
parse_year (const char *text,
            guint      *year)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, FIRST_YEAR, LAST_YEAR, &value, NULL))
    return FALSE;

  *year = value;
  return TRUE;
}

/* Reads one row into @target, checking every field. */
static gboolean
read_target (TanluStore         *store,
             TanluCsvReader     *reader,
             const int          *columns,
             const char         *plan_text,
             guint              *plan_region,
             TanluPolicyTarget  *target,
             GError            **error)
{
  const char *name = tanlu_csv_reader_get_display_name (reader);
  guint line = tanlu_csv_reader_get_line (reader);
  const char *text;
  const char *value_text;
  const char *written;
  const char *found;
  const char *context_start;
  g_autofree char *quoted = NULL;
  TanluRegion *region = NULL;
  guint64 code;
  glong quote_length;

  /* The region, the plan's own. */
  text = field_or_empty (reader, columns[TARGET_REGION_CODE]);
  if (strlen (text) == 6 &&
      g_ascii_string_to_unsigned (text, 10, TANLU_REGION_CODE_MIN, TANLU_REGION_CODE_MAX, &code,
                                  NULL))
    region = tanlu_store_lookup_region (store, code);
  if (region == NULL)
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_UNKNOWN_REGION, name, line, "region_code",
                     _("“%s” is not a known GB/T 2260 region code"), quoted);
      return FALSE;
    }
  if (*plan_region == 0)
    *plan_region = code;
  if (code != *plan_region)
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "region_code",
                     _("%u is not the plan’s region, %u; a plan’s targets are its own region’s"),
                     (guint) code, *plan_region);
      return FALSE;
    }
  text = field_or_empty (reader, columns[TARGET_REGION_NAME_ZH]);
  if (*text != '\0' && !g_str_equal (text, tanlu_region_get_name_zh (region)))
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "region_name_zh",
                     _("the code %u is %s, but the row names it “%s”"), (guint) code,
                     tanlu_region_get_name_zh (region), quoted);
      return FALSE;
    }
  target->region_code = code;

  text = field_or_empty (reader, columns[TARGET_INDICATOR]);
  if (!tanlu_policy_indicator_is_valid (text))
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR, name, line, "indicator",
                     _("“%s” is not in the vocabulary (co2_intensity_reduction_pct, "
                       "energy_intensity_reduction_pct, nonfossil_share_pct, coal_share_pct, "
                       "forest_coverage_pct, forest_stock_100m_m3, co2_peak_year, "
                       "carbon_neutral_year, wind_solar_capacity_gw, renewable_capacity_gw, "
                       "nev_share_pct, green_building_share_pct); write any other as "
                       "“other: ” and a short note"),
                     quoted);
      return FALSE;
    }
  target->indicator = g_strdup (text);

  text = field_or_empty (reader, columns[TARGET_TARGET_YEAR]);
  if (!parse_year (text, &target->target_year))
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_NOT_A_NUMBER, name, line, "target_year",
                     _("“%s” is not a year from %u to %u"), quoted, FIRST_YEAR, LAST_YEAR);
      return FALSE;
    }

  text = field_or_empty (reader, columns[TARGET_BASE_YEAR]);
  if (*text != '\0' && !parse_year (text, &target->base_year))
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_NOT_A_NUMBER, name, line, "base_year",
                     _("“%s” is not a year from %u to %u; leave it empty when the plan states "
                       "none"),
                     quoted, FIRST_YEAR, LAST_YEAR);
      return FALSE;
    }
  if (target->base_year != 0 && target->base_year >= target->target_year)
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "base_year",
                     _("%u is not before the target year, %u"), target->base_year,
                     target->target_year);
      return FALSE;
    }

  value_text = field_or_empty (reader, columns[TARGET_VALUE]);
  if (tanlu_input_parse_number (value_text, &target->value) != TANLU_NUMBER_OK)
    {
      quoted = tanlu_input_quote (value_text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_NOT_A_NUMBER, name, line, "value",
                     _("“%s” is not a decimal number"), quoted);
      return FALSE;
    }
  if (g_str_has_suffix (target->indicator, "_year") &&
      !same_number (target->value, target->target_year))
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "value",
                     _("the value of a peak or neutrality year is its target year, %u"),
                     target->target_year);
      return FALSE;
    }

  text = field_or_empty (reader, columns[TARGET_QUALIFIER]);
  if (!tanlu_target_qualifier_from_string (text, &target->qualifier))
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "qualifier",
                     _("“%s” is not exact, about, at_least or at_most"), quoted);
      return FALSE;
    }

  text = field_or_empty (reader, columns[TARGET_UNIT]);
  if (is_blank (text))
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "unit",
                     _("empty; give the value’s unit, such as %%, GW or year"));
      return FALSE;
    }
  target->unit = g_strdup (text);

  /* The plan's words, found in its text and holding the value. */
  text = field_or_empty (reader, columns[TARGET_QUOTE]);
  quote_length = g_utf8_strlen (text, -1);
  if (is_blank (text))
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "quote",
                     _("empty; give the plan’s words that state the target"));
      return FALSE;
    }
  if (quote_length > MAX_QUOTE_LENGTH)
    {
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "quote",
                     _("%ld characters; a quote is at most %u"), quote_length, MAX_QUOTE_LENGTH);
      return FALSE;
    }
  if ((found = strstr (plan_text, text)) == NULL)
    {
      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "quote",
                     _("“%s” is not in the plan’s text, word for word"), quoted);
      return FALSE;
    }

  written = field_or_empty (reader, columns[TARGET_VALUE_AS_WRITTEN]);
  if (*written != '\0')
    {
      if (find_number (text, written) == NULL)
        {
          g_autofree char *quoted_written = tanlu_input_quote (written, -1);

          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "value_as_written",
                         _("“%s” is not in the quote"), quoted_written);
          return FALSE;
        }
      if (!written_value_matches (written, target->value))
        {
          g_autofree char *quoted_written = tanlu_input_quote (written, -1);

          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "value_as_written",
                         _("“%s” is not the value, %s %s"), quoted_written, value_text,
                         target->unit);
          return FALSE;
        }
    }
  else if (find_number (text, value_text) == NULL)
    {
      g_autofree char *quoted_value = tanlu_input_quote (value_text, -1);

      quoted = tanlu_input_quote (text, -1);
      set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "quote",
                     _("“%s” does not hold the value “%s” as written; when the plan writes it "
                       "in another unit, give value_as_written (such as 12亿千瓦 for 1200 GW)"),
                     quoted, quoted_value);
      return FALSE;
    }

  target->quote = g_strdup (text);
  target->quote_offset = g_utf8_pointer_to_offset (plan_text, found);
  target->context = sentence_around (plan_text, found, strlen (text), &context_start);
  target->context_offset = g_utf8_pointer_to_offset (plan_text, context_start);

  text = field_or_empty (reader, columns[TARGET_SCOPE]);
  target->scope = g_strdup (*text != '\0' ? text : "region");
  text = field_or_empty (reader, columns[TARGET_NOTE]);
  target->note = *text != '\0' ? g_strdup (text) : NULL;

  return TRUE;
}

/**
 * tanlu_import_user_plan:
 * @plan_path: the plan's text, UTF-8
 * @targets_path: its targets, a CSV table with the columns of `tanlu
 *   targets list`
 * @n_targets: (out) (optional): how many targets were stored
 *
 * Stores a plan of the user's own and its targets. Every row is checked:
 * a region the registry knows (the plan's), an indicator of the
 * vocabulary or `other: …`, years from 1949 to 2100 with the base before
 * the target, a decimal value, a qualifier, a unit, and a quote of at
 * most 100 characters found word for word in the plan's text and holding
 * the value as written. Where the quote is and the sentence around it are
 * stored with it. The plan is known by its region and the plan file's
 * name; a second import of it is refused unless @options asks to replace
 * it. All the targets are stored in one transaction, or none.
 *
 * Returns: %FALSE with @error naming the file, line and column
 */
gboolean
tanlu_import_user_plan (TanluStore                  *store,
                        const char                  *plan_path,
                        const char                  *targets_path,
                        const TanluUserPlanOptions  *options,
                        guint                       *n_targets,
                        GError                     **error)
{
  /* Not "district": the registry stops at prefecture level, and the
   * bundled districts' plans are filed under their prefecture with the
   * district's code, which a user's table cannot give. */
  static const char *const levels[] = { "nation", "ministry", "province", "city", NULL };
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GPtrArray) targets =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *plan_name = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  const TanluUserPlanOptions defaults = { 0 };
  TanluPolicyDocument document = { 0 };
  TanluRegion *region;
  int columns[N_TARGET_COLUMNS];
  guint plan_region;
  guint n_fields;
  const char *name;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan_path != NULL && targets_path != NULL, FALSE);
  g_return_val_if_fail (!tanlu_store_in_transaction (store), FALSE);

  if (options == NULL)
    options = &defaults;
  if (n_targets != NULL)
    *n_targets = 0;

  if (options->level != NULL && !g_strv_contains (levels, options->level))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s” is not a level a plan can be imported at: nation, ministry, province "
                     "or city (Tanlu’s regions stop at prefecture level)"),
                   options->level);
      return FALSE;
    }
  plan_region = options->region_code;
  if (plan_region != 0 && tanlu_store_lookup_region (store, plan_region) == NULL)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                   _("%u is not a known GB/T 2260 region code"), plan_region);
      return FALSE;
    }

  plan_name = g_path_get_basename (plan_path);
  if (!(plan_text = read_plan_text (plan_path, plan_name, error)))
    return FALSE;

  if (!(reader = open_table (targets_path, target_columns, N_TARGET_COLUMNS, columns, error)))
    return FALSE;
  name = tanlu_csv_reader_get_display_name (reader);
  n_fields = tanlu_csv_reader_get_n_fields (reader);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TanluPolicyTarget) target = g_new0 (TanluPolicyTarget, 1);
      g_autofree char *key = NULL;
      gpointer other_line;

      if (!next_row (reader, n_fields, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      if (targets->len == MAX_TARGETS)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                       _("“%s”, line %u: more than %u targets; Tanlu reads at most that many "
                         "for a plan"),
                       name, tanlu_csv_reader_get_line (reader), MAX_TARGETS);
          return FALSE;
        }

      if (!read_target (store, reader, columns, plan_text, &plan_region, target, error))
        return FALSE;

      key = g_strdup_printf ("%s\t%u\t%u\t%" G_GINT64_FORMAT, target->indicator,
                             target->target_year, target->base_year, target->quote_offset);
      if ((other_line = g_hash_table_lookup (seen, key)) != NULL)
        {
          set_row_error (error, TANLU_IMPORT_ERROR_DUPLICATE, name,
                         tanlu_csv_reader_get_line (reader), "quote",
                         _("the same target as on line %u"), GPOINTER_TO_UINT (other_line));
          return FALSE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key),
                           GUINT_TO_POINTER (tanlu_csv_reader_get_line (reader)));

      g_ptr_array_add (targets, g_steal_pointer (&target));
    }

  if (targets->len == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” has a header but no targets"), name);
      return FALSE;
    }

  region = tanlu_store_lookup_region (store, plan_region);
  title = options->title != NULL ? g_strdup (options->title) : first_line (plan_text);
  id = g_strdup_printf (TANLU_USER_PLAN_PREFIX "%u:%s", plan_region, plan_name);

  document.id = id;
  document.title_zh = title;
  document.issuer_zh = options->issuer;
  document.level = options->level != NULL
                     ? options->level
                     : tanlu_region_level_to_string (tanlu_region_get_level (region));
  document.region_code = plan_region;
  document.seed_file = plan_name;
  document.seed_offset = 0;

  if (!tanlu_store_save_user_plan (store, &document, targets, options->replace, error))
    return FALSE;

  if (n_targets != NULL)
    *n_targets = targets->len;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The joint plan's tracker                                                 */

enum
{
  TRACKER_TASK,
  TRACKER_STATUS,
  TRACKER_NOTE,
  TRACKER_DATE,
  TRACKER_TITLE,
  TRACKER_ACTION,
  TRACKER_ACTION_TITLE,
  TRACKER_CHONGQING_LEAD,
  TRACKER_CHONGQING_UNITS,
  TRACKER_SICHUAN_LEAD,
  TRACKER_SICHUAN_UNITS,
  TRACKER_SITES,
  TRACKER_CHANGED_AT,
  N_TRACKER_COLUMNS
};

/* The columns `tanlu tracker export` writes. The plan's own words come
 * from the plan, not from the file, except that a task's title must be
 * its own; when a change was made where the file came from is not kept:
 * the import is the change. */
static const ColumnSpec tracker_columns[N_TRACKER_COLUMNS] = {
  [TRACKER_TASK] = { "task", USE_REQUIRED },
  [TRACKER_STATUS] = { "status", USE_REQUIRED },
  [TRACKER_NOTE] = { "note", USE_OPTIONAL },
  [TRACKER_DATE] = { "date", USE_OPTIONAL },
  [TRACKER_TITLE] = { "title", USE_OPTIONAL },
  [TRACKER_ACTION] = { "action", USE_IGNORED },
  [TRACKER_ACTION_TITLE] = { "action_title", USE_IGNORED },
  [TRACKER_CHONGQING_LEAD] = { "chongqing_lead", USE_IGNORED },
  [TRACKER_CHONGQING_UNITS] = { "chongqing_units", USE_IGNORED },
  [TRACKER_SICHUAN_LEAD] = { "sichuan_lead", USE_IGNORED },
  [TRACKER_SICHUAN_UNITS] = { "sichuan_units", USE_IGNORED },
  [TRACKER_SITES] = { "sites", USE_IGNORED },
  [TRACKER_CHANGED_AT] = { "changed_at", USE_IGNORED },
};

static const char *
null_if_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/**
 * tanlu_import_tracker:
 * @path: a CSV table as `tanlu tracker export` writes it: at least the
 *   columns task and status, and note and date
 * @n_changed: (out) (optional): the tasks whose status changed
 * @n_unchanged: (out) (optional): the rows that already held
 *
 * Sets the joint plan's tasks' status from a table, as `tanlu tracker
 * set` sets one: the same checks, each change kept in the history and
 * undone like one set by hand. A row that gives a task the status, note
 * and date it has is skipped. All the changes are made in one
 * transaction, or none.
 *
 * Returns: %FALSE with @error naming the file, line and column
 */
gboolean
tanlu_import_tracker (TanluStore  *store,
                      const char  *path,
                      guint       *n_changed,
                      guint       *n_unchanged,
                      GError     **error)
{
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (TanluTaskStatusChange));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int columns[N_TRACKER_COLUMNS];
  guint n_rows = 0;
  guint n_fields;
  const char *name;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!tanlu_store_in_transaction (store), FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  if (n_unchanged != NULL)
    *n_unchanged = 0;

  if (!(tasks = tanlu_store_list_joint_tasks (store, error)))
    return FALSE;

  if (!(reader = open_table (path, tracker_columns, N_TRACKER_COLUMNS, columns, error)))
    return FALSE;
  name = tanlu_csv_reader_get_display_name (reader);
  n_fields = tanlu_csv_reader_get_n_fields (reader);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *quoted = NULL;
      const TanluJointTask *task = NULL;
      TanluTaskStatusChange change = { 0 };
      const char *text;
      const char *status;
      const char *note;
      const char *date;
      guint64 number;
      guint line;

      if (!next_row (reader, n_fields, &local_error))
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

      text = field_or_empty (reader, columns[TRACKER_TASK]);
      if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &number, NULL))
        for (guint i = 0; i < tasks->len && task == NULL; i++)
          if (((const TanluJointTask *) g_ptr_array_index (tasks, i))->number == number)
            task = g_ptr_array_index (tasks, i);
      if (task == NULL)
        {
          quoted = tanlu_input_quote (text, -1);
          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "task",
                         _("“%s” is not a task of the joint plan; its tasks are 1 to %u"), quoted,
                         tasks->len);
          return FALSE;
        }
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (task->number)))
        {
          set_row_error (error, TANLU_IMPORT_ERROR_DUPLICATE, name, line, "task",
                         _("task %u is given on line %u already"), task->number,
                         GPOINTER_TO_UINT (g_hash_table_lookup (seen,
                                                                GUINT_TO_POINTER (task->number))));
          return FALSE;
        }
      g_hash_table_insert (seen, GUINT_TO_POINTER (task->number), GUINT_TO_POINTER (line));

      text = field_or_empty (reader, columns[TRACKER_TITLE]);
      if (*text != '\0' && g_strcmp0 (text, task->title) != 0)
        {
          quoted = tanlu_input_quote (text, -1);
          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "title",
                         _("task %u is “%s”, but the row names it “%s”"), task->number,
                         task->title, quoted);
          return FALSE;
        }

      status = field_or_empty (reader, columns[TRACKER_STATUS]);
      if (!tanlu_tracker_status_is_valid (status))
        {
          quoted = tanlu_input_quote (status, -1);
          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "status",
                         _("“%s” is not a status: not_started, under_way, done or delayed"),
                         quoted);
          return FALSE;
        }

      note = null_if_empty (field_or_empty (reader, columns[TRACKER_NOTE]));
      date = null_if_empty (field_or_empty (reader, columns[TRACKER_DATE]));
      if (date != NULL && !tanlu_tracker_date_is_valid (date))
        {
          quoted = tanlu_input_quote (date, -1);
          set_row_error (error, TANLU_IMPORT_ERROR_BAD_ROW, name, line, "date",
                         _("“%s” is not a date: write it as 2026-12-07"), quoted);
          return FALSE;
        }

      if (g_str_equal (status, task->status) && g_strcmp0 (note, null_if_empty (task->note)) == 0 &&
          g_strcmp0 (date, null_if_empty (task->date)) == 0)
        {
          if (n_unchanged != NULL)
            (*n_unchanged)++;
          continue;
        }

      change.task = task->number;
      change.status = g_string_chunk_insert_const (strings, status);
      change.note = note != NULL ? g_string_chunk_insert (strings, note) : NULL;
      change.date = date != NULL ? g_string_chunk_insert (strings, date) : NULL;
      g_array_append_val (changes, change);
    }

  if (n_rows == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” has a header but no tasks"), name);
      return FALSE;
    }

  if (changes->len > 0 &&
      !tanlu_store_set_task_statuses (store, (const TanluTaskStatusChange *) changes->data,
                                      changes->len, error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changes->len;

  return TRUE;
}
