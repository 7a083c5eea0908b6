/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-dashboard-page-private.h"
#include "charts/tanlu-chart-scale.h"
#include "figures/tanlu-summary.h"
#include "policy/tanlu-report-card.h"
#include "policy/tanlu-target-text.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-chart-card.h"
#include "widgets/tanlu-context-view.h"
#include "widgets/tanlu-context.h"

#include <math.h>

#define MAX_COMPARISONS 6
#define TOP_SECTORS 6
#define TREND_MEMBERS 6
#define CHART_HEIGHT 400
#define BAR_HEIGHT 24
#define BARS_EXTRA_HEIGHT 140
#define BARS_MIN_HEIGHT 260
#define FIGURE_CARD_WIDTH 210

/* What the selected region's emissions look like: key figures on cards,
 * each with its sparkline, then its trend beside the regions the user
 * compares it with, its sectors, its fuels and its rank. */
struct _TanluDashboardPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkLabel       *description_label;
  GtkLabel       *coverage_label;
  GtkFlowBox     *cards_box;
  GtkLabel       *sources_label;
  GtkBox         *targets_box;
  GtkLabel       *targets_heading;
  GtkListBox     *targets_list;
  GtkLabel       *targets_note;
  GPtrArray      *targets;
  GtkBox         *report_box;
  GtkListBox     *report_list;
  GtkLabel       *report_note;
  GtkBox         *charts_box;
  AdwStatusPage  *empty_page;

  /* owned */
  TanluSummary   *summary;
  TanluRegion    *summary_region;
  gboolean        include_incomplete;
  char           *unit_scale;
  GStrv           comparisons;
  GHashTable     *cards;           /* name → card widget, for tests */
  GSignalGroup   *pathway_signals; /* the context's pathways */
  gboolean        report_stale;

  TanluChartCard *trend_card;
  TanluChartCard *ranking_card;
  TanluChartCard *sector_card;
  TanluChartCard *fuel_card;
  GtkBox         *comparison_box;
  GtkMenuButton  *compare_button;
  GtkListBox     *compare_list;
  GtkSearchEntry *compare_search;
};

G_DEFINE_FINAL_TYPE (TanluDashboardPage, tanlu_dashboard_page, TANLU_TYPE_CONTEXT_VIEW)

enum {
  PROP_0,
  PROP_UNIT_SCALE,
  PROP_COMPARISONS,
  PROP_INCLUDE_INCOMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static TanluContext *
get_context (TanluDashboardPage *self)
{
  return tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
}

static TanluChartLanguage
ui_language (void)
{
  return tanlu_locale_prefers_chinese () ? TANLU_CHART_LANGUAGE_CHINESE
                                         : TANLU_CHART_LANGUAGE_ENGLISH;
}

static TanluChartUnitScale
unit_scale (TanluDashboardPage *self)
{
  const char *name = self->unit_scale;

  if (g_strcmp0 (name, "mt") == 0)
    return TANLU_CHART_UNIT_SCALE_MT;
  if (g_strcmp0 (name, "wan-tonnes") == 0)
    return TANLU_CHART_UNIT_SCALE_WAN_TONNES;
  if (g_strcmp0 (name, "yi-tonnes") == 0)
    return TANLU_CHART_UNIT_SCALE_YI_TONNES;

  /* Chinese plans count in 万吨. */
  return ui_language () == TANLU_CHART_LANGUAGE_CHINESE
         ? TANLU_CHART_UNIT_SCALE_WAN_TONNES : TANLU_CHART_UNIT_SCALE_MT;
}

static char *
format_mass (TanluDashboardPage *self,
             double              mt)
{
  TanluChartUnitScale scale = unit_scale (self);
  g_autofree char *number =
    tanlu_chart_format_value (mt * tanlu_chart_unit_scale_factor (scale), ui_language ());
  g_autofree char *unit = tanlu_chart_unit_label ("Mt CO₂", scale, ui_language ());

  return g_strdup_printf ("%s %s", number, unit);
}

static char *
format_percent (double   fraction,
                gboolean signed_)
{
  g_autofree char *number = tanlu_chart_format_number (fraction * 100, 1, ui_language ());

  /* Translators: a percentage; use "%s%%" where no space goes before % */
  return g_strdup_printf (_("%s%s %%"), signed_ && fraction > 0 ? "+" : "", number);
}

static GArray *
series_since (GArray *series,
              guint   first_year)
{
  GArray *part = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));

  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year >= first_year)
      g_array_append_val (part, g_array_index (series, TanluSeriesPoint, i));

  return part;
}

static TanluChartData *
create_sparkline (GArray  *points,
                  gboolean negate)
{
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_SPARKLINE);
  TanluChartSeries *series = tanlu_chart_series_new ("", points->len);

  series->projected_from = G_MAXUINT;
  for (guint i = 0; i < points->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (points, TanluSeriesPoint, i);

      series->x[i] = point->year;
      series->y[i] = negate ? -point->value : point->value;
    }
  g_ptr_array_add (data->series, series);
  data->title = g_strdup ("");
  data->source = g_strdup ("");
  data->language = ui_language ();

  return data;
}

/* ------------------------------------------------------------------------ */
/* Cards */

/* Where one stored figure comes from, as the popovers tell it. */
typedef struct
{
  guint        year;
  gboolean     found;
  double       value;
  TanluSource *source;
  char        *origin;
  char        *imported_at;
  char        *import_path;
  guint        source_code;
} Provenance;

static void
provenance_clear (Provenance *provenance)
{
  g_clear_pointer (&provenance->origin, g_free);
  g_clear_pointer (&provenance->imported_at, g_free);
  g_clear_pointer (&provenance->import_path, g_free);
}

static gboolean
find_provenance_cb (TanluRegion                   *region,
                    TanluIndicator                *indicator,
                    guint                          year,
                    double                         value,
                    TanluSource                   *source,
                    const TanluObservationDetails *details,
                    gpointer                       user_data)
{
  Provenance *provenance = user_data;

  if (year != provenance->year)
    return TRUE;

  provenance->found = TRUE;
  provenance->value = value;
  provenance->source = source;
  provenance->origin = g_strdup (details->origin);
  provenance->imported_at = g_strdup (details->imported_at);
  provenance->import_path = g_strdup (details->import_path);
  provenance->source_code = details->source_code;

  return FALSE;
}

/* One stored figure: region, year and value, then its source, the file,
 * sheet and cell (or line) it was read from, and when it was imported. */
static void
append_figure (TanluDashboardPage *self,
               GString            *text,
               guint               code,
               guint               year)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  TanluRegion *region = tanlu_store_lookup_region (store, code);
  Provenance provenance = { .year = year };
  g_autofree char *where = NULL;
  g_autofree char *value = NULL;
  const char *incomplete;

  if (region == NULL)
    return;

  if (text->len > 0)
    g_string_append (text, "\n\n");

  tanlu_store_foreach_observation (store, FALSE, TANLU_REGION_LEVEL_NATION, code,
                                   TANLU_INDICATOR_CO2_TOTAL, find_provenance_cb, &provenance,
                                   NULL);
  if (!provenance.found)
    {
      /* Translators: “Laiwu, 2019: no figure” */
      g_string_append_printf (text, _("%s, %u: no figure"), tanlu_region_get_display_name (region),
                              year);
      return;
    }

  value = format_mass (self, provenance.value);
  /* Translators: “Sichuan, 2019: 301.2 Mt CO₂” */
  g_string_append_printf (text, _("%s, %u: %s"), tanlu_region_get_display_name (region), year,
                          value);
  g_string_append_printf (text, "\n%s. %s", tanlu_source_get_title (provenance.source),
                          tanlu_source_get_citation (provenance.source));

  where = tanlu_origin_describe (provenance.origin, ui_language () == TANLU_CHART_LANGUAGE_CHINESE);
  /* Translators: where in its file a figure was read, e.g. “Read from
   * cities_1997-2019.xlsx, sheet emission vector, cell D23” */
  g_string_append_printf (text, _("\nRead from %s"), where);
  if (provenance.imported_at != NULL)
    /* Translators: “Imported 2026-12-07 18:02 from /home/…/cities.xlsx” */
    g_string_append_printf (text, _("\nImported %s from %s"), provenance.imported_at,
                            provenance.import_path != NULL ? provenance.import_path : "?");
  else
    g_string_append (text, _("\nPart of the data Tanlu comes with"));
  if (provenance.source_code != 0)
    /* Translators: “The file gave the former code 542600, now 540400” */
    g_string_append_printf (text, _("\nThe file gave the former code %u, now %u"),
                            provenance.source_code, code);
  if ((incomplete = tanlu_store_get_incomplete (store, code, year)) != NULL)
    /* Translators: %s says why, as the source shows it */
    g_string_append_printf (text, _("\nIncomplete in the source: %s"), incomplete);

  provenance_clear (&provenance);
}

/* The figures a year's value of the summary's region rests on: its own,
 * those of a group's members, and those of units merged into it since. */
