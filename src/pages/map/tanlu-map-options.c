/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map-options"

#include "config.h"

#include "tanlu-map-options.h"

/* How the Map page colours and marks the regions: the choices of its
 * options popover and preferences, as properties the window binds to the
 * user's settings and the page follows. Each property notifies only when
 * its value changes. */
enum {
  PROP_0,
  PROP_UNIT_SCALE,
  PROP_METHOD,
  PROP_CLASSES,
  PROP_CUSTOM_BREAKS,
  PROP_PALETTE,
  PROP_FIXED_SCALE,
  PROP_CHANGE_BASE,
  PROP_LABELS,
  PROP_CAPITALS,
  PROP_SITES,
  PROP_ONLINE_LAYER,
  PROP_APPROVAL_NUMBER,
  N_PROPS
};

struct _TanluMapOptions
{
  GObject  parent_instance;

  GValue   values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TanluMapOptions, tanlu_map_options, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

#define FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
tanlu_map_options_finalize (GObject *object)
{
  TanluMapOptions *self = (TanluMapOptions *)object;

  for (guint i = 1; i < N_PROPS; i++)
    g_value_unset (&self->values[i]);

  G_OBJECT_CLASS (tanlu_map_options_parent_class)->finalize (object);
}

static void
tanlu_map_options_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TanluMapOptions *self = TANLU_MAP_OPTIONS (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_copy (&self->values[prop_id], value);
}

static void
tanlu_map_options_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TanluMapOptions *self = TANLU_MAP_OPTIONS (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (g_param_values_cmp (pspec, &self->values[prop_id], value) == 0)
    return;

  g_value_copy (value, &self->values[prop_id]);
  g_object_notify_by_pspec (object, pspec);
}

static void
tanlu_map_options_class_init (TanluMapOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_map_options_finalize;
  object_class->get_property = tanlu_map_options_get_property;
  object_class->set_property = tanlu_map_options_set_property;

  /**
   * TanluMapOptions:unit-scale:
   *
   * "auto", "mt", "wan-tonnes" or "yi-tonnes".
   */
  properties[PROP_UNIT_SCALE] = g_param_spec_string ("unit-scale", NULL, NULL, "auto", FLAGS);
  /**
   * TanluMapOptions:method:
   *
   * "quantile", "equal", "jenks" or "custom".
   */
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, "quantile", FLAGS);
  properties[PROP_CLASSES] = g_param_spec_int ("classes", NULL, NULL, 3, 9, 5, FLAGS);
  /**
   * TanluMapOptions:custom-breaks:
   *
   * The inner breaks of custom classes, in the units shown.
   */
  properties[PROP_CUSTOM_BREAKS] =
    g_param_spec_variant ("custom-breaks", NULL, NULL, G_VARIANT_TYPE ("ad"), NULL, FLAGS);
  /**
   * TanluMapOptions:palette:
   *
   * "sequential" or "diverging".
   */
  properties[PROP_PALETTE] = g_param_spec_string ("palette", NULL, NULL, "sequential", FLAGS);
  properties[PROP_FIXED_SCALE] = g_param_spec_boolean ("fixed-scale", NULL, NULL, FALSE, FLAGS);
  /**
   * TanluMapOptions:change-base:
   *
   * When not 0, the map shows the change since this year.
   */
  properties[PROP_CHANGE_BASE] =
    g_param_spec_int ("change-base", NULL, NULL, 0, G_MAXINT, 0, FLAGS);
  properties[PROP_LABELS] = g_param_spec_boolean ("labels", NULL, NULL, TRUE, FLAGS);
  properties[PROP_CAPITALS] = g_param_spec_boolean ("capitals", NULL, NULL, TRUE, FLAGS);
  /**
   * TanluMapOptions:sites:
   *
   * Whether the sites the Chengdu–Chongqing joint plan's tasks name are
   * marked, coloured by their task's status.
   */
  properties[PROP_SITES] = g_param_spec_boolean ("sites", NULL, NULL, FALSE, FLAGS);
  properties[PROP_ONLINE_LAYER] = g_param_spec_boolean ("online-layer", NULL, NULL, FALSE, FLAGS);
  properties[PROP_APPROVAL_NUMBER] = g_param_spec_string ("approval-number", NULL, NULL, "", FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_map_options_init (TanluMapOptions *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_value_init (&self->values[i], G_PARAM_SPEC_VALUE_TYPE (properties[i]));
      g_param_value_set_default (properties[i], &self->values[i]);
    }

  g_value_take_variant (&self->values[PROP_CUSTOM_BREAKS],
                        g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, NULL,
                                                                       0, sizeof (double))));
}

TanluMapOptions *
tanlu_map_options_new (void)
{
  return g_object_new (TANLU_TYPE_MAP_OPTIONS, NULL);
}

const char *
tanlu_map_options_get_unit_scale (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), NULL);

  return g_value_get_string (&self->values[PROP_UNIT_SCALE]);
}

const char *
tanlu_map_options_get_method (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), NULL);

  return g_value_get_string (&self->values[PROP_METHOD]);
}

guint
tanlu_map_options_get_classes (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), 0);

  return g_value_get_int (&self->values[PROP_CLASSES]);
}

/**
 * tanlu_map_options_get_custom_breaks:
 * @n_breaks: (out): how many
 *
 * Returns: (array length=n_breaks) (transfer none): the custom breaks
 */
const double *
tanlu_map_options_get_custom_breaks (TanluMapOptions *self,
                                     gsize           *n_breaks)
{
  GVariant *breaks;

  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), NULL);
  g_return_val_if_fail (n_breaks != NULL, NULL);

  breaks = g_value_get_variant (&self->values[PROP_CUSTOM_BREAKS]);

  return g_variant_get_fixed_array (breaks, n_breaks, sizeof (double));
}

const char *
tanlu_map_options_get_palette (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), NULL);

  return g_value_get_string (&self->values[PROP_PALETTE]);
}

gboolean
tanlu_map_options_get_fixed_scale (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_FIXED_SCALE]);
}

guint
tanlu_map_options_get_change_base (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), 0);

  return g_value_get_int (&self->values[PROP_CHANGE_BASE]);
}

gboolean
tanlu_map_options_get_labels (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_LABELS]);
}

gboolean
tanlu_map_options_get_capitals (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_CAPITALS]);
}

gboolean
tanlu_map_options_get_sites (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_SITES]);
}

gboolean
tanlu_map_options_get_online_layer (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_ONLINE_LAYER]);
}

const char *
tanlu_map_options_get_approval_number (TanluMapOptions *self)
{
  g_return_val_if_fail (TANLU_IS_MAP_OPTIONS (self), NULL);

  return g_value_get_string (&self->values[PROP_APPROVAL_NUMBER]);
}
