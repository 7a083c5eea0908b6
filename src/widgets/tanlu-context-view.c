/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-context-view"

#include "config.h"

#include "tanlu-context-view.h"
#include "tanlu-context.h"

/* The base of the widgets that show the window's context. It keeps the
 * context, follows its region and data, and tells the subclass. */
typedef struct
{
  TanluContext *context;
  GSignalGroup *context_signals;
} TanluContextViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TanluContextView, tanlu_context_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static void
on_region_changed_cb (TanluContextView *self)
{
  TANLU_CONTEXT_VIEW_GET_CLASS (self)->region_changed (self);
}

static void
on_data_changed_cb (TanluContextView *self)
{
  TANLU_CONTEXT_VIEW_GET_CLASS (self)->data_changed (self);
}

static void
on_tracker_changed_cb (TanluContextView *self,
                       guint             task)
{
  TANLU_CONTEXT_VIEW_GET_CLASS (self)->tracker_changed (self, task);
}

static void
tanlu_context_view_real_tracker_changed (TanluContextView *self,
                                         guint             task)
{
}

/* ------------------------------------------------------------------------ */

static void
tanlu_context_view_real_changed (TanluContextView *self)
{
}

static void
tanlu_context_view_dispose (GObject *object)
{
  TanluContextView *self = (TanluContextView *)object;
  TanluContextViewPrivate *priv = tanlu_context_view_get_instance_private (self);

  if (priv->context_signals != NULL)
    g_signal_group_set_target (priv->context_signals, NULL);
  g_clear_object (&priv->context_signals);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (tanlu_context_view_parent_class)->dispose (object);
}

static void
tanlu_context_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TanluContextView *self = TANLU_CONTEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, tanlu_context_view_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_context_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TanluContextView *self = TANLU_CONTEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      tanlu_context_view_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_context_view_class_init (TanluContextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_context_view_dispose;
  object_class->get_property = tanlu_context_view_get_property;
  object_class->set_property = tanlu_context_view_set_property;

  klass->context_changed = tanlu_context_view_real_changed;
  klass->region_changed = tanlu_context_view_real_changed;
  klass->data_changed = tanlu_context_view_real_changed;
  klass->tracker_changed = tanlu_context_view_real_tracker_changed;

  /**
   * TanluContextView:context:
   *
   * What the view shows: the window binds its own context here.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TANLU_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tanlu_context_view_init (TanluContextView *self)
{
  TanluContextViewPrivate *priv = tanlu_context_view_get_instance_private (self);

  priv->context_signals = g_signal_group_new (TANLU_TYPE_CONTEXT);
  g_signal_group_connect_object (priv->context_signals, "notify::region", G_CALLBACK (on_region_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (priv->context_signals, "data-changed", G_CALLBACK (on_data_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (priv->context_signals, "tracker-changed",
                                 G_CALLBACK (on_tracker_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_context_view_get_context:
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
TanluContext *
tanlu_context_view_get_context (TanluContextView *self)
{
  TanluContextViewPrivate *priv = tanlu_context_view_get_instance_private (self);

  g_return_val_if_fail (TANLU_IS_CONTEXT_VIEW (self), NULL);

  return priv->context;
}

/**
 * tanlu_context_view_set_context:
 * @context: (nullable): what the view shows
 */
void
tanlu_context_view_set_context (TanluContextView *self,
                                TanluContext     *context)
{
  TanluContextViewPrivate *priv = tanlu_context_view_get_instance_private (self);

  g_return_if_fail (TANLU_IS_CONTEXT_VIEW (self));
  g_return_if_fail (context == NULL || TANLU_IS_CONTEXT (context));

  if (!g_set_object (&priv->context, context))
    return;

  g_signal_group_set_target (priv->context_signals, context);
  TANLU_CONTEXT_VIEW_GET_CLASS (self)->context_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