static void
append_year (TanluDashboardPage *self,
             GString            *text,
             guint               year)
{
  TanluRegion *region = self->summary_region;
  const TanluSummary *summary = self->summary;

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      guint n_members;
      const guint *members = tanlu_region_get_member_codes (region, &n_members);

      for (guint i = 0; i < n_members; i++)
        append_figure (self, text, members[i], year);
      return;
    }

  append_figure (self, text, tanlu_region_get_code (region), year);
  for (guint b = 0; summary->breaks != NULL && b < summary->breaks->len; b++)
    {
      const TanluRegionChange *change = g_ptr_array_index (summary->breaks, b);

      if (change->kind == TANLU_REGION_MERGED && year < change->year)
        append_figure (self, text, change->old_code, year);
    }
}

static char *
describe_break (TanluDashboardPage      *self,
                const TanluRegionChange *change)
{
  return tanlu_summary_describe_break (tanlu_context_get_store (get_context (self)), change,
                                       ui_language () == TANLU_CHART_LANGUAGE_CHINESE);
}

static void
add_section (GtkBox     *box,
             const char *heading,
             const char *body)
{
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *body_label = gtk_label_new (body);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_widget_add_css_class (heading_label, "heading");
  gtk_box_append (box, heading_label);

  gtk_label_set_xalign (GTK_LABEL (body_label), 0);
  gtk_label_set_wrap (GTK_LABEL (body_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (body_label), 56);
  gtk_label_set_selectable (GTK_LABEL (body_label), TRUE);
  gtk_widget_set_margin_bottom (body_label, 6);
  gtk_box_append (box, body_label);
}

/* The formula of a change between two years, with its terms. */
static void
add_change_sections (TanluDashboardPage       *self,
                     GtkBox                   *box,
                     const TanluSummaryChange *change,
                     guint                     n_years)
{
  g_autoptr(GString) inputs = g_string_new (NULL);
  g_autofree char *formula = NULL;

  if (change->status == TANLU_FIGURE_SHOWN)
    {
      g_autofree char *from = format_mass (self, change->from_value);
      g_autofree char *to = format_mass (self, change->to_value);
      g_autofree char *result = format_percent (change->value, TRUE);

      if (n_years > 0)
        /* Translators: the compound annual growth rate, with its terms */
        formula = g_strdup_printf (_("(E%u ÷ E%u)^(1/%u) − 1 = (%s ÷ %s)^(1/%u) − 1 = %s a year"),
                                   change->to_year, change->from_year, n_years, to, from, n_years,
                                   result);
      else
        /* Translators: the change between two years, with its terms */
        formula = g_strdup_printf (_("E%u ÷ E%u − 1 = %s ÷ %s − 1 = %s"), change->to_year,
                                   change->from_year, to, from, result);
      if (change->adjusted)
        {
          g_autofree char *what = describe_break (self, change->change);
          g_autofree char *note = NULL;

          /* Translators: %u is a year, %s a change such as “Laiwu merged
           * into Jinan in 2019” */
          note = g_strdup_printf (_("E%u is on today’s territory: %s, so the merged unit’s "
                                    "figure is added."),
                                  change->from_year, what);
          {
            g_autofree char *bare = g_steal_pointer (&formula);

            formula = g_strdup_printf ("%s\n%s", bare, note);
          }
        }
      add_section (box, _("Formula"), formula);
    }

  append_year (self, inputs, change->from_year);
  append_year (self, inputs, change->to_year);
  add_section (box, _("Figures"), inputs->str);
}

static void
fill_popover (TanluDashboardPage *self,
              const char         *name,
              GtkBox             *box)
{
  const TanluSummary *summary = self->summary;
  TanluRegion *region = self->summary_region;

  if (summary == NULL || region == NULL)
    return;

  if (g_str_equal (name, "latest"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_year (self, text, summary->latest_year);
      add_section (box, tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP
                          ? _("The members’ figures, added up")
                          : _("Figure"),
                   text->str);
    }
  else if (g_str_equal (name, "since-2005"))
    add_change_sections (self, box, &summary->since_2005, 0);
  else if (g_str_equal (name, "since-2015"))
    add_change_sections (self, box, &summary->since_2015, 0);
  else if (g_str_equal (name, "growth"))
    add_change_sections (self, box, &summary->growth, 5);
  else if (g_str_equal (name, "peak"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) how = g_string_new (NULL);
      guint first = g_array_index (summary->comparable, TanluSeriesPoint, 0).year;

      /* Translators: “The highest of the figures from 1997 to 2019” */
      g_string_append_printf (how, _("The highest of the figures from %u to %u"), first,
                              summary->latest_year);
      if (summary->peak_since != 0 && summary->comparable_break != NULL)
        {
          g_autofree char *what = describe_break (self, summary->comparable_break);

          /* Translators: %s is a change such as “Chaohu divided among …” */
          g_string_append_printf (how, _("; earlier years cover another territory (%s)"), what);
        }
      if (summary->incomplete_years->len > 0)
        g_string_append (how, _("; years incomplete in the source left out"));
      g_string_append (how, _("."));
      add_section (box, _("How it is found"), how->str);
      if (summary->peak_year != 0)
        {
          append_year (self, text, summary->peak_year);
          add_section (box, _("Figure"), text->str);
        }
    }
  else if (g_str_equal (name, "share"))
    {
      g_autofree char *part = format_mass (self, summary->latest_value);
      g_autofree char *total = format_mass (self, summary->share_total);
      g_autofree char *share = format_percent (summary->share, FALSE);
      g_autofree char *formula = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: “Chengdu ÷ the sum of the 21 parts of Sichuan with a
       * figure from the same source = …” */
      formula = g_strdup_printf (
        ngettext ("%s ÷ the sum of the %u part of %s with a figure from the same source, %s, "
                  "in %u = %s ÷ %s = %s",
                  "%s ÷ the sum of the %u parts of %s with a figure from the same source, %s, "
                  "in %u = %s ÷ %s = %s",
                  summary->share_n_parts),
        tanlu_region_get_display_name (region), summary->share_n_parts,
        tanlu_region_get_display_name (summary->parent),
        summary->share_source != NULL ? tanlu_source_get_title (summary->share_source) : "?",
        summary->latest_year, part, total, share);
      add_section (box, _("Formula"), formula);

      if (!isnan (summary->parent_value))
        {
          g_autofree char *whole = format_mass (self, summary->parent_value);
          g_autofree char *ratio = format_percent (summary->share_total / summary->parent_value,
                                                   FALSE);

          /* Translators: “Sichuan’s own figure, 301.2 Mt CO₂ (CEADs
           * provinces), is not the denominator: the parts add up to 98.1 %
           * of it. Inventories of different datasets are made differently,
           * so a share divides figures of one dataset only.” */
          g_string_append_printf (
            text,
            _("%s’s own figure, %s (%s), is not the denominator: the parts add up to %s of it. "
              "Datasets are made in different ways, so a share divides figures of one dataset "
              "only."),
            tanlu_region_get_display_name (summary->parent), whole,
            summary->parent_source != NULL ? tanlu_source_get_title (summary->parent_source)
                                           : "?",
            ratio);
        }
      if (summary->share_n_parts < summary->share_n_siblings)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (
            text,
            ngettext ("%u of the %u parts has a figure from that source in %u.",
                      "%u of the %u parts have a figure from that source in %u.",
                      summary->share_n_siblings),
            summary->share_n_parts, summary->share_n_siblings, summary->latest_year);
        }
      if (summary->share_n_incomplete > 0)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (
            text,
            ngettext ("The sum includes %u figure that is incomplete in the source.",
                      "The sum includes %u figures that are incomplete in the source.",
                      summary->share_n_incomplete),
            summary->share_n_incomplete);
        }
      if (summary->share > 1)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, _("The share is above 100 % because some of the parts are "
                                   "negative (net removals)."));
        }
      if (text->len > 0)
        add_section (box, _("Denominator"), text->str);
    }
  else if (g_str_equal (name, "rank"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: “Ranked by the figures for 2019 from one source, …” */
      g_string_append_printf (text,
                              _("Ranked by the figures for %u from %s, highest first, among those "
                                "with a figure from that source."),
                              summary->latest_year,
                              summary->latest_source != NULL
                                ? tanlu_source_get_title (summary->latest_source)
                                : "?");
      if (summary->n_left_out > 0)
        g_string_append_printf (text,
                                ngettext (" %u region is left out: its figure is incomplete in "
                                          "the source.",
                                          " %u regions are left out: their figures are "
                                          "incomplete in the source.",
                                          summary->n_left_out),
                                summary->n_left_out);
      add_section (box, _("How it is ranked"), text->str);
    }
  else if (g_str_equal (name, "neighbours"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: how the rank among neighbours is found */
      g_string_append_printf (text,
                              _("Ranked by the figures for %u from %s, highest first, with the "
                                "regions whose outlines share a border with it on the map "
                                "(found from the boundaries, borders longer than about 2 km)."),
                              summary->latest_year,
                              summary->latest_source != NULL
                                ? tanlu_source_get_title (summary->latest_source)
                                : "?");
      if (summary->n_neighbours_ranked < summary->neighbours->len + 1)
        g_string_append_printf (
          text,
          ngettext (" %u neighbour has no figure from that source, or one incomplete in it, "
                    "and is left out.",
                    " %u neighbours have no figure from that source, or one incomplete in it, "
                    "and are left out.",
                    summary->neighbours->len + 1 - summary->n_neighbours_ranked),
          summary->neighbours->len + 1 - summary->n_neighbours_ranked);
      add_section (box, _("How it is ranked"), text->str);

      g_string_truncate (text, 0);
      for (guint i = 0; i < summary->neighbours->len; i++)
        {
          TanluRegion *neighbour = g_ptr_array_index (summary->neighbours, i);
          g_autoptr(GArray) series =
            tanlu_store_get_series (tanlu_context_get_store (get_context (self)),
                                    tanlu_region_get_code (neighbour), TANLU_INDICATOR_CO2_TOTAL,
                                    NULL);
          const TanluSeriesPoint *point = NULL;

          for (guint k = 0; series != NULL && k < series->len; k++)
            if (g_array_index (series, TanluSeriesPoint, k).year == summary->latest_year)
              point = &g_array_index (series, TanluSeriesPoint, k);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (point != NULL)
            {
              g_autofree char *value = format_mass (self, point->value);

              g_string_append_printf (text, _("%s, %u: %s"),
                                      tanlu_region_get_display_name (neighbour),
                                      summary->latest_year, value);
            }
          else
            g_string_append_printf (text, _("%s, %u: no figure"),
                                    tanlu_region_get_display_name (neighbour),
                                    summary->latest_year);
        }
      add_section (box, _("Neighbours"), text->str);
    }
}

/* The card's tooltip says what opening it shows; while the popover is
 * open, hovering the popover, a child of the card, would show it over
 * the answer. */
static void
on_card_popover_closed_cb (GtkPopover *popover,
                           GtkWidget  *card)
{
  gtk_widget_set_has_tooltip (card, TRUE);
}

/* The popover is made when it first opens; the cards are made anew with
 * each new set of figures, so it never outlives the figures it tells of. */
static void
on_card_clicked_cb (GtkButton          *button,
                    TanluDashboardPage *self)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "popover");

  if (popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      popover = gtk_popover_new ();
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      fill_popover (self, gtk_widget_get_name (GTK_WIDGET (button)), GTK_BOX (box));
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_widget_set_parent (popover, GTK_WIDGET (button));
      g_signal_connect_object (popover, "closed", G_CALLBACK (on_card_popover_closed_cb), button,
                               0);
      g_object_set_data (G_OBJECT (button), "popover", popover);
    }

  gtk_widget_set_has_tooltip (GTK_WIDGET (button), FALSE);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_card_destroy_cb (GtkWidget *card)
{
  GtkWidget *popover = g_object_steal_data (G_OBJECT (card), "popover");

  if (popover != NULL)
    gtk_widget_unparent (popover);
}

