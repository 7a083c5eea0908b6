/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-preferences-window.h"
#include "import/tanlu-boundary-import.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context.h"

/* Preferences: the map's basemap, and what the maps say about their
 * boundaries — the approval number every exported map prints, and
 * official boundaries loaded from a file in place of the schematic ones. */
struct _TanluPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwEntryRow          *approval_row;
  AdwEntryRow          *boundary_source_row;
  AdwActionRow         *boundaries_row;
  GtkWidget            *load_button;
  GtkSwitch            *online_switch;
  GtkProgressBar       *progress_bar;
  GtkWidget            *progress_row;
  GtkWidget            *revert_button;

  /* owned */
  TanluContext         *context;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* while boundaries load */
};

G_DEFINE_FINAL_TYPE (TanluPreferencesWindow, tanlu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (TanluPreferencesWindow *self,
            const char             *heading,
            const char             *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_boundaries_row (TanluPreferencesWindow *self)
{
  TanluStore *store = tanlu_context_get_store (self->context);
  gboolean official = tanlu_store_has_official_boundaries (store);
  TanluSource *source = official ? tanlu_store_lookup_source (store, "official-boundaries") : NULL;
  g_autofree char *subtitle = NULL;

  if (source != NULL)
    subtitle = g_strdup_printf (_("In use: %s"), tanlu_source_get_citation (source));
  else
    subtitle = g_strdup (
      _("The bundled boundaries are in use. They are schematic (示意), not fit for publication."));

  adw_action_row_set_subtitle (self->boundaries_row, subtitle);
  gtk_widget_set_sensitive (self->revert_button, official && self->cancellable == NULL);
  gtk_widget_set_sensitive (self->load_button, self->cancellable == NULL);
  gtk_widget_set_visible (self->progress_row, self->cancellable != NULL);
}

static void
on_load_progress (GObject    *source_object,
                  guint       file_index,
                  guint       n_files,
                  const char *display_name,
                  double      fraction)
{
  TanluPreferencesWindow *self = TANLU_PREFERENCES_WINDOW (source_object);

  if (self->progress_bar != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_progress_bar_set_text (self->progress_bar, display_name);
    }
}

static void
on_load_finished (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TanluPreferencesWindow *self = TANLU_PREFERENCES_WINDOW (object);
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reload_error = NULL;
  gboolean loaded;

  loaded = tanlu_boundaries_import_finish (result, &report, &error);
  g_clear_object (&self->cancellable);

  /* Closed meanwhile: the database is as the import left it, and the
   * window's views reload when they next draw. */
  if (self->context == NULL)
    return;

  update_boundaries_row (self);

  if (!loaded)
    {
      g_autofree char *details = report != NULL ? tanlu_boundary_report_to_string (report) : NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                            adw_toast_new (_("Loading cancelled; nothing changed")));
          return;
        }

      body = details != NULL && *details != '\0' && !g_str_equal (details, error->message)
               ? g_strdup_printf ("%s\n\n%s", error->message, details)
               : g_strdup (error->message);
      show_error (self, _("The Boundaries Were Not Loaded"), body);
      return;
    }

  /* Maps and dashboards draw the new boundaries. */
  if (!tanlu_store_reload (tanlu_context_get_store (self->context), &reload_error))
    g_warning ("Could not reload after loading boundaries: %s", reload_error->message);
  tanlu_context_data_changed (self->context);
  update_boundaries_row (self);
  {
    g_autofree char *done = tanlu_boundary_report_to_string (report);

    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (done));
  }
}

static void
start_loading (TanluPreferencesWindow *self,
               const char             *path)
{
  g_autofree char *source_text = g_settings_get_string (self->settings, "map-boundary-source");

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  update_boundaries_row (self);

  tanlu_boundaries_import_async (G_OBJECT (self),
                                 tanlu_store_get_path (tanlu_context_get_store (self->context)),
                                 path, source_text, on_load_progress, self->cancellable,
                                 on_load_finished, NULL);
}

static void
on_cancel_button_clicked_cb (TanluPreferencesWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_chooser_response_cb (TanluPreferencesWindow *self,
                        int                     response,
                        GtkFileChooserNative   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    start_loading (self, path);

  g_clear_object (&self->chooser);
}

static void
on_load_button_clicked_cb (TanluPreferencesWindow *self)
{
  g_autofree char *source_text = g_settings_get_string (self->settings, "map-boundary-source");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (g_strstrip (source_text)[0] == '\0')
    {
      show_error (self, _("Say Where the Boundaries Come From"),
                  _("Maps cite the boundaries they draw. Enter their source, such as the issuing "
                     "office and the edition, before loading them."));
      return;
    }

  if (self->chooser != NULL)
    return;

  self->chooser =
    gtk_file_chooser_native_new (_("Load Official Boundaries"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("GeoJSON boundaries"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_revert_response_cb (TanluPreferencesWindow *self,
                       const char             *response)
{
  g_autoptr(GError) error = NULL;
  guint n_reverted = 0;

  if (!g_str_equal (response, "revert"))
    return;

  if (!tanlu_boundaries_revert (tanlu_context_get_store (self->context), &n_reverted,
                                               &error))
    {
      show_error (self, _("The Boundaries Were Not Reverted"), error->message);
      return;
    }

  tanlu_context_data_changed (self->context);
  update_boundaries_row (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The bundled boundaries are back")));
}

static void
on_revert_button_clicked_cb (TanluPreferencesWindow *self)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (self), _("Revert to the Bundled Boundaries?"),
                            _("The official boundaries are removed from the database, and maps "
                               "draw the schematic ones again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "revert",
                                    _("_Revert"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revert_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tanlu_preferences_window_dispose (GObject *object)
{
  TanluPreferencesWindow *self = (TanluPreferencesWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (tanlu_preferences_window_parent_class)->dispose (object);
}

static void
tanlu_preferences_window_class_init (TanluPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/tanlu/Tanlu/tanlu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, approval_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, boundaries_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, boundary_source_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, load_button);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, online_switch);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, progress_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPreferencesWindow, revert_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_load_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_button_clicked_cb);
}

static void
tanlu_preferences_window_init (TanluPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tanlu_preferences_window_new:
 * @context: the window's context, whose database boundaries are loaded
 *   into
 * @settings: the user's settings, which the preferences change
 *
 * Returns: (transfer full): the preferences
 */
TanluPreferencesWindow *
tanlu_preferences_window_new (GtkWindow    *parent,
                              TanluContext *context,
                              GSettings    *settings)
{
  TanluPreferencesWindow *self;

  g_return_val_if_fail (TANLU_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TANLU_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "map-online-layer", self->online_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "map-approval-number", self->approval_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "map-boundary-source", self->boundary_source_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  update_boundaries_row (self);

  return self;
}
