/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-exportable"

#include "config.h"

#include "tanlu-exportable.h"

G_DEFINE_INTERFACE (TanluExportable, tanlu_exportable, G_TYPE_OBJECT)

static void
tanlu_exportable_default_init (TanluExportableInterface *iface)
{
}

gboolean
tanlu_exportable_prepare (TanluExportable          *self,
                          const TanluExportOptions *options,
                          GError                  **error)
{
  g_return_val_if_fail (TANLU_IS_EXPORTABLE (self), FALSE);

  return TANLU_EXPORTABLE_GET_IFACE (self)->prepare (self, options, error);
}

void
tanlu_exportable_draw (TanluExportable *self,
                       cairo_t         *cr,
                       double           width,
                       double           height)
{
  g_return_if_fail (TANLU_IS_EXPORTABLE (self));

  TANLU_EXPORTABLE_GET_IFACE (self)->draw (self, cr, width, height);
}

/**
 * tanlu_exportable_get_name:
 *
 * Returns: (transfer full): a file name for the picture, without
 *   extension, with characters file systems refuse replaced
 */
char *
tanlu_exportable_get_name (TanluExportable *self)
{
  char *name;

  g_return_val_if_fail (TANLU_IS_EXPORTABLE (self), NULL);

  name = TANLU_EXPORTABLE_GET_IFACE (self)->get_name (self);
  g_strdelimit (name, "/\\:*?\"<>|", '-');

  return name;
}

/**
 * tanlu_exportable_get_description:
 *
 * Returns: (transfer full) (nullable): JSON from which the picture can be
 *   drawn again, with @options in it
 */
char *
tanlu_exportable_get_description (TanluExportable          *self,
                                  const TanluExportOptions *options)
{
  TanluExportableInterface *iface;

  g_return_val_if_fail (TANLU_IS_EXPORTABLE (self), NULL);

  iface = TANLU_EXPORTABLE_GET_IFACE (self);

  return iface->get_description != NULL ? iface->get_description (self, options) : NULL;
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  tanlu_exportable_draw (user_data, cr, width, height);
}

/**
 * tanlu_exportable_export:
 *
 * Writes the picture last prepared to a file.
 *
 * Returns: whether the file was written; on failure @error names it
 */
gboolean
tanlu_exportable_export (TanluExportable   *self,
                         TanluPictureFormat   format,
                         int                width,
                         int                height,
                         double             scale,
                         const char        *path,
                         GError           **error)
{
  TanluPictureInfo info = { 0 };

  g_return_val_if_fail (TANLU_IS_EXPORTABLE (self), FALSE);

  TANLU_EXPORTABLE_GET_IFACE (self)->get_info (self, &info);

  return tanlu_picture_export (format, width, height, scale, &info, draw_cb, self, path, error);
}
