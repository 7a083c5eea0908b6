/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-recipe"

#include "config.h"

#include "tanlu-recipe.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "store/tanlu-indicator.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-cell-value.h"
#include "tanlu-csv.h"
#include "tanlu-input.h"
#include "tanlu-region-match.h"
#include "tanlu-units.h"
#include "tanlu-xlsx.h"

#include <math.h>
#include <string.h>

/* The largest recipe read, in bytes. */
#define MAX_RECIPE_SIZE (1024 * 1024)

/* Values written between two looks at the cancellable. */
#define WRITE_CHUNK 4096

G_DEFINE_QUARK (tanlu-recipe-error-quark, tanlu_recipe_error)

typedef enum
{
  LAYOUT_WIDE,
  LAYOUT_LONG,
  LAYOUT_INDICATORS,
} Layout;

typedef struct
{
  guint column;
  guint year;
} YearColumn;

typedef struct
{
  guint  column;
  char  *indicator;
  char  *unit;
  char  *name_zh;
  char  *name_en;
} IndicatorColumn;

struct _TanluRecipe
{
  char              *display_name;
  char              *name;
  gboolean           xlsx;
  char              *sheet;
  TanluTextEncoding  encoding;
  char               separator;
  TanluDecimalMark   decimal;
  guint              header_row;
  guint              first_data_row;
  guint              last_data_row;  /* 0: to the end */
  Layout             layout;
  guint              region_column;
  GArray            *year_columns;       /* of YearColumn, wide */
  guint              year_column;        /* long; indicators, or 0 */
  guint              value_column;       /* long */
  guint              year;               /* indicators without a year column */
  GArray            *indicator_columns;  /* of IndicatorColumn, indicators */
  char              *indicator;          /* wide and long, as the next three */
  char              *name_zh;
  char              *name_en;
  char              *unit;
  char              *source_name;
  char              *source_citation;
  gboolean           skip_totals;
  JsonObject        *region_choices;
};

/* ---------------------------------------------------------------- helpers */

static void
indicator_column_clear (IndicatorColumn *column)
{
  g_clear_pointer (&column->indicator, g_free);
  g_clear_pointer (&column->unit, g_free);
  g_clear_pointer (&column->name_zh, g_free);
  g_clear_pointer (&column->name_en, g_free);
}

static char *
column_letters (guint column)
{
  g_autofree char *ref = tanlu_cell_reference (1, column);

  ref[strcspn (ref, "0123456789")] = '\0';
  return g_steal_pointer (&ref);
}

static gboolean
parse_column (const char *text,
              guint      *column)
{
  g_autofree char *ref = NULL;
  guint row;

  if (text == NULL || *text == '\0' || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen (text))
    return FALSE;
  ref = g_strconcat (text, "1", NULL);

  return tanlu_cell_parse_reference (ref, &row, column);
}

static gboolean
invalid (GError     **error,
         TanluRecipe *self,
         const char  *field,
         const char  *reason)
{
  g_set_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_INVALID,
               /* Translators: a recipe file, one of its fields, and what is wrong */
               _("Recipe “%s”, field “%s”: %s"), self->display_name, field, reason);
  return FALSE;
}

/* A text member of @object; @field names it in messages, when it is
 * inside another: "indicator_columns.B.unit". */
static gboolean
get_member_string (JsonObject  *object,
                   const char  *member,
                   const char  *field,
                   gboolean     required,
                   char       **out,
                   TanluRecipe *self,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return !required || invalid (error, self, field, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return invalid (error, self, field, _("expected a text that is not empty"));

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *field,
            gboolean     required,
            char       **out,
            TanluRecipe *self,
            GError     **error)
{
  return get_member_string (object, field, field, required, out, self, error);
}

/* "indicator_names": {"zh": …, "en": …}, when present. */
static gboolean
get_names (JsonObject  *object,
           const char  *field,
           char       **name_zh,
           char       **name_en,
           TanluRecipe *self,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "indicator_names");

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !get_member_string (json_node_get_object (node), "zh", field, TRUE, name_zh, self, NULL) ||
      !get_member_string (json_node_get_object (node), "en", field, TRUE, name_en, self, NULL))
    return invalid (error, self, field, _("expected {\"zh\": …, \"en\": …}"));

  return TRUE;
}

static gboolean
get_row (JsonObject  *object,
         const char  *field,
         guint       *out,
         TanluRecipe *self,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  gint64 value;

  if (node == NULL)
    return invalid (error, self, field, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, self, field, _("expected a row number"));
  value = json_node_get_int (node);
  if (value < 1 || value > TANLU_XLSX_MAX_ROW)
    return invalid (error, self, field, _("expected a row number from 1"));

  *out = (guint) value;
  return TRUE;
}

static gboolean
get_column (JsonObject  *object,
            const char  *field,
            guint       *out,
            TanluRecipe *self,
            GError     **error)
{
  g_autofree char *text = NULL;

  if (!get_string (object, field, TRUE, &text, self, error))
    return FALSE;
  if (!parse_column (text, out))
    return invalid (error, self, field, _("expected a column letter such as “B”"));

  return TRUE;
}

/* "year" or "year_column", and "indicator_columns", for the layout
 * "indicators". */
