/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-import-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tanlu-import-assistant-private.h"
#include "import/tanlu-csv.h"
#include "import/tanlu-recipe.h"
#include "import/tanlu-region-match.h"
#include "import/tanlu-table-layout.h"
#include "import/tanlu-text-encoding.h"
#include "import/tanlu-units.h"
#include "import/tanlu-xlsx.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

/* The import assistant: a planner's own table as it is, read in five steps
 * that each show Tanlu's guesses and let the planner change them — the
 * table (sheet, encoding, separator), where the values are, what they are,
 * which region each name is, and exactly what will be written. What it
 * builds is an import recipe (see tanlu-recipe.c); the import applies that
 * recipe in one transaction, and the recipe can be saved for the command
 * line and is remembered for the next table laid out the same way. */

/* Rows and columns the previews show. */
#define PREVIEW_ROWS    30
#define PREVIEW_COLUMNS 20
/* Lines of details on the preview page. */
#define MAX_DETAILS     200

typedef enum
{
  STEP_TABLE,
  STEP_LAYOUT,
  STEP_INDICATOR,
  STEP_REGIONS,
  STEP_PREVIEW,
  N_STEPS
} Step;

static const char *step_names[N_STEPS] = { "table", "layout", "indicator", "regions", "preview" };

/* Encodings in the order of the encoding row. */
static const TanluTextEncoding encodings[] = {
  TANLU_TEXT_ENCODING_AUTO,    TANLU_TEXT_ENCODING_UTF8,    TANLU_TEXT_ENCODING_GB18030,
  TANLU_TEXT_ENCODING_UTF16LE, TANLU_TEXT_ENCODING_UTF16BE,
};
static const char separators[] = { '\0', ',', ';', '\t' };

/* Units the unit row offers besides the one the table states. */
static const char *common_units[] = {
  "万吨", "亿吨", "吨", "Mt", "万吨标准煤", "亿吨标准煤", "吨标准煤", "亿千瓦时", "万千瓦时",
  "亿元", "万元", "元", "万人", "人", "%",
};

typedef enum
{
  LAYOUT_WIDE,        /* the positions of the layout row */
  LAYOUT_LONG,
  LAYOUT_INDICATORS,
} Layout;

/* What a column of a table with indicators across goes into. */
typedef enum
{
  COLUMN_SKIP,
  COLUMN_NEW,
  COLUMN_EXISTING,    /* and on: the indicators, in the order listed */
} ColumnMode;

typedef struct
{
  guint  column;
  guint  mode;        /* a ColumnMode, or COLUMN_EXISTING + the indicator's index */
  char  *code;
  char  *name_zh;
  char  *name_en;
  char  *unit;
} ColumnChoice;

static void
column_choice_free (gpointer data)
{
  ColumnChoice *choice = data;

  g_free (choice->code);
  g_free (choice->name_zh);
  g_free (choice->name_en);
  g_free (choice->unit);
  g_free (choice);
}

struct _TanluImportAssistant
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *import_button;
  AdwComboRow          *sheet_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *separator_row;
  AdwActionRow         *decimal_row;
  GtkSwitch            *decimal_switch;
  GtkStack             *table_stack;
  GtkSpinner           *table_spinner;
  AdwStatusPage        *table_error;
  GtkLabel             *table_summary;
  GtkScrolledWindow    *table_preview_window;
  AdwActionRow         *header_row_row;
  GtkSpinButton        *header_spin;
  AdwActionRow         *first_row_row;
  GtkSpinButton        *first_spin;
  AdwActionRow         *last_row_row;
  GtkSpinButton        *last_spin;
  AdwComboRow          *layout_row;
  AdwComboRow          *region_column_row;
  AdwActionRow         *year_columns_row;
  AdwComboRow          *year_column_row;
  AdwComboRow          *value_column_row;
  AdwActionRow         *one_year_row;
  GtkSwitch            *one_year_switch;
  GtkSpinButton        *year_spin;
  AdwActionRow         *totals_row;
  GtkSwitch            *totals_switch;
  GtkScrolledWindow    *layout_preview_window;
  AdwPreferencesGroup  *indicator_group;
  AdwComboRow          *indicator_row;
  AdwEntryRow          *code_row;
  AdwEntryRow          *name_zh_row;
  AdwEntryRow          *name_en_row;
  AdwComboRow          *unit_row;
  GtkLabel             *indicator_problem;
  AdwPreferencesGroup  *columns_group;
  GtkListBox           *columns_list;
  AdwEntryRow          *source_row;
  AdwEntryRow          *citation_row;
  AdwEntryRow          *recipe_name_row;
  AdwPreferencesGroup  *regions_group;
  GtkListBox           *regions_list;
  GtkStack             *preview_stack;
  AdwStatusPage        *working_page;
  GtkProgressBar       *progress_bar;
  GtkWidget            *cancel_button;
  AdwStatusPage        *refused_page;
  GtkLabel             *new_label;
  GtkLabel             *replaced_label;
  GtkLabel             *unchanged_label;
  GtkLabel             *skipped_label;
  GtkListBox           *details_list;

  /* owned */
  TanluContext         *context;
  char                 *path;
  char                 *display_name;
  gboolean              xlsx;
  GStrv                 sheets;
  guint                 sheet_index;
  TanluTextEncoding     encoding;            /* chosen; AUTO detects */
  char                  separator;           /* chosen; '\0' detects */
  TanluTextEncoding     found_encoding;      /* what the reader used */
  char                  found_separator;
  TanluTableGrid       *grid;
  TanluTableLayout     *guess;
  GArray               *year_columns;        /* of TanluTableYearColumn */
  GHashTable           *choices;             /* region text → code, 0 to skip */
  GHashTable           *columns;             /* column → ColumnChoice, indicators across */
  GPtrArray            *indicators;
  GtkStringList        *unit_names;
  guint                 n_unresolved;
  char                 *remembered;          /* the recipe read as last time */
  TanluRecipeResult    *result;
  char                 *result_json;         /* the recipe @result is for */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkWidget            *preview_cells;       /* the table page's grid */
  gboolean              importing;
  gboolean              updating;
  gboolean              closing;
};

G_DEFINE_FINAL_TYPE (TanluImportAssistant, tanlu_import_assistant, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_layout_page (TanluImportAssistant *self);
static void update_buttons     (TanluImportAssistant *self);
static void apply_remembered   (TanluImportAssistant *self);

/* ---------------------------------------------------------------- helpers */

static Step
current_step (TanluImportAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;

  return STEP_TABLE;
}

static guint
n_rows (TanluImportAssistant *self)
{
  return self->grid != NULL ? tanlu_table_grid_get_n_rows (self->grid) : 0;
}

static guint
n_columns (TanluImportAssistant *self)
{
  return self->grid != NULL ? tanlu_table_grid_get_n_columns (self->grid) : 0;
}

static const char *
cell (TanluImportAssistant *self,
      guint                 row,
      guint                 column)
{
  const char *text = self->grid != NULL ? tanlu_table_grid_get (self->grid, row, column) : NULL;

  return text != NULL ? text : "";
}

static guint
header_row (TanluImportAssistant *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->header_spin);
}

static guint
first_data_row (TanluImportAssistant *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->first_spin);
}

/* Columns are listed from A; a combo row's position is the column - 1. */
static guint
selected_column (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected + 1;
}

static void
select_column (AdwComboRow *row,
               guint        column)
{
  adw_combo_row_set_selected (row, column == 0 ? GTK_INVALID_LIST_POSITION : column - 1);
}

static Layout
layout_kind (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);

  return selected <= LAYOUT_INDICATORS ? selected : LAYOUT_WIDE;
}

static gboolean
is_wide (TanluImportAssistant *self)
{
  return layout_kind (self) == LAYOUT_WIDE;
}

static guint
last_data_row (TanluImportAssistant *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->last_spin);
}

/* Whether a table with indicators across gives its year per row. */
static gboolean
has_year_column (TanluImportAssistant *self)
{
  return layout_kind (self) == LAYOUT_LONG ||
         (layout_kind (self) == LAYOUT_INDICATORS &&
          !gtk_switch_get_active (self->one_year_switch));
}

static gboolean
is_indicator_column (TanluImportAssistant *self,
                     guint                 column)
{
  ColumnChoice *choice;

  if (column == selected_column (self->region_column_row) ||
      (has_year_column (self) && column == selected_column (self->year_column_row)))
    return FALSE;
  if ((choice = g_hash_table_lookup (self->columns, GUINT_TO_POINTER (column))) != NULL)
    return choice->mode != COLUMN_SKIP;
  for (guint i = 0; self->guess != NULL && self->guess->indicator_columns != NULL &&
                    i < self->guess->indicator_columns->len; i++)
    if (g_array_index (self->guess->indicator_columns, TanluTableIndicatorColumn, i).column ==
        column)
      return TRUE;

  return FALSE;
}

static guint
parse_column_letters (const char *letters)
{
  g_autofree char *ref = NULL;
  guint row, column;

  if (letters == NULL || *letters == '\0' ||
      strspn (letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen (letters))
    return 0;
  ref = g_strconcat (letters, "1", NULL);

  return tanlu_cell_parse_reference (ref, &row, &column) ? column : 0;
}

static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\r\n\t", ' ');
  g_autofree char *start = NULL;

  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);
  start = g_utf8_substring (flat, 0, max_chars - 1);

  return g_strconcat (start, "…", NULL);
}

static TanluIndicator *
selected_indicator (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->indicator_row);

  /* Position 0 is “New indicator” */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->indicators == NULL ||
      selected > self->indicators->len)
    return NULL;

  return g_ptr_array_index (self->indicators, selected - 1);
}

static const char *
selected_unit (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->unit_names, selected);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (entry_text (row)));
}

