/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tanlu-pathways-page-private.h"
#include "tanlu-columns-layout.h"
#include "charts/tanlu-chart-scale.h"
#include "pathways/tanlu-pathway-check.h"
#include "pathways/tanlu-pathway-export.h"
#include "pathways/tanlu-pathway-history.h"
#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context-view.h"
#include "widgets/tanlu-context.h"
#include "widgets/tanlu-export-dialog.h"
#include "widgets/tanlu-table-exportable.h"

#define MAX_SHOWN 6

/* The future of the selected region: its history and up to six pathways
 * on one chart, the levers of the selected pathway to drag, how each
 * pathway does against the targets, their figures side by side, and how
 * they differ from a reference pathway, in total and by sector group.
 *
 * Presets are computed from the data and cannot be edited; a planner
 * builds on one. An edit changes a draft the charts follow at once and is
 * saved when the drag ends, as one step to undo. */

typedef enum
{
  METRIC_TOTAL,
  METRIC_INDEX_2005,
  METRIC_INDEX_2020,
  METRIC_PER_PERSON,
  METRIC_SECTORS,
} Metric;

typedef struct
{
  char             *name;      /* preset key or saved name */
  TanluPathwaySpec *spec;      /* saved pathways only */
  TanluPathway     *result;    /* NULL when it cannot be run */
  char             *problem;
  gboolean          shown;
} Entry;

struct _TanluPathwaysPage
{
  TanluContextView     parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkLabel            *heading_label;
  GtkDropDown         *metric_dropdown;
  GtkLabel            *notes_label;
  TanluChartCard      *main_card;
  TanluChartCard      *difference_card;
  TanluChartCard      *wedge_card;
  GtkBox              *work_box;
  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *editor_group;
  AdwPreferencesGroup *checks_group;
  AdwPreferencesGroup *table_group;
  GtkListBox          *pathway_list;
  AdwComboRow         *lever_row;
  TanluLeverEditor    *lever_editor;
  GtkLabel            *lever_hint;
  GtkBox              *keyframe_box;
  GtkSpinButton       *year_spin;
  GtkSpinButton       *value_spin;
  GtkLabel            *unit_label;
  AdwComboRow         *parent_row;
  GtkSpinButton       *end_spin;
  AdwComboRow         *gdp_row;
  AdwEntryRow         *notes_row;
  GtkGrid             *table_grid;
  AdwStatusPage       *empty_page;

  /* owned */
  TanluPathwayLibrary *library;
  TanluPathwayHistory *history;
  GPtrArray           *entries;        /* Entry */
  char                *selected;
  char                *reference;
  GHashTable          *hidden;         /* "region|name" the user unticked */
  GHashTable          *ticked;         /* "region|name" the user ticked */
  TanluPathwaySpec    *editing;        /* the selected saved pathway, as edited */
  GArray              *levers;         /* TanluLever, as listed in lever_row */
  GPtrArray           *parents;        /* names, as listed in parent_row; "" for none */
  GPtrArray           *gdp_series;     /* indicator codes, as listed in gdp_row */
  GPtrArray           *check_rows;
  GtkDropDown         *reference_dropdown;
  gulong               library_handler;
  gboolean             updating;
  gboolean             dragging;
};

G_DEFINE_FINAL_TYPE (TanluPathwaysPage, tanlu_pathways_page, TANLU_TYPE_CONTEXT_VIEW)

static void reload (TanluPathwaysPage *self);
static void refresh (TanluPathwaysPage *self,
                     gboolean           everything);
static void show_editor (TanluPathwaysPage *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static gboolean
chinese (void)
{
  return tanlu_locale_prefers_chinese ();
}

static TanluChartLanguage
chart_language (void)
{
  return chinese () ? TANLU_CHART_LANGUAGE_CHINESE : TANLU_CHART_LANGUAGE_ENGLISH;
}

static TanluContext *
get_context (TanluPathwaysPage *self)
{
  return tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
}

static TanluRegion *
get_region (TanluPathwaysPage *self)
{
  TanluContext *context = get_context (self);

  return context != NULL ? tanlu_context_get_region (context) : NULL;
}

static TanluStore *
get_store (TanluPathwaysPage *self)
{
  TanluContext *context = get_context (self);

  return context != NULL ? tanlu_context_get_store (context) : NULL;
}

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_clear_pointer (&entry->spec, tanlu_pathway_spec_unref);
  g_clear_pointer (&entry->result, tanlu_pathway_unref);
  g_free (entry->problem);
  g_free (entry);
}

static Entry *
find_entry (TanluPathwaysPage *self,
            const char        *name)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->name, name) == 0)
        return entry;
    }

  return NULL;
}

static Entry *
selected_entry (TanluPathwaysPage *self)
{
  return find_entry (self, self->selected);
}

static char *
display_name (const char *name)
{
  return tanlu_pathway_library_display_name (name, chinese ());
}

static char *
visibility_key (TanluPathwaysPage *self,
                const char        *name)
{
  return g_strdup_printf ("%s|%s", tanlu_region_get_key (get_region (self)), name);
}

static void
toast (TanluPathwaysPage *self,
       const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static char *
format_mt (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return tanlu_chart_format_number (value, value >= 100 ? 0 : 1, chart_language ());
}

/* ------------------------------------------------------------------------ */
/* Entries: the presets and the region's saved pathways, each run          */

static void
run_entry (TanluPathwaysPage *self,
           Entry             *entry)
{
  g_autoptr(GError) error = NULL;
  TanluRegion *region = get_region (self);
  TanluPreset preset;

  g_clear_pointer (&entry->result, tanlu_pathway_unref);
  g_clear_pointer (&entry->problem, g_free);

  if (entry->spec == NULL && tanlu_preset_from_string (entry->name, &preset))
    entry->result = tanlu_pathway_library_run_preset (self->library, tanlu_region_get_key (region),
                                                      preset, &error);
  else if (self->editing != NULL && g_strcmp0 (entry->name, self->selected) == 0)
    entry->result = tanlu_pathway_library_run (self->library, self->editing, &error);
  else if (entry->spec != NULL)
    entry->result = tanlu_pathway_library_run (self->library, entry->spec, &error);

  if (entry->result == NULL)
    entry->problem = g_strdup (error != NULL ? error->message : "");
}

static guint
count_shown (TanluPathwaysPage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += ((Entry *) g_ptr_array_index (self->entries, i))->shown;

  return n;
}

static void
load_entries (TanluPathwaysPage *self)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  TanluRegion *region = get_region (self);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  for (guint preset = 0; preset < TANLU_N_PRESETS; preset++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->name = g_strdup (tanlu_preset_to_string (preset));
      g_ptr_array_add (self->entries, entry);
    }

  if (!(saved = tanlu_pathway_library_list (self->library, tanlu_region_get_key (region), &error)))
    {
      toast (self, error->message);
      saved = g_ptr_array_new ();
    }

  for (guint i = 0; i < saved->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->spec = tanlu_pathway_spec_ref (g_ptr_array_index (saved, i));
      entry->name = g_strdup (tanlu_pathway_spec_get_name (entry->spec));
      g_ptr_array_add (self->entries, entry);
    }

  /* Shown: what the user ticked, else the newest saved and the presets,
   * up to six. */
  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->entries, i - 1);
      g_autofree char *key = visibility_key (self, entry->name);

      if (g_hash_table_contains (self->ticked, key))
        entry->shown = TRUE;
    }
  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->entries, i - 1);
      g_autofree char *key = visibility_key (self, entry->name);

      if (!entry->shown && !g_hash_table_contains (self->hidden, key) &&
          count_shown (self) < MAX_SHOWN)
        entry->shown = TRUE;
    }

  if (find_entry (self, self->selected) == NULL)
    {
      g_free (self->selected);
      self->selected = g_strdup (self->entries->len > TANLU_N_PRESETS
                                   ? ((Entry *) g_ptr_array_index (self->entries,
                                                                   TANLU_N_PRESETS))->name
                                   : tanlu_preset_to_string (TANLU_PRESET_TARGETS));
    }

  if (find_entry (self, self->reference) == NULL)
    {
      g_free (self->reference);
      self->reference = g_strdup (tanlu_preset_to_string (TANLU_PRESET_TREND));
    }
}

