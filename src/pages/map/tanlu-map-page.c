/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map-page"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "tanlu-map-page-private.h"
#include "charts/tanlu-chart-scale.h"
#include "geo/tanlu-boundaries.h"
#include "pathways/tanlu-pathway-library.h"
#include "policy/tanlu-target-text.h"
#include "store/tanlu-source.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-basemap-source.h"
#include "tanlu-map-inset-view.h"
#include "tanlu-choropleth-layer.h"
#include "tanlu-map-options.h"
#include "widgets/tanlu-context-view.h"
#include "widgets/tanlu-context.h"
#include "widgets/tanlu-export-dialog.h"
#include "widgets/tanlu-map-exportable.h"

#include <math.h>
#include <string.h>

/* The Map page: provinces or prefecture cities coloured by an indicator
 * for a year, or by the target their plans state, over the offline
 * basemap, with a year slider that can play through the years. Clicking a
 * region selects it for the whole window; double-clicking a province opens
 * its cities. Markers show the provincial capitals and the sites the
 * Chengdu–Chongqing joint plan's tasks name. */

#define PLAY_INTERVAL_MS 800
#define OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define FIT_MARGIN 0.15   /* zoom levels left around a fitted region */
#define MARKER_SPACING 13 /* pixels between markers around one place */
#define SPREAD_ZOOM 6.5   /* from this zoom level on, that far apart */

static const char * const method_keys[] = { "quantile", "equal", "jenks", "custom" };
static const guint change_bases[] = { 0, 2005, 2015, 2019 };

/* Pathway modes: the map shows a preset's emissions, or the difference
 * between two presets, for every region of the map. */
#define PATHWAY_PREFIX "pathway:"

static const struct
{
  const char *key;
  TanluPreset preset;
  int         minus;   /* a preset, or -1 */
} pathway_modes[] = {
  { PATHWAY_PREFIX "trend", TANLU_PRESET_TREND, -1 },
  { PATHWAY_PREFIX "targets", TANLU_PRESET_TARGETS, -1 },
  { PATHWAY_PREFIX "accelerated", TANLU_PRESET_ACCELERATED, -1 },
  { PATHWAY_PREFIX "targets-trend", TANLU_PRESET_TARGETS, TANLU_PRESET_TREND },
  { PATHWAY_PREFIX "accelerated-trend", TANLU_PRESET_ACCELERATED, TANLU_PRESET_TREND },
  { PATHWAY_PREFIX "accelerated-targets", TANLU_PRESET_ACCELERATED, TANLU_PRESET_TARGETS },
};

/* Target modes, "target:co2_intensity_reduction_pct:2025": the regions
 * coloured by the target their plans state for a year. These indicators
 * come first in the list, in this order; others the library holds follow. */
#define TARGET_PREFIX "target:"

static const char * const main_targets[] = {
  "co2_intensity_reduction_pct",
  "energy_intensity_reduction_pct",
  "co2_peak_year",
  "nonfossil_share_pct",
  "coal_share_pct",
  "carbon_neutral_year",
};

/* A site's status: its style class, the glyph on its marker, so that
 * colour is not the only cue, and its shape (style.css). */
static const struct
{
  const char *status;
  const char *glyph;
} site_statuses[] = {
  { "not_started", "" },
  { "under_way", "" },
  { "done", "✓" },
  { "delayed", "!" },
};

struct _TanluMapPage
{
  GtkWidget             parent_instance;

  /* template widgets */
  ShumateSimpleMap     *map;
  GtkWidget            *back_button;
  GtkToggleButton      *provinces_button;
  GtkToggleButton      *cities_button;
  GtkMenuButton        *options_button;
  GtkWidget            *play_button;
  GtkAdjustment        *year_adjustment;
  GtkLabel             *year_label;

  /* options popover */
  GtkDropDown          *indicator_dropdown;
  GtkDropDown          *show_dropdown;
  GtkDropDown          *method_dropdown;
  GtkSpinButton        *classes_spin;
  GtkEntry             *breaks_entry;
  GtkDropDown          *palette_dropdown;
  GtkCheckButton       *fixed_check;
  GtkCheckButton       *labels_check;
  GtkCheckButton       *capitals_check;
  GtkCheckButton       *sites_check;
  GPtrArray            *indicator_codes;

  /* the sites' legend */
  GtkWidget            *sites_legend;
  GtkLabel             *site_counts[G_N_ELEMENTS (site_statuses)];

  /* the South China Sea Islands inset */
  GtkWidget            *inset;

  /* owned */
  TanluMapOptions      *options;
  TanluBasemap         *basemap;
  ShumateMapSource     *sources[2];       /* light, dark */
  ShumateMapSource     *online_source;
  TanluChoroplethLayer *layer;
  ShumateMarkerLayer   *marker_layer;
  GHashTable           *maps;             /* "level:parent" → TanluMapData */
  TanluRegionLevel      level;
  guint                 parent_code;
  char                 *indicator;
  guint                 play_id;
  guint                 fit_tick_id;
  gboolean              updating;
  gboolean              loaded;
};

G_DEFINE_FINAL_TYPE (TanluMapPage, tanlu_map_page, TANLU_TYPE_CONTEXT_VIEW)

enum {
  PROP_0,
  PROP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static gboolean
chinese (void)
{
  return tanlu_locale_prefers_chinese ();
}

static TanluContext *
get_context (TanluMapPage *self)
{
  return tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
}

static TanluStore *
get_store (TanluMapPage *self)
{
  return get_context (self) != NULL ? tanlu_context_get_store (get_context (self)) : NULL;
}

static TanluMapData *
current_data (TanluMapPage *self)
{
  return tanlu_choropleth_layer_get_data (self->layer);
}

static void
show_message (TanluMapPage *self,
              const char   *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
    g_message ("%s", message);
}

/* ------------------------------------------------------------------------ */
/* Views */

static void
go_to_bounds (TanluMapPage *self,
              double        min_x,
              double        min_y,
              double        max_x,
              double        max_y,
              gboolean      animate)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double zoom, longitude, latitude;

  if (width <= 0 || height <= 0)
    return;

  zoom = log2 (
    MIN (width / (MAX (max_x - min_x, 1e-9) * 256), height / (MAX (max_y - min_y, 1e-9) * 256)));
  zoom = CLAMP (zoom - FIT_MARGIN, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  tanlu_mercator_unproject ((min_x + max_x) / 2, (min_y + max_y) / 2, &longitude, &latitude);

  if (animate)
    shumate_map_go_to_full (shumate_simple_map_get_map (self->map), latitude, longitude, zoom);
  else
    {
      shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
      shumate_viewport_set_zoom_level (viewport, zoom);
    }
}

static void
show_map_bounds (TanluMapPage *self,
                 gboolean      animate)
{
  TanluMapData *data = current_data (self);
  double min_x, min_y, max_x, max_y;

  if (data == NULL)
    return;

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  go_to_bounds (self, min_x, min_y, max_x, max_y, animate);
}

static void
show_china (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);

  tanlu_map_page_show_level (self, TANLU_REGION_LEVEL_PROVINCE, 0);
  show_map_bounds (self, TRUE);
}

/* The economic circle: the bounds of its members' boundaries. */
static void
show_circle (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);
  TanluStore *store = get_store (self);
  TanluRegion *group =
    store != NULL ? tanlu_store_lookup_region_by_key (store, "chengdu-chongqing") : NULL;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  const guint *members;
  guint n_members;

  if (group == NULL)
    return;

  members = tanlu_region_get_member_codes (group, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(TanluGeometry) geometry = tanlu_boundary_load (store, members[i], NULL, NULL);
      double bounds[4], x0, y0, x1, y1;

      if (geometry == NULL)
        continue;
      tanlu_geometry_get_bounds (geometry, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
      tanlu_mercator_project (bounds[0], bounds[3], &x0, &y0);
      tanlu_mercator_project (bounds[2], bounds[1], &x1, &y1);
      min_x = MIN (min_x, x0);
      min_y = MIN (min_y, y0);
      max_x = MAX (max_x, x1);
      max_y = MAX (max_y, y1);
    }

  if (min_x < max_x)
    go_to_bounds (self, min_x, min_y, max_x, max_y, TRUE);
}

