/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-assistant"

#include "config.h"

#include <adwaita.h>
#include <gdk/gdkkeysyms.h>
#include <sqlite3.h>

#include "app/tanlu-import-assistant-private.h"
#include "app/tanlu-window-private.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-input.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "tanlu-test-xlsx-writer.h"

#include <string.h>

/* The import assistant as a planner meets it: a GBK CSV saved by Excel on
 * Chinese Windows, with a title, a unit note, years across as 2015年, a
 * 合计 row, full-width digits, a footnote mark, a missing value, a name two
 * regions share, a district below the registry and a note under the table.
 * Every step is driven by key presses and clicks through the X server; what
 * it writes is read back by a second connection and compared with what the
 * command line writes from the recipe the window saved. The figures are
 * made up for the test. */

typedef TanluTestWindowFixture Fixture;

static const char *fixture_rows[] = {
  "表1 各市（州）地区生产总值（测试用虚构数据）,,,,",
  "单位：亿元,,,,",
  "地区,2015年,2016年,2017年,2018年",
  "合计,\"1,000\",\"1,100\",\"1,210\",\"1,331\"",
  "成都市,100,110,121,133.1",
  "自贡市,20,22,24.2,—",
  "攀枝花,30*,33,36.3,39.9",
  "吉林,４０,44,48.4,53.2",
  "阿坝州,5,5.5,6.05,6.66",
  "武侯区,1,1,1,1",
  "注：测试用虚构数据。,,,,",
};

static char *
write_fixture (Fixture *fixture)
{
  g_autofree char *text = g_strjoinv ("\r\n", (char **) fixture_rows);
  g_autofree char *crlf = g_strconcat (text, "\r\n", NULL);
  gsize length;
  g_autofree char *gbk = g_convert (crlf, -1, "GB18030", "UTF-8", NULL, &length, NULL);

  g_assert_nonnull (gbk);
  return tanlu_test_write_file (fixture->dir, "fixture-gdp-gbk.csv", gbk, length);
}

static GtkWidget *
child (GtkWindow  *assistant,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (assistant),
                                                   TANLU_TYPE_IMPORT_ASSISTANT, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
is_idle (gpointer data)
{
  return !_tanlu_import_assistant_is_busy (data);
}

static void
click (GtkWidget *widget)
{
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) != NULL)
    tanlu_test_scroll_to (widget);
  tanlu_test_wait_for_draw (widget);
  tanlu_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                    gtk_widget_get_height (widget) / 2.0, 1);
  tanlu_test_wait_for_idle ();
}

static GtkWindow *
open_assistant (Fixture    *fixture,
                const char *path)
{
  GtkWindow *assistant;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  assistant = _tanlu_window_import_table (fixture->window, path);
  gtk_window_set_default_size (assistant, 1000, 760);
  tanlu_test_wait_for_draw (GTK_WIDGET (assistant));
  tanlu_test_input_init (GTK_WIDGET (assistant));
  tanlu_test_wait_until (is_idle, assistant);
  tanlu_test_wait_for_draw (GTK_WIDGET (assistant));
  /* The keyboard goes where a planner's would: to the assistant */
  tanlu_test_click (child (assistant, "window_title"), 5, 5, 1);

  return assistant;
}

static const char *
subtitle (GtkWindow  *assistant,
          const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (assistant, name)));
}

static gboolean
has_class (GtkWindow  *assistant,
           guint       row,
           guint       column,
           const char *css_class)
{
  GtkWidget *cell = _tanlu_import_assistant_get_preview_cell (
    TANLU_IMPORT_ASSISTANT (assistant), row, column);

  g_assert_nonnull (cell);
  return gtk_widget_has_css_class (cell, css_class);
}

static void
next_step (GtkWindow  *assistant,
           const char *expected)
{
  tanlu_test_key (GDK_KEY_Right, GDK_ALT_MASK);
  tanlu_test_wait_until (is_idle, assistant);
  tanlu_test_wait_for_draw (GTK_WIDGET (assistant));
  g_assert_cmpstr (_tanlu_import_assistant_get_step (TANLU_IMPORT_ASSISTANT (assistant)), ==,
                   expected);
}

static gboolean
next_enabled (GtkWindow *assistant)
{
  return gtk_widget_get_sensitive (child (assistant, "next_button"));
}

