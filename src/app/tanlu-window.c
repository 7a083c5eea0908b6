/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-window-private.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context.h"

/* The main window: the regions at the side, and for the selected one its
 * dashboard, the map and its table of figures. The pages show the
 * context; the window binds their settings and keeps its own state. */

G_DEFINE_FINAL_TYPE (TanluWindow, tanlu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static char *
describe_region (TanluWindow *self,
                 TanluRegion *region)
{
  TanluStore *store = tanlu_context_get_store (self->context);
  TanluRegion *parent;
  guint n_members;

  switch (tanlu_region_get_level (region))
    {
    case TANLU_REGION_LEVEL_NATION:
      return g_strdup (_("Nation"));

    case TANLU_REGION_LEVEL_PROVINCE:
      return g_strdup (_("Provincial unit"));

    case TANLU_REGION_LEVEL_CITY:
      parent = tanlu_store_lookup_region (store, tanlu_region_get_parent_code (region));
      /* Translators: subtitle of a city, %s is its province */
      return g_strdup_printf (_("Prefecture-level unit in %s"),
                              parent != NULL ? tanlu_region_get_display_name (parent) : "");

    case TANLU_REGION_LEVEL_GROUP:
      tanlu_region_get_member_codes (region, &n_members);
      return g_strdup_printf (ngettext ("Group of %u region", "Group of %u regions", n_members),
                              n_members);

    default:
      g_assert_not_reached ();
    }
}

static void
update_title (TanluWindow *self)
{
  TanluRegion *region = tanlu_context_get_region (self->context);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (region == NULL)
    {
      adw_view_switcher_title_set_title (self->content_title, _("Tanlu"));
      adw_view_switcher_title_set_subtitle (self->content_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Tanlu"));
      return;
    }

  subtitle = describe_region (self, region);
  adw_view_switcher_title_set_title (self->content_title, tanlu_region_get_display_name (region));
  adw_view_switcher_title_set_subtitle (self->content_title, subtitle);

  /* Translators: the window title, %s is a region */
  title = g_strdup_printf (_("%s — Tanlu"), tanlu_region_get_display_name (region));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_back_button_clicked_cb (TanluWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_region_changed_cb (TanluWindow *self)
{
  TanluRegion *region = tanlu_context_get_region (self->context);

  update_title (self);

  if (region != NULL)
    g_settings_set_string (self->settings, "last-region", tanlu_region_get_key (region));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, adw_leaflet_page_get_child (self->content_page));
}

static gboolean
variant_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_variant (value, variant);

  return TRUE;
}

static GVariant *
variant_to_setting (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  GVariant *variant = g_value_get_variant (value);

  return variant != NULL && g_variant_is_of_type (variant, expected_type) ? g_variant_ref (variant)
                                                                          : NULL;
}

/* The pages' options are the user's settings. */
static void
bind_settings (TanluWindow *self)
{
  static const struct
  {
    const char *key;
    const char *property;
  } map_options[] = {
    { "unit-scale", "unit-scale" },
    { "map-method", "method" },
    { "map-classes", "classes" },
    { "map-palette", "palette" },
    { "map-fixed-scale", "fixed-scale" },
    { "map-change-base", "change-base" },
    { "map-labels", "labels" },
    { "map-capitals", "capitals" },
    { "map-sites", "sites" },
    { "map-online-layer", "online-layer" },
    { "map-approval-number", "approval-number" },
  };
  GObject *options = G_OBJECT (tanlu_map_page_get_options (self->map_page));

  g_settings_bind (self->settings, "unit-scale", self->dashboard_page, "unit-scale",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "include-incomplete", self->dashboard_page,
                   "include-incomplete", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "comparison-regions", self->dashboard_page, "comparisons",
                   G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (map_options); i++)
    g_settings_bind (self->settings, map_options[i].key, options, map_options[i].property,
                     G_SETTINGS_BIND_DEFAULT);
  /* GSettings maps no GVariant property by itself. */
  g_settings_bind_with_mapping (self->settings, "map-custom-breaks", options, "custom-breaks",
                                G_SETTINGS_BIND_DEFAULT, variant_from_setting, variant_to_setting,
                                NULL, NULL);

  g_settings_bind (self->settings, "view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The size and region of the last run. */
static void
restore_state (TanluWindow *self)
{
  TanluStore *store = tanlu_context_get_store (self->context);
  g_autofree char *last_region = g_settings_get_string (self->settings, "last-region");
  TanluRegion *region;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  region = tanlu_store_lookup_region_by_key (store, last_region);
  if (region == NULL)
    region = tanlu_store_lookup_region (store, TANLU_REGION_CODE_NATION);

  if (region == tanlu_context_get_region (self->context))
    update_title (self);
  else
    tanlu_context_set_region (self->context, region);

  /* Start on the data rather than the region list on narrow screens. */
  adw_leaflet_set_visible_child (self->leaflet, adw_leaflet_page_get_child (self->content_page));
}

/* ------------------------------------------------------------------------ */

static gboolean
tanlu_window_close_request (GtkWindow *window)
{
  TanluWindow *self = TANLU_WINDOW (window);
  int width, height;

  /* The file being imported is rolled back; files already imported stay. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (tanlu_window_parent_class)->close_request (window);
}

static void
tanlu_window_constructed (GObject *object)
{
  TanluWindow *self = (TanluWindow *)object;

  G_OBJECT_CLASS (tanlu_window_parent_class)->constructed (object);

  g_assert (TANLU_IS_CONTEXT (self->context));
  g_assert (G_IS_SETTINGS (self->settings));

  bind_settings (self);
  g_signal_connect_object (self->context, "notify::region", G_CALLBACK (on_region_changed_cb), self,
                           G_CONNECT_SWAPPED);
  restore_state (self);
}

static void
tanlu_window_dispose (GObject *object)
{
  TanluWindow *self = (TanluWindow *)object;

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_WINDOW);

  G_OBJECT_CLASS (tanlu_window_parent_class)->dispose (object);
}

static void
tanlu_window_finalize (GObject *object)
{
  TanluWindow *self = (TanluWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tanlu_window_parent_class)->finalize (object);
}

static void
tanlu_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TanluWindow *self = TANLU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TanluWindow *self = TANLU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_window_class_init (TanluWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tanlu_window_constructed;
  object_class->dispose = tanlu_window_dispose;
  object_class->finalize = tanlu_window_finalize;
  object_class->get_property = tanlu_window_get_property;
  object_class->set_property = tanlu_window_set_property;

  window_class->close_request = tanlu_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TANLU_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, data_page);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, map_page);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TanluWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  _tanlu_window_class_actions_init (widget_class);

  g_type_ensure (TANLU_TYPE_DASHBOARD_PAGE);
  g_type_ensure (TANLU_TYPE_DATA_PAGE);
  g_type_ensure (TANLU_TYPE_TRACKER_PAGE);
  g_type_ensure (TANLU_TYPE_MAP_PAGE);
  g_type_ensure (TANLU_TYPE_PATHWAYS_PAGE);
  g_type_ensure (TANLU_TYPE_REGION_SIDEBAR);
}

static void
tanlu_window_init (TanluWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _tanlu_window_actions_init (self);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_window_new:
 * @context: what the window shows
 * @settings: the user's settings, which the window keeps and its pages
 *   follow
 */
TanluWindow *
tanlu_window_new (GtkApplication *application,
                  TanluContext   *context,
                  GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TANLU_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TANLU_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "settings", settings,
                       NULL);
}

/**
 * tanlu_window_get_context:
 *
 * Returns: (transfer none): the window's context
 */
TanluContext *
tanlu_window_get_context (TanluWindow *self)
{
  g_return_val_if_fail (TANLU_IS_WINDOW (self), NULL);

  return self->context;
}