/* The first frame with a size fits the map to China. */
static gboolean
fit_on_first_size_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0 || current_data (self) == NULL)
    return G_SOURCE_CONTINUE;

  show_map_bounds (self, FALSE);
  self->fit_tick_id = 0;

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */
/* Classes and values */

static void
set_style (TanluMapPage *self)
{
  const char *unit_scale = tanlu_map_options_get_unit_scale (self->options);
  TanluMapStyle style;

  tanlu_map_style_init (&style);
  style.language = chinese () ? TANLU_CHART_LANGUAGE_CHINESE : TANLU_CHART_LANGUAGE_ENGLISH;
  style.unit_scale = chinese () ? TANLU_CHART_UNIT_SCALE_WAN_TONNES : TANLU_CHART_UNIT_SCALE_MT;
  tanlu_map_palette_from_string (tanlu_map_options_get_palette (self->options), &style.palette);
  style.labels = tanlu_map_options_get_labels (self->options);
  if (g_strcmp0 (unit_scale, "mt") == 0)
    style.unit_scale = TANLU_CHART_UNIT_SCALE_MT;
  else if (g_strcmp0 (unit_scale, "wan-tonnes") == 0)
    style.unit_scale = TANLU_CHART_UNIT_SCALE_WAN_TONNES;
  else if (g_strcmp0 (unit_scale, "yi-tonnes") == 0)
    style.unit_scale = TANLU_CHART_UNIT_SCALE_YI_TONNES;

  tanlu_choropleth_layer_set_style (self->layer, &style);
  tanlu_map_inset_view_update (TANLU_MAP_INSET_VIEW (self->inset));
}

/* Custom breaks are typed in the units shown; the data are in the
 * indicator's own. */
static double
display_factor (TanluMapPage *self)
{
  TanluMapData *data = current_data (self);
  const TanluMapStyle *style = tanlu_choropleth_layer_get_style (self->layer);
  const char *external_unit = NULL;
  TanluIndicator *indicator;

  if (tanlu_map_data_get_change_base (data) != 0)
    return 100;

  indicator = tanlu_store_lookup_indicator (get_store (self), tanlu_map_data_get_indicator (data));
  if ((indicator != NULL && tanlu_chart_unit_is_mt_co2 (tanlu_indicator_get_unit (indicator))) ||
      (tanlu_map_data_get_external (data, FALSE, NULL, &external_unit, NULL) &&
       tanlu_chart_unit_is_mt_co2 (external_unit)))
    return tanlu_chart_unit_scale_factor (style->unit_scale);

  return 1;
}

/* Every value of every year, for classes that stay put as the years
 * play. */
static TanluClassification *
classify_all_years (TanluMapPage         *self,
                    TanluClassifyMethod   method,
                    guint                 n_classes,
                    const double         *breaks,
                    guint                 n_breaks,
                    GError              **error)
{
  TanluMapData *data = current_data (self);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *years = tanlu_map_data_get_years (data);
  guint year = tanlu_map_data_get_year (data);

  for (guint y = 0; y < years->len; y++)
    {
      tanlu_map_data_set_indicator (data, tanlu_map_data_get_indicator (data),
                                    g_array_index (years, guint, y), NULL);
      for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
        g_array_append_val (values, tanlu_map_data_get_region (data, i)->value);
    }
  tanlu_map_data_set_indicator (data, tanlu_map_data_get_indicator (data), year, NULL);

  return tanlu_classification_new ((const double *) (gpointer) values->data, values->len, method,
                                   n_classes, breaks, n_breaks, error);
}

static void
classify (TanluMapPage *self)
{
  TanluMapData *data = current_data (self);
  TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE;
  g_autofree double *breaks = NULL;
  g_autoptr(GError) error = NULL;
  const double *typed;
  gboolean fixed;
  guint n_classes;
  gsize n_breaks;
  double factor;

  if (data == NULL)
    return;

  typed = tanlu_map_options_get_custom_breaks (self->options, &n_breaks);
  factor = display_factor (self);
  tanlu_classify_method_from_string (tanlu_map_options_get_method (self->options), &method);
  n_classes = tanlu_map_options_get_classes (self->options);
  fixed = tanlu_map_options_get_fixed_scale (self->options);

  breaks = g_new (double, MAX (n_breaks, 1));
  for (gsize i = 0; i < n_breaks; i++)
    breaks[i] = typed[i] / factor;
  if (method == TANLU_CLASSIFY_CUSTOM)
    n_classes = n_breaks + 1;

  if (fixed)
    {
      g_autoptr(TanluClassification) all =
        classify_all_years (self, method, n_classes, breaks, n_breaks, &error);

      if (all != NULL)
        tanlu_map_data_set_classification (data, all);
    }
  else
    tanlu_map_data_classify (data, method, n_classes, breaks, n_breaks, &error);

  /* Bad custom breaks fall back to quantiles, and say why. */
  if (error != NULL)
    {
      show_message (self, error->message);
      tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, MAX (3, MIN (n_classes, 9)), NULL, 0,
                               NULL);
    }

  tanlu_choropleth_layer_changed (self->layer);
  tanlu_map_inset_view_update (TANLU_MAP_INSET_VIEW (self->inset));
}

static void
update_year_bar (TanluMapPage *self)
{
  TanluMapData *data = current_data (self);
  GArray *years = data != NULL ? tanlu_map_data_get_years (data) : NULL;
  g_autofree char *label = NULL;

  if (years == NULL || years->len == 0)
    {
      gtk_label_set_text (self->year_label, "");
      return;
    }

  self->updating = TRUE;
  gtk_adjustment_configure (self->year_adjustment, tanlu_map_data_get_year (data),
                            g_array_index (years, guint, 0),
                            g_array_index (years, guint, years->len - 1), 1, 5, 0);
  self->updating = FALSE;

  label = g_strdup_printf ("%u", tanlu_map_data_get_year (data));
  gtk_label_set_text (self->year_label, label);
}

static TanluMapData *
map_for (TanluMapPage      *self,
         TanluRegionLevel   level,
         guint              parent_code,
         GError           **error)
{
  g_autofree char *key = g_strdup_printf ("%d:%u", level, parent_code);
  TanluMapData *data = g_hash_table_lookup (self->maps, key);

  if (data == NULL)
    {
      if (!(data = tanlu_map_data_new (get_store (self), level, parent_code, error)))
        return NULL;
      g_hash_table_insert (self->maps, g_steal_pointer (&key), data);
    }

  return data;
}

static void
update_selection (TanluMapPage *self)
{
  TanluContext *context = get_context (self);
  TanluRegion *region = context != NULL ? tanlu_context_get_region (context) : NULL;
  TanluMapData *data = current_data (self);
  guint code = 0;

  if (region != NULL && data != NULL)
    {
      code = tanlu_region_get_code (region);
      /* A city selected on the province map shows as its province. */
      if (tanlu_map_data_find_region (data, code) == NULL)
        code = tanlu_region_get_parent_code (region);
      if (tanlu_map_data_find_region (data, code) == NULL)
        code = 0;
    }

  tanlu_choropleth_layer_set_selected (self->layer, code);
}

/* Capitals mark where a province is governed from; on a map of cities
 * they would sit on the cities' own names. */
static void
update_marker_visibility (TanluMapPage *self)
{
  GList *markers = shumate_marker_layer_get_markers (self->marker_layer);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));

  for (GList *l = markers; l != NULL; l = l->next)
    {
      double where[2];

      if (g_strcmp0 (g_object_get_data (l->data, "kind"), "capital") == 0)
        gtk_widget_set_visible (l->data, self->level == TANLU_REGION_LEVEL_PROVINCE);
      if (!gtk_widget_get_visible (l->data))
        continue;

      where[0] = shumate_location_get_longitude (l->data);
      where[1] = shumate_location_get_latitude (l->data);
      g_array_append_vals (shown, where, 2);
    }
  g_list_free (markers);

  /* Half the marker's width and its outline (style.css), and a pixel. */
  tanlu_choropleth_layer_set_keep_clear (self->layer, (const double *) shown->data, shown->len / 2,
                                         7.5);
}