static void
set_row_error (GtkWidget  *row,
               gboolean    error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
clear_result (TanluImportAssistant *self)
{
  g_clear_pointer (&self->result, tanlu_recipe_result_free);
  g_clear_pointer (&self->result_json, g_free);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_message (TanluImportAssistant *self,
              const char           *heading,
              const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- remembering */

/* Where the recipe for tables laid out like this one is kept: a digest of
 * the format, the sheet's name and the header row's cells. */
static char *
remembered_path (TanluImportAssistant *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;

  if (self->grid == NULL || header_row (self) == 0)
    return NULL;

  g_checksum_update (checksum, (const guchar *) (self->xlsx ? "xlsx" : "csv"), -1);
  if (self->xlsx && self->sheets != NULL)
    g_checksum_update (checksum, (const guchar *) self->sheets[self->sheet_index], -1);
  for (guint c = 1; c <= n_columns (self); c++)
    {
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      g_checksum_update (checksum, (const guchar *) cell (self, header_row (self), c), -1);
    }
  name = g_strconcat (g_checksum_get_string (checksum), ".json", NULL);

  return g_build_filename (g_get_user_data_dir (), "tanlu", "recipes", name, NULL);
}

static void
remember_recipe (TanluImportAssistant *self,
                 const char           *json)
{
  g_autofree char *path = remembered_path (self);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents (path, json, -1, &error))
    g_warning ("Could not remember the recipe in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

/* ---------------------------------------------------------------- previews */

typedef enum
{
  CELL_PLAIN,
  CELL_ABOVE,     /* a title or note above the header */
  CELL_HEADER,
  CELL_REGION,
  CELL_VALUE,
  CELL_TOTAL,     /* a total row, skipped */
} CellRole;

static gboolean
is_year_column (TanluImportAssistant *self,
                guint                 column)
{
  for (guint i = 0; self->year_columns != NULL && i < self->year_columns->len; i++)
    if (g_array_index (self->year_columns, TanluTableYearColumn, i).column == column)
      return TRUE;

  return FALSE;
}

static gboolean
is_total_row (TanluImportAssistant *self,
              TanluRegionMatcher   *matcher,
              guint                 row)
{
  guint column = selected_column (self->region_column_row);
  g_autoptr(TanluRegionMatch) match = NULL;

  if (column == 0 || *cell (self, row, column) == '\0')
    return FALSE;
  match = tanlu_region_matcher_match (matcher, cell (self, row, column), 0, 0);

  return match->kind == TANLU_REGION_MATCH_TOTAL_ROW;
}

static CellRole
cell_role (TanluImportAssistant *self,
           guint                 row,
           guint                 column,
           gboolean              total)
{
  guint header = header_row (self);

  if (row < header)
    return CELL_ABOVE;
  if (row == header)
    return CELL_HEADER;
  if (row < first_data_row (self) || row > last_data_row (self))
    return CELL_ABOVE;
  if (total && gtk_switch_get_active (self->totals_switch))
    return CELL_TOTAL;
  if (column == selected_column (self->region_column_row))
    return CELL_REGION;
  switch (layout_kind (self))
    {
    case LAYOUT_WIDE:
      if (is_year_column (self, column))
        return CELL_VALUE;
      break;
    case LAYOUT_LONG:
      if (column == selected_column (self->value_column_row) ||
          column == selected_column (self->year_column_row))
        return CELL_VALUE;
      break;
    case LAYOUT_INDICATORS:
    default:
      if (is_indicator_column (self, column) ||
          (has_year_column (self) && column == selected_column (self->year_column_row)))
        return CELL_VALUE;
      break;
    }

  return CELL_PLAIN;
}

static GtkWidget *
make_preview (TanluImportAssistant *self,
              gboolean              roles)
{
  static const char *classes[] = { NULL, "import-above", "import-header", "import-region",
                                   "import-value", "import-total" };
  g_autoptr(TanluRegionMatcher) matcher = NULL;
  GtkWidget *grid = gtk_grid_new ();
  guint rows = MIN (n_rows (self), PREVIEW_ROWS);
  guint columns = MIN (n_columns (self), PREVIEW_COLUMNS);

  gtk_widget_add_css_class (grid, "import-preview");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 0);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  if (roles)
    matcher = tanlu_region_matcher_new (tanlu_context_get_store (self->context));

  for (guint c = 1; c <= columns; c++)
    {
      g_autofree char *letters = tanlu_table_column_letter (c);
      GtkWidget *label = gtk_label_new (letters);

      gtk_widget_add_css_class (label, "import-column-name");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }

  for (guint r = 1; r <= rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r);
      GtkWidget *label = gtk_label_new (number);
      gboolean total = roles && r >= first_data_row (self) && r <= last_data_row (self) &&
                       is_total_row (self, matcher, r);

      gtk_widget_add_css_class (label, "import-row-number");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, r, 1, 1);

      for (guint c = 1; c <= columns; c++)
        {
          g_autofree char *text = shorten (cell (self, r, c), 16);
          GtkWidget *value = gtk_label_new (text);
          CellRole role = roles ? cell_role (self, r, c, total) : CELL_PLAIN;

          gtk_label_set_xalign (GTK_LABEL (value), 0);
          gtk_widget_add_css_class (value, "import-cell");
          if (classes[role] != NULL)
            gtk_widget_add_css_class (value, classes[role]);
          if (g_utf8_strlen (cell (self, r, c), -1) > 16)
            gtk_widget_set_tooltip_text (value, cell (self, r, c));
          gtk_grid_attach (GTK_GRID (grid), value, c, r, 1, 1);
        }
    }

  return grid;
}

static void
update_previews (TanluImportAssistant *self)
{
  GtkWidget *table = make_preview (self, FALSE);
  GtkWidget *layout = make_preview (self, TRUE);

  gtk_scrolled_window_set_child (self->table_preview_window, table);
  gtk_scrolled_window_set_child (self->layout_preview_window, layout);
  self->preview_cells = layout;
}

/* ---------------------------------------------------------------- step 1: the table */

typedef struct
{
  char              *path;
  gboolean           xlsx;
  guint              sheet_index;
  TanluTextEncoding  encoding;
  char               separator;

  /* out */
  GStrv              sheets;
  TanluTableGrid    *grid;
  TanluTextEncoding  found_encoding;
  char               found_separator;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_strfreev (load->sheets);
  g_clear_pointer (&load->grid, tanlu_table_grid_free);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(GError) error = NULL;

  if (load->xlsx)
    {
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(TanluSheet) sheet = NULL;
      GStrvBuilder *builder;

      if (!(xlsx = tanlu_xlsx_open (load->path, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      builder = g_strv_builder_new ();
      for (guint i = 0; i < tanlu_xlsx_get_n_sheets (xlsx); i++)
        g_strv_builder_add (builder, tanlu_xlsx_get_sheet_name (xlsx, i));
      load->sheets = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      if (load->sheet_index >= g_strv_length (load->sheets))
        load->sheet_index = 0;
      if (load->sheets[0] == NULL)
        {
          g_autofree char *name = g_path_get_basename (load->path);

          g_task_return_new_error (task, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED,
                                   _("“%s” has no sheets"), name);
          return;
        }
      if (!(sheet = tanlu_xlsx_read_sheet (xlsx, load->sheet_index, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      load->grid = tanlu_table_grid_new_from_sheet (sheet);
    }
  else
    {
      g_autoptr(TanluCsvReader) reader =
        tanlu_csv_reader_new_for_path_with_options (load->path, load->encoding, load->separator,
                                                    &error);

      if (reader == NULL ||
          !(load->grid = tanlu_table_grid_new_from_csv (reader, G_MAXUINT, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      load->found_encoding = tanlu_csv_reader_get_encoding (reader);
      load->found_separator = tanlu_csv_reader_get_separator (reader);
    }

  g_task_return_boolean (task, TRUE);
}

static GtkStringList *
column_names (TanluImportAssistant *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint header = header_row (self);

  for (guint c = 1; c <= n_columns (self); c++)
    {
      g_autofree char *letters = tanlu_table_column_letter (c);
      g_autofree char *title = shorten (cell (self, header, c), 24);
      g_autofree char *name = NULL;

      if (*title != '\0')
        /* Translators: a column of a table: its letter and its header, “B — 2015年” */
        name = g_strdup_printf (_("%s — %s"), letters, title);
      else
        name = g_strdup (letters);
      gtk_string_list_append (names, name);
    }

  return names;
}

/* The column combo rows list the header row's cells; they change with it. */
static void
update_column_models (TanluImportAssistant *self)
{
  AdwComboRow *rows[] = { self->region_column_row, self->year_column_row,
                          self->value_column_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint column = selected_column (rows[i]);
      g_autoptr(GtkStringList) names = column_names (self);

      adw_combo_row_set_model (rows[i], G_LIST_MODEL (names));
      select_column (rows[i], column);
    }
}

/* The years of a wide table: the header row's cells that are years. */
static void
update_year_columns (TanluImportAssistant *self)
{
  guint region = selected_column (self->region_column_row);

  g_array_set_size (self->year_columns, 0);
  for (guint c = 1; c <= n_columns (self); c++)
    {
      TanluTableYearColumn yc = { c, tanlu_table_parse_year (cell (self, header_row (self), c)) };

      if (c != region && yc.year != 0)
        g_array_append_val (self->year_columns, yc);
    }
}

static void
take_guess (TanluImportAssistant *self)
{
  g_autoptr(TanluRegionMatcher) matcher =
    tanlu_region_matcher_new (tanlu_context_get_store (self->context));
  TanluTableLayout *guess;
  guint rows = MAX (n_rows (self), 2);

  g_clear_pointer (&self->guess, tanlu_table_layout_free);
  self->guess = guess = tanlu_table_layout_detect (self->grid, matcher);

  self->updating = TRUE;
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->header_spin), rows - 1);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->first_spin), rows);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->last_spin), rows);
  gtk_spin_button_set_value (self->header_spin, MAX (guess->header_row, 1));
  gtk_spin_button_set_value (self->first_spin,
                             MAX (guess->first_data_row, header_row (self) + 1));
  gtk_spin_button_set_value (self->last_spin,
                             guess->last_data_row >= first_data_row (self) ? guess->last_data_row
                                                                           : rows);
  adw_combo_row_set_selected (self->layout_row,
                              guess->layout == TANLU_TABLE_LAYOUT_LONG ? LAYOUT_LONG
                              : guess->layout == TANLU_TABLE_LAYOUT_INDICATORS ? LAYOUT_INDICATORS
                              : LAYOUT_WIDE);
  gtk_switch_set_active (self->one_year_switch, guess->year_column == 0);
  if (guess->year != 0)
    gtk_spin_button_set_value (self->year_spin, guess->year);
  gtk_switch_set_active (self->decimal_switch, guess->decimal_comma);
  if (guess->decimal_reason != NULL)
    adw_action_row_set_subtitle (self->decimal_row, guess->decimal_reason);
  update_column_models (self);
  select_column (self->region_column_row, guess->region_column);
  select_column (self->year_column_row, guess->year_column);
  select_column (self->value_column_row, guess->value_column);
  gtk_switch_set_active (self->totals_switch, TRUE);
  update_year_columns (self);

  /* The unit the table states, offered first */
  if (guess->unit != NULL)
    {
      TanluUnit unit;
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)); i++)
        if (g_str_equal (gtk_string_list_get_string (self->unit_names, i), guess->unit))
          position = i;
      if (position == GTK_INVALID_LIST_POSITION && tanlu_unit_parse (guess->unit, &unit))
        {
          gtk_string_list_splice (self->unit_names, 0, 0, (const char *[]) { guess->unit, NULL });
          position = 0;
        }
      adw_combo_row_set_selected (self->unit_row, position);
    }
  self->updating = FALSE;

  apply_remembered (self);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->closing)
    return;
  gtk_spinner_stop (self->table_spinner);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_pointer (&self->grid, tanlu_table_grid_free);
      adw_status_page_set_description (self->table_error, error->message);
      gtk_stack_set_visible_child_name (self->table_stack, "error");
      update_buttons (self);
      return;
    }

  g_clear_pointer (&self->grid, tanlu_table_grid_free);
  self->grid = g_steal_pointer (&load->grid);
  g_hash_table_remove_all (self->columns);
  clear_result (self);

  self->updating = TRUE;
  if (self->xlsx)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) load->sheets);

      g_strfreev (self->sheets);
      self->sheets = g_steal_pointer (&load->sheets);
      self->sheet_index = load->sheet_index;
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->sheet_row, self->sheet_index);
    }
  else
    {
      g_autofree char *encoding = NULL;
      g_autofree char *separator = NULL;
      const char *separator_names[] = { _("Comma"), _("Semicolon"), _("Tab") };
      guint s = load->found_separator == ';' ? 1 : load->found_separator == '\t' ? 2 : 0;

      self->found_encoding = load->found_encoding;
      self->found_separator = load->found_separator;
      /* Translators: the encoding a table was read in, “Read as GB 18030 (GBK)” */
      encoding = g_strdup_printf (_("Read as %s"),
                                  tanlu_text_encoding_get_display_name (load->found_encoding));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), encoding);
      /* Translators: the separator a table was read with, “Fields separated by Comma” */
      separator = g_strdup_printf (_("Fields separated by: %s"), separator_names[s]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->separator_row), separator);
    }
  self->updating = FALSE;

  {
    g_autofree char *summary = NULL;

    summary = g_strdup_printf (
      /* Translators: “1,204 rows and 9 columns; the first rows:” */
      ngettext ("%'u row and %u columns; the first rows:",
                "%'u rows and %u columns; the first rows:", n_rows (self)),
      n_rows (self), n_columns (self));
    gtk_label_set_text (self->table_summary, summary);
  }

  if (n_rows (self) < 2)
    {
      g_autofree char *body =
        g_strdup_printf (_("“%s” has no rows below a header"), self->display_name);

      adw_status_page_set_description (self->table_error, body);
      gtk_stack_set_visible_child_name (self->table_stack, "error");
      update_buttons (self);
      return;
    }

  take_guess (self);
  update_layout_page (self);
  gtk_stack_set_visible_child_name (self->table_stack, "rows");
  update_buttons (self);
}