static void
run_entries (TanluPathwaysPage *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    run_entry (self, g_ptr_array_index (self->entries, i));
}

/* ------------------------------------------------------------------------ */
/* Saving, with undo                                                        */

static gboolean
save_editing (TanluPathwaysPage *self,
              const char        *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathway) check = NULL;

  if (self->editing == NULL)
    return FALSE;

  /* Only what runs is saved: a change that makes the pathway impossible
   * (a rate of −100 % with an adjustment, say) is undone at once. */
  if (!(check = tanlu_pathway_library_run (self->library, self->editing, &error)) ||
      !tanlu_pathway_history_begin (self->history, &error) ||
      !tanlu_pathway_library_save (self->library, self->editing, &error) ||
      !tanlu_pathway_history_end (self->history, what, &error))
    {
      tanlu_pathway_history_cancel (self->history);
      toast (self, error->message);
      tanlu_pathway_library_set_draft (self->library, NULL);
      reload (self);
      return FALSE;
    }

  return TRUE;
}

/* The library says saved pathways changed: saved here, undone, or from
 * another view. */
static void
on_library_changed (TanluPathwaysPage *self)
{
  if (self->dragging || get_region (self) == NULL)
    return;

  reload (self);
}

static void
update_undo_actions (TanluPathwaysPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.undo",
                                 tanlu_pathway_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.redo",
                                 tanlu_pathway_history_can_redo (self->history));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "pathways.redo");

  if (!(redo ? tanlu_pathway_history_redo (self->history, &error)
             : tanlu_pathway_history_undo (self->history, &error)))
    toast (self, error->message);
}

/* ------------------------------------------------------------------------ */
/* Charts                                                                   */

static Metric
current_metric (TanluPathwaysPage *self)
{
  return gtk_drop_down_get_selected (self->metric_dropdown);
}

static const char *
metric_indicator (Metric metric)
{
  switch (metric)
    {
    case METRIC_INDEX_2005:
      return tanlu_pathway_metric_to_string (TANLU_PATHWAY_INTENSITY_INDEX_2005);
    case METRIC_INDEX_2020:
      return tanlu_pathway_metric_to_string (TANLU_PATHWAY_INTENSITY_INDEX_2020);
    case METRIC_PER_PERSON:
      return tanlu_pathway_metric_to_string (TANLU_PATHWAY_PER_PERSON);
    case METRIC_TOTAL:
    case METRIC_SECTORS:
    default:
      return TANLU_INDICATOR_CO2_TOTAL;
    }
}

static TanluChartSpec *
new_spec (TanluChartKind  kind,
          char           *title)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (kind);

  spec->title = title;
  spec->language = chart_language ();
  spec->unit_scale = TANLU_CHART_UNIT_SCALE_MT;

  return spec;
}

static char *
region_name (TanluPathwaysPage *self)
{
  TanluRegion *region = get_region (self);

  return g_strdup (tanlu_locale_pick (tanlu_region_get_name_zh (region),
                                      tanlu_region_get_name_en (region)));
}

static Entry *
first_runnable (TanluPathwaysPage *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->shown && entry->result != NULL)
        return entry;
    }

  return NULL;
}

static void
add_target_annotations (TanluPathwaysPage *self,
                        TanluChartSpec    *spec,
                        Metric             metric)
{
  const char *by_2030 = chinese () ? "2030年前达峰（国家目标）" : "Peak by 2030 (national target)";

  switch (metric)
    {
    case METRIC_TOTAL:
      tanlu_chart_spec_add_reference (spec, 2030, by_2030);
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->entries, i);
          g_autofree char *label = NULL;
          gboolean repeated = FALSE;

          if (!entry->shown || entry->result == NULL || !entry->result->peaked ||
              entry->result->peak_year <= entry->result->base_year)
            continue;

          /* Pathways that share their first years share their peak. */
          for (guint k = 0; k < spec->markers->len; k++)
            {
              const TanluChartMarker *marker = &g_array_index (spec->markers, TanluChartMarker, k);

              repeated |= marker->x == entry->result->peak_year &&
                          fabs (marker->y - entry->result->peak_value) <
                            1e-9 * fabs (marker->y) + 1e-9;
            }
          if (repeated)
            continue;

          label = g_strdup_printf (chinese () ? "峰值 %u" : "Peak %u", entry->result->peak_year);
          tanlu_chart_spec_add_marker (spec, entry->result->peak_year, entry->result->peak_value,
                                       label);
        }
      break;

    case METRIC_INDEX_2005:
      tanlu_chart_spec_add_marker (spec, 2030, 100 - TANLU_PRESET_REDUCTION_2030_VS_2005,
                                   chinese () ? "目标：比2005年下降65%" : "Target: 65 % below 2005");
      break;

    case METRIC_INDEX_2020:
      tanlu_chart_spec_add_marker (spec, 2025, 100 - TANLU_PRESET_REDUCTION_2025_VS_2020,
                                   chinese () ? "目标：比2020年下降18%" : "Target: 18 % below 2020");
      break;

    case METRIC_PER_PERSON:
    case METRIC_SECTORS:
    default:
      break;
    }
}

static TanluChartSpec *
create_main_spec (TanluPathwaysPage *self)
{
  TanluRegion *region = get_region (self);
  const char *key = tanlu_region_get_key (region);
  Metric metric = current_metric (self);
  g_autofree char *name = region_name (self);
  Entry *first = first_runnable (self);
  TanluChartSpec *spec;

  if (metric == METRIC_SECTORS)
    {
      Entry *entry = selected_entry (self);
      g_autofree char *shown = entry != NULL ? display_name (entry->name) : NULL;

      spec = new_spec (TANLU_CHART_KIND_STACKED_AREA,
                       g_strdup_printf (chinese () ? "%s：“%s”分部门组排放"
                                                   : "%s: “%s” by sector group",
                                        name, shown));
      if (entry == NULL || entry->result == NULL ||
          !tanlu_pathway_has (entry->result, TANLU_PATHWAY_GROUP_FIRST))
        return spec;

      for (guint group = 0; group < TANLU_N_SECTOR_GROUPS; group++)
        {
          TanluChartSpecSeries *series = tanlu_chart_spec_add_series (
            spec, key, tanlu_pathway_metric_to_string (TANLU_PATHWAY_GROUP (group)));

          series->pathway = g_strdup (entry->name);
          series->label = g_strdup (tanlu_sector_group_get_name (group, chinese ()));
          series->first_year = entry->result->first_year;
        }
      return spec;
    }

  {
    g_autofree char *what = NULL;

    g_object_get (gtk_drop_down_get_selected_item (self->metric_dropdown), "string", &what, NULL);
    spec = new_spec (TANLU_CHART_KIND_LINE, g_strdup_printf ("%s：%s", name, what));
    if (!chinese ())
      {
        g_free (spec->title);
        spec->title = g_strdup_printf ("%s: %s", name, what);
      }
  }

  /* History first, solid; the pathways from the base year, dashed. */
  if (metric == METRIC_TOTAL)
    {
      TanluChartSpecSeries *series = tanlu_chart_spec_add_series (spec, key,
                                                                  TANLU_INDICATOR_CO2_TOTAL);

      series->label = g_strdup (chinese () ? "观测值" : "Observed");
    }
  else if (first != NULL)
    {
      TanluChartSpecSeries *series = tanlu_chart_spec_add_series (spec, key,
                                                                  metric_indicator (metric));

      series->pathway = g_strdup (first->name);
      series->first_year = first->result->first_year;
      series->last_year = first->result->base_year;
      series->label = g_strdup (chinese () ? "观测值" : "Observed");
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      TanluChartSpecSeries *series;

      if (!entry->shown || entry->result == NULL)
        continue;

      series = tanlu_chart_spec_add_series (spec, key, metric_indicator (metric));
      series->pathway = g_strdup (entry->name);
    }

  add_target_annotations (self, spec, metric);

  return spec;
}