static char *
preset_name (TanluPreset preset,
             gboolean    in_chinese)
{
  return g_strdup (tanlu_preset_get_name (preset, in_chinese));
}

static char *
pathway_mode_title (guint    mode,
                    gboolean in_chinese)
{
  g_autofree char *name = preset_name (pathway_modes[mode].preset, in_chinese);
  g_autofree char *other = NULL;

  if (pathway_modes[mode].minus < 0)
    return in_chinese ? g_strdup_printf ("“%s”路径的二氧化碳排放", name)
                      : g_strdup_printf ("CO₂ emissions, the “%s” pathway", name);

  other = preset_name (pathway_modes[mode].minus, in_chinese);
  return in_chinese ? g_strdup_printf ("二氧化碳排放：“%s”减“%s”", name, other)
                    : g_strdup_printf ("CO₂ emissions, “%s” less “%s”", name, other);
}

/* Where a pathway map's figures come from: the pathways, the inventories
 * they start from and the GDP projections that drive them. */
static char *
pathway_source (TanluMapPage *self,
                gboolean      in_chinese)
{
  static const char * const keys[] = { "ceads-provinces", "ceads-cities", "gcam-china-projection" };
  g_autoptr(GString) text = g_string_new (
    in_chinese ? "碳路按各地区预设参数计算的排放路径，从最近的观测年起为预测，不是观测值"
               : "Pathways Tanlu computed from each region's presets, projected from its latest "
                 "observed year; not observations");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      TanluSource *source = tanlu_store_lookup_source (get_store (self), keys[i]);

      if (source == NULL || (i == 1) != (self->level == TANLU_REGION_LEVEL_CITY))
        continue;
      g_string_append_printf (text, "%s%s. %s", in_chinese ? "；" : "; ",
                              in_chinese ? tanlu_source_get_title_zh (source)
                                         : tanlu_source_get_title_en (source),
                              tanlu_source_get_citation (source));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Colours the map by a pathway mode: runs the presets of every region on
 * the map (regions without emissions have none) and hands the series to
 * the map. */
static gboolean
show_pathways (TanluMapPage  *self,
               TanluMapData  *data,
               guint          year,
               GError       **error)
{
  TanluPathwayLibrary *library = tanlu_context_get_pathways (get_context (self));
  g_autoptr(GHashTable) series = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *title_zh = NULL;
  g_autofree char *source_en = NULL;
  g_autofree char *source_zh = NULL;
  guint projected_from = G_MAXUINT;
  guint mode;

  for (mode = 0; mode < G_N_ELEMENTS (pathway_modes); mode++)
    if (g_str_equal (pathway_modes[mode].key, self->indicator))
      break;
  if (mode == G_N_ELEMENTS (pathway_modes))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no indicator “%s”"),
                   self->indicator);
      return FALSE;
    }

  /* The same mode on the same map only moves the year. */
  if (g_strcmp0 (tanlu_map_data_get_indicator (data), self->indicator) == 0 &&
      tanlu_map_data_get_external (data, FALSE, NULL, NULL, NULL))
    return tanlu_map_data_set_indicator (data, self->indicator, year, error);

  series = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluRegion *region = tanlu_map_data_get_region (data, i)->region;
      const char *key = tanlu_region_get_key (region);
      g_autoptr(TanluPathway) pathway = NULL;
      g_autoptr(TanluPathway) reference = NULL;
      GArray *points;

      pathway = tanlu_pathway_library_run_preset (library, key, pathway_modes[mode].preset, NULL);
      if (pathway != NULL && pathway_modes[mode].minus >= 0)
        reference = tanlu_pathway_library_run_preset (library, key, pathway_modes[mode].minus,
                                                      NULL);
      if (pathway == NULL || (pathway_modes[mode].minus >= 0 && reference == NULL))
        continue;

      /* History from the pathway's first year for values and changes;
       * a difference exists only where the pathways do. */
      points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
      for (guint y = reference != NULL ? pathway->base_year : pathway->first_year;
           y <= pathway->end_year; y++)
        {
          TanluSeriesPoint point = { y, tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, y), 0 };

          if (reference != NULL)
            point.value -= tanlu_pathway_get (reference, TANLU_PATHWAY_CO2, y);
          if (!isnan (point.value))
            g_array_append_val (points, point);
        }
      projected_from = MIN (projected_from, pathway->base_year + 1);
      g_hash_table_insert (series, GUINT_TO_POINTER (tanlu_region_get_code (region)), points);
    }

  title_en = pathway_mode_title (mode, FALSE);
  title_zh = pathway_mode_title (mode, TRUE);
  source_en = pathway_source (self, FALSE);
  source_zh = pathway_source (self, TRUE);
  tanlu_map_data_set_external (data, self->indicator, title_en, title_zh, "Mt CO₂", source_en,
                               source_zh, g_steal_pointer (&series),
                               projected_from == G_MAXUINT ? 0 : projected_from,
                               year != 0 ? year : 2030);
  return TRUE;
}

/* "target:co2_peak_year:2030" → the indicator and the year. */
static gboolean
parse_target_mode (const char  *key,
                   char       **indicator,
                   guint       *year)
{
  const char *rest;
  const char *colon;

  if (!g_str_has_prefix (key, TARGET_PREFIX))
    return FALSE;

  rest = key + strlen (TARGET_PREFIX);
  if ((colon = strrchr (rest, ':')) == NULL)
    return FALSE;

  *indicator = g_strndup (rest, colon - rest);
  *year = (guint) g_ascii_strtoull (colon + 1, NULL, 10);

  return *year != 0;
}

/* A target stated for a whole province or city, not a sector of it. */
static gboolean
is_region_target (TanluStore              *store,
                  const TanluPolicyTarget *target)
{
  TanluRegion *region = tanlu_store_lookup_region (store, target->region_code);

  return g_strcmp0 (target->scope, "region") == 0 && region != NULL &&
         (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_PROVINCE ||
          tanlu_region_get_level (region) == TANLU_REGION_LEVEL_CITY);
}

static char *
target_mode_title (const char *indicator,
                   guint       base_year,
                   gboolean    in_chinese)
{
  g_autofree char *name = tanlu_target_indicator_name (indicator, in_chinese);

  if (base_year != 0)
    return in_chinese ? g_strdup_printf ("目标：%s（较 %u 年）", name, base_year)
                      : g_strdup_printf ("Target: %s from %u", name, base_year);

  return in_chinese ? g_strdup_printf ("目标：%s", name) : g_strdup_printf ("Target: %s", name);
}

/* What a region's target stands for: the target as written, each plan
 * that states it, and what another plan states otherwise. */
static char *
target_note (GPtrArray *targets,
             gboolean   in_chinese)
{
  GString *note = g_string_new (NULL);

  for (guint i = 0; i < targets->len; i++)
    {
      const TanluPolicyTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *described = tanlu_target_describe (target, in_chinese);

      if (i > 0)
        g_string_append_c (note, '\n');
      g_string_append_printf (note, in_chinese ? "%s（《%s》）" : "%s (%s)", described,
                              target->document_title != NULL ? target->document_title
                                                             : target->document_id);
    }

  return g_string_free (note, FALSE);
}

/* Colours the map by the targets the regions' plans state for a year, as
 * written: where several plans of a region state one, the first listed
 * colours it and the tooltip names them all. A region whose plans state
 * none is shown as such, never as 0. */
