/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-tracker-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-tracker-page-private.h"
#include "charts/tanlu-tracker-report.h"
#include "policy/tanlu-tracker-csv.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context-view.h"
#include "widgets/tanlu-context.h"

#include <string.h>

/* The Chengdu–Chongqing joint plan's 10 actions and 26 tasks with their
 * lead units and sites, each task with the status a user sets, a progress
 * note and a date. Every change is saved at once in a transaction, kept in
 * the database's history and undone with Ctrl+Z. */

typedef struct
{
  const char *id;
  const char *label;
} Status;

static const Status statuses[] = {
  { "not_started", N_("Not Started") },
  { "under_way", N_("Under Way") },
  { "done", N_("Done") },
  { "delayed", N_("Delayed") },
};

typedef enum
{
  SIDE_BOTH,
  SIDE_CHONGQING,
  SIDE_SICHUAN,
} Side;

/* The widgets of one task; they belong to the page's tree. */
typedef struct
{
  guint            number;
  GtkWidget       *group;
  AdwExpanderRow  *row;
  GtkLabel        *status_label;
  GtkToggleButton *status_buttons[G_N_ELEMENTS (statuses)];
  AdwEntryRow     *note_row;
  AdwEntryRow     *date_row;
  AdwActionRow    *status_row;
} TaskRow;

struct _TanluTrackerPage
{
  TanluContextView  parent_instance;

  /* template widgets */
  GtkBox           *actions_box;
  GtkDropDown      *side_dropdown;
  GtkStack         *list_stack;
  GtkLabel         *source_label;
  GtkStack         *stack;
  GtkDropDown      *status_dropdown;
  GtkLabel         *summary_label;
  GtkDropDown      *unit_dropdown;

  /* owned */
  GPtrArray        *tasks;
  GPtrArray        *rows;
  GPtrArray        *groups;
  GArray           *undo_tasks;
  GtkStringList    *units;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (TanluTrackerPage, tanlu_tracker_page, TANLU_TYPE_CONTEXT_VIEW)

static const char *
status_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].id, id) == 0)
      return _(statuses[i].label);
  return id;
}

static TanluStore *
get_store (TanluTrackerPage *self)
{
  TanluContext *context = tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));

  return context != NULL ? tanlu_context_get_store (context) : NULL;
}

static void
toast (TanluTrackerPage *self,
       const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static TanluJointTask *
find_task (TanluTrackerPage *self,
           guint             number)
{
  if (self->tasks == NULL)
    return NULL;
  for (guint i = 0; i < self->tasks->len; i++)
    {
      TanluJointTask *task = g_ptr_array_index (self->tasks, i);

      if (task->number == number)
        return task;
    }
  return NULL;
}

static TaskRow *
find_row (TanluTrackerPage *self,
          guint             number)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TaskRow *row = g_ptr_array_index (self->rows, i);

      if (row->number == number)
        return row;
    }
  return NULL;
}

static Side
selected_side (TanluTrackerPage *self)
{
  return (Side) gtk_drop_down_get_selected (self->side_dropdown);
}

/* The lead units the unit filter offers: the selected side's, Chongqing's
 * first when both, each once. */
static void
fill_units (TanluTrackerPage *self)
{
  Side side = selected_side (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  g_ptr_array_add (names, _("Every Lead Unit"));
  for (guint pass = 0; pass < 2 && self->tasks != NULL; pass++)
    {
      if ((pass == 0 && side == SIDE_SICHUAN) || (pass == 1 && side == SIDE_CHONGQING))
        continue;
      for (guint i = 0; i < self->tasks->len; i++)
        {
          TanluJointTask *task = g_ptr_array_index (self->tasks, i);
          char *lead = pass == 0 ? task->chongqing_lead : task->sichuan_lead;

          if (lead != NULL && g_hash_table_add (seen, lead))
            g_ptr_array_add (names, lead);
        }
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->units, 0, n_before, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->updating = FALSE;
}

static const char *
selected_unit (TanluTrackerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->units, selected);
}

static const char *
selected_status (TanluTrackerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == 0 || selected > G_N_ELEMENTS (statuses))
    return NULL;
  return statuses[selected - 1].id;
}