static gboolean
parse_indicator_columns (TanluRecipe *self,
                         JsonObject  *root,
                         GError     **error)
{
  static const char * const not_used[] = { "indicator", "unit", "indicator_names" };
  const char *expected = _("expected columns and their indicators, such as "
                           "{\"B\": {\"indicator\": \"gdp\", \"unit\": \"亿元\"}}");
  JsonNode *node = json_object_get_member (root, "year");
  JsonObject *columns;
  g_autoptr(GList) members = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_used); i++)
    if (json_object_has_member (root, not_used[i]))
      return invalid (error, self, not_used[i],
                      _("not used with the layout “indicators”: each column in "
                        "“indicator_columns” names its own"));

  if (node != NULL && json_object_has_member (root, "year_column"))
    return invalid (error, self, "year", _("give “year” or “year_column”, not both"));
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 1900 || json_node_get_int (node) > 2100)
        return invalid (error, self, "year", _("expected a year such as 2020"));
      self->year = json_node_get_int (node);
    }
  else if (json_object_has_member (root, "year_column"))
    {
      if (!get_column (root, "year_column", &self->year_column, self, error))
        return FALSE;
      if (self->year_column == self->region_column)
        return invalid (error, self, "year_column", _("the year column is the region column"));
    }
  else
    return invalid (error, self, "year", _("missing: give “year” or “year_column”"));

  node = json_object_get_member (root, "indicator_columns");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      json_object_get_size (columns = json_node_get_object (node)) == 0)
    return invalid (error, self, "indicator_columns", expected);

  members = json_object_get_members (columns);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (columns, l->data);
      g_autofree char *field = g_strdup_printf ("indicator_columns.%s", (const char *) l->data);
      g_autofree char *indicator_field = g_strconcat (field, ".indicator", NULL);
      g_autofree char *unit_field = g_strconcat (field, ".unit", NULL);
      g_autofree char *names_field = g_strconcat (field, ".indicator_names", NULL);
      IndicatorColumn ic = { 0 };
      JsonObject *object;
      TanluUnit unit;

      if (!parse_column (l->data, &ic.column))
        return invalid (error, self, field, _("expected a column letter such as “B”"));
      if (ic.column == self->region_column)
        return invalid (error, self, field, _("an indicator column is the region column"));
      if (ic.column == self->year_column)
        return invalid (error, self, field, _("an indicator column is the year column"));
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return invalid (error, self, field, expected);

      /* Appended first, so that the array frees what is read. */
      g_array_append_val (self->indicator_columns, ic);
      object = json_node_get_object (value);
      {
        IndicatorColumn *column = &g_array_index (self->indicator_columns, IndicatorColumn,
                                                  self->indicator_columns->len - 1);

        if (!get_member_string (object, "indicator", indicator_field, TRUE, &column->indicator,
                                self, error) ||
            !get_member_string (object, "unit", unit_field, TRUE, &column->unit, self, error) ||
            !get_names (object, names_field, &column->name_zh, &column->name_en, self, error))
          return FALSE;
        if (!tanlu_unit_parse (column->unit, &unit))
          return invalid (error, self, unit_field, _("not a unit Tanlu knows"));

        for (guint i = 0; i + 1 < self->indicator_columns->len; i++)
          if (g_str_equal (g_array_index (self->indicator_columns, IndicatorColumn, i).indicator,
                           column->indicator))
            return invalid (error, self, indicator_field,
                            _("another column gives the same indicator"));
      }
    }

  return TRUE;
}

static gboolean
parse_recipe (TanluRecipe *self,
              JsonObject  *root,
              GError     **error)
{
  g_autofree char *format = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *decimal = NULL;
  JsonNode *node;

  node = json_object_get_member (root, "tanlu_recipe");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) != 1)
    return invalid (error, self, "tanlu_recipe", _("expected 1"));

  if (!get_string (root, "name", TRUE, &self->name, self, error) ||
      !get_string (root, "format", TRUE, &format, self, error))
    return FALSE;
  if (g_str_equal (format, "xlsx"))
    self->xlsx = TRUE;
  else if (!g_str_equal (format, "csv"))
    return invalid (error, self, "format", _("expected “csv” or “xlsx”"));

  if (self->xlsx)
    {
      if (!get_string (root, "sheet", TRUE, &self->sheet, self, error))
        return FALSE;
    }
  else
    {
      if (!get_string (root, "encoding", FALSE, &encoding, self, error) ||
          !get_string (root, "separator", FALSE, &separator, self, error))
        return FALSE;
      if (encoding != NULL && !tanlu_text_encoding_from_string (encoding, &self->encoding))
        return invalid (error, self, "encoding",
                        _("expected “auto”, “utf-8”, “gb18030”, “utf-16le” or “utf-16be”"));
      if (separator == NULL || g_str_equal (separator, "auto"))
        self->separator = '\0';
      else if (g_str_equal (separator, ",") || g_str_equal (separator, ";") ||
               g_str_equal (separator, "\t"))
        self->separator = *separator;
      else
        return invalid (error, self, "separator", _("expected “auto”, “,”, “;” or a tab"));
    }

  if (!get_string (root, "decimal", FALSE, &decimal, self, error))
    return FALSE;
  if (decimal == NULL || g_str_equal (decimal, "."))
    self->decimal = TANLU_DECIMAL_POINT;
  else if (g_str_equal (decimal, ","))
    self->decimal = TANLU_DECIMAL_COMMA;
  else
    return invalid (error, self, "decimal", _("expected “.” or “,”"));

  if (!get_row (root, "header_row", &self->header_row, self, error) ||
      !get_row (root, "first_data_row", &self->first_data_row, self, error))
    return FALSE;
  if (self->first_data_row <= self->header_row)
    return invalid (error, self, "first_data_row", _("expected a row below the header row"));
  if (json_object_has_member (root, "last_data_row"))
    {
      if (!get_row (root, "last_data_row", &self->last_data_row, self, error))
        return FALSE;
      if (self->last_data_row < self->first_data_row)
        return invalid (error, self, "last_data_row",
                        _("expected the first data row or a row below it"));
    }

  if (!get_string (root, "layout", TRUE, &layout, self, error) ||
      !get_column (root, "region_column", &self->region_column, self, error))
    return FALSE;

  if (g_str_equal (layout, "wide"))
    {
      JsonObject *years;
      g_autoptr(GList) members = NULL;

      self->layout = LAYOUT_WIDE;
      node = json_object_get_member (root, "year_columns");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          json_object_get_size (years = json_node_get_object (node)) == 0)
        return invalid (error, self, "year_columns",
                        _("expected columns and their years, such as {\"B\": 2015}"));
      members = json_object_get_members (years);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *year = json_object_get_member (years, l->data);
          YearColumn yc;

          if (!parse_column (l->data, &yc.column) || !JSON_NODE_HOLDS_VALUE (year) ||
              json_node_get_value_type (year) != G_TYPE_INT64 ||
              json_node_get_int (year) < 1900 || json_node_get_int (year) > 2100)
            return invalid (error, self, "year_columns",
                            _("expected columns and their years, such as {\"B\": 2015}"));
          yc.year = json_node_get_int (year);
          if (yc.column == self->region_column)
            return invalid (error, self, "year_columns", _("a year column is the region column"));
          g_array_append_val (self->year_columns, yc);
        }
    }
  else if (g_str_equal (layout, "long"))
    {
      self->layout = LAYOUT_LONG;
      if (!get_column (root, "year_column", &self->year_column, self, error) ||
          !get_column (root, "value_column", &self->value_column, self, error))
        return FALSE;
    }
  else if (g_str_equal (layout, "indicators"))
    {
      self->layout = LAYOUT_INDICATORS;
      if (!parse_indicator_columns (self, root, error))
        return FALSE;
    }
  else
    return invalid (error, self, "layout", _("expected “wide”, “long” or “indicators”"));

  if (self->layout != LAYOUT_INDICATORS)
    {
      TanluUnit unit;

      if (json_object_has_member (root, "indicator_columns"))
        return invalid (error, self, "indicator_columns",
                        _("used only with the layout “indicators”"));
      if (json_object_has_member (root, "year"))
        return invalid (error, self, "year", _("used only with the layout “indicators”"));
      if (!get_string (root, "indicator", TRUE, &self->indicator, self, error) ||
          !get_string (root, "unit", TRUE, &self->unit, self, error))
        return FALSE;
      if (!tanlu_unit_parse (self->unit, &unit))
        return invalid (error, self, "unit", _("not a unit Tanlu knows"));
      if (!get_names (root, "indicator_names", &self->name_zh, &self->name_en, self, error))
        return FALSE;
    }

  node = json_object_get_member (root, "source");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, self, "source", _("expected {\"name\": …, \"citation\": …}"));
  if (!get_string (json_node_get_object (node), "name", TRUE, &self->source_name, self, error) ||
      !get_string (json_node_get_object (node), "citation", FALSE, &self->source_citation, self,
                   error))
    return FALSE;

  node = json_object_get_member (root, "skip_totals");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    return invalid (error, self, "skip_totals", _("expected true or false"));
  self->skip_totals = node == NULL || json_node_get_boolean (node);

  node = json_object_get_member (root, "region_choices");
  if (node != NULL)
    {
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, self, "region_choices", _("expected {\"name\": code}"));
      members = json_object_get_members (json_node_get_object (node));
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *code = json_object_get_member (json_node_get_object (node), l->data);

          if (!JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_INT64 ||
              json_node_get_int (code) < 0 || json_node_get_int (code) > 999999)
            return invalid (error, self, "region_choices",
                            _("expected {\"name\": code}, or 0 to skip the name’s rows"));
        }
      self->region_choices = json_object_ref (json_node_get_object (node));
    }

  return TRUE;
}