static gboolean
show_targets (TanluMapPage  *self,
              TanluMapData  *data,
              GError       **error)
{
  TanluStore *store = get_store (self);
  g_autofree char *indicator = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) series = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *title_en = NULL;
  g_autofree char *title_zh = NULL;
  g_autofree char *source_en = NULL;
  g_autofree char *source_zh = NULL;
  g_autofree char *joined = NULL;
  const char *unit = NULL;
  guint year, base_year = 0;
  gboolean one_base = TRUE;

  if (!parse_target_mode (self->indicator, &indicator, &year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no indicator “%s”"),
                   self->indicator);
      return FALSE;
    }

  if (!(targets = tanlu_store_list_policy_targets (store, 0, indicator, error)))
    return FALSE;

  series = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      guint code = tanlu_region_get_code (tanlu_map_data_get_region (data, i)->region);
      g_autoptr(GPtrArray) stated = g_ptr_array_new ();
      const TanluPolicyTarget *first;
      TanluSeriesPoint point = { year, 0, 0 };
      GArray *points;

      for (guint t = 0; t < targets->len; t++)
        {
          const TanluPolicyTarget *target = g_ptr_array_index (targets, t);

          if (target->region_code == code && target->target_year == year &&
              is_region_target (store, target))
            g_ptr_array_add (stated, (gpointer) target);
        }
      if (stated->len == 0)
        continue;

      first = g_ptr_array_index (stated, 0);
      point.value = first->value;
      points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
      g_array_append_val (points, point);
      g_hash_table_insert (series, GUINT_TO_POINTER (code), points);
      g_hash_table_insert (notes, GUINT_TO_POINTER (code), target_note (stated, chinese ()));

      if (unit == NULL)
        {
          unit = first->unit;
          base_year = first->base_year;
        }
      one_base &= first->base_year == base_year;
      for (guint t = 0; t < stated->len; t++)
        {
          const TanluPolicyTarget *target = g_ptr_array_index (stated, t);

          if (target->document_title != NULL &&
              !g_hash_table_contains (documents, target->document_title))
            {
              g_hash_table_add (documents, target->document_title);
              g_ptr_array_add (titles, target->document_title);
            }
        }
    }
  g_ptr_array_add (titles, NULL);

  /* The base year, when every target shown is measured from the same. */
  title_en = target_mode_title (indicator, one_base ? base_year : 0, FALSE);
  title_zh = target_mode_title (indicator, one_base ? base_year : 0, TRUE);
  joined = g_strjoinv ("》《", (char **) titles->pdata);
  source_en = titles->len > 1
              ? g_strdup_printf ("Targets as written in the provinces' and cities' carbon-peak "
                                 "plans: 《%s》", joined)
              : g_strdup ("Targets as written in the provinces' and cities' carbon-peak plans");
  source_zh = titles->len > 1 ? g_strdup_printf ("目标摘自各地碳达峰方案原文：《%s》", joined)
                              : g_strdup ("目标摘自各地碳达峰方案原文");

  tanlu_map_data_set_external (data, self->indicator, title_en, title_zh,
                               unit != NULL && !g_str_has_suffix (indicator, "_year") ? unit : "",
                               source_en, source_zh, g_steal_pointer (&series), 0, year);
  tanlu_map_data_set_external_notes (data, "No stated target", "未提出目标",
                                     g_steal_pointer (&notes),
                                     g_str_has_suffix (indicator, "_year"));
  return TRUE;
}

/* Shows the current level, indicator and year with the chosen classes. */
static void
reload (TanluMapPage *self)
{
  g_autoptr(GError) error = NULL;
  TanluMapData *data;
  gboolean targets;
  guint year = 0;

  if (get_store (self) == NULL)
    return;

  if (!(data = map_for (self, self->level, self->parent_code, &error)))
    {
      show_message (self, error->message);
      return;
    }

  if (current_data (self) != NULL)
    year = tanlu_map_data_get_year (current_data (self));

  if (g_str_has_prefix (self->indicator, PATHWAY_PREFIX))
    {
      if (!show_pathways (self, data, year, &error))
        {
          show_message (self, error->message);
          return;
        }
    }
  else if (g_str_has_prefix (self->indicator, TARGET_PREFIX))
    {
      if (!show_targets (self, data, &error))
        {
          show_message (self, error->message);
          return;
        }
    }
  else if (!tanlu_map_data_set_indicator (data, self->indicator, year, &error))
    {
      show_message (self, error->message);
      return;
    }
  /* A target is a value for its year: there is no change to show. */
  targets = g_str_has_prefix (self->indicator, TARGET_PREFIX);
  tanlu_map_data_set_change_base (data,
                                  targets ? 0 : tanlu_map_options_get_change_base (self->options));
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_dropdown), !targets);

  tanlu_choropleth_layer_set_data (self->layer, data);
  set_style (self);
  classify (self);
  update_year_bar (self);
  update_selection (self);

  gtk_widget_set_visible (self->back_button, self->parent_code != 0);
  update_marker_visibility (self);
  self->updating = TRUE;
  gtk_toggle_button_set_active (self->level == TANLU_REGION_LEVEL_PROVINCE ? self->provinces_button
                                                                           : self->cities_button,
                                TRUE);
  self->updating = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Years */

static void
on_year_changed_cb (TanluMapPage *self)
{
  TanluMapData *data = current_data (self);
  guint year = (guint) round (gtk_adjustment_get_value (self->year_adjustment));

  if (self->updating || data == NULL || year == tanlu_map_data_get_year (data))
    return;

  tanlu_map_page_set_year (self, year);
}

static gboolean
play_next_year_cb (gpointer user_data)
{
  TanluMapPage *self = user_data;
  TanluMapData *data = current_data (self);
  GArray *years = data != NULL ? tanlu_map_data_get_years (data) : NULL;

  for (guint i = 0; years != NULL && i + 1 < years->len; i++)
    if (g_array_index (years, guint, i) == tanlu_map_data_get_year (data))
      {
        tanlu_map_page_set_year (self, g_array_index (years, guint, i + 1));
        return G_SOURCE_CONTINUE;
      }

  self->play_id = 0;
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, _("Play the Years"));

  return G_SOURCE_REMOVE;
}

static void
play (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);
  TanluMapData *data = current_data (self);
  GArray *years;

  if (self->play_id != 0)
    {
      g_clear_handle_id (&self->play_id, g_source_remove);
      gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-start-symbolic");
      gtk_widget_set_tooltip_text (self->play_button, _("Play the Years"));
      return;
    }

  if (data == NULL || (years = tanlu_map_data_get_years (data))->len == 0)
    return;

  /* From the start when at the end. */
  if (tanlu_map_data_get_year (data) == g_array_index (years, guint, years->len - 1))
    tanlu_map_page_set_year (self, g_array_index (years, guint, 0));

  self->play_id = g_timeout_add (PLAY_INTERVAL_MS, play_next_year_cb, self);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, _("Pause"));
}

/* ------------------------------------------------------------------------ */
/* Levels */

static void
on_level_toggled_cb (TanluMapPage *self)
{
  if (self->updating)
    return;

  tanlu_map_page_show_level (self,
                             gtk_toggle_button_get_active (self->provinces_button)
                             ? TANLU_REGION_LEVEL_PROVINCE : TANLU_REGION_LEVEL_CITY,
                             0);
  show_map_bounds (self, TRUE);
}

static void
back (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);

  tanlu_map_page_show_level (self, TANLU_REGION_LEVEL_PROVINCE, 0);
  show_map_bounds (self, TRUE);
}

static void
on_region_activated_cb (TanluMapPage *self,
                        guint         code)
{
  TanluRegion *region = tanlu_store_lookup_region (get_store (self), code);

  if (region != NULL && get_context (self) != NULL)
    tanlu_context_set_region (get_context (self), region);
}

/* Escape on the map, as the back button. */
static void
on_region_closed_cb (TanluMapPage *self,
                     guint         code)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "map.back", NULL);
}

static void
on_region_opened_cb (TanluMapPage *self,
                     guint         code)
{
  if (self->level != TANLU_REGION_LEVEL_PROVINCE)
    return;

  tanlu_map_page_show_level (self, TANLU_REGION_LEVEL_CITY, code);
  show_map_bounds (self, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Export */

static TanluExportable *
create_exportable (TanluMapPage *self,
                   gboolean      whole)
{
  TanluMapPicture picture = { 0 };

  picture.data = current_data (self);
  picture.basemap = self->basemap;
  picture.style = *tanlu_choropleth_layer_get_style (self->layer);
  picture.use_view = !whole;
  tanlu_choropleth_layer_get_view (self->layer, &picture.view);

  return tanlu_map_exportable_new (&picture, tanlu_map_options_get_approval_number (self->options));
}

static void
export_map (TanluMapPage *self,
            gboolean      whole)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(TanluExportable) exportable = NULL;

  if (current_data (self) == NULL)
    return;

  exportable = create_exportable (self, whole);
  tanlu_export_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, exportable,
                               gtk_widget_get_width (GTK_WIDGET (self->map)),
                               gtk_widget_get_height (GTK_WIDGET (self->map)));
}