static void
show_main_chart (TanluPathwaysPage *self)
{
  g_autoptr(TanluChartSpec) spec = create_main_spec (self);
  Entry *entry = selected_entry (self);

  if (spec->series->len <= (current_metric (self) == METRIC_SECTORS ? 0 : 1))
    {
      const char *message;

      if (current_metric (self) == METRIC_SECTORS)
        message = _("The selected pathway has no breakdown by sector group: CEADs gives one for "
                    "provinces and the nation, not for cities.");
      else
        message = _("No pathway can be drawn: tick one in the list below.");
      if (entry != NULL && entry->problem != NULL)
        message = entry->problem;
      tanlu_chart_card_show_message (self->main_card, spec->title, message);
      return;
    }

  tanlu_chart_card_show_spec (self->main_card, get_store (self), g_steal_pointer (&spec));
}

static void
show_difference_charts (TanluPathwaysPage *self)
{
  TanluRegion *region = get_region (self);
  const char *key = tanlu_region_get_key (region);
  Entry *reference = find_entry (self, self->reference);
  Entry *selected = selected_entry (self);
  g_autofree char *reference_name = display_name (self->reference);
  g_autofree char *selected_name = selected != NULL ? display_name (selected->name) : NULL;
  g_autofree char *name = region_name (self);
  g_autoptr(TanluChartSpec) difference = NULL;
  g_autoptr(TanluChartSpec) wedge = NULL;

  difference = new_spec (TANLU_CHART_KIND_LINE,
                         g_strdup_printf (chinese () ? "%s：与“%s”相比的排放差" : "%s: CO₂ "
                                                                                 "emissions against “%s”",
                                          name, reference_name));
  if (reference != NULL && reference->result != NULL)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = g_ptr_array_index (self->entries, i);
        TanluChartSpecSeries *series;

        if (!entry->shown || entry->result == NULL || entry == reference)
          continue;

        series = tanlu_chart_spec_add_series (difference, key, TANLU_INDICATOR_CO2_TOTAL);
        series->pathway = g_strdup (entry->name);
        series->minus = g_strdup (reference->name);
      }

  if (difference->series->len == 0)
    tanlu_chart_card_show_message (self->difference_card, difference->title,
                                   reference == NULL || reference->result == NULL
                                     ? _("The reference pathway cannot be run.")
                                     : _("Tick another pathway to compare it with the "
                                         "reference."));
  else
    tanlu_chart_card_show_spec (self->difference_card, get_store (self),
                                g_steal_pointer (&difference));

  /* Which sector groups deliver the selected pathway's reduction */
  wedge = new_spec (TANLU_CHART_KIND_STACKED_AREA,
                    g_strdup_printf (chinese () ? "%s：“%s”比“%s”少排放的部分来自哪里"
                                                : "%s: where “%s” cuts emissions against “%s”",
                                     name, selected_name, reference_name));
  wedge->subtitle = g_strdup (chinese () ? "各部门组在参照路径与所选路径之间的排放差"
                                         : "The reference pathway's emissions less the selected "
                                           "pathway's, by sector group");

  if (selected == NULL || selected->result == NULL || reference == NULL ||
      reference->result == NULL || selected == reference)
    tanlu_chart_card_show_message (self->wedge_card, wedge->title,
                                   _("Select a pathway other than the reference."));
  else if (!tanlu_pathway_has (selected->result, TANLU_PATHWAY_GROUP_FIRST) ||
           !tanlu_pathway_has (reference->result, TANLU_PATHWAY_GROUP_FIRST))
    tanlu_chart_card_show_message (self->wedge_card, wedge->title,
                                   _("This region's data have no breakdown by sector group, so "
                                     "the difference cannot be split."));
  else
    {
      for (guint group = 0; group < TANLU_N_SECTOR_GROUPS; group++)
        {
          TanluChartSpecSeries *series = tanlu_chart_spec_add_series (
            wedge, key, tanlu_pathway_metric_to_string (TANLU_PATHWAY_GROUP (group)));

          series->pathway = g_strdup (reference->name);
          series->minus = g_strdup (selected->name);
          series->label = g_strdup (tanlu_sector_group_get_name (group, chinese ()));
        }
      tanlu_chart_card_show_spec (self->wedge_card, get_store (self), g_steal_pointer (&wedge));
    }
}

/* ------------------------------------------------------------------------ */
/* Table and checks                                                         */

static const guint table_years[] = { 2025, 2030, 2035, 2060 };

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (const char *text,
      gboolean    heading,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

static GPtrArray *
checks_of (TanluPathwaysPage *self,
           Entry             *entry)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *checks;

  if (entry->result == NULL)
    return NULL;

  if (!(checks = tanlu_pathway_library_check (self->library, entry->result, &error)))
    g_debug ("%s", error->message);

  return checks;
}

static const char *
status_symbol (TanluCheckStatus status)
{
  switch (status)
    {
    case TANLU_CHECK_MET:
      return "✓";
    case TANLU_CHECK_MISSED:
      return "✗";
    case TANLU_CHECK_NOT_CHECKABLE:
    default:
      return "–";
    }
}

/* The table's text, the same on screen and in exports: a header row and
 * a row per shown pathway. */
static GPtrArray *
table_rows (TanluPathwaysPage *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *header = g_ptr_array_new ();
  g_autoptr(GPtrArray) first_checks = NULL;

  g_ptr_array_add (header, g_strdup (chinese () ? "路径" : "Pathway"));
  for (guint i = 0; i < G_N_ELEMENTS (table_years); i++)
    g_ptr_array_add (header, g_strdup_printf (chinese () ? "%u年（百万吨）" : "%u (Mt)",
                                              table_years[i]));
  g_ptr_array_add (header, g_strdup (chinese () ? "峰值年份" : "Peak"));
  g_ptr_array_add (header, g_strdup (chinese () ? "峰值（百万吨）" : "Peak (Mt)"));
  g_ptr_array_add (header, g_strdup (chinese () ? "2020—2060累计（亿吨）" : "2020–60 (Gt)"));

  /* One column per checkable target, named as short as it can be. */
  for (guint i = 0; i < self->entries->len && first_checks == NULL; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->shown && entry->result != NULL)
        first_checks = checks_of (self, entry);
    }
  for (guint k = 0; first_checks != NULL && k < first_checks->len; k++)
    {
      TanluPathwayCheck *check = g_ptr_array_index (first_checks, k);
      const TanluPolicyTarget *target = check->target;

      /* Short: “−18 % 2025”, “Peak ≤ 2030”, “Net 0 2060” */
      if (g_str_equal (target->indicator, "co2_intensity_reduction_pct"))
        g_ptr_array_add (header, g_strdup_printf (chinese () ? "强度−%.4g%% %u" : "−%.4g %% %u",
                                                  target->value, target->target_year));
      else if (g_str_equal (target->indicator, "co2_peak_year"))
        g_ptr_array_add (header, g_strdup_printf (chinese () ? "%u前达峰" : "Peak ≤ %u",
                                                  (guint) target->value));
      else if (g_str_equal (target->indicator, "carbon_neutral_year"))
        g_ptr_array_add (header, g_strdup_printf (chinese () ? "%u净零" : "Net 0 %u",
                                                  (guint) target->value));
    }
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      GPtrArray *row;
      g_autoptr(GPtrArray) checks = NULL;
      TanluPathway *result = entry->result;

      if (!entry->shown || result == NULL)
        continue;

      row = g_ptr_array_new ();
      g_ptr_array_add (row, display_name (entry->name));
      for (guint k = 0; k < G_N_ELEMENTS (table_years); k++)
        g_ptr_array_add (row, format_mt (tanlu_pathway_get (result, TANLU_PATHWAY_CO2,
                                                            table_years[k])));
      if (result->peaked)
        g_ptr_array_add (row, g_strdup_printf (result->peak_year <= result->base_year
                                                 ? (chinese () ? "%u（观测）" : "%u (obs.)")
                                                 : "%u",
                                               result->peak_year));
      else
        g_ptr_array_add (row, g_strdup (chinese () ? "未达峰" : "not yet"));
      g_ptr_array_add (row, format_mt (result->peak_value));
      g_ptr_array_add (row, tanlu_chart_format_number (
                              tanlu_pathway_cumulative (result, TANLU_PATHWAY_CO2_NET, 2020,
                                                        MIN (2060, result->end_year)) /
                                (chinese () ? 100 : 1000),
                              1, chart_language ()));

      checks = checks_of (self, entry);
      for (guint k = 0; checks != NULL && k < checks->len; k++)
        {
          TanluPathwayCheck *check = g_ptr_array_index (checks, k);
          const char *indicator = check->target->indicator;

          if (g_str_equal (indicator, "co2_intensity_reduction_pct") ||
              g_str_equal (indicator, "co2_peak_year") ||
              g_str_equal (indicator, "carbon_neutral_year"))
            g_ptr_array_add (row, g_strdup (status_symbol (check->status)));
        }

      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }

  return rows;
}

