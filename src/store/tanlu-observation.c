/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-observation"

#include "config.h"

#include "tanlu-observation.h"
#include "tanlu-indicator.h"
#include "tanlu-region.h"
#include "tanlu-source.h"

struct _TanluObservation
{
  GObject          parent_instance;

  /* owned */
  TanluRegion     *region;
  TanluIndicator  *indicator;
  TanluSource     *source;

  double           value;
  guint            year;
  guint            source_code;
  char            *origin;
  char            *imported_at;
  char            *import_path;
};

G_DEFINE_FINAL_TYPE (TanluObservation, tanlu_observation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  PROP_INDICATOR,
  PROP_SOURCE,
  PROP_YEAR,
  PROP_VALUE,
  PROP_REGION_NAME,
  PROP_INDICATOR_NAME,
  PROP_INDICATOR_ORDER,
  PROP_UNIT,
  PROP_SOURCE_TITLE,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tanlu_observation_dispose (GObject *object)
{
  TanluObservation *self = (TanluObservation *)object;

  g_clear_object (&self->region);
  g_clear_object (&self->indicator);
  g_clear_object (&self->source);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->import_path, g_free);

  G_OBJECT_CLASS (tanlu_observation_parent_class)->dispose (object);
}

static void
tanlu_observation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TanluObservation *self = TANLU_OBSERVATION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    case PROP_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_REGION_NAME:
      g_value_set_string (value, tanlu_region_get_display_name (self->region));
      break;

    case PROP_INDICATOR_NAME:
      g_value_set_string (value, tanlu_indicator_get_name (self->indicator));
      break;

    case PROP_INDICATOR_ORDER:
      g_value_set_int (value, tanlu_indicator_get_sort_order (self->indicator));
      break;

    case PROP_UNIT:
      g_value_set_string (value, tanlu_indicator_get_unit (self->indicator));
      break;

    case PROP_SOURCE_TITLE:
      g_value_set_string (value, tanlu_source_get_title (self->source));
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_observation_class_init (TanluObservationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tanlu_observation_dispose;
  object_class->get_property = tanlu_observation_get_property;

  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, TANLU_TYPE_REGION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL, TANLU_TYPE_INDICATOR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, TANLU_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_NAME] =
    g_param_spec_string ("region-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATOR_NAME] =
    g_param_spec_string ("indicator-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATOR_ORDER] =
    g_param_spec_int ("indicator-order", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_TITLE] =
    g_param_spec_string ("source-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * TanluObservation:origin:
   *
   * Where in its file the figure was read, as stored (see
   * tanlu_origin_describe()), or %NULL.
   */
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_observation_init (TanluObservation *self)
{
}

TanluObservation *
tanlu_observation_new (TanluRegion    *region,
                       TanluIndicator *indicator,
                       guint           year,
                       double          value,
                       TanluSource    *source)
{
  TanluObservation *self;

  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);
  g_return_val_if_fail (TANLU_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), NULL);

  self = g_object_new (TANLU_TYPE_OBSERVATION, NULL);
  self->region = g_object_ref (region);
  self->indicator = g_object_ref (indicator);
  self->source = g_object_ref (source);
  self->year = year;
  self->value = value;

  return self;
}

TanluRegion *
tanlu_observation_get_region (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->region;
}

TanluIndicator *
tanlu_observation_get_indicator (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->indicator;
}

guint
tanlu_observation_get_year (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), 0);

  return self->year;
}

double
tanlu_observation_get_value (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), 0.);

  return self->value;
}

TanluSource *
tanlu_observation_get_source (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->source;
}

/**
 * tanlu_observation_set_details:
 * @details: (nullable): where the figure was read and when it was imported
 */
void
tanlu_observation_set_details (TanluObservation              *self,
                               const TanluObservationDetails *details)
{
  g_return_if_fail (TANLU_IS_OBSERVATION (self));

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->import_path, g_free);
  self->source_code = 0;

  if (details == NULL)
    return;

  self->origin = g_strdup (details->origin);
  self->imported_at = g_strdup (details->imported_at);
  self->import_path = g_strdup (details->import_path);
  self->source_code = details->source_code;
}

/**
 * tanlu_observation_get_origin:
 *
 * Returns: (nullable): where in its file the figure was read, as stored
 */
const char *
tanlu_observation_get_origin (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->origin;
}

/**
 * tanlu_observation_get_source_code:
 *
 * Returns: the code the file gave, when it was an old one since replaced,
 *   else 0
 */
guint
tanlu_observation_get_source_code (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), 0);

  return self->source_code;
}

/**
 * tanlu_observation_get_imported_at:
 *
 * Returns: (nullable): when the figure was imported into this database;
 *   %NULL for the figures it came with
 */
const char *
tanlu_observation_get_imported_at (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->imported_at;
}

/**
 * tanlu_observation_get_import_path:
 *
 * Returns: (nullable): the file the figure was imported from
 */
const char *
tanlu_observation_get_import_path (TanluObservation *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION (self), NULL);

  return self->import_path;
}