/* A year as tables write it: "2019", "2019.0" or "2019年". */
static gboolean
parse_year (const char       *text,
            TanluDecimalMark  decimal,
            double           *year)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_str_has_suffix (copy, "年"))
    copy[strlen (copy) - strlen ("年")] = '\0';

  return tanlu_cell_value_parse_full (copy, decimal, year, NULL) == TANLU_CELL_VALUE_OK &&
         *year == floor (*year) && *year >= 1900 && *year <= 2100;
}

/* ---------------------------------------------------------------- tables */

/* A table read whole: rows of texts, 1-based as the sheet shows them. */
typedef struct
{
  GPtrArray *rows;   /* of GStrv, index row - 1 */
  GArray    *lines;  /* CSV: the line each row starts on */
  gboolean   xlsx;
  char      *display_name;
  char      *sheet;
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_clear_pointer (&table->display_name, g_free);
  g_clear_pointer (&table->sheet, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static const char *
table_get (Table *table,
           guint  row,
           guint  column)
{
  GStrv fields;

  if (row < 1 || row > table->rows->len)
    return "";
  fields = g_ptr_array_index (table->rows, row - 1);
  if (column < 1 || column > g_strv_length (fields))
    return "";

  return fields[column - 1];
}

/* Where a cell is, for people. */
static char *
table_where (Table *table,
             guint  row,
             guint  column)
{
  g_autofree char *letters = column_letters (column);

  if (table->xlsx)
    return g_strdup_printf (_("“%s”, sheet “%s”, cell %s%u"), table->display_name, table->sheet,
                            letters, row);

  return g_strdup_printf (_("“%s”, line %u, column %s"), table->display_name,
                          g_array_index (table->lines, guint, row - 1), letters);
}

/* Where a cell is, as stored (see tanlu_origin_describe()), and the recipe
 * that read it; the recipe's name loses the marks that function reads. */
static char *
table_origin (Table      *table,
              guint       row,
              guint       column,
              const char *recipe_name)
{
  g_autofree char *letters = column_letters (column);
  g_autofree char *recipe = g_strdelimit (g_strdup (recipe_name), ":!#", '_');

  if (table->xlsx)
    return g_strdup_printf ("%s#%s!%s%u, recipe “%s”", table->display_name, table->sheet,
                            letters, row, recipe);

  return g_strdup_printf ("%s:%u, column %s, recipe “%s”", table->display_name,
                          g_array_index (table->lines, guint, row - 1), letters, recipe);
}

static gboolean
read_table (TanluRecipe  *recipe,
            const char   *path,
            Table        *table,
            GCancellable *cancellable,
            GError      **error)
{
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->display_name = g_path_get_basename (path);
  table->xlsx = recipe->xlsx;

  if (recipe->xlsx)
    {
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(TanluSheet) sheet = NULL;
      int index;

      if ((xlsx = tanlu_xlsx_open (path, error)) == NULL)
        return FALSE;
      if ((index = tanlu_xlsx_find_sheet (xlsx, recipe->sheet)) < 0)
        {
          g_set_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED,
                       _("“%s” has no sheet “%s”"), table->display_name, recipe->sheet);
          return FALSE;
        }
      if ((sheet = tanlu_xlsx_read_sheet (xlsx, index, error)) == NULL)
        return FALSE;
      table->sheet = g_strdup (recipe->sheet);
      for (guint r = 1; r <= tanlu_sheet_get_max_row (sheet); r++)
        {
          guint n = tanlu_sheet_get_max_column (sheet);
          GStrv fields = g_new0 (char *, n + 1);

          for (guint c = 1; c <= n; c++)
            {
              const TanluCell *cell = tanlu_sheet_get_cell (sheet, r, c);

              if (cell != NULL && cell->type == TANLU_CELL_NUMBER)
                {
                  fields[c - 1] = g_strdup_printf ("%.17g", cell->number);
                  /* Written the way the recipe reads numbers. */
                  if (recipe->decimal == TANLU_DECIMAL_COMMA)
                    g_strdelimit (fields[c - 1], ".", ',');
                }
              else
                fields[c - 1] = g_strdup (tanlu_sheet_get_string (sheet, r, c) != NULL
                                            ? tanlu_sheet_get_string (sheet, r, c) : "");
            }
          g_ptr_array_add (table->rows, fields);
          g_array_append_val (table->lines, r);
        }
    }
  else
    {
      g_autoptr(TanluCsvReader) reader = NULL;
      g_autoptr(GError) local_error = NULL;

      reader = tanlu_csv_reader_new_for_path_with_options (path, recipe->encoding,
                                                           recipe->separator, error);
      if (reader == NULL)
        return FALSE;
      while (tanlu_csv_reader_next (reader, &local_error))
        {
          guint n = tanlu_csv_reader_get_n_fields (reader);
          GStrv fields = g_new0 (char *, n + 1);
          guint line = tanlu_csv_reader_get_line (reader);

          for (guint c = 0; c < n; c++)
            fields[c] = g_strdup (tanlu_csv_reader_get_field (reader, c));
          g_ptr_array_add (table->rows, fields);
          g_array_append_val (table->lines, line);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------------- applying */

/* An indicator the recipe writes: the recipe's one, or one per column. */
typedef struct
{
  const char     *code;       /* the recipe's, as are the next three */
  const char     *unit;
  const char     *name_zh;
  const char     *name_en;
  guint           column;     /* layout indicators, else 0 */
  TanluIndicator *indicator;  /* the store's, NULL until created */
  double          factor;     /* from @unit to the indicator's */
  GHashTable     *series;     /* region code → GArray of TanluSeriesPoint */
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->series, g_hash_table_unref);
}

typedef struct
{
  guint   target;
  guint   region_code;
  guint   year;
  double  value;
  char   *origin;
} Write;

static void
write_clear (Write *write)
{
  g_free (write->origin);
}

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED, message);

  return FALSE;
}

static char *
describe_codes (GArray *codes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", g_array_index (codes, guint, i));

  return g_string_free (text, FALSE);
}

/* Matches a row's region; FALSE with @error when the file is refused, TRUE
 * with *code 0 when the row is a total to skip. */
static gboolean
match_region (TanluRecipe        *recipe,
              TanluRegionMatcher *matcher,
              GHashTable         *skip,
              Table              *table,
              guint               row,
              guint               year,
              guint              *code,
              TanluRecipeResult  *result,
              GError            **error)
{
  const char *text = table_get (table, row, recipe->region_column);
  g_autofree char *where = table_where (table, row, recipe->region_column);
  g_autoptr(TanluRegionMatch) match = tanlu_region_matcher_match (matcher, text, 0, year);
  g_autofree char *list = NULL;
  g_autofree char *normal = tanlu_region_normalize (text);

  *code = 0;
  if (g_hash_table_contains (skip, normal))
    {
      result->n_skipped_regions++;
      g_ptr_array_add (result->skipped,
                       g_strdup_printf (_("%s: “%s” is skipped, as the recipe says"), where, text));
      return TRUE;
    }

  switch (match->kind)
    {
    case TANLU_REGION_MATCH_MATCHED:
      *code = match->code;
      return TRUE;

    case TANLU_REGION_MATCH_TOTAL_ROW:
      if (!recipe->skip_totals)
        return refuse (error, _("%s: “%s” is a total row; the recipe does not skip totals"),
                       where, text);
      result->n_total_rows++;
      g_ptr_array_add (result->skipped,
                       g_strdup_printf (_("%s: “%s” is a total row"), where, text));
      return TRUE;

    case TANLU_REGION_MATCH_AMBIGUOUS:
      list = describe_codes (match->candidates);
      return refuse (error,
                     _("%s: “%s” could be any of the regions %s; name one under "
                       "“region_choices” in the recipe"),
                     where, text, list);

    case TANLU_REGION_MATCH_BELOW_REGISTRY:
      return refuse (error, _("%s: “%s” is below the regions Tanlu keeps (%s)"), where, text,
                     match->explanation != NULL ? match->explanation : "");

    case TANLU_REGION_MATCH_NOT_FOUND:
    default:
      list = describe_codes (match->suggestions);
      if (*list != '\0')
        return refuse (error, _("%s: no region is called “%s”; perhaps %s"), where, text, list);
      return refuse (error, _("%s: no region is called “%s”"), where, text);
    }
}

/* Reads one value cell into @writes; FALSE with @error when refused. */
static gboolean
read_value (TanluRecipe       *recipe,
            Table             *table,
            guint              row,
            guint              column,
            guint              code,
            guint              year,
            guint              target,
            double             factor,
            GArray            *writes,
            TanluRecipeResult *result,
            GError           **error)
{
  const char *text = table_get (table, row, column);
  g_autofree char *where = table_where (table, row, column);
  g_autofree char *footnote = NULL;
  double value;
  Write write;

  switch (tanlu_cell_value_parse_full (text, recipe->decimal, &value, &footnote))
    {
    case TANLU_CELL_VALUE_OK:
      break;

    case TANLU_CELL_VALUE_MISSING:
      result->n_missing++;
      g_ptr_array_add (result->skipped, g_strdup_printf (_("%s: no value"), where));
      return TRUE;

    case TANLU_CELL_VALUE_PERCENT:
    case TANLU_CELL_VALUE_NOT_A_NUMBER:
    default:
      return refuse (error, _("%s: “%s” is not a number"), where, text);
    }

  write.target = target;
  write.region_code = code;
  write.year = year;
  write.value = value * factor;
  write.origin = table_origin (table, row, column, recipe->name);
  g_array_append_val (writes, write);

  return TRUE;
}

static int
compare_writes (gconstpointer a,
                gconstpointer b)
{
  const Write *wa = a, *wb = b;

  if (wa->target != wb->target)
    return wa->target < wb->target ? -1 : 1;
  if (wa->region_code != wb->region_code)
    return wa->region_code < wb->region_code ? -1 : 1;
  return wa->year < wb->year ? -1 : wa->year > wb->year;
}

static gboolean
stored_value (TanluStore  *store,
              GHashTable  *series,
              const char  *indicator,
              guint        code,
              guint        year,
              double      *value,
              GError     **error)
{
  GArray *points = g_hash_table_lookup (series, GUINT_TO_POINTER (code));

  if (points == NULL)
    {
      if ((points = tanlu_store_get_series (store, code, indicator, error)) == NULL)
        return FALSE;
      g_hash_table_insert (series, GUINT_TO_POINTER (code), points);
    }
  for (guint i = 0; i < points->len; i++)
    if (g_array_index (points, TanluSeriesPoint, i).year == year)
      {
        *value = g_array_index (points, TanluSeriesPoint, i).value;
        return TRUE;
      }

  *value = NAN;
  return TRUE;
}

/* "indicator", "indicator_names" and "unit", into the object being built. */
static void
add_indicator (JsonBuilder *builder,
               const char  *indicator,
               const char  *name_zh,
               const char  *name_en,
               const char  *unit)
{
  json_builder_set_member_name (builder, "indicator");
  json_builder_add_string_value (builder, indicator);
  if (name_zh != NULL)
    {
      json_builder_set_member_name (builder, "indicator_names");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "zh");
      json_builder_add_string_value (builder, name_zh);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, name_en);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit);
}

