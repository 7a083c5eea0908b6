/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart-exportable"

#include "config.h"

#include "tanlu-chart-exportable.h"
#include "store/tanlu-store.h"

/* A chart to export: its spec, drawn afresh for each export at the
 * export's own size, style and language, so the picture is laid out for
 * its size rather than stretched from the screen. Series hidden on screen
 * stay hidden. */
struct _TanluChartExportable
{
  GObject         parent_instance;

  TanluStore     *store;
  TanluChartSpec *spec;
  GArray         *hidden;     /* gboolean per series */
  TanluChartData *data;       /* as last prepared */
};

static void exportable_iface_init (TanluExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluChartExportable, tanlu_chart_exportable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TANLU_TYPE_EXPORTABLE, exportable_iface_init))

static TanluChartSpec *
copy_spec (const TanluChartSpec *spec)
{
  g_autofree char *json = tanlu_chart_spec_to_json (spec);

  /* A spec always reads back what it wrote; tests hold it to that. */
  return tanlu_chart_spec_new_from_json (json, -1, NULL);
}

static TanluChartSpec *
spec_for (TanluChartExportable     *self,
          const TanluExportOptions *options)
{
  TanluChartSpec *copy = copy_spec (self->spec);

  copy->theme = options->theme;
  copy->language = options->language;
  copy->width = options->width;
  copy->height = options->height;

  return copy;
}

static gboolean
tanlu_chart_exportable_prepare (TanluExportable          *exportable,
                                const TanluExportOptions *options,
                                GError                  **error)
{
  TanluChartExportable *self = TANLU_CHART_EXPORTABLE (exportable);
  g_autoptr(TanluChartSpec) spec = spec_for (self, options);
  TanluChartData *data;

  if (!(data = tanlu_chart_spec_resolve (spec, self->store, error)))
    return FALSE;

  if (self->hidden->len == data->series->len)
    for (guint i = 0; i < self->hidden->len; i++)
      ((TanluChartSeries *) g_ptr_array_index (data->series, i))->hidden =
        g_array_index (self->hidden, gboolean, i);

  g_clear_pointer (&self->data, tanlu_chart_data_free);
  self->data = data;

  return TRUE;
}

static void
tanlu_chart_exportable_draw (TanluExportable *exportable,
                             cairo_t         *cr,
                             double           width,
                             double           height)
{
  TanluChartExportable *self = TANLU_CHART_EXPORTABLE (exportable);

  g_return_if_fail (self->data != NULL);

  tanlu_chart_draw (cr, self->data, width, height, NULL);
}

static void
tanlu_chart_exportable_get_info (TanluExportable  *exportable,
                                 TanluPictureInfo *info)
{
  TanluChartExportable *self = TANLU_CHART_EXPORTABLE (exportable);

  g_return_if_fail (self->data != NULL);

  info->title = self->data->title;
  info->source = self->data->source;
  info->date = self->data->data_date;
  info->opaque = TRUE;
}

/* The title and subtitle say what the chart is. */
static char *
tanlu_chart_exportable_get_name (TanluExportable *exportable)
{
  TanluChartExportable *self = TANLU_CHART_EXPORTABLE (exportable);
  const TanluChartData *data = self->data;

  if (data == NULL || data->title == NULL)
    return g_strdup ("chart");
  if (data->subtitle == NULL || data->subtitle[0] == '\0')
    return g_strdup (data->title);

  return g_strdup_printf ("%s – %s", data->title, data->subtitle);
}

static char *
tanlu_chart_exportable_get_description (TanluExportable          *exportable,
                                        const TanluExportOptions *options)
{
  TanluChartExportable *self = TANLU_CHART_EXPORTABLE (exportable);
  g_autoptr(TanluChartSpec) spec = spec_for (self, options);

  return tanlu_chart_spec_to_json (spec);
}

static void
exportable_iface_init (TanluExportableInterface *iface)
{
  iface->prepare = tanlu_chart_exportable_prepare;
  iface->draw = tanlu_chart_exportable_draw;
  iface->get_info = tanlu_chart_exportable_get_info;
  iface->get_name = tanlu_chart_exportable_get_name;
  iface->get_description = tanlu_chart_exportable_get_description;
}

static void
tanlu_chart_exportable_finalize (GObject *object)
{
  TanluChartExportable *self = (TanluChartExportable *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->spec, tanlu_chart_spec_free);
  g_clear_pointer (&self->hidden, g_array_unref);
  g_clear_pointer (&self->data, tanlu_chart_data_free);

  G_OBJECT_CLASS (tanlu_chart_exportable_parent_class)->finalize (object);
}

static void
tanlu_chart_exportable_class_init (TanluChartExportableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tanlu_chart_exportable_finalize;
}

static void
tanlu_chart_exportable_init (TanluChartExportable *self)
{
  self->hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

/**
 * tanlu_chart_exportable_new:
 * @shown: (nullable): the chart as shown, for its hidden series
 *
 * Returns: (transfer full): the chart @spec draws from @store, to export
 */
TanluExportable *
tanlu_chart_exportable_new (TanluStore           *store,
                            const TanluChartSpec *spec,
                            const TanluChartData *shown)
{
  TanluChartExportable *self;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (TANLU_TYPE_CHART_EXPORTABLE, NULL);
  self->store = g_object_ref (store);
  self->spec = copy_spec (spec);

  for (guint i = 0; shown != NULL && i < shown->series->len; i++)
    {
      const TanluChartSeries *series = g_ptr_array_index (shown->series, i);

      g_array_append_val (self->hidden, series->hidden);
    }

  return TANLU_EXPORTABLE (self);
}