static void
export_view (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  export_map (TANLU_MAP_PAGE (widget), FALSE);
}

static void
export_whole (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  export_map (TANLU_MAP_PAGE (widget), TRUE);
}

static void
copy_map (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  TanluMapPage *self = TANLU_MAP_PAGE (widget);
  g_autoptr(TanluExportable) exportable = NULL;
  g_autoptr(GError) error = NULL;

  if (current_data (self) == NULL)
    return;

  exportable = create_exportable (self, FALSE);
  if (!tanlu_export_copy (GTK_WIDGET (self->map), exportable, &error))
    show_message (self, error->message);
}

/* ------------------------------------------------------------------------ */
/* Markers */

static const char *
site_glyph (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (site_statuses); i++)
    if (g_strcmp0 (site_statuses[i].status, status) == 0)
      return site_statuses[i].glyph;

  return "";
}

static GtkWidget *
create_marker_widget (const TanluMapMarker *marker)
{
  g_autofree char *css_class = g_strdup_printf ("map-marker-%s", marker->kind);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "map-marker");
  gtk_widget_add_css_class (dot, css_class);
  if (marker->variant != NULL)
    {
      g_autofree char *variant_class =
        g_strdup_printf ("map-marker-%s-%s", marker->kind, marker->variant);

      gtk_widget_add_css_class (dot, variant_class);
    }

  /* A site's status is also a glyph, for those who do not see colours. */
  if (g_strcmp0 (marker->kind, "site") == 0 && *site_glyph (marker->variant) != '\0')
    {
      GtkWidget *glyph = gtk_label_new (site_glyph (marker->variant));

      gtk_widget_set_hexpand (glyph, TRUE);
      gtk_widget_set_can_target (glyph, FALSE);
      gtk_box_append (GTK_BOX (dot), glyph);
    }

  gtk_widget_set_tooltip_text (dot, marker->tooltip != NULL ? marker->tooltip : marker->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  marker->tooltip != NULL ? marker->tooltip : marker->label, -1);

  return dot;
}

/* Markers at one place stand around it in a sunflower spiral, the first
 * on the place, the next ones further out. Zoomed in on a few provinces
 * they stand apart, so that each can be pointed at; over the whole country
 * they pile up closer, not to bury the provinces under them. */
static void
place_marker (TanluMapPage  *self,
              ShumateMarker *marker)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double scale = 256 * pow (2, zoom);
  double *home = g_object_get_data (G_OBJECT (marker), "home");
  guint slot = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (marker), "slot"));
  double x, y, longitude, latitude;
  double spacing = MARKER_SPACING * CLAMP (pow (2, zoom - SPREAD_ZOOM), 0.3, 1);
  double radius = spacing * 0.62 * sqrt (slot);
  double angle = slot * 2.399963;   /* the golden angle */

  tanlu_mercator_project (home[0], home[1], &x, &y);
  x += radius * cos (angle) / scale;
  y += radius * sin (angle) / scale;
  tanlu_mercator_unproject (x, y, &longitude, &latitude);
  shumate_location_set_location (SHUMATE_LOCATION (marker), latitude, longitude);
}

static void
on_zoom_changed_cb (TanluMapPage *self)
{
  GList *markers = shumate_marker_layer_get_markers (self->marker_layer);

  for (GList *l = markers; l != NULL; l = l->next)
    if (GPOINTER_TO_UINT (g_object_get_data (l->data, "slot")) != 0)
      place_marker (self, l->data);
  g_list_free (markers);
}

/* The sites' legend: each status, its marker and how many are shown. */
static void
update_sites_legend (TanluMapPage *self)
{
  GList *markers = shumate_marker_layer_get_markers (self->marker_layer);
  guint counts[G_N_ELEMENTS (site_statuses)] = { 0 };
  gboolean any = FALSE;

  for (GList *l = markers; l != NULL; l = l->next)
    {
      const char *variant = g_object_get_data (l->data, "variant");

      if (g_strcmp0 (g_object_get_data (l->data, "kind"), "site") != 0)
        continue;
      any = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (site_statuses); i++)
        counts[i] += g_strcmp0 (site_statuses[i].status, variant) == 0;
    }
  g_list_free (markers);

  for (guint i = 0; i < G_N_ELEMENTS (site_statuses); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "%s (%u)", tanlu_tracker_status_name (site_statuses[i].status, chinese ()), counts[i]);

      gtk_label_set_text (self->site_counts[i], text);
    }
  gtk_widget_set_visible (self->sites_legend, any);
}

static guint
site_status_rank (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (site_statuses); i++)
    if (g_strcmp0 (site_statuses[i].status, status) == 0)
      return i;

  return 0;
}

static int
compare_site_markers (gconstpointer a,
                      gconstpointer b)
{
  const TanluMapMarker *x = *(TanluMapMarker * const *) a;
  const TanluMapMarker *y = *(TanluMapMarker * const *) b;
  guint x_rank = site_status_rank (x->variant);
  guint y_rank = site_status_rank (y->variant);

  return (x_rank > y_rank) - (x_rank < y_rank);
}

static void
update_sites (TanluMapPage *self)
{
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) error = NULL;

  tanlu_map_page_remove_markers (self, "site");

  if (get_store (self) != NULL && self->loaded && tanlu_map_options_get_sites (self->options))
    {
      if (!(sites = tanlu_map_list_sites (get_store (self), chinese (), &error)))
        show_message (self, error->message);
      /* Sites whose task moved on go last: on top, and outermost where
       * several stand at one place. */
      if (sites != NULL)
        g_ptr_array_sort (sites, compare_site_markers);
      for (guint i = 0; sites != NULL && i < sites->len; i++)
        tanlu_map_page_add_marker (self, g_ptr_array_index (sites, i));
    }

  update_sites_legend (self);
}

static GtkWidget *
create_sites_legend (TanluMapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* In the language of the map's other words, as the statuses are. */
  GtkWidget *title = gtk_label_new (chinese () ? "成渝联合行动点位" : "Joint-action sites");

  /* Beside the zoom buttons, above where the choropleth's legend may go. */
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_end (box, 64);
  gtk_widget_add_css_class (box, "map-toolbar");
  gtk_widget_add_css_class (box, "map-sites-legend");
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < G_N_ELEMENTS (site_statuses); i++)
    {
      TanluMapMarker sample = { .kind = (char *) "site",
                                .variant = (char *) site_statuses[i].status };
      GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *marker = create_marker_widget (&sample);

      gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
      gtk_widget_set_has_tooltip (marker, FALSE);
      gtk_box_append (GTK_BOX (entry), marker);
      self->site_counts[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_box_append (GTK_BOX (entry), GTK_WIDGET (self->site_counts[i]));
      gtk_box_append (GTK_BOX (box), entry);
    }
  gtk_widget_set_visible (box, FALSE);

  return box;
}

static void
update_capitals (TanluMapPage *self)
{
  g_autoptr(GPtrArray) capitals = NULL;

  tanlu_map_page_remove_markers (self, "capital");

  if (get_store (self) == NULL || !tanlu_map_options_get_capitals (self->options))
    return;

  capitals = tanlu_map_list_capitals (get_store (self), chinese (), NULL);
  for (guint i = 0; capitals != NULL && i < capitals->len; i++)
    tanlu_map_page_add_marker (self, g_ptr_array_index (capitals, i));
}

/* ------------------------------------------------------------------------ */
/* Map sources */

