/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "import/tanlu-import.h"
#include "tanlu-import-assistant.h"
#include "store/tanlu-store.h"
#include "tanlu-preferences-window.h"
#include "tanlu-window-private.h"
#include "widgets/tanlu-context.h"

/* The window's actions: importing files with progress and cancel, the
 * search, the preferences, the pages, and toasts the pages ask for. */

/* ------------------------------------------------------------------------ */
/* Import */

static void
set_importing (TanluWindow *self,
               gboolean     importing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_revealer_set_reveal_child (self->import_revealer, importing);

  if (importing)
    {
      gtk_progress_bar_set_fraction (self->import_progress, 0);
      gtk_label_set_text (self->import_label, _("Preparing import…"));
    }
}

static char *
format_reports (GPtrArray *reports)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reports->len; i++)
    {
      TanluImportReport *report = g_ptr_array_index (reports, i);
      g_autofree char *line = tanlu_import_report_describe (report);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, line);

      if (report->status != TANLU_IMPORT_STATUS_LANDED)
        continue;

      for (guint k = 0; k < report->unmatched->len; k++)
        g_string_append_printf (text, "\n• %s",
                                (const char *) g_ptr_array_index (report->unmatched, k));
      for (guint k = 0; k < report->warnings->len; k++)
        g_string_append_printf (text, "\n• %s",
                                (const char *) g_ptr_array_index (report->warnings, k));
    }

  return g_string_free (text, FALSE);
}

/* A table refused for its layout, which the import assistant can read. */
static const char *
table_for_assistant (GPtrArray *reports)
{
  TanluImportReport *report;

  if (reports->len != 1)
    return NULL;
  report = g_ptr_array_index (reports, 0);
  if (report->status != TANLU_IMPORT_STATUS_FAILED ||
      !(g_error_matches (report->error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_FORMAT) ||
        g_error_matches (report->error, TANLU_IMPORT_ERROR,
                         TANLU_IMPORT_ERROR_UNEXPECTED_HEADER)))
    return NULL;

  return report->path;
}

static void
on_report_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       TanluWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "table");

  if (g_strcmp0 (response, "assistant") == 0 && path != NULL)
    tanlu_import_assistant_new (GTK_WINDOW (self), self->context, path);
}

static void
show_report_dialog (TanluWindow *self,
                    const char  *heading,
                    const char  *body,
                    GPtrArray   *reports)
{
  g_autofree char *details = format_reports (reports);
  const char *table = table_for_assistant (reports);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (table != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "assistant",
                                       _("Read With the Import _Assistant"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assistant",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "assistant");
      g_object_set_data_full (G_OBJECT (dialog), "table", g_strdup (table), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_response_cb), self, 0);
    }

  label = gtk_label_new (details);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "report");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_toast_details_cb (AdwToast    *toast,
                     TanluWindow *self)
{
  GPtrArray *reports = g_object_get_data (G_OBJECT (toast), "reports");

  show_report_dialog (self, _("Import Report"), NULL, reports);
}

static void
on_import_progress (GObject    *source_object,
                    guint       file_index,
                    guint       n_files,
                    const char *display_name,
                    double      fraction)
{
  TanluWindow *self = TANLU_WINDOW (source_object);
  g_autofree char *text = NULL;

  /* Translators: shown while importing, e.g. “File 3 of 25: cities.xlsx” */
  text = g_strdup_printf (_("File %u of %u: %s"), file_index + 1, n_files, display_name);
  gtk_label_set_text (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, (file_index + fraction) / n_files);
}

static void
on_import_finished (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TanluWindow *self = TANLU_WINDOW (object);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GApplication *app = user_data;
  guint n_landed = 0;
  guint n_cancelled = 0;
  guint n_notes = 0;
  guint n_values = 0;

  set_importing (self, FALSE);
  g_clear_object (&self->import_cancellable);

  reports = tanlu_import_files_finish (result, &error);
  g_application_release (app);

  if (reports == NULL)
    {
      GtkWidget *dialog =
        adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      TanluImportReport *report = g_ptr_array_index (reports, i);

      switch (report->status)
        {
        case TANLU_IMPORT_STATUS_LANDED:
          n_landed++;
          n_values += report->n_values;
          n_notes += report->warnings->len + report->unmatched->len;
          break;

        case TANLU_IMPORT_STATUS_CANCELLED:
          n_cancelled++;
          break;

        case TANLU_IMPORT_STATUS_FAILED:
        default:
          g_ptr_array_add (failed, report);
          break;
        }
    }

  if (n_landed > 0)
    {
      g_autoptr(GError) reload_error = NULL;

      if (!tanlu_store_reload (tanlu_context_get_store (self->context), &reload_error))
        g_warning ("Could not reload after import: %s", reload_error->message);
      tanlu_context_data_changed (self->context);
    }

  if (failed->len > 0)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (
        ngettext (
          "%u file could not be imported; nothing from it was saved. %u of %u files were imported.",
          "%u files could not be imported; nothing from them was saved. %u of %u files were "
          "imported.",
          failed->len),
        failed->len, n_landed, reports->len);
      show_report_dialog (self, _("Some Files Were Not Imported"), body, failed);
    }

  if (n_landed > 0 || n_cancelled > 0)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (n_cancelled > 0)
        title = g_strdup_printf (
          ngettext ("Import cancelled after %u file", "Import cancelled after %u files", n_landed),
          n_landed);
      else
        /* Translators: “25 files imported, 53,121 values” */
        title = g_strdup_printf (
          ngettext ("%u file imported, %'u values", "%u files imported, %'u values", n_landed),
          n_landed, n_values);

      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 8);
      if (n_notes > 0 || n_landed > 0)
        {
          adw_toast_set_button_label (toast, _("_Details"));
          g_object_set_data_full (G_OBJECT (toast), "reports", g_ptr_array_ref (reports),
                                  (GDestroyNotify)g_ptr_array_unref);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_details_cb), self,
                                   0);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
