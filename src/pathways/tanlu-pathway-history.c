/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-pathway-history.h"
#include "store/tanlu-store.h"

/* Undo and redo of what a planner does to saved pathways. Each step keeps
 * the saved pathways it changed as they were before and after, by id, so
 * undoing makes them so again: an edit, a rename with the children it
 * touched, a deletion (the pathway comes back under its old id). */

#define MAX_STEPS 200

typedef struct
{
  gint64  id;
  TanluStoredPathway *before;   /* NULL: did not exist */
  TanluStoredPathway *after;
} Change;

typedef struct
{
  char   *label;
  GArray *changes;   /* Change */
} Step;

struct _TanluPathwayHistory
{
  GObject              parent_instance;

  TanluPathwayLibrary *library;
  GHashTable          *snapshot;   /* id → TanluStoredPathway, from begin() */
  GQueue               undo;       /* Step, newest first */
  GQueue               redo;
};

G_DEFINE_FINAL_TYPE (TanluPathwayHistory, tanlu_pathway_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->before, tanlu_stored_pathway_free);
  g_clear_pointer (&change->after, tanlu_stored_pathway_free);
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_array_unref (step->changes);
  g_free (step);
}

static TanluStoredPathway *
stored_copy (const TanluStoredPathway *pathway)
{
  TanluStoredPathway *copy;

  if (pathway == NULL)
    return NULL;

  copy = g_new0 (TanluStoredPathway, 1);
  copy->id = pathway->id;
  copy->name = g_strdup (pathway->name);
  copy->region = g_strdup (pathway->region);
  copy->spec = g_strdup (pathway->spec);
  copy->created_at = g_strdup (pathway->created_at);
  copy->modified_at = g_strdup (pathway->modified_at);

  return copy;
}

static gboolean
stored_equal (const TanluStoredPathway *a,
              const TanluStoredPathway *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->spec, b->spec) == 0;
}

static void
notify_state (TanluPathwayHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_queue (GQueue *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    step_free (step);
}

static void
tanlu_pathway_history_finalize (GObject *object)
{
  TanluPathwayHistory *self = TANLU_PATHWAY_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->snapshot, g_hash_table_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (tanlu_pathway_history_parent_class)->finalize (object);
}

static void
tanlu_pathway_history_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TanluPathwayHistory *self = TANLU_PATHWAY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tanlu_pathway_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tanlu_pathway_history_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_pathway_history_class_init (TanluPathwayHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_pathway_history_finalize;
  object_class->get_property = tanlu_pathway_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_pathway_history_init (TanluPathwayHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

TanluPathwayHistory *
tanlu_pathway_history_new (TanluPathwayLibrary *library)
{
  TanluPathwayHistory *self;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (library), NULL);

  self = g_object_new (TANLU_TYPE_PATHWAY_HISTORY, NULL);
  self->library = g_object_ref (library);

  return self;
}

static GHashTable *
take_snapshot (TanluPathwayHistory  *self,
               GError              **error)
{
  TanluStore *store = tanlu_pathway_library_get_store (self->library);
  g_autoptr(GPtrArray) stored = tanlu_store_list_pathways (store, error);
  GHashTable *snapshot;

  if (stored == NULL)
    return NULL;

  snapshot = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) tanlu_stored_pathway_free);
  for (guint i = 0; i < stored->len; i++)
    {
      TanluStoredPathway *pathway = g_ptr_array_index (stored, i);
      TanluStoredPathway *copy = stored_copy (pathway);

      g_hash_table_insert (snapshot, &copy->id, copy);
    }

  return snapshot;
}

/**
 * tanlu_pathway_history_begin:
 *
 * Notes the saved pathways as they are, before a change.
 */
gboolean
tanlu_pathway_history_begin (TanluPathwayHistory  *self,
                             GError              **error)
{
  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);

  g_clear_pointer (&self->snapshot, g_hash_table_unref);
  self->snapshot = take_snapshot (self, error);

  return self->snapshot != NULL;
}

void
tanlu_pathway_history_cancel (TanluPathwayHistory *self)
{
  g_return_if_fail (TANLU_IS_PATHWAY_HISTORY (self));

  g_clear_pointer (&self->snapshot, g_hash_table_unref);
}

/**
 * tanlu_pathway_history_end:
 * @label: what the change was, for the Undo item's tooltip
 *
 * Records what changed since tanlu_pathway_history_begin() as one step to
 * undo; nothing when nothing changed. Clears what could be redone.
 */