static gboolean
task_shown (TanluTrackerPage     *self,
            const TanluJointTask *task)
{
  const char *unit = selected_unit (self);
  const char *status = selected_status (self);
  Side side = selected_side (self);

  if (status != NULL && g_strcmp0 (task->status, status) != 0)
    return FALSE;
  if (unit == NULL)
    return TRUE;
  return (side != SIDE_SICHUAN && g_strcmp0 (task->chongqing_lead, unit) == 0) ||
         (side != SIDE_CHONGQING && g_strcmp0 (task->sichuan_lead, unit) == 0);
}

/* Who leads, by the selected side: both leads, or one side's every unit
 * with its lead first. */
static char *
units_subtitle (TanluTrackerPage     *self,
                const TanluJointTask *task)
{
  g_autofree char *text = NULL;

  switch (selected_side (self))
    {
    case SIDE_BOTH:
      /* Translators: a task's lead units, Chongqing's then Sichuan's */
      text = g_strdup_printf (_("Led by %s and %s"), task->chongqing_lead, task->sichuan_lead);
      break;
    case SIDE_CHONGQING:
      text = g_strdup (task->chongqing_units);
      break;
    case SIDE_SICHUAN:
      text = g_strdup (task->sichuan_units);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_markup_escape_text (text, -1);
}

static void
update_filter (TanluTrackerPage *self)
{
  guint n_shown = 0;

  if (self->tasks == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TaskRow *row = g_ptr_array_index (self->rows, i);
      TanluJointTask *task = find_task (self, row->number);
      g_autofree char *subtitle = NULL;
      gboolean shown = task != NULL && task_shown (self, task);

      gtk_widget_set_visible (GTK_WIDGET (row->row), shown);
      n_shown += shown;
      if (task != NULL)
        {
          subtitle = units_subtitle (self, task);
          adw_expander_row_set_subtitle (row->row, subtitle);
        }
    }

  /* An action is shown while one of its tasks is. */
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);
      gboolean any = FALSE;

      for (guint r = 0; r < self->rows->len && !any; r++)
        {
          TaskRow *row = g_ptr_array_index (self->rows, r);

          any = row->group == group && gtk_widget_get_visible (GTK_WIDGET (row->row));
        }
      gtk_widget_set_visible (group, any);
    }

  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "list" : "no-match");
}

static void
update_summary (TanluTrackerPage *self)
{
  guint counts[G_N_ELEMENTS (statuses)] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      TanluJointTask *task = g_ptr_array_index (self->tasks, i);

      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        if (g_strcmp0 (task->status, statuses[s].id) == 0)
          counts[s]++;
    }

  /* Translators: the tracker's summary, such as "26 tasks: 3 done, 5 under
   * way, 1 delayed, 17 not started" */
  text = g_strdup_printf (ngettext ("%u task: %u done, %u under way, %u delayed, %u not started",
                                    "%u tasks: %u done, %u under way, %u delayed, %u not started",
                                    self->tasks->len),
                          self->tasks->len, counts[2], counts[1], counts[3], counts[0]);
  gtk_label_set_label (self->summary_label, text);
}

/* Shows a task's saved state in its row; not a change of the user's. */
static void
show_task (TanluTrackerPage     *self,
           TaskRow              *row,
           const TanluJointTask *task)
{
  g_autofree char *changed = NULL;

  self->updating = TRUE;

  gtk_label_set_label (row->status_label, status_label (task->status));
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autofree char *css = g_strdup_printf ("status-%s", statuses[s].id);

      if (g_str_equal (statuses[s].id, task->status))
        gtk_widget_add_css_class (GTK_WIDGET (row->status_label), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row->status_label), css);
      gtk_toggle_button_set_active (row->status_buttons[s],
                                    g_str_equal (statuses[s].id, task->status));
    }
  gtk_editable_set_text (GTK_EDITABLE (row->note_row), task->note != NULL ? task->note : "");
  gtk_editable_set_text (GTK_EDITABLE (row->date_row), task->date != NULL ? task->date : "");

  if (task->changed_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (task->changed_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when =
        local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (task->changed_at);

      /* Translators: when a task's status was last set, a date and time */
      changed = g_strdup_printf (_("Set on %s"), when);
    }
  else
    changed = g_strdup (_("Never set; every task starts as not started"));
  adw_action_row_set_subtitle (row->status_row, changed);

  self->updating = FALSE;
}

