/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-targets-command"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tanlu-targets-command.h"
#include "import/tanlu-csv.h"
#include "import/tanlu-input.h"
#include "import/tanlu-plan-import.h"
#include "policy/tanlu-report-card.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <stdio.h>

/* tanlu targets list: the target library, each target with the plan's
 * verbatim words that state it. tanlu targets report: a region's report
 * card, each target against the latest data and the saved pathways.
 * tanlu targets import: a plan of the user's own, its text and its
 * targets. */

static gboolean
wanted_level (const TanluPolicyTarget *target,
              const char              *level)
{
  return level == NULL || g_strcmp0 (target->document_level, level) == 0;
}

/* A district's plan is filed under its prefecture-level unit; it is
 * listed under the district's own code and name. */
static guint
target_code (const TanluPolicyTarget *target)
{
  return target->place_code != 0 ? target->place_code : target->region_code;
}

static const char *
target_region_name (TanluStore              *store,
                    const TanluPolicyTarget *target)
{
  TanluRegion *region;

  if (target->place_code != 0)
    return target->place_name_zh;
  region = tanlu_store_lookup_region (store, target->region_code);
  return region != NULL ? tanlu_region_get_name_zh (region) : NULL;
}

static void
append_csv (GString                 *out,
            TanluStore              *store,
            const TanluPolicyTarget *target)
{
  const char *name = target_region_name (store, target);
  g_autofree char *value = tanlu_csv_format_double (target->value);

  g_string_append_printf (out, "%u,", target_code (target));
  tanlu_csv_append_field (out, name != NULL ? name : "");
  g_string_append_c (out, ',');
  tanlu_csv_append_field (out, target->document_level);
  g_string_append_c (out, ',');
  tanlu_csv_append_field (out, target->document_id);
  g_string_append_c (out, ',');
  tanlu_csv_append_field (out, target->indicator);
  g_string_append_printf (out, ",%u,", target->target_year);
  if (target->base_year != 0)
    g_string_append_printf (out, "%u", target->base_year);
  g_string_append_printf (out, ",%s,%s,", value,
                          tanlu_target_qualifier_to_string (target->qualifier));
  tanlu_csv_append_field (out, target->unit);
  g_string_append_c (out, ',');
  tanlu_csv_append_field (out, target->quote);
  g_string_append_c (out, '\n');
}

static void
add_json (JsonBuilder             *builder,
          TanluStore              *store,
          const TanluPolicyTarget *target)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "region_code");
  json_builder_add_int_value (builder, target_code (target));
  json_builder_set_member_name (builder, "region_name_zh");
  json_builder_add_string_value (builder, target_region_name (store, target));
  if (target->place_code != 0)
    {
      json_builder_set_member_name (builder, "filed_under");
      json_builder_add_int_value (builder, target->region_code);
    }
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, target->document_level);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, target->document_id);
  json_builder_set_member_name (builder, "document_title");
  json_builder_add_string_value (builder, target->document_title);
  json_builder_set_member_name (builder, "indicator");
  json_builder_add_string_value (builder, target->indicator);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, target->scope);
  json_builder_set_member_name (builder, "target_year");
  json_builder_add_int_value (builder, target->target_year);
  json_builder_set_member_name (builder, "base_year");
  if (target->base_year != 0)
    json_builder_add_int_value (builder, target->base_year);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, target->value);
  json_builder_set_member_name (builder, "qualifier");
  json_builder_add_string_value (builder, tanlu_target_qualifier_to_string (target->qualifier));
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, target->unit);
  json_builder_set_member_name (builder, "quote");
  json_builder_add_string_value (builder, target->quote);
  json_builder_set_member_name (builder, "seed_file");
  json_builder_add_string_value (builder, target->seed_file);
  json_builder_set_member_name (builder, "quote_offset");
  json_builder_add_int_value (builder, target->quote_offset);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, target->note);
  json_builder_end_object (builder);
}

