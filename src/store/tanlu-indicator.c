/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-indicator"

#include "config.h"

#include "tanlu-indicator.h"
#include "tanlu-locale.h"

struct _TanluIndicator
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name_zh;
  char    *name_en;
  char    *unit;
  char    *category;
  char    *family;
  int      sort_order;
};

G_DEFINE_FINAL_TYPE (TanluIndicator, tanlu_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_UNIT,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tanlu_indicator_finalize (GObject *object)
{
  TanluIndicator *self = (TanluIndicator *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name_zh, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->family, g_free);

  G_OBJECT_CLASS (tanlu_indicator_parent_class)->finalize (object);
}

static void
tanlu_indicator_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TanluIndicator *self = TANLU_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, tanlu_indicator_get_name (self));
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_SORT_ORDER:
      g_value_set_int (value, self->sort_order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_indicator_class_init (TanluIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_indicator_finalize;
  object_class->get_property = tanlu_indicator_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_indicator_init (TanluIndicator *self)
{
}

TanluIndicator *
tanlu_indicator_new (gint64                    id,
                     const TanluIndicatorInfo *info)
{
  TanluIndicator *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->code != NULL, NULL);

  self = g_object_new (TANLU_TYPE_INDICATOR, NULL);
  self->id = id;
  self->code = g_strdup (info->code);
  self->name_zh = g_strdup (info->name_zh);
  self->name_en = g_strdup (info->name_en);
  self->unit = g_strdup (info->unit);
  self->category = g_strdup (info->category);
  self->family = g_strdup (info->family);
  self->sort_order = info->sort_order;

  return self;
}

gint64
tanlu_indicator_get_id (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), 0);

  return self->id;
}

const char *
tanlu_indicator_get_code (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->code;
}

/**
 * tanlu_indicator_get_name:
 *
 * Returns: the name in the language of the user interface
 */
const char *
tanlu_indicator_get_name (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return tanlu_locale_pick (self->name_zh, self->name_en);
}

const char *
tanlu_indicator_get_name_zh (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->name_zh;
}

const char *
tanlu_indicator_get_name_en (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->name_en;
}

const char *
tanlu_indicator_get_unit (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->unit;
}

const char *
tanlu_indicator_get_category (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->category;
}

const char *
tanlu_indicator_get_family (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), NULL);

  return self->family;
}

int
tanlu_indicator_get_sort_order (TanluIndicator *self)
{
  g_return_val_if_fail (TANLU_IS_INDICATOR (self), 0);

  return self->sort_order;
}
