/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart-spec"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tanlu-chart-spec.h"
#include "figures/tanlu-summary.h"
#include "import/tanlu-input.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 900
#define DEFAULT_TOP    8
#define MAX_SIZE       20000

G_DEFINE_QUARK (tanlu-chart-spec-error-quark, tanlu_chart_spec_error)

static const char * const kind_names[] = {
  [TANLU_CHART_KIND_LINE] = "line",
  [TANLU_CHART_KIND_STACKED_AREA] = "stacked-area",
  [TANLU_CHART_KIND_BARS] = "bars",
  [TANLU_CHART_KIND_SPARKLINE] = "sparkline",
};

static const char * const theme_names[] = {
  [TANLU_CHART_THEME_LIGHT] = "light",
  [TANLU_CHART_THEME_DARK] = "dark",
  [TANLU_CHART_THEME_PRINT] = "print",
};

static const char * const unit_scale_names[] = {
  [TANLU_CHART_UNIT_SCALE_NONE] = "none",
  [TANLU_CHART_UNIT_SCALE_MT] = "mt",
  [TANLU_CHART_UNIT_SCALE_WAN_TONNES] = "wan-tonnes",
  [TANLU_CHART_UNIT_SCALE_YI_TONNES] = "yi-tonnes",
};

static const char * const breakdown_names[] = {
  [TANLU_CHART_BREAKDOWN_NONE] = "none",
  [TANLU_CHART_BREAKDOWN_SECTOR] = "sector",
  [TANLU_CHART_BREAKDOWN_FUEL] = "fuel",
};

/* Fuels are grouped the way plans speak of them. */
static const struct
{
  const char *family;
  const char *name_zh;
  const char *name_en;
} fuel_groups[] = {
  { "coal", "煤炭", "Coal" },
  { "oil", "石油", "Oil" },
  { "gas", "天然气", "Natural gas" },
  { "other", "其他能源", "Other energy" },
  { "process", "工业过程", "Industrial processes" },
};

/* ------------------------------------------------------------------------ */

static const char *
in_language (TanluChartLanguage  language,
             const char         *text_zh,
             const char         *text_en)
{
  return language == TANLU_CHART_LANGUAGE_CHINESE ? text_zh : text_en;
}

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_strcmp0 (names[i], name) == 0)
      return i;

  return -1;
}

static void
spec_series_free (gpointer data)
{
  TanluChartSpecSeries *series = data;

  g_free (series->region);
  g_free (series->indicator);
  g_free (series->pathway);
  g_free (series->minus);
  g_free (series->label);
  g_clear_pointer (&series->values, g_array_unref);
  g_free (series);
}


static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID, message);

  return FALSE;
}

typedef struct
{
  guint  part;
  double last;
} PartOrder;

typedef struct
{
  TanluRegion *region;
  double       value;
} RankedValue;

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint ya = *(const guint *)a;
  guint yb = *(const guint *)b;

  return (ya > yb) - (ya < yb);
}

static int
compare_part_order (gconstpointer a,
                    gconstpointer b)
{
  const PartOrder *pa = a;
  const PartOrder *pb = b;

  if (pa->last != pb->last)
    return pa->last > pb->last ? -1 : 1;

  return (pa->part > pb->part) - (pa->part < pb->part);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedValue *ra = a;
  const RankedValue *rb = b;

  if (ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;

  return g_strcmp0 (tanlu_region_get_key (ra->region), tanlu_region_get_key (rb->region));
}

/* ------------------------------------------------------------------------ */

TanluChartSpec *
tanlu_chart_spec_new (TanluChartKind kind)
{
  TanluChartSpec *spec = g_new0 (TanluChartSpec, 1);

  spec->kind = kind;
  spec->series = g_ptr_array_new_with_free_func (spec_series_free);
  spec->markers = g_array_new (FALSE, FALSE, sizeof (TanluChartMarker));
  spec->marker_labels = g_ptr_array_new_with_free_func (g_free);
  spec->reference_years = g_array_new (FALSE, FALSE, sizeof (double));
  spec->reference_labels = g_ptr_array_new_with_free_func (g_free);
  spec->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_chart_band_free);
  spec->top = DEFAULT_TOP;
  spec->unit_scale = TANLU_CHART_UNIT_SCALE_MT;
  spec->width = DEFAULT_WIDTH;
  spec->height = DEFAULT_HEIGHT;

  return spec;
}

void
tanlu_chart_spec_free (TanluChartSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->title);
  g_free (spec->subtitle);
  g_free (spec->source);
  g_free (spec->breakdown_region);
  g_free (spec->ranking_region);
  g_free (spec->ranking_indicator);
  g_free (spec->name);
  g_ptr_array_unref (spec->series);
  g_array_unref (spec->markers);
  g_ptr_array_unref (spec->marker_labels);
  g_array_unref (spec->reference_years);
  g_ptr_array_unref (spec->reference_labels);
  g_ptr_array_unref (spec->bands);
  g_free (spec);
}

/**
 * tanlu_chart_spec_add_series:
 * @region: (nullable): a region code or group key
 * @indicator: (nullable): an indicator code
 *
 * Returns: (transfer none): the new series, to set its label, years or
 *   inline values
 */
TanluChartSpecSeries *
tanlu_chart_spec_add_series (TanluChartSpec *spec,
                             const char     *region,
                             const char     *indicator)
{
  TanluChartSpecSeries *series = g_new0 (TanluChartSpecSeries, 1);

  g_return_val_if_fail (spec != NULL, NULL);

  series->region = g_strdup (region);
  series->indicator = g_strdup (indicator);
  g_ptr_array_add (spec->series, series);

  return series;
}

void
tanlu_chart_spec_add_marker (TanluChartSpec *spec,
                             double          year,
                             double          value,
                             const char     *label)
{
  TanluChartMarker marker = { year, value, NULL };

  g_return_if_fail (spec != NULL);

  g_array_append_val (spec->markers, marker);
  g_ptr_array_add (spec->marker_labels, g_strdup (label));
}

void
tanlu_chart_spec_add_reference (TanluChartSpec *spec,
                                double          year,
                                const char     *label)
{
  g_return_if_fail (spec != NULL);

  g_array_append_val (spec->reference_years, year);
  g_ptr_array_add (spec->reference_labels, g_strdup (label));
}

const char *
tanlu_chart_kind_to_string (TanluChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/* ------------------------------------------------------------------------ */
/* JSON */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_pair (JsonBuilder *builder,
          const char  *member,
          double       first,
          double       second)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, first);
  json_builder_add_double_value (builder, second);
  json_builder_end_array (builder);
}

/**
 * tanlu_chart_spec_to_json:
 *
 * Returns: (transfer full): the spec as a JSON object, every field written
 *   so that reading it back gives the same spec
 */