/* A figure on a card; the card opens a popover saying where the figure
 * comes from and, for a derived one, how it is computed. A flag marks a
 * figure that could not be computed as asked, or only partly. */
static void
add_card (TanluDashboardPage *self,
          const char         *name,
          const char         *caption,
          const char         *value,
          const char         *detail,
          GArray             *sparkline,
          gboolean            negate,
          gboolean            flagged)
{
  GtkWidget *card = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *detail_label = gtk_label_new (detail);
  g_autofree char *accessible = g_strdup_printf ("%s: %s. %s", caption, value, detail);

  gtk_widget_add_css_class (card, "chart-card");
  gtk_widget_add_css_class (card, "figure-card");
  gtk_widget_set_name (card, name);
  gtk_widget_set_tooltip_text (card, _("Where this figure comes from"));

  /* Chinese text may wrap after any character; without a floor on the
   * width the flow box would measure the cards one character wide, and
   * very tall. */
  gtk_widget_set_size_request (card, FIGURE_CARD_WIDTH, -1);

  /* Short lines, so that four cards fit side by side. */
  gtk_widget_set_name (caption_label, "caption");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 20);
  gtk_widget_set_hexpand (caption_label, TRUE);
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (caption_row), caption_label);
  if (flagged)
    {
      GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_name (flag, "flag");
      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_set_valign (flag, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (caption_row), flag);
    }
  gtk_box_append (GTK_BOX (content), caption_row);

  gtk_widget_set_name (value_label, "value");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (content), value_label);

  gtk_widget_set_name (detail_label, "detail");
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 20);
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_set_vexpand (detail_label, TRUE);
  gtk_widget_set_valign (detail_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (content), detail_label);

  if (sparkline != NULL && sparkline->len >= 2)
    {
      GtkWidget *view = tanlu_chart_view_new ();

      tanlu_chart_view_set_data (TANLU_CHART_VIEW (view), create_sparkline (sparkline, negate));
      gtk_widget_set_size_request (view, -1, 36);
      gtk_widget_set_focusable (view, FALSE);
      gtk_widget_set_can_target (view, FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (content), view);
    }

  /* A plain button, not a menu button: GTK 4.8's menu button gives its
   * child its natural width, and the labels would not wrap to the card. */
  gtk_button_set_child (GTK_BUTTON (card), content);
  g_signal_connect_object (card, "clicked", G_CALLBACK (on_card_clicked_cb), self, 0);
  g_signal_connect (card, "destroy", G_CALLBACK (on_card_destroy_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_flow_box_append (self->cards_box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
  g_hash_table_insert (self->cards, g_strdup (name), card);
}

static void
add_change_card (TanluDashboardPage       *self,
                 const char               *name,
                 const char               *caption,
                 const TanluSummaryChange *change,
                 guint                     n_years)
{
  const TanluSummary *summary = self->summary;
  g_autoptr(GArray) since = series_since (summary->comparable, change->from_year);
  g_autofree char *detail = NULL;

  switch (change->status)
    {
    case TANLU_FIGURE_SHOWN:
      {
        g_autofree char *value = format_percent (change->value, TRUE);
        g_autofree char *base = format_mass (self, change->from_value);

        if (n_years > 0)
          detail = g_strdup (_("Compound rate a year over the last five years"));
        else
          /* Translators: “From 168.5 Mt CO₂ in 2005 to 2019” */
          detail = g_strdup_printf (_("From %s in %u to %u"), base, change->from_year,
                                    change->to_year);
        if (change->adjusted)
          {
            g_autofree char *what = describe_break (self, change->change);

            g_autofree char *bare = g_steal_pointer (&detail);

            /* Translators: %s is a change such as “Laiwu merged into Jinan
             * in 2019” */
            detail = g_strdup_printf (_("%s, on today’s territory (%s)"), bare, what);
          }
        add_card (self, name, caption, value, detail, since, FALSE, FALSE);
        return;
      }

    case TANLU_FIGURE_BREAK:
      {
        g_autofree char *what = describe_break (self, change->change);

        /* Translators: %s is a change such as “Chaohu divided among Hefei,
         * Wuhu and Ma’anshan in 2011” */
        detail = g_strdup_printf (_("Not comparable: %s"), what);
        add_card (self, name, caption, "—", detail, NULL, FALSE, TRUE);
        return;
      }

    case TANLU_FIGURE_INCOMPLETE:
      /* Translators: %u is a year */
      detail = g_strdup_printf (_("Left out: the figure for %u is incomplete in the source"),
                                change->blocking_year);
      add_card (self, name, caption, "—", detail, NULL, FALSE, TRUE);
      return;

    case TANLU_FIGURE_NO_VALUE:
    default:
      if (n_years > 0)
        detail = g_strdup (_("Needs figures for the latest year and five years before"));
      else
        detail = g_strdup_printf (_("No figure for %u"), change->from_year);
      add_card (self, name, caption, "—", detail, NULL, FALSE, FALSE);
      return;
    }
}

static void
fill_cards (TanluDashboardPage *self,
            TanluRegion        *region,
            const TanluSummary *summary)
{
  TanluRegionLevel level = tanlu_region_get_level (region);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);
  g_hash_table_remove_all (self->cards);

  if (summary->series->len == 0)
    return;

  {
    g_autofree char *caption = g_strdup_printf (_("CO₂ emissions, %u"), summary->latest_year);
    g_autofree char *value = format_mass (self, summary->latest_value);
    g_autofree char *detail = NULL;

    if (summary->latest_incomplete)
      detail = g_strdup (_("Incomplete in the source: every fuel is zero, so this is process "
                           "emissions only"));
    else if (level == TANLU_REGION_LEVEL_GROUP)
      {
        guint n_members;

        tanlu_region_get_member_codes (region, &n_members);
        detail = g_strdup_printf (ngettext ("Scope 1, the sum of %u member",
                                            "Scope 1, the sum of its %u members", n_members),
                                  n_members);
      }
    else
      detail = g_strdup (_("Scope 1: fuels burnt in the region and industrial processes"));

    add_card (self, "latest", caption, value, detail, summary->series, FALSE,
              summary->latest_incomplete);
  }

  {
    g_autofree char *caption_2005 = g_strdup_printf (_("Change since %u"), 2005);
    g_autofree char *caption_2015 = g_strdup_printf (_("Change since %u"), 2015);
    /* Translators: “Mean annual growth, 2014–2019” */
    g_autofree char *caption_growth = g_strdup_printf (_("Mean annual growth, %u–%u"),
                                                       summary->growth.from_year,
                                                       summary->latest_year);

    add_change_card (self, "since-2005", caption_2005, &summary->since_2005, 0);
    add_change_card (self, "since-2015", caption_2015, &summary->since_2015, 0);
    add_change_card (self, "growth", caption_growth, &summary->growth, 5);
  }

  if (summary->peak_year != 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", summary->peak_year);
      g_autofree char *peak = format_mass (self, summary->peak_value);
      g_autofree char *caption = NULL;
      g_autofree char *detail = NULL;

      if (summary->peak_since != 0)
        /* Translators: “Highest year since 2011”, when earlier years cover
         * another territory */
        caption = g_strdup_printf (_("Highest year since %u"), summary->peak_since);
      else
        caption = g_strdup (_("Highest year so far"));

      if (summary->fallen_since_peak)
        {
          g_autofree char *drop =
            format_percent (1 - summary->latest_value / summary->peak_value, FALSE);

          /* Translators: “340.1 Mt CO₂; 2019 is 8.2 % lower” */
          detail = g_strdup_printf (_("%s; %u is %s lower"), peak, summary->latest_year, drop);
        }
      else
        /* Translators: “312.4 Mt CO₂; not fallen since” */
        detail = g_strdup_printf (_("%s; the latest year is the highest so far"), peak);
      if (summary->peak_adjusted)
        {
          const TanluRegionChange *change = NULL;

          for (guint b = 0; b < summary->breaks->len && change == NULL; b++)
            if (((TanluRegionChange *) g_ptr_array_index (summary->breaks, b))->kind ==
                TANLU_REGION_MERGED)
              change = g_ptr_array_index (summary->breaks, b);
          if (change != NULL)
            {
              g_autofree char *what = describe_break (self, change);

              g_autofree char *bare = g_steal_pointer (&detail);

              detail = g_strdup_printf (_("%s, on today’s territory (%s)"), bare, what);
            }
        }

      add_card (self, "peak", caption, value, detail, summary->comparable, FALSE,
                summary->peak_since != 0);
    }

  if (summary->parent != NULL && summary->has_share)
    {
      const char *parent = tanlu_region_get_display_name (summary->parent);
      /* Translators: “Share of Sichuan” */
      g_autofree char *caption = g_strdup_printf (_("Share of %s"), parent);
      g_autofree char *value = format_percent (summary->share, FALSE);
      g_autofree char *detail = NULL;

      if (summary->share > 1)
        detail = g_strdup (_("Above 100 %: some parts are negative (net removals)"));
      else if (level == TANLU_REGION_LEVEL_PROVINCE)
        /* Translators: the denominator of a province’s share of the nation */
        detail = g_strdup_printf (ngettext ("Of the sum of %u province in the same dataset, %u",
                                            "Of the sum of %u provinces in the same dataset, %u",
                                            summary->share_n_parts),
                                  summary->share_n_parts, summary->latest_year);
      else
        /* Translators: the denominator of a city’s share of its province */
        detail = g_strdup_printf (ngettext ("Of the sum of %u city in the same dataset, %u",
                                            "Of the sum of %u cities in the same dataset, %u",
                                            summary->share_n_parts),
                                  summary->share_n_parts, summary->latest_year);

      add_card (self, "share", caption, value, detail, summary->share_series, FALSE,
                summary->share > 1);
    }

  if (summary->rank > 0 || (summary->latest_incomplete && summary->n_ranked == 0 &&
                            tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP &&
                            tanlu_region_get_level (region) != TANLU_REGION_LEVEL_NATION))
    {
      g_autofree char *caption = NULL;
      g_autofree char *value = NULL;
      g_autofree char *detail = NULL;

      if (level == TANLU_REGION_LEVEL_PROVINCE)
        caption = g_strdup (_("Rank among provinces"));
      else
        /* Translators: “Rank among the cities of Sichuan” */
        caption = g_strdup_printf (
          _("Rank among the cities of %s"),
          summary->parent != NULL ? tanlu_region_get_display_name (summary->parent) : "");

      if (summary->rank == 0)
        {
          value = g_strdup ("—");
          /* Translators: %u is a year */
          detail = g_strdup_printf (_("Not ranked: the figure for %u is incomplete in the source"),
                                    summary->latest_year);
        }
      else
        {
          value = g_strdup_printf ("%u / %u", summary->rank, summary->n_ranked);
          if (summary->n_left_out > 0)
            /* Translators: “By emissions in 2002, highest first; 1 left out
             * as incomplete” */
            detail = g_strdup_printf (_("By emissions in %u, highest first; %u left out as "
                                        "incomplete"),
                                      summary->latest_year, summary->n_left_out);
          else
            detail = g_strdup_printf (_("By emissions in %u, highest first"), summary->latest_year);
        }

      /* Drawn upside down, so a climb towards first place goes up. */
      add_card (self, "rank", caption, value, detail, summary->rank_series, TRUE,
                summary->rank == 0 || summary->n_left_out > 0);
    }

  if (summary->neighbour_rank > 0)
    {
      g_autofree char *value =
        g_strdup_printf ("%u / %u", summary->neighbour_rank, summary->n_neighbours_ranked);
      g_autofree char *detail = NULL;

      /* Translators: “By emissions in 2019 among the 7 regions that share a
       * border with it” */
      detail = g_strdup_printf (ngettext ("By emissions in %u, with the %u region sharing a "
                                          "border with it",
                                          "By emissions in %u, with the %u regions sharing a "
                                          "border with it",
                                          summary->n_neighbours_ranked - 1),
                                summary->latest_year, summary->n_neighbours_ranked - 1);
      add_card (self, "neighbours", _("Rank among neighbours"), value, detail, NULL, FALSE,
                summary->n_neighbours_left_out > 0 ||
                summary->n_neighbours_ranked < summary->neighbours->len + 1);
    }
}

/* The sentence of the plan around a target, the quote marked, and where
 * it stands in the seed file, as Pango markup. */
static char *
target_context_markup (const TanluPolicyTarget *target)
{
  const char *context = target->context != NULL ? target->context : target->quote;
  glong start = target->context != NULL ? target->quote_offset - target->context_offset : 0;
  glong length = g_utf8_strlen (target->quote, -1);
  g_autofree char *offset = g_strdup_printf ("%" G_GINT64_FORMAT, target->quote_offset);
  g_autofree char *place = NULL;
  g_autofree char *before = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *after = NULL;
  const char *quote_start;
  const char *quote_end;

  /* The offsets count characters, as the seed files' readers do. */
  if (start < 0 || start + length > g_utf8_strlen (context, -1))
    {
      context = target->quote;
      start = 0;
    }
  quote_start = g_utf8_offset_to_pointer (context, start);
  quote_end = g_utf8_offset_to_pointer (quote_start, length);
  before = g_markup_escape_text (context, quote_start - context);
  quote = g_markup_escape_text (quote_start, quote_end - quote_start);
  after = g_markup_escape_text (quote_end, -1);
  /* Translators: “In 004_….txt, from character 10014” */
  place = g_strdup_printf (_("In %s, from character %s"), target->seed_file, offset);

  return g_strdup_printf ("%s<b><u>%s</u></b>%s\n<small>%s</small>", before, quote, after, place);
}

/* The targets of the plans for the whole region, each with the plan's own
 * words; a region without a plan of its own in the library shows its
 * province's, or the nation's, for context, and says so. */
static void
fill_targets (TanluDashboardPage *self,
              TanluRegion        *region)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  gboolean chinese = ui_language () == TANLU_CHART_LANGUAGE_CHINESE;
  TanluRegion *owner = region;
  g_autoptr(GPtrArray) all = NULL;
  GtkWidget *child;
  guint n_other = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_list))) != NULL)
    gtk_list_box_remove (self->targets_list, child);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_box), FALSE);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    return;

  /* Up the registry until a region has targets of its own. */
  while (owner != NULL)
    {
      g_clear_pointer (&all, g_ptr_array_unref);
      all = tanlu_store_list_policy_targets (store, tanlu_region_get_code (owner), NULL, NULL);
      if (all != NULL && all->len > 0)
        break;
      owner = tanlu_region_get_parent_code (owner) != 0
                ? tanlu_store_lookup_region (store, tanlu_region_get_parent_code (owner))
                : NULL;
    }
  if (owner == NULL || all == NULL)
    return;

  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
  for (guint i = 0; i < all->len; i++)
    {
      TanluPolicyTarget *target = g_ptr_array_index (all, i);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *context;
      GtkWidget *row;

      if (g_strcmp0 (target->scope, "region") != 0 ||
          g_strcmp0 (target->document_level, "ministry") == 0)
        {
          n_other++;
          continue;
        }

      name = tanlu_target_title (target, chinese);
      value = tanlu_target_describe (target, chinese);
      /* Translators: a target, then the plan that sets it */
      subtitle = g_strdup_printf (_("%s · %s"), value, target->document_title);
      /* Expanded, the row shows the plan's sentence with the quote. */
      markup = target_context_markup (target);
      context = gtk_label_new (NULL);
      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_tooltip_text (row, _("Read it in the plan"));
      gtk_widget_set_name (context, "context");
      gtk_label_set_markup (GTK_LABEL (context), markup);
      gtk_label_set_wrap (GTK_LABEL (context), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (context), TRUE);
      gtk_label_set_xalign (GTK_LABEL (context), 0);
      gtk_widget_set_margin_start (context, 12);
      gtk_widget_set_margin_end (context, 12);
      gtk_widget_set_margin_top (context, 8);
      gtk_widget_set_margin_bottom (context, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), context);
      gtk_list_box_append (self->targets_list, row);
      g_ptr_array_add (self->targets, tanlu_policy_target_copy (target));
    }

  if (self->targets->len == 0 && n_other == 0)
    return;

  if (owner == region)
    gtk_label_set_text (self->targets_heading, _("Targets in the plans"));
  else
    {
      /* Translators: %s is a province, or China */
      g_autofree char *heading =
        g_strdup_printf (_("Targets in the plans of %s, for context"),
                         tanlu_region_get_display_name (owner));

      gtk_label_set_text (self->targets_heading, heading);
    }

  if (n_other > 0)
    {
      g_autofree char *note = g_strdup_printf (
        ngettext ("%u more target for a sector or area, or from a ministry: tanlu targets list "
                  "--region %u",
                  "%u more targets for sectors and areas, or from ministries: tanlu targets list "
                  "--region %u",
                  n_other),
        n_other, tanlu_region_get_code (owner));

      gtk_label_set_text (self->targets_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->targets_note), n_other > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_box), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Report card */