/* Types into an entry row after clicking it. */
static void
type_into (GtkWindow  *assistant,
           const char *name,
           const char *text)
{
  GtkWidget *row = child (assistant, name);

  click (row);
  g_assert_true (gtk_widget_has_focus (row) || gtk_widget_get_focus_child (row) != NULL);
  tanlu_test_type (text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
}

/* The regions step's row for @text. */
static GtkWidget *
region_row (GtkWindow  *assistant,
            const char *text)
{
  GtkWidget *list = child (assistant, "regions_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
      return row;

  g_error ("No row for “%s” in the regions step", text);
}

static gboolean
popover_shown (gpointer data)
{
  GtkWidget *popover = tanlu_test_find_widget (data, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (data);
}

/* Opens a combo row's list with a click and picks with the keyboard. */
static void
choose (GtkWidget *row,
        guint      keyval)
{
  click (row);
  tanlu_test_wait_until (popover_shown, row);
  tanlu_test_wait_for_idle ();
  tanlu_test_key (keyval, 0);
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (popover_hidden, row);
}

static char *
dump (const char *db_path,
      const char *indicator)
{
  GString *text = g_string_new (NULL);
  const char *queries[] = {
    "SELECT i.code, i.name_zh, i.name_en, i.unit, o.region_code, o.year, o.value, s.key, "
    "s.citation, o.origin, o.import_id FROM observation o JOIN indicator i ON i.id = "
    "o.indicator_id JOIN source s ON s.id = o.source_id WHERE i.code = ?1 "
    "ORDER BY o.region_code, o.year",
    "SELECT id, path, kind, n_observations, n_replaced, finished_at IS NOT NULL FROM import_log "
    "ORDER BY id",
    "SELECT count(*) FROM observation",
    "SELECT count(*) FROM observation_revision",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_text (stmt, 1, indicator, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (text, FALSE);
}

static guint
count_values (const char *db_path,
              const char *indicator)
{
  g_autofree char *text = dump (db_path, indicator);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], indicator) && lines[i][strlen (indicator)] == '|';
  return n;
}

static const char *
selected_string (GtkWidget *row)
{
  return gtk_string_object_get_string (
    GTK_STRING_OBJECT (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))));
}

static void
test_wide_gbk_table (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *path = write_fixture (fixture);
  g_autofree char *cli_dir = tanlu_test_make_tmpdir ();
  g_autofree char *cli_db = tanlu_test_bundled_copy (cli_dir);
  g_autofree char *recipe_path = g_build_filename (fixture->dir, "fixture-gdp.json", NULL);
  g_autoptr(GFile) recipe_file = g_file_new_for_path (recipe_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *window_dump = NULL;
  g_autofree char *cli_dump = NULL;
  g_auto(TanluTestRun) run = { 0 };
  GtkWindow *assistant;
  GtkWidget *totals;
  guint n_new;

  assistant = open_assistant (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);

  /* 1. The table: GBK detected and said, the first rows shown */
  g_assert_cmpstr (_tanlu_import_assistant_get_step (TANLU_IMPORT_ASSISTANT (assistant)), ==,
                   "table");
  g_assert_nonnull (strstr (subtitle (assistant, "encoding_row"), "GB18030"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (assistant, "table_summary"))),
                            "11 rows and 5 columns"));
  g_assert_true (next_enabled (assistant));

  /* 2. The guesses, with reasons: header row 3, regions in A, years B–E,
   * the total skipped; the preview marks each cell's part */
  next_step (assistant, "layout");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (assistant,
                                                                            "header_spin"))),
                   ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (assistant,
                                                                            "first_spin"))),
                   ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (assistant,
                                                                            "last_spin"))),
                   ==, 10);
  g_assert_cmpstr (subtitle (assistant, "year_columns_row"), ==, "4 columns, B–E: 2015–2018");
  g_assert_true (has_class (assistant, 11, 1, "import-above"));
  g_assert_nonnull (strstr (subtitle (assistant, "header_row_row"), "Row 3"));
  g_assert_true (has_class (assistant, 3, 2, "import-header"));
  g_assert_true (has_class (assistant, 4, 1, "import-total"));
  g_assert_true (has_class (assistant, 5, 1, "import-region"));
  g_assert_true (has_class (assistant, 7, 2, "import-value"));
  g_assert_true (has_class (assistant, 1, 1, "import-above"));

  /* A guess changed with the pointer shows at once, and changed back */
  totals = child (assistant, "totals_switch");
  click (totals);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (totals)));
  g_assert_false (has_class (assistant, 4, 1, "import-total"));
  g_assert_true (has_class (assistant, 4, 1, "import-region"));
  g_assert_nonnull (strstr (subtitle (assistant, "totals_row"), "Your choice"));
  click (totals);
  g_assert_true (has_class (assistant, 4, 1, "import-total"));

  /* 3. A new indicator, named by typing; the unit found in the title */
  next_step (assistant, "indicator");
  g_assert_false (next_enabled (assistant));
  g_assert_true (gtk_widget_get_visible (child (assistant, "indicator_problem")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (assistant, "unit_row"))),
                    !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (selected_string (child (assistant, "unit_row")), ==, "亿元");
  type_into (assistant, "code_row", "fixture.gdp");
  type_into (assistant, "name_zh_row", "地区生产总值");
  g_assert_false (next_enabled (assistant));
  type_into (assistant, "name_en_row", "Fixture GDP");
  g_assert_true (next_enabled (assistant));
  g_assert_false (gtk_widget_get_visible (child (assistant, "indicator_problem")));

  /* 4. Every name and its match; 吉林 (a province and a city) and a
   * district must be settled before going on; the note is not a name */
  next_step (assistant, "regions");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (child (assistant, "regions_group"))),
                            "7 names: 4 matched, totals 1, to choose 2"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (region_row (assistant,
                                                                                   "成都市"))),
                            "510100"));
  g_assert_false (next_enabled (assistant));
  g_assert_true (ADW_IS_COMBO_ROW (region_row (assistant, "吉林")));
  choose (region_row (assistant, "吉林"), GDK_KEY_Down);   /* the first candidate */
  g_assert_false (next_enabled (assistant));
  choose (region_row (assistant, "武侯区"), GDK_KEY_End);  /* skip these rows */
  g_assert_true (next_enabled (assistant));

  /* 5. Exactly what will be written: 4 + 3 + 4 + 4 + 4 new values; the
   * total, the missing 2018 of 自贡 and the district skipped */
  next_step (assistant, "preview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "new_label"))), ==, "19");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "replaced_label"))), ==, "0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "skipped_label"))), ==, "3");
  n_new = 19;

  /* The recipe, as “Save Recipe…” writes it */
  g_assert_true (_tanlu_import_assistant_save_recipe (TANLU_IMPORT_ASSISTANT (assistant),
                                                      recipe_file, &error));
  g_assert_no_error (error);

  /* Imported with a click; the assistant closes, the data are there */
  click (child (assistant, "import_button"));
  while (assistant != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_values (tanlu_store_get_path (fixture->store), "fixture.gdp"), ==,
                    n_new);
  {
    g_autoptr(TanluStore) other = tanlu_store_new (tanlu_store_get_path (fixture->store),
                                                   &error);

    g_assert_no_error (error);
    g_assert_nonnull (tanlu_store_lookup_indicator (other, "fixture.gdp"));
  }

  /* The command line, given the saved recipe, writes the same */
  tanlu_test_run_tanlu (&run, fixture->dir, cli_db, "import", "--recipe", recipe_path, path,
                        NULL);
  g_assert_cmpint (run.status, ==, 0);
  window_dump = dump (tanlu_store_get_path (fixture->store), "fixture.gdp");
  cli_dump = dump (cli_db, "fixture.gdp");
  g_assert_cmpstr (window_dump, ==, cli_dump);
  g_assert_nonnull (strstr (window_dump, "fixture-gdp-gbk.csv:7, column B, recipe"));

  /* The next table laid out the same way is read as this one was */
  assistant = open_assistant (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (assistant,
                                                                                  "window_title"))),
                            "read as last time"));
  next_step (assistant, "layout");
  next_step (assistant, "indicator");
  next_step (assistant, "regions");
  g_assert_true (next_enabled (assistant));
  next_step (assistant, "preview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "new_label"))), ==, "0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "unchanged_label"))), ==,
                   "19");
  tanlu_test_key (GDK_KEY_Escape, 0);
  while (assistant != NULL)
    g_main_context_iteration (NULL, TRUE);

  tanlu_test_remove_tree (cli_dir);
}