static void
load_table (TanluImportAssistant *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load = g_new0 (LoadData, 1);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load->path = g_strdup (self->path);
  load->xlsx = self->xlsx;
  load->sheet_index = self->sheet_index;
  load->encoding = self->encoding;
  load->separator = self->separator;

  gtk_stack_set_visible_child_name (self->table_stack, "loading");
  gtk_spinner_start (self->table_spinner);
  g_clear_pointer (&self->grid, tanlu_table_grid_free);
  update_buttons (self);

  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, load_table);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
on_sheet_selected (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected == self->sheet_index)
    return;
  self->sheet_index = selected;
  load_table (self);
}

static void
on_encoding_selected (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->updating || selected >= G_N_ELEMENTS (encodings))
    return;
  self->encoding = encodings[selected];
  load_table (self);
}

static void
on_separator_selected (TanluImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->separator_row);

  if (self->updating || selected >= G_N_ELEMENTS (separators))
    return;
  self->separator = separators[selected];
  load_table (self);
}

/* ---------------------------------------------------------------- step 2: the layout */

/* A row's subtitle: the guess's reason while the value is the guess. */
static void
explain (AdwActionRow *row,
         gboolean      guessed,
         const char   *reason)
{
  g_autofree char *text = NULL;

  if (reason == NULL || *reason == '\0')
    text = g_strdup (guessed ? "" : _("Your choice"));
  else if (guessed)
    text = g_strdup (reason);
  else
    /* Translators: the user changed one of Tanlu's guesses; %s is the reason for the guess */
    text = g_strdup_printf (_("Your choice. Tanlu guessed otherwise: %s"), reason);
  adw_action_row_set_subtitle (row, text);
}

static void
update_layout_page (TanluImportAssistant *self)
{
  TanluTableLayout *guess = self->guess;
  gboolean wide = is_wide (self);
  Layout layout = layout_kind (self);
  guint region = selected_column (self->region_column_row);
  g_autofree char *years = NULL;
  Layout guessed = guess == NULL ? LAYOUT_WIDE
                 : guess->layout == TANLU_TABLE_LAYOUT_LONG ? LAYOUT_LONG
                 : guess->layout == TANLU_TABLE_LAYOUT_INDICATORS ? LAYOUT_INDICATORS
                 : LAYOUT_WIDE;

  if (guess == NULL)
    return;

  explain (self->header_row_row, header_row (self) == guess->header_row, guess->header_reason);
  explain (self->first_row_row, first_data_row (self) == guess->first_data_row, NULL);
  explain (self->last_row_row, last_data_row (self) == guess->last_data_row, NULL);
  explain (ADW_ACTION_ROW (self->layout_row), layout == guessed, guess->layout_reason);
  explain (ADW_ACTION_ROW (self->region_column_row), region == guess->region_column,
           guess->region_reason);
  explain (self->totals_row, gtk_switch_get_active (self->totals_switch), guess->totals_reason);

  gtk_widget_set_visible (GTK_WIDGET (self->year_columns_row), wide);
  gtk_widget_set_visible (GTK_WIDGET (self->year_column_row), has_year_column (self));
  gtk_widget_set_visible (GTK_WIDGET (self->value_column_row), layout == LAYOUT_LONG);
  gtk_widget_set_visible (GTK_WIDGET (self->one_year_row), layout == LAYOUT_INDICATORS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin),
                            gtk_switch_get_active (self->one_year_switch));
  set_row_error (GTK_WIDGET (self->last_row_row), last_data_row (self) < first_data_row (self));

  if (self->year_columns->len > 0)
    {
      const TanluTableYearColumn *first = &g_array_index (self->year_columns,
                                                          TanluTableYearColumn, 0);
      const TanluTableYearColumn *last =
        &g_array_index (self->year_columns, TanluTableYearColumn, self->year_columns->len - 1);
      g_autofree char *from = tanlu_table_column_letter (first->column);
      g_autofree char *to = tanlu_table_column_letter (last->column);

      years = g_strdup_printf (
        /* Translators: “6 columns, C–H: 2015–2020” */
        ngettext ("%u column, %s–%s: %u–%u", "%u columns, %s–%s: %u–%u",
                  self->year_columns->len),
        self->year_columns->len, from, to, first->year, last->year);
    }
  else
    years = g_strdup_printf (_("No cell of row %u is a year"), header_row (self));
  adw_action_row_set_subtitle (self->year_columns_row, years);
  set_row_error (GTK_WIDGET (self->year_columns_row), wide && self->year_columns->len == 0);
  set_row_error (GTK_WIDGET (self->region_column_row), region == 0);
  set_row_error (GTK_WIDGET (self->first_row_row), first_data_row (self) <= header_row (self));

  if (self->grid != NULL)
    update_previews (self);
}

static void
on_layout_changed (TanluImportAssistant *self)
{
  if (self->updating)
    return;

  self->updating = TRUE;
  if (first_data_row (self) <= header_row (self))
    gtk_spin_button_set_value (self->first_spin, header_row (self) + 1);
  if (last_data_row (self) < first_data_row (self))
    gtk_spin_button_set_value (self->last_spin, first_data_row (self));
  self->updating = FALSE;

  clear_result (self);
  update_year_columns (self);
  update_layout_page (self);
  update_buttons (self);
}

static void
on_header_changed (TanluImportAssistant *self)
{
  if (self->updating)
    return;

  self->updating = TRUE;
  update_column_models (self);
  self->updating = FALSE;
  on_layout_changed (self);
}

static gboolean
layout_is_complete (TanluImportAssistant *self)
{
  guint region = selected_column (self->region_column_row);
  guint year = selected_column (self->year_column_row);
  guint value = selected_column (self->value_column_row);

  if (self->grid == NULL || region == 0 || first_data_row (self) <= header_row (self) ||
      last_data_row (self) < first_data_row (self))
    return FALSE;

  switch (layout_kind (self))
    {
    case LAYOUT_WIDE:
      return self->year_columns->len > 0;
    case LAYOUT_LONG:
      return year != 0 && value != 0 && year != value && year != region && value != region;
    case LAYOUT_INDICATORS:
    default:
      if (has_year_column (self) && (year == 0 || year == region))
        return FALSE;
      for (guint c = 1; c <= n_columns (self); c++)
        if (is_indicator_column (self, c))
          return TRUE;
      return FALSE;
    }
}