static GtkWidget *
add_report_label (GtkBox     *box,
                  const char *name,
                  const char *text,
                  const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    {
      g_auto(GStrv) classes = g_strsplit (style, " ", -1);

      for (guint i = 0; classes[i] != NULL; i++)
        gtk_widget_add_css_class (label, classes[i]);
    }
  gtk_box_append (box, label);

  return label;
}

/* One saved pathway against the target: met, missed with its gap, or why
 * it could not be checked. */
static void
add_report_pathway (GtkBox                   *box,
                    const TanluReportPathway *entry,
                    gboolean                  chinese)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *icon_name = "dialog-question-symbolic";
  const char *style = "dim-label";
  const char *summary = entry->error_message;
  g_autofree char *text = NULL;
  GtkWidget *icon;

  if (entry->check != NULL)
    {
      summary = tanlu_pathway_check_get_summary (entry->check, chinese);
      switch (entry->check->status)
        {
        case TANLU_CHECK_MET:
          icon_name = "emblem-ok-symbolic";
          style = "success";
          break;
        case TANLU_CHECK_MISSED:
          icon_name = "dialog-warning-symbolic";
          style = "warning";
          break;
        case TANLU_CHECK_NOT_CHECKABLE:
        default:
          break;
        }
    }

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (line), icon);
  /* Translators: a saved pathway's name, then how it does against the target */
  text = g_strdup_printf (_("%s: %s"), entry->name, summary != NULL ? summary : "");
  gtk_widget_set_hexpand (add_report_label (GTK_BOX (line), "pathway", text, NULL), TRUE);
  gtk_box_append (box, line);
}