static void
fill_table (TanluPathwaysPage *self)
{
  g_autoptr(GPtrArray) rows = table_rows (self);

  clear_grid (self->table_grid);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          GtkWidget *label = cell (row[c], r == 0, c > 0 && r > 0);

          if (r > 0 && (g_str_equal (row[c], "✓") || g_str_equal (row[c], "✗")))
            {
              gtk_widget_add_css_class (label, g_str_equal (row[c], "✓") ? "success" : "error");
              gtk_label_set_xalign (GTK_LABEL (label), 0.5);
              gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              g_str_equal (row[c], "✓") ? _("met") : _("missed"),
                                              -1);
            }
          gtk_grid_attach (self->table_grid, label, c, r, 1, 1);
        }
    }
}

static void
fill_checks (TanluPathwaysPage *self)
{
  Entry *entry = selected_entry (self);
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->check_rows->len; i++)
    adw_preferences_group_remove (self->checks_group, g_ptr_array_index (self->check_rows, i));
  g_ptr_array_set_size (self->check_rows, 0);

  if (entry == NULL)
    return;

  name = display_name (entry->name);
  /* Translators: the title over the checks of one pathway against the targets */
  title = g_strdup_printf (_("“%s” against the targets"), name);
  adw_preferences_group_set_title (self->checks_group, title);

  if (entry->result == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->problem);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->checks_group, row);
      g_ptr_array_add (self->check_rows, row);
      return;
    }

  checks = checks_of (self, entry);
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      TanluPathwayCheck *check = g_ptr_array_index (checks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *subtitle = NULL;

      if (check->status == TANLU_CHECK_NOT_CHECKABLE &&
          !g_str_equal (check->target->indicator, "co2_intensity_reduction_pct"))
        continue;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tanlu_pathway_check_get_summary (check, chinese ()));
      /* Translators: “quote” — the plan, and whose target it is */
      subtitle = g_strdup_printf (check->reference ? _("“%s” — %s (the national target, for "
                                                       "reference)")
                                                   : _("“%s” — %s"),
                                  check->target->quote, check->target->document_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      icon = gtk_image_new_from_icon_name (check->status == TANLU_CHECK_MET
                                             ? "emblem-ok-symbolic"
                                             : check->status == TANLU_CHECK_MISSED
                                                 ? "dialog-warning-symbolic"
                                                 : "dialog-question-symbolic");
      gtk_widget_add_css_class (icon, check->status == TANLU_CHECK_MET ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check->status == TANLU_CHECK_MET     ? _("met")
                                      : check->status == TANLU_CHECK_MISSED ? _("missed")
                                                                            : _("not checkable"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      adw_preferences_group_add (self->checks_group, row);
      g_ptr_array_add (self->check_rows, row);
    }
}

static void
show_notes (TanluPathwaysPage *self)
{
  Entry *entry = selected_entry (self);
  g_autoptr(GString) text = g_string_new (NULL);
  TanluPreset preset;

  if (entry != NULL && entry->spec == NULL && tanlu_preset_from_string (entry->name, &preset))
    g_string_append (text, tanlu_preset_describe (preset, chinese ()));

  if (entry != NULL && entry->result != NULL)
    {
      GPtrArray *notes = tanlu_pathway_get_notes (entry->result, chinese ());

      for (guint i = 0; i < notes->len; i++)
        {
          if (text->len > 0)
            g_string_append (text, chinese () ? "" : " ");
          g_string_append (text, g_ptr_array_index (notes, i));
        }
    }

  gtk_label_set_text (self->notes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), text->len > 0);
}

/* ------------------------------------------------------------------------ */
/* The list                                                                 */

static void
on_shown_toggled (GtkCheckButton    *button,
                  TanluPathwaysPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "pathway");
  Entry *entry = find_entry (self, name);
  g_autofree char *key = NULL;

  if (self->updating || entry == NULL)
    return;

  key = visibility_key (self, name);
  entry->shown = gtk_check_button_get_active (button);
  if (entry->shown)
    {
      g_hash_table_remove (self->hidden, key);
      g_hash_table_add (self->ticked, g_steal_pointer (&key));
    }
  else
    {
      g_hash_table_remove (self->ticked, key);
      g_hash_table_add (self->hidden, g_steal_pointer (&key));
    }

  /* At most six: the others cannot be ticked meanwhile. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->pathway_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (check), gtk_check_button_get_active (check) ||
                                                        count_shown (self) < MAX_SHOWN);
    }

  refresh (self, TRUE);
}

static GMenuModel *
row_menu (const char *name,
          gboolean    preset)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) second = g_menu_new ();
  GVariant *target = g_variant_new_string (name);

  g_menu_append_item (first, g_menu_item_new (NULL, NULL));
  g_menu_remove (first, 0);

#define ADD(section, label, action)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);                                     \
    g_menu_item_set_action_and_target_value (item, action, target);                                \
    g_menu_append_item (section, item);                                                            \
  }                                                                                                \
  G_STMT_END

  g_variant_ref_sink (target);
  ADD (first, preset ? _("_Build on This") : _("_Duplicate"), "pathways.duplicate");
  if (!preset)
    {
      ADD (first, _("_Rename…"), "pathways.rename");
      ADD (first, _("De_lete"), "pathways.delete");
    }
  if (!preset)
    ADD (second, _("_Export Pathway…"), "pathways.export");
  ADD (second, _("Export _Figures (IAMC)…"), "pathways.export-iamc");
  g_variant_unref (target);

#undef ADD

  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (second));

  return G_MENU_MODEL (menu);
}

static void
fill_list (TanluPathwaysPage *self)
{
  GtkWidget *child;
  GtkListBoxRow *to_select = NULL;

  self->updating = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pathway_list))) != NULL)
    gtk_list_box_remove (self->pathway_list, child);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *menu = gtk_menu_button_new ();
      g_autoptr(GMenuModel) model = row_menu (entry->name, entry->spec == NULL);
      g_autofree char *title = display_name (entry->name);
      g_autofree char *subtitle = NULL;
      g_autofree char *check_label = NULL;
      g_autofree char *menu_label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      if (entry->problem != NULL)
        subtitle = g_strdup (entry->problem);
      else if (entry->spec == NULL)
        subtitle = g_strdup (_("Preset, computed from the data"));
      else if (tanlu_pathway_spec_get_parent (entry->spec) != NULL)
        {
          g_autofree char *parent = display_name (tanlu_pathway_spec_get_parent (entry->spec));

          subtitle = g_strdup_printf (_("Builds on “%s”"), parent);
        }
      else
        subtitle = g_strdup (_("Builds on no preset"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), entry->shown);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (check, entry->shown || count_shown (self) < MAX_SHOWN);
      /* Translators: the tooltip of the box that draws a pathway on the chart */
      check_label = g_strdup_printf (_("Draw “%s”"), title);
      gtk_widget_set_tooltip_text (check, check_label);
      g_object_set_data_full (G_OBJECT (check), "pathway", g_strdup (entry->name), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_shown_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), model);
      gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (menu, "flat");
      menu_label = g_strdup_printf (_("Actions on “%s”"), title);
      gtk_widget_set_tooltip_text (menu, menu_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);

      g_object_set_data_full (G_OBJECT (row), "pathway", g_strdup (entry->name), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->pathway_list, row);

      if (g_strcmp0 (entry->name, self->selected) == 0)
        to_select = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->pathway_list, to_select);
  self->updating = FALSE;
}