/* ---------------------------------------------------------------- step 3: the indicator */

/* What is wrong with one indicator and its unit, or NULL. */
static char *
check_indicator (TanluImportAssistant *self,
                 TanluIndicator       *indicator,
                 const char           *unit,
                 const char           *code,
                 const char           *name_zh,
                 const char           *name_en)
{
  g_autoptr(GError) error = NULL;
  double factor;

  if (unit == NULL || *unit == '\0')
    return g_strdup (_("Choose the unit the table’s values are in."));
  if (indicator != NULL && !tanlu_unit_factor_to_indicator (unit, indicator, &factor, &error))
    return g_strdup (error->message);
  if (indicator == NULL && (code == NULL || *code == '\0' || name_zh == NULL ||
                            *name_zh == '\0' || name_en == NULL || *name_en == '\0'))
    return g_strdup (_("A new indicator needs a code and its Chinese and English names."));
  if (indicator == NULL &&
      tanlu_store_lookup_indicator (tanlu_context_get_store (self->context), code) != NULL)
    return g_strdup_printf (_("An indicator “%s” exists already; choose it above."), code);

  return NULL;
}

static TanluIndicator *
column_indicator (TanluImportAssistant *self,
                  ColumnChoice         *choice)
{
  if (choice->mode < COLUMN_EXISTING || choice->mode - COLUMN_EXISTING >= self->indicators->len)
    return NULL;

  return g_ptr_array_index (self->indicators, choice->mode - COLUMN_EXISTING);
}

static const char *
column_code (TanluImportAssistant *self,
             ColumnChoice         *choice)
{
  TanluIndicator *indicator = column_indicator (self, choice);

  return indicator != NULL ? tanlu_indicator_get_code (indicator) : choice->code;
}

/* The columns a table with indicators across may take values from, each
 * with its choice, made on first sight from Tanlu's guess. */
static GPtrArray *
column_choices (TanluImportAssistant *self)
{
  GPtrArray *choices = g_ptr_array_new ();

  for (guint c = 1; c <= n_columns (self); c++)
    {
      ColumnChoice *choice = g_hash_table_lookup (self->columns, GUINT_TO_POINTER (c));

      if (c == selected_column (self->region_column_row) ||
          (has_year_column (self) && c == selected_column (self->year_column_row)))
        continue;
      if (choice == NULL)
        {
          choice = g_new0 (ColumnChoice, 1);
          choice->column = c;
          choice->mode = COLUMN_SKIP;
          for (guint i = 0; self->guess != NULL && self->guess->indicator_columns != NULL &&
                            i < self->guess->indicator_columns->len; i++)
            {
              const TanluTableIndicatorColumn *ic =
                &g_array_index (self->guess->indicator_columns, TanluTableIndicatorColumn, i);

              if (ic->column != c)
                continue;
              choice->mode = COLUMN_NEW;
              choice->name_zh = g_strdup (ic->header);
              choice->unit = g_strdup (ic->unit);
              /* An indicator of the same name is the one meant */
              for (guint k = 0; k < self->indicators->len; k++)
                if (g_strcmp0 (tanlu_indicator_get_name_zh (g_ptr_array_index (self->indicators,
                                                                               k)),
                               ic->header) == 0)
                  choice->mode = COLUMN_EXISTING + k;
            }
          g_hash_table_insert (self->columns, GUINT_TO_POINTER (c), choice);
        }
      g_ptr_array_add (choices, choice);
    }

  return choices;
}

static gboolean
columns_are_complete (TanluImportAssistant *self,
                      char                **problem)
{
  g_autoptr(GPtrArray) choices = column_choices (self);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_used = 0;

  *problem = NULL;
  for (guint i = 0; i < choices->len && *problem == NULL; i++)
    {
      ColumnChoice *choice = g_ptr_array_index (choices, i);
      g_autofree char *letters = tanlu_table_column_letter (choice->column);
      g_autofree char *wrong = NULL;
      const char *code;

      if (choice->mode == COLUMN_SKIP)
        continue;
      n_used++;
      code = column_code (self, choice);
      wrong = check_indicator (self, column_indicator (self, choice), choice->unit, code,
                               choice->name_zh, choice->name_en);
      if (wrong == NULL && code != NULL && !g_hash_table_add (codes, (gpointer) code))
        wrong = g_strdup_printf (_("Another column goes into “%s” too."), code);
      if (wrong != NULL)
        /* Translators: a column of the table, and what is wrong with its indicator */
        *problem = g_strdup_printf (_("Column %s: %s"), letters, wrong);
    }
  if (*problem == NULL && n_used == 0)
    *problem = g_strdup (_("Choose at least one column to import."));

  return *problem == NULL;
}

static gboolean
indicator_is_complete (TanluImportAssistant *self,
                       char                **problem)
{
  g_autofree char *code = stripped (self->code_row);
  g_autofree char *name_zh = stripped (self->name_zh_row);
  g_autofree char *name_en = stripped (self->name_en_row);
  g_autofree char *source = stripped (self->source_row);
  g_autofree char *recipe = stripped (self->recipe_name_row);

  *problem = NULL;
  if (layout_kind (self) == LAYOUT_INDICATORS)
    columns_are_complete (self, problem);
  else
    *problem = check_indicator (self, selected_indicator (self), selected_unit (self), code,
                                name_zh, name_en);
  if (*problem != NULL)
    return FALSE;
  if (*source == '\0')
    *problem = g_strdup (_("Name the source of the values."));
  else if (*recipe == '\0')
    *problem = g_strdup (_("Name the recipe."));

  return *problem == NULL;
}

/* How a column's choice reads in its row. */
static char *
describe_column (TanluImportAssistant *self,
                 ColumnChoice         *choice)
{
  TanluIndicator *indicator = column_indicator (self, choice);

  if (choice->mode == COLUMN_SKIP)
    return g_strdup (_("Skipped"));
  if (indicator != NULL)
    /* Translators: a column goes into an indicator: its name and the unit of the table */
    return g_strdup_printf (_("Into %s, from %s"), tanlu_indicator_get_name (indicator),
                            choice->unit != NULL ? choice->unit : "?");
  /* Translators: a column goes into a new indicator: its code and unit */
  return g_strdup_printf (_("Into a new indicator “%s”, in %s"),
                          choice->code != NULL ? choice->code : "",
                          choice->unit != NULL ? choice->unit : "?");
}

typedef struct
{
  TanluImportAssistant *self;
  ColumnChoice         *choice;
  AdwExpanderRow       *row;
  AdwComboRow          *indicator;
  AdwEntryRow          *code;
  AdwEntryRow          *name_zh;
  AdwEntryRow          *name_en;
  AdwComboRow          *unit;
} ColumnRow;

static void update_indicator_page (TanluImportAssistant *self);

static void
sync_column_row (ColumnRow *row)
{
  g_autofree char *summary = describe_column (row->self, row->choice);
  gboolean used = row->choice->mode != COLUMN_SKIP;
  gboolean new_indicator = row->choice->mode == COLUMN_NEW;

  adw_expander_row_set_subtitle (row->row, summary);
  gtk_widget_set_visible (GTK_WIDGET (row->code), new_indicator);
  gtk_widget_set_visible (GTK_WIDGET (row->name_zh), new_indicator);
  gtk_widget_set_visible (GTK_WIDGET (row->name_en), new_indicator);
  gtk_widget_set_visible (GTK_WIDGET (row->unit), used);
}

static void
on_column_row_changed (ColumnRow *row)
{
  TanluImportAssistant *self = row->self;
  ColumnChoice *choice = row->choice;
  guint unit = adw_combo_row_get_selected (row->unit);

  if (self->updating)
    return;
  choice->mode = adw_combo_row_get_selected (row->indicator);
  g_free (choice->code);
  choice->code = stripped (row->code);
  g_free (choice->name_zh);
  choice->name_zh = stripped (row->name_zh);
  g_free (choice->name_en);
  choice->name_en = stripped (row->name_en);
  g_free (choice->unit);
  choice->unit = unit == GTK_INVALID_LIST_POSITION
                   ? NULL
                   : g_strdup (gtk_string_list_get_string (
                       GTK_STRING_LIST (adw_combo_row_get_model (row->unit)), unit));

  sync_column_row (row);
  clear_result (self);
  update_indicator_page (self);
  update_buttons (self);
}

static AdwEntryRow *
add_entry (AdwExpanderRow *row,
           const char     *title,
           const char     *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  adw_expander_row_add_row (row, entry);

  return ADW_ENTRY_ROW (entry);
}