char *
tanlu_chart_spec_to_json (const TanluChartSpec *spec)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "kind", kind_names[spec->kind]);
  add_string (builder, "name", spec->name);
  add_string (builder, "title", spec->title);
  add_string (builder, "subtitle", spec->subtitle);
  add_string (builder, "source", spec->source);
  add_string (builder, "language", spec->language == TANLU_CHART_LANGUAGE_CHINESE ? "zh" : "en");
  add_string (builder, "theme", theme_names[spec->theme]);
  add_string (builder, "unit_scale", unit_scale_names[spec->unit_scale]);
  add_pair (builder, "size", spec->width, spec->height);
  json_builder_set_member_name (builder, "log_scale");
  json_builder_add_boolean_value (builder, spec->log_scale);
  json_builder_set_member_name (builder, "percent");
  json_builder_add_boolean_value (builder, spec->percent);

  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint i = 0; i < spec->series->len; i++)
    {
      const TanluChartSpecSeries *series = g_ptr_array_index (spec->series, i);

      json_builder_begin_object (builder);
      add_string (builder, "region", series->region);
      add_string (builder, "indicator", series->indicator);
      add_string (builder, "pathway", series->pathway);
      add_string (builder, "minus", series->minus);
      add_string (builder, "label", series->label);
      if (series->first_year != 0 || series->last_year != 0)
        add_pair (builder, "years", series->first_year, series->last_year);
      if (series->projected_from != 0)
        {
          json_builder_set_member_name (builder, "projected_from");
          json_builder_add_int_value (builder, series->projected_from);
        }
      if (series->values != NULL)
        {
          json_builder_set_member_name (builder, "values");
          json_builder_begin_array (builder);
          for (guint k = 0; k + 1 < series->values->len; k += 2)
            {
              json_builder_begin_array (builder);
              json_builder_add_double_value (builder, g_array_index (series->values, double, k));
              json_builder_add_double_value (builder,
                                             g_array_index (series->values, double, k + 1));
              json_builder_end_array (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (spec->breakdown != TANLU_CHART_BREAKDOWN_NONE)
    {
      json_builder_set_member_name (builder, "breakdown");
      json_builder_begin_object (builder);
      add_string (builder, "by", breakdown_names[spec->breakdown]);
      add_string (builder, "region", spec->breakdown_region);
      json_builder_set_member_name (builder, "top");
      json_builder_add_int_value (builder, spec->top);
      json_builder_end_object (builder);
    }

  if (spec->ranking_region != NULL)
    {
      json_builder_set_member_name (builder, "ranking");
      json_builder_begin_object (builder);
      add_string (builder, "region", spec->ranking_region);
      add_string (builder, "indicator", spec->ranking_indicator);
      if (spec->ranking_year != 0)
        {
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, spec->ranking_year);
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "markers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < spec->markers->len; i++)
    {
      const TanluChartMarker *marker = &g_array_index (spec->markers, TanluChartMarker, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_double_value (builder, marker->x);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, marker->y);
      add_string (builder, "label", g_ptr_array_index (spec->marker_labels, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reference_lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < spec->reference_years->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_double_value (builder, g_array_index (spec->reference_years, double, i));
      add_string (builder, "label", g_ptr_array_index (spec->reference_labels, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);
  for (guint i = 0; i < spec->bands->len; i++)
    {
      const TanluChartBand *band = g_ptr_array_index (spec->bands, i);

      json_builder_begin_object (builder);
      add_string (builder, "label", band->label);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      for (guint k = 0; k < band->n_points; k++)
        {
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, band->x[k]);
          json_builder_add_double_value (builder, band->low[k]);
          json_builder_add_double_value (builder, band->high[k]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tanlu_input_write_json (root, TRUE);
}

static gboolean
get_number (JsonNode   *node,
            double     *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;

  *value = json_node_get_double (node);
  return isfinite (*value);
}

static gboolean
get_numbers (JsonNode  *node,
             guint      count,
             double    *values)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) != count)
    return FALSE;

  for (guint i = 0; i < count; i++)
    if (!get_number (json_array_get_element (array, i), &values[i]))
      return FALSE;

  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *where,
            char       **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, _("“%s%s” must be text"), where, member);

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));

  return TRUE;
}

static gboolean
get_enum (JsonObject         *object,
          const char         *member,
          const char * const *names,
          guint               n_names,
          int                *value,
          GError            **error)
{
  g_autofree char *text = NULL;
  int found;

  if (!get_string (object, member, "", &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  found = lookup_name (names, n_names, text);
  if (found < 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      /* The name tables are indexed by enum value, not NULL-terminated. */
      for (guint i = 0; i < n_names; i++)
        {
          if (names[i] == NULL)
            continue;
          if (known->len > 0)
            g_string_append (known, ", ");
          g_string_append (known, names[i]);
        }

      return invalid (error, _("“%s” is not a known %s (known: %s)"), text, member, known->str);
    }

  *value = found;
  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             gboolean    *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (error, _("“%s” must be true or false"), member);

  *value = json_node_get_boolean (node);

  return TRUE;
}

/* A list member that is absent is empty; anything but a list is a mistake
 * rather than something to skip. */
static gboolean
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **array,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("“%s” must be a list"), member);

  *array = json_node_get_array (node);

  return TRUE;
}

static gboolean
get_year (JsonNode  *node,
          guint     *year)
{
  double value;

  if (!get_number (node, &value) || value != floor (value) || value < 1000 || value > 9999)
    return FALSE;

  *year = value;
  return TRUE;
}

static gboolean
is_year_or_open (double value)
{
  return value == 0 || (value == floor (value) && value >= 1000 && value <= 9999);
}

static gboolean
read_series (TanluChartSpec  *spec,
             JsonArray       *array,
             GError         **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("series[%u].", i);
      TanluChartSpecSeries *series;
      JsonObject *object;
      JsonNode *node;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, _("“series[%u]” must be an object"), i);

      object = json_node_get_object (element);
      series = tanlu_chart_spec_add_series (spec, NULL, NULL);

      if (!get_string (object, "region", where, &series->region, error) ||
          !get_string (object, "indicator", where, &series->indicator, error) ||
          !get_string (object, "pathway", where, &series->pathway, error) ||
          !get_string (object, "minus", where, &series->minus, error) ||
          !get_string (object, "label", where, &series->label, error))
        return FALSE;

      if ((node = json_object_get_member (object, "years")) != NULL)
        {
          double years[2];

          /* 0 leaves an end open, as in the struct, so that a spec showing
           * "from 2005 on" is written and read back unchanged. */
          if (!get_numbers (node, 2, years) ||
              !is_year_or_open (years[0]) || !is_year_or_open (years[1]) ||
              (years[0] != 0 && years[1] != 0 && years[0] > years[1]) ||
              (years[0] == 0 && years[1] == 0))
            return invalid (
              error,
              _("“series[%u].years” must be a first and last year, such as [1997, 2019], "
                 "with 0 for an open end"),
              i);
          series->first_year = years[0];
          series->last_year = years[1];
        }

      if ((node = json_object_get_member (object, "projected_from")) != NULL &&
          !get_year (node, &series->projected_from))
        return invalid (error, _("“series[%u].projected_from” must be a year"), i);

      if ((node = json_object_get_member (object, "values")) != NULL)
        {
          JsonArray *pairs;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            return invalid (error, _("“series[%u].values” must be a list of [year, value] pairs"),
                            i);

          pairs = json_node_get_array (node);
          series->values = g_array_new (FALSE, FALSE, sizeof (double));
          for (guint k = 0; k < json_array_get_length (pairs); k++)
            {
              double pair[2];

              if (!get_numbers (json_array_get_element (pairs, k), 2, pair))
                return invalid (
                  error, _("“series[%u].values[%u]” must be a [year, value] pair of numbers"), i,
                  k);
              if (k > 0 &&
                  pair[0] <= g_array_index (series->values, double, series->values->len - 2))
                return invalid (error, _("“series[%u].values” must go forward in time"), i);
              g_array_append_vals (series->values, pair, 2);
            }
        }

      if (series->values == NULL && series->region == NULL)
        return invalid (error, _("“series[%u]” needs a region and an indicator or a pathway, or "
                                 "values"),
                        i);
      if (series->values == NULL && series->indicator == NULL && series->pathway == NULL)
        return invalid (error, _("“series[%u]” needs an indicator or a pathway"), i);
      if (series->minus != NULL && series->pathway == NULL)
        return invalid (error, _("“series[%u].minus” subtracts a pathway from a pathway; the "
                                 "series needs a “pathway”"),
                        i);
    }

  return TRUE;
}

static gboolean
read_annotations (TanluChartSpec  *spec,
                  JsonObject      *root,
                  GError         **error)
{
  JsonArray *array;

  if (!get_array (root, "markers", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autofree char *label = NULL;
      double year, value;

      if (object == NULL ||
          !get_number (json_object_get_member (object, "year"), &year) ||
          !get_number (json_object_get_member (object, "value"), &value))
        return invalid (error, _("“markers[%u]” must have a year, a value and a label"), i);

      if (!get_string (object, "label", "markers[].", &label, error))
        return FALSE;

      tanlu_chart_spec_add_marker (spec, year, value, label);
    }

  if (!get_array (root, "reference_lines", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autofree char *label = NULL;
      double year;

      if (object == NULL || !get_number (json_object_get_member (object, "year"), &year))
        return invalid (error, _("“reference_lines[%u]” must have a year and a label"), i);

      if (!get_string (object, "label", "reference_lines[].", &label, error))
        return FALSE;

      tanlu_chart_spec_add_reference (spec, year, label);
    }

  if (!get_array (root, "bands", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *values = object != NULL ? json_object_get_member (object, "values") : NULL;
      JsonArray *rows =
        values != NULL && JSON_NODE_HOLDS_ARRAY (values) ? json_node_get_array (values) : NULL;
      TanluChartBand *band;

      if (rows == NULL || json_array_get_length (rows) < 2)
        return invalid (error, _("“bands[%u]” needs at least two [year, low, high] values"), i);

      band = g_new0 (TanluChartBand, 1);
      band->n_points = json_array_get_length (rows);
      band->x = g_new (double, band->n_points);
      band->low = g_new (double, band->n_points);
      band->high = g_new (double, band->n_points);
      band->color_index = i;
      g_ptr_array_add (spec->bands, band);

      if (!get_string (object, "label", "bands[].", &band->label, error))
        return FALSE;

      for (guint k = 0; k < band->n_points; k++)
        {
          double row[3];

          if (!get_numbers (json_array_get_element (rows, k), 3, row) || row[1] > row[2])
            return invalid (
              error, _("“bands[%u].values[%u]” must be [year, low, high] with low ≤ high"), i, k);
          band->x[k] = row[0];
          band->low[k] = row[1];
          band->high[k] = row[2];
        }
    }

  return TRUE;
}

/**
 * tanlu_chart_spec_new_from_node:
 *
 * Returns: (transfer full) (nullable): the spec, or %NULL with an error
 *   saying which field is wrong
 */
TanluChartSpec *
tanlu_chart_spec_new_from_node (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(TanluChartSpec) spec = NULL;
  JsonObject *root;
  JsonNode *member;
  int kind = -1;
  int value;
  g_autofree char *language = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("A chart spec must be a JSON object"));
      return NULL;
    }

  root = json_node_get_object (node);

  if (!json_object_has_member (root, "kind"))
    {
      invalid (error, _("The spec names no “kind” (line, stacked-area, bars or sparkline)"));
      return NULL;
    }
  if (!get_enum (root, "kind", kind_names, G_N_ELEMENTS (kind_names), &kind, error))
    return NULL;
  if (kind < 0)
    {
      invalid (error, _("The spec names no “kind” (line, stacked-area, bars or sparkline)"));
      return NULL;
    }

  spec = tanlu_chart_spec_new (kind);

  if (!get_string (root, "name", "", &spec->name, error) ||
      !get_string (root, "title", "", &spec->title, error) ||
      !get_string (root, "subtitle", "", &spec->subtitle, error) ||
      !get_string (root, "source", "", &spec->source, error) ||
      !get_string (root, "language", "", &language, error))
    return NULL;

  if (language != NULL)
    {
      if (g_str_equal (language, "zh"))
        spec->language = TANLU_CHART_LANGUAGE_CHINESE;
      else if (g_str_equal (language, "en"))
        spec->language = TANLU_CHART_LANGUAGE_ENGLISH;
      else
        {
          invalid (error, _("“language” must be zh or en"));
          return NULL;
        }
    }

  value = spec->theme;
  if (!get_enum (root, "theme", theme_names, G_N_ELEMENTS (theme_names), &value, error))
    return NULL;
  spec->theme = value;

  value = spec->unit_scale;
  if (!get_enum (root, "unit_scale", unit_scale_names, G_N_ELEMENTS (unit_scale_names), &value,
                 error))
    return NULL;
  spec->unit_scale = value;

  if ((member = json_object_get_member (root, "size")) != NULL)
    {
      double size[2];

      if (!get_numbers (member, 2, size) || size[0] != floor (size[0]) ||
          size[1] != floor (size[1]) || size[0] < 1 || size[1] < 1 || size[0] > MAX_SIZE ||
          size[1] > MAX_SIZE)
        {
          invalid (
            error,
            _("“size” must be a width and height in pixels from 1 to %d, such as [1600, 900]"),
            MAX_SIZE);
          return NULL;
        }
      spec->width = size[0];
      spec->height = size[1];
    }

  if (!get_boolean (root, "log_scale", &spec->log_scale, error) ||
      !get_boolean (root, "percent", &spec->percent, error))
    return NULL;

  if ((member = json_object_get_member (root, "series")) != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          invalid (error, _("“series” must be a list"));
          return NULL;
        }
      if (!read_series (spec, json_node_get_array (member), error))
        return NULL;
    }

  if ((member = json_object_get_member (root, "breakdown")) != NULL)
    {
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
      int by = TANLU_CHART_BREAKDOWN_NONE;
      double top;

      if (object == NULL ||
          !get_enum (object, "by", breakdown_names, G_N_ELEMENTS (breakdown_names), &by, error) ||
          !get_string (object, "region", "breakdown.", &spec->breakdown_region, error))
        {
          if (error != NULL && *error == NULL)
            invalid (error, _("“breakdown” must be an object"));
          return NULL;
        }
      spec->breakdown = by;
      if (json_object_has_member (object, "top"))
        {
          if (!get_number (json_object_get_member (object, "top"), &top) ||
              top < 1 || top > 47 || top != floor (top))
            {
              invalid (error, _("“breakdown.top” must be a whole number from 1 to 47"));
              return NULL;
            }
          spec->top = top;
        }
    }

  if ((member = json_object_get_member (root, "ranking")) != NULL)
    {
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;

      if (object == NULL ||
          !get_string (object, "region", "ranking.", &spec->ranking_region, error) ||
          !get_string (object, "indicator", "ranking.", &spec->ranking_indicator, error))
        {
          if (error != NULL && *error == NULL)
            invalid (error, _("“ranking” must be an object"));
          return NULL;
        }
      if (json_object_has_member (object, "year") &&
          !get_year (json_object_get_member (object, "year"), &spec->ranking_year))
        {
          invalid (error, _("“ranking.year” must be a year"));
          return NULL;
        }
    }

  if (!read_annotations (spec, root, error))
    return NULL;

  return g_steal_pointer (&spec);
}

/**
 * tanlu_chart_spec_new_from_json:
 *
 * Returns: (transfer full) (nullable): the spec
 */
TanluChartSpec *
tanlu_chart_spec_new_from_json (const char  *json,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (length < 0)
    length = strlen (json);

  /* No chart spec nests deeper than a few levels; deeper text would only
   * exhaust the JSON parser's recursion. */
  if (!tanlu_input_check_json (json, length, NULL, 1, TANLU_INPUT_MAX_JSON_DEPTH, &local_error) ||
      !json_parser_load_from_data (parser, json, length, &local_error))
    {
      /* json-glib may cut a quoted token inside a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_SYNTAX,
                   _("The chart spec is not valid JSON: %s"), message);
      return NULL;
    }

  return tanlu_chart_spec_new_from_node (json_parser_get_root (parser), error);
}

/* ------------------------------------------------------------------------ */
/* Resolution: from names to numbers */

typedef struct
{
  const TanluChartSpec *spec;
  TanluStore           *store;
  TanluChartData       *data;
  GHashTable           *sources;       /* source id → TanluSource, in use */
  GPtrArray            *source_order;
  guint                 first_year;
  guint                 last_year;
  GStringChunk         *names;
  TanluPathwayLibrary  *pathways;
  GPtrArray            *pathway_notes;   /* names of the pathways drawn */
  GPtrArray            *notes;           /* what the figures need said, in the chart's language */
  guint                 projected_from;  /* the first year a pathway projects */
} Resolution;

static TanluRegion *
resolve_region (Resolution  *resolution,
                const char  *key,
                GError     **error)
{
  TanluRegion *region =
    key != NULL ? tanlu_store_lookup_region_by_key (resolution->store, key) : NULL;

  if (region == NULL)
    g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION,
                 _("There is no region or group “%s”"), key != NULL ? key : "");

  return region;
}

static TanluIndicator *
resolve_indicator (Resolution  *resolution,
                   const char  *code,
                   GError     **error)
{
  TanluIndicator *indicator =
    code != NULL ? tanlu_store_lookup_indicator (resolution->store, code) : NULL;

  if (indicator == NULL)
    g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_UNKNOWN_INDICATOR,
                 _("There is no indicator “%s”"), code != NULL ? code : "");

  return indicator;
}

static const char *
region_name (Resolution  *resolution,
             TanluRegion *region)
{
  return in_language (resolution->spec->language,
                      tanlu_region_get_name_zh (region), tanlu_region_get_name_en (region));
}

/* A group's values are sums of its members', and its label says so. */
static const char *
region_label (Resolution  *resolution,
              TanluRegion *region)
{
  g_autofree char *label = NULL;
  guint n_members;

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    return region_name (resolution, region);

  tanlu_region_get_member_codes (region, &n_members);
  label = resolution->spec->language == TANLU_CHART_LANGUAGE_CHINESE
          ? g_strdup_printf ("%s（%u 个成员合计）", region_name (resolution, region), n_members)
          : g_strdup_printf ("%s (sum of %u members)", region_name (resolution, region), n_members);

  return g_string_chunk_insert (resolution->names, label);
}

static const char *
indicator_name (Resolution     *resolution,
                TanluIndicator *indicator)
{
  return in_language (resolution->spec->language, tanlu_indicator_get_name_zh (indicator),
                      tanlu_indicator_get_name_en (indicator));
}

/* "Sector: Construction" is "Construction" in a chart that is all sectors. */
static const char *
without_category (const char *name)
{
  const char *colon;

  if ((colon = strstr (name, "：")) != NULL)
    return colon + strlen ("：");
  if ((colon = strstr (name, ": ")) != NULL)
    return colon + 2;

  return name;
}

static void
note_source (Resolution *resolution,
             gint64      source_id)
{
  TanluSource *source;

  if (source_id == 0 || g_hash_table_contains (resolution->sources, &source_id))
    return;

  if ((source = tanlu_store_get_source (resolution->store, source_id)) != NULL)
    {
      g_hash_table_add (resolution->sources, g_memdup2 (&source_id, sizeof source_id));
      g_ptr_array_add (resolution->source_order, source);
    }
}

static void
note_point (Resolution             *resolution,
            const TanluSeriesPoint *point)
{
  note_source (resolution, point->source_id);

  if (resolution->first_year == 0 || point->year < resolution->first_year)
    resolution->first_year = point->year;
  resolution->last_year = MAX (resolution->last_year, point->year);
}

/* A group's sums carry no source of their own: they are credited to the
 * sources of the members' values. */
static void
note_group_sources (Resolution     *resolution,
                    TanluRegion    *group,
                    TanluIndicator *indicator)
{
  const guint *members;
  guint n_members;

  members = tanlu_region_get_member_codes (group, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GArray) series = tanlu_store_get_series (
        resolution->store, members[i], tanlu_indicator_get_code (indicator), NULL);

      for (guint k = 0; series != NULL && k < series->len; k++)
        note_source (resolution, g_array_index (series, TanluSeriesPoint, k).source_id);
    }
}

static GArray *
region_values (Resolution      *resolution,
               TanluRegion     *region,
               TanluIndicator  *indicator,
               guint            first_year,
               guint            last_year,
               GError         **error)
{
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));

  series = tanlu_store_get_region_series (resolution->store, region,
                                          tanlu_indicator_get_code (indicator), NULL, error);
  if (series == NULL)
    return NULL;

  for (guint i = 0; i < series->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, i);

      if ((first_year != 0 && point->year < first_year) ||
          (last_year != 0 && point->year > last_year))
        continue;

      g_array_append_val (kept, *point);
      note_point (resolution, point);
    }

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP && kept->len > 0)
    note_group_sources (resolution, region, indicator);

  return g_steal_pointer (&kept);
}

