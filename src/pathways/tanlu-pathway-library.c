/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tanlu-pathway-library.h"
#include "import/tanlu-input.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

/* The pathways of a database: the saved ones, the presets of every region,
 * and what running them needs from the observations. A pathway's levers
 * are its own keyframes laid over its parent's, down to a preset or to
 * none; a group's pathway is the sum of its members' pathways, each run
 * with the member's own presets and drivers. */

#define DEFAULT_GDP_SERIES        "gdp"
#define DEFAULT_POPULATION_SERIES "population"
#define MAX_INHERITANCE           64

struct _TanluPathwayLibrary
{
  GObject      parent_instance;

  TanluStore        *store;
  GHashTable        *inputs;   /* "code|gdp|population" → TanluPathwayInputs */
  GHashTable        *presets;  /* "code|preset|gdp|population" → TanluPathwaySpec */
  TanluPathwaySpec  *draft;    /* a saved pathway being edited, not saved yet */
};

G_DEFINE_FINAL_TYPE (TanluPathwayLibrary, tanlu_pathway_library, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tanlu_pathway_library_finalize (GObject *object)
{
  TanluPathwayLibrary *self = TANLU_PATHWAY_LIBRARY (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->presets, g_hash_table_unref);
  g_clear_pointer (&self->draft, tanlu_pathway_spec_unref);

  G_OBJECT_CLASS (tanlu_pathway_library_parent_class)->finalize (object);
}

static void
tanlu_pathway_library_class_init (TanluPathwayLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_pathway_library_finalize;

  /**
   * TanluPathwayLibrary::changed:
   *
   * Emitted when a pathway is saved, renamed or deleted, and when the
   * data pathways start from have changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tanlu_pathway_library_init (TanluPathwayLibrary *self)
{
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) tanlu_pathway_inputs_free);
  self->presets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) tanlu_pathway_spec_unref);
}

TanluPathwayLibrary *
tanlu_pathway_library_new (TanluStore *store)
{
  TanluPathwayLibrary *self;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  self = g_object_new (TANLU_TYPE_PATHWAY_LIBRARY, NULL);
  self->store = g_object_ref (store);

  return self;
}

TanluStore *
tanlu_pathway_library_get_store (TanluPathwayLibrary *self)
{
  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  return self->store;
}

/**
 * tanlu_pathway_library_invalidate:
 *
 * Forgets what was read from the observations, after an import.
 */
void
tanlu_pathway_library_invalidate (TanluPathwayLibrary *self)
{
  g_return_if_fail (TANLU_IS_PATHWAY_LIBRARY (self));

  g_hash_table_remove_all (self->inputs);
  g_hash_table_remove_all (self->presets);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tanlu_pathway_library_notify_changed:
 *
 * Says that saved pathways changed behind the library's back (as undo
 * does), so whoever shows them reads them again.
 */
void
tanlu_pathway_library_notify_changed (TanluPathwayLibrary *self)
{
  g_return_if_fail (TANLU_IS_PATHWAY_LIBRARY (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tanlu_pathway_library_set_draft:
 * @draft: (nullable): a saved pathway as it is being edited
 *
 * Until the draft is saved or cleared, the library runs @draft wherever
 * its pathway is named (charts of it and of the pathways inheriting from
 * it), so an edit shows everywhere at once without a write to the
 * database for every movement.
 */
void
tanlu_pathway_library_set_draft (TanluPathwayLibrary *self,
                                 TanluPathwaySpec    *draft)
{
  g_return_if_fail (TANLU_IS_PATHWAY_LIBRARY (self));

  g_clear_pointer (&self->draft, tanlu_pathway_spec_unref);
  if (draft != NULL)
    self->draft = tanlu_pathway_spec_copy (draft);
}

/**
 * tanlu_pathway_library_display_name:
 *
 * Returns: (transfer full): a preset's name in the language, or @name
 */
char *
tanlu_pathway_library_display_name (const char *name,
                                    gboolean    chinese)
{
  TanluPreset preset;

  if (tanlu_preset_from_string (name, &preset))
    return g_strdup (tanlu_preset_get_name (preset, chinese));

  return g_strdup (name);
}

/* ------------------------------------------------------------------------ */
/* Inputs                                                                   */

static gboolean
unknown_region (const char  *region,
                GError     **error)
{
  g_autofree char *quoted = tanlu_input_quote (region != NULL ? region : "", -1);

  g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_REGION,
               _("“region”: there is no region or group “%s”; give a region code such as "
                 "510000 or a group key such as sichuan-chongqing"),
               quoted);
  return FALSE;
}

/* Reads a driver series into a dense array; returns the first year whose
 * value comes from a projection source. */
static GArray *
read_driver (TanluStore  *store,
             guint        code,
             const char  *indicator,
             guint       *first_year,
             guint       *projected_from,
             GError     **error)
{
  g_autoptr(GArray) series = tanlu_store_get_series (store, code, indicator, error);
  GArray *values;

  *projected_from = G_MAXUINT;
  if (series == NULL || series->len == 0)
    return NULL;

  *first_year = g_array_index (series, TanluSeriesPoint, 0).year;
  values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < series->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, i);
      TanluSource *source = tanlu_store_get_source (store, point->source_id);
      double missing = NAN;

      while (*first_year + values->len < point->year)
        g_array_append_val (values, missing);
      g_array_append_val (values, point->value);
      if (source != NULL && tanlu_source_is_projection (source) && *projected_from == G_MAXUINT)
        *projected_from = point->year;
    }

  return values;
}

static gboolean
unknown_driver (TanluStore  *store,
                const char  *code,
                const char  *what,
                GError     **error)
{
  g_autofree char *quoted = tanlu_input_quote (code, -1);

  (void) store;
  g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DRIVER,
               _("“drivers.%s”: there is no indicator “%s” in the database"), what, quoted);
  return FALSE;
}

static TanluPathwayInputs *
load_inputs (TanluPathwayLibrary  *self,
             TanluRegion          *region,
             const char           *gdp_series,
             const char           *population_series,
             GError              **error)
{
  g_autoptr(TanluPathwayInputs) inputs = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) gdp = NULL;
  g_autoptr(GArray) population = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  guint code = tanlu_region_get_code (region);
  guint first_year, base_year, projected_from;
  TanluRegionLevel level = tanlu_region_get_level (region);

  if (!(history = tanlu_store_get_series (self->store, code, TANLU_INDICATOR_CO2_TOTAL, error)))
    return NULL;

  if (history->len == 0)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DATA,
                   _("%s (%u) has no CO₂ emissions in the database; a pathway starts from the "
                     "region's latest observed year"),
                   tanlu_region_get_display_name (region), code);
      return NULL;
    }

  first_year = g_array_index (history, TanluSeriesPoint, 0).year;
  base_year = g_array_index (history, TanluSeriesPoint, history->len - 1).year;
  inputs = tanlu_pathway_inputs_new (code, first_year, base_year);
  inputs->region_name_zh = g_strdup (tanlu_region_get_name_zh (region));
  inputs->region_name_en = g_strdup (tanlu_region_get_name_en (region));
  for (guint i = 0; i < history->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (history, TanluSeriesPoint, i);

      inputs->history[point->year - first_year] = point->value;
    }

  /* Sector groups: the provinces' and the nation's inventories break
   * emissions down by sector. */
  if (level == TANLU_REGION_LEVEL_NATION || level == TANLU_REGION_LEVEL_PROVINCE)
    {
      double base_sum = 0;
      gboolean any = FALSE;

      indicators = tanlu_store_list_indicators (self->store);
      for (guint i = 0; i < indicators->len; i++)
        {
          const char *indicator = tanlu_indicator_get_code (g_ptr_array_index (indicators, i));
          int group = tanlu_sector_group_for_indicator (indicator);
          g_autoptr(GArray) series = NULL;

          if (group < 0)
            continue;
          if (!(series = tanlu_store_get_series (self->store, code, indicator, error)))
            return NULL;

          for (guint k = 0; k < series->len; k++)
            {
              const TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, k);
              double *value;

              if (point->year < first_year || point->year > base_year)
                continue;
              value = &inputs->groups[group][point->year - first_year];
              *value = (isnan (*value) ? 0 : *value) + point->value;
              if (point->year == base_year)
                {
                  base_sum += point->value;
                  any = TRUE;
                }
            }
        }

      /* Only when the sectors account for the whole total. */
      inputs->has_groups = any && fabs (base_sum - inputs->history[base_year - first_year]) <=
                                    1e-6 * fabs (inputs->history[base_year - first_year]) + 1e-9;
    }

  /* GDP: the region's own, or for a city its province's growth. */
  inputs->gdp_series = g_strdup (gdp_series != NULL ? gdp_series : DEFAULT_GDP_SERIES);
  if (tanlu_store_lookup_indicator (self->store, inputs->gdp_series) == NULL)
    {
      unknown_driver (self->store, inputs->gdp_series, "gdp", error);
      return NULL;
    }
  if (!(gdp = read_driver (self->store, code, inputs->gdp_series, &first_year, &projected_from,
                           error)) &&
      error != NULL && *error != NULL)
    return NULL;

  if (gdp == NULL && level == TANLU_REGION_LEVEL_CITY)
    {
      TanluRegion *province = tanlu_store_lookup_region (self->store,
                                                         tanlu_region_get_parent_code (region));

      if (province != NULL &&
          (gdp = read_driver (self->store, tanlu_region_get_code (province), inputs->gdp_series,
                              &first_year, &projected_from, error)) != NULL)
        {
          inputs->gdp_is_proxy = TRUE;
          inputs->gdp_proxy_name_zh = g_strdup (tanlu_region_get_name_zh (province));
          inputs->gdp_proxy_name_en = g_strdup (tanlu_region_get_name_en (province));
        }
      else if (error != NULL && *error != NULL)
        return NULL;
    }

  if (gdp != NULL)
    {
      tanlu_pathway_inputs_set_gdp (inputs, first_year, gdp->len, (double *) gdp->data);
      inputs->gdp_projected_from = projected_from;
    }

  inputs->population_series =
    g_strdup (population_series != NULL ? population_series : DEFAULT_POPULATION_SERIES);
  if (tanlu_store_lookup_indicator (self->store, inputs->population_series) == NULL)
    {
      unknown_driver (self->store, inputs->population_series, "population", error);
      return NULL;
    }
  if (!(population = read_driver (self->store, code, inputs->population_series, &first_year,
                                  &projected_from, error)) &&
      error != NULL && *error != NULL)
    return NULL;
  if (population != NULL)
    {
      tanlu_pathway_inputs_set_population (inputs, first_year, population->len,
                                           (double *) population->data);
      inputs->population_projected_from = projected_from;
    }

  return g_steal_pointer (&inputs);
}