static void
on_row_selected (GtkListBox        *list,
                 GtkListBoxRow     *row,
                 TanluPathwaysPage *self)
{
  const char *name;

  if (self->updating || row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "pathway");
  if (g_strcmp0 (name, self->selected) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (name);
  tanlu_pathway_library_set_draft (self->library, NULL);
  g_clear_pointer (&self->editing, tanlu_pathway_spec_unref);
  {
    Entry *entry = selected_entry (self);

    if (entry != NULL && entry->spec != NULL)
      self->editing = tanlu_pathway_spec_copy (entry->spec);
  }

  show_editor (self);
  refresh (self, TRUE);
}

/* ------------------------------------------------------------------------ */
/* The editor                                                               */

static TanluLever
current_lever (TanluPathwaysPage *self)
{
  guint index = adw_combo_row_get_selected (self->lever_row);

  if (self->levers == NULL || index >= self->levers->len)
    return TANLU_LEVER_INTENSITY_CHANGE;

  return g_array_index (self->levers, TanluLever, index);
}

static TanluPathwaySpec *
shown_spec (TanluPathwaysPage *self)
{
  Entry *entry = selected_entry (self);

  if (self->editing != NULL)
    return self->editing;

  return entry != NULL && entry->result != NULL ? entry->result->spec : NULL;
}

static guint
resolve_code (TanluPathwaysPage *self)
{
  TanluRegion *region = get_region (self);
  guint n;

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    return tanlu_region_get_code (region);

  return tanlu_region_get_member_codes (region, &n)[0];
}

static void
update_lever_editor (TanluPathwaysPage *self)
{
  Entry *entry = selected_entry (self);
  TanluLever lever = current_lever (self);
  g_autoptr(TanluPathwaySpec) resolved = NULL;
  TanluPathwaySpec *spec = shown_spec (self);
  const GArray *own = NULL;
  double start = 0;
  guint first = 2019, last = TANLU_PATHWAY_DEFAULT_END_YEAR;
  int selected;
  double value;

  if (entry != NULL && entry->result != NULL)
    {
      first = entry->result->base_year;
      last = entry->result->end_year;
      if (lever == TANLU_LEVER_EMISSIONS)
        start = tanlu_pathway_get (entry->result, TANLU_PATHWAY_CO2, first);
    }

  if (self->editing != NULL)
    {
      own = tanlu_pathway_spec_get_keyframes (self->editing, lever);
      resolved = tanlu_pathway_library_resolve (self->library, self->editing,
                                                resolve_code (self), NULL);
    }
  else if (spec != NULL)
    resolved = tanlu_pathway_spec_copy (spec);

  tanlu_lever_editor_set_lever (self->lever_editor, lever, first, last, start, own,
                                resolved != NULL ? tanlu_pathway_spec_get_keyframes (resolved, lever)
                                                 : NULL);

  self->updating = TRUE;
  gtk_label_set_text (self->unit_label, tanlu_lever_get_unit (lever));
  selected = tanlu_lever_editor_get_selected (self->lever_editor);
  gtk_spin_button_set_range (self->year_spin, first, TANLU_PATHWAY_MAX_YEAR);
  if (selected >= 0)
    gtk_spin_button_set_value (self->year_spin, selected);
  if (tanlu_lever_editor_get_value_at (self->lever_editor,
                                       (guint) gtk_spin_button_get_value_as_int (self->year_spin),
                                       &value))
    gtk_spin_button_set_value (self->value_spin, value);
  if (tanlu_lever_is_rate (lever))
    gtk_spin_button_set_range (self->value_spin, lever >= TANLU_LEVER_SECTOR_FIRST ? -99 : -99.9,
                               100);
  else
    gtk_spin_button_set_range (self->value_spin, 0, 100000);
  self->updating = FALSE;
}

static void
fill_combo (AdwComboRow *row,
            GPtrArray   *labels,
            guint        selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, MIN (selected, labels->len > 0 ? labels->len - 1 : 0));
}

static void
show_editor (TanluPathwaysPage *self)
{
  Entry *entry = selected_entry (self);
  gboolean editable = self->editing != NULL;
  TanluLever previous = current_lever (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  guint selected = 0;
  gboolean groups;

  self->updating = TRUE;

  title = entry != NULL ? display_name (entry->name) : g_strdup ("");
  {
    /* Translators: the title over the levers of the selected pathway */
    g_autofree char *heading = g_strdup_printf (_("Levers of “%s”"), title);

    adw_preferences_group_set_title (self->editor_group, heading);
  }
  adw_preferences_group_set_description (
    self->editor_group,
    editable ? NULL
             : _("Presets are computed from the data and cannot be changed; choose “Build on "
                 "This” in the preset's menu to make a pathway of your own from it."));

  /* Levers: the sector groups' only where the region has them. */
  groups = entry != NULL && entry->result != NULL &&
           tanlu_pathway_has (entry->result, TANLU_PATHWAY_GROUP_FIRST);
  g_array_set_size (self->levers, 0);
  for (TanluLever lever = 0; lever < TANLU_N_LEVERS; lever++)
    {
      if (lever >= TANLU_LEVER_SECTOR_FIRST && !groups)
        continue;
      if (lever == TANLU_LEVER_EMISSIONS &&
          tanlu_region_get_level (get_region (self)) == TANLU_REGION_LEVEL_GROUP)
        continue;
      if (lever == previous)
        selected = self->levers->len;
      g_array_append_val (self->levers, lever);
      g_ptr_array_add (labels, tanlu_lever_get_name (lever, chinese ()));
    }
  fill_combo (self->lever_row, labels, selected);

  /* Parents: none, the presets, the region's other saved pathways. */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (self->parents, 0);
  g_ptr_array_add (self->parents, g_strdup (""));
  g_ptr_array_add (labels, g_strdup (_("None (levers from zero)")));
  selected = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *other = g_ptr_array_index (self->entries, i);

      if (other == entry)
        continue;
      if (self->editing != NULL &&
          g_strcmp0 (tanlu_pathway_spec_get_parent (self->editing), other->name) == 0)
        selected = self->parents->len;
      g_ptr_array_add (self->parents, g_strdup (other->name));
      g_ptr_array_add (labels, display_name (other->name));
    }
  fill_combo (self->parent_row, labels, selected);

  /* GDP series: "gdp" and any the user imported as gdp.… */
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (self->gdp_series, 0);
  selected = 0;
  {
    g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (get_store (self));
    const char *current = self->editing != NULL ? tanlu_pathway_spec_get_gdp_series (self->editing)
                                                : NULL;

    for (guint i = 0; i < indicators->len; i++)
      {
        TanluIndicator *indicator = g_ptr_array_index (indicators, i);
        const char *code = tanlu_indicator_get_code (indicator);

        if (!g_str_equal (code, "gdp") && !g_str_has_prefix (code, "gdp."))
          continue;
        if (g_strcmp0 (current, code) == 0)
          selected = self->gdp_series->len;
        g_ptr_array_add (self->gdp_series, g_strdup (code));
        g_ptr_array_add (labels, g_strdup_printf ("%s (%s)",
                                                  tanlu_locale_pick (
                                                    tanlu_indicator_get_name_zh (indicator),
                                                    tanlu_indicator_get_name_en (indicator)),
                                                  code));
      }
  }
  fill_combo (self->gdp_row, labels, selected);

  gtk_spin_button_set_value (self->end_spin,
                             entry != NULL && entry->result != NULL ? entry->result->end_year
                                                                    : TANLU_PATHWAY_DEFAULT_END_YEAR);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         self->editing != NULL && tanlu_pathway_spec_get_notes (self->editing)
                           ? tanlu_pathway_spec_get_notes (self->editing)
                           : "");

  gtk_widget_set_sensitive (GTK_WIDGET (self->lever_editor), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keyframe_box), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->parent_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gdp_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->lever_hint), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.set-keyframe", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.remove-keyframe", editable);

  self->updating = FALSE;

  update_lever_editor (self);
}

