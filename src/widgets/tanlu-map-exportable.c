/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map-exportable"

#include "config.h"

#include "tanlu-map-exportable.h"

/* A map to export: the regions, values and classes on screen, drawn
 * again for the export's size, style and language with the same code, and
 * with the lines a published map must carry. */
struct _TanluMapExportable
{
  GObject          parent_instance;

  TanluMapPicture  picture;
  char            *approval_number;
  char            *title;
};

static void exportable_iface_init (TanluExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluMapExportable, tanlu_map_exportable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TANLU_TYPE_EXPORTABLE, exportable_iface_init))

static gboolean
tanlu_map_exportable_prepare (TanluExportable          *exportable,
                              const TanluExportOptions *options,
                              GError                  **error)
{
  TanluMapExportable *self = TANLU_MAP_EXPORTABLE (exportable);

  /* Exports use the theme's own colours and the default font, not the
   * desktop's. */
  self->picture.style.custom_colors = FALSE;
  self->picture.style.font = NULL;
  self->picture.style.dark = options->theme == TANLU_CHART_THEME_DARK;
  self->picture.style.language = options->language;
  self->picture.style.hovered = 0;

  g_free (self->title);
  self->title = tanlu_map_get_title (self->picture.data, options->language);

  return TRUE;
}

static void
tanlu_map_exportable_draw (TanluExportable *exportable,
                           cairo_t         *cr,
                           double           width,
                           double           height)
{
  TanluMapExportable *self = TANLU_MAP_EXPORTABLE (exportable);

  tanlu_map_picture_draw (cr, &self->picture, width, height);
}

static void
tanlu_map_exportable_get_info (TanluExportable  *exportable,
                               TanluPictureInfo *info)
{
  TanluMapExportable *self = TANLU_MAP_EXPORTABLE (exportable);
  gboolean chinese = self->picture.style.language == TANLU_CHART_LANGUAGE_CHINESE;
  char *source = tanlu_map_data_get_source_text (self->picture.data, chinese);

  /* The picture info holds borrowed strings; keep this one with the
   * object until the next export. */
  g_object_set_data_full (G_OBJECT (self), "source", source, g_free);
  g_object_set_data_full (G_OBJECT (self), "date",
                          g_strdup_printf ("%u", tanlu_map_data_get_year (self->picture.data)),
                          g_free);

  info->title = self->title;
  info->source = source;
  info->date = g_object_get_data (G_OBJECT (self), "date");
  info->opaque = TRUE;
}

static char *
tanlu_map_exportable_get_name (TanluExportable *exportable)
{
  TanluMapExportable *self = TANLU_MAP_EXPORTABLE (exportable);

  return self->title != NULL ? g_strdup (self->title) : g_strdup ("map");
}

static void
exportable_iface_init (TanluExportableInterface *iface)
{
  iface->prepare = tanlu_map_exportable_prepare;
  iface->draw = tanlu_map_exportable_draw;
  iface->get_info = tanlu_map_exportable_get_info;
  iface->get_name = tanlu_map_exportable_get_name;
}

static void
tanlu_map_exportable_finalize (GObject *object)
{
  TanluMapExportable *self = (TanluMapExportable *)object;

  g_clear_pointer (&self->picture.data, tanlu_map_data_unref);
  if (self->picture.basemap != NULL)
    tanlu_basemap_unref ((TanluBasemap *) self->picture.basemap);
  g_clear_pointer (&self->approval_number, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (tanlu_map_exportable_parent_class)->finalize (object);
}

static void
tanlu_map_exportable_class_init (TanluMapExportableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tanlu_map_exportable_finalize;
}

static void
tanlu_map_exportable_init (TanluMapExportable *self)
{
}

/**
 * tanlu_map_exportable_new:
 * @picture: the map as shown; its data and basemap are kept
 * @approval_number: (nullable): the map's approval number (审图号)
 *
 * Returns: (transfer full): the map, to export
 */
TanluExportable *
tanlu_map_exportable_new (const TanluMapPicture *picture,
                          const char            *approval_number)
{
  TanluMapExportable *self;

  g_return_val_if_fail (picture != NULL && picture->data != NULL, NULL);

  self = g_object_new (TANLU_TYPE_MAP_EXPORTABLE, NULL);
  self->picture = *picture;
  self->picture.data = tanlu_map_data_ref (picture->data);
  if (picture->basemap != NULL)
    self->picture.basemap = tanlu_basemap_ref ((TanluBasemap *) picture->basemap);
  self->approval_number = g_strdup (approval_number);
  self->picture.approval_number = self->approval_number;
  self->picture.title = NULL;
  self->picture.subtitle = NULL;
  self->title = tanlu_map_get_title (picture->data, picture->style.language);

  return TANLU_EXPORTABLE (self);
}