/* Reads the statuses again and shows them, keeping which rows are open. */
static void
refresh_tasks (TanluTrackerPage *self)
{
  TanluStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks;

  if (store == NULL || (tasks = tanlu_store_list_joint_tasks (store, &error)) == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = tasks;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TaskRow *row = g_ptr_array_index (self->rows, i);
      TanluJointTask *task = find_task (self, row->number);

      if (task != NULL)
        show_task (self, row, task);
    }
  update_summary (self);
  update_filter (self);
}

static void
update_undo_action (TanluTrackerPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.undo", self->undo_tasks->len > 0);
}

/* Saves a task's status with the note and date its row shows. */
static void
save_task (TanluTrackerPage *self,
           TaskRow          *row,
           const char       *status_id)
{
  /* The status may be a task's that reading the tasks again frees. */
  g_autofree char *status = g_strdup (status_id);
  TanluStore *store = get_store (self);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (row->note_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (row->date_row));
  TanluContext *context = tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (store == NULL)
    return;

  if (!tanlu_store_set_task_status (store, row->number, status, *note != '\0' ? note : NULL,
                                    *date != '\0' ? date : NULL, &error))
    {
      toast (self, error->message);
      /* The row goes back to what is saved. */
      refresh_tasks (self);
      return;
    }

  g_array_append_val (self->undo_tasks, row->number);
  update_undo_action (self);
  refresh_tasks (self);
  tanlu_context_tracker_changed (context, row->number);

  /* Translators: a toast after a task's status was saved; %u is the
   * task's number, %s its status */
  message = g_strdup_printf (_("Task %u is now “%s”; Ctrl+Z undoes it"), row->number,
                             status_label (status));
  toast (self, message);
}

static void
on_status_button_toggled_cb (TanluTrackerPage *self,
                             GtkToggleButton  *button)
{
  TaskRow *row = g_object_get_data (G_OBJECT (button), "task-row");
  TanluJointTask *task = find_task (self, row->number);
  const char *status = g_object_get_data (G_OBJECT (button), "status");

  if (self->updating || !gtk_toggle_button_get_active (button) || task == NULL ||
      g_str_equal (task->status, status))
    return;

  save_task (self, row, status);
}

static void
on_entry_row_apply_cb (TanluTrackerPage *self,
                       AdwEntryRow      *entry)
{
  TaskRow *row = g_object_get_data (G_OBJECT (entry), "task-row");
  TanluJointTask *task = find_task (self, row->number);

  if (task != NULL)
    save_task (self, row, task->status);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (widget);
  TanluStore *store = get_store (self);
  TanluContext *context = tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean undone = FALSE;
  guint task;

  if (store == NULL || self->undo_tasks->len == 0)
    return;

  task = g_array_index (self->undo_tasks, guint, self->undo_tasks->len - 1);
  if (!tanlu_store_undo_task_status (store, task, &undone, &error))
    {
      toast (self, error->message);
      return;
    }
  g_array_set_size (self->undo_tasks, self->undo_tasks->len - 1);
  update_undo_action (self);
  refresh_tasks (self);
  tanlu_context_tracker_changed (context, task);

  if (undone)
    {
      TanluJointTask *now = find_task (self, task);

      /* Translators: a toast after Ctrl+Z; %u is the task's number, %s the
       * status it has again */
      message = g_strdup_printf (_("Undone: task %u is “%s” again"), task,
                                 status_label (now != NULL ? now->status : "not_started"));
      toast (self, message);
    }
}