/* A keyframe changed: the draft follows, the charts with it; when the
 * change is complete, it is saved. */
static void
apply_edit (TanluPathwaysPage *self,
            gboolean           done,
            const char        *what)
{
  Entry *entry = selected_entry (self);

  tanlu_pathway_library_set_draft (self->library, self->editing);
  if (entry != NULL)
    run_entry (self, entry);

  if (done)
    {
      self->dragging = FALSE;
      save_editing (self, what);
      return;
    }

  self->dragging = TRUE;
  update_lever_editor (self);
  refresh (self, FALSE);
}

static void
on_keyframe_moved (TanluLeverEditor  *editor,
                   guint              old_year,
                   guint              year,
                   double             value,
                   gboolean           done,
                   TanluPathwaysPage *self)
{
  TanluLever lever = current_lever (self);

  if (self->editing == NULL)
    return;

  if (old_year != year)
    tanlu_pathway_spec_remove_keyframe (self->editing, lever, old_year);
  tanlu_pathway_spec_set_keyframe (self->editing, lever, year, value);
  apply_edit (self, done, _("Move a point"));
}

static void
on_keyframe_added (TanluLeverEditor  *editor,
                   guint              year,
                   double             value,
                   TanluPathwaysPage *self)
{
  if (self->editing == NULL)
    return;

  tanlu_pathway_spec_set_keyframe (self->editing, current_lever (self), year, value);
  apply_edit (self, TRUE, _("Add a point"));
}

static void
on_keyframe_removed (TanluLeverEditor  *editor,
                     guint              year,
                     TanluPathwaysPage *self)
{
  if (self->editing == NULL)
    return;

  tanlu_pathway_spec_remove_keyframe (self->editing, current_lever (self), year);
  apply_edit (self, TRUE, _("Remove a point"));
}

static void
on_selection_changed (TanluLeverEditor  *editor,
                      TanluPathwaysPage *self)
{
  int year = tanlu_lever_editor_get_selected (editor);
  double value;

  if (year < 0 || self->updating)
    return;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, year);
  if (tanlu_lever_editor_get_value_at (editor, year, &value))
    gtk_spin_button_set_value (self->value_spin, value);
  self->updating = FALSE;
}

static void
set_keyframe_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  guint year = gtk_spin_button_get_value_as_int (self->year_spin);
  double value = gtk_spin_button_get_value (self->value_spin);
  TanluLever lever = current_lever (self);

  if (self->editing == NULL)
    return;

  if (!tanlu_lever_check_value (lever, value))
    {
      /* xgettext:no-c-format */
      toast (self, _("A rate must be above −100 % a year, and an amount zero or more"));
      return;
    }

  tanlu_pathway_spec_set_keyframe (self->editing, lever, year, value);
  tanlu_lever_editor_select (self->lever_editor, year);
  apply_edit (self, TRUE, _("Set a point"));
}

static void
remove_keyframe_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  int year = tanlu_lever_editor_get_selected (self->lever_editor);

  if (self->editing == NULL || year < 0)
    return;

  if (!tanlu_pathway_spec_remove_keyframe (self->editing, current_lever (self), year))
    {
      toast (self, _("The selected point is the parent's; set a value to override it"));
      return;
    }
  apply_edit (self, TRUE, _("Remove a point"));
}

static void
on_lever_selected (TanluPathwaysPage *self)
{
  if (self->updating)
    return;

  tanlu_lever_editor_select (self->lever_editor, -1);
  update_lever_editor (self);
}

static void
on_parent_selected (TanluPathwaysPage *self)
{
  guint index = adw_combo_row_get_selected (self->parent_row);
  const char *parent;

  if (self->updating || self->editing == NULL || index >= self->parents->len)
    return;

  parent = g_ptr_array_index (self->parents, index);
  if (g_strcmp0 (parent, tanlu_pathway_spec_get_parent (self->editing)) == 0 ||
      (*parent == '\0' && tanlu_pathway_spec_get_parent (self->editing) == NULL))
    return;

  tanlu_pathway_spec_set_parent (self->editing, parent);
  apply_edit (self, TRUE, _("Change what the pathway builds on"));
}

static void
on_end_year_changed (TanluPathwaysPage *self)
{
  guint year = gtk_spin_button_get_value_as_int (self->end_spin);

  if (self->updating || self->editing == NULL ||
      year == tanlu_pathway_spec_get_end_year (self->editing))
    return;

  tanlu_pathway_spec_set_end_year (self->editing, year);
  apply_edit (self, TRUE, _("Change the last year"));
}

static void
on_gdp_selected (TanluPathwaysPage *self)
{
  guint index = adw_combo_row_get_selected (self->gdp_row);
  const char *code;

  if (self->updating || self->editing == NULL || index >= self->gdp_series->len)
    return;

  code = g_ptr_array_index (self->gdp_series, index);
  if (g_strcmp0 (code, tanlu_pathway_spec_get_gdp_series (self->editing)) == 0 ||
      (g_str_equal (code, "gdp") && tanlu_pathway_spec_get_gdp_series (self->editing) == NULL))
    return;

  tanlu_pathway_spec_set_gdp_series (self->editing, g_str_equal (code, "gdp") ? NULL : code);
  apply_edit (self, TRUE, _("Choose the GDP series"));
}

