/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-data-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-data-page-private.h"
#include "figures/tanlu-summary.h"
#include "import/tanlu-csv.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-observation-list.h"
#include "store/tanlu-observation.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context-view.h"
#include "widgets/tanlu-context.h"
#include "widgets/tanlu-first-rows.h"

#include <string.h>

/* A table row, about: labels and padding in the default font; and what is
 * above and below the table: header bar, filter, column titles, sources. */
#define TABLE_ROW_HEIGHT 26
#define AROUND_TABLE_HEIGHT 200

typedef enum
{
  COLUMN_REGION,
  COLUMN_INDICATOR,
  COLUMN_YEAR,
  COLUMN_VALUE,
  COLUMN_UNIT,
  COLUMN_SOURCE,
  COLUMN_ORIGIN,
  N_COLUMNS
} Column;

/* The selected region's observations as a sortable table, with the full
 * citation of every source in it underneath. */
struct _TanluDataPage
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkColumnView        *column_view;
  GtkLabel             *count_label;
  GtkLabel             *description_label;
  AdwStatusPage        *empty_page;
  GtkSearchEntry       *filter_entry;
  GtkLabel             *sources_label;
  GtkStack             *stack;

  /* owned */
  GtkSortListModel     *sorted;
  GtkFilterListModel   *filtered;
  GtkSliceListModel    *shown;
  GtkCustomFilter      *filter;
  char                 *query;
  GtkColumnViewColumn  *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (TanluDataPage, tanlu_data_page, TANLU_TYPE_CONTEXT_VIEW)


/* ------------------------------------------------------------------------ */

/* A figure to read: in the user's locale (digit grouping), with about three
 * significant digits for small values so sector figures of a few
 * kilotonnes are not shown as zero. */
static char *
format_value (double value)
{
  double magnitude = fabs (value);

  if (value == 0)
    return g_strdup ("0");
  if (magnitude >= 1000)
    return g_strdup_printf ("%'.0f", value);
  if (magnitude >= 10)
    return g_strdup_printf ("%'.1f", value);
  if (magnitude >= 0.001)
    return g_strdup_printf ("%.3g", value);

  return g_strdup_printf ("%.2e", value);
}

static char *
cell_text (TanluObservation *observation,
           Column            column)
{
  switch (column)
    {
    case COLUMN_REGION:
      return g_strdup (tanlu_region_get_display_name (tanlu_observation_get_region (observation)));

    case COLUMN_INDICATOR:
      return g_strdup (tanlu_indicator_get_name (tanlu_observation_get_indicator (observation)));

    case COLUMN_YEAR:
      return g_strdup_printf ("%u", tanlu_observation_get_year (observation));

    case COLUMN_VALUE:
      return format_value (tanlu_observation_get_value (observation));

    case COLUMN_UNIT:
      return g_strdup (tanlu_indicator_get_unit (tanlu_observation_get_indicator (observation)));

    case COLUMN_SOURCE:
      return g_strdup (tanlu_source_get_title (tanlu_observation_get_source (observation)));

    case COLUMN_ORIGIN:
      return tanlu_observation_get_origin (observation) != NULL
               ? tanlu_origin_describe (tanlu_observation_get_origin (observation),
                                        tanlu_locale_prefers_chinese ())
               : g_strdup ("");

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (column == COLUMN_YEAR || column == COLUMN_VALUE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);

  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  TanluObservation *observation = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (observation, column);

  gtk_label_set_text (GTK_LABEL (label), text);

  /* The table rounds; the exact figure is a hover away. */
  if (column == COLUMN_VALUE)
    {
      g_autofree char *exact = tanlu_csv_format_double (tanlu_observation_get_value (observation));

      gtk_widget_set_tooltip_text (label, exact);
    }
  else if (column == COLUMN_SOURCE)
    gtk_widget_set_tooltip_text (
      label, tanlu_source_get_citation (tanlu_observation_get_source (observation)));
  else if (column == COLUMN_ORIGIN)
    {
      TanluDataPage *self = g_object_get_data (G_OBJECT (factory), "page");
      TanluRegion *region = tanlu_observation_get_region (observation);
      g_autoptr(GString) tooltip = g_string_new (NULL);
      const char *incomplete = NULL;

      TanluContext *context =
        self != NULL ? tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self)) : NULL;

      if (context != NULL)
        incomplete = tanlu_store_get_incomplete (tanlu_context_get_store (context),
                                                 tanlu_region_get_code (region),
                                                 tanlu_observation_get_year (observation));

      /* Flagged in the row itself, first, where ellipsizing the file's
       * name does not hide it. */
      if (incomplete != NULL)
        {
          /* Translators: %s is where in its file the figure was read */
          g_autofree char *flagged = g_strdup_printf (_("Incomplete in the source · %s"), text);

          gtk_label_set_text (GTK_LABEL (label), flagged);
        }

      if (tanlu_observation_get_import_path (observation) != NULL)
        /* Translators: “Imported 2026-12-07T18:02:11Z from /home/…/cities.xlsx” */
        g_string_append_printf (tooltip, _("Imported %s from %s"),
                                tanlu_observation_get_imported_at (observation),
                                tanlu_observation_get_import_path (observation));
      else if (tanlu_observation_get_origin (observation) != NULL)
        g_string_append (tooltip, _("Part of the data Tanlu comes with"));
      if (tanlu_observation_get_source_code (observation) != 0)
        g_string_append_printf (tooltip, _("\nThe file gave the former code %u, now %u"),
                                tanlu_observation_get_source_code (observation),
                                tanlu_region_get_code (region));
      if (incomplete != NULL)
        g_string_append_printf (tooltip, _("\nIncomplete in the source: %s"), incomplete);
      gtk_widget_set_tooltip_text (label, tooltip->len > 0 ? tooltip->str : NULL);
    }
}