gboolean
tanlu_pathway_history_end (TanluPathwayHistory  *self,
                           const char           *label,
                           GError              **error)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  TanluStoredPathway *pathway;
  Step *step;

  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);
  g_return_val_if_fail (self->snapshot != NULL, FALSE);

  before = g_steal_pointer (&self->snapshot);
  if (!(after = take_snapshot (self, error)))
    return FALSE;

  step = g_new0 (Step, 1);
  step->label = g_strdup (label);
  step->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pathway))
    {
      TanluStoredPathway *now = g_hash_table_lookup (after, &pathway->id);

      if (!stored_equal (pathway, now))
        {
          Change change = { pathway->id, stored_copy (pathway), stored_copy (now) };

          g_array_append_val (step->changes, change);
        }
    }

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pathway))
    if (!g_hash_table_contains (before, &pathway->id))
      {
        Change change = { pathway->id, NULL, stored_copy (pathway) };

        g_array_append_val (step->changes, change);
      }

  if (step->changes->len == 0)
    {
      step_free (step);
      return TRUE;
    }

  g_queue_push_head (&self->undo, step);
  while (g_queue_get_length (&self->undo) > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  clear_queue (&self->redo);
  notify_state (self);

  return TRUE;
}

/* Makes each changed pathway as the step had it before (or after). */
static gboolean
apply (TanluPathwayHistory  *self,
       Step                 *step,
       gboolean              to_before,
       GError              **error)
{
  TanluStore *store = tanlu_pathway_library_get_store (self->library);
  gboolean ok = TRUE;

  if (!tanlu_store_begin (store, error))
    return FALSE;

  /* Deletions first, so a name they free can be taken again. */
  for (guint pass = 0; pass < 2 && ok; pass++)
    for (guint i = 0; i < step->changes->len && ok; i++)
      {
        const Change *change = &g_array_index (step->changes, Change, i);
        const TanluStoredPathway *target = to_before ? change->before : change->after;

        if (pass == 0 && target == NULL)
          ok = tanlu_store_delete_pathway (store, change->id, error);
        else if (pass == 1 && target != NULL)
          ok = tanlu_store_save_pathway (store, change->id, target->name, target->region,
                                         target->spec, error) != 0;
      }

  if (!ok)
    {
      tanlu_store_rollback (store);
      return FALSE;
    }

  if (!tanlu_store_commit (store, error))
    return FALSE;

  tanlu_pathway_library_set_draft (self->library, NULL);
  tanlu_pathway_library_notify_changed (self->library);
  return TRUE;
}

gboolean
tanlu_pathway_history_can_undo (TanluPathwayHistory *self)
{
  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
tanlu_pathway_history_can_redo (TanluPathwayHistory *self)
{
  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

const char *
tanlu_pathway_history_get_undo_label (TanluPathwayHistory *self)
{
  Step *step = g_queue_peek_head (&self->undo);

  return step != NULL ? step->label : NULL;
}

const char *
tanlu_pathway_history_get_redo_label (TanluPathwayHistory *self)
{
  Step *step = g_queue_peek_head (&self->redo);

  return step != NULL ? step->label : NULL;
}

gboolean
tanlu_pathway_history_undo (TanluPathwayHistory  *self,
                            GError              **error)
{
  Step *step;

  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);

  if ((step = g_queue_peek_head (&self->undo)) == NULL)
    return TRUE;

  if (!apply (self, step, TRUE, error))
    return FALSE;

  g_queue_push_head (&self->redo, g_queue_pop_head (&self->undo));
  notify_state (self);
  return TRUE;
}

gboolean
tanlu_pathway_history_redo (TanluPathwayHistory  *self,
                            GError              **error)
{
  Step *step;

  g_return_val_if_fail (TANLU_IS_PATHWAY_HISTORY (self), FALSE);

  if ((step = g_queue_peek_head (&self->redo)) == NULL)
    return TRUE;

  if (!apply (self, step, FALSE, error))
    return FALSE;

  g_queue_push_head (&self->undo, g_queue_pop_head (&self->redo));
  notify_state (self);
  return TRUE;
}

/**
 * tanlu_pathway_history_clear:
 *
 * Forgets every step, as after the database changed under the history.
 */
void
tanlu_pathway_history_clear (TanluPathwayHistory *self)
{
  g_return_if_fail (TANLU_IS_PATHWAY_HISTORY (self));

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_state (self);
}