/**
 * tanlu_pathway_library_get_inputs:
 * @code: a region's code (not a group)
 * @gdp_series: (nullable): the GDP driver's indicator, "gdp" by default
 * @population_series: (nullable): the population driver's, "population" by default
 *
 * Returns: (transfer none) (nullable): the region's history and drivers,
 *   kept until the library is invalidated
 */
TanluPathwayInputs *
tanlu_pathway_library_get_inputs (TanluPathwayLibrary  *self,
                                  guint                 code,
                                  const char           *gdp_series,
                                  const char           *population_series,
                                  GError              **error)
{
  g_autofree char *key = NULL;
  TanluPathwayInputs *inputs;
  TanluRegion *region;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  key = g_strdup_printf ("%u|%s|%s", code, gdp_series != NULL ? gdp_series : "",
                         population_series != NULL ? population_series : "");
  if ((inputs = g_hash_table_lookup (self->inputs, key)) != NULL)
    return inputs;

  region = tanlu_store_lookup_region (self->store, code);
  if (region == NULL || tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      g_autofree char *text = g_strdup_printf ("%u", code);

      unknown_region (text, error);
      return NULL;
    }

  if (!(inputs = load_inputs (self, region, gdp_series, population_series, error)))
    return NULL;

  g_hash_table_insert (self->inputs, g_steal_pointer (&key), inputs);
  return inputs;
}

