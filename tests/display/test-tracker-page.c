/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tracker-page"

#include "config.h"

#include <adwaita.h>
#include <gdk/gdkkeysyms.h>

#include "app/tanlu-window.h"
#include "pages/tracker/tanlu-tracker-page-private.h"
#include "pages/tracker/tanlu-tracker-page.h"
#include "store/tanlu-store.h"
#include "tanlu-test-input.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"

#include <string.h>

/* The joint-action tracker as a planner keeps it: Alt+4, real clicks and
 * key presses through the X server, on a copy of the bundled data; what it
 * saved is read back from the database by a second connection, as after a
 * restart. */

typedef TanluTestWindowFixture Fixture;

static TanluTrackerPage *
page (Fixture *fixture)
{
  GtkWidget *widget =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_TRACKER_PAGE);

  g_assert_nonnull (widget);
  return TANLU_TRACKER_PAGE (widget);
}

static void
open_tracker (Fixture *fixture)
{
  /* A task opens at once, not sliding its buttons under the pointer */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  tanlu_test_pointer_move (GTK_WIDGET (fixture->window), 600, 20);
  tanlu_test_key (GDK_KEY_4, GDK_ALT_MASK);
  g_assert_cmpstr (tanlu_test_visible_view (fixture), ==, "tracker");
  tanlu_test_wait_for_draw (GTK_WIDGET (page (fixture)));
}

static void
click (Fixture   *fixture,
       GtkWidget *widget)
{
  tanlu_test_scroll_to (widget);
  tanlu_test_wait_for_draw (widget);
  tanlu_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                    gtk_widget_get_height (widget) / 2.0, 1);
  tanlu_test_wait_for_idle ();
}

static gboolean
row_expanded (gpointer data)
{
  return adw_expander_row_get_expanded (ADW_EXPANDER_ROW (data));
}

/* Task @number as a second connection reads it: what survives a restart. */
static TanluJointTask *
saved_task (Fixture *fixture,
            guint    number)
{
  g_autoptr(TanluStore) other = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  other = tanlu_store_new (tanlu_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  tasks = tanlu_store_list_joint_tasks (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 26);
  g_assert_cmpuint (number, >=, 1);
  return g_ptr_array_steal_index (tasks, number - 1);
}

static guint
n_shown_rows (TanluTrackerPage *self)
{
  guint n = 0;

  for (guint task = 1; task <= 26; task++)
    {
      AdwExpanderRow *row = _tanlu_tracker_page_get_task_row (self, task);

      g_assert_nonnull (row);
      n += gtk_widget_get_visible (GTK_WIDGET (row)) &&
           gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                             ADW_TYPE_PREFERENCES_GROUP));
    }
  return n;
}

/* The 26 tasks under their 10 actions; a task opened with Enter shows the
 * plan's words, both sides' units and its sites; a status clicked is saved
 * at once, a note applied with Enter is saved with it, Ctrl+Z undoes them
 * one at a time; a bad date is refused with nothing changed. */