static void
fill_columns (TanluImportAssistant *self)
{
  g_autoptr(GPtrArray) choices = column_choices (self);
  GListModel *indicator_names = adw_combo_row_get_model (self->indicator_row);

  clear_list (self->columns_list);
  self->updating = TRUE;
  for (guint i = 0; i < choices->len; i++)
    {
      ColumnChoice *choice = g_ptr_array_index (choices, i);
      ColumnRow *row = g_new0 (ColumnRow, 1);
      g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) units = gtk_string_list_new (common_units);
      g_autofree char *letters = tanlu_table_column_letter (choice->column);
      g_autofree char *header = shorten (cell (self, header_row (self), choice->column), 40);
      g_autofree char *title = g_strdup_printf (_("%s — %s"), letters, header);
      guint unit = GTK_INVALID_LIST_POSITION;

      row->self = self;
      row->choice = choice;
      row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
      g_object_set_data_full (G_OBJECT (row->row), "column-row", row, g_free);

      /* Skip, new, then the indicators as the single indicator row lists them */
      gtk_string_list_append (modes, _("Skip This Column"));
      for (guint k = 0; k < g_list_model_get_n_items (indicator_names); k++)
        gtk_string_list_append (
          modes, gtk_string_list_get_string (GTK_STRING_LIST (indicator_names), k));
      row->indicator = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->indicator), _("Indicator"));
      adw_combo_row_set_model (row->indicator, G_LIST_MODEL (modes));
      adw_combo_row_set_selected (row->indicator, choice->mode);
      adw_expander_row_add_row (row->row, GTK_WIDGET (row->indicator));

      row->code = add_entry (row->row, _("Code of the New Indicator"), choice->code);
      row->name_zh = add_entry (row->row, _("Chinese Name"), choice->name_zh);
      row->name_en = add_entry (row->row, _("English Name"), choice->name_en);

      if (choice->unit != NULL)
        {
          for (guint k = 0; k < G_N_ELEMENTS (common_units); k++)
            if (g_str_equal (common_units[k], choice->unit))
              unit = k;
          if (unit == GTK_INVALID_LIST_POSITION)
            {
              gtk_string_list_splice (units, 0, 0, (const char *[]) { choice->unit, NULL });
              unit = 0;
            }
        }
      row->unit = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->unit), _("Unit in the Table"));
      adw_combo_row_set_model (row->unit, G_LIST_MODEL (units));
      adw_combo_row_set_selected (row->unit, unit);
      adw_expander_row_add_row (row->row, GTK_WIDGET (row->unit));

      g_signal_connect_swapped (row->indicator, "notify::selected",
                                G_CALLBACK (on_column_row_changed), row);
      g_signal_connect_swapped (row->unit, "notify::selected",
                                G_CALLBACK (on_column_row_changed), row);
      g_signal_connect_swapped (row->code, "changed", G_CALLBACK (on_column_row_changed), row);
      g_signal_connect_swapped (row->name_zh, "changed", G_CALLBACK (on_column_row_changed), row);
      g_signal_connect_swapped (row->name_en, "changed", G_CALLBACK (on_column_row_changed), row);

      sync_column_row (row);
      gtk_list_box_append (self->columns_list, GTK_WIDGET (row->row));
    }
  self->updating = FALSE;
}

static void
update_indicator_page (TanluImportAssistant *self)
{
  gboolean across = layout_kind (self) == LAYOUT_INDICATORS;
  gboolean new_indicator = selected_indicator (self) == NULL;
  g_autofree char *problem = NULL;
  TanluIndicator *indicator = selected_indicator (self);
  double factor;

  gtk_widget_set_visible (GTK_WIDGET (self->indicator_group), !across);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), across);
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), new_indicator);
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_row), new_indicator);
  gtk_widget_set_visible (GTK_WIDGET (self->name_en_row), new_indicator);

  indicator_is_complete (self, &problem);
  gtk_label_set_text (self->indicator_problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_problem), problem != NULL);
  if (indicator != NULL && selected_unit (self) != NULL &&
      g_strcmp0 (selected_unit (self), tanlu_indicator_get_unit (indicator)) != 0 &&
      tanlu_unit_factor_to_indicator (selected_unit (self), indicator, &factor, NULL))
    {
      g_autofree char *text =
        /* Translators: the values are converted from the table's unit into the indicator's */
        g_strdup_printf (_("Converted into %s, the indicator’s unit"),
                         tanlu_indicator_get_unit (indicator));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unit_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unit_row), "");
  set_row_error (GTK_WIDGET (self->unit_row),
                 selected_unit (self) == NULL ||
                 (indicator != NULL &&
                  !tanlu_unit_factor_to_indicator (selected_unit (self), indicator, &factor,
                                                   NULL)));
}

static void
on_indicator_changed (TanluImportAssistant *self)
{
  if (self->updating)
    return;
  clear_result (self);
  update_indicator_page (self);
  update_buttons (self);
}

static void
fill_indicators (TanluImportAssistant *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = tanlu_store_list_indicators (tanlu_context_get_store (self->context));

  gtk_string_list_append (names, _("New Indicator"));
  for (guint i = 0; i < self->indicators->len; i++)
    {
      TanluIndicator *indicator = g_ptr_array_index (self->indicators, i);
      /* Translators: an indicator in a list: its name, unit and code */
      g_autofree char *name = g_strdup_printf (_("%s (%s) — %s"),
                                               tanlu_indicator_get_name (indicator),
                                               tanlu_indicator_get_unit (indicator),
                                               tanlu_indicator_get_code (indicator));

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->indicator_row, 0);
}

/* ---------------------------------------------------------------- step 4: the regions */

static char *
describe_region (TanluImportAssistant *self,
                 guint                 code)
{
  TanluRegion *region = tanlu_store_lookup_region (tanlu_context_get_store (self->context), code);
  TanluRegion *parent = NULL;

  if (region == NULL)
    return g_strdup_printf ("%u", code);
  if (tanlu_region_get_parent_code (region) != 0)
    parent = tanlu_store_lookup_region (tanlu_context_get_store (self->context),
                                        tanlu_region_get_parent_code (region));
  if (parent != NULL)
    /* Translators: a region, its code and the region it is in: “510100 成都市 (四川省)” */
    return g_strdup_printf (_("%u %s (%s)"), code, tanlu_region_get_display_name (region),
                            tanlu_region_get_display_name (parent));

  return g_strdup_printf ("%u %s", code, tanlu_region_get_display_name (region));
}

typedef struct
{
  TanluImportAssistant *self;
  char                 *text;
  GArray               *codes;   /* the choices, in the order listed after “Choose…” */
} ChoiceData;

static void
choice_data_free (gpointer data)
{
  ChoiceData *choice = data;

  g_free (choice->text);
  g_array_unref (choice->codes);
  g_free (choice);
}

static void
count_unresolved (TanluImportAssistant *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_COMBO_ROW (child) &&
        adw_combo_row_get_selected (ADW_COMBO_ROW (child)) == 0)
      n++;
  self->n_unresolved = n;
}

static void
on_choice_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    ChoiceData  *choice)
{
  TanluImportAssistant *self = choice->self;
  guint selected = adw_combo_row_get_selected (row);

  clear_result (self);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    g_hash_table_remove (self->choices, choice->text);
  else if (selected - 1 < choice->codes->len)
    g_hash_table_insert (self->choices, g_strdup (choice->text),
                         GUINT_TO_POINTER (g_array_index (choice->codes, guint, selected - 1)));
  else
    /* “Skip these rows” */
    g_hash_table_insert (self->choices, g_strdup (choice->text), GUINT_TO_POINTER (0));

  set_row_error (GTK_WIDGET (row), selected == 0);
  count_unresolved (self);
  update_buttons (self);
}

static GtkWidget *
make_choice_row (TanluImportAssistant *self,
                 const TanluRegionMatch *match,
                 const char           *subtitle)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *offered = match->kind == TANLU_REGION_MATCH_AMBIGUOUS ? match->candidates
                                                                 : match->suggestions;
  ChoiceData *choice = g_new0 (ChoiceData, 1);
  GtkWidget *row = adw_combo_row_new ();
  gpointer chosen;
  guint selected = 0;

  choice->self = self;
  choice->text = g_strdup (match->text);
  choice->codes = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; offered != NULL && i < offered->len; i++)
    {
      guint code = g_array_index (offered, guint, i);
      g_autofree char *name = describe_region (self, code);

      g_array_append_val (choice->codes, code);
      gtk_string_list_append (names, name);
    }
  gtk_string_list_append (names, _("Skip These Rows"));

  if (g_hash_table_lookup_extended (self->choices, match->text, NULL, &chosen))
    {
      guint code = GPOINTER_TO_UINT (chosen);

      selected = names != NULL ? g_list_model_get_n_items (G_LIST_MODEL (names)) - 1 : 0;
      for (guint i = 0; code != 0 && i < choice->codes->len; i++)
        if (g_array_index (choice->codes, guint, i) == code)
          selected = i + 1;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  set_row_error (row, selected == 0);
  g_signal_connect_data (row, "notify::selected", G_CALLBACK (on_choice_selected), choice,
                         (GClosureNotify) (void (*) (void)) choice_data_free, 0);

  return row;
}

static void
fill_regions (TanluImportAssistant *self)
{
  g_autoptr(TanluRegionMatcher) matcher =
    tanlu_region_matcher_new (tanlu_context_get_store (self->context));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint region = selected_column (self->region_column_row);
  guint year_column = selected_column (self->year_column_row);
  guint year = self->year_columns->len > 0
                 ? g_array_index (self->year_columns, TanluTableYearColumn, 0).year : 0;
  guint n_matched = 0, n_totals = 0;
  g_autofree char *description = NULL;

  clear_list (self->regions_list);

  for (guint r = first_data_row (self); r <= MIN (last_data_row (self), n_rows (self)); r++)
    {
      const char *text = cell (self, r, region);

      if (*text == '\0')
        continue;
      if (g_hash_table_insert (seen, (gpointer) text, GUINT_TO_POINTER (r)))
        g_ptr_array_add (texts, (gpointer) text);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (seen, text));
      guint row_year = is_wide (self) ? year
                       : has_year_column (self)
                         ? tanlu_table_parse_year (cell (self, row, year_column))
                         : (guint) gtk_spin_button_get_value_as_int (self->year_spin);
      g_autoptr(TanluRegionMatch) match = tanlu_region_matcher_match (matcher, text, 0, row_year);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;
      GtkWidget *widget;

      switch (match->kind)
        {
        case TANLU_REGION_MATCH_MATCHED:
          n_matched++;
          name = describe_region (self, match->code);
          /* How it matched, when that is worth a second look */
          if (match->explanation != NULL && match->method != TANLU_REGION_MATCH_BY_NAME &&
              match->method != TANLU_REGION_MATCH_BY_CODE)
            subtitle = g_strdup_printf ("%s · %s", name, match->explanation);
          widget = adw_action_row_new ();
          adw_action_row_set_subtitle (ADW_ACTION_ROW (widget),
                                       subtitle != NULL ? subtitle : name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                                     gtk_image_new_from_icon_name ("object-select-symbolic"));
          break;

        case TANLU_REGION_MATCH_TOTAL_ROW:
          n_totals++;
          widget = adw_action_row_new ();
          adw_action_row_set_subtitle (
            ADW_ACTION_ROW (widget),
            gtk_switch_get_active (self->totals_switch)
              ? _("A total row: skipped")
              : _("A total row: Tanlu does not import totals; skip them in the layout step"));
          set_row_error (widget, !gtk_switch_get_active (self->totals_switch));
          break;

        case TANLU_REGION_MATCH_AMBIGUOUS:
          widget = make_choice_row (self, match, _("More than one region has this name"));
          break;

        case TANLU_REGION_MATCH_BELOW_REGISTRY:
          subtitle = g_strdup_printf (_("Below the regions Tanlu keeps (%s)"),
                                      match->explanation != NULL ? match->explanation : "");
          widget = make_choice_row (self, match, subtitle);
          break;

        case TANLU_REGION_MATCH_NOT_FOUND:
        default:
          widget = make_choice_row (self, match,
                                    match->suggestions != NULL && match->suggestions->len > 0
                                      ? _("No region has this name; the closest are listed")
                                      : _("No region has this name"));
          break;
        }

      if (ADW_IS_PREFERENCES_ROW (widget) && !ADW_IS_COMBO_ROW (widget))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
      gtk_list_box_append (self->regions_list, widget);
    }

  count_unresolved (self);
  description = g_strdup_printf (
    /* Translators: a summary of the region names of a table; the counts follow */
    ngettext ("%u name: %u matched, totals %u, to choose %u",
              "%u names: %u matched, totals %u, to choose %u", texts->len),
    texts->len, n_matched, n_totals, self->n_unresolved);
  adw_preferences_group_set_description (self->regions_group, description);
}