/* ------------------------------------------------------------------------ */
/* Saved pathways                                                           */

static TanluPathwaySpec *
spec_from_stored (TanluStoredPathway  *stored,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  TanluPathwaySpec *spec;

  spec = tanlu_pathway_spec_new_from_json (stored->spec, -1, stored->name, &local_error);
  if (spec == NULL)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("The saved pathway “%s” cannot be read: %s"), stored->name,
                   local_error->message);
      return NULL;
    }

  tanlu_pathway_spec_set_id (spec, stored->id);
  tanlu_pathway_spec_set_name (spec, stored->name);
  return spec;
}

/**
 * tanlu_pathway_library_list:
 * @region: (nullable): only this region's pathways
 *
 * Returns: (transfer full) (element-type TanluPathwaySpec) (nullable): the
 *   saved pathways by name
 */
GPtrArray *
tanlu_pathway_library_list (TanluPathwayLibrary  *self,
                            const char           *region,
                            GError              **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) specs =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_pathway_spec_unref);

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  if (!(stored = tanlu_store_list_pathways (self->store, error)))
    return NULL;

  for (guint i = 0; i < stored->len; i++)
    {
      TanluStoredPathway *pathway = g_ptr_array_index (stored, i);
      TanluPathwaySpec *spec;

      if (region != NULL && g_strcmp0 (pathway->region, region) != 0)
        continue;
      if (!(spec = spec_from_stored (pathway, error)))
        return NULL;
      g_ptr_array_add (specs, spec);
    }

  return g_steal_pointer (&specs);
}