/* A map source set after the overlay layers would be drawn over them. */
static void
set_map_source (TanluMapPage     *self,
                ShumateMapSource *source)
{
  gboolean first = shumate_simple_map_get_map_source (self->map) == NULL;

  shumate_simple_map_set_map_source (self->map, source);

  if (first)
    {
      g_object_ref (self->layer);
      g_object_ref (self->marker_layer);
      shumate_simple_map_remove_overlay_layer (self->map, SHUMATE_LAYER (self->marker_layer));
      shumate_simple_map_remove_overlay_layer (self->map, SHUMATE_LAYER (self->layer));
      shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->layer));
      shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->marker_layer));
      g_object_unref (self->layer);
      g_object_unref (self->marker_layer);
    }
}

static void
update_map_source (TanluMapPage *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (tanlu_map_options_get_online_layer (self->options))
    {
      if (self->online_source == NULL)
        self->online_source = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
          "osm-mapnik", _("OpenStreetMap"), _("Map data © OpenStreetMap contributors"),
          "https://www.openstreetmap.org/copyright", 0, 18, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
          OSM_URL));
      set_map_source (self, self->online_source);
      return;
    }

  if (self->basemap == NULL)
    return;

  if (self->sources[dark] == NULL)
    self->sources[dark] = SHUMATE_MAP_SOURCE (tanlu_basemap_source_new (self->basemap, dark));
  set_map_source (self, self->sources[dark]);
}

static void
ensure_basemap (TanluMapPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->basemap != NULL || get_store (self) == NULL)
    return;

  if (!(self->basemap = tanlu_basemap_new_from_store (get_store (self), &error)))
    g_warning ("Could not load the basemap: %s", error->message);

  tanlu_map_inset_view_set_basemap (TANLU_MAP_INSET_VIEW (self->inset), self->basemap);
  update_map_source (self);
}

/* ------------------------------------------------------------------------ */
/* Options */

static void
sync_option_widgets (TanluMapPage *self)
{
  const char *method = tanlu_map_options_get_method (self->options);
  guint base = tanlu_map_options_get_change_base (self->options);
  g_autoptr(GString) typed = g_string_new (NULL);
  const double *breaks;
  gsize n_breaks;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    if (g_strcmp0 (method, method_keys[i]) == 0)
      gtk_drop_down_set_selected (self->method_dropdown, i);
  for (guint i = 0; i < G_N_ELEMENTS (change_bases); i++)
    if (change_bases[i] == base)
      gtk_drop_down_set_selected (self->show_dropdown, i);
  gtk_drop_down_set_selected (
    self->palette_dropdown,
    g_strcmp0 (tanlu_map_options_get_palette (self->options), "diverging") == 0);

  breaks = tanlu_map_options_get_custom_breaks (self->options, &n_breaks);
  for (gsize i = 0; i < n_breaks; i++)
    g_string_append_printf (typed, i > 0 ? ", %g" : "%g", breaks[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->breaks_entry), typed->str);
  gtk_widget_set_visible (GTK_WIDGET (self->breaks_entry), g_strcmp0 (method, "custom") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->classes_spin), g_strcmp0 (method, "custom") != 0);

  self->updating = FALSE;
}

static void
on_options_changed_cb (TanluMapPage *self,
                       GParamSpec   *pspec)
{
  const char *name = pspec->name;

  sync_option_widgets (self);

  if (g_str_equal (name, "online-layer"))
    update_map_source (self);
  else if (g_str_equal (name, "capitals"))
    update_capitals (self);
  else if (g_str_equal (name, "sites"))
    update_sites (self);
  else if (g_str_equal (name, "change-base"))
    reload (self);
  else if (!g_str_equal (name, "approval-number"))
    {
      set_style (self);
      classify (self);
    }
}

static void
on_indicator_selected_cb (TanluMapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->indicator_dropdown);

  if (self->updating || selected >= self->indicator_codes->len)
    return;

  g_free (self->indicator);
  self->indicator = g_strdup (g_ptr_array_index (self->indicator_codes, selected));
  reload (self);
}

static void
on_show_selected_cb (TanluMapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->show_dropdown);

  if (self->updating || selected >= G_N_ELEMENTS (change_bases))
    return;

  /* Changes read best in a diverging palette. */
  g_object_set (self->options,
                "palette", change_bases[selected] != 0 ? "diverging" : "sequential",
                "change-base", change_bases[selected],
                NULL);
}

static void
on_method_selected_cb (TanluMapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->method_dropdown);

  if (!self->updating && selected < G_N_ELEMENTS (method_keys))
    g_object_set (self->options, "method", method_keys[selected], NULL);
}

static void
on_palette_selected_cb (TanluMapPage *self)
{
  if (!self->updating)
    g_object_set (
      self->options, "palette",
      gtk_drop_down_get_selected (self->palette_dropdown) == 0 ? "sequential" : "diverging", NULL);
}

/* Breaks as typed, "100, 250, 500", in the units shown. */
static void
on_breaks_activate_cb (TanluMapPage *self)
{
  g_auto(GStrv) parts =
    g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->breaks_entry)), ",;， ", -1);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double value;

      if (*parts[i] == '\0')
        continue;
      value = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), parts[i]);

          show_message (self, message);
          return;
        }
      g_array_append_val (breaks, value);
    }

  g_object_set (
    self->options, "custom-breaks",
    g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, breaks->data, breaks->len, sizeof (double)),
    NULL);
}

static GtkWidget *
option_row (GtkWidget  *box,
            const char *title,
            GtkWidget  *child)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), child);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), child);
  gtk_box_append (GTK_BOX (box), row);

  return row;
}

static int
compare_target_modes (gconstpointer a,
                      gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  g_autofree char *x_indicator = NULL;
  g_autofree char *y_indicator = NULL;
  guint x_year = 0, y_year = 0, x_rank, y_rank;

  parse_target_mode (x, &x_indicator, &x_year);
  parse_target_mode (y, &y_indicator, &y_year);
  for (x_rank = 0; x_rank < G_N_ELEMENTS (main_targets); x_rank++)
    if (g_str_equal (main_targets[x_rank], x_indicator))
      break;
  for (y_rank = 0; y_rank < G_N_ELEMENTS (main_targets); y_rank++)
    if (g_str_equal (main_targets[y_rank], y_indicator))
      break;

  if (x_rank != y_rank)
    return x_rank < y_rank ? -1 : 1;
  if (!g_str_equal (x_indicator, y_indicator))
    return g_strcmp0 (x_indicator, y_indicator);

  return (x_year > y_year) - (x_year < y_year);
}

/* A target mode for each indicator of the vocabulary and year for which
 * the library holds a whole province's or city's target. */
static void
append_target_modes (TanluMapPage  *self,
                     GtkStringList *names,
                     guint         *selected)
{
  g_autoptr(GPtrArray) targets = tanlu_store_list_policy_targets (get_store (self), 0, NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TanluPolicyTarget *target = g_ptr_array_index (targets, i);
      char *key;

      if (g_str_has_prefix (target->indicator, "other:") || target->target_year == 0 ||
          !is_region_target (get_store (self), target))
        continue;

      key = g_strdup_printf (TARGET_PREFIX "%s:%u", target->indicator, target->target_year);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, compare_target_modes);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *indicator = NULL;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      guint year;

      parse_target_mode (key, &indicator, &year);
      name = tanlu_target_indicator_name (indicator, chinese ());
      title = chinese () ? g_strdup_printf ("目标：%u 年%s", year, name)
                         : g_strdup_printf ("Target: %s, %u", name, year);

      if (g_str_equal (key, self->indicator))
        *selected = self->indicator_codes->len;
      g_ptr_array_add (self->indicator_codes, g_strdup (key));
      gtk_string_list_append (names, title);
    }
}

static void
fill_indicators (TanluMapPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) indicators = NULL;
  guint selected = 0;

  if (get_store (self) == NULL)
    return;

  indicators = tanlu_store_list_indicators (get_store (self));
  g_ptr_array_set_size (self->indicator_codes, 0);
  for (guint i = 0; i < indicators->len; i++)
    {
      TanluIndicator *indicator = g_ptr_array_index (indicators, i);

      if (g_str_equal (tanlu_indicator_get_code (indicator), self->indicator))
        selected = self->indicator_codes->len;
      g_ptr_array_add (self->indicator_codes, g_strdup (tanlu_indicator_get_code (indicator)));
      gtk_string_list_append (names, tanlu_indicator_get_name (indicator));
    }

  for (guint mode = 0; mode < G_N_ELEMENTS (pathway_modes); mode++)
    {
      g_autofree char *title = pathway_mode_title (mode, chinese ());

      if (g_str_equal (pathway_modes[mode].key, self->indicator))
        selected = self->indicator_codes->len;
      g_ptr_array_add (self->indicator_codes, g_strdup (pathway_modes[mode].key));
      gtk_string_list_append (names, title);
    }

  append_target_modes (self, names, &selected);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->indicator_dropdown, selected);
  self->updating = FALSE;
}

