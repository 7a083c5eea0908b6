/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-observation-list"

#include "config.h"

#include "tanlu-observation-list.h"
#include "tanlu-indicator.h"
#include "tanlu-observation.h"
#include "tanlu-region.h"
#include "tanlu-source.h"

/* A region's observations as a list model that makes its items only when
 * asked: a table shows a few dozen of a province's 1,587 rows at a time. */

typedef struct
{
  TanluRegion    *region;
  TanluIndicator *indicator;
  TanluSource    *source;
  double          value;
  guint           year;
  guint           source_code;
  const char     *origin;
  const char     *imported_at;
  const char     *import_path;
} Entry;

struct _TanluObservationList
{
  GObject     parent_instance;

  GArray     *entries;
  GHashTable *owned;      /* one reference to each region, indicator and source */
  GPtrArray  *sources;    /* in order of first appearance */
  GStringChunk *strings;  /* the entries' provenance */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluObservationList, tanlu_observation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gpointer
own (TanluObservationList *self,
     gpointer              object)
{
  if (!g_hash_table_contains (self->owned, object))
    g_hash_table_add (self->owned, g_object_ref (object));

  return object;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  guint ca = tanlu_region_get_code (ea->region);
  guint cb = tanlu_region_get_code (eb->region);
  int sa = tanlu_indicator_get_sort_order (ea->indicator);
  int sb = tanlu_indicator_get_sort_order (eb->indicator);

  if (ca != cb)
    return ca < cb ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea->indicator != eb->indicator)
    return g_strcmp0 (tanlu_indicator_get_code (ea->indicator),
                      tanlu_indicator_get_code (eb->indicator));

  return (ea->year > eb->year) - (ea->year < eb->year);
}

static GType
tanlu_observation_list_get_item_type (GListModel *model)
{
  return TANLU_TYPE_OBSERVATION;
}

static guint
tanlu_observation_list_get_n_items (GListModel *model)
{
  return TANLU_OBSERVATION_LIST (model)->entries->len;
}

static gpointer
tanlu_observation_list_get_item (GListModel *model,
                                 guint       position)
{
  TanluObservationList *self = TANLU_OBSERVATION_LIST (model);
  TanluObservationDetails details;
  TanluObservation *observation;
  const Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  details = (TanluObservationDetails) {
    entry->origin, entry->source_code, entry->imported_at, entry->import_path
  };
  observation = tanlu_observation_new (entry->region, entry->indicator, entry->year, entry->value,
                                       entry->source);
  tanlu_observation_set_details (observation, &details);

  return observation;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tanlu_observation_list_get_item_type;
  iface->get_n_items = tanlu_observation_list_get_n_items;
  iface->get_item = tanlu_observation_list_get_item;
}

static void
tanlu_observation_list_finalize (GObject *object)
{
  TanluObservationList *self = (TanluObservationList *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->owned, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (tanlu_observation_list_parent_class)->finalize (object);
}

static void
tanlu_observation_list_class_init (TanluObservationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_observation_list_finalize;
}

static void
tanlu_observation_list_init (TanluObservationList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->owned = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->sources = g_ptr_array_new ();
  self->strings = g_string_chunk_new (4096);
}

TanluObservationList *
tanlu_observation_list_new (void)
{
  return g_object_new (TANLU_TYPE_OBSERVATION_LIST, NULL);
}

/**
 * tanlu_observation_list_append:
 *
 * Adds an observation. Emits no signal: the list is filled before anyone
 * watches it.
 */
void
tanlu_observation_list_append (TanluObservationList *self,
                               TanluRegion          *region,
                               TanluIndicator       *indicator,
                               guint                 year,
                               double                value,
                               TanluSource          *source)
{
  Entry entry;

  g_return_if_fail (TANLU_IS_OBSERVATION_LIST (self));
  g_return_if_fail (TANLU_IS_REGION (region));
  g_return_if_fail (TANLU_IS_INDICATOR (indicator));
  g_return_if_fail (TANLU_IS_SOURCE (source));

  if (!g_hash_table_contains (self->owned, source))
    g_ptr_array_add (self->sources, source);

  entry.region = own (self, region);
  entry.indicator = own (self, indicator);
  entry.source = own (self, source);
  entry.year = year;
  entry.value = value;
  entry.source_code = 0;
  entry.origin = entry.imported_at = entry.import_path = NULL;
  g_array_append_val (self->entries, entry);
}

static const char *
keep (TanluObservationList *self,
      const char           *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

/**
 * tanlu_observation_list_append_with_details:
 * @details: where the figure was read and when it was imported
 *
 * Like tanlu_observation_list_append(), with the figure's provenance.
 */
void
tanlu_observation_list_append_with_details (TanluObservationList          *self,
                                            TanluRegion                   *region,
                                            TanluIndicator                *indicator,
                                            guint                          year,
                                            double                         value,
                                            TanluSource                   *source,
                                            const TanluObservationDetails *details)
{
  Entry *entry;

  g_return_if_fail (details != NULL);

  tanlu_observation_list_append (self, region, indicator, year, value, source);
  entry = &g_array_index (self->entries, Entry, self->entries->len - 1);
  entry->origin = keep (self, details->origin);
  entry->imported_at = keep (self, details->imported_at);
  entry->import_path = keep (self, details->import_path);
  entry->source_code = details->source_code;
}

/**
 * tanlu_observation_list_sort:
 *
 * Puts the observations in reading order: by region, the indicator's
 * display order, then year. Emits no signal.
 */
void
tanlu_observation_list_sort (TanluObservationList *self)
{
  g_return_if_fail (TANLU_IS_OBSERVATION_LIST (self));

  g_array_sort (self->entries, compare_entries);
}

/**
 * tanlu_observation_list_get_sources:
 *
 * Returns: (transfer none) (element-type TanluSource): the sources of the
 *   observations, each once
 */
GPtrArray *
tanlu_observation_list_get_sources (TanluObservationList *self)
{
  g_return_val_if_fail (TANLU_IS_OBSERVATION_LIST (self), NULL);

  return self->sources;
}
