/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-table-exportable"

#include "config.h"

#include "tanlu-table-exportable.h"
#include "charts/tanlu-table.h"

/* A table of figures to export, drawn like the charts. Its rows are the
 * text shown on screen; it has no spec of its own to render again. */
struct _TanluTableExportable
{
  GObject     parent_instance;

  TanluTable *table;
};

static void exportable_iface_init (TanluExportableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluTableExportable, tanlu_table_exportable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TANLU_TYPE_EXPORTABLE, exportable_iface_init))

static gboolean
tanlu_table_exportable_prepare (TanluExportable          *exportable,
                                const TanluExportOptions *options,
                                GError                  **error)
{
  TanluTableExportable *self = TANLU_TABLE_EXPORTABLE (exportable);

  self->table->theme = options->theme;
  self->table->language = options->language;

  return TRUE;
}

static void
tanlu_table_exportable_draw (TanluExportable *exportable,
                             cairo_t         *cr,
                             double           width,
                             double           height)
{
  tanlu_table_draw (cr, TANLU_TABLE_EXPORTABLE (exportable)->table, width, height);
}

static void
tanlu_table_exportable_get_info (TanluExportable  *exportable,
                                 TanluPictureInfo *info)
{
  TanluTableExportable *self = TANLU_TABLE_EXPORTABLE (exportable);

  info->title = self->table->title;
  info->source = self->table->source;
  info->date = NULL;
  info->opaque = TRUE;
}

static char *
tanlu_table_exportable_get_name (TanluExportable *exportable)
{
  return g_strdup (TANLU_TABLE_EXPORTABLE (exportable)->table->title);
}

static char *
tanlu_table_exportable_get_description (TanluExportable          *exportable,
                                        const TanluExportOptions *options)
{
  return NULL;
}

static void
exportable_iface_init (TanluExportableInterface *iface)
{
  iface->prepare = tanlu_table_exportable_prepare;
  iface->draw = tanlu_table_exportable_draw;
  iface->get_info = tanlu_table_exportable_get_info;
  iface->get_name = tanlu_table_exportable_get_name;
  iface->get_description = tanlu_table_exportable_get_description;
}

static void
tanlu_table_exportable_finalize (GObject *object)
{
  g_clear_pointer (&TANLU_TABLE_EXPORTABLE (object)->table, tanlu_table_free);

  G_OBJECT_CLASS (tanlu_table_exportable_parent_class)->finalize (object);
}

static void
tanlu_table_exportable_class_init (TanluTableExportableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tanlu_table_exportable_finalize;
}

static void
tanlu_table_exportable_init (TanluTableExportable *self)
{
}

/**
 * tanlu_table_exportable_new:
 * @rows: (element-type GStrv): the header, then a row per line
 *
 * Returns: (transfer full): the table to export
 */
TanluExportable *
tanlu_table_exportable_new (const char *title,
                            const char *source,
                            GPtrArray  *rows)
{
  TanluTableExportable *self = g_object_new (TANLU_TYPE_TABLE_EXPORTABLE, NULL);

  self->table = tanlu_table_new (title, source, rows);

  return TANLU_EXPORTABLE (self);
}