static void
create_options (TanluMapPage *self)
{
  const char *shows[] = { _("Values"), _("Change since 2005"), _("Change since 2015"),
                          _("Change since 2019, the latest observed year"), NULL };
  const char *method_names[] = { _("Quantiles"), _("Equal intervals"),
                                 _("Natural breaks (Jenks)"), _("Custom breaks"), NULL };
  const char *palettes[] = { _("Sequential"), _("Diverging"), NULL };
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* Some sixty sectors, the pathways and the targets: typing filters them */
  self->indicator_dropdown = GTK_DROP_DOWN (
    gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->indicator_dropdown, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->indicator_dropdown), 220, -1);
  option_row (box, _("_Indicator"), GTK_WIDGET (self->indicator_dropdown));
  g_signal_connect_object (self->indicator_dropdown, "notify::selected",
                           G_CALLBACK (on_indicator_selected_cb), self, G_CONNECT_SWAPPED);

  self->show_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (shows));
  option_row (box, _("_Show"), GTK_WIDGET (self->show_dropdown));

  self->method_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (method_names));
  option_row (box, _("_Classes"), GTK_WIDGET (self->method_dropdown));

  self->classes_spin = GTK_SPIN_BUTTON (
    gtk_spin_button_new_with_range (TANLU_CLASSIFY_MIN_CLASSES, TANLU_CLASSIFY_MAX_CLASSES, 1));
  option_row (box, _("_Number of classes"), GTK_WIDGET (self->classes_spin));

  self->breaks_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->breaks_entry, _("Breaks, such as 100, 250, 500"));
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->breaks_entry),
    _("The values between classes, in the units shown; press Enter to apply"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->breaks_entry));
  g_signal_connect_object (self->breaks_entry, "activate", G_CALLBACK (on_breaks_activate_cb), self,
                           G_CONNECT_SWAPPED);

  self->palette_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (palettes));
  option_row (box, _("Co_lours"), GTK_WIDGET (self->palette_dropdown));

  self->fixed_check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Same classes for _every year")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fixed_check));
  self->labels_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Region _names")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->labels_check));
  self->capitals_check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Provincial ca_pitals")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->capitals_check));
  self->sites_check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Joint-action sites")));
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->sites_check),
    _("The sites the Chengdu–Chongqing joint carbon-peak plan’s tasks name, by the status of "
      "their task"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sites_check));

  sync_option_widgets (self);
  g_object_bind_property (self->options, "classes", self->classes_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->options, "fixed-scale", self->fixed_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->options, "labels", self->labels_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->options, "capitals", self->capitals_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->options, "sites", self->sites_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->show_dropdown, "notify::selected",
                           G_CALLBACK (on_show_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->method_dropdown, "notify::selected",
                           G_CALLBACK (on_method_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette_dropdown, "notify::selected",
                           G_CALLBACK (on_palette_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->options_button, popover);
}

/* ------------------------------------------------------------------------ */

/* The basemap and the regions' projections are made the first time the
 * page is shown, not while the window opens on another page. */
static void
load (TanluMapPage *self)
{
  if (self->loaded || get_context (self) == NULL)
    return;

  self->loaded = TRUE;
  ensure_basemap (self);
  fill_indicators (self);
  reload (self);
  update_capitals (self);
  update_sites (self);
}

static void
tanlu_map_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tanlu_map_page_parent_class)->map (widget);

  load (TANLU_MAP_PAGE (widget));
}

/* What was drawn from another database goes. */
static void
tanlu_map_page_context_changed (TanluContextView *view)
{
  TanluMapPage *self = TANLU_MAP_PAGE (view);

  tanlu_choropleth_layer_set_data (self->layer, NULL);
  g_hash_table_remove_all (self->maps);
  tanlu_map_page_remove_markers (self, NULL);
  self->loaded = FALSE;

  if (get_context (self) != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

static void
tanlu_map_page_region_changed (TanluContextView *view)
{
  TanluMapPage *self = TANLU_MAP_PAGE (view);

  update_selection (self);
}

static void
tanlu_map_page_tracker_changed (TanluContextView *view,
                                guint             task)
{
  update_sites (TANLU_MAP_PAGE (view));
}

static void
tanlu_map_page_data_changed (TanluContextView *view)
{
  TanluMapPage *self = TANLU_MAP_PAGE (view);

  if (!self->loaded)
    return;

  /* Imports may bring new values, years and indicators. */
  tanlu_choropleth_layer_set_data (self->layer, NULL);
  g_hash_table_remove_all (self->maps);
  fill_indicators (self);
  reload (self);
  update_sites (self);
}

static void
on_dark_changed_cb (TanluMapPage *self)
{
  update_map_source (self);
  tanlu_map_inset_view_update (TANLU_MAP_INSET_VIEW (self->inset));
}

static void
tanlu_map_page_dispose (GObject *object)
{
  TanluMapPage *self = (TanluMapPage *)object;

  g_clear_handle_id (&self->play_id, g_source_remove);
  if (self->fit_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick_id);
  self->fit_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_MAP_PAGE);

  /* The overlay at the top of the template has no name to be disposed by. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_pointer (&self->maps, g_hash_table_unref);
  g_clear_pointer (&self->indicator_codes, g_ptr_array_unref);
  g_clear_object (&self->sources[0]);
  g_clear_object (&self->sources[1]);
  g_clear_object (&self->online_source);
  g_clear_pointer (&self->basemap, tanlu_basemap_unref);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (tanlu_map_page_parent_class)->dispose (object);
}

static void
tanlu_map_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TanluMapPage *self = TANLU_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_OPTIONS:
      g_value_set_object (value, self->options);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_map_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_OPTIONS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_map_page_class_init (TanluMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_map_page_dispose;
  object_class->get_property = tanlu_map_page_get_property;
  object_class->set_property = tanlu_map_page_set_property;

  widget_class->map = tanlu_map_page_map;

  view_class->context_changed = tanlu_map_page_context_changed;
  view_class->region_changed = tanlu_map_page_region_changed;
  view_class->data_changed = tanlu_map_page_data_changed;
  view_class->tracker_changed = tanlu_map_page_tracker_changed;

  /**
   * TanluMapPage:options:
   *
   * How the page colours and marks the regions.
   */
  properties[PROP_OPTIONS] =
    g_param_spec_object ("options", NULL, NULL, TANLU_TYPE_MAP_OPTIONS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, provinces_button);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, cities_button);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, options_button);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TanluMapPage, year_label);
  gtk_widget_class_bind_template_callback (widget_class, on_level_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);

  gtk_widget_class_install_action (widget_class, "map.back", NULL, back);
  gtk_widget_class_install_action (widget_class, "map.show-china", NULL, show_china);
  gtk_widget_class_install_action (widget_class, "map.show-circle", NULL, show_circle);
  gtk_widget_class_install_action (widget_class, "map.play", NULL, play);
  gtk_widget_class_install_action (widget_class, "map.export-view", NULL, export_view);
  gtk_widget_class_install_action (widget_class, "map.export-whole", NULL, export_whole);
  gtk_widget_class_install_action (widget_class, "map.copy", NULL, copy_map);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "map.export-view",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "map.play", NULL);

  gtk_widget_class_set_css_name (widget_class, "mappage");
}