static void
test_statuses (Fixture       *fixture,
               gconstpointer  data)
{
  TanluTrackerPage *self;
  AdwExpanderRow *row;
  GtkWidget *button;
  AdwEntryRow *note;
  g_autofree char *plan = NULL;
  g_autofree char *sites = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TanluJointTask) task = NULL;
  guint n_groups = 0;

  open_tracker (fixture);
  self = page (fixture);
  g_assert_cmpstr (_tanlu_tracker_page_get_summary (self), ==,
                   "26 tasks: 0 done, 0 under way, 0 delayed, 26 not started");
  g_assert_cmpuint (n_shown_rows (self), ==, 26);
  {
    GtkWidget *first = GTK_WIDGET (_tanlu_tracker_page_get_task_row (self, 1));
    GtkWidget *box = gtk_widget_get_parent (gtk_widget_get_ancestor (first,
                                                                     ADW_TYPE_PREFERENCES_GROUP));

    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      n_groups += ADW_IS_PREFERENCES_GROUP (child);
  }
  g_assert_cmpuint (n_groups, ==, 10);

  /* Task 2 opened with the real Enter key */
  row = _tanlu_tracker_page_get_task_row (self, 2);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Led by 重庆市能源局 and 四川省能源局");
  tanlu_test_scroll_to (GTK_WIDGET (row));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD));
  tanlu_test_wait_for_draw (GTK_WIDGET (row));
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (row_expanded, row);
  plan = g_strdup (gtk_label_get_label (
    GTK_LABEL (tanlu_test_find_named (GTK_WIDGET (row), "plan-text"))));
  sites = g_strdup (gtk_label_get_label (
    GTK_LABEL (tanlu_test_find_named (GTK_WIDGET (row), "sites"))));
  g_assert_nonnull (plan);
  g_assert_nonnull (strstr (plan, "推进川渝电网特高压交流目标网架建设"));
  g_assert_nonnull (sites);
  g_assert_nonnull (strstr (sites, "川渝电网特高压交流目标网架"));

  /* "Under Way" clicked: saved, shown, counted */
  button = GTK_WIDGET (_tanlu_tracker_page_get_status_button (self, 2, "under_way"));
  click (fixture, button);
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "under_way");
  g_clear_pointer (&task, tanlu_joint_task_free);
  g_assert_cmpstr (_tanlu_tracker_page_get_summary (self), ==,
                   "26 tasks: 0 done, 1 under way, 0 delayed, 25 not started");

  /* A progress note typed and applied with Enter */
  note = _tanlu_tracker_page_get_note_row (self, 2);
  tanlu_test_scroll_to (GTK_WIDGET (note));
  gtk_widget_grab_focus (GTK_WIDGET (note));
  gtk_editable_set_text (GTK_EDITABLE (note), "Fixture note: 川渝 link surveyed");
  tanlu_test_wait_for_draw (GTK_WIDGET (note));
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_for_idle ();
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "under_way");
  g_assert_cmpstr (task->note, ==, "Fixture note: 川渝 link surveyed");
  g_clear_pointer (&task, tanlu_joint_task_free);

  /* "Done" clicked, then a date that does not exist: refused, and the
   * database is as it was */
  button = GTK_WIDGET (_tanlu_tracker_page_get_status_button (self, 2, "done"));
  click (fixture, button);
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "done");
  g_clear_pointer (&task, tanlu_joint_task_free);

  before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  {
    AdwEntryRow *date = ADW_ENTRY_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (note)));

    g_assert_nonnull (date);
    tanlu_test_scroll_to (GTK_WIDGET (date));
    gtk_widget_grab_focus (GTK_WIDGET (date));
    gtk_editable_set_text (GTK_EDITABLE (date), "2026-13-40");
    tanlu_test_wait_for_draw (GTK_WIDGET (date));
    tanlu_test_key (GDK_KEY_Return, 0);
    tanlu_test_wait_for_idle ();
    after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
    g_assert_cmpstr (before, ==, after);
    /* The row shows what is saved again */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "");
  }

  /* Ctrl+Z, twice: "done" undone, then the note */
  gtk_widget_grab_focus (button);
  tanlu_test_key (GDK_KEY_z, GDK_CONTROL_MASK);
  tanlu_test_wait_for_idle ();
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "under_way");
  g_assert_cmpstr (task->note, ==, "Fixture note: 川渝 link surveyed");
  g_clear_pointer (&task, tanlu_joint_task_free);
  g_assert_true (gtk_toggle_button_get_active (
    _tanlu_tracker_page_get_status_button (self, 2, "under_way")));

  tanlu_test_key (GDK_KEY_z, GDK_CONTROL_MASK);
  tanlu_test_wait_for_idle ();
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "under_way");
  g_assert_null (task->note);
  g_clear_pointer (&task, tanlu_joint_task_free);

  tanlu_test_key (GDK_KEY_z, GDK_CONTROL_MASK);
  tanlu_test_wait_for_idle ();
  task = saved_task (fixture, 2);
  g_assert_cmpstr (task->status, ==, "not_started");
  g_clear_pointer (&task, tanlu_joint_task_free);
  g_assert_cmpstr (_tanlu_tracker_page_get_summary (self), ==,
                   "26 tasks: 0 done, 0 under way, 0 delayed, 26 not started");
}