static guint
indicator_position (Fixture    *fixture,
                    const char *code)
{
  g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (fixture->store);

  for (guint i = 0; i < indicators->len; i++)
    if (g_str_equal (tanlu_indicator_get_code (g_ptr_array_index (indicators, i)), code))
      return i + 1;   /* after “New Indicator” */

  g_error ("No indicator %s", code);
}

/* Opens a combo row's list and moves down @n items from the first. */
static void
choose_nth (GtkWidget *row,
            guint      n)
{
  click (row);
  tanlu_test_wait_until (popover_shown, row);
  tanlu_test_wait_for_idle ();
  tanlu_test_key (GDK_KEY_Home, 0);
  for (guint i = 0; i < n; i++)
    tanlu_test_key (GDK_KEY_Down, 0);
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (popover_hidden, row);
}

/* A workbook whose first sheet is a note and whose second holds the
 * table under a merged title stating the unit (万吨), with a blank row and
 * a note under it; the values go into the bundled CO₂ indicator, kept in
 * Mt, so 万吨 are converted and 亿元 is refused. */
static void
test_workbook_into_existing_indicator (Fixture      *fixture,
                                       gconstpointer data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dumped = NULL;
  GtkWindow *assistant;
  GtkWidget *unit_row;
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "说明");
  tanlu_test_xlsx_set_string (writer, s, "A1", "Fixture workbook: made-up figures for a test");
  s = tanlu_test_xlsx_add_sheet (writer, "排放");
  tanlu_test_xlsx_set_string (writer, s, "A1", "各市二氧化碳排放（单位：万吨）测试用虚构数据");
  tanlu_test_xlsx_add_merge (writer, s, "A1:D1");
  tanlu_test_xlsx_set_string (writer, s, "A2", "地区");
  tanlu_test_xlsx_set_string (writer, s, "B2", "2017年");
  tanlu_test_xlsx_set_string (writer, s, "C2", "2018年");
  tanlu_test_xlsx_set_string (writer, s, "D2", "2019年");
  tanlu_test_xlsx_set_string (writer, s, "A3", "成都市");
  tanlu_test_xlsx_set_number (writer, s, "B3", 1000);
  tanlu_test_xlsx_set_number (writer, s, "C3", 2000);
  tanlu_test_xlsx_set_number (writer, s, "D3", 3000);
  tanlu_test_xlsx_set_string (writer, s, "A4", "全省");
  tanlu_test_xlsx_set_number (writer, s, "B4", 1);
  tanlu_test_xlsx_set_number (writer, s, "C4", 2);
  tanlu_test_xlsx_set_number (writer, s, "D4", 3);
  tanlu_test_xlsx_set_string (writer, s, "A6", "注：数据为测试用虚构数据。");
  bytes = tanlu_test_xlsx_to_bytes (writer);
  path = tanlu_test_write_file (fixture->dir, "fixture-emissions.xlsx",
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The first sheet has no table; the second is chosen from the list */
  assistant = open_assistant (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (gtk_widget_get_visible (child (assistant, "sheet_row")));
  g_assert_false (gtk_widget_get_visible (child (assistant, "encoding_row")));
  g_assert_false (next_enabled (assistant));
  choose_nth (child (assistant, "sheet_row"), 1);
  tanlu_test_wait_until (is_idle, assistant);
  g_assert_cmpstr (selected_string (child (assistant, "sheet_row")), ==, "排放");
  g_assert_true (next_enabled (assistant));

  next_step (assistant, "layout");
  g_assert_cmpstr (subtitle (assistant, "year_columns_row"), ==, "3 columns, B–D: 2017–2019");
  g_assert_true (has_class (assistant, 1, 1, "import-above"));
  g_assert_true (has_class (assistant, 4, 1, "import-total"));
  g_assert_false (has_class (assistant, 6, 1, "import-region"));

  /* Into the bundled indicator, kept in Mt: 万吨 converts, 亿元 does not */
  next_step (assistant, "indicator");
  unit_row = child (assistant, "unit_row");
  g_assert_cmpstr (selected_string (unit_row), ==, "万吨");
  choose_nth (child (assistant, "indicator_row"), indicator_position (fixture, "co2.total"));
  g_assert_false (gtk_widget_get_visible (child (assistant, "code_row")));
  g_assert_nonnull (strstr (subtitle (assistant, "unit_row"), "Converted into Mt CO₂"));
  g_assert_true (next_enabled (assistant));
  choose_nth (unit_row, 9);
  g_assert_cmpstr (selected_string (unit_row), ==, "亿元");
  g_assert_false (next_enabled (assistant));
  g_assert_true (gtk_widget_get_visible (child (assistant, "indicator_problem")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (assistant,
                                                                  "indicator_problem"))),
                            "亿元"));
  choose_nth (unit_row, 0);
  g_assert_true (next_enabled (assistant));

  /* The note under the table is not a region; the total is skipped */
  next_step (assistant, "regions");
  g_assert_true (next_enabled (assistant));
  next_step (assistant, "preview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "new_label"))), ==, "0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "replaced_label"))), ==, "3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "skipped_label"))), ==, "1");

  click (child (assistant, "import_button"));
  while (assistant != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* 1000 万吨 is 10 Mt; the old values are kept as revisions */
  dumped = dump (tanlu_store_get_path (fixture->store), "co2.total");
  g_assert_nonnull (strstr (dumped, "|510100|2017|10.0|"));
  g_assert_nonnull (strstr (dumped, "|510100|2019|30.0|"));
  g_assert_nonnull (strstr (dumped, "fixture-emissions.xlsx#排放!B3"));
}