static TanluChartSeries *
series_from_points (const char *label,
                    GArray     *points,
                    guint       projected_from_year)
{
  TanluChartSeries *series = tanlu_chart_series_new (label, points->len);

  series->projected_from = G_MAXUINT;
  for (guint i = 0; i < points->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (points, TanluSeriesPoint, i);

      series->x[i] = point->year;
      series->y[i] = point->value;
      if (projected_from_year != 0 && point->year >= projected_from_year &&
          series->projected_from == G_MAXUINT)
        series->projected_from = i;
    }

  return series;
}

static gboolean
lookup_metric (const char         *code,
               TanluPathwayMetric *metric)
{
  for (guint m = 0; m < TANLU_PATHWAY_N_METRICS; m++)
    if (g_str_equal (code, tanlu_pathway_metric_to_string (m)))
      {
        *metric = m;
        return TRUE;
      }

  return FALSE;
}

/* A pathway's values for one of its metrics, from its base year (or the
 * first year asked for) on; projected points carry source −1. */
static GArray *
pathway_values (Resolution                  *resolution,
                const TanluChartSpecSeries  *wanted,
                const char                 **unit,
                char                       **label,
                GError                     **error)
{
  g_autoptr(TanluPathway) pathway = NULL;
  g_autoptr(TanluPathway) reference = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  g_autofree char *name = NULL;
  const char *code = wanted->indicator != NULL ? wanted->indicator : TANLU_INDICATOR_CO2_TOTAL;
  TanluPathwayMetric metric;
  TanluRegion *region;
  gboolean chinese = resolution->spec->language == TANLU_CHART_LANGUAGE_CHINESE;
  guint first, last;

  if (!(region = resolve_region (resolution, wanted->region, error)))
    return NULL;

  if (!lookup_metric (code, &metric))
    {
      g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_UNKNOWN_INDICATOR,
                   _("A pathway has no figure “%s”; it has co2.total, co2.net, "
                     "co2.intensity_index_2005, co2.per_person and the others `tanlu pathway run` "
                     "writes"),
                   code);
      return NULL;
    }

  if (resolution->pathways == NULL)
    resolution->pathways = tanlu_pathway_library_new (resolution->store);

  if (!(pathway = tanlu_pathway_library_run_named (resolution->pathways, wanted->region,
                                                   wanted->pathway, error)))
    return NULL;

  if (wanted->minus != NULL &&
      !(reference = tanlu_pathway_library_run_named (resolution->pathways, wanted->region,
                                                     wanted->minus, error)))
    return NULL;

  if (g_strcmp0 (pathway->region, tanlu_region_get_key (region)) != 0)
    {
      g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID,
                   _("The pathway “%s” is for %s, not for %s"), wanted->pathway,
                   pathway->region_name_en, tanlu_region_get_name_en (region));
      return NULL;
    }

  first = wanted->first_year != 0 ? MAX (wanted->first_year, pathway->first_year)
                                  : pathway->base_year;
  if (reference != NULL)
    first = MAX (first, MAX (pathway->base_year, reference->base_year));
  last = wanted->last_year != 0 ? MIN (wanted->last_year, pathway->end_year) : pathway->end_year;
  for (guint year = first; year <= last; year++)
    {
      TanluSeriesPoint point = {
        .year = year,
        .value = tanlu_pathway_get (pathway, metric, year),
        .source_id = year > pathway->base_year ? -1 : 0,
      };

      if (reference != NULL)
        point.value -= tanlu_pathway_get (reference, metric, year);

      if (!isnan (point.value))
        g_array_append_val (points, point);
    }

  if (points->len == 0)
    {
      g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                   _("The pathway “%s” of %s has no values for %s in the years asked for"),
                   wanted->pathway, region_name (resolution, region), code);
      return NULL;
    }

  /* The history it starts from is the store's; the source line names it
   * and says where the rest comes from. */
  {
    TanluIndicator *co2 = tanlu_store_lookup_indicator (resolution->store,
                                                        TANLU_INDICATOR_CO2_TOTAL);
    GArray *history = region_values (resolution, region, co2,
                                     first < pathway->base_year ? first : pathway->base_year,
                                     pathway->base_year, NULL);
    TanluSource *gcam = tanlu_store_lookup_source (resolution->store, "gcam-china-projection");
    g_autofree char *display = tanlu_pathway_library_display_name (pathway->name, chinese);

    /* Read for the sources and years it notes, not for its values. */
    g_clear_pointer (&history, g_array_unref);

    if (gcam != NULL && pathway->gdp_projected_from != G_MAXUINT)
      note_source (resolution, tanlu_source_get_id (gcam));
    if (resolution->pathway_notes == NULL)
      resolution->pathway_notes = g_ptr_array_new_with_free_func (g_free);
    if (!g_ptr_array_find_with_equal_func (resolution->pathway_notes, display, g_str_equal, NULL))
      g_ptr_array_add (resolution->pathway_notes, g_strdup (display));
    if (reference != NULL)
      {
        g_autofree char *other = tanlu_pathway_library_display_name (reference->name, chinese);

        if (!g_ptr_array_find_with_equal_func (resolution->pathway_notes, other, g_str_equal, NULL))
          g_ptr_array_add (resolution->pathway_notes, g_strdup (other));
        {
          g_autofree char *difference = g_strdup_printf ("%s − %s", display, other);

          g_free (display);
          display = g_steal_pointer (&difference);
        }
      }
    resolution->projected_from = MIN (resolution->projected_from ? resolution->projected_from
                                                                 : G_MAXUINT,
                                      pathway->base_year + 1);
    resolution->last_year = MAX (resolution->last_year, last);

    name = g_steal_pointer (&display);
  }

  *unit = tanlu_pathway_metric_get_unit (metric);
  if (wanted->label != NULL)
    *label = g_strdup (wanted->label);
  else
    *label = g_steal_pointer (&name);

  return g_steal_pointer (&points);
}