static GtkSorter *
create_sorter (Column column)
{
  switch (column)
    {
    case COLUMN_REGION:
      return GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "region-name")));

    case COLUMN_INDICATOR:
      {
        GtkMultiSorter *sorter = gtk_multi_sorter_new ();

        gtk_multi_sorter_append (sorter,
                                 GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (
                                   TANLU_TYPE_OBSERVATION, NULL, "indicator-order"))));
        gtk_multi_sorter_append (
          sorter, GTK_SORTER (gtk_string_sorter_new (
                    gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "indicator-name"))));
        return GTK_SORTER (sorter);
      }

    case COLUMN_YEAR:
      return GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "year")));

    case COLUMN_VALUE:
      return GTK_SORTER (gtk_numeric_sorter_new (
        gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "value")));

    case COLUMN_UNIT:
      return GTK_SORTER (
        gtk_string_sorter_new (gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "unit")));

    case COLUMN_SOURCE:
      return GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "source-title")));

    case COLUMN_ORIGIN:
      return GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (TANLU_TYPE_OBSERVATION, NULL, "origin")));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Every word of the query must appear in the indicator's name or code,
 * or be the year. */
static gboolean
filter_observation (gpointer item,
                    gpointer user_data)
{
  TanluDataPage *self = user_data;
  TanluObservation *observation = item;
  TanluIndicator *indicator = tanlu_observation_get_indicator (observation);
  g_autofree char *name = NULL;
  g_auto(GStrv) words = NULL;
  char year[12];

  if (self->query == NULL || *self->query == '\0')
    return TRUE;

  name = g_utf8_casefold (tanlu_indicator_get_name (indicator), -1);
  g_snprintf (year, sizeof year, "%u", tanlu_observation_get_year (observation));
  words = g_strsplit_set (self->query, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (strstr (name, words[i]) == NULL &&
          strstr (tanlu_indicator_get_code (indicator), words[i]) == NULL &&
          !g_str_equal (year, words[i]))
        return FALSE;
    }

  return TRUE;
}

static void
update_count (TanluDataPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%'u observation", "%'u observations", total), total);
  else
    /* Translators: “120 of 1,587 observations” */
    text = g_strdup_printf (ngettext ("%'u of %'u observation", "%'u of %'u observations", total),
                            shown, total);

  gtk_label_set_text (self->count_label, text);
}

static void
on_column_sorter_changed_cb (TanluDataPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  if (gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    gtk_sort_list_model_set_sorter (self->sorted, NULL);
  else if (gtk_sort_list_model_get_sorter (self->sorted) != sorter)
    gtk_sort_list_model_set_sorter (self->sorted, sorter);
}

static void
on_filter_entry_search_changed_cb (TanluDataPage *self)
{
  g_autofree char *stripped =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))));

  g_free (self->query);
  self->query = g_utf8_casefold (stripped, -1);

  /* Without a query there is no filter at all, so no row is made just to
   * be let through. */
  if (*self->query == '\0')
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else
    {
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_count (self);
}