static void
on_notes_applied (TanluPathwaysPage *self)
{
  if (self->updating || self->editing == NULL)
    return;

  tanlu_pathway_spec_set_notes (self->editing, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  apply_edit (self, TRUE, _("Change the notes"));
}

/* ------------------------------------------------------------------------ */
/* New, duplicate, rename, delete, export, import                           */

static void
create_pathway (TanluPathwaysPage *self,
                const char        *parent,
                TanluPathwaySpec  *from)
{
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *region = region_name (self);

  if (from != NULL)
    {
      g_autofree char *from_name = display_name (tanlu_pathway_spec_get_name (from));

      spec = tanlu_pathway_spec_copy (from);
      tanlu_pathway_spec_set_id (spec, 0);
      /* Translators: the name of a copy of a pathway */
      base = g_strdup_printf (_("%s (copy)"), from_name);
    }
  else
    {
      g_autofree char *parent_name = display_name (parent);

      spec = tanlu_pathway_spec_new (NULL, tanlu_region_get_key (get_region (self)));
      tanlu_pathway_spec_set_parent (spec, parent);
      /* Translators: the name of a new pathway: region, then what it builds on */
      base = g_strdup_printf (_("%s – %s, mine"), region, parent_name);
    }

  name = tanlu_pathway_library_unique_name (self->library, base);
  tanlu_pathway_spec_set_name (spec, name);

  if (!tanlu_pathway_history_begin (self->history, &error) ||
      !tanlu_pathway_library_save (self->library, spec, &error) ||
      !tanlu_pathway_history_end (self->history, _("New pathway"), &error))
    {
      tanlu_pathway_history_cancel (self->history);
      toast (self, error->message);
      return;
    }

  g_free (self->selected);
  self->selected = g_strdup (name);
  {
    g_autofree char *key = visibility_key (self, name);

    g_hash_table_add (self->ticked, g_steal_pointer (&key));
  }
  reload (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  Entry *entry = selected_entry (self);
  TanluPreset preset;

  /* On the selected preset, or on Targets. */
  if (entry != NULL && entry->spec == NULL && tanlu_preset_from_string (entry->name, &preset))
    create_pathway (self, entry->name, NULL);
  else
    create_pathway (self, tanlu_preset_to_string (TANLU_PRESET_TARGETS), NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  Entry *entry = find_entry (self, g_variant_get_string (parameter, NULL));

  if (entry == NULL)
    return;

  if (entry->spec == NULL)
    create_pathway (self, entry->name, NULL);
  else
    create_pathway (self, NULL, entry->spec);
}

static void
on_rename_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    TanluPathwaysPage *self)
{
  GtkEditable *entry_widget = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "pathway");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry_widget)));
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (!g_str_equal (response, "rename") || (entry = find_entry (self, old_name)) == NULL ||
      entry->spec == NULL || g_str_equal (name, old_name))
    return;

  if (!tanlu_pathway_history_begin (self->history, &error) ||
      !tanlu_pathway_library_rename (self->library, entry->spec, name, &error) ||
      !tanlu_pathway_history_end (self->history, _("Rename a pathway"), &error))
    {
      tanlu_pathway_history_cancel (self->history);
      toast (self, error->message);
      return;
    }

  if (g_strcmp0 (self->selected, old_name) == 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (name);
    }
  reload (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Pathway"), NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename",
                                    _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "pathway", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  Entry *entry = find_entry (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (entry == NULL || entry->spec == NULL)
    return;

  name = display_name (entry->name);
  if (!tanlu_pathway_history_begin (self->history, &error) ||
      !tanlu_pathway_library_delete (self->library, entry->spec, &error) ||
      !tanlu_pathway_history_end (self->history, _("Delete a pathway"), &error))
    {
      tanlu_pathway_history_cancel (self->history);
      toast (self, error->message);
      return;
    }

  /* Translators: a toast; Ctrl+Z brings it back */
  message = g_strdup_printf (_("Deleted “%s”; Ctrl+Z brings it back"), name);
  toast (self, message);
}

typedef struct
{
  TanluPathwaysPage *self;
  char              *name;
  gboolean           iamc;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->self);
  g_free (job->name);
  g_free (job);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ExportJob       *job)
{
  TanluPathwaysPage *self = job->self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Entry *entry = find_entry (self, job->name);

  if (response == GTK_RESPONSE_ACCEPT && entry != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (job->iamc)
        {
          g_autoptr(GString) csv = g_string_new (NULL);
          g_autoptr(GPtrArray) pathways = g_ptr_array_new ();

          if (entry->result == NULL)
            text = NULL;
          else
            {
              g_ptr_array_add (pathways, entry->result);
              tanlu_pathway_append_iamc (csv, pathways, TRUE);
              text = g_string_free (g_steal_pointer (&csv), FALSE);
            }
        }
      else if (entry->spec != NULL)
        text = tanlu_pathway_spec_to_json (entry->spec);

      if (text == NULL)
        toast (self, entry->problem != NULL ? entry->problem : _("Nothing to export"));
      else if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                         G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: a toast after an export */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), basename);

          toast (self, message);
        }
    }

  export_job_free (job);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ExportJob *job = g_new0 (ExportJob, 1);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  job->self = g_object_ref (self);
  job->name = g_strdup (g_variant_get_string (parameter, NULL));
  job->iamc = g_str_equal (action_name, "pathways.export-iamc");

  name = display_name (job->name);
  g_strdelimit (name, "/\\", '-');
  file_name = g_strconcat (name, job->iamc ? ".csv" : ".json", NULL);

  chooser = gtk_file_chooser_native_new (job->iamc ? _("Export Figures in the IAMC Layout")
                                                   : _("Export Pathway"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_import_response (GtkNativeDialog   *chooser,
                    int                response,
                    TanluPathwaysPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(TanluPathway) check = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    goto out;

  basename = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error) ||
      !(spec = tanlu_pathway_spec_new_from_json (contents, length, basename, &error)))
    {
      toast (self, error->message);
      goto out;
    }

  if (tanlu_pathway_spec_get_name (spec) == NULL)
    tanlu_pathway_spec_set_name (spec, basename);
  {
    g_autofree char *name = tanlu_pathway_library_unique_name (self->library,
                                                               tanlu_pathway_spec_get_name (spec));

    tanlu_pathway_spec_set_name (spec, name);
  }

  /* Only a pathway that runs is saved. */
  if (!(check = tanlu_pathway_library_run (self->library, spec, &error)) ||
      !tanlu_pathway_history_begin (self->history, &error) ||
      !tanlu_pathway_library_save (self->library, spec, &error) ||
      !tanlu_pathway_history_end (self->history, _("Import a pathway"), &error))
    {
      tanlu_pathway_history_cancel (self->history);
      toast (self, error->message);
      goto out;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Imported “%s” for %s"),
                                                tanlu_pathway_spec_get_name (spec),
                                                tanlu_locale_pick (check->region_name_zh,
                                                                   check->region_name_en));

    toast (self, message);
  }

out:
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Pathways (.json)"));
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (_("Import Pathway"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GPtrArray) rows = table_rows (self);
  g_autoptr(TanluExportable) exportable = NULL;
  g_autofree char *name = region_name (self);
  g_autofree char *title = g_strdup_printf (chinese () ? "%s：排放路径对比" : "%s: pathways "
                                                                            "side by side",
                                            name);
  g_autofree char *source = NULL;
  TanluChartData *data = tanlu_chart_card_get_view (self->main_card) != NULL
                           ? tanlu_chart_view_get_data (tanlu_chart_card_get_view (self->main_card))
                           : NULL;

  source = g_strdup (data != NULL && data->source != NULL ? data->source : "");
  exportable = tanlu_table_exportable_new (title, source, rows);
  tanlu_export_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, exportable,
                               gtk_widget_get_width (GTK_WIDGET (self->table_grid)),
                               gtk_widget_get_height (GTK_WIDGET (self->table_grid)));
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* While a point is dragged only the chart follows, so every movement
 * draws at once; the rest catches up when the drag ends. */
static void
refresh (TanluPathwaysPage *self,
         gboolean           everything)
{
  show_main_chart (self);

  if (everything)
    {
      fill_table (self);
      fill_checks (self);
      show_notes (self);
      show_difference_charts (self);
    }
}

static void
fill_reference_dropdown (TanluPathwaysPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  self->updating = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *name = display_name (entry->name);

      if (g_strcmp0 (entry->name, self->reference) == 0)
        selected = i;
      gtk_string_list_append (model, name);
    }
  gtk_drop_down_set_model (self->reference_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->reference_dropdown, selected);
  self->updating = FALSE;
}

static void
on_reference_selected (TanluPathwaysPage *self)
{
  guint index = gtk_drop_down_get_selected (self->reference_dropdown);

  if (self->updating || self->entries == NULL || index >= self->entries->len)
    return;

  g_free (self->reference);
  self->reference = g_strdup (((Entry *) g_ptr_array_index (self->entries, index))->name);
  show_difference_charts (self);
}

static void
reload (TanluPathwaysPage *self)
{
  TanluRegion *region = get_region (self);
  Entry *entry;

  if (region == NULL || get_store (self) == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Region Selected"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autofree char *name = region_name (self);
    /* Translators: the heading of the Pathways page */
    g_autofree char *heading = g_strdup_printf (_("Pathways for %s"), name);

    gtk_label_set_text (self->heading_label, heading);
  }

  load_entries (self);

  g_clear_pointer (&self->editing, tanlu_pathway_spec_unref);
  entry = selected_entry (self);
  if (entry != NULL && entry->spec != NULL)
    self->editing = tanlu_pathway_spec_copy (entry->spec);
  tanlu_pathway_library_set_draft (self->library, NULL);

  run_entries (self);
  gtk_stack_set_visible_child_name (self->stack, "pathways");

  fill_list (self);
  fill_reference_dropdown (self);
  show_editor (self);
  refresh (self, TRUE);
}