/* ---------------------------------------------------------------- public API */

/**
 * tanlu_recipe_load_data:
 * @display_name: the recipe's file name, for messages
 *
 * Reads a recipe (see README, “Import recipes”), checking every field.
 *
 * Returns: (transfer full) (nullable): the recipe, or %NULL with @error
 *   naming the field that is wrong
 */
TanluRecipe *
tanlu_recipe_load_data (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TanluRecipe) self = g_new0 (TanluRecipe, 1);
  JsonNode *root;

  self->display_name = g_strdup (display_name);
  self->year_columns = g_array_new (FALSE, FALSE, sizeof (YearColumn));
  self->indicator_columns = g_array_new (FALSE, TRUE, sizeof (IndicatorColumn));
  g_array_set_clear_func (self->indicator_columns, (GDestroyNotify) indicator_column_clear);

  if (!tanlu_input_check_json (data, length, display_name, 1, TANLU_INPUT_MAX_JSON_DEPTH, error) ||
      !json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, self, "tanlu_recipe", _("the recipe is not a JSON object"));
      return NULL;
    }
  if (!parse_recipe (self, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tanlu_recipe_load:
 *
 * Returns: (transfer full) (nullable): the recipe in the file at @path
 */
TanluRecipe *
tanlu_recipe_load (const char  *path,
                   GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = tanlu_input_read (path, name, MAX_RECIPE_SIZE, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);

  return tanlu_recipe_load_data (data, length, name, error);
}

/**
 * tanlu_recipe_to_json:
 *
 * Returns: (transfer full): the recipe as JSON, which tanlu_recipe_load_data()
 *   reads back as the same recipe
 */
char *
tanlu_recipe_to_json (TanluRecipe *self)
{
  static const char * const layout_names[] = {
    [LAYOUT_WIDE] = "wide",
    [LAYOUT_LONG] = "long",
    [LAYOUT_INDICATORS] = "indicators",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *region = column_letters (self->region_column);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tanlu_recipe");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, self->xlsx ? "xlsx" : "csv");
  if (self->xlsx)
    {
      json_builder_set_member_name (builder, "sheet");
      json_builder_add_string_value (builder, self->sheet);
    }
  else
    {
      char separator[2] = { self->separator, '\0' };

      json_builder_set_member_name (builder, "encoding");
      json_builder_add_string_value (builder, tanlu_text_encoding_to_string (self->encoding));
      json_builder_set_member_name (builder, "separator");
      json_builder_add_string_value (builder, self->separator == '\0' ? "auto" : separator);
    }
  if (self->decimal == TANLU_DECIMAL_COMMA)
    {
      json_builder_set_member_name (builder, "decimal");
      json_builder_add_string_value (builder, ",");
    }
  json_builder_set_member_name (builder, "header_row");
  json_builder_add_int_value (builder, self->header_row);
  json_builder_set_member_name (builder, "first_data_row");
  json_builder_add_int_value (builder, self->first_data_row);
  if (self->last_data_row != 0)
    {
      json_builder_set_member_name (builder, "last_data_row");
      json_builder_add_int_value (builder, self->last_data_row);
    }
  json_builder_set_member_name (builder, "layout");
  json_builder_add_string_value (builder, layout_names[self->layout]);
  json_builder_set_member_name (builder, "region_column");
  json_builder_add_string_value (builder, region);
  if (self->layout == LAYOUT_WIDE)
    {
      json_builder_set_member_name (builder, "year_columns");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->year_columns->len; i++)
        {
          const YearColumn *yc = &g_array_index (self->year_columns, YearColumn, i);
          g_autofree char *letters = column_letters (yc->column);

          json_builder_set_member_name (builder, letters);
          json_builder_add_int_value (builder, yc->year);
        }
      json_builder_end_object (builder);
    }
  else if (self->layout == LAYOUT_LONG)
    {
      g_autofree char *year = column_letters (self->year_column);
      g_autofree char *value = column_letters (self->value_column);

      json_builder_set_member_name (builder, "year_column");
      json_builder_add_string_value (builder, year);
      json_builder_set_member_name (builder, "value_column");
      json_builder_add_string_value (builder, value);
    }
  else if (self->year_column != 0)
    {
      g_autofree char *year = column_letters (self->year_column);

      json_builder_set_member_name (builder, "year_column");
      json_builder_add_string_value (builder, year);
    }
  else
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, self->year);
    }

  if (self->layout == LAYOUT_INDICATORS)
    {
      json_builder_set_member_name (builder, "indicator_columns");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->indicator_columns->len; i++)
        {
          const IndicatorColumn *ic = &g_array_index (self->indicator_columns, IndicatorColumn, i);
          g_autofree char *letters = column_letters (ic->column);

          json_builder_set_member_name (builder, letters);
          json_builder_begin_object (builder);
          add_indicator (builder, ic->indicator, ic->name_zh, ic->name_en, ic->unit);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  else
    add_indicator (builder, self->indicator, self->name_zh, self->name_en, self->unit);
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->source_name);
  if (self->source_citation != NULL)
    {
      json_builder_set_member_name (builder, "citation");
      json_builder_add_string_value (builder, self->source_citation);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "skip_totals");
  json_builder_add_boolean_value (builder, self->skip_totals);
  if (self->region_choices != NULL)
    {
      json_builder_set_member_name (builder, "region_choices");
      json_builder_add_value (builder,
                              json_node_init_object (json_node_alloc (), self->region_choices));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return tanlu_input_write_json (root, TRUE);
}

const char *
tanlu_recipe_get_name (TanluRecipe *self)
{
  return self->name;
}

void
tanlu_recipe_free (TanluRecipe *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_free (self->name);
  g_free (self->sheet);
  g_clear_pointer (&self->year_columns, g_array_unref);
  g_clear_pointer (&self->indicator_columns, g_array_unref);
  g_free (self->indicator);
  g_free (self->name_zh);
  g_free (self->name_en);
  g_free (self->unit);
  g_free (self->source_name);
  g_free (self->source_citation);
  g_clear_pointer (&self->region_choices, json_object_unref);
  g_free (self);
}

void
tanlu_recipe_result_free (TanluRecipeResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->replaced, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_free (result);
}

/**
 * tanlu_recipe_apply:
 * @path: the table the recipe reads
 * @dry_run: whether to only say what would be written
 * @result: (out) (transfer full) (optional): what is (or would be) written
 * @progress: (nullable) (scope call): told how far the work is
 *
 * Reads the table at @path as @recipe says, and unless @dry_run writes its
 * values in one transaction, each with its file, sheet and cell (or line
 * and column) as its origin, the recipe's source, and an entry in the
 * import log that records the time. A region that cannot be told, a cell
 * that is not a number or a unit that does not fit refuses the whole file:
 * nothing is written.
 *
 * Returns: whether the file was read (and written)
 */
gboolean
tanlu_recipe_apply (TanluStore              *store,
                    TanluRecipe             *recipe,
                    const char              *path,
                    gboolean                 dry_run,
                    TanluRecipeResult      **result,
                    TanluRecipeProgressFunc  progress,
                    gpointer                 user_data,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_auto(Table) table = { 0 };
  g_autoptr(TanluRecipeResult) res = g_new0 (TanluRecipeResult, 1);
  g_autoptr(TanluRegionMatcher) matcher = NULL;
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (Write));
  g_autoptr(GHashTable) skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_autoptr(GArray) pending = NULL;
  TanluSource *source;
  TanluSourceInfo info = { 0 };
  guint first_year = 0;
  guint last_row;
  gint64 import_id;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (recipe != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_array_set_clear_func (writes, (GDestroyNotify) write_clear);
  g_array_set_clear_func (targets, (GDestroyNotify) target_clear);
  res->replaced = g_ptr_array_new_with_free_func (g_free);
  res->skipped = g_ptr_array_new_with_free_func (g_free);

  if (!read_table (recipe, path, &table, cancellable, error))
    return FALSE;

  /* The indicators written, each with the factor from the table's unit. */
  if (recipe->layout == LAYOUT_INDICATORS)
    for (guint i = 0; i < recipe->indicator_columns->len; i++)
      {
        const IndicatorColumn *ic = &g_array_index (recipe->indicator_columns, IndicatorColumn, i);
        Target target = { ic->indicator, ic->unit, ic->name_zh, ic->name_en, ic->column };

        g_array_append_val (targets, target);
      }
  else
    {
      Target target = { recipe->indicator, recipe->unit, recipe->name_zh, recipe->name_en, 0 };

      g_array_append_val (targets, target);
    }
  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = &g_array_index (targets, Target, i);
      g_autofree char *letters = target->column != 0 ? column_letters (target->column) : NULL;
      g_autoptr(GError) local_error = NULL;

      target->factor = 1.0;
      target->series = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      target->indicator = tanlu_store_lookup_indicator (store, target->code);
      if (target->indicator == NULL && target->name_zh == NULL)
        {
          if (letters != NULL)
            return refuse (error,
                           _("Recipe “%s”, column %s: the database has no indicator “%s”, and "
                             "the recipe gives no “indicator_names” to create it"),
                           recipe->name, letters, target->code);
          return refuse (error,
                         _("Recipe “%s”: the database has no indicator “%s”, and the recipe "
                           "gives no “indicator_names” to create it"),
                         recipe->name, target->code);
        }
      if (target->indicator != NULL &&
          !tanlu_unit_factor_to_indicator (target->unit, target->indicator, &target->factor,
                                           &local_error))
        {
          if (letters != NULL)
            return refuse (error, _("Recipe “%s”, column %s, unit “%s”: %s"), recipe->name,
                           letters, target->unit, local_error->message);
          return refuse (error, _("Recipe “%s”, unit “%s”: %s"), recipe->name, target->unit,
                         local_error->message);
        }
    }

  /* Names chosen as 0 are skipped; the others are the user's matches. */
  matcher = tanlu_region_matcher_new (store);
  if (recipe->region_choices != NULL)
    {
      g_autoptr(JsonObject) chosen = json_object_new ();
      g_autoptr(GList) names = json_object_get_members (recipe->region_choices);

      for (GList *l = names; l != NULL; l = l->next)
        {
          gint64 choice = json_object_get_int_member (recipe->region_choices, l->data);

          if (choice == 0)
            g_hash_table_add (skip, tanlu_region_normalize (l->data));
          else
            json_object_set_int_member (chosen, l->data, choice);
        }
      if (!tanlu_region_matcher_load_choices (matcher, chosen, error))
        return FALSE;
    }

  if (recipe->layout == LAYOUT_WIDE)
    for (guint i = 0; i < recipe->year_columns->len; i++)
      {
        guint year = g_array_index (recipe->year_columns, YearColumn, i).year;

        if (first_year == 0 || year < first_year)
          first_year = year;
      }

  /* A header that names another year means the recipe has the columns wrong. */
  for (guint i = 0; recipe->layout == LAYOUT_WIDE && i < recipe->year_columns->len; i++)
    {
      const YearColumn *yc = &g_array_index (recipe->year_columns, YearColumn, i);
      const char *header = table_get (&table, recipe->header_row, yc->column);
      const char *digits = header + strcspn (header, "0123456789");

      if (strspn (digits, "0123456789") == 4 && g_ascii_strtoull (digits, NULL, 10) != yc->year)
        {
          g_autofree char *where = table_where (&table, recipe->header_row, yc->column);

          return refuse (error, _("%s: the header “%s” names another year than %u, which the "
                                  "recipe gives this column"),
                         where, header, yc->year);
        }
    }

  if (recipe->first_data_row > table.rows->len)
    return refuse (error, _("“%s” has no row %u, where the recipe says the data start"),
                   table.display_name, recipe->first_data_row);

  last_row = recipe->last_data_row != 0 ? MIN (recipe->last_data_row, table.rows->len)
                                         : table.rows->len;
  for (guint row = recipe->first_data_row; row <= last_row; row++)
    {
      const char *region_text = table_get (&table, row, recipe->region_column);
      guint code;
      guint year = recipe->year;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL && row % 256 == 0)
        progress (0.5 * row / table.rows->len, user_data);

      /* Blank rows and notes under the table */
      if (*region_text == '\0')
        continue;

      if (recipe->layout == LAYOUT_WIDE)
        year = first_year;
      else if (recipe->year_column != 0)
        {
          const char *year_text = table_get (&table, row, recipe->year_column);
          g_autofree char *where = table_where (&table, row, recipe->year_column);
          double parsed;

          if (!parse_year (year_text, recipe->decimal, &parsed))
            return refuse (error, _("%s: “%s” is not a year"), where, year_text);
          year = (guint) parsed;
        }

      if (!match_region (recipe, matcher, skip, &table, row, year, &code, res, error))
        return FALSE;
      if (code == 0)
        continue;

      switch (recipe->layout)
        {
        case LAYOUT_WIDE:
          for (guint i = 0; i < recipe->year_columns->len; i++)
            {
              const YearColumn *yc = &g_array_index (recipe->year_columns, YearColumn, i);

              if (!read_value (recipe, &table, row, yc->column, code, yc->year, 0,
                               g_array_index (targets, Target, 0).factor, writes, res, error))
                return FALSE;
            }
          break;

        case LAYOUT_LONG:
          if (!read_value (recipe, &table, row, recipe->value_column, code, year, 0,
                           g_array_index (targets, Target, 0).factor, writes, res, error))
            return FALSE;
          break;

        case LAYOUT_INDICATORS:
        default:
          for (guint i = 0; i < targets->len; i++)
            {
              const Target *target = &g_array_index (targets, Target, i);

              if (!read_value (recipe, &table, row, target->column, code, year, i,
                               target->factor, writes, res, error))
                return FALSE;
            }
          break;
        }
    }

  if (writes->len == 0)
    return refuse (error, _("“%s” has no values where the recipe “%s” looks"),
                   table.display_name, recipe->name);

  g_array_sort (writes, compare_writes);
  for (guint i = 1; i < writes->len; i++)
    {
      const Write *a = &g_array_index (writes, Write, i - 1);
      const Write *b = &g_array_index (writes, Write, i);

      if (compare_writes (a, b) == 0)
        {
          g_autofree char *da = tanlu_origin_describe (a->origin, FALSE);
          g_autofree char *db = tanlu_origin_describe (b->origin, FALSE);

          if (recipe->layout == LAYOUT_INDICATORS)
            return refuse (error,
                           _("%s repeats the value of “%s” for region %u, year %u given at %s"),
                           db, g_array_index (targets, Target, b->target).code, b->region_code,
                           b->year, da);
          return refuse (error, _("%s repeats the value for region %u, year %u given at %s"),
                         db, b->region_code, b->year, da);
        }
    }

  /* Compare with what is stored. */
  for (guint i = 0; i < writes->len; i++)
    {
      const Write *w = &g_array_index (writes, Write, i);
      const Target *target = &g_array_index (targets, Target, w->target);
      double old = NAN;

      if (target->indicator != NULL &&
          !stored_value (store, target->series, target->code, w->region_code, w->year, &old,
                         error))
        return FALSE;
      if (isnan (old))
        res->n_new++;
      else if (old == w->value)
        res->n_unchanged++;
      else
        {
          g_autofree char *o = tanlu_csv_format_double (old);
          g_autofree char *n = tanlu_csv_format_double (w->value);

          res->n_replaced++;
          if (recipe->layout == LAYOUT_INDICATORS)
            g_ptr_array_add (res->replaced,
                             g_strdup_printf ("%u %u %s %s -> %s", w->region_code, w->year,
                                              target->code, o, n));
          else
            g_ptr_array_add (res->replaced,
                             g_strdup_printf ("%u %u %s -> %s", w->region_code, w->year, o, n));
        }
    }

  if (progress != NULL)
    progress (0.6, user_data);

  if (dry_run)
    {
      if (result != NULL)
        *result = g_steal_pointer (&res);
      return TRUE;
    }

  if (!tanlu_store_begin (store, error))
    return FALSE;
  if (!(import_id = tanlu_store_log_import_start (store, path, TANLU_IMPORT_KIND_OBSERVATIONS_CSV,
                                                  error)))
    goto rollback;
  for (guint i = 0; i < targets->len; i++)
    {
      Target *target = &g_array_index (targets, Target, i);

      if (target->indicator != NULL)
        continue;
      target->indicator = tanlu_store_create_indicator (store, target->code, target->name_zh,
                                                        target->name_en, target->unit, error);
      if (target->indicator == NULL)
        goto rollback;
    }

  info.key = recipe->source_name;
  info.title_zh = recipe->source_name;
  info.title_en = recipe->source_name;
  info.citation = recipe->source_citation != NULL ? recipe->source_citation : recipe->source_name;
  if ((source = tanlu_store_lookup_source (store, recipe->source_name)) == NULL &&
      (source = tanlu_store_ensure_source (store, &info, error)) == NULL)
    goto rollback;

  pending = g_array_sized_new (FALSE, TRUE, sizeof (TanluPendingValue), writes->len);
  for (guint i = 0; i < writes->len; i++)
    {
      const Write *w = &g_array_index (writes, Write, i);
      TanluPendingValue value = { 0 };

      value.indicator_id = tanlu_indicator_get_id (g_array_index (targets, Target,
                                                                  w->target).indicator);
      value.region_code = w->region_code;
      value.year = w->year;
      value.value = w->value;
      value.source_id = tanlu_source_get_id (source);
      value.origin = i + 1;
      value.origin_text = w->origin;
      g_array_append_val (pending, value);
    }
  tanlu_pending_values_sort (pending);

  /* Written a piece at a time, so a cancel is heard and progress shown. */
  for (guint start = 0; start < pending->len; start += WRITE_CHUNK)
    {
      guint n = MIN (WRITE_CHUNK, pending->len - start);
      g_autoptr(GArray) chunk = g_array_sized_new (FALSE, FALSE, sizeof (TanluPendingValue), n);

      g_array_append_vals (chunk, &g_array_index (pending, TanluPendingValue, start), n);
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !tanlu_store_put_pending_values (store, chunk, error))
        goto rollback;
      if (progress != NULL)
        progress (0.6 + 0.4 * (start + n) / pending->len, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !tanlu_store_log_import_end (store, import_id, writes->len, res->n_replaced, error) ||
      !tanlu_store_commit (store, error))
    goto rollback;

  if (result != NULL)
    *result = g_steal_pointer (&res);
  return TRUE;