/* Filters by side, lead unit and status; a status set elsewhere (the
 * command line's store, a colleague's import) shows at once. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  TanluTrackerPage *self;
  GtkDropDown *side, *unit, *status;
  GListModel *units;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint economy = GTK_INVALID_LIST_POSITION;
  guint n_led = 0;

  open_tracker (fixture);
  self = page (fixture);
  side = _tanlu_tracker_page_get_filter (self, "side");
  unit = _tanlu_tracker_page_get_filter (self, "unit");
  status = _tanlu_tracker_page_get_filter (self, "status");

  /* Sichuan's side: its lead units only, and each row names all of
   * Sichuan's units */
  gtk_drop_down_set_selected (side, 2);
  units = gtk_drop_down_get_model (unit);
  for (guint i = 1; i < g_list_model_get_n_items (units); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (units), i);

      g_assert_true (g_str_has_prefix (name, "四川省") || g_str_has_prefix (name, "人行成都"));
      if (g_str_equal (name, "四川省经济和信息化厅"))
        economy = i;
    }
  g_assert_cmpuint (economy, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_expander_row_get_subtitle (_tanlu_tracker_page_get_task_row (self, 1)), ==,
                   "四川省能源局、经济和信息化厅");

  tasks = tanlu_store_list_joint_tasks (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    n_led += g_str_equal (((TanluJointTask *) g_ptr_array_index (tasks, i))->sichuan_lead,
                          "四川省经济和信息化厅");
  g_assert_cmpuint (n_led, >, 0);

  gtk_drop_down_set_selected (unit, economy);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (n_shown_rows (self), ==, n_led);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_tanlu_tracker_page_get_task_row (self, 6))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_tanlu_tracker_page_get_task_row (self, 1))));

  /* Done among them: none yet, and the page says so */
  gtk_drop_down_set_selected (status, 3);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (n_shown_rows (self), ==, 0);

  /* Task 6 done through the store, as another view does it */
  g_assert_true (tanlu_store_set_task_status (fixture->store, 6, "done", NULL, "2026-11-30",
                                              &error));
  g_assert_no_error (error);
  tanlu_context_tracker_changed (fixture->context, 6);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (n_shown_rows (self), ==, 1);
  g_assert_true (gtk_toggle_button_get_active (
    _tanlu_tracker_page_get_status_button (self, 6, "done")));
  g_assert_cmpstr (_tanlu_tracker_page_get_summary (self), ==,
                   "26 tasks: 1 done, 0 under way, 0 delayed, 25 not started");

  /* Every filter back: every task */
  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (side, 0);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (n_shown_rows (self), ==, 26);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* The export menu's two files: the CSV that `tracker import` reads back,
 * and the one-page PDF report, drawn in a thread while the window stays
 * responsive. */
static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  TanluTrackerPage *self;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "Fixture tracker.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "Fixture tracker.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;

  open_tracker (fixture);
  self = page (fixture);
  g_assert_true (tanlu_store_set_task_status (fixture->store, 7, "delayed",
                                              "Fixture note: 等待批复", "2026-10-01", &error));
  g_assert_no_error (error);
  tanlu_context_tracker_changed (fixture->context, 7);

  _tanlu_tracker_page_export (self, "csv", csv_file);
  tanlu_test_wait_until (file_written, csv_path);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "action,action_title,task,title,"));
  g_assert_nonnull (strstr (csv, ",delayed,Fixture note: 等待批复,2026-10-01,"));

  _tanlu_tracker_page_export (self, "pdf", pdf_file);
  tanlu_test_wait_until (file_written, pdf_path);
  /* Written whole before the file is renamed into place, or growing: wait
   * for its end */
  while (pdf == NULL || length < 6 || strstr (pdf + length - 6, "%%EOF") == NULL)
    {
      g_clear_pointer (&pdf, g_free);
      tanlu_test_wait_for_idle ();
      g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The assertions read English labels. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/tracker-page/" path, Fixture, NULL, tanlu_test_window_set_up, func,          \
              tanlu_test_window_tear_down)

  ADD ("statuses", test_statuses);
  ADD ("filters", test_filters);
  ADD ("exports", test_exports);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();
  return status;
}