/* A yearbook sheet with indicators across for one year, the year in its
 * title and each unit in its header: each column goes into its own
 * indicator, the population into the bundled one by its name, the GDP
 * into a new one named by typing. */
static void
test_indicators_across (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *gdp = NULL;
  g_autofree char *population = NULL;
  GtkListBox *columns;
  GtkWidget *row;
  GtkWindow *assistant;
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "表1");
  tanlu_test_xlsx_set_string (writer, s, "A1", "2020年各市（州）主要指标（测试用虚构数据）");
  tanlu_test_xlsx_add_merge (writer, s, "A1:C1");
  tanlu_test_xlsx_set_string (writer, s, "A2", "地区");
  tanlu_test_xlsx_set_string (writer, s, "B2", "地区生产总值（亿元）");
  tanlu_test_xlsx_set_string (writer, s, "C2", "常住人口（万人）");
  tanlu_test_xlsx_set_string (writer, s, "A3", "成都市");
  tanlu_test_xlsx_set_number (writer, s, "B3", 1000);
  tanlu_test_xlsx_set_number (writer, s, "C3", 900);
  tanlu_test_xlsx_set_string (writer, s, "A4", "自贡市");
  tanlu_test_xlsx_set_number (writer, s, "B4", 100);
  tanlu_test_xlsx_set_number (writer, s, "C4", 200);
  bytes = tanlu_test_xlsx_to_bytes (writer);
  path = tanlu_test_write_file (fixture->dir, "fixture-yearbook.xlsx",
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  assistant = open_assistant (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  next_step (assistant, "layout");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (assistant, "layout_row"))),
                    ==, 2);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (assistant, "one_year_switch"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (assistant,
                                                                            "year_spin"))),
                   ==, 2020);
  g_assert_true (has_class (assistant, 3, 2, "import-value"));
  g_assert_true (has_class (assistant, 3, 3, "import-value"));

  /* Each column its own indicator: C is the bundled population by name;
   * B is new, its Chinese name taken from the header */
  next_step (assistant, "indicator");
  g_assert_false (gtk_widget_get_visible (child (assistant, "indicator_group")));
  columns = GTK_LIST_BOX (child (assistant, "columns_list"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (columns, 1));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "Into Population, from 万人"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (columns, 0));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "new indicator"));
  g_assert_false (next_enabled (assistant));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (assistant,
                                                                  "indicator_problem"))),
                            "Column B"));
  click (row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    for (GtkWidget *w = tanlu_test_find_widget (row, ADW_TYPE_ENTRY_ROW); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w))
        g_ptr_array_add (entries, w);
    g_assert_cmpuint (entries->len, ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "地区生产总值");
    click (g_ptr_array_index (entries, 0));
    tanlu_test_type ("fixture.gdp.nominal");
    click (g_ptr_array_index (entries, 2));
    tanlu_test_type ("Fixture nominal GDP");
  }
  g_assert_true (next_enabled (assistant));

  next_step (assistant, "regions");
  next_step (assistant, "preview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "skipped_label"))), ==, "0");
  click (child (assistant, "import_button"));
  while (assistant != NULL)
    g_main_context_iteration (NULL, TRUE);

  gdp = dump (tanlu_store_get_path (fixture->store), "fixture.gdp.nominal");
  g_assert_nonnull (strstr (gdp, "fixture.gdp.nominal|地区生产总值|Fixture nominal GDP|亿元|"
                                 "510100|2020|1000.0|"));
  g_assert_nonnull (strstr (gdp, "fixture-yearbook.xlsx#表1!B3"));
  population = dump (tanlu_store_get_path (fixture->store), "population");
  g_assert_nonnull (strstr (population, "|510300|2020|200.0|"));
  g_assert_nonnull (strstr (population, "fixture-yearbook.xlsx#表1!C4"));
}