/* ---------------------------------------------------------------- the recipe */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_column (JsonBuilder *builder,
            const char  *name,
            guint        column)
{
  g_autofree char *letters = tanlu_table_column_letter (column);

  add_string (builder, name, letters);
}

static char *
build_recipe_json (TanluImportAssistant *self,
                   GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(TanluRecipe) recipe = NULL;
  g_autofree char *json = NULL;
  g_autofree char *problem = NULL;
  TanluIndicator *indicator = selected_indicator (self);
  g_autofree char *code = stripped (self->code_row);
  g_autofree char *name_zh = stripped (self->name_zh_row);
  g_autofree char *name_en = stripped (self->name_en_row);
  g_autofree char *source = stripped (self->source_row);
  g_autofree char *citation = stripped (self->citation_row);
  g_autofree char *name = stripped (self->recipe_name_row);
  GHashTableIter iter;
  gpointer key, value;

  if (!layout_is_complete (self))
    {
      g_set_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_INVALID,
                   _("Say where the regions and the values are."));
      return NULL;
    }
  if (!indicator_is_complete (self, &problem))
    {
      g_set_error_literal (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_INVALID, problem);
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tanlu_recipe");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "name", name);
  add_string (builder, "format", self->xlsx ? "xlsx" : "csv");
  if (self->xlsx)
    add_string (builder, "sheet", self->sheets[self->sheet_index]);
  else
    {
      char separator[2] = { self->separator, '\0' };

      add_string (builder, "encoding", tanlu_text_encoding_to_string (self->encoding));
      add_string (builder, "separator", self->separator == '\0' ? "auto" : separator);
    }
  json_builder_set_member_name (builder, "header_row");
  json_builder_add_int_value (builder, header_row (self));
  json_builder_set_member_name (builder, "first_data_row");
  json_builder_add_int_value (builder, first_data_row (self));
  if (last_data_row (self) < n_rows (self))
    {
      json_builder_set_member_name (builder, "last_data_row");
      json_builder_add_int_value (builder, last_data_row (self));
    }
  if (!self->xlsx && gtk_switch_get_active (self->decimal_switch))
    add_string (builder, "decimal", ",");
  add_string (builder, "layout", layout_kind (self) == LAYOUT_WIDE   ? "wide"
                                 : layout_kind (self) == LAYOUT_LONG ? "long"
                                                                     : "indicators");
  add_column (builder, "region_column", selected_column (self->region_column_row));
  if (layout_kind (self) == LAYOUT_INDICATORS)
    {
      g_autoptr(GPtrArray) choices = column_choices (self);

      if (has_year_column (self))
        add_column (builder, "year_column", selected_column (self->year_column_row));
      else
        {
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->year_spin));
        }
      json_builder_set_member_name (builder, "indicator_columns");
      json_builder_begin_object (builder);
      for (guint i = 0; i < choices->len; i++)
        {
          ColumnChoice *choice = g_ptr_array_index (choices, i);
          g_autofree char *letters = tanlu_table_column_letter (choice->column);

          if (choice->mode == COLUMN_SKIP)
            continue;
          json_builder_set_member_name (builder, letters);
          json_builder_begin_object (builder);
          add_string (builder, "indicator", column_code (self, choice));
          add_string (builder, "unit", choice->unit);
          if (choice->mode == COLUMN_NEW)
            {
              json_builder_set_member_name (builder, "indicator_names");
              json_builder_begin_object (builder);
              add_string (builder, "zh", choice->name_zh);
              add_string (builder, "en", choice->name_en);
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  else if (is_wide (self))
    {
      json_builder_set_member_name (builder, "year_columns");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->year_columns->len; i++)
        {
          const TanluTableYearColumn *yc = &g_array_index (self->year_columns,
                                                           TanluTableYearColumn, i);
          g_autofree char *letters = tanlu_table_column_letter (yc->column);

          json_builder_set_member_name (builder, letters);
          json_builder_add_int_value (builder, yc->year);
        }
      json_builder_end_object (builder);
    }
  else
    {
      add_column (builder, "year_column", selected_column (self->year_column_row));
      add_column (builder, "value_column", selected_column (self->value_column_row));
    }
  if (layout_kind (self) != LAYOUT_INDICATORS)
    {
      add_string (builder, "indicator", indicator != NULL ? tanlu_indicator_get_code (indicator)
                                                          : code);
      if (indicator == NULL)
        {
          json_builder_set_member_name (builder, "indicator_names");
          json_builder_begin_object (builder);
          add_string (builder, "zh", name_zh);
          add_string (builder, "en", name_en);
          json_builder_end_object (builder);
        }
      add_string (builder, "unit", selected_unit (self));
    }
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string (builder, "name", source);
  if (*citation != '\0')
    add_string (builder, "citation", citation);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "skip_totals");
  json_builder_add_boolean_value (builder, gtk_switch_get_active (self->totals_switch));
  if (g_hash_table_size (self->choices) > 0)
    {
      g_autoptr(GList) texts = NULL;

      json_builder_set_member_name (builder, "region_choices");
      json_builder_begin_object (builder);
      g_hash_table_iter_init (&iter, self->choices);
      while (g_hash_table_iter_next (&iter, &key, &value))
        texts = g_list_prepend (texts, key);
      texts = g_list_sort (texts, (GCompareFunc) g_strcmp0);
      for (GList *l = texts; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_int_value (builder,
                                      GPOINTER_TO_UINT (g_hash_table_lookup (self->choices,
                                                                             l->data)));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);

  /* The recipe reader is the judge of what is a recipe. */
  if (!(recipe = tanlu_recipe_load_data (json, strlen (json), name, error)))
    return NULL;

  return tanlu_recipe_to_json (recipe);
}

static guint
member_column (JsonObject *object,
               const char *name)
{
  return parse_column_letters (json_object_get_string_member_with_default (object, name, ""));
}