/**
 * tanlu_pathway_library_lookup:
 *
 * Returns: (transfer full) (nullable): the saved pathway of that name;
 *   %NULL without an error when there is none
 */
TanluPathwaySpec *
tanlu_pathway_library_lookup (TanluPathwayLibrary  *self,
                              const char           *name,
                              GError              **error)
{
  g_autoptr(TanluStoredPathway) stored = NULL;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  if (name != NULL && self->draft != NULL &&
      g_strcmp0 (tanlu_pathway_spec_get_name (self->draft), name) == 0)
    return tanlu_pathway_spec_copy (self->draft);

  if (name == NULL || !(stored = tanlu_store_lookup_pathway (self->store, name, error)))
    return NULL;

  return spec_from_stored (stored, error);
}

/* Follows @spec's parents to a preset or to none, refusing a circle. The
 * chain is returned child first; *preset is set when it ends at one. */
static GPtrArray *
inheritance_chain (TanluPathwayLibrary     *self,
                   const TanluPathwaySpec  *spec,
                   int                     *preset,
                   GError                 **error)
{
  g_autoptr(GPtrArray) chain =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_pathway_spec_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *parent = tanlu_pathway_spec_get_parent (spec);

  *preset = -1;
  g_ptr_array_add (chain, tanlu_pathway_spec_copy (spec));
  if (tanlu_pathway_spec_get_name (spec) != NULL)
    g_hash_table_add (seen, (gpointer) tanlu_pathway_spec_get_name (spec));

  while (parent != NULL)
    {
      TanluPreset found;
      TanluPathwaySpec *next;

      if (tanlu_preset_from_string (parent, &found))
        {
          *preset = found;
          break;
        }

      if (g_hash_table_contains (seen, parent) || chain->len > MAX_INHERITANCE)
        {
          g_autofree char *quoted = tanlu_input_quote (parent, -1);

          g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_CIRCULAR,
                       _("“parent”: “%s” inherits from itself through its parents; a pathway "
                         "must end its inheritance at a preset or at none"),
                       quoted);
          return NULL;
        }

      if (!(next = tanlu_pathway_library_lookup (self, parent, error)))
        {
          if (error == NULL || *error == NULL)
            {
              g_autofree char *quoted = tanlu_input_quote (parent, -1);

              g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_PARENT,
                           _("“parent”: there is no preset or saved pathway “%s”; the presets "
                             "are trend, targets and accelerated"),
                           quoted);
            }
          return NULL;
        }

      g_ptr_array_add (chain, next);
      g_hash_table_add (seen, (gpointer) tanlu_pathway_spec_get_name (next));
      parent = tanlu_pathway_spec_get_parent (next);
    }

  return g_steal_pointer (&chain);
}

/**
 * tanlu_pathway_library_validate:
 *
 * Checks what can be checked without running: the name, the region, the
 * parent and the inheritance, and levers that do not fit the region.
 */
