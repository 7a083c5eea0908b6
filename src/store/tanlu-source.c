/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-source"

#include "config.h"

#include "tanlu-source.h"
#include "tanlu-locale.h"

struct _TanluSource
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *title_zh;
  char    *title_en;
  char    *publisher;
  char    *citation;
  char    *licence;
  char    *url;
  gboolean projection;
};

G_DEFINE_FINAL_TYPE (TanluSource, tanlu_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_CITATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tanlu_source_finalize (GObject *object)
{
  TanluSource *self = (TanluSource *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->licence, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (tanlu_source_parent_class)->finalize (object);
}

static void
tanlu_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TanluSource *self = TANLU_SOURCE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_TITLE:
      g_value_set_string (value, tanlu_source_get_title (self));
      break;

    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_source_class_init (TanluSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_source_finalize;
  object_class->get_property = tanlu_source_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATION] =
    g_param_spec_string ("citation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_source_init (TanluSource *self)
{
}

TanluSource *
tanlu_source_new (gint64                 id,
                  const TanluSourceInfo *info)
{
  TanluSource *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->key != NULL, NULL);

  self = g_object_new (TANLU_TYPE_SOURCE, NULL);
  self->id = id;
  self->key = g_strdup (info->key);
  self->title_zh = g_strdup (info->title_zh);
  self->title_en = g_strdup (info->title_en);
  self->publisher = g_strdup (info->publisher);
  self->citation = g_strdup (info->citation);
  self->licence = g_strdup (info->licence);
  self->url = g_strdup (info->url);
  self->projection = info->projection;

  return self;
}

gint64
tanlu_source_get_id (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), 0);

  return self->id;
}

const char *
tanlu_source_get_key (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->key;
}

/**
 * tanlu_source_get_title:
 *
 * Returns: the title in the language of the user interface
 */
const char *
tanlu_source_get_title (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return tanlu_locale_pick (self->title_zh, self->title_en);
}

const char *
tanlu_source_get_title_zh (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->title_zh;
}

const char *
tanlu_source_get_title_en (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->title_en;
}

const char *
tanlu_source_get_publisher (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->publisher;
}

const char *
tanlu_source_get_citation (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->citation;
}

const char *
tanlu_source_get_licence (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->licence;
}

const char *
tanlu_source_get_url (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), NULL);

  return self->url;
}

/**
 * tanlu_source_is_projection:
 *
 * Returns: whether the source's figures are projections rather than
 *   observations
 */
gboolean
tanlu_source_is_projection (TanluSource *self)
{
  g_return_val_if_fail (TANLU_IS_SOURCE (self), FALSE);

  return self->projection;
}