static GtkWidget *
report_row_new (TanluStore            *store,
                const TanluReportItem *item,
                gboolean               chinese)
{
  const TanluPolicyTarget *target = item->target;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *name = tanlu_target_title (target, chinese);
  g_autofree char *value = tanlu_target_describe (target, chinese);
  g_autofree char *title = NULL;
  g_autofree char *quote = NULL;
  const char *needed = tanlu_report_item_get_needed_text (item, chinese);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  /* Translators: a target's indicator, then the target, such as
   * “CO₂ per unit of GDP, reduction: −18 % by 2025 from 2020” */
  title = g_strdup_printf (_("%s: %s"), name, value);
  add_report_label (GTK_BOX (box), "title", title, "heading");
  if (item->reference)
    {
      TanluRegion *owner = tanlu_store_lookup_region (store, target->region_code);
      /* Translators: %s is China; the selected region has no target of its
       * own on this indicator */
      g_autofree char *text =
        g_strdup_printf (_("%s’s target, for reference: the region’s plans set none of their "
                           "own"),
                         owner != NULL ? tanlu_region_get_display_name (owner) : "");

      add_report_label (GTK_BOX (box), "reference", text, "caption accent");
    }
  add_report_label (GTK_BOX (box), "status", tanlu_report_item_get_status_text (item, chinese),
                    NULL);
  if (needed != NULL)
    add_report_label (GTK_BOX (box), "needed", needed, NULL);
  for (guint i = 0; i < item->pathways->len; i++)
    add_report_pathway (GTK_BOX (box), g_ptr_array_index (item->pathways, i), chinese);

  /* Translators: the plan's words, then the plan */
  quote = g_strdup_printf (_("“%s” — %s"), target->quote,
                           target->document_title != NULL ? target->document_title : "");
  add_report_label (GTK_BOX (box), "quote", quote, "caption dim-label");
  add_report_label (GTK_BOX (box), "sources", tanlu_report_item_get_sources_text (item, chinese),
                    "caption dim-label");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The targets the figures speak to, against the latest data and the
 * region's saved pathways; a group, which has no plans, has none. */
static void
fill_report (TanluDashboardPage *self,
             TanluRegion        *region)
{
  TanluContext *context = get_context (self);
  gboolean chinese = ui_language () == TANLU_CHART_LANGUAGE_CHINESE;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  GtkWidget *child;
  guint n_rows = 0;
  guint n_other = 0;
  gboolean any_pathway = FALSE;

  self->report_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->report_box), FALSE);

  if (context == NULL || region == NULL ||
      tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    return;

  items = tanlu_report_card_build_for_library (tanlu_context_get_pathways (context),
                                               tanlu_region_get_code (region), &error);
  if (items == NULL)
    {
      gtk_label_set_text (self->report_note, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->report_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->report_note), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->report_box), TRUE);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const TanluReportItem *item = g_ptr_array_index (items, i);

      if (!tanlu_report_item_has_figures (item))
        {
          n_other++;
          continue;
        }
      gtk_list_box_append (self->report_list,
                           report_row_new (tanlu_context_get_store (context), item, chinese));
      any_pathway = any_pathway || item->pathways->len > 0;
      n_rows++;
    }
  if (n_rows == 0)
    return;

  if (!any_pathway)
    g_string_append (note, _("Save a pathway of this region on the Pathways page to see it "
                             "checked against each target here."));
  if (n_other > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note,
                              ngettext ("%u more of the plans’ targets needs figures Tanlu does "
                                        "not have, such as energy use.",
                                        "%u more of the plans’ targets need figures Tanlu does "
                                        "not have, such as energy use.",
                                        n_other),
                              n_other);
    }
  gtk_label_set_text (self->report_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->report_note), note->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->report_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->report_box), TRUE);
}

/* A pathway saved, changed or deleted: the card follows, at once when it
 * is in sight, else when it is shown again. */
static void
on_pathways_changed_cb (TanluDashboardPage *self)
{
  TanluContext *context = get_context (self);

  if (context == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_report (self, tanlu_context_get_region (context));
  else
    self->report_stale = TRUE;
}

/* Every source behind the cards' figures: the region's own, or for a group
 * its members'. */
static void
update_sources (TanluDashboardPage *self,
                TanluRegion        *region,
                const TanluSummary *summary)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      guint n_members;
      const guint *members = tanlu_region_get_member_codes (region, &n_members);

      for (guint i = 0; i < n_members; i++)
        {
          g_autoptr(GArray) series =
            tanlu_store_get_series (store, members[i], TANLU_INDICATOR_CO2_TOTAL, NULL);

          for (guint k = 0; series != NULL && k < series->len; k++)
            g_array_append_val (ids, g_array_index (series, TanluSeriesPoint, k).source_id);
        }
    }
  else
    for (guint k = 0; k < summary->series->len; k++)
      g_array_append_val (ids, g_array_index (summary->series, TanluSeriesPoint, k).source_id);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      TanluSource *source;
      g_autofree char *title = NULL;
      g_autofree char *citation = NULL;

      if (g_hash_table_contains (seen, GINT_TO_POINTER ((int) id)) ||
          (source = tanlu_store_get_source (store, id)) == NULL)
        continue;
      g_hash_table_add (seen, GINT_TO_POINTER ((int) id));

      title = g_markup_escape_text (tanlu_source_get_title (source), -1);
      citation = g_markup_escape_text (tanlu_source_get_citation (source), -1);
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, _("<b>Source:</b> %s. %s"), title, citation);
    }

  gtk_label_set_markup (self->sources_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), text->len > 0);
}