gboolean
tanlu_pathway_library_validate (TanluPathwayLibrary     *self,
                                const TanluPathwaySpec  *spec,
                                GError                 **error)
{
  g_autoptr(GPtrArray) chain = NULL;
  const char *name = tanlu_pathway_spec_get_name (spec);
  TanluRegion *region;
  TanluPreset preset;
  int root;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), FALSE);

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("“name”: a saved pathway needs a name"));
      return FALSE;
    }
  if (tanlu_preset_from_string (name, &preset))
    {
      g_autofree char *quoted = tanlu_input_quote (name, -1);

      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("“name”: “%s” is the name of a preset; choose another name"), quoted);
      return FALSE;
    }

  region = tanlu_store_lookup_region_by_key (self->store, tanlu_pathway_spec_get_region (spec));
  if (region == NULL)
    return unknown_region (tanlu_pathway_spec_get_region (spec), error);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP &&
      tanlu_pathway_spec_get_keyframes (spec, TANLU_LEVER_EMISSIONS) != NULL)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("“levers.co2_mt”: %s is a group, whose pathway is the sum of its members' "
                     "pathways; give emissions in the members' own pathways"),
                   tanlu_region_get_display_name (region));
      return FALSE;
    }

  return (chain = inheritance_chain (self, spec, &root, error)) != NULL;
}

static gboolean
in_transaction (TanluPathwayLibrary  *self,
                gboolean              ok,
                GError              **error)
{
  if (ok)
    return tanlu_store_commit (self->store, error);

  tanlu_store_rollback (self->store);
  return FALSE;
}

/**
 * tanlu_pathway_library_save:
 *
 * Saves a new pathway (its id 0, which is then set) or replaces the saved
 * one with its id.
 */
gboolean
tanlu_pathway_library_save (TanluPathwayLibrary  *self,
                            TanluPathwaySpec     *spec,
                            GError              **error)
{
  g_autofree char *json = NULL;
  gint64 id;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), FALSE);

  if (!tanlu_pathway_library_validate (self, spec, error))
    return FALSE;

  json = tanlu_pathway_spec_to_json (spec);
  id = tanlu_store_save_pathway (self->store, tanlu_pathway_spec_get_id (spec),
                                 tanlu_pathway_spec_get_name (spec),
                                 tanlu_pathway_spec_get_region (spec), json, error);
  if (id == 0)
    return FALSE;

  tanlu_pathway_spec_set_id (spec, id);
  if (self->draft != NULL && tanlu_pathway_spec_get_id (self->draft) == id)
    g_clear_pointer (&self->draft, tanlu_pathway_spec_unref);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tanlu_pathway_library_rename:
 *
 * Renames a saved pathway, and the parent of each pathway that inherits
 * from it, at once.
 */
gboolean
tanlu_pathway_library_rename (TanluPathwayLibrary  *self,
                              TanluPathwaySpec     *spec,
                              const char           *name,
                              GError              **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *old_name = g_strdup (tanlu_pathway_spec_get_name (spec));
  g_autoptr(TanluPathwaySpec) renamed = tanlu_pathway_spec_copy (spec);
  gboolean ok = TRUE;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), FALSE);

  tanlu_pathway_spec_set_name (renamed, name);
  if (!tanlu_pathway_library_validate (self, renamed, error) ||
      !(all = tanlu_pathway_library_list (self, NULL, error)) ||
      !tanlu_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; ok && i < all->len; i++)
    {
      TanluPathwaySpec *other = g_ptr_array_index (all, i);
      g_autofree char *json = NULL;

      if (g_strcmp0 (tanlu_pathway_spec_get_parent (other), old_name) != 0)
        continue;

      tanlu_pathway_spec_set_parent (other, name);
      json = tanlu_pathway_spec_to_json (other);
      ok = tanlu_store_save_pathway (self->store, tanlu_pathway_spec_get_id (other),
                                     tanlu_pathway_spec_get_name (other),
                                     tanlu_pathway_spec_get_region (other), json, error) != 0;
    }

  if (ok)
    {
      g_autofree char *json = tanlu_pathway_spec_to_json (renamed);

      ok = tanlu_store_save_pathway (self->store, tanlu_pathway_spec_get_id (spec), name,
                                     tanlu_pathway_spec_get_region (renamed), json, error) != 0;
    }

  if (!in_transaction (self, ok, error))
    return FALSE;

  tanlu_pathway_spec_set_name (spec, name);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tanlu_pathway_library_delete:
 *
 * Deletes a saved pathway. Pathways that inherit from it inherit from its
 * parent instead, with its keyframes laid under their own, so none of them
 * changes.
 */