static void
add_note (Resolution *resolution,
          char       *note)
{
  if (resolution->notes == NULL)
    resolution->notes = g_ptr_array_new_with_free_func (g_free);
  if (g_ptr_array_find_with_equal_func (resolution->notes, note, g_str_equal, NULL))
    g_free (note);
  else
    g_ptr_array_add (resolution->notes, note);
}

/* Years as “2000–2002, 2005”. */
static char *
format_years (GArray *years)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < years->len;)
    {
      guint first = g_array_index (years, guint, i);
      guint last = first;

      while (++i < years->len && g_array_index (years, guint, i) == last + 1)
        last++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (last > first)
        g_string_append_printf (text, "%u–%u", first, last);
      else
        g_string_append_printf (text, "%u", first);
    }

  return g_string_free (text, FALSE);
}

/* Marks a region's figures the source gives as incomplete, and draws the
 * changes of its territory within the years shown, each with a note. */
static void
annotate_region_series (Resolution       *resolution,
                        TanluRegion      *region,
                        TanluChartSeries *series)
{
  gboolean chinese = resolution->spec->language == TANLU_CHART_LANGUAGE_CHINESE;
  g_autoptr(GArray) incomplete = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < series->n_points; i++)
    {
      guint year = (guint) series->x[i];

      if (!tanlu_summary_region_incomplete (resolution->store, region, year))
        continue;
      if (series->flagged == NULL)
        series->flagged = g_new0 (gboolean, series->n_points);
      series->flagged[i] = TRUE;
      g_array_append_val (incomplete, year);
    }
  if (incomplete->len > 0)
    {
      g_autofree char *years = format_years (incomplete);

      add_note (resolution,
                chinese ? g_strdup_printf ("%s %s 年的数据来源不完整（空心点）",
                                           region_name (resolution, region), years)
                        : g_strdup_printf ("%s %s incomplete in the source (hollow points)",
                                           region_name (resolution, region), years));
    }

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP && series->n_points > 0)
    {
      g_autoptr(GPtrArray) breaks =
        tanlu_store_list_breaks (resolution->store, tanlu_region_get_code (region));

      for (guint b = 0; b < breaks->len; b++)
        {
          const TanluRegionChange *change = g_ptr_array_index (breaks, b);
          g_autofree char *what = NULL;
          g_autofree char *label = NULL;

          if (change->year <= series->x[0] || change->year > series->x[series->n_points - 1])
            continue;

          what = tanlu_summary_describe_break (resolution->store, change, chinese);
          label = chinese ? g_strdup_printf ("%s区划调整", region_name (resolution, region))
                          : g_strdup_printf ("%s: territory changed",
                                             region_name (resolution, region));
          tanlu_chart_data_add_reference (resolution->data, change->year - 0.5, label);
          add_note (resolution,
                    chinese ? g_strdup_printf ("%s；此前年份的辖区不同", what)
                            : g_strdup_printf ("%s; earlier years cover another territory",
                                               what));
        }
    }
}

