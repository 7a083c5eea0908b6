/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "tanlu-pathway-check.h"
#include "tanlu-pathway-export.h"
#include "import/tanlu-csv.h"
#include "import/tanlu-input.h"

/* Pathways as files: a long CSV (one value per row), a JSON document with
 * the derived figures and checks, and the IAMC time-series layout (model,
 * scenario, region, variable, unit, one column per year) that pyam and the
 * IIASA scenario databases read. Each starts at the base year, the last
 * observed one, from which the pathway goes. */

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.10g", value);
  g_string_append (out, buffer);
}

/**
 * tanlu_pathway_append_csv:
 *
 * Appends the rows `region_code,pathway,year,indicator,value,unit` for each
 * metric the pathway has, from its base year to its end year, after
 * %TANLU_PATHWAY_CSV_HEADER.
 */
void
tanlu_pathway_append_csv (GString            *out,
                          const TanluPathway *pathway)
{
  for (guint metric = 0; metric < TANLU_PATHWAY_N_METRICS; metric++)
    {
      if (!tanlu_pathway_has (pathway, metric))
        continue;

      for (guint year = pathway->base_year; year <= pathway->end_year; year++)
        {
          double value = tanlu_pathway_get (pathway, metric, year);
          g_autoptr(GString) line = g_string_new (NULL);

          if (isnan (value))
            continue;

          tanlu_csv_append_field (line, pathway->region);
          g_string_append_c (line, ',');
          tanlu_csv_append_field (line, pathway->name != NULL ? pathway->name : "");
          g_string_append_printf (line, ",%u,", year);
          tanlu_csv_append_field (line, tanlu_pathway_metric_to_string (metric));
          g_string_append_c (line, ',');
          append_number (line, value);
          g_string_append_c (line, ',');
          tanlu_csv_append_field (line, tanlu_pathway_metric_get_unit (metric));
          g_string_append_c (line, '\n');
          g_string_append_len (out, line->str, line->len);
        }
    }
}

static void
add_number_or_null (JsonBuilder *builder,
                    double       value)
{
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/**
 * tanlu_pathway_to_json:
 * @checks: (nullable) (element-type TanluPathwayCheck): its target checks
 *
 * Returns: (transfer full): the pathway's series from the base year, its
 *   derived figures, checks, notes and resolved levers
 */
char *
tanlu_pathway_to_json (const TanluPathway *pathway,
                       GPtrArray          *checks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const guint milestones[] = { 2025, 2030, 2035, 2060 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pathway");
  json_builder_add_string_value (builder, pathway->name != NULL ? pathway->name : "");
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, pathway->region);
  json_builder_set_member_name (builder, "region_name_zh");
  json_builder_add_string_value (builder, pathway->region_name_zh);
  json_builder_set_member_name (builder, "region_name_en");
  json_builder_add_string_value (builder, pathway->region_name_en);
  json_builder_set_member_name (builder, "base_year");
  json_builder_add_int_value (builder, pathway->base_year);
  json_builder_set_member_name (builder, "end_year");
  json_builder_add_int_value (builder, pathway->end_year);

  json_builder_set_member_name (builder, "peak");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, pathway->peak_year);
  json_builder_set_member_name (builder, "value");
  add_number_or_null (builder, pathway->peak_value);
  json_builder_set_member_name (builder, "observed");
  json_builder_add_boolean_value (builder, pathway->peak_year <= pathway->base_year);
  json_builder_set_member_name (builder, "reached");
  json_builder_add_boolean_value (builder, pathway->peaked);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "co2_in");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%u", milestones[i]);
      json_builder_set_member_name (builder, year);
      add_number_or_null (builder, tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, milestones[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cumulative_co2_net_2020_2060");
  add_number_or_null (builder,
                      tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2_NET, 2020, 2060));

  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  for (guint metric = 0; metric < TANLU_PATHWAY_N_METRICS; metric++)
    {
      if (!tanlu_pathway_has (pathway, metric))
        continue;

      json_builder_set_member_name (builder, tanlu_pathway_metric_to_string (metric));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, tanlu_pathway_metric_get_unit (metric));
      json_builder_set_member_name (builder, "values");
      json_builder_begin_object (builder);
      for (guint year = pathway->base_year; year <= pathway->end_year; year++)
        {
          char text[16];

          g_snprintf (text, sizeof text, "%u", year);
          json_builder_set_member_name (builder, text);
          add_number_or_null (builder, tanlu_pathway_get (pathway, metric, year));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  if (checks != NULL)
    {
      json_builder_set_member_name (builder, "checks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < checks->len; i++)
        {
          const TanluPathwayCheck *check = g_ptr_array_index (checks, i);
          static const char * const statuses[] = { "met", "missed", "not_checkable" };

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (builder, check->target->indicator);
          json_builder_set_member_name (builder, "target_year");
          json_builder_add_int_value (builder, check->target->target_year);
          if (check->target->base_year != 0)
            {
              json_builder_set_member_name (builder, "base_year");
              json_builder_add_int_value (builder, check->target->base_year);
            }
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, check->target->value);
          json_builder_set_member_name (builder, "qualifier");
          json_builder_add_string_value (builder,
                                         tanlu_target_qualifier_to_string (check->target->qualifier));
          json_builder_set_member_name (builder, "quote");
          json_builder_add_string_value (builder, check->target->quote);
          json_builder_set_member_name (builder, "document");
          json_builder_add_string_value (builder, check->target->document_title);
          json_builder_set_member_name (builder, "region_code");
          json_builder_add_int_value (builder, check->target->region_code);
          json_builder_set_member_name (builder, "reference");
          json_builder_add_boolean_value (builder, check->reference);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, statuses[check->status]);
          json_builder_set_member_name (builder, "achieved");
          add_number_or_null (builder, check->achieved);
          json_builder_set_member_name (builder, "gap");
          add_number_or_null (builder, check->gap);
          json_builder_set_member_name (builder, "needed_rate_pct");
          add_number_or_null (builder, check->needed_rate);
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, check->summary_en);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pathway->notes_en->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (pathway->notes_en, i));
  json_builder_end_array (builder);

  if (pathway->spec != NULL)
    {
      g_autofree char *levers = tanlu_pathway_spec_to_json (pathway->spec);
      g_autoptr(JsonNode) node = json_from_string (levers, NULL);

      json_builder_set_member_name (builder, "resolved");
      json_builder_add_value (builder, g_steal_pointer (&node));
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tanlu_input_write_json (root, TRUE);
}

/* IAMC variables, with the factor from Tanlu's unit to theirs. */
static const struct
{
  TanluPathwayMetric  metric;
  const char         *variable;
  const char         *unit;
  double              factor;
} iamc_variables[] = {
  { TANLU_PATHWAY_CO2_NET, "Emissions|CO2", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_CO2, "Emissions|CO2|Energy and Industrial Processes", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_POWER_HEAT),
    "Emissions|CO2|Energy and Industrial Processes|Power and Heat", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_INDUSTRY),
    "Emissions|CO2|Energy and Industrial Processes|Industry and Construction", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_TRANSPORT),
    "Emissions|CO2|Energy and Industrial Processes|Transport", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_BUILDINGS),
    "Emissions|CO2|Energy and Industrial Processes|Buildings and Services", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_HOUSEHOLDS),
    "Emissions|CO2|Energy and Industrial Processes|Households", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_AGRICULTURE),
    "Emissions|CO2|Energy and Industrial Processes|Agriculture and Other", "Mt CO2/yr", 1 },
  { TANLU_PATHWAY_REMOVALS, "Carbon Removal", "Mt CO2/yr", 1 },
  /* 亿元 → billion CNY; 万人 → million */
  { TANLU_PATHWAY_GDP, "GDP|MER", "billion CNY_2010/yr", 0.1 },
  { TANLU_PATHWAY_POPULATION, "Population", "million", 0.01 },
};