gboolean
tanlu_pathway_library_delete (TanluPathwayLibrary  *self,
                              TanluPathwaySpec     *spec,
                              GError              **error)
{
  g_autoptr(GPtrArray) all = NULL;
  const char *name = tanlu_pathway_spec_get_name (spec);
  gboolean ok = TRUE;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), FALSE);

  if (!(all = tanlu_pathway_library_list (self, NULL, error)) ||
      !tanlu_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; ok && i < all->len; i++)
    {
      TanluPathwaySpec *child = g_ptr_array_index (all, i);
      g_autoptr(TanluPathwaySpec) merged = NULL;
      g_autofree char *json = NULL;

      if (g_strcmp0 (tanlu_pathway_spec_get_parent (child), name) != 0)
        continue;

      merged = tanlu_pathway_spec_copy (spec);
      tanlu_pathway_spec_overlay (merged, child);
      tanlu_pathway_spec_set_parent (merged, tanlu_pathway_spec_get_parent (spec));
      json = tanlu_pathway_spec_to_json (merged);
      ok = tanlu_store_save_pathway (self->store, tanlu_pathway_spec_get_id (child),
                                     tanlu_pathway_spec_get_name (child),
                                     tanlu_pathway_spec_get_region (child), json, error) != 0;
    }

  ok = ok && tanlu_store_delete_pathway (self->store, tanlu_pathway_spec_get_id (spec), error);

  if (!in_transaction (self, ok, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tanlu_pathway_library_unique_name:
 *
 * Returns: (transfer full): @name, or @name with a number after it, that
 *   no saved pathway or preset has
 */
char *
tanlu_pathway_library_unique_name (TanluPathwayLibrary *self,
                                   const char          *name)
{
  g_autofree char *candidate = g_strdup (name);
  TanluPreset preset;

  for (guint n = 2;; n++)
    {
      g_autoptr(TanluStoredPathway) existing =
        tanlu_store_lookup_pathway (self->store, candidate, NULL);

      if (existing == NULL && !tanlu_preset_from_string (candidate, &preset))
        return g_steal_pointer (&candidate);

      g_free (candidate);
      candidate = g_strdup_printf ("%s %u", name, n);
    }
}

/* ------------------------------------------------------------------------ */
/* Running                                                                  */

/**
 * tanlu_pathway_library_resolve:
 * @code: the region whose presets and drivers the levers are resolved
 *   with (for a group, one of its members)
 *
 * Returns: (transfer full) (nullable): @spec's levers with its parents'
 *   under them
 */
TanluPathwaySpec *
tanlu_pathway_library_resolve (TanluPathwayLibrary     *self,
                               const TanluPathwaySpec  *spec,
                               guint                    code,
                               GError                 **error)
{
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(TanluPathwaySpec) resolved = NULL;
  int preset;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  if (!(chain = inheritance_chain (self, spec, &preset, error)))
    return NULL;

  if (preset >= 0)
    {
      const TanluPathwaySpec *last = g_ptr_array_index (chain, chain->len - 1);
      const char *gdp_series = NULL, *population_series = NULL;
      g_autofree char *key = NULL;
      TanluPathwayInputs *inputs;
      TanluPathwaySpec *cached;

      /* The preset is made with the drivers the pathway will run with:
       * its own, or the nearest parent's. */
      for (guint i = 0; i < chain->len; i++)
        {
          const TanluPathwaySpec *link = g_ptr_array_index (chain, i);

          if (gdp_series == NULL)
            gdp_series = tanlu_pathway_spec_get_gdp_series (link);
          if (population_series == NULL)
            population_series = tanlu_pathway_spec_get_population_series (link);
        }

      /* A preset follows from the data alone: made once, until the data
       * change. */
      key = g_strdup_printf ("%u|%d|%s|%s", code, preset, gdp_series ? gdp_series : "",
                             population_series ? population_series : "");
      if ((cached = g_hash_table_lookup (self->presets, key)) == NULL)
        {
          inputs = tanlu_pathway_library_get_inputs (self, code, gdp_series, population_series,
                                                     error);
          if (inputs == NULL ||
              !(cached = tanlu_preset_make_spec (preset, tanlu_pathway_spec_get_region (last),
                                                 inputs, error)))
            return NULL;
          g_hash_table_insert (self->presets, g_steal_pointer (&key), cached);
        }
      resolved = tanlu_pathway_spec_copy (cached);
      tanlu_pathway_spec_set_region (resolved, tanlu_pathway_spec_get_region (last));
    }
  else
    resolved = tanlu_pathway_spec_new (NULL, NULL);

  for (guint i = chain->len; i > 0; i--)
    tanlu_pathway_spec_overlay (resolved, g_ptr_array_index (chain, i - 1));

  return g_steal_pointer (&resolved);
}

static TanluPathway *
run_region (TanluPathwayLibrary     *self,
            const TanluPathwaySpec  *spec,
            guint                    code,
            gboolean                 as_member,
            GError                 **error)
{
  g_autoptr(TanluPathwaySpec) resolved = NULL;
  TanluPathwayInputs *inputs;

  if (!(resolved = tanlu_pathway_library_resolve (self, spec, code, error)))
    return NULL;

  /* A group's removals are the group's, subtracted once from the sum. */
  if (as_member)
    tanlu_pathway_spec_clear_lever (resolved, TANLU_LEVER_REMOVALS);

  inputs = tanlu_pathway_library_get_inputs (self, code,
                                             tanlu_pathway_spec_get_gdp_series (resolved),
                                             tanlu_pathway_spec_get_population_series (resolved),
                                             error);
  if (inputs == NULL)
    return NULL;

  return tanlu_pathway_compute (resolved, inputs, error);
}

/**
 * tanlu_pathway_library_run:
 *
 * Runs a pathway (saved or not) for its region or group.
 *
 * Returns: (transfer full) (nullable): the pathway
 */
TanluPathway *
tanlu_pathway_library_run (TanluPathwayLibrary     *self,
                           const TanluPathwaySpec  *spec,
                           GError                 **error)
{
  const char *key = tanlu_pathway_spec_get_region (spec);
  TanluRegion *region;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) without_data = NULL;
  g_autoptr(TanluPathwaySpec) group_spec = NULL;
  TanluPathway *sum;
  const guint *codes;
  guint n_codes;

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  region = key != NULL ? tanlu_store_lookup_region_by_key (self->store, key) : NULL;
  if (region == NULL)
    {
      unknown_region (key, error);
      return NULL;
    }

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    return run_region (self, spec, tanlu_region_get_code (region), FALSE, error);

  if (tanlu_pathway_spec_get_keyframes (spec, TANLU_LEVER_EMISSIONS) != NULL)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("“levers.co2_mt”: %s is a group, whose pathway is the sum of its members' "
                     "pathways; give emissions in the members' own pathways"),
                   tanlu_region_get_display_name (region));
      return NULL;
    }

  codes = tanlu_region_get_member_codes (region, &n_codes);
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_pathway_unref);
  without_data = g_ptr_array_new ();
  for (guint i = 0; i < n_codes; i++)
    {
      g_autoptr(GError) member_error = NULL;
      TanluRegion *member_region = tanlu_store_lookup_region (self->store, codes[i]);
      TanluPathway *member = run_region (self, spec, codes[i], TRUE, &member_error);

      /* A member without any emissions is left out, and the sum says so;
       * any other problem stops the group. */
      if (member == NULL &&
          g_error_matches (member_error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DATA))
        {
          g_ptr_array_add (without_data, member_region);
          continue;
        }
      if (member == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&member_error), _("%s, a member of %s: "),
                                      tanlu_region_get_display_name (member_region),
                                      tanlu_region_get_display_name (region));
          return NULL;
        }
      g_ptr_array_add (members, member);
    }

  if (members->len == 0)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DATA,
                   _("No member of %s has CO₂ emissions in the database"),
                   tanlu_region_get_display_name (region));
      return NULL;
    }

  /* The group's own levers as far as they are the group's: its removals. */
  group_spec = tanlu_pathway_spec_copy (spec);
  {
    g_autoptr(TanluPathwaySpec) resolved = tanlu_pathway_library_resolve (self, spec, codes[0],
                                                                          error);

    if (resolved == NULL)
      return NULL;
    tanlu_pathway_spec_clear_lever (group_spec, TANLU_LEVER_REMOVALS);
    if (tanlu_pathway_spec_get_keyframes (resolved, TANLU_LEVER_REMOVALS) != NULL)
      {
        const GArray *removals = tanlu_pathway_spec_get_keyframes (resolved, TANLU_LEVER_REMOVALS);

        for (guint i = 0; i < removals->len; i++)
          tanlu_pathway_spec_set_keyframe (group_spec, TANLU_LEVER_REMOVALS,
                                           g_array_index (removals, TanluKeyframe, i).year,
                                           g_array_index (removals, TanluKeyframe, i).value);
      }
  }

  sum = tanlu_pathway_sum (tanlu_pathway_spec_get_name (spec), key,
                           tanlu_region_get_name_zh (region), tanlu_region_get_name_en (region),
                           group_spec, (TanluPathway **) members->pdata, members->len, error);
  if (sum != NULL && without_data->len > 0)
    {
      g_autoptr(GString) names_zh = g_string_new (NULL);
      g_autoptr(GString) names_en = g_string_new (NULL);
      g_autofree char *note_zh = NULL;
      g_autofree char *note_en = NULL;

      for (guint i = 0; i < without_data->len; i++)
        {
          TanluRegion *missing = g_ptr_array_index (without_data, i);

          g_string_append_printf (names_zh, "%s%s", i > 0 ? "、" : "",
                                  tanlu_region_get_name_zh (missing));
          g_string_append_printf (names_en, "%s%s", i > 0 ? ", " : "",
                                  tanlu_region_get_name_en (missing));
        }
      note_zh = g_strdup_printf ("只含%u个成员中的%u个：%s没有二氧化碳排放数据。", n_codes,
                                 members->len, names_zh->str);
      note_en = g_strdup_printf ("Covers %u of %u members: %s %s no CO₂ emissions in the "
                                 "database.",
                                 members->len, n_codes, names_en->str,
                                 without_data->len == 1 ? "has" : "have");
      g_ptr_array_insert (sum->notes_zh, 0, g_steal_pointer (&note_zh));
      g_ptr_array_insert (sum->notes_en, 0, g_steal_pointer (&note_en));
      sum->n_members = n_codes;
      sum->n_members_with_data = members->len;
    }

  return sum;
}