/* A table laid out like one imported before is read as it was then. */
static void
apply_remembered (TanluImportAssistant *self)
{
  g_autofree char *path = remembered_path (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *recipe;
  const char *indicator;
  const char *layout;

  g_clear_pointer (&self->remembered, g_free);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  if (!json_parser_load_from_file (parser, path, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_warning ("Could not read the remembered recipe %s: %s", path,
                 error != NULL ? error->message : "not an object");
      return;
    }
  recipe = json_node_get_object (json_parser_get_root (parser));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->header_spin,
                             json_object_get_int_member_with_default (recipe, "header_row",
                                                                      header_row (self)));
  gtk_spin_button_set_value (self->first_spin,
                             json_object_get_int_member_with_default (recipe, "first_data_row",
                                                                      first_data_row (self)));
  gtk_spin_button_set_value (self->last_spin,
                             json_object_get_int_member_with_default (recipe, "last_data_row",
                                                                      n_rows (self)));
  gtk_switch_set_active (self->decimal_switch,
                         g_strcmp0 (json_object_get_string_member_with_default (recipe, "decimal",
                                                                                "."),
                                    ",") == 0);
  layout = json_object_get_string_member_with_default (recipe, "layout", "wide");
  adw_combo_row_set_selected (self->layout_row, g_str_equal (layout, "long") ? LAYOUT_LONG
                                                : g_str_equal (layout, "indicators")
                                                  ? LAYOUT_INDICATORS
                                                  : LAYOUT_WIDE);
  gtk_switch_set_active (self->one_year_switch, json_object_has_member (recipe, "year"));
  if (json_object_has_member (recipe, "year"))
    gtk_spin_button_set_value (self->year_spin, json_object_get_int_member (recipe, "year"));
  if (json_object_has_member (recipe, "indicator_columns") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (recipe, "indicator_columns")))
    {
      JsonObject *columns = json_object_get_object_member (recipe, "indicator_columns");
      g_autoptr(GList) letters = json_object_get_members (columns);

      /* Every other column is skipped, as it was */
      for (guint c = 1; c <= n_columns (self); c++)
        {
          ColumnChoice *choice = g_new0 (ColumnChoice, 1);

          choice->column = c;
          choice->mode = COLUMN_SKIP;
          g_hash_table_replace (self->columns, GUINT_TO_POINTER (c), choice);
        }
      for (GList *l = letters; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (columns, l->data);
          guint column = parse_column_letters (l->data);
          ColumnChoice *choice = g_hash_table_lookup (self->columns, GUINT_TO_POINTER (column));
          JsonObject *object;
          const char *code;

          if (choice == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          code = json_object_get_string_member_with_default (object, "indicator", "");
          choice->mode = COLUMN_NEW;
          choice->code = g_strdup (code);
          choice->unit = g_strdup (json_object_get_string_member_with_default (object, "unit",
                                                                               NULL));
          for (guint k = 0; k < self->indicators->len; k++)
            if (g_str_equal (tanlu_indicator_get_code (g_ptr_array_index (self->indicators, k)),
                             code))
              choice->mode = COLUMN_EXISTING + k;
          if (json_object_has_member (object, "indicator_names") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "indicator_names")))
            {
              JsonObject *names = json_object_get_object_member (object, "indicator_names");

              choice->name_zh =
                g_strdup (json_object_get_string_member_with_default (names, "zh", NULL));
              choice->name_en =
                g_strdup (json_object_get_string_member_with_default (names, "en", NULL));
            }
        }
    }
  select_column (self->region_column_row, member_column (recipe, "region_column"));
  select_column (self->year_column_row, member_column (recipe, "year_column"));
  select_column (self->value_column_row, member_column (recipe, "value_column"));
  gtk_switch_set_active (self->totals_switch,
                         json_object_get_boolean_member_with_default (recipe, "skip_totals", TRUE));

  indicator = json_object_get_string_member_with_default (recipe, "indicator", NULL);
  for (guint i = 0; indicator != NULL && i < self->indicators->len; i++)
    if (g_str_equal (tanlu_indicator_get_code (g_ptr_array_index (self->indicators, i)),
                     indicator))
      adw_combo_row_set_selected (self->indicator_row, i + 1);
  if (indicator != NULL && selected_indicator (self) == NULL)
    {
      JsonObject *names = json_object_has_member (recipe, "indicator_names")
                            ? json_object_get_object_member (recipe, "indicator_names") : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->code_row), indicator);
      if (names != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->name_zh_row),
                                 json_object_get_string_member_with_default (names, "zh", ""));
          gtk_editable_set_text (GTK_EDITABLE (self->name_en_row),
                                 json_object_get_string_member_with_default (names, "en", ""));
        }
    }
  if (json_object_has_member (recipe, "unit"))
    {
      const char *unit = json_object_get_string_member_with_default (recipe, "unit", "");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->unit_names));
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < n; i++)
        if (g_str_equal (gtk_string_list_get_string (self->unit_names, i), unit))
          position = i;
      if (position == GTK_INVALID_LIST_POSITION)
        {
          gtk_string_list_splice (self->unit_names, 0, 0, (const char *[]) { unit, NULL });
          position = 0;
        }
      adw_combo_row_set_selected (self->unit_row, position);
    }
  if (json_object_has_member (recipe, "source") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (recipe, "source")))
    {
      JsonObject *source = json_object_get_object_member (recipe, "source");

      gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                             json_object_get_string_member_with_default (source, "name", ""));
      gtk_editable_set_text (GTK_EDITABLE (self->citation_row),
                             json_object_get_string_member_with_default (source, "citation", ""));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->recipe_name_row),
                         json_object_get_string_member_with_default (recipe, "name", ""));
  if (json_object_has_member (recipe, "region_choices") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (recipe, "region_choices")))
    {
      JsonObject *choices = json_object_get_object_member (recipe, "region_choices");
      g_autoptr(GList) members = json_object_get_members (choices);

      for (GList *l = members; l != NULL; l = l->next)
        g_hash_table_insert (self->choices, g_strdup (l->data),
                             GUINT_TO_POINTER (json_object_get_int_member (choices, l->data)));
    }
  self->remembered = g_strdup (json_object_get_string_member_with_default (recipe, "name", ""));
  self->updating = FALSE;

  update_year_columns (self);
}

/* ---------------------------------------------------------------- step 5: preview and import */

static void
on_progress (GObject    *source_object,
             guint       file_index,
             guint       n_files,
             const char *display_name,
             double      fraction)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (source_object);

  if (!self->closing)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
add_detail (TanluImportAssistant *self,
            const char           *title,
            const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->details_list, row);
}

/* "CODE YEAR OLD -> NEW" as people read it. */
static char *
describe_replacement (TanluImportAssistant *self,
                      const char           *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  g_autofree char *region = NULL;
  g_autofree char *rest = NULL;

  if (g_strv_length (words) < 5)
    return g_strdup (line);
  region = describe_region (self, (guint) g_ascii_strtoull (words[0], NULL, 10));
  rest = g_strjoinv (" ", words + 2);
  {
    g_auto(GStrv) sides = g_strsplit (rest, " -> ", 2);

    if (g_strv_length (sides) == 2)
      {
        g_free (rest);
        rest = g_strdup_printf ("%s → %s", sides[0], sides[1]);
      }
  }

  /* Translators: a stored value replaced: region, year, “old -> new” */
  return g_strdup_printf (_("%s, %s: %s"), region, words[1], rest);
}

static void
show_result (TanluImportAssistant *self)
{
  TanluRecipeResult *result = self->result;
  guint n_skipped = result->n_total_rows + result->n_missing + result->n_skipped_regions;
  g_autofree char *n_new = g_strdup_printf ("%'u", result->n_new);
  g_autofree char *n_replaced = g_strdup_printf ("%'u", result->n_replaced);
  g_autofree char *n_unchanged = g_strdup_printf ("%'u", result->n_unchanged);
  g_autofree char *n_skip = g_strdup_printf ("%'u", n_skipped);
  guint n_details = result->replaced->len + result->skipped->len;
  guint shown = 0;

  gtk_label_set_text (self->new_label, n_new);
  gtk_label_set_text (self->replaced_label, n_replaced);
  gtk_label_set_text (self->unchanged_label, n_unchanged);
  gtk_label_set_text (self->skipped_label, n_skip);

  clear_list (self->details_list);
  for (guint i = 0; i < result->replaced->len && shown < MAX_DETAILS; i++, shown++)
    {
      g_autofree char *line = describe_replacement (self, g_ptr_array_index (result->replaced, i));

      add_detail (self, line, _("Replaces the stored value"));
    }
  for (guint i = 0; i < result->skipped->len && shown < MAX_DETAILS; i++, shown++)
    add_detail (self, g_ptr_array_index (result->skipped, i), _("Skipped"));
  if (n_details > shown)
    {
      g_autofree char *more = g_strdup_printf (
        ngettext ("And %'u more", "And %'u more", n_details - shown), n_details - shown);

      add_detail (self, more, "");
    }
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (
                            GTK_WIDGET (self->details_list))),
                          shown > 0);
  gtk_stack_set_visible_child_name (self->preview_stack, "result");
}

static void
on_preview_ready (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);
  g_autofree char *json = user_data;
  g_autoptr(GError) error = NULL;
  TanluRecipeResult *result = tanlu_recipe_apply_finish (res, &error);

  if (self->closing)
    {
      g_clear_pointer (&result, tanlu_recipe_result_free);
      return;
    }
  g_clear_object (&self->cancellable);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->refused_page, _("Reading Cancelled"));
          adw_status_page_set_description (self->refused_page, _("Nothing was saved."));
        }
      else
        {
          adw_status_page_set_title (self->refused_page, _("Nothing Can Be Imported Yet"));
          adw_status_page_set_description (self->refused_page, error->message);
        }
      gtk_stack_set_visible_child_name (self->preview_stack, "refused");
      update_buttons (self);
      return;
    }

  clear_result (self);
  self->result = result;
  self->result_json = g_steal_pointer (&json);
  show_result (self);
  update_buttons (self);
}