/* The task's own words, units, sites and status controls. */
static GtkWidget *
detail_label (const char *text,
              const char *name,
              gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (name != NULL)
    gtk_widget_set_name (label, name);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
describe_places (TanluStore           *store,
                 const TanluJointSite *site)
{
  g_auto(GStrv) codes = g_strsplit (site->region_codes, ",", -1);
  g_autoptr(GString) places = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint code = (guint) g_ascii_strtoull (codes[i], NULL, 10);
      TanluRegion *region = code != 0 ? tanlu_store_lookup_region (store, code) : NULL;

      if (places->len > 0)
        g_string_append (places, _(", "));
      if (region != NULL)
        g_string_append (places, tanlu_region_get_display_name (region));
      else
        /* Translators: a place below what Tanlu's registry holds, by code */
        g_string_append_printf (places, _("county-level unit %s"), codes[i]);
    }

  return g_string_free (g_steal_pointer (&places), FALSE);
}

static GtkWidget *
sites_label (TanluStore *store,
             GPtrArray  *sites,
             guint       task)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;

  for (guint i = 0; i < sites->len; i++)
    {
      const TanluJointSite *site = g_ptr_array_index (sites, i);
      g_autofree char *places = NULL;

      if (site->task != task)
        continue;
      places = describe_places (store, site);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a site a joint task names, where Tanlu puts it, and
       * why; such as "• 长宁—威远 — 宜宾市, 内江市 (named counties → their
       * prefectures)" */
      g_string_append_printf (text, _("• %s — %s (%s)"), site->name, places,
                              site->location_basis != NULL ? site->location_basis : "");
    }
  if (text->len == 0)
    return NULL;

  g_string_prepend (text, "\n");
  g_string_prepend (text, _("Sites and projects the task names:"));
  label = detail_label (text->str, "sites", FALSE);
  return label;
}

static TaskRow *
add_task_row (TanluTrackerPage     *self,
              GtkWidget            *group,
              const TanluJointTask *task,
              GPtrArray            *sites)
{
  TaskRow *row = g_new0 (TaskRow, 1);
  g_autofree char *title = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *units = NULL;
  g_autofree char *escaped = g_markup_escape_text (task->title, -1);
  GtkWidget *buttons;
  GtkWidget *sites_text;

  row->number = task->number;
  row->group = group;
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* Translators: a task's number and title, such as "5. 推动…" */
  title = g_strdup_printf (_("%u. %s"), task->number, escaped);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  gtk_widget_set_name (GTK_WIDGET (row->row), "task");

  row->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->status_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->status_label), "status-pill");
  adw_expander_row_add_action (row->row, GTK_WIDGET (row->status_label));

  offset = g_strdup_printf ("%" G_GINT64_FORMAT, task->text_offset);
  /* Translators: the task's text in the plan, and the character of the
   * plan's text it starts at */
  plan = g_strdup_printf (_("The plan: “%s” (from character %s)"), task->text, offset);
  adw_expander_row_add_row (row->row, detail_label (plan, "plan-text", FALSE));

  /* Translators: the units of both sides, the first of each leading */
  units = g_strdup_printf (_("Chongqing: %s\nSichuan: %s\nThe first unit listed on each side leads."),
                           task->chongqing_units, task->sichuan_units);
  adw_expander_row_add_row (row->row, detail_label (units, "units", TRUE));

  sites_text = sites_label (get_store (self), sites, task->number);
  if (sites_text != NULL)
    adw_expander_row_add_row (row->row, sites_text);

  row->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->status_row), _("Status"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(statuses[s].label));

      row->status_buttons[s] = GTK_TOGGLE_BUTTON (button);
      if (s > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), row->status_buttons[0]);
      g_object_set_data (G_OBJECT (button), "task-row", row);
      g_object_set_data (G_OBJECT (button), "status", (gpointer) statuses[s].id);
      gtk_widget_set_name (button, statuses[s].id);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_status_button_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  adw_action_row_add_suffix (row->status_row, buttons);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->status_row));

  row->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->note_row), _("Progress Note"));
  adw_entry_row_set_show_apply_button (row->note_row, TRUE);
  g_object_set_data (G_OBJECT (row->note_row), "task-row", row);
  g_signal_connect_object (row->note_row, "apply", G_CALLBACK (on_entry_row_apply_cb), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->note_row));

  row->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the date a status holds from, written as 2026-03-31 */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->date_row), _("Date (YYYY-MM-DD)"));
  adw_entry_row_set_show_apply_button (row->date_row, TRUE);
  g_object_set_data (G_OBJECT (row->date_row), "task-row", row);
  g_signal_connect_object (row->date_row, "apply", G_CALLBACK (on_entry_row_apply_cb), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->date_row));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row->row));
  show_task (self, row, task);

  return row;
}