start_import (TanluWindow        *self,
              const char * const *paths)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  TanluStore *store = tanlu_context_get_store (self->context);

  g_return_if_fail (self->import_cancellable == NULL);

  self->import_cancellable = g_cancellable_new ();
  set_importing (self, TRUE);

  /* Keeps the process alive until the import has finished or rolled back,
   * even when the window is closed meanwhile. */
  g_application_hold (app);
  tanlu_import_files_async (G_OBJECT (self), tanlu_store_get_path (store), paths,
                            on_import_progress, self->import_cancellable,
                            on_import_finished, app);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             TanluWindow     *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_files;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      if (paths->len > 1)
        start_import (self, (const char * const *)paths->pdata);
    }

  g_clear_object (&self->file_chooser);
}

static void
tanlu_window_import (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  gtk_file_filter_set_name (supported, _("Workbooks and Tables"));
  gtk_file_filter_add_suffix (supported, "xlsx");
  gtk_file_filter_add_suffix (supported, "csv");
  gtk_file_filter_set_name (workbooks, _("CEADs Workbooks (.xlsx)"));
  gtk_file_filter_add_suffix (workbooks, "xlsx");
  gtk_file_filter_set_name (tables, _("Tables of Observations (.csv)"));
  gtk_file_filter_add_suffix (tables, "csv");

  self->file_chooser = gtk_file_chooser_native_new (_("Import Files"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->file_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), supported);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), workbooks);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), tables);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);

  g_signal_connect_object (self->file_chooser, "response", G_CALLBACK (on_file_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
on_table_chooser_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              TanluWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tanlu_import_assistant_new (GTK_WINDOW (self), self->context, path);
    }

  g_clear_object (&self->file_chooser);
}

/* A planner's own table, read step by step in the import assistant. */
static void
tanlu_window_import_table (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  gtk_file_filter_set_name (tables, _("Tables (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "tsv");

  self->file_chooser = gtk_file_chooser_native_new (_("Import a Table"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                    _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), tables);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (on_table_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
tanlu_window_cancel_import (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);

  if (self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      gtk_label_set_text (self->import_label, _("Cancelling…"));
    }
}

/* ------------------------------------------------------------------------ */
/* Other actions */

static void
tanlu_window_search (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  tanlu_region_sidebar_focus_search (self->sidebar);
}

static void
tanlu_window_preferences (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);
  TanluPreferencesWindow *preferences;

  preferences = tanlu_preferences_window_new (GTK_WINDOW (self), self->context, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
tanlu_window_show_view (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Pages and dialogs say what happened through this action rather than
 * reaching for the window. */
static void
tanlu_window_toast (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TanluWindow *self = TANLU_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* ------------------------------------------------------------------------ */

void
_tanlu_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, tanlu_window_import);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL,
                                   tanlu_window_import_table);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   tanlu_window_cancel_import);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, tanlu_window_search);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", tanlu_window_show_view);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, tanlu_window_preferences);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", tanlu_window_toast);
}

void
_tanlu_window_actions_init (TanluWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/**
 * _tanlu_window_import_files:
 * @paths: (array zero-terminated=1): files to import
 *
 * Imports @paths as the Import… action would, for tests.
 */
void
_tanlu_window_import_files (TanluWindow        *self,
                            const char * const *paths)
{
  g_return_if_fail (TANLU_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->import_cancellable == NULL)
    start_import (self, paths);
}

/**
 * _tanlu_window_import_table:
 *
 * Opens @path in the import assistant, as “Import a Table…” would.
 *
 * Returns: (transfer none): the assistant
 */
GtkWindow *
_tanlu_window_import_table (TanluWindow *self,
                            const char  *path)
{
  g_return_val_if_fail (TANLU_IS_WINDOW (self), NULL);

  return GTK_WINDOW (tanlu_import_assistant_new (GTK_WINDOW (self), self->context, path));
}

gboolean
_tanlu_window_is_importing (TanluWindow *self)
{
  g_return_val_if_fail (TANLU_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}