static gboolean
resolve_lines (Resolution  *resolution,
               GError     **error)
{
  const TanluChartSpec *spec = resolution->spec;
  TanluChartData *data = resolution->data;
  const char *unit = NULL;
  gboolean same_region = TRUE;
  gboolean same_indicator = TRUE;
  gboolean inline_values = FALSE;

  if (spec->series->len == 0)
    return invalid (error, _("The chart has no series"));

  for (guint i = 1; i < spec->series->len; i++)
    {
      const TanluChartSpecSeries *first = g_ptr_array_index (spec->series, 0);
      const TanluChartSpecSeries *series = g_ptr_array_index (spec->series, i);

      same_region &= g_strcmp0 (first->region, series->region) == 0;
      same_indicator &= g_strcmp0 (first->indicator, series->indicator) == 0;
    }

  for (guint i = 0; i < spec->series->len; i++)
    {
      const TanluChartSpecSeries *wanted = g_ptr_array_index (spec->series, i);
      g_autoptr(GArray) points = NULL;
      g_autofree char *label = NULL;
      TanluChartSeries *series;
      TanluRegion *series_region = NULL;
      guint projected_from = 0;

      if (wanted->values != NULL)
        {
          inline_values = TRUE;
          if (wanted->label == NULL)
            return invalid (error, _("“series[%u]” gives values inline and needs a label"), i);

          points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
          for (guint k = 0; k + 1 < wanted->values->len; k += 2)
            {
              TanluSeriesPoint point = {
                .year = (guint)g_array_index (wanted->values, double, k),
                .value = g_array_index (wanted->values, double, k + 1),
              };

              g_array_append_val (points, point);
            }
          label = g_strdup (wanted->label);
        }
      else if (wanted->pathway != NULL)
        {
          const char *metric_unit;

          if (!(points = pathway_values (resolution, wanted, &metric_unit, &label, error)))
            return FALSE;

          if (unit != NULL && g_strcmp0 (unit, metric_unit) != 0)
            return invalid (
              error, _("The series have different units (%s and %s); chart them separately"), unit,
              metric_unit);
          unit = metric_unit;
          projected_from = 0;
          for (guint k = 0; k < points->len; k++)
            if (g_array_index (points, TanluSeriesPoint, k).source_id == -1)
              {
                projected_from = g_array_index (points, TanluSeriesPoint, k).year;
                break;
              }
        }
      else
        {
          TanluRegion *region;
          TanluIndicator *indicator;

          if (!(region = resolve_region (resolution, wanted->region, error)) ||
              !(indicator = resolve_indicator (resolution, wanted->indicator, error)))
            return FALSE;

          if (unit != NULL && g_strcmp0 (unit, tanlu_indicator_get_unit (indicator)) != 0)
            return invalid (
              error, _("The series have different units (%s and %s); chart them separately"), unit,
              tanlu_indicator_get_unit (indicator));
          unit = tanlu_indicator_get_unit (indicator);

          if (!(points = region_values (resolution, region, indicator, wanted->first_year,
                                        wanted->last_year, error)))
            return FALSE;

          if (points->len == 0)
            {
              g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                           _("%s has no values for %s in the years asked for"),
                           region_name (resolution, region), tanlu_indicator_get_code (indicator));
              return FALSE;
            }

          if (wanted->label != NULL)
            label = g_strdup (wanted->label);
          else if (!same_region && same_indicator)
            label = g_strdup (region_label (resolution, region));
          else if (same_region && !same_indicator)
            label = g_strdup (indicator_name (resolution, indicator));
          else if (same_region && same_indicator)
            label = g_strdup (region_label (resolution, region));
          else
            label = g_strdup_printf ("%s · %s", region_label (resolution, region),
                                     indicator_name (resolution, indicator));

          series_region = region;
          if (i == 0 && spec->title == NULL)
            data->title = g_strdup (indicator_name (resolution, indicator));
          if (i == 0 && spec->subtitle == NULL && same_region)
            data->subtitle = g_strdup (region_label (resolution, region));
        }

      series = series_from_points (label, points,
                                   wanted->pathway != NULL ? projected_from : wanted->projected_from);
      series->color_index = i;
      if (series_region != NULL)
        annotate_region_series (resolution, series_region, series);
      g_ptr_array_add (data->series, series);
    }

  if (inline_values && spec->source == NULL)
    return invalid (error, _("Some series give their values inline; the spec needs a “source” "
                              "saying where they come from"));

  data->unit = g_strdup (unit != NULL ? unit : "Mt CO₂");
  if (data->title == NULL)
    data->title = g_strdup (in_language (spec->language, "二氧化碳排放", "CO₂ emissions"));

  return TRUE;
}