static int
run_import (const char  *db_path,
            int          argc,
            char       **argv)
{
  static const char *const levels[] = { "nation", "ministry", "province", "city", "district",
                                        NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *title = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *level = NULL;
  g_autofree char *region_key = NULL;
  gboolean replace = FALSE;
  TanluUserPlanOptions options = { 0 };
  guint n_targets = 0;
  GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &plan, N_("The plan’s text, UTF-8"), "PLAN.txt" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region_key,
      N_("The plan’s region (by default the first row’s)"), "CODE" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_("The plan’s level (by default its region’s)"), "nation|ministry|province|city|district" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The plan’s title (by default the first line of its text)"), "TEXT" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("Who issued the plan"), "TEXT" },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the targets of the plan imported before from a file of that name"), NULL },
    { NULL },
  };

  context = g_option_context_new ("import --plan PLAN.txt TARGETS.csv");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (argc != 3 || plan == NULL)
    {
      g_printerr ("tanlu: %s\n",
                  _("targets import needs the plan’s text and its targets: tanlu targets import "
                    "--plan PLAN.txt [--region CODE] [--level LEVEL] [--title TEXT] "
                    "[--issuer TEXT] [--replace] TARGETS.csv"));
      return 2;
    }
  if (level != NULL && !g_strv_contains (levels, level))
    {
      g_printerr ("tanlu: %s\n",
                  _("--level must be nation, ministry, province, city or district"));
      return 2;
    }

  if (!(store = tanlu_store_open (db_path, &error)))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }
  if (region_key != NULL)
    {
      TanluRegion *region = tanlu_store_lookup_region_by_key (store, region_key);

      if (region == NULL || tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
        {
          g_printerr (_("tanlu: there is no region “%s”\n"), region_key);
          return 1;
        }
      options.region_code = tanlu_region_get_code (region);
    }
  options.level = level;
  options.title = title;
  options.issuer = issuer;
  options.replace = replace;

  if (!tanlu_import_user_plan (store, plan, argv[2], &options, &n_targets, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      if (!replace && g_error_matches (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID))
        g_printerr ("tanlu: %s\n", _("--replace replaces its targets with the file’s"));
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u target\n", "Imported %u targets\n",
                        n_targets),
           n_targets);

  return 0;
}