static void
tanlu_map_page_init (TanluMapPage *self)
{
  ShumateViewport *viewport;
  ShumateMap *map;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->options = tanlu_map_options_new ();

  self->maps =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) tanlu_map_data_unref);
  self->indicator_codes = g_ptr_array_new_with_free_func (g_free);
  self->indicator = g_strdup (TANLU_INDICATOR_CO2_TOTAL);
  self->level = TANLU_REGION_LEVEL_PROVINCE;

  map = shumate_simple_map_get_map (self->map);
  viewport = shumate_simple_map_get_viewport (self->map);
  shumate_map_set_zoom_on_double_click (map, FALSE);
  /* Chinese maps give distances in kilometres only */
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);
  shumate_viewport_set_min_zoom_level (viewport, 2);
  shumate_viewport_set_max_zoom_level (viewport, 12);
  /* Web Mercator maps are not turned; north stays up. */
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_compass (self->map)), FALSE);
  shumate_license_set_extra_text (
    shumate_simple_map_get_license (self->map),
    _("Boundaries are schematic (示意), not an authoritative depiction"));

  self->layer = tanlu_choropleth_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->layer));
  g_signal_connect_object (self->layer, "region-activated", G_CALLBACK (on_region_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "region-opened", G_CALLBACK (on_region_opened_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "region-closed", G_CALLBACK (on_region_closed_cb), self,
                           G_CONNECT_SWAPPED);

  self->marker_layer = shumate_marker_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->marker_layer));
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The South China Sea Islands inset and the sites' legend go on the
   * template's overlay. */
  self->inset = tanlu_map_inset_view_new (self->layer);
  gtk_overlay_add_overlay (GTK_OVERLAY (gtk_widget_get_first_child (GTK_WIDGET (self))),
                           self->inset);
  self->sites_legend = create_sites_legend (self);
  gtk_overlay_add_overlay (GTK_OVERLAY (gtk_widget_get_first_child (GTK_WIDGET (self))),
                           self->sites_legend);

  create_options (self);

  g_signal_connect_object (self->options, "notify", G_CALLBACK (on_options_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  self->fit_tick_id =
    gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_on_first_size_cb, NULL, NULL);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_map_page_get_options:
 *
 * Returns: (transfer none): how the page colours and marks the regions
 */
TanluMapOptions *
tanlu_map_page_get_options (TanluMapPage *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_PAGE (self), NULL);

  return self->options;
}

/**
 * _tanlu_map_page_get_layer:
 *
 * Returns: (transfer none): the choropleth layer
 */
GtkWidget *
_tanlu_map_page_get_layer (TanluMapPage *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_PAGE (self), NULL);

  return GTK_WIDGET (self->layer);
}

/**
 * _tanlu_map_page_get_inset:
 *
 * Returns: (transfer none): the South China Sea Islands inset
 */
GtkWidget *
_tanlu_map_page_get_inset (TanluMapPage *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_PAGE (self), NULL);

  return self->inset;
}

/**
 * tanlu_map_page_show_level:
 * @parent_code: for cities, the province whose cities are shown, or 0
 *   for all
 *
 * Shows the provinces or the cities.
 */
void
tanlu_map_page_show_level (TanluMapPage     *self,
                           TanluRegionLevel  level,
                           guint             parent_code)
{
  g_return_if_fail (TANLU_IS_MAP_PAGE (self));
  g_return_if_fail (level == TANLU_REGION_LEVEL_PROVINCE || level == TANLU_REGION_LEVEL_CITY);

  self->level = level;
  self->parent_code = level == TANLU_REGION_LEVEL_CITY ? parent_code : 0;
  reload (self);
}

/**
 * tanlu_map_page_set_year:
 *
 * Shows the values of @year, reclassified unless the classes are fixed.
 */
void
tanlu_map_page_set_year (TanluMapPage *self,
                         guint         year)
{
  TanluMapData *data;

  g_return_if_fail (TANLU_IS_MAP_PAGE (self));

  if ((data = current_data (self)) == NULL ||
      !tanlu_map_data_set_indicator (data, tanlu_map_data_get_indicator (data), year, NULL))
    return;

  if (tanlu_map_options_get_fixed_scale (self->options) &&
      tanlu_map_data_get_classification (data) != NULL)
    {
      g_autoptr(TanluClassification) kept =
        tanlu_classification_copy (tanlu_map_data_get_classification (data));

      tanlu_map_data_set_classification (data, kept);
      tanlu_choropleth_layer_changed (self->layer);
      tanlu_map_inset_view_update (TANLU_MAP_INSET_VIEW (self->inset));
    }
  else
    classify (self);

  update_year_bar (self);
}

/**
 * tanlu_map_page_add_marker:
 *
 * Puts @marker on the map, drawn by its kind.
 */
void
tanlu_map_page_add_marker (TanluMapPage         *self,
                           const TanluMapMarker *marker)
{
  ShumateMarker *widget;

  g_return_if_fail (TANLU_IS_MAP_PAGE (self));
  g_return_if_fail (marker != NULL);

  widget = shumate_marker_new ();
  shumate_location_set_location (SHUMATE_LOCATION (widget), marker->latitude, marker->longitude);
  shumate_marker_set_child (widget, create_marker_widget (marker));
  g_object_set_data_full (G_OBJECT (widget), "kind", g_strdup (marker->kind), g_free);
  g_object_set_data_full (G_OBJECT (widget), "variant", g_strdup (marker->variant), g_free);

  /* Around the markers already at the same place. */
  {
    GList *markers = shumate_marker_layer_get_markers (self->marker_layer);
    double *home = g_new (double, 2);
    guint slot = 0;

    home[0] = marker->longitude;
    home[1] = marker->latitude;
    for (GList *l = markers; l != NULL; l = l->next)
      {
        double *other = g_object_get_data (l->data, "home");

        slot += other != NULL && other[0] == home[0] && other[1] == home[1];
      }
    g_list_free (markers);

    g_object_set_data_full (G_OBJECT (widget), "home", home, g_free);
    g_object_set_data (G_OBJECT (widget), "slot", GUINT_TO_POINTER (slot));
    if (slot != 0)
      place_marker (self, widget);
  }

  shumate_marker_layer_add_marker (self->marker_layer, widget);
  update_marker_visibility (self);
}

/**
 * tanlu_map_page_remove_markers:
 * @kind: (nullable): the kind of markers to remove, or %NULL for all
 */
void
tanlu_map_page_remove_markers (TanluMapPage *self,
                               const char   *kind)
{
  GList *markers;

  g_return_if_fail (TANLU_IS_MAP_PAGE (self));

  markers = shumate_marker_layer_get_markers (self->marker_layer);
  for (GList *l = markers; l != NULL; l = l->next)
    if (kind == NULL || g_strcmp0 (g_object_get_data (l->data, "kind"), kind) == 0)
      shumate_marker_layer_remove_marker (self->marker_layer, l->data);
  g_list_free (markers);
  update_marker_visibility (self);
  update_sites_legend (self);
}

/**
 * _tanlu_map_page_list_markers:
 * @kind: (nullable): the kind of markers, or %NULL for all
 *
 * Returns: (transfer container) (element-type GtkWidget): the widgets that
 *   draw the markers of @kind, which carry their tooltips
 */
GPtrArray *
_tanlu_map_page_list_markers (TanluMapPage *self,
                              const char   *kind)
{
  GList *markers;
  GPtrArray *widgets = g_ptr_array_new ();

  g_return_val_if_fail (TANLU_IS_MAP_PAGE (self), NULL);

  markers = shumate_marker_layer_get_markers (self->marker_layer);
  for (GList *l = markers; l != NULL; l = l->next)
    if (kind == NULL || g_strcmp0 (g_object_get_data (l->data, "kind"), kind) == 0)
      g_ptr_array_add (widgets, shumate_marker_get_child (l->data));
  g_list_free (markers);

  return widgets;
}

/**
 * _tanlu_map_page_show_indicator:
 * @code: an indicator's code, or a pathway mode such as "pathway:targets"
 *
 * Chooses what the map shows, as the options' Indicator list does.
 */
void
_tanlu_map_page_show_indicator (TanluMapPage *self,
                                const char   *code)
{
  for (guint i = 0; i < self->indicator_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->indicator_codes, i), code))
      {
        gtk_drop_down_set_selected (self->indicator_dropdown, i);
        return;
      }

  g_return_if_reached ();
}