/**
 * tanlu_pathway_library_run_preset:
 *
 * Returns: (transfer full) (nullable): a preset for a region or group
 */
TanluPathway *
tanlu_pathway_library_run_preset (TanluPathwayLibrary  *self,
                                  const char           *region,
                                  TanluPreset           preset,
                                  GError              **error)
{
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new (tanlu_preset_to_string (preset),
                                                             region);

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (self), NULL);

  tanlu_pathway_spec_set_parent (spec, tanlu_preset_to_string (preset));
  return tanlu_pathway_library_run (self, spec, error);
}

/**
 * tanlu_pathway_library_run_named:
 * @region: (nullable): the region, for a preset
 * @name: a preset or a saved pathway
 *
 * Returns: (transfer full) (nullable): the pathway
 */
TanluPathway *
tanlu_pathway_library_run_named (TanluPathwayLibrary  *self,
                                 const char           *region,
                                 const char           *name,
                                 GError              **error)
{
  g_autoptr(TanluPathwaySpec) spec = NULL;
  TanluPreset preset;

  if (tanlu_preset_from_string (name, &preset))
    {
      if (region == NULL)
        {
          g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                       _("A preset needs a region"));
          return NULL;
        }
      return tanlu_pathway_library_run_preset (self, region, preset, error);
    }

  if (!(spec = tanlu_pathway_library_lookup (self, name, error)))
    {
      if (error == NULL || *error == NULL)
        {
          g_autofree char *quoted = tanlu_input_quote (name, -1);

          g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_PARENT,
                       _("There is no preset or saved pathway “%s”; the presets are trend, "
                         "targets and accelerated"),
                       quoted);
        }
      return NULL;
    }

  return tanlu_pathway_library_run (self, spec, error);
}