rollback:
  tanlu_store_rollback (store);
  return FALSE;
}

/* ---------------------------------------------------------------- in a thread */

typedef struct
{
  char                     *db_path;
  char                     *recipe_json;
  char                     *path;
  gboolean                  dry_run;
  TanluImportFilesProgress  progress;
} ApplyData;

static void
apply_data_free (gpointer data)
{
  ApplyData *apply = data;

  g_free (apply->db_path);
  g_free (apply->recipe_json);
  g_free (apply->path);
  g_free (apply);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyData *apply = task_data;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluRecipe) recipe = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(TanluProgressRelay) relay = tanlu_progress_relay_new (task, apply->progress);
  g_autofree char *display_name = g_path_get_basename (apply->path);
  g_autoptr(GError) error = NULL;

  tanlu_progress_relay_set_file (relay, 0, 1, display_name);

  /* A connection of its own: the window's stays free for reading. */
  if (!(store = tanlu_store_new (apply->db_path, &error)) ||
      !(recipe = tanlu_recipe_load_data (apply->recipe_json, strlen (apply->recipe_json),
                                         _("the recipe"), &error)) ||
      !tanlu_recipe_apply (store, recipe, apply->path, apply->dry_run, &result,
                           tanlu_progress_relay_update, relay, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) tanlu_recipe_result_free);
}