/* For a group: which members the sums cover, and which have no figures. */
static void
update_coverage (TanluDashboardPage *self,
                 TanluRegion        *region,
                 const TanluSummary *summary)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n_members;

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->coverage_label), FALSE);
      return;
    }

  tanlu_region_get_member_codes (region, &n_members);
  for (guint i = 0; summary->members_without_data != NULL && i < summary->members_without_data->len;
       i++)
    {
      if (names->len > 0)
        /* Translators: separates names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, tanlu_region_get_display_name (
                                g_ptr_array_index (summary->members_without_data, i)));
    }

  if (summary->series->len == 0)
    text =
      g_strdup_printf (_("The figures here would be sums of the group’s %u members, but there is "
                          "no year in which every member has a figure, so no sum is shown. Members "
                          "with no figures at all: %s. The charts below show the members instead."),
                       n_members, names->len > 0 ? names->str : _("none"));
  else if (names->len > 0)
    text = g_strdup_printf (_("Sums of the group’s %u members, for the years in which every "
                               "member has a figure. Members with no figures at all: %s."),
                            n_members, names->str);
  else
    text = g_strdup_printf (
      _("Sums of the group’s %u members, for the years in which every member has a figure."),
      n_members);

  gtk_label_set_text (self->coverage_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->coverage_label), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Charts */

static TanluChartSpec *
create_spec (TanluDashboardPage *self,
             TanluChartKind      kind)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (kind);

  spec->language = ui_language ();
  spec->unit_scale = unit_scale (self);
  spec->theme = TANLU_CHART_THEME_LIGHT;

  return spec;
}

/* A group with no complete year is drawn as its largest members. */
static void
add_member_series (TanluDashboardPage *self,
                   TanluChartSpec     *spec,
                   TanluRegion        *group)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  g_autoptr(GArray) latest = g_array_new (FALSE, FALSE, sizeof (TanluRegionValue));
  const guint *members;
  guint n_members;

  members = tanlu_region_get_member_codes (group, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GArray) series =
        tanlu_store_get_series (store, members[i], TANLU_INDICATOR_CO2_TOTAL, NULL);

      if (series != NULL && series->len > 0)
        {
          TanluRegionValue value = {
            members[i], g_array_index (series, TanluSeriesPoint, series->len - 1).value
          };

          g_array_append_val (latest, value);
        }
    }

  /* Largest last value first. */
  for (guint i = 0; i < latest->len; i++)
    for (guint j = i + 1; j < latest->len; j++)
      if (g_array_index (latest, TanluRegionValue, j).value >
          g_array_index (latest, TanluRegionValue, i).value)
        {
          TanluRegionValue swap = g_array_index (latest, TanluRegionValue, i);

          g_array_index (latest, TanluRegionValue, i) = g_array_index (latest, TanluRegionValue, j);
          g_array_index (latest, TanluRegionValue, j) = swap;
        }

  for (guint i = 0; i < latest->len && i < TREND_MEMBERS; i++)
    {
      char key[16];

      g_snprintf (key, sizeof key, "%u", g_array_index (latest, TanluRegionValue, i).code);
      tanlu_chart_spec_add_series (spec, key, TANLU_INDICATOR_CO2_TOTAL);
    }

  /* The picture says how much of the group it shows, wherever it goes. */
  g_free (spec->subtitle);
  spec->subtitle = g_strdup_printf (
    /* Translators: “6 of the 16 members drawn, those with the highest latest
     * figures; 13 have figures” */
    ngettext ("%u of the %u members drawn, those with the highest latest figures; %u has figures",
              "%u of the %u members drawn, those with the highest latest figures; %u have figures",
              latest->len),
    MIN (latest->len, TREND_MEMBERS), n_members, latest->len);
}

static void
fill_trend (TanluDashboardPage *self,
            TanluRegion        *region,
            const TanluSummary *summary)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  g_autoptr(TanluChartSpec) spec = create_spec (self, TANLU_CHART_KIND_LINE);
  const char * const *comparisons = (const char * const *) self->comparisons;
  GtkWidget *child;
  const char *note = NULL;

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP && summary->series->len == 0)
    {
      add_member_series (self, spec, region);
      note = _("No year has figures for every member, so the group’s largest members are drawn "
                "instead of its sum.");
    }
  else
    tanlu_chart_spec_add_series (spec, tanlu_region_get_key (region), TANLU_INDICATOR_CO2_TOTAL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comparison_box))) != NULL)
    gtk_box_remove (self->comparison_box, child);

  for (guint i = 0; comparisons[i] != NULL; i++)
    {
      TanluRegion *other = tanlu_store_lookup_region_by_key (store, comparisons[i]);
      GtkWidget *chip;
      GtkWidget *box;
      g_autofree char *tooltip = NULL;

      if (other == NULL || other == region)
        continue;

      tanlu_chart_spec_add_series (spec, comparisons[i], TANLU_INDICATOR_CO2_TOTAL);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (box), gtk_label_new (tanlu_region_get_display_name (other)));
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      chip = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (chip), box);
      gtk_widget_add_css_class (chip, "comparison-chip");
      /* Translators: %s is a region */
      tooltip = g_strdup_printf (_("Remove %s from the Comparison"),
                                 tanlu_region_get_display_name (other));
      gtk_widget_set_tooltip_text (chip, tooltip);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "s", comparisons[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "dashboard.remove-comparison");
      gtk_box_append (self->comparison_box, chip);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button),
                            g_strv_length (self->comparisons) < MAX_COMPARISONS);

  if (spec->series->len == 0)
    tanlu_chart_card_show_message (self->trend_card, _("CO₂ emissions"),
                                   _("None of the group’s members has figures."));
  else
    tanlu_chart_card_show_spec (self->trend_card, store, g_steal_pointer (&spec));
  tanlu_chart_card_set_note (self->trend_card, note);
}

static void
fill_breakdown (TanluDashboardPage  *self,
                TanluRegion         *region,
                TanluChartCard      *card,
                TanluChartBreakdown  breakdown)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  TanluChartSpec *spec = create_spec (self, TANLU_CHART_KIND_STACKED_AREA);
  const char *title;

  spec->breakdown = breakdown;
  spec->breakdown_region = g_strdup (tanlu_region_get_key (region));
  spec->top = breakdown == TANLU_CHART_BREAKDOWN_SECTOR ? TOP_SECTORS : 8;
  title = breakdown == TANLU_CHART_BREAKDOWN_SECTOR ? _("CO₂ emissions by sector")
                                                    : _("CO₂ emissions by fuel");

  if (!tanlu_chart_card_show_spec (card, store, spec))
    {
      g_autofree char *message = NULL;

      /* Show what the source lacks, rather than an empty chart. */
      if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_CITY)
        message =
          g_strdup_printf (breakdown == TANLU_CHART_BREAKDOWN_SECTOR
                             ? _("The CEADs city inventories give each city’s total only, with no "
                                  "breakdown by sector. Import a table with one to see it here.")
                             : _("The CEADs city inventories give each city’s total only, with no "
                                  "breakdown by fuel. Import a table with one to see it here."));
      else if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
        message = g_strdup (breakdown == TANLU_CHART_BREAKDOWN_SECTOR
                            ? _("There is no year in which every member has figures by sector.")
                            : _("There is no year in which every member has figures by fuel."));
      else
        message = g_strdup_printf (breakdown == TANLU_CHART_BREAKDOWN_SECTOR
                                   ? _("The database has no figures by sector for %s.")
                                   : _("The database has no figures by fuel for %s."),
                                   tanlu_region_get_display_name (region));

      tanlu_chart_card_show_message (card, title, message);
    }
}

/* Scope 2 is what the region's use of electricity and heat made by others
 * emits. Adding it to scope 1 would count those emissions twice across
 * regions, so it is stated beside the fuel chart rather than stacked. */
static void
update_scope2_note (TanluDashboardPage *self,
                    TanluRegion        *region)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  g_autoptr(GArray) electricity =
    tanlu_store_get_region_series (store, region, "co2.scope2.electricity", NULL, NULL);
  g_autoptr(GArray) heat =
    tanlu_store_get_region_series (store, region, "co2.scope2.heat", NULL, NULL);
  g_autofree char *note = NULL;
  double latest_electricity = 0;
  double latest_heat = 0;
  guint latest_year = 0;
  gboolean any = FALSE;

  for (guint i = 0; electricity != NULL && i < electricity->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (electricity, TanluSeriesPoint, i);

      any |= point->value != 0;
      latest_year = point->year;
      latest_electricity = point->value;
    }
  for (guint i = 0; heat != NULL && i < heat->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (heat, TanluSeriesPoint, i);

      any |= point->value != 0;
      if (point->year == latest_year)
        latest_heat = point->value;
    }

  if (latest_year == 0)
    note = NULL;
  else if (!any)
    note =
      g_strdup (_("Scope 2 (electricity and heat brought in from elsewhere) is kept out of this "
                   "stack, which is scope 1. The source gives it as zero in every year."));
  else
    {
      g_autofree char *e = format_mass (self, latest_electricity);
      g_autofree char *h = format_mass (self, latest_heat);

      /* Translators: “…: electricity 12.3 Mt CO₂ and heat 0.4 Mt CO₂ in 2019.” */
      note =
        g_strdup_printf (_("Scope 2 (electricity and heat brought in from elsewhere) is kept out "
                            "of this stack, which is scope 1: electricity %s and heat %s in %u."),
                         e, h, latest_year);
    }

  tanlu_chart_card_set_note (self->fuel_card, note);
}