/* The top sectors or fuel groups by their latest value, the rest summed as
 * "Other", so a stack stays readable. */
static gboolean
resolve_breakdown (Resolution  *resolution,
                   GError     **error)
{
  const TanluChartSpec *spec = resolution->spec;
  TanluChartData *data = resolution->data;
  g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (resolution->store);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) year_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = NULL;
  TanluRegion *region;
  guint n_shown;

  if (!(region = resolve_region (resolution, spec->breakdown_region, error)))
    return FALSE;

  if (spec->breakdown == TANLU_CHART_BREAKDOWN_SECTOR)
    {
      for (guint i = 0; i < indicators->len; i++)
        {
          TanluIndicator *indicator = g_ptr_array_index (indicators, i);
          GArray *points;

          if (g_strcmp0 (tanlu_indicator_get_category (indicator), "sector") != 0)
            continue;
          if (!(points = region_values (resolution, region, indicator, 0, 0, error)))
            return FALSE;
          g_ptr_array_add (parts, points);
          g_ptr_array_add (labels,
                           g_strdup (without_category (indicator_name (resolution, indicator))));
        }
    }
  else
    {
      for (guint f = 0; f < G_N_ELEMENTS (fuel_groups); f++)
        {
          g_autoptr(GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          GArray *points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));

          for (guint i = 0; i < indicators->len; i++)
            {
              TanluIndicator *indicator = g_ptr_array_index (indicators, i);
              g_autoptr(GArray) values = NULL;
              gboolean member;

              member = g_str_equal (fuel_groups[f].family, "process")
                         ? g_strcmp0 (tanlu_indicator_get_category (indicator), "process") == 0
                         : g_strcmp0 (tanlu_indicator_get_category (indicator), "fuel") == 0 &&
                             g_strcmp0 (tanlu_indicator_get_family (indicator),
                                        fuel_groups[f].family) == 0;
              if (!member)
                continue;

              if (!(values = region_values (resolution, region, indicator, 0, 0, error)))
                {
                  g_array_unref (points);
                  return FALSE;
                }

              for (guint k = 0; k < values->len; k++)
                {
                  const TanluSeriesPoint *point = &g_array_index (values, TanluSeriesPoint, k);
                  double *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (point->year));

                  if (sum == NULL)
                    {
                      sum = g_new0 (double, 1);
                      g_hash_table_insert (sums, GUINT_TO_POINTER (point->year), sum);
                    }
                  *sum += point->value;
                }
            }

          {
            GHashTableIter iter;
            gpointer year;
            double *sum;

            g_hash_table_iter_init (&iter, sums);
            while (g_hash_table_iter_next (&iter, &year, (gpointer *)&sum))
              {
                TanluSeriesPoint point = { GPOINTER_TO_UINT (year), *sum, 0 };

                g_array_append_val (points, point);
              }
          }

          g_ptr_array_add (parts, points);
          g_ptr_array_add (labels, g_strdup (in_language (spec->language, fuel_groups[f].name_zh,
                                                          fuel_groups[f].name_en)));
        }
    }

  /* A part that is zero throughout (CEADs' "other energy") would only add
   * an empty band and a legend entry. */
  for (guint p = parts->len; p-- > 0;)
    {
      GArray *points = g_ptr_array_index (parts, p);
      gboolean all_zero = TRUE;

      for (guint k = 0; k < points->len && all_zero; k++)
        all_zero = g_array_index (points, TanluSeriesPoint, k).value == 0;

      if (all_zero)
        {
          g_ptr_array_remove_index (parts, p);
          g_ptr_array_remove_index (labels, p);
        }
    }

  /* The years any part has, ascending. */
  for (guint p = 0; p < parts->len; p++)
    {
      GArray *points = g_ptr_array_index (parts, p);

      for (guint k = 0; k < points->len; k++)
        {
          guint year = g_array_index (points, TanluSeriesPoint, k).year;

          if (!g_hash_table_contains (year_index, GUINT_TO_POINTER (year)))
            {
              g_hash_table_add (year_index, GUINT_TO_POINTER (year));
              g_array_append_val (years, year);
            }
        }
    }

  if (years->len == 0)
    {
      g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                   spec->breakdown == TANLU_CHART_BREAKDOWN_SECTOR
                   ? _("%s has no figures by sector")
                   : _("%s has no figures by fuel"),
                   region_name (resolution, region));
      return FALSE;
    }

  g_array_sort (years, compare_years);

  /* Order the parts by their value in the last year, largest at the bottom. */
  order = g_array_new (FALSE, FALSE, sizeof (PartOrder));
  for (guint p = 0; p < parts->len; p++)
    {
      GArray *points = g_ptr_array_index (parts, p);
      PartOrder item = { p, 0 };

      for (guint k = 0; k < points->len; k++)
        if (g_array_index (points, TanluSeriesPoint, k).year ==
            g_array_index (years, guint, years->len - 1))
          item.last = g_array_index (points, TanluSeriesPoint, k).value;
      g_array_append_val (order, item);
    }
  g_array_sort (order, compare_part_order);

  n_shown = MIN (spec->top, order->len);
  if (n_shown + 1 == order->len)
    n_shown = order->len;

  for (guint s = 0; s <= n_shown && s < order->len; s++)
    {
      gboolean is_other = s == n_shown;
      TanluChartSeries *series;

      series = tanlu_chart_series_new (
        is_other ? in_language (spec->language, "其他", "Other")
                 : g_ptr_array_index (labels, g_array_index (order, PartOrder, s).part),
        years->len);
      series->projected_from = G_MAXUINT;
      series->color_index = s;

      for (guint y = 0; y < years->len; y++)
        {
          guint year = g_array_index (years, guint, y);
          double value = 0;
          gboolean found = FALSE;

          for (guint o = is_other ? n_shown : s; o < (is_other ? order->len : s + 1); o++)
            {
              GArray *points = g_ptr_array_index (parts, g_array_index (order, PartOrder, o).part);

              for (guint k = 0; k < points->len; k++)
                if (g_array_index (points, TanluSeriesPoint, k).year == year)
                  {
                    value += g_array_index (points, TanluSeriesPoint, k).value;
                    found = TRUE;
                  }
            }

          series->x[y] = year;
          series->y[y] = found ? value : NAN;
        }

      g_ptr_array_add (data->series, series);
    }

  data->unit = g_strdup ("Mt CO₂");
  if (data->title == NULL)
    data->title = g_strdup (spec->breakdown == TANLU_CHART_BREAKDOWN_SECTOR
                            ? in_language (spec->language, "按部门的二氧化碳排放", "CO₂ emissions by sector")
                            : in_language (spec->language, "按燃料的二氧化碳排放", "CO₂ emissions by fuel"));
  if (data->subtitle == NULL)
    data->subtitle = g_strdup (region_label (resolution, region));

  return TRUE;
}