static void
set_library (TanluPathwaysPage *self)
{
  TanluContext *context = get_context (self);
  TanluPathwayLibrary *library = context != NULL ? tanlu_context_get_pathways (context) : NULL;

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_clear_signal_handler (&self->library_handler, self->library);
  g_clear_object (&self->library);
  g_clear_object (&self->history);

  if (library == NULL)
    return;

  self->library = g_object_ref (library);
  self->history = tanlu_pathway_history_new (library);
  self->library_handler = g_signal_connect_swapped (library, "changed",
                                                    G_CALLBACK (on_library_changed), self);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);

  tanlu_chart_card_set_pathways (self->main_card, library);
  tanlu_chart_card_set_pathways (self->difference_card, library);
  tanlu_chart_card_set_pathways (self->wedge_card, library);
}

static void
on_context_changed (TanluContextView *view)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (view);

  set_library (self);
  reload (self);
}

static void
on_region_changed (TanluContextView *view)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (view);

  tanlu_pathway_library_set_draft (self->library, NULL);
  g_clear_pointer (&self->editing, tanlu_pathway_spec_unref);
  g_clear_pointer (&self->selected, g_free);
  reload (self);
}

/* ------------------------------------------------------------------------ */

static void
tanlu_pathways_page_dispose (GObject *object)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (object);

  if (self->library != NULL)
    {
      tanlu_pathway_library_set_draft (self->library, NULL);
      g_clear_signal_handler (&self->library_handler, self->library);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_PATHWAYS_PAGE);

  g_clear_object (&self->library);
  g_clear_object (&self->history);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->editing, tanlu_pathway_spec_unref);

  G_OBJECT_CLASS (tanlu_pathways_page_parent_class)->dispose (object);
}

static void
tanlu_pathways_page_finalize (GObject *object)
{
  TanluPathwaysPage *self = TANLU_PATHWAYS_PAGE (object);

  g_free (self->selected);
  g_free (self->reference);
  g_hash_table_unref (self->hidden);
  g_hash_table_unref (self->ticked);
  g_array_unref (self->levers);
  g_ptr_array_unref (self->parents);
  g_ptr_array_unref (self->gdp_series);
  g_ptr_array_unref (self->check_rows);

  G_OBJECT_CLASS (tanlu_pathways_page_parent_class)->finalize (object);
}

static void
tanlu_pathways_page_class_init (TanluPathwaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_pathways_page_dispose;
  object_class->finalize = tanlu_pathways_page_finalize;

  view_class->context_changed = on_context_changed;
  view_class->region_changed = on_region_changed;
  view_class->data_changed = on_region_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-pathways-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, main_card);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, difference_card);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, wedge_card);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, work_box);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, list_group);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, editor_group);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, checks_group);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, table_group);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, pathway_list);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, lever_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, lever_editor);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, lever_hint);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, keyframe_box);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, value_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, end_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, gdp_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, table_grid);
  gtk_widget_class_bind_template_child (widget_class, TanluPathwaysPage, empty_page);

  gtk_widget_class_install_action (widget_class, "pathways.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "pathways.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "pathways.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "pathways.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "pathways.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "pathways.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "pathways.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "pathways.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "pathways.export-iamc", "s", export_action);
  gtk_widget_class_install_action (widget_class, "pathways.export-table", NULL,
                                   export_table_action);
  gtk_widget_class_install_action (widget_class, "pathways.set-keyframe", NULL,
                                   set_keyframe_action);
  gtk_widget_class_install_action (widget_class, "pathways.remove-keyframe", NULL,
                                   remove_keyframe_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "pathways.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pathways.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pathways.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "pathways.new",
                                       NULL);

  gtk_widget_class_set_css_name (widget_class, "pathwayspage");

  g_type_ensure (TANLU_TYPE_CHART_CARD);
  g_type_ensure (TANLU_TYPE_LEVER_EDITOR);
}

static void
tanlu_pathways_page_init (TanluPathwaysPage *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Against"));

  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->levers = g_array_new (FALSE, FALSE, sizeof (TanluLever));
  self->parents = g_ptr_array_new_with_free_func (g_free);
  self->gdp_series = g_ptr_array_new_with_free_func (g_free);
  self->check_rows = g_ptr_array_new ();
  self->reference = g_strdup (tanlu_preset_to_string (TANLU_PRESET_TREND));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The difference charts' reference, under them */
  self->reference_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->reference_dropdown));
  gtk_box_append (GTK_BOX (footer), label);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->reference_dropdown));
  tanlu_chart_card_set_footer (self->difference_card, footer);
  g_signal_connect_swapped (self->reference_dropdown, "notify::selected",
                            G_CALLBACK (on_reference_selected), self);

  /* The list beside the levers where there is room, above them where not */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->work_box), tanlu_columns_layout_new (18));

  g_signal_connect (self->pathway_list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->metric_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->lever_row, "notify::selected", G_CALLBACK (on_lever_selected),
                            self);
  g_signal_connect_swapped (self->parent_row, "notify::selected", G_CALLBACK (on_parent_selected),
                            self);
  g_signal_connect_swapped (self->gdp_row, "notify::selected", G_CALLBACK (on_gdp_selected), self);
  g_signal_connect_swapped (self->end_spin, "value-changed", G_CALLBACK (on_end_year_changed),
                            self);
  g_signal_connect_swapped (self->notes_row, "apply", G_CALLBACK (on_notes_applied), self);
  g_signal_connect (self->lever_editor, "keyframe-moved", G_CALLBACK (on_keyframe_moved), self);
  g_signal_connect (self->lever_editor, "keyframe-added", G_CALLBACK (on_keyframe_added), self);
  g_signal_connect (self->lever_editor, "keyframe-removed", G_CALLBACK (on_keyframe_removed),
                    self);
  g_signal_connect (self->lever_editor, "selection-changed", G_CALLBACK (on_selection_changed),
                    self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathways.redo", FALSE);
}

GtkWidget *
tanlu_pathways_page_new (void)
{
  return g_object_new (TANLU_TYPE_PATHWAYS_PAGE, NULL);
}

/* ------------------------------------------------------------------------ */
/* For tests                                                                */

TanluChartCard *
_tanlu_pathways_page_get_main_card (TanluPathwaysPage *self)
{
  return self->main_card;
}

TanluChartCard *
_tanlu_pathways_page_get_difference_card (TanluPathwaysPage *self)
{
  return self->difference_card;
}

TanluChartCard *
_tanlu_pathways_page_get_wedge_card (TanluPathwaysPage *self)
{
  return self->wedge_card;
}

TanluLeverEditor *
_tanlu_pathways_page_get_lever_editor (TanluPathwaysPage *self)
{
  return self->lever_editor;
}

GtkListBox *
_tanlu_pathways_page_get_list (TanluPathwaysPage *self)
{
  return self->pathway_list;
}

GtkGrid *
_tanlu_pathways_page_get_table (TanluPathwaysPage *self)
{
  return self->table_grid;
}

void
_tanlu_pathways_page_set_lever (TanluPathwaysPage *self,
                                TanluLever         lever)
{
  for (guint i = 0; i < self->levers->len; i++)
    if (g_array_index (self->levers, TanluLever, i) == lever)
      adw_combo_row_set_selected (self->lever_row, i);
}

/**
 * _tanlu_pathways_page_get_table_cell:
 * @pathway: a pathway's shown name
 * @column: 0 for the name, then the columns of the table
 *
 * Returns: (transfer full) (nullable): the text of the table's cell
 */
char *
_tanlu_pathways_page_get_table_cell (TanluPathwaysPage *self,
                                     const char        *pathway,
                                     guint              column)
{
  for (int row = 1;; row++)
    {
      GtkWidget *name = gtk_grid_get_child_at (self->table_grid, 0, row);
      GtkWidget *wanted;

      if (name == NULL)
        return NULL;
      if (!g_str_equal (gtk_label_get_text (GTK_LABEL (name)), pathway))
        continue;

      wanted = gtk_grid_get_child_at (self->table_grid, column, row);
      return wanted != NULL ? g_strdup (gtk_label_get_text (GTK_LABEL (wanted))) : NULL;
    }
}