static void
fill_ranking (TanluDashboardPage *self,
              TanluRegion        *region)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  TanluChartSpec *spec = create_spec (self, TANLU_CHART_KIND_BARS);
  TanluChartData *data;

  spec->ranking_region = g_strdup (tanlu_region_get_key (region));
  spec->ranking_indicator = g_strdup (TANLU_INDICATOR_CO2_TOTAL);

  if (tanlu_chart_card_show_spec (self->ranking_card, store, spec) &&
      (data = tanlu_chart_view_get_data (tanlu_chart_card_get_view (self->ranking_card))) != NULL)
    /* Room for every bar and its label. */
    gtk_widget_set_size_request (
      GTK_WIDGET (tanlu_chart_card_get_view (self->ranking_card)), -1,
      MAX (BARS_MIN_HEIGHT, (int) data->categories->len * BAR_HEIGHT + BARS_EXTRA_HEIGHT));
}

/* ------------------------------------------------------------------------ */

static void
reload (TanluDashboardPage *self)
{
  TanluRegion *region = tanlu_context_get_region (get_context (self));
  TanluStore *store = tanlu_context_get_store (get_context (self));
  g_autoptr(GError) error = NULL;
  const TanluSummary *summary;
  const char *description;
  guint n_members;

  if (region == NULL)
    return;

  /* Kept for the cards' popovers, which read it when they open. */
  g_clear_pointer (&self->summary, tanlu_summary_free);
  g_set_object (&self->summary_region, region);

  if (!(summary = self->summary = tanlu_summary_new (store, region, TANLU_INDICATOR_CO2_TOTAL,
                                     self->include_incomplete ? TANLU_SUMMARY_INCLUDE_INCOMPLETE
                                                              : TANLU_SUMMARY_NONE,
                                     &error)))
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  tanlu_region_get_member_codes (region, &n_members);
  if (summary->series->len == 0 &&
      (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP ||
       summary->members_without_data == NULL ||
       summary->members_without_data->len == n_members))
    {
      g_autofree char *text = tanlu_summary_describe_no_figures (region);

      adw_status_page_set_description (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  description = tanlu_region_get_description (region);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);

  update_coverage (self, region, summary);
  fill_cards (self, region, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), summary->series->len > 0);
  update_sources (self, region, summary);
  fill_targets (self, region);
  fill_report (self, region);

  fill_trend (self, region, summary);
  fill_ranking (self, region);
  fill_breakdown (self, region, self->sector_card, TANLU_CHART_BREAKDOWN_SECTOR);
  fill_breakdown (self, region, self->fuel_card, TANLU_CHART_BREAKDOWN_FUEL);
  update_scope2_note (self, region);

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* ------------------------------------------------------------------------ */
/* Comparisons */

static void
remove_comparison_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  tanlu_dashboard_page_remove_comparison (TANLU_DASHBOARD_PAGE (widget),
                                          g_variant_get_string (parameter, NULL));
}

static gboolean
filter_compare_row (GtkListBoxRow *row,
                    gpointer       user_data)
{
  TanluDashboardPage *self = user_data;
  TanluRegion *region = g_object_get_data (G_OBJECT (row), "region");
  g_autofree char *query =
    g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->compare_search)), -1);

  return tanlu_region_matches (region, g_strstrip (query));
}

static void
on_compare_search_changed_cb (TanluDashboardPage *self)
{
  gtk_list_box_invalidate_filter (self->compare_list);
}

static void
on_compare_row_activated_cb (TanluDashboardPage *self,
                             GtkListBoxRow      *row)
{
  TanluRegion *region = g_object_get_data (G_OBJECT (row), "region");

  gtk_menu_button_popdown (self->compare_button);
  tanlu_dashboard_page_add_comparison (self, tanlu_region_get_key (region));
}

static void
on_compare_search_activate_cb (TanluDashboardPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->compare_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      {
        on_compare_row_activated_cb (self, GTK_LIST_BOX_ROW (row));
        return;
      }
}

/* The regions offered: every one with figures, except those already
 * drawn. Rebuilt on each opening, as imports add regions. */
static void
on_compare_popover_show_cb (TanluDashboardPage *self)
{
  TanluStore *store = tanlu_context_get_store (get_context (self));
  TanluRegion *current = tanlu_context_get_region (get_context (self));
  GListModel *regions = tanlu_store_get_regions (store);
  const char * const *comparisons = (const char * const *) self->comparisons;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_list))) != NULL)
    gtk_list_box_remove (self->compare_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(TanluRegion) region = g_list_model_get_item (regions, i);
      g_autoptr(GArray) series = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (region == current || g_strv_contains (comparisons, tanlu_region_get_key (region)))
        continue;
      series = tanlu_store_get_region_series (store, region, TANLU_INDICATOR_CO2_TOTAL, NULL, NULL);
      if (series == NULL || series->len == 0)
        continue;

      label = gtk_label_new (tanlu_region_get_display_name (region));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "region", g_object_ref (region), g_object_unref);
      gtk_list_box_append (self->compare_list, row);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->compare_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->compare_search));
}

static GtkWidget *
create_comparison_footer (TanluDashboardPage *self)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->compare_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->compare_search, "placeholder-text", _("Search regions"), NULL);
  g_signal_connect_object (self->compare_search, "search-changed",
                           G_CALLBACK (on_compare_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_search, "activate",
                           G_CALLBACK (on_compare_search_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->compare_search));

  self->compare_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->compare_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->compare_list, TRUE);
  gtk_list_box_set_filter_func (self->compare_list, filter_compare_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Regions to compare with"), -1);
  g_signal_connect_object (self->compare_list, "row-activated",
                           G_CALLBACK (on_compare_row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->compare_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 260, -1);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_compare_popover_show_cb), self,
                           G_CONNECT_SWAPPED);

  self->compare_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->compare_button, _("_Compare With…"));
  gtk_menu_button_set_use_underline (self->compare_button, TRUE);
  gtk_menu_button_set_popover (self->compare_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button),
                               _("Draw another region beside this one"));
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->compare_button));

  self->comparison_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->comparison_box));

  return footer;
}

/* ------------------------------------------------------------------------ */

static void
reload_if_shown (TanluContextView *view)
{
  TanluDashboardPage *self = TANLU_DASHBOARD_PAGE (view);

  if (get_context (self) != NULL)
    reload (self);
}

static void
context_changed (TanluContextView *view)
{
  TanluDashboardPage *self = TANLU_DASHBOARD_PAGE (view);
  TanluContext *context = get_context (self);

  g_signal_group_set_target (self->pathway_signals,
                             context != NULL ? tanlu_context_get_pathways (context) : NULL);
  reload_if_shown (view);
}

static void
tanlu_dashboard_page_map (GtkWidget *widget)
{
  TanluDashboardPage *self = TANLU_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (tanlu_dashboard_page_parent_class)->map (widget);

  if (self->report_stale && get_context (self) != NULL)
    fill_report (self, tanlu_context_get_region (get_context (self)));
}

static void
tanlu_dashboard_page_dispose (GObject *object)
{
  TanluDashboardPage *self = (TanluDashboardPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_DASHBOARD_PAGE);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  if (self->pathway_signals != NULL)
    g_signal_group_set_target (self->pathway_signals, NULL);
  g_clear_object (&self->pathway_signals);

  G_OBJECT_CLASS (tanlu_dashboard_page_parent_class)->dispose (object);
}

static void
tanlu_dashboard_page_finalize (GObject *object)
{
  TanluDashboardPage *self = (TanluDashboardPage *)object;

  g_clear_pointer (&self->unit_scale, g_free);
  g_clear_pointer (&self->comparisons, g_strfreev);
  g_clear_pointer (&self->summary, tanlu_summary_free);
  g_clear_object (&self->summary_region);

  G_OBJECT_CLASS (tanlu_dashboard_page_parent_class)->finalize (object);
}

