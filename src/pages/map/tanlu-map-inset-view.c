/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map-inset-view"

#include "config.h"

#include "tanlu-map-inset-view.h"
#include "map/tanlu-map-draw.h"
#include "map/tanlu-map-inset.h"

/* The South China Sea Islands inset of the Map page: laid over the whole
 * map and letting the pointer through, it draws the inset at the lower
 * right, with the map's regions and style, and is shown only while the
 * view holds the whole country, as in exported maps. */

/* Kept clear at the right and below: the licence, two lines of text. */
#define MARGIN_RIGHT  12
#define MARGIN_BOTTOM 60

/* The part of the map the choropleth layer places its legend in, less its
 * controls; the legend leaves the lower right corner to the inset when
 * that part holds the whole country, and the inset follows the same
 * test. */
#define LEGEND_LEFT   12
#define LEGEND_TOP    64
#define LEGEND_RIGHT  64
#define LEGEND_BOTTOM 72

struct _TanluMapInsetView
{
  GtkWidget             parent_instance;

  TanluChoroplethLayer *layer;
  TanluBasemap         *basemap;
};

G_DEFINE_FINAL_TYPE (TanluMapInsetView, tanlu_map_inset_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */

static gboolean
is_wanted (TanluMapInsetView *self)
{
  TanluMapView view;

  if (self->layer == NULL || tanlu_choropleth_layer_get_data (self->layer) == NULL)
    return FALSE;

  tanlu_choropleth_layer_get_view (self->layer, &view);
  if (view.scale <= 0)
    return FALSE;

  view.x += LEGEND_LEFT / view.scale;
  view.y += LEGEND_TOP / view.scale;
  view.width -= LEGEND_LEFT + LEGEND_RIGHT;
  view.height -= LEGEND_TOP + LEGEND_BOTTOM;

  return tanlu_map_inset_is_wanted (&view);
}

/* ------------------------------------------------------------------------ */

/* Moving the map changes only whether the inset shows, not what it draws. */
static void
on_viewport_notify_cb (TanluMapInsetView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), is_wanted (self));
}

/* ------------------------------------------------------------------------ */

static void
tanlu_map_inset_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  TanluMapInsetView *self = TANLU_MAP_INSET_VIEW (widget);
  graphene_rect_t box;
  cairo_t *cr;

  if (self->layer == NULL || !tanlu_map_inset_view_get_box (self, &box))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &box);
  tanlu_map_draw_inset (cr, self->basemap, tanlu_choropleth_layer_get_data (self->layer),
                        tanlu_choropleth_layer_get_style (self->layer), box.origin.x,
                        box.origin.y, box.size.width, box.size.height);
  cairo_destroy (cr);
}

static void
tanlu_map_inset_view_dispose (GObject *object)
{
  TanluMapInsetView *self = TANLU_MAP_INSET_VIEW (object);

  g_clear_object (&self->layer);
  g_clear_pointer (&self->basemap, tanlu_basemap_unref);

  G_OBJECT_CLASS (tanlu_map_inset_view_parent_class)->dispose (object);
}

static void
tanlu_map_inset_view_class_init (TanluMapInsetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_map_inset_view_dispose;
  widget_class->snapshot = tanlu_map_inset_view_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tanlu_map_inset_view_init (TanluMapInsetView *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_map_inset_view_new:
 * @layer: the map's choropleth layer, whose view, regions and style the
 *   inset follows
 *
 * Returns: (transfer floating): the inset, to lay over the map
 */
GtkWidget *
tanlu_map_inset_view_new (TanluChoroplethLayer *layer)
{
  TanluMapInsetView *self;

  g_return_val_if_fail (TANLU_IS_CHOROPLETH_LAYER (layer), NULL);

  self = g_object_new (TANLU_TYPE_MAP_INSET_VIEW, NULL);
  self->layer = g_object_ref (layer);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (layer)), "notify",
                           G_CALLBACK (on_viewport_notify_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * tanlu_map_inset_view_set_basemap:
 * @basemap: (nullable): with the islands and the dashed line
 */
void
tanlu_map_inset_view_set_basemap (TanluMapInsetView *self,
                                  TanluBasemap      *basemap)
{
  g_return_if_fail (TANLU_IS_MAP_INSET_VIEW (self));

  if (basemap == self->basemap)
    return;

  g_clear_pointer (&self->basemap, tanlu_basemap_unref);
  self->basemap = basemap != NULL ? tanlu_basemap_ref (basemap) : NULL;
  tanlu_map_inset_view_update (self);
}

/**
 * tanlu_map_inset_view_update:
 *
 * Shows the inset if the map's view holds the whole country, and draws it
 * again: call it when the map's regions, values or style change.
 */
void
tanlu_map_inset_view_update (TanluMapInsetView *self)
{
  g_return_if_fail (TANLU_IS_MAP_INSET_VIEW (self));

  /* Named as its caption is, in the map's language. */
  if (self->layer != NULL)
    gtk_accessible_update_property (
      GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
      tanlu_choropleth_layer_get_style (self->layer)->language == TANLU_CHART_LANGUAGE_CHINESE
        ? "南海诸岛"
        : "South China Sea Islands",
      -1);
  gtk_widget_set_visible (GTK_WIDGET (self), is_wanted (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tanlu_map_inset_view_get_box:
 * @box: (out): where the inset is drawn, in the widget's coordinates
 *
 * Returns: whether the widget is large enough to hold the inset
 */
gboolean
tanlu_map_inset_view_get_box (TanluMapInsetView *self,
                              graphene_rect_t   *box)
{
  const TanluMapStyle *style;
  double width, height, map_width, map_height;

  g_return_val_if_fail (TANLU_IS_MAP_INSET_VIEW (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (self->layer == NULL)
    return FALSE;

  style = tanlu_choropleth_layer_get_style (self->layer);
  map_width = gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_RIGHT;
  map_height = gtk_widget_get_height (GTK_WIDGET (self)) - MARGIN_BOTTOM;
  if (map_width <= 0 || map_height <= 0)
    return FALSE;

  tanlu_map_inset_get_size (map_width, map_height, style->font_size, &width, &height);
  graphene_rect_init (box, map_width - width, map_height - height, width, height);

  return width > 0 && height > 0;
}