static void
clear_groups (TanluTrackerPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->actions_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

static void
update_source (TanluTrackerPage *self,
               TanluStore       *store)
{
  g_autofree char *title = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *text = NULL;

  if (!tanlu_store_get_joint_plan (store, &title, &issuer, &issued, NULL) || title == NULL)
    {
      gtk_label_set_label (self->source_label,
                           _("Tasks, lead units and sites from the joint plan as written; "
                             "statuses as set in this database."));
      return;
    }

  /* Translators: the tracker's source line; the issuer, the plan's title
   * and its date, then who sets the statuses */
  text = g_strdup_printf (_("Source: %s, 《%s》, %s. Tasks, lead units and sites as the plan "
                            "writes them; statuses, notes and dates as set in this database."),
                          issuer != NULL ? issuer : "", title, issued != NULL ? issued : "");
  gtk_label_set_label (self->source_label, text);
}

static void
reload (TanluContextView *view)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (view);
  TanluStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  GtkWidget *group = NULL;
  guint action = 0;

  clear_groups (self);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_array_set_size (self->undo_tasks, 0);
  update_undo_action (self);

  if (store == NULL)
    return;

  self->tasks = tanlu_store_list_joint_tasks (store, &error);
  if (self->tasks != NULL)
    sites = tanlu_store_list_joint_sites (store, 0, &error);
  if (self->tasks == NULL || sites == NULL || self->tasks->len == 0)
    {
      if (error != NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (
                                           gtk_stack_get_child_by_name (self->stack, "empty")),
                                         error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->tasks->len; i++)
    {
      TanluJointTask *task = g_ptr_array_index (self->tasks, i);

      if (group == NULL || task->action != action)
        {
          g_autofree char *title = NULL;
          g_autofree char *escaped = g_markup_escape_text (task->action_title, -1);

          action = task->action;
          group = adw_preferences_group_new ();
          /* Translators: a joint action's number and title, such as
           * "Action 1: 区域能源绿色低碳转型行动" */
          title = g_strdup_printf (_("Action %u: %s"), action, escaped);
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (self->actions_box, group);
          g_ptr_array_add (self->groups, group);
        }
      g_ptr_array_add (self->rows, add_task_row (self, group, task, sites));
    }

  fill_units (self);
  update_summary (self);
  update_filter (self);
  update_source (self, store);
  gtk_stack_set_visible_child_name (self->stack, "tasks");
}

/* Another view changed a status, or this one did: show it. */
static void
tracker_changed (TanluContextView *view,
                 guint             task)
{
  refresh_tasks (TANLU_TRACKER_PAGE (view));
}

static void
on_side_dropdown_selected_cb (TanluTrackerPage *self)
{
  if (self->tasks == NULL)
    return;
  fill_units (self);
  update_filter (self);
}

static void
on_filter_changed_cb (TanluTrackerPage *self)
{
  if (!self->updating)
    update_filter (self);
}

/* Exports */

static void
export_saved (TanluTrackerPage *self,
              GFile            *file,
              const GError     *error)
{
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      toast (self, error->message);
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: a toast after an export */
  message = g_strdup_printf (_("Saved “%s”"), basename);
  toast (self, message);
}

/* The report is read from the database here and drawn to its file in a
 * thread: a page of CJK text embeds its fonts. */
static void
save_report_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TanluTrackerReport *report = g_object_get_data (G_OBJECT (task), "report");
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The report can only be saved to a local file"));
  else if (!tanlu_tracker_report_save (report, path, TANLU_PICTURE_FORMAT_PDF, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_report_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (object);
  GFile *file = g_object_get_data (G_OBJECT (result), "file");
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  export_saved (self, file, error);
}

static void
write_export (TanluTrackerPage *self,
              GFile            *file,
              const char       *format)
{
  TanluStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (g_str_equal (format, "csv"))
    {
      g_autoptr(GPtrArray) tasks = tanlu_store_list_joint_tasks (store, &error);
      g_autofree char *text = tasks != NULL ? tanlu_tracker_csv (tasks) : NULL;

      if (text != NULL)
        g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);
      export_saved (self, file, error);
    }
  else
    {
      TanluTrackerReport *report =
        tanlu_tracker_report_new (store, tanlu_locale_prefers_chinese (), &error);
      g_autoptr(GTask) task = NULL;

      if (report == NULL)
        {
          export_saved (self, file, error);
          return;
        }

      task = g_task_new (self, NULL, on_report_saved_cb, NULL);
      g_task_set_source_tag (task, write_export);
      g_object_set_data_full (G_OBJECT (task), "report", report,
                              (GDestroyNotify) tanlu_tracker_report_free);
      g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, save_report_thread);
    }
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (user_data);
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    write_export (self, file, format);

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;

  /* Translators: the file name an exported tracker is offered under,
   * without its extension */
  file_name = g_strconcat (_("joint-actions-tracker"), ".", format, NULL);
  chooser = gtk_file_chooser_native_new (g_str_equal (format, "pdf") ? _("Export PDF Report")
                                                                     : _("Export Tracker as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* For the display tests */

AdwExpanderRow *
_tanlu_tracker_page_get_task_row (TanluTrackerPage *self,
                                  guint             task)
{
  TaskRow *row = find_row (self, task);

  return row != NULL ? row->row : NULL;
}

GtkToggleButton *
_tanlu_tracker_page_get_status_button (TanluTrackerPage *self,
                                       guint             task,
                                       const char       *status)
{
  TaskRow *row = find_row (self, task);

  if (row == NULL)
    return NULL;
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    if (g_str_equal (statuses[s].id, status))
      return row->status_buttons[s];
  return NULL;
}

AdwEntryRow *
_tanlu_tracker_page_get_note_row (TanluTrackerPage *self,
                                  guint             task)
{
  TaskRow *row = find_row (self, task);

  return row != NULL ? row->note_row : NULL;
}

GtkDropDown *
_tanlu_tracker_page_get_filter (TanluTrackerPage *self,
                                const char       *name)
{
  if (g_str_equal (name, "side"))
    return self->side_dropdown;
  if (g_str_equal (name, "unit"))
    return self->unit_dropdown;
  if (g_str_equal (name, "status"))
    return self->status_dropdown;
  return NULL;
}

/* What the export menu does once the file chooser gave @file. */
void
_tanlu_tracker_page_export (TanluTrackerPage *self,
                            const char       *format,
                            GFile            *file)
{
  write_export (self, file, format);
}

const char *
_tanlu_tracker_page_get_summary (TanluTrackerPage *self)
{
  return gtk_label_get_label (self->summary_label);
}

static void
tanlu_tracker_page_dispose (GObject *object)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_TRACKER_PAGE);

  G_OBJECT_CLASS (tanlu_tracker_page_parent_class)->dispose (object);
}

static void
tanlu_tracker_page_finalize (GObject *object)
{
  TanluTrackerPage *self = TANLU_TRACKER_PAGE (object);

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->undo_tasks, g_array_unref);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (tanlu_tracker_page_parent_class)->finalize (object);
}

static void
tanlu_tracker_page_class_init (TanluTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_tracker_page_dispose;
  object_class->finalize = tanlu_tracker_page_finalize;

  view_class->context_changed = reload;
  view_class->data_changed = reload;
  view_class->tracker_changed = tracker_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TanluTrackerPage, unit_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_side_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "tracker.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "tracker.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tracker.undo",
                                       NULL);

  gtk_widget_class_set_css_name (widget_class, "trackerpage");
}

static void
tanlu_tracker_page_init (TanluTrackerPage *self)
{
  const char *sides[] = { N_("Both Sides"), N_("Chongqing"), N_("Sichuan") };
  g_autoptr(GtkStringList) side_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);

  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new ();
  self->undo_tasks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->units = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    gtk_string_list_append (side_names, _(sides[i]));
  gtk_string_list_append (status_names, _("Every Status"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, _(statuses[i].label));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->side_dropdown, G_LIST_MODEL (side_names));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_names));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->units));
  self->updating = FALSE;
  update_undo_action (self);
}