static gboolean
list_targets (GString      *out,
              JsonBuilder  *builder,
              TanluStore   *store,
              TanluRegion  *region,
              guint         place_code,
              const char   *level,
              const char   *indicator,
              gboolean      json,
              GError      **error)
{
  g_autoptr(GPtrArray) targets =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
  GPtrArray *some;

  /* The registry's regions' plans, then districts' (every district's, or
   * the one asked for by its code) */
  if (place_code == 0 && g_strcmp0 (level, "district") != 0)
    {
      if (!(some = tanlu_store_list_policy_targets (store,
                                                    region != NULL ? tanlu_region_get_code (region)
                                                                   : 0,
                                                    indicator, error)))
        return FALSE;
      g_ptr_array_extend_and_steal (targets, some);
    }
  if (place_code != 0 || (region == NULL && (level == NULL || g_str_equal (level, "district"))))
    {
      if (!(some = tanlu_store_list_district_targets (store, place_code, indicator, error)))
        return FALSE;
      g_ptr_array_extend_and_steal (targets, some);
    }

  if (json)
    json_builder_begin_array (builder);
  else
    g_string_append (out, "region_code,region_name_zh,level,document,indicator,target_year,"
                          "base_year,value,qualifier,unit,quote\n");

  for (guint i = 0; i < targets->len; i++)
    {
      const TanluPolicyTarget *target = g_ptr_array_index (targets, i);

      if (!wanted_level (target, level))
        continue;
      if (json)
        add_json (builder, store, target);
      else
        append_csv (out, store, target);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Report                                                                   */

static const char *
check_status_to_string (TanluCheckStatus status)
{
  switch (status)
    {
    case TANLU_CHECK_MET:
      return "met";
    case TANLU_CHECK_MISSED:
      return "missed";
    case TANLU_CHECK_NOT_CHECKABLE:
      return "not_checkable";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A number, or an empty field where there is none. */
static void
append_csv_number (GString *out,
                   double   value)
{
  g_autofree char *text = NULL;

  if (!isnan (value))
    {
      text = tanlu_csv_format_double (value);
      g_string_append (out, text);
    }
  g_string_append_c (out, ',');
}

static void
append_csv_text (GString    *out,
                 const char *text)
{
  tanlu_csv_append_field (out, text != NULL ? text : "");
  g_string_append_c (out, ',');
}

static void
append_csv_year (GString *out,
                 guint    year)
{
  if (year != 0)
    g_string_append_printf (out, "%u", year);
  g_string_append_c (out, ',');
}

static void
append_report_csv (GString                  *out,
                   TanluRegion              *region,
                   const TanluReportItem    *item,
                   const TanluReportPathway *entry)
{
  const TanluPolicyTarget *target = item->target;
  const TanluPathwayCheck *check = entry != NULL ? entry->check : NULL;

  g_string_append_printf (out, "%u,", tanlu_region_get_code (region));
  append_csv_text (out, tanlu_region_get_name_zh (region));
  g_string_append_printf (out, "%u,", target->region_code);
  append_csv_text (out, target->document_id);
  append_csv_text (out, target->indicator);
  append_csv_year (out, target->target_year);
  append_csv_year (out, target->base_year);
  append_csv_number (out, target->value);
  append_csv_text (out, tanlu_target_qualifier_to_string (target->qualifier));
  append_csv_text (out, target->unit);
  append_csv_text (out, item->reference ? "true" : "false");
  append_csv_text (out, tanlu_report_status_to_string (item->status));
  append_csv_text (out, tanlu_report_peak_to_string (item->peak));
  append_csv_year (out, item->latest_year);
  append_csv_number (out, item->latest_value);
  append_csv_year (out, item->peak_year);
  append_csv_number (out, item->peak_value);
  append_csv_number (out, item->achieved);
  append_csv_number (out, item->gap);
  append_csv_year (out, item->needed_from);
  append_csv_year (out, isnan (item->needed_rate) ? 0 : target->target_year);
  append_csv_number (out, item->needed_rate);
  append_csv_text (out, item->gdp_series);
  append_csv_text (out, item->gdp_series != NULL ? (item->gdp_projected ? "true" : "false")
                                                 : NULL);
  append_csv_text (out, entry != NULL ? entry->name : NULL);
  append_csv_text (out, check != NULL ? check_status_to_string (check->status)
                                      : entry != NULL ? "not_run" : NULL);
  append_csv_number (out, check != NULL ? check->achieved : NAN);
  append_csv_number (out, check != NULL && check->status != TANLU_CHECK_NOT_CHECKABLE
                            ? check->gap : NAN);
  append_csv_text (out, check != NULL ? check->summary_en
                                      : entry != NULL ? entry->error_message : NULL);
  append_csv_text (out, item->status_en);
  append_csv_text (out, item->needed_en);
  append_csv_text (out, item->sources_en);
  tanlu_csv_append_field (out, target->quote);
  g_string_append_c (out, '\n');
}

static void
add_json_number (JsonBuilder *builder,
                 const char  *name,
                 double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_json_year (JsonBuilder *builder,
               const char  *name,
               guint        year)
{
  json_builder_set_member_name (builder, name);
  if (year == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, year);
}

static void
add_json_text (JsonBuilder *builder,
               const char  *name,
               const char  *text)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_json_source (JsonBuilder *builder,
                 const char  *name,
                 TanluSource *source)
{
  json_builder_set_member_name (builder, name);
  if (source == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_json_text (builder, "key", tanlu_source_get_key (source));
  add_json_text (builder, "title_en", tanlu_source_get_title_en (source));
  add_json_text (builder, "title_zh", tanlu_source_get_title_zh (source));
  json_builder_set_member_name (builder, "projection");
  json_builder_add_boolean_value (builder, tanlu_source_is_projection (source));
  json_builder_end_object (builder);
}

static void
add_report_json (JsonBuilder           *builder,
                 TanluStore            *store,
                 const TanluReportItem *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target");
  add_json (builder, store, item->target);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_boolean_value (builder, item->reference);
  add_json_text (builder, "status", tanlu_report_status_to_string (item->status));
  add_json_text (builder, "reason_en", item->reason_en);
  add_json_text (builder, "reason_zh", item->reason_zh);
  add_json_year (builder, "latest_year", item->latest_year);
  add_json_number (builder, "latest_value", item->latest_value);
  json_builder_set_member_name (builder, "peak");
  if (item->peak == TANLU_REPORT_PEAK_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, tanlu_report_peak_to_string (item->peak));
  add_json_year (builder, "peak_year", item->peak_year);
  add_json_number (builder, "peak_value", item->peak_value);
  add_json_number (builder, "below_peak_pct", item->below_peak);
  add_json_number (builder, "base_value", item->base_value);
  add_json_number (builder, "achieved_pct", item->achieved);
  add_json_number (builder, "gap", item->gap);
  add_json_year (builder, "needed_from", isnan (item->needed_rate) ? 0 : item->needed_from);
  add_json_year (builder, "needed_to", isnan (item->needed_rate) ? 0 : item->target->target_year);
  add_json_number (builder, "needed_pct_per_year", item->needed_rate);
  add_json_source (builder, "co2_source", item->co2_source);
  add_json_text (builder, "gdp_series", item->gdp_series);
  add_json_source (builder, "gdp_source_base", item->gdp_source_base);
  add_json_source (builder, "gdp_source_latest", item->gdp_source_latest);
  json_builder_set_member_name (builder, "gdp_projected");
  json_builder_add_boolean_value (builder, item->gdp_projected);
  json_builder_set_member_name (builder, "gdp_proxy_region");
  if (item->gdp_proxy != NULL)
    json_builder_add_int_value (builder, tanlu_region_get_code (item->gdp_proxy));
  else
    json_builder_add_null_value (builder);
  add_json_text (builder, "status_en", item->status_en);
  add_json_text (builder, "status_zh", item->status_zh);
  add_json_text (builder, "needed_en", item->needed_en);
  add_json_text (builder, "needed_zh", item->needed_zh);
  add_json_text (builder, "sources_en", item->sources_en);
  add_json_text (builder, "sources_zh", item->sources_zh);

  json_builder_set_member_name (builder, "pathways");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->pathways->len; i++)
    {
      const TanluReportPathway *entry = g_ptr_array_index (item->pathways, i);
      const TanluPathwayCheck *check = entry->check;

      json_builder_begin_object (builder);
      add_json_text (builder, "name", entry->name);
      if (check == NULL)
        {
          add_json_text (builder, "status", "not_run");
          add_json_text (builder, "error", entry->error_message);
        }
      else
        {
          add_json_text (builder, "status", check_status_to_string (check->status));
          add_json_number (builder, "achieved", check->achieved);
          add_json_number (builder, "gap",
                           check->status != TANLU_CHECK_NOT_CHECKABLE ? check->gap : NAN);
          add_json_number (builder, "needed_pct_per_year", check->needed_rate);
          add_json_number (builder, "pathway_pct_per_year", check->pathway_rate);
          add_json_text (builder, "summary_en", check->summary_en);
          add_json_text (builder, "summary_zh", check->summary_zh);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
write_report (GString      *out,
              JsonBuilder  *builder,
              TanluStore   *store,
              TanluRegion  *region,
              gboolean      json,
              GError      **error)
{
  g_autoptr(GPtrArray) items = tanlu_report_card_build (store, tanlu_region_get_code (region),
                                                        error);

  if (items == NULL)
    return FALSE;

  if (json)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        add_report_json (builder, store, g_ptr_array_index (items, i));
      return TRUE;
    }

  g_string_append (out, "region_code,region_name_zh,target_region_code,document,indicator,"
                        "target_year,base_year,value,qualifier,unit,reference,status,peak,"
                        "latest_year,latest_value,peak_year,peak_value,achieved_pct,gap,"
                        "needed_from,needed_to,"
                        "needed_pct_per_year,gdp_series,gdp_projected,pathway,pathway_status,"
                        "pathway_achieved,pathway_gap,pathway_summary,status_text,needed_text,"
                        "sources,quote\n");
  for (guint i = 0; i < items->len; i++)
    {
      const TanluReportItem *item = g_ptr_array_index (items, i);

      if (item->pathways->len == 0)
        append_report_csv (out, region, item, NULL);
      for (guint k = 0; k < item->pathways->len; k++)
        append_report_csv (out, region, item, g_ptr_array_index (item->pathways, k));
    }

  return TRUE;
}

/**
 * tanlu_targets_command_run:
 * @argc: argv[1] is "targets"
 *
 * Returns: the process exit status
 */
int
tanlu_targets_command_run (const char  *db_path,
                           int          argc,
                           char       **argv)
{
  static const char *const levels[] = { "nation", "ministry", "province", "city", "district",
                                        NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *region_key = NULL;
  g_autofree char *level = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *format = NULL;
  TanluRegion *region = NULL;
  guint64 place_code = 0;
  gboolean json;
  gboolean report;
  GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region_key, N_("Only this region’s targets"), "CODE" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("Only plans of this level"),
      "nation|ministry|province|city|district" },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_("Only this indicator"), "CODE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (the default) or json"), "FORMAT" },
    { NULL },
  };

  argc--;
  argv++;
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return run_import (db_path, argc, argv);

  context = g_option_context_new ("list|report");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || (!g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "report")))
    {
      g_printerr ("tanlu: %s\n", _("targets knows: list [--region CODE] [--level LEVEL] "
                                   "[--indicator CODE] [--format csv|json], report --region CODE "
                                   "[--format csv|json], import --plan PLAN.txt TARGETS.csv"));
      return 2;
    }
  report = g_str_equal (argv[1], "report");
  if (report && region_key == NULL)
    {
      g_printerr ("tanlu: %s\n", _("targets report needs --region CODE"));
      return 2;
    }
  if (report && (level != NULL || indicator != NULL))
    {
      g_printerr ("tanlu: %s\n", _("targets report takes --region and --format only"));
      return 2;
    }
  if (level != NULL && !g_strv_contains (levels, level))
    {
      g_printerr ("tanlu: %s\n",
                  _("--level must be nation, ministry, province, city or district"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      g_printerr ("tanlu: %s\n", _("--format must be csv or json"));
      return 2;
    }
  json = format != NULL && g_str_equal (format, "json");

  if (!(store = tanlu_store_open_for_reading (db_path, &error)))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }
  if (region_key != NULL && !(region = tanlu_store_lookup_region_by_key (store, region_key)))
    {
      /* Below the registry: a district whose plan is in the library */
      g_autoptr(GPtrArray) districts = NULL;

      if (!report &&
          g_ascii_string_to_unsigned (region_key, 10, 100000, 999999, &place_code, NULL))
        districts = tanlu_store_list_district_targets (store, place_code, NULL, NULL);
      if (districts == NULL || districts->len == 0)
        {
          g_printerr (_("tanlu: there is no region or group “%s”\n"), region_key);
          return 1;
        }
    }
  if (report && tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      g_printerr (_("tanlu: “%s” is a group; targets report is for one region, such as 510000\n"),
                  region_key);
      return 1;
    }

  if (report)
    {
      if (!write_report (out, builder, store, region, json, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
    }
  else if (!list_targets (out, builder, store, region, place_code, level, indicator, json, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = tanlu_input_write_json (root, TRUE);
      g_string_append_printf (out, "%s\n", text);
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_printerr ("tanlu: %s\n", _("could not write the output"));
      return 1;
    }

  return 0;
}