static void
tanlu_dashboard_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TanluDashboardPage *self = TANLU_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_UNIT_SCALE:
      g_value_set_string (value, self->unit_scale);
      break;

    case PROP_COMPARISONS:
      g_value_set_boxed (value, self->comparisons);
      break;

    case PROP_INCLUDE_INCOMPLETE:
      g_value_set_boolean (value, self->include_incomplete);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_dashboard_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TanluDashboardPage *self = TANLU_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_UNIT_SCALE:
      tanlu_dashboard_page_set_unit_scale (self, g_value_get_string (value));
      break;

    case PROP_COMPARISONS:
      tanlu_dashboard_page_set_comparisons (self, g_value_get_boxed (value));
      break;

    case PROP_INCLUDE_INCOMPLETE:
      if (self->include_incomplete != g_value_get_boolean (value))
        {
          self->include_incomplete = g_value_get_boolean (value);
          reload_if_shown (TANLU_CONTEXT_VIEW (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_dashboard_page_class_init (TanluDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_dashboard_page_dispose;
  object_class->finalize = tanlu_dashboard_page_finalize;
  object_class->get_property = tanlu_dashboard_page_get_property;
  object_class->set_property = tanlu_dashboard_page_set_property;

  widget_class->map = tanlu_dashboard_page_map;

  view_class->context_changed = context_changed;
  view_class->region_changed = reload_if_shown;
  view_class->data_changed = reload_if_shown;

  /**
   * TanluDashboardPage:unit-scale:
   *
   * How masses of CO₂ are shown: "auto", "mt", "wan-tonnes" or "yi-tonnes".
   */
  properties[PROP_UNIT_SCALE] =
    g_param_spec_string ("unit-scale", NULL, NULL, "auto",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TanluDashboardPage:comparisons:
   *
   * The regions drawn beside the selected one in the trend chart, as
   * codes or group keys; at most six.
   */
  properties[PROP_COMPARISONS] =
    g_param_spec_boxed ("comparisons", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TanluDashboardPage:include-incomplete:
   *
   * Whether figures that are incomplete in their source count in ranks,
   * changes and growth rates; they are left out unless the user asks.
   */
  properties[PROP_INCLUDE_INCOMPLETE] =
    g_param_spec_boolean ("include-incomplete", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, sources_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, report_box);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, report_list);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, report_note);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, targets_box);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, targets_heading);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, targets_list);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, targets_note);
  gtk_widget_class_bind_template_child (widget_class, TanluDashboardPage, empty_page);

  gtk_widget_class_install_action (widget_class, "dashboard.remove-comparison", "s",
                                   remove_comparison_action);

  gtk_widget_class_set_css_name (widget_class, "dashboardpage");
}

static TanluChartCard *
add_chart_card (TanluDashboardPage *self,
                const char         *name)
{
  TanluChartCard *card = TANLU_CHART_CARD (tanlu_chart_card_new ());

  gtk_widget_set_name (GTK_WIDGET (card), name);
  gtk_widget_set_size_request (GTK_WIDGET (tanlu_chart_card_get_view (card)), -1, CHART_HEIGHT);
  gtk_box_append (self->charts_box, GTK_WIDGET (card));

  return card;
}

static void
tanlu_dashboard_page_init (TanluDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_scale = g_strdup ("auto");
  self->comparisons = g_new0 (char *, 1);

  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pathway_signals = g_signal_group_new (TANLU_TYPE_PATHWAY_LIBRARY);
  g_signal_group_connect_object (self->pathway_signals, "changed",
                                 G_CALLBACK (on_pathways_changed_cb), self, G_CONNECT_SWAPPED);
  self->trend_card = add_chart_card (self, "trend");
  self->ranking_card = add_chart_card (self, "ranking");
  self->sector_card = add_chart_card (self, "sector");
  self->fuel_card = add_chart_card (self, "fuel");
  tanlu_chart_card_set_footer (self->trend_card, create_comparison_footer (self));
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_dashboard_page_set_unit_scale:
 * @unit_scale: "auto", "mt", "wan-tonnes" or "yi-tonnes"
 */
void
tanlu_dashboard_page_set_unit_scale (TanluDashboardPage *self,
                                     const char         *unit_scale)
{
  g_return_if_fail (TANLU_IS_DASHBOARD_PAGE (self));

  if (unit_scale == NULL)
    unit_scale = "auto";

  if (g_strcmp0 (self->unit_scale, unit_scale) == 0)
    return;

  g_free (self->unit_scale);
  self->unit_scale = g_strdup (unit_scale);

  reload_if_shown (TANLU_CONTEXT_VIEW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_SCALE]);
}

/**
 * tanlu_dashboard_page_get_comparisons:
 *
 * Returns: (transfer none): the regions drawn beside the selected one
 */
const char * const *
tanlu_dashboard_page_get_comparisons (TanluDashboardPage *self)
{
  g_return_val_if_fail (TANLU_IS_DASHBOARD_PAGE (self), NULL);

  return (const char * const *) self->comparisons;
}

/**
 * tanlu_dashboard_page_set_comparisons:
 * @comparisons: (nullable): the regions to draw beside the selected one,
 *   as codes or group keys
 */
void
tanlu_dashboard_page_set_comparisons (TanluDashboardPage *self,
                                      const char * const *comparisons)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (TANLU_IS_DASHBOARD_PAGE (self));

  if (comparisons == NULL)
    comparisons = empty;

  if (g_strv_equal ((const char * const *) self->comparisons, comparisons))
    return;

  g_strfreev (self->comparisons);
  self->comparisons = g_strdupv ((char **) comparisons);
  reload_if_shown (TANLU_CONTEXT_VIEW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISONS]);
}

/**
 * _tanlu_dashboard_page_get_chart:
 * @name: "trend", "ranking", "sector" or "fuel"
 *
 * Returns: (transfer none) (nullable): the chart card
 */
GtkWidget *
_tanlu_dashboard_page_get_chart (TanluDashboardPage *self,
                                const char         *name)
{
  g_return_val_if_fail (TANLU_IS_DASHBOARD_PAGE (self), NULL);

  if (g_strcmp0 (name, "trend") == 0)
    return GTK_WIDGET (self->trend_card);
  if (g_strcmp0 (name, "ranking") == 0)
    return GTK_WIDGET (self->ranking_card);
  if (g_strcmp0 (name, "sector") == 0)
    return GTK_WIDGET (self->sector_card);
  if (g_strcmp0 (name, "fuel") == 0)
    return GTK_WIDGET (self->fuel_card);

  return NULL;
}

/**
 * _tanlu_dashboard_page_get_targets:
 * @heading: (out) (optional): the heading over the list
 *
 * Returns: (transfer none) (nullable): the list of targets, when shown
 */
GtkListBox *
_tanlu_dashboard_page_get_targets (TanluDashboardPage  *self,
                                   const char         **heading)
{
  if (heading != NULL)
    *heading = gtk_label_get_text (self->targets_heading);

  return gtk_widget_get_visible (GTK_WIDGET (self->targets_box)) ? self->targets_list : NULL;
}

/**
 * _tanlu_dashboard_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report card's list, when shown
 */
GtkListBox *
_tanlu_dashboard_page_get_report (TanluDashboardPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->report_box)) ? self->report_list : NULL;
}

/**
 * _tanlu_dashboard_page_get_card_popover:
 *
 * Returns: (transfer none) (nullable): the popover of the figure card
 *   @name, once it has been opened
 */
GtkWidget *
_tanlu_dashboard_page_get_card_popover (TanluDashboardPage *self,
                                        const char         *name)
{
  GtkWidget *card = _tanlu_dashboard_page_get_card (self, name);

  return card != NULL ? g_object_get_data (G_OBJECT (card), "popover") : NULL;
}

/**
 * _tanlu_dashboard_page_get_card:
 * @name: "latest", "since-2005", "since-2015", "growth", "peak", "share"
 *   or "rank"
 *
 * Returns: (transfer none) (nullable): the figure card, if shown
 */
GtkWidget *
_tanlu_dashboard_page_get_card (TanluDashboardPage *self,
                               const char         *name)
{
  g_return_val_if_fail (TANLU_IS_DASHBOARD_PAGE (self), NULL);

  return g_hash_table_lookup (self->cards, name);
}

void
tanlu_dashboard_page_add_comparison (TanluDashboardPage *self,
                                     const char         *region_key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (TANLU_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (region_key != NULL);

  if (g_strv_contains ((const char * const *) self->comparisons, region_key) ||
      g_strv_length (self->comparisons) >= MAX_COMPARISONS)
    return;

  g_strv_builder_addv (builder, (const char **) self->comparisons);
  g_strv_builder_add (builder, region_key);
  updated = g_strv_builder_end (builder);
  tanlu_dashboard_page_set_comparisons (self, (const char * const *) updated);
}

void
tanlu_dashboard_page_remove_comparison (TanluDashboardPage *self,
                                        const char         *region_key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (TANLU_IS_DASHBOARD_PAGE (self));

  for (guint i = 0; self->comparisons[i] != NULL; i++)
    if (g_strcmp0 (self->comparisons[i], region_key) != 0)
      g_strv_builder_add (builder, self->comparisons[i]);

  updated = g_strv_builder_end (builder);
  tanlu_dashboard_page_set_comparisons (self, (const char * const *) updated);
}