static gboolean
resolve_ranking (Resolution  *resolution,
                 GError     **error)
{
  const TanluChartSpec *spec = resolution->spec;
  TanluChartData *data = resolution->data;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) candidate_values =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedValue));
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  TanluIndicator *indicator;
  TanluRegion *region;
  TanluChartSeries *series;
  guint year = spec->ranking_year;
  gboolean ranks_parts;
  guint n_members = 0;

  if (!(region = resolve_region (resolution, spec->ranking_region, error)) ||
      !(indicator = resolve_indicator (resolution,
                                       spec->ranking_indicator != NULL ? spec->ranking_indicator
                                                                       : TANLU_INDICATOR_CO2_TOTAL,
                                       error)))
    return FALSE;

  ranks_parts = tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP;

  /* A region is ranked among its neighbours; a group's members, and the
   * nation's provinces, are ranked among themselves. */
  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_NATION)
    {
      candidates =
        tanlu_store_list_regions_at_level (resolution->store, TANLU_REGION_LEVEL_PROVINCE);
      ranks_parts = TRUE;
    }
  else if (ranks_parts)
    {
      const guint *members = tanlu_region_get_member_codes (region, &n_members);

      candidates = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_members; i++)
        {
          TanluRegion *member = tanlu_store_lookup_region (resolution->store, members[i]);

          if (member != NULL)
            g_ptr_array_add (candidates, g_object_ref (member));
        }
    }
  else
    candidates = tanlu_summary_siblings (resolution->store, region);

  for (guint i = 0; i < candidates->len; i++)
    {
      TanluRegion *candidate = g_ptr_array_index (candidates, i);
      GArray *values = tanlu_store_get_series (resolution->store, tanlu_region_get_code (candidate),
                                               tanlu_indicator_get_code (indicator), NULL);

      g_ptr_array_add (candidate_values, values != NULL
                                           ? values
                                           : g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint)));
    }

  if (year == 0 && !ranks_parts)
    {
      g_autoptr(GArray) own =
        tanlu_store_get_series (resolution->store, tanlu_region_get_code (region),
                                tanlu_indicator_get_code (indicator), NULL);

      if (own == NULL || own->len == 0)
        {
          g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                       _("%s has no values for %s"), region_name (resolution, region),
                       tanlu_indicator_get_code (indicator));
          return FALSE;
        }
      year = g_array_index (own, TanluSeriesPoint, own->len - 1).year;
    }
  else if (year == 0)
    {
      /* The latest of the years in which the most parts have values. */
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
      guint best = 0;

      for (guint i = 0; i < candidate_values->len; i++)
        {
          GArray *values = g_ptr_array_index (candidate_values, i);

          for (guint k = 0; k < values->len; k++)
            {
              gpointer key = GUINT_TO_POINTER (g_array_index (values, TanluSeriesPoint, k).year);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

              g_hash_table_insert (counts, key, GUINT_TO_POINTER (count));
              if (count > best || (count == best && GPOINTER_TO_UINT (key) > year))
                {
                  best = count;
                  year = GPOINTER_TO_UINT (key);
                }
            }
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      TanluRegion *candidate = g_ptr_array_index (candidates, i);
      GArray *values = g_ptr_array_index (candidate_values, i);

      for (guint k = 0; k < values->len; k++)
        {
          const TanluSeriesPoint *point = &g_array_index (values, TanluSeriesPoint, k);

          if (point->year != year)
            continue;

          /* A figure the source gives as incomplete is not ranked. */
          if (tanlu_summary_region_incomplete (resolution->store, candidate, year))
            {
              g_ptr_array_add (left_out, (gpointer) region_name (resolution, candidate));
              continue;
            }

          {
            RankedValue item = { candidate, point->value };

            g_array_append_val (ranked, item);
            note_point (resolution, point);
          }
        }
    }

  if (left_out->len > 0)
    {
      gboolean chinese = spec->language == TANLU_CHART_LANGUAGE_CHINESE;
      g_autofree char *names = NULL;

      g_ptr_array_add (left_out, NULL);
      names = g_strjoinv (chinese ? "、" : ", ", (char **) left_out->pdata);
      add_note (resolution,
                chinese ? g_strdup_printf ("%s %u 年的数据来源不完整，未排名", names, year)
                        : g_strdup_printf ("%s not ranked: incomplete in the source in %u", names,
                                           year));
    }

  if (ranked->len == 0)
    {
      if (ranks_parts)
        g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                     _("No part of %s has values for %s"),
                     region_name (resolution, region), tanlu_indicator_get_code (indicator));
      else
        g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_NO_DATA,
                     _("No region beside %s has values for %s in %u"),
                     region_name (resolution, region), tanlu_indicator_get_code (indicator), year);
      return FALSE;
    }

  g_array_sort (ranked, compare_ranked);

  series = tanlu_chart_series_new (indicator_name (resolution, indicator), ranked->len);
  series->projected_from = G_MAXUINT;
  for (guint i = 0; i < ranked->len; i++)
    {
      RankedValue *item = &g_array_index (ranked, RankedValue, i);

      series->x[i] = i;
      series->y[i] = item->value;
      g_ptr_array_add (data->categories, g_strdup (region_name (resolution, item->region)));
      if (item->region == region)
        data->highlight = i;
    }
  g_ptr_array_add (data->series, series);

  data->unit = g_strdup (tanlu_indicator_get_unit (indicator));
  if (data->title == NULL)
    data->title =
      spec->language == TANLU_CHART_LANGUAGE_CHINESE
        ? g_strdup_printf ("%s，%u 年排名", indicator_name (resolution, indicator), year)
        : g_strdup_printf ("%s, ranked, %u", indicator_name (resolution, indicator), year);
  /* The plain name: the bars of a group are its members, not their sum;
   * and how many of them have figures, wherever the picture goes. */
  if (data->subtitle == NULL && tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP &&
      ranked->len < n_members)
    data->subtitle = spec->language == TANLU_CHART_LANGUAGE_CHINESE
                       ? g_strdup_printf ("%s：%u 个成员中有 %u 个有 %u 年数据",
                                          region_name (resolution, region), n_members, ranked->len,
                                          year)
                       : g_strdup_printf ("%s: %u of %u members have figures for %u",
                                          region_name (resolution, region), ranked->len, n_members,
                                          year);
  else if (data->subtitle == NULL)
    data->subtitle = g_strdup (region_name (resolution, region));

  return TRUE;
}