static double
progress_of (GtkWindow *assistant)
{
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (child (assistant, "progress_bar")));
}

static gboolean
reading_done (gpointer data)
{
  return progress_of (data) >= 0.6;
}

/* A table of every current prefecture-level unit by its code, years
 * 2000–2060 across: a large import, cancelled half-way with the Cancel
 * button. The database is held by another connection so the import
 * waits for it after reading the table, where the click reaches it; the
 * cancel must leave the database exactly as it was. */
static void
test_cancel_large_import (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(GPtrArray) cities = tanlu_store_list_regions_at_level (fixture->store,
                                                                   TANLU_REGION_LEVEL_CITY);
  g_autoptr(GString) table = g_string_new ("地区代码");
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  GtkWindow *assistant;
  sqlite3 *lock = NULL;
  guint n_rows = 0;

  for (guint year = 2000; year <= 2060; year++)
    g_string_append_printf (table, ",%u", year);
  g_string_append (table, "\n");
  for (guint i = 0; i < cities->len; i++)
    {
      TanluRegion *city = g_ptr_array_index (cities, i);

      if (tanlu_region_get_valid_to (city) != 0)
        continue;
      g_string_append_printf (table, "%u", tanlu_region_get_code (city));
      for (guint year = 2000; year <= 2060; year++)
        g_string_append (table, ",1.5");
      g_string_append (table, "\n");
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 300);
  path = tanlu_test_write_file (fixture->dir, "fixture-large.csv", table->str, table->len);

  assistant = open_assistant (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  next_step (assistant, "layout");
  g_assert_cmpstr (subtitle (assistant, "year_columns_row"), ==, "61 columns, B–BJ: 2000–2060");
  next_step (assistant, "indicator");
  type_into (assistant, "code_row", "fixture.large");
  type_into (assistant, "name_zh_row", "测试");
  type_into (assistant, "name_en_row", "Fixture");
  choose (child (assistant, "unit_row"), GDK_KEY_Home);   /* no unit stated: the first */
  g_assert_true (next_enabled (assistant));
  next_step (assistant, "regions");
  g_assert_true (next_enabled (assistant));
  next_step (assistant, "preview");
  expected = g_strdup_printf ("%'u", n_rows * 61);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (assistant, "new_label"))), ==, expected);

  before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpint (sqlite3_open (tanlu_store_get_path (fixture->store), &lock), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  click (child (assistant, "import_button"));
  tanlu_test_wait_until (reading_done, assistant);
  g_assert_cmpfloat (progress_of (assistant), <, 1.0);
  click (child (assistant, "cancel_button"));
  g_assert_cmpint (sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (lock);
  tanlu_test_wait_until (is_idle, assistant);

  g_assert_nonnull (assistant);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (assistant, "refused_page"))),
                   ==, "Import Cancelled");
  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_values (tanlu_store_get_path (fixture->store), "fixture.large"), ==, 0);

  gtk_window_close (assistant);
  while (assistant != NULL)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = tanlu_test_make_tmpdir ();
  int status;

  /* Recipes remembered go here, not into the user's folder */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  tanlu_test_window_init (&argc, &argv);

  g_test_add ("/import-assistant/wide-gbk-table", Fixture, NULL, tanlu_test_window_set_up,
              test_wide_gbk_table, tanlu_test_window_tear_down);
  g_test_add ("/import-assistant/workbook-into-existing-indicator", Fixture, NULL,
              tanlu_test_window_set_up, test_workbook_into_existing_indicator,
              tanlu_test_window_tear_down);
  g_test_add ("/import-assistant/indicators-across", Fixture, NULL, tanlu_test_window_set_up,
              test_indicators_across, tanlu_test_window_tear_down);
  g_test_add ("/import-assistant/cancel-large-import", Fixture, NULL, tanlu_test_window_set_up,
              test_cancel_large_import, tanlu_test_window_tear_down);

  status = g_test_run ();
  tanlu_test_window_shutdown ();
  tanlu_test_remove_tree (data_home);

  return status;
}
