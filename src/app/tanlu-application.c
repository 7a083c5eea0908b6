/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-application.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-window.h"
#include "widgets/tanlu-context.h"

#ifdef TANLU_BENCHMARKS
# include <unistd.h>
#endif

struct _TanluApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *db_path;
  GSettings      *settings;
  TanluStore     *store;
};

G_DEFINE_FINAL_TYPE (TanluApplication, tanlu_application, ADW_TYPE_APPLICATION)

/* ------------------------------------------------------------------------ */

static void
on_fatal_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TanluApplication *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
show_fatal_error (TanluApplication *self,
                  const GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Tanlu Cannot Open Its Database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fatal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_store (TanluApplication  *self,
              GError           **error)
{
  if (self->store == NULL)
    self->store = tanlu_store_open (self->db_path, error);

  return self->store != NULL;
}

static void
tanlu_application_about (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TanluApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GPtrArray) sources = NULL;
  const char *developers[] = { "The Tanlu developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (about, _("Tanlu"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "The Tanlu developers");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("Regional CO₂ emissions, carbon-peak targets and pathways for "
                                    "planners in Chinese provinces and cities."));
  /* Translators: credit yourself here, one name per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  /* Every figure Tanlu shows comes from one of these; their terms travel
   * with the application. */
  if (self->store != NULL)
    {
      sources = tanlu_store_list_sources (self->store);
      for (guint i = 0; i < sources->len; i++)
        {
          TanluSource *source = g_ptr_array_index (sources, i);
          g_autofree char *text = NULL;
          g_autofree char *escaped_citation =
            g_markup_escape_text (tanlu_source_get_citation (source), -1);

          if (tanlu_source_get_url (source) != NULL)
            {
              g_autofree char *escaped_url =
                g_markup_escape_text (tanlu_source_get_url (source), -1);

              text = g_strdup_printf (
                "%s\n%s\n<a href=\"%s\">%s</a>", escaped_citation,
                tanlu_source_get_licence (source) != NULL ? tanlu_source_get_licence (source) : "",
                escaped_url, escaped_url);
            }
          else
            text = g_strdup_printf (
              "%s\n%s", escaped_citation,
              tanlu_source_get_licence (source) != NULL ? tanlu_source_get_licence (source) : "");

          adw_about_window_add_legal_section (about, tanlu_source_get_title (source),
                                              tanlu_source_get_publisher (source),
                                              GTK_LICENSE_CUSTOM, text);
        }
    }

  adw_about_window_add_legal_section (
    about, _("Boundaries"), NULL, GTK_LICENSE_CUSTOM,
    _("The region boundaries are schematic (示意) outlines derived from Apache ECharts 4.9.0 "
       "(Apache License 2.0). They are not official and must not be used as authoritative borders; "
       "maps published in China need an approval number (审图号)."));
  adw_about_window_add_legal_section (
    about, _("Map Colours"),
    "© 2002 Cynthia Brewer, Mark Harrower, The Pennsylvania State University (ColorBrewer)",
    GTK_LICENSE_APACHE_2_0, NULL);
  adw_about_window_add_legal_section (
    about, _("Online Map Layer"), _("Map data © OpenStreetMap contributors"), GTK_LICENSE_CUSTOM,
    _("Open Database License (ODbL). Tiles come from tile.openstreetmap.org only when the layer "
       "is switched on in the preferences."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
tanlu_application_quit (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  TanluApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing windows, rather than quitting outright, lets each save its
   * state and stop its import cleanly. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", tanlu_application_about },
  { "quit", tanlu_application_quit },
};

/* ------------------------------------------------------------------------ */

#ifdef TANLU_BENCHMARKS
static void
on_first_frame_painted_cb (GdkFrameClock    *frame_clock,
                           TanluApplication *self)
{
  /* Ends the measurement here, without the time a normal quit spends
   * taking the window apart; nothing has been written. */
  gdk_display_flush (gdk_display_get_default ());
  _exit (0);
}

static void
on_window_mapped_cb (GtkWidget        *window,
                     TanluApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), self, 0);
}
#endif

static void
tanlu_application_activate (GApplication *app)
{
  TanluApplication *self = TANLU_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluContext) context = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!ensure_store (self, &error))
    {
      show_fatal_error (self, error);
      return;
    }

  context = tanlu_context_new (self->store);
  window = GTK_WINDOW (tanlu_window_new (GTK_APPLICATION (self), context, self->settings));

#ifdef TANLU_BENCHMARKS
  /* For the start-up benchmark: the whole process, from exec to the first
   * frame on screen, is then what an external timer measures. */
  if (g_getenv ("TANLU_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped_cb), self, 0);
#endif

  gtk_window_present (window);
}

static void
tanlu_application_startup (GApplication *app)
{
  TanluApplication *self = TANLU_APPLICATION (app);

  G_APPLICATION_CLASS (tanlu_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]){ "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]){ "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import",
                                         (const char *[]){ "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-table",
                                         (const char *[]){ "<Control><Shift>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search",
                                         (const char *[]){ "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences",
                                         (const char *[]){ "<Control>comma", NULL });

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::dashboard",
                                         (const char *[]){ "<Alt>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::map",
                                         (const char *[]){ "<Alt>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::pathways",
                                         (const char *[]){ "<Alt>3", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::tracker",
                                         (const char *[]){ "<Alt>4", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::data",
                                         (const char *[]){ "<Alt>5", NULL });

  self->settings = g_settings_new (APP_ID);

  {
    g_autoptr(GAction) unit_scale = g_settings_create_action (self->settings, "unit-scale");

    g_autoptr(GAction) include_incomplete =
      g_settings_create_action (self->settings, "include-incomplete");

    g_action_map_add_action (G_ACTION_MAP (self), unit_scale);
    g_action_map_add_action (G_ACTION_MAP (self), include_incomplete);
  }
}

static void
tanlu_application_finalize (GObject *object)
{
  TanluApplication *self = (TanluApplication *)object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tanlu_application_parent_class)->finalize (object);
}

static void
tanlu_application_class_init (TanluApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tanlu_application_finalize;

  app_class->activate = tanlu_application_activate;
  app_class->startup = tanlu_application_startup;
}

static void
tanlu_application_init (TanluApplication *self)
{
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_application_new:
 * @db_path: (nullable): the database given with --db, or %NULL for the
 *   user's default database
 */
TanluApplication *
tanlu_application_new (const char *db_path)
{
  TanluApplication *self;

  self = g_object_new (TANLU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/tanlu/Tanlu",
                       NULL);
  self->db_path = g_strdup (db_path);

  return self;
}

/**
 * tanlu_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
tanlu_application_get_settings (TanluApplication *self)
{
  g_return_val_if_fail (TANLU_IS_APPLICATION (self), NULL);

  return self->settings;
}
