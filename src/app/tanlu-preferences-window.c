/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-preferences-window.h"
#include "import/tanlu-boundary-import.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-application.h"
#include "widgets/tanlu-context.h"

/* Preferences: the map's basemap, and what the maps say about their
 * boundaries — the approval number every exported map prints, and
 * official boundaries loaded from a file in place of the schematic ones. */
struct _TanluPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TanluContext         *context;
  AdwActionRow         *boundaries_row;
  GtkWidget            *revert_button;
  GtkFileChooserNative *chooser;
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
    subtitle = g_strdup (_("The bundled boundaries are in use. They are schematic (示意), not fit for publication."));

  adw_action_row_set_subtitle (self->boundaries_row, subtitle);
  gtk_widget_set_sensitive (self->revert_button, official);
}

static void
on_chooser_response_cb (TanluPreferencesWindow *self,
                        int                     response,
                        GtkFileChooserNative   *chooser)
{
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *source_text = NULL;
  GSettings *settings = tanlu_application_get_default_settings ();

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  source_text = settings != NULL ? g_settings_get_string (settings, "map-boundary-source") : g_strdup ("");

  if (!tanlu_store_import_official_boundaries (tanlu_context_get_store (self->context), path, source_text,
                                               &report, &error))
    {
      g_autofree char *details = report != NULL ? tanlu_boundary_report_to_string (report) : NULL;
      g_autofree char *body = details != NULL ? g_strdup_printf ("%s\n\n%s", error->message, details)
                                              : g_strdup (error->message);

      show_error (self, _("The Boundaries Were Not Loaded"), body);
      goto out;
    }

  /* Maps and dashboards draw the new boundaries. */
  tanlu_context_data_changed (self->context);
  update_boundaries_row (self);
  {
    g_autofree char *done = tanlu_boundary_report_to_string (report);

    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (done));
  }

out:
  g_clear_object (&self->chooser);
}

static void
on_load_clicked_cb (TanluPreferencesWindow *self)
{
  GSettings *settings = tanlu_application_get_default_settings ();
  g_autofree char *source_text = settings != NULL ? g_settings_get_string (settings, "map-boundary-source") : NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (source_text == NULL || g_strstrip (source_text)[0] == '\0')
    {
      show_error (self, _("Say Where the Boundaries Come From"),
                  _("Maps cite the boundaries they draw. Enter their source, such as the issuing office and the edition, before loading them."));
      return;
    }

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Load Official Boundaries"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("GeoJSON boundaries"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
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

  if (!tanlu_store_revert_official_boundaries (tanlu_context_get_store (self->context), &n_reverted, &error))
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
on_revert_clicked_cb (TanluPreferencesWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Revert to the Bundled Boundaries?"),
                                              _("The official boundaries are removed from the database, and maps draw the schematic ones again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "revert", _("_Revert"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revert_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_entry_row (const char *title,
                  const char *key)
{
  GtkWidget *row = adw_entry_row_new ();
  GSettings *settings = tanlu_application_get_default_settings ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (settings != NULL)
    g_settings_bind (settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);

  return row;
}

static void
tanlu_preferences_window_dispose (GObject *object)
{
  TanluPreferencesWindow *self = (TanluPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tanlu_preferences_window_parent_class)->dispose (object);
}

static void
tanlu_preferences_window_class_init (TanluPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tanlu_preferences_window_dispose;
}

static void
tanlu_preferences_window_init (TanluPreferencesWindow *self)
{
  GSettings *settings = tanlu_application_get_default_settings ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *basemap = adw_preferences_group_new ();
  GtkWidget *boundaries = adw_preferences_group_new ();
  GtkWidget *online_row = adw_action_row_new ();
  GtkWidget *online_switch = gtk_switch_new ();
  GtkWidget *load_button = gtk_button_new_with_mnemonic (_("_Load…"));

  gtk_window_set_default_size (GTK_WINDOW (self), 620, 560);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Maps"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "mark-location-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (basemap), _("Basemap"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (online_row), _("Online Map Layer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (online_row),
                               _("Draws OpenStreetMap tiles from the network under the regions. The offline basemap needs no network."));
  gtk_widget_set_valign (online_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (online_row), online_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (online_row), online_switch);
  if (settings != NULL)
    g_settings_bind (settings, "map-online-layer", online_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (basemap), online_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (basemap));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (boundaries), _("Boundaries"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (boundaries),
                                         _("A map published in China needs boundaries from an approved standard map and its approval number (审图号). Every exported map prints the number given here."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (boundaries),
                             create_entry_row (_("Map Approval Number (审图号)"), "map-approval-number"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (boundaries),
                             create_entry_row (_("Source of the Official Boundaries"), "map-boundary-source"));

  self->boundaries_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->boundaries_row), _("Official Boundaries"));
  gtk_widget_set_valign (load_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (load_button, _("Load boundaries from a GeoJSON file whose features carry GB/T 2260 codes"));
  g_signal_connect_swapped (load_button, "clicked", G_CALLBACK (on_load_clicked_cb), self);
  adw_action_row_add_suffix (self->boundaries_row, load_button);
  self->revert_button = gtk_button_new_with_mnemonic (_("_Revert"));
  gtk_widget_set_valign (self->revert_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->revert_button, "destructive-action");
  g_signal_connect_swapped (self->revert_button, "clicked", G_CALLBACK (on_revert_clicked_cb), self);
  adw_action_row_add_suffix (self->boundaries_row, self->revert_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (boundaries), GTK_WIDGET (self->boundaries_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (boundaries));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/**
 * tanlu_preferences_window_new:
 * @context: the window's context, whose database boundaries are loaded
 *   into
 *
 * Returns: (transfer full): the preferences
 */
TanluPreferencesWindow *
tanlu_preferences_window_new (GtkWindow    *parent,
                              TanluContext *context)
{
  TanluPreferencesWindow *self;

  g_return_val_if_fail (TANLU_IS_CONTEXT (context), NULL);

  self = g_object_new (TANLU_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  update_boundaries_row (self);

  return self;
}