static void
set_source_line (Resolution *resolution)
{
  const TanluChartSpec *spec = resolution->spec;
  TanluChartData *data = resolution->data;
  g_autoptr(GString) source = g_string_new (spec->source);

  if (resolution->pathway_notes != NULL)
    {
      gboolean chinese = spec->language == TANLU_CHART_LANGUAGE_CHINESE;
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < resolution->pathway_notes->len; i++)
        g_string_append_printf (names, chinese ? "%s“%s”" : "%s“%s”",
                                i == 0 ? "" : (chinese ? "、" : ", "),
                                (char *) g_ptr_array_index (resolution->pathway_notes, i));
      if (source->len > 0)
        g_string_append (source, chinese ? "；" : "; ");
      g_string_append_printf (source,
                              chinese ? "%s为碳路按其参数从最近的观测年起计算的排放路径，不是观测值"
                                      : "%s: pathways Tanlu computed from their levers, starting "
                                        "at the latest observed year; not observations",
                              names->str);
    }

  for (guint i = 0; i < resolution->source_order->len; i++)
    {
      TanluSource *item = g_ptr_array_index (resolution->source_order, i);

      if (source->len > 0)
        g_string_append (source, in_language (spec->language, "；", "; "));
      g_string_append_printf (source, "%s. %s",
                              in_language (spec->language, tanlu_source_get_title_zh (item),
                                           tanlu_source_get_title_en (item)),
                              tanlu_source_get_citation (item));
    }

  data->source = g_string_free (g_steal_pointer (&source), FALSE);

  if (resolution->notes != NULL)
    {
      g_ptr_array_add (resolution->notes, NULL);
      data->note = g_strjoinv (spec->language == TANLU_CHART_LANGUAGE_CHINESE ? "；" : "; ",
                               (char **) resolution->notes->pdata);
      g_ptr_array_remove_index (resolution->notes, resolution->notes->len - 1);
    }

  if (resolution->projected_from != 0 && resolution->first_year != 0 &&
      resolution->first_year < resolution->projected_from)
    data->data_date = spec->language == TANLU_CHART_LANGUAGE_CHINESE
                        ? g_strdup_printf ("%u–%u；%u–%u为预测", resolution->first_year,
                                           resolution->projected_from - 1,
                                           resolution->projected_from, resolution->last_year)
                        : g_strdup_printf ("%u–%u; %u–%u projected", resolution->first_year,
                                           resolution->projected_from - 1,
                                           resolution->projected_from, resolution->last_year);
  else if (resolution->first_year != 0)
    data->data_date = resolution->first_year == resolution->last_year
                      ? g_strdup_printf ("%u", resolution->first_year)
                      : g_strdup_printf ("%u–%u", resolution->first_year, resolution->last_year);
}

/**
 * tanlu_chart_spec_resolve:
 *
 * Reads the numbers a spec names from @store and lays them out as chart
 * data, with the source line naming every source used.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL with an error
 *   naming the unknown region or indicator, or the missing values
 */
TanluChartData *
tanlu_chart_spec_resolve (const TanluChartSpec  *spec,
                          TanluStore            *store,
                          GError               **error)
{
  return tanlu_chart_spec_resolve_with_pathways (spec, store, NULL, error);
}

/**
 * tanlu_chart_spec_resolve_with_pathways:
 * @pathways: (nullable): the library that runs the pathways the spec
 *   names, with its cached inputs and its draft
 *
 * Like tanlu_chart_spec_resolve().
 *
 * Returns: (transfer full) (nullable): the data
 */
TanluChartData *
tanlu_chart_spec_resolve_with_pathways (const TanluChartSpec  *spec,
                                        TanluStore            *store,
                                        TanluPathwayLibrary   *pathways,
                                        GError               **error)
{
  g_autoptr(TanluChartData) data = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) source_order = g_ptr_array_new ();
  g_autoptr(GStringChunk) names = g_string_chunk_new (256);
  Resolution resolution = { spec, store, NULL, sources, source_order, 0, 0, names, NULL, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  if (pathways != NULL)
    resolution.pathways = g_object_ref (pathways);

  data = tanlu_chart_data_new (spec->kind);
  data->title = g_strdup (spec->title);
  data->subtitle = g_strdup (spec->subtitle);
  data->log_scale = spec->log_scale;
  data->percent = spec->percent;
  data->unit_scale = spec->unit_scale;
  data->language = spec->language;
  data->theme = spec->theme;
  data->width = spec->width;
  data->height = spec->height;
  resolution.data = data;

  switch (spec->kind)
    {
    case TANLU_CHART_KIND_STACKED_AREA:
      ok = spec->breakdown != TANLU_CHART_BREAKDOWN_NONE
           ? resolve_breakdown (&resolution, error)
           : resolve_lines (&resolution, error);
      break;

    case TANLU_CHART_KIND_BARS:
      ok =
        spec->ranking_region != NULL
          ? resolve_ranking (&resolution, error)
          : invalid (
              error,
              _("A bar chart needs a “ranking” naming the region to rank among its neighbours"));
      break;

    case TANLU_CHART_KIND_LINE:
    case TANLU_CHART_KIND_SPARKLINE:
    default:
      ok = resolve_lines (&resolution, error);
      break;
    }

  if (!ok)
    {
      g_clear_object (&resolution.pathways);
      g_clear_pointer (&resolution.pathway_notes, g_ptr_array_unref);
      g_clear_pointer (&resolution.notes, g_ptr_array_unref);
      return NULL;
    }

  for (guint i = 0; i < spec->markers->len; i++)
    {
      const TanluChartMarker *marker = &g_array_index (spec->markers, TanluChartMarker, i);

      tanlu_chart_data_add_marker (data, marker->x, marker->y,
                                   g_ptr_array_index (spec->marker_labels, i));
    }

  for (guint i = 0; i < spec->reference_years->len; i++)
    tanlu_chart_data_add_reference (data, g_array_index (spec->reference_years, double, i),
                                    g_ptr_array_index (spec->reference_labels, i));

  for (guint i = 0; i < spec->bands->len; i++)
    {
      const TanluChartBand *source = g_ptr_array_index (spec->bands, i);
      TanluChartBand *band = tanlu_chart_data_add_band (data, source->label, source->n_points);

      memcpy (band->x, source->x, sizeof (double) * source->n_points);
      memcpy (band->low, source->low, sizeof (double) * source->n_points);
      memcpy (band->high, source->high, sizeof (double) * source->n_points);
      band->color_index = source->color_index;
    }

  set_source_line (&resolution);
  g_clear_object (&resolution.pathways);
  g_clear_pointer (&resolution.pathway_notes, g_ptr_array_unref);
  g_clear_pointer (&resolution.notes, g_ptr_array_unref);

  if (!tanlu_chart_data_validate (data, error))
    return NULL;

  return g_steal_pointer (&data);
}