/**
 * tanlu_pathway_append_iamc:
 * @pathways: (element-type TanluPathway): the pathways, each a scenario
 * @header: whether to write the header first
 *
 * Appends the pathways in the IAMC layout, one column per year from the
 * earliest base year to the latest end year among them.
 */
void
tanlu_pathway_append_iamc (GString   *out,
                           GPtrArray *pathways,
                           gboolean   header)
{
  g_autofree char *model = g_strdup_printf ("Tanlu %s", PACKAGE_VERSION);
  guint first = G_MAXUINT, last = 0;

  for (guint i = 0; i < pathways->len; i++)
    {
      const TanluPathway *pathway = g_ptr_array_index (pathways, i);

      first = MIN (first, pathway->base_year);
      last = MAX (last, pathway->end_year);
    }

  if (header)
    {
      g_string_append (out, "Model,Scenario,Region,Variable,Unit");
      for (guint year = first; year <= last && pathways->len > 0; year++)
        g_string_append_printf (out, ",%u", year);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < pathways->len; i++)
    {
      const TanluPathway *pathway = g_ptr_array_index (pathways, i);

      for (guint v = 0; v < G_N_ELEMENTS (iamc_variables); v++)
        {
          if (!tanlu_pathway_has (pathway, iamc_variables[v].metric))
            continue;

          tanlu_csv_append_field (out, model);
          g_string_append_c (out, ',');
          tanlu_csv_append_field (out, pathway->name != NULL ? pathway->name : "");
          g_string_append_c (out, ',');
          tanlu_csv_append_field (out, pathway->region_name_en);
          g_string_append_c (out, ',');
          tanlu_csv_append_field (out, iamc_variables[v].variable);
          g_string_append_c (out, ',');
          tanlu_csv_append_field (out, iamc_variables[v].unit);
          for (guint year = first; year <= last; year++)
            {
              double value = year >= pathway->base_year
                               ? tanlu_pathway_get (pathway, iamc_variables[v].metric, year)
                               : NAN;

              g_string_append_c (out, ',');
              if (!isnan (value))
                append_number (out, value * iamc_variables[v].factor);
            }
          g_string_append_c (out, '\n');
        }
    }
}
