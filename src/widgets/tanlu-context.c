/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-context"

#include "config.h"

#include "tanlu-context.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

/* What the window's views share: the database and the region the user is
 * looking at. Views follow it and set it; none of them owns it. */
struct _TanluContext
{
  GObject      parent_instance;

  TanluStore          *store;
  TanluRegion         *region;
  TanluPathwayLibrary *pathways;
};

G_DEFINE_FINAL_TYPE (TanluContext, tanlu_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REGION,
  N_PROPS
};

enum {
  DATA_CHANGED,
  TRACKER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
tanlu_context_dispose (GObject *object)
{
  TanluContext *self = (TanluContext *)object;

  g_clear_object (&self->region);
  g_clear_object (&self->pathways);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tanlu_context_parent_class)->dispose (object);
}

static void
tanlu_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TanluContext *self = TANLU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TanluContext *self = TANLU_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REGION:
      tanlu_context_set_region (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_context_class_init (TanluContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tanlu_context_dispose;
  object_class->get_property = tanlu_context_get_property;
  object_class->set_property = tanlu_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANLU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, TANLU_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TanluContext::data-changed:
   *
   * Emitted after an import changed what the store holds, so views reload.
   */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TanluContext::tracker-changed:
   * @task: the joint task whose status changed, or 0 for several
   *
   * Emitted after a joint task's status was set or undone, so the views
   * that show statuses (the tracker, the map's sites) update.
   */
  signals[TRACKER_CHANGED] =
    g_signal_new ("tracker-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
tanlu_context_init (TanluContext *self)
{
}

TanluContext *
tanlu_context_new (TanluStore *store)
{
  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  return g_object_new (TANLU_TYPE_CONTEXT, "store", store, NULL);
}

/**
 * tanlu_context_get_store:
 *
 * Returns: (transfer none): the store
 */
TanluStore *
tanlu_context_get_store (TanluContext *self)
{
  g_return_val_if_fail (TANLU_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * tanlu_context_get_region:
 *
 * Returns: (transfer none) (nullable): the selected region or group
 */
TanluRegion *
tanlu_context_get_region (TanluContext *self)
{
  g_return_val_if_fail (TANLU_IS_CONTEXT (self), NULL);

  return self->region;
}

void
tanlu_context_set_region (TanluContext *self,
                          TanluRegion  *region)
{
  g_return_if_fail (TANLU_IS_CONTEXT (self));
  g_return_if_fail (region == NULL || TANLU_IS_REGION (region));

  if (g_set_object (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

void
tanlu_context_data_changed (TanluContext *self)
{
  g_return_if_fail (TANLU_IS_CONTEXT (self));

  /* Pathways start from the data: they are run afresh. */
  if (self->pathways != NULL)
    tanlu_pathway_library_invalidate (self->pathways);

  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

/**
 * tanlu_context_tracker_changed:
 * @task: the joint task whose status changed, or 0 for several
 */
void
tanlu_context_tracker_changed (TanluContext *self,
                               guint         task)
{
  g_return_if_fail (TANLU_IS_CONTEXT (self));

  g_signal_emit (self, signals[TRACKER_CHANGED], 0, task);
}

/**
 * tanlu_context_get_pathways:
 *
 * Returns: (transfer none): the pathways of the context's store, shared by
 *   every view of the context
 */
TanluPathwayLibrary *
tanlu_context_get_pathways (TanluContext *self)
{
  g_return_val_if_fail (TANLU_IS_CONTEXT (self), NULL);

  if (self->pathways == NULL)
    self->pathways = tanlu_pathway_library_new (self->store);

  return self->pathways;
}