static void
on_filter_entry_stop_search_cb (TanluDataPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
update_sources (TanluDataPage        *self,
                TanluObservationList *observations)
{
  GPtrArray *sources = tanlu_observation_list_get_sources (observations);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      TanluSource *source = g_ptr_array_index (sources, i);
      g_autofree char *title = g_markup_escape_text (tanlu_source_get_title (source), -1);
      g_autofree char *citation = g_markup_escape_text (tanlu_source_get_citation (source), -1);

      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: “Source: <title>. <citation>” under the table */
      g_string_append_printf (text, _("<b>Source:</b> %s. %s"), title, citation);
    }

  gtk_label_set_markup (self->sources_label, text->str);
}

static void
reload (TanluContextView *view)
{
  TanluDataPage *self = TANLU_DATA_PAGE (view);
  TanluContext *context = tanlu_context_view_get_context (view);
  TanluRegion *region = context != NULL ? tanlu_context_get_region (context) : NULL;
  g_autoptr(GListModel) observations = NULL;
  g_autoptr(GError) error = NULL;
  const char *description;
  gboolean is_group;

  if (region == NULL)
    return;

  observations =
    tanlu_store_list_observations (tanlu_context_get_store (context), region, &error);
  if (observations == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  is_group = tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP;
  gtk_column_view_column_set_visible (self->columns[COLUMN_REGION], is_group);

  description = tanlu_region_get_description (region);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);

  tanlu_first_rows_show (self->shown, GTK_WIDGET (self->column_view), TABLE_ROW_HEIGHT,
                         AROUND_TABLE_HEIGHT);
  gtk_sort_list_model_set_model (self->sorted, observations);
  update_sources (self, TANLU_OBSERVATION_LIST (observations));
  update_count (self);

  if (g_list_model_get_n_items (observations) == 0)
    {
      g_autofree char *text = tanlu_summary_describe_no_figures (region);

      adw_status_page_set_description (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

/* ------------------------------------------------------------------------ */

static void
tanlu_data_page_dispose (GObject *object)
{
  GtkWidget *child;
  TanluDataPage *self = (TanluDataPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_DATA_PAGE);

  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->shown);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (tanlu_data_page_parent_class)->dispose (object);
}

static void
tanlu_data_page_finalize (GObject *object)
{
  TanluDataPage *self = (TanluDataPage *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (tanlu_data_page_parent_class)->finalize (object);
}

static void
tanlu_data_page_class_init (TanluDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_data_page_dispose;
  object_class->finalize = tanlu_data_page_finalize;

  view_class->context_changed = reload;
  view_class->region_changed = reload;
  view_class->data_changed = reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, sources_label);
  gtk_widget_class_bind_template_child (widget_class, TanluDataPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "datapage");
}

static void
tanlu_data_page_init (TanluDataPage *self)
{
  const char *titles[N_COLUMNS] = {
    [COLUMN_REGION] = _("Region"),
    [COLUMN_INDICATOR] = _("Indicator"),
    [COLUMN_YEAR] = _("Year"),
    [COLUMN_VALUE] = _("Value"),
    [COLUMN_UNIT] = _("Unit"),
    [COLUMN_SOURCE] = _("Source"),
    /* Translators: the column giving the file, sheet and cell of each figure */
    [COLUMN_ORIGIN] = _("Where From"),
  };
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) column_sorter = create_sorter (column);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));
      g_object_set_data (G_OBJECT (factory), "page", self);

      self->columns[column] = gtk_column_view_column_new (titles[column], factory);
      gtk_column_view_column_set_sorter (self->columns[column], column_sorter);
      gtk_column_view_column_set_resizable (self->columns[column], TRUE);
      gtk_column_view_column_set_expand (self->columns[column],
                                         column == COLUMN_INDICATOR || column == COLUMN_SOURCE);
      gtk_column_view_append_column (self->column_view, self->columns[column]);
      g_object_unref (self->columns[column]);
    }

  /* Rows arrive in the default order. The column view's sorter is attached
   * only once the user picks a column: attached, it computes sort keys for
   * every column of every row, a tenth of a second on a province. The
   * stable sort keeps the default order among ties. */
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_column_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (filter_observation, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), NULL);
  self->shown =
    gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, G_MAXUINT);
  selection =
    GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown))));
  gtk_column_view_set_model (self->column_view, selection);
}

/* ------------------------------------------------------------------------ */

/**
 * _tanlu_data_page_get_model:
 *
 * Returns: (transfer none): the rows as shown, filtered and in their
 *   current order
 */
GListModel *
_tanlu_data_page_get_model (TanluDataPage *self)
{
  g_return_val_if_fail (TANLU_IS_DATA_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