static void
run_recipe (TanluImportAssistant *self,
            gboolean              dry_run,
            GAsyncReadyCallback   callback)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = build_recipe_json (self, &error);

  if (json == NULL)
    {
      adw_status_page_set_title (self->refused_page, _("Nothing Can Be Imported Yet"));
      adw_status_page_set_description (self->refused_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "refused");
      update_buttons (self);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->working_page,
                             dry_run ? _("Reading the Table…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->preview_stack, "working");
  tanlu_recipe_apply_async (G_OBJECT (self),
                            tanlu_store_get_path (tanlu_context_get_store (self->context)), json,
                            self->path, dry_run, on_progress, self->cancellable, callback,
                            g_strdup (json));
  update_buttons (self);
}

static void
on_import_finished (GObject      *object,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);
  g_autofree char *json = user_data;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reload_error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;

  self->importing = FALSE;
  result = tanlu_recipe_apply_finish (res, &error);
  if (result == NULL)
    {
      if (self->closing)
        return;
      g_clear_object (&self->cancellable);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->refused_page, _("Import Cancelled"));
          adw_status_page_set_description (self->refused_page,
                                           _("Nothing was saved; the database is as it was."));
        }
      else
        {
          adw_status_page_set_title (self->refused_page, _("Nothing Was Imported"));
          adw_status_page_set_description (self->refused_page, error->message);
        }
      clear_result (self);
      gtk_stack_set_visible_child_name (self->preview_stack, "refused");
      update_buttons (self);
      return;
    }

  /* Landed: the window's connection reads it, and every page redraws. */
  if (!tanlu_store_reload (tanlu_context_get_store (self->context), &reload_error))
    g_warning ("Could not reload after import: %s", reload_error->message);
  tanlu_context_data_changed (self->context);
  remember_recipe (self, json);

  message = g_strdup_printf (
    /* Translators: “1,204 values imported from 能源统计.xlsx” */
    ngettext ("%'u value imported from %s", "%'u values imported from %s",
              result->n_new + result->n_replaced + result->n_unchanged),
    result->n_new + result->n_replaced + result->n_unchanged, self->display_name);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);

  if (!self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---------------------------------------------------------------- steps and actions */

static void
update_buttons (TanluImportAssistant *self)
{
  Step step = current_step (self);
  gboolean busy = self->cancellable != NULL;
  gboolean can_next = FALSE;
  g_autofree char *problem = NULL;
  g_autofree char *subtitle = NULL;

  switch (step)
    {
    case STEP_TABLE:
      can_next = self->grid != NULL && n_rows (self) >= 2;
      break;
    case STEP_LAYOUT:
      can_next = layout_is_complete (self);
      break;
    case STEP_INDICATOR:
      can_next = indicator_is_complete (self, &problem);
      break;
    case STEP_REGIONS:
      can_next = self->n_unresolved == 0;
      break;
    case STEP_PREVIEW:
    case N_STEPS:
    default:
      break;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back",
                                 step != STEP_TABLE && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_next && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.import",
                                 step == STEP_PREVIEW && self->result != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.save-recipe",
                                 step == STEP_PREVIEW && self->result_json != NULL);
  gtk_widget_set_visible (self->next_button, step != STEP_PREVIEW);
  gtk_widget_set_visible (self->import_button, step == STEP_PREVIEW);

  if (self->remembered != NULL && *self->remembered != '\0')
    /* Translators: the file, the step, and the recipe remembered for tables like it */
    subtitle = g_strdup_printf (_("%s · Step %u of %u · read as last time (“%s”)"),
                                self->display_name, step + 1, N_STEPS, self->remembered);
  else
    subtitle = g_strdup_printf (_("%s · Step %u of %u"), self->display_name, step + 1, N_STEPS);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
go_to (TanluImportAssistant *self,
       Step                  step)
{
  switch (step)
    {
    case STEP_LAYOUT:
      update_layout_page (self);
      break;
    case STEP_INDICATOR:
      if (layout_kind (self) == LAYOUT_INDICATORS)
        fill_columns (self);
      update_indicator_page (self);
      break;
    case STEP_REGIONS:
      fill_regions (self);
      break;
    case STEP_PREVIEW:
      if (self->result == NULL)
        run_recipe (self, TRUE, on_preview_ready);
      break;
    case STEP_TABLE:
    case N_STEPS:
    default:
      break;
    }

  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
  update_buttons (self);
}

static void
tanlu_import_assistant_back (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (widget);
  Step step = current_step (self);

  if (step == STEP_TABLE || self->importing)
    return;
  if (self->cancellable != NULL && step == STEP_PREVIEW)
    g_cancellable_cancel (self->cancellable);
  go_to (self, step - 1);
}

static void
tanlu_import_assistant_next (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (widget);
  Step step = current_step (self);

  if (step + 1 < N_STEPS)
    go_to (self, step + 1);
}

static void
tanlu_import_assistant_import (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (widget);

  if (self->result == NULL || self->cancellable != NULL)
    return;
  self->importing = TRUE;
  run_recipe (self, FALSE, on_import_finished);
}

static void
tanlu_import_assistant_cancel (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_save_response (GtkNativeDialog      *dialog,
                  int                   response,
                  TanluImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!_tanlu_import_assistant_save_recipe (self, file, &error))
        show_message (self, _("The Recipe Was Not Saved"), error->message);
    }
  g_clear_object (&self->chooser);
}

static void
tanlu_import_assistant_save_recipe (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->result_json == NULL)
    return;
  name = g_strdup_printf ("%s.json", entry_text (self->recipe_name_row));
  g_strdelimit (name, "/\\", '_');
  self->chooser = gtk_file_chooser_native_new (_("Save Recipe"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
tanlu_import_assistant_close_request (GtkWindow *window)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (window);

  /* An import under way is cancelled: it rolls back, or has committed. */
  self->closing = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (tanlu_import_assistant_parent_class)->close_request (window);
}

/* ---------------------------------------------------------------- GObject */

static void
tanlu_import_assistant_constructed (GObject *object)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);
  g_autofree char *lower = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) separator_names = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (tanlu_import_assistant_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL && self->path != NULL);

  self->display_name = g_path_get_basename (self->path);
  lower = g_ascii_strdown (self->path, -1);
  self->xlsx = g_str_has_suffix (lower, ".xlsx");
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->xlsx);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), !self->xlsx);
  gtk_widget_set_visible (GTK_WIDGET (self->separator_row), !self->xlsx);
  gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), !self->xlsx);

  gtk_string_list_append (encoding_names, _("Detect"));
  for (guint i = 1; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (encoding_names, tanlu_text_encoding_get_display_name (encodings[i]));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));
  gtk_string_list_append (separator_names, _("Detect"));
  gtk_string_list_append (separator_names, _("Comma"));
  gtk_string_list_append (separator_names, _("Semicolon"));
  gtk_string_list_append (separator_names, _("Tab"));
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (separator_names));

  self->unit_names = gtk_string_list_new (common_units);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (self->unit_names));
  adw_combo_row_set_selected (self->unit_row, GTK_INVALID_LIST_POSITION);
  fill_indicators (self);

  stem = g_strdup (self->display_name);
  if (strrchr (stem, '.') != NULL)
    *strrchr (stem, '.') = '\0';
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), self->display_name);
  gtk_editable_set_text (GTK_EDITABLE (self->recipe_name_row), stem);

  g_signal_connect_swapped (self->sheet_row, "notify::selected",
                            G_CALLBACK (on_sheet_selected), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected",
                            G_CALLBACK (on_encoding_selected), self);
  g_signal_connect_swapped (self->separator_row, "notify::selected",
                            G_CALLBACK (on_separator_selected), self);
  g_signal_connect_swapped (self->header_spin, "value-changed",
                            G_CALLBACK (on_header_changed), self);
  g_signal_connect_swapped (self->first_spin, "value-changed",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->last_spin, "value-changed",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->one_year_switch, "notify::active",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->year_spin, "value-changed",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->decimal_switch, "notify::active",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->region_column_row, "notify::selected",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->year_column_row, "notify::selected",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->value_column_row, "notify::selected",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->totals_switch, "notify::active",
                            G_CALLBACK (on_layout_changed), self);
  g_signal_connect_swapped (self->indicator_row, "notify::selected",
                            G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->unit_row, "notify::selected",
                            G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->code_row, "changed", G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->name_zh_row, "changed",
                            G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->name_en_row, "changed",
                            G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->source_row, "changed", G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->citation_row, "changed",
                            G_CALLBACK (on_indicator_changed), self);
  g_signal_connect_swapped (self->recipe_name_row, "changed",
                            G_CALLBACK (on_indicator_changed), self);

  load_table (self);
  update_indicator_page (self);
  update_buttons (self);
}

static void
tanlu_import_assistant_dispose (GObject *object)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);

  self->closing = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (tanlu_import_assistant_parent_class)->dispose (object);
}

static void
tanlu_import_assistant_finalize (GObject *object)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->display_name);
  g_strfreev (self->sheets);
  g_clear_pointer (&self->grid, tanlu_table_grid_free);
  g_clear_pointer (&self->guess, tanlu_table_layout_free);
  g_clear_pointer (&self->year_columns, g_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->unit_names);
  g_free (self->remembered);
  clear_result (self);

  G_OBJECT_CLASS (tanlu_import_assistant_parent_class)->finalize (object);
}

static void
tanlu_import_assistant_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TanluImportAssistant *self = TANLU_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_import_assistant_class_init (TanluImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tanlu_import_assistant_constructed;
  object_class->dispose = tanlu_import_assistant_dispose;
  object_class->finalize = tanlu_import_assistant_finalize;
  object_class->set_property = tanlu_import_assistant_set_property;
  window_class->close_request = tanlu_import_assistant_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TANLU_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, decimal_switch);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, last_row_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, last_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, one_year_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, one_year_switch);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, indicator_group);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, columns_list);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, separator_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, table_stack);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, table_spinner);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, table_error);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, table_summary);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, table_preview_window);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, header_row_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, header_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, first_row_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, first_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, layout_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, region_column_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, year_columns_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, year_column_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, value_column_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, totals_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, totals_switch);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, layout_preview_window);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, code_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, name_zh_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, indicator_problem);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, source_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, citation_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, recipe_name_row);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, regions_group);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, regions_list);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, working_page);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, refused_page);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, new_label);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, replaced_label);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, TanluImportAssistant, details_list);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL,
                                   tanlu_import_assistant_back);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL,
                                   tanlu_import_assistant_next);
  gtk_widget_class_install_action (widget_class, "assistant.import", NULL,
                                   tanlu_import_assistant_import);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL,
                                   tanlu_import_assistant_cancel);
  gtk_widget_class_install_action (widget_class, "assistant.save-recipe", NULL,
                                   tanlu_import_assistant_save_recipe);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "assistant.save-recipe", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tanlu_import_assistant_init (TanluImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->year_columns = g_array_new (FALSE, FALSE, sizeof (TanluTableYearColumn));
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->columns = g_hash_table_new_full (NULL, NULL, NULL, column_choice_free);
  self->encoding = TANLU_TEXT_ENCODING_AUTO;
}

/**
 * tanlu_import_assistant_new:
 * @parent: the window the assistant belongs to; it shows the import's toast
 * @path: the CSV or XLSX table to import
 *
 * Returns: (transfer none): the assistant, shown
 */
TanluImportAssistant *
tanlu_import_assistant_new (GtkWindow    *parent,
                            TanluContext *context,
                            const char   *path)
{
  TanluImportAssistant *self;

  g_return_val_if_fail (TANLU_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TANLU_TYPE_IMPORT_ASSISTANT, "transient-for", parent, "context", context,
                       "path", path, NULL);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/* ---------------------------------------------------------------- for the tests */

const char *
_tanlu_import_assistant_get_step (TanluImportAssistant *self)
{
  return step_names[current_step (self)];
}

char *
_tanlu_import_assistant_dup_recipe_json (TanluImportAssistant *self,
                                         GError              **error)
{
  return build_recipe_json (self, error);
}

/* What “Save Recipe…” does with the file chosen. */
gboolean
_tanlu_import_assistant_save_recipe (TanluImportAssistant *self,
                                     GFile                *file,
                                     GError              **error)
{
  g_autofree char *json = build_recipe_json (self, error);

  return json != NULL && g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                                  error);
}

gboolean
_tanlu_import_assistant_is_busy (TanluImportAssistant *self)
{
  return self->cancellable != NULL;
}

/* The label of a cell in the layout step's preview, to see its role. */
GtkWidget *
_tanlu_import_assistant_get_preview_cell (TanluImportAssistant *self,
                                          guint                 row,
                                          guint                 column)
{
  if (self->preview_cells == NULL)
    return NULL;

  return gtk_grid_get_child_at (GTK_GRID (self->preview_cells), column, row);
}
