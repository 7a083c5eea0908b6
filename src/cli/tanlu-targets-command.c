/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-targets-command"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tanlu-targets-command.h"
#include "import/tanlu-csv.h"
#include "import/tanlu-input.h"
#include "import/tanlu-plan-import.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

#include <stdio.h>

/* tanlu targets list: the target library, each target with the plan's
 * verbatim words that state it; tanlu targets import: a plan of the
 * user's own, its text and its targets. */

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
  g_autoptr(GPtrArray) targets = NULL;
  GPtrArray *districts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *region_key = NULL;
  g_autofree char *level = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *format = NULL;
  TanluRegion *region = NULL;
  gboolean json;
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

  context = g_option_context_new ("list");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || !g_str_equal (argv[1], "list"))
    {
      g_printerr ("tanlu: %s\n", _("targets knows: list [--region CODE] [--level LEVEL] [--indicator CODE] "
                                    "[--format csv|json], import --plan PLAN.txt TARGETS.csv"));
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
      guint64 code = 0;

      if (g_ascii_string_to_unsigned (region_key, 10, 100000, 999999, &code, NULL))
        districts = tanlu_store_list_district_targets (store, code, indicator, &error);
      if (districts == NULL || districts->len == 0)
        {
          g_printerr (_("tanlu: there is no region or group “%s”\n"), region_key);
          return 1;
        }
      targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
    }
  else
    {
      if (g_strcmp0 (level, "district") != 0 &&
          !(targets = tanlu_store_list_policy_targets (store,
                                                       region != NULL ? tanlu_region_get_code (region)
                                                                      : 0,
                                                       indicator, &error)))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
      if (targets == NULL)
        targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_policy_target_free);
      if (region == NULL && (level == NULL || g_str_equal (level, "district")) &&
          !(districts = tanlu_store_list_district_targets (store, 0, indicator, &error)))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
    }
  if (districts != NULL)
    g_ptr_array_extend_and_steal (targets, g_steal_pointer (&districts));

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