/**
 * tanlu_recipe_apply_async:
 * @source_object: kept alive until the work finishes; passed to @progress
 * @db_path: the database, opened on a connection of its own
 * @recipe_json: the recipe, as tanlu_recipe_to_json() writes it
 * @progress: (nullable): called on the caller's main context
 *
 * Runs tanlu_recipe_apply() on a worker thread. A cancel leaves the
 * database as it was.
 */
void
tanlu_recipe_apply_async (GObject                  *source_object,
                          const char               *db_path,
                          const char               *recipe_json,
                          const char               *path,
                          gboolean                  dry_run,
                          TanluImportFilesProgress  progress,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyData *apply;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (recipe_json != NULL);
  g_return_if_fail (path != NULL);

  apply = g_new0 (ApplyData, 1);
  apply->db_path = g_strdup (db_path);
  apply->recipe_json = g_strdup (recipe_json);
  apply->path = g_strdup (path);
  apply->dry_run = dry_run;
  apply->progress = progress;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, tanlu_recipe_apply_async);
  g_task_set_task_data (task, apply, apply_data_free);
  g_task_run_in_thread (task, apply_thread);
}

/**
 * tanlu_recipe_apply_finish:
 *
 * Returns: (transfer full) (nullable): what was (or would be) written, or
 *   %NULL with @error when the file was refused, the work cancelled or the
 *   database could not be opened
 */
TanluRecipeResult *
tanlu_recipe_apply_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tanlu_recipe_apply_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
