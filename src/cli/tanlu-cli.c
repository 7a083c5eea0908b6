/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tanlu-cli.h"
#include "tanlu-pathway-command.h"
#include "tanlu-targets-command.h"
#include "tanlu-tracker-command.h"
#include "import/tanlu-boundary-import.h"
#include "import/tanlu-csv.h"
#include "import/tanlu-import.h"
#include "import/tanlu-recipe.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The commands planners script or run on a server: no display, no GTK. */

typedef struct
{
  const char *display_name;
  guint       index;
  guint       count;
  gboolean    on_terminal;
  int         last_percent;
} Progress;

static void
print_usage_to (FILE *stream)
{
  fprintf (stream, "%s\n",
           _("Usage:\n"
              "  tanlu [--db FILE]                   open the window\n"
              "  tanlu [--db FILE] import FILE…      import CEADs workbooks (.xlsx) or tables of "
              "observations (.csv)\n"
              "  tanlu [--db FILE] import --recipe RECIPE.json [--dry-run] FILE\n"
              "                                      import a table as a recipe describes it; "
              "--dry-run only lists what would be written\n"
              "  tanlu [--db FILE] info              count what the database holds\n"
              "  tanlu [--db FILE] export observations [--level nation|province|city] [--region "
              "CODE] [--indicator CODE]\n"
              "                                      write observations as CSV to standard output\n"
              "  tanlu [--db FILE] boundaries load FILE.geojson --source TEXT\n"
              "                                      load official boundaries, named by their source\n"
              "  tanlu [--db FILE] boundaries revert  go back to the bundled boundaries\n"
              "  tanlu [--db FILE] pathway run|list|export|import …\n"
              "                                      emission pathways to 2060 (tanlu pathway for more)\n"
              "  tanlu [--db FILE] targets list [--region CODE] [--level LEVEL] [--indicator CODE] "
              "[--format csv|json]\n"
              "                                      the plans' quantitative targets, with their quotes\n"
              "  tanlu [--db FILE] targets import --plan PLAN.txt [--region CODE] [--level LEVEL] "
              "[--title TEXT] [--issuer TEXT] [--replace] TARGETS.csv\n"
              "                                      add a plan of your own and its targets\n"
              "  tanlu [--db FILE] targets report --region CODE [--format csv|json]\n"
              "                                      the region's targets against the latest data "
              "and its saved pathways\n"
              "  tanlu [--db FILE] tracker list|set TASK STATUS|undo TASK|export|import FILE …\n"
              "                                      the Chengdu–Chongqing joint plan's tasks and their status\n"
              "  tanlu [--db FILE] tracker export --format csv|pdf -o FILE\n"
              "                                      the tasks as CSV, or a one-page progress report (PDF)\n"
              "  tanlu [--db FILE] render chart --spec SPEC.json -o OUT.(png|svg|pdf)\n"
              "  tanlu [--db FILE] render batch SPECS.jsonl -o DIRECTORY\n"
              "                                      draw charts without a display\n"
              "\n"
              "Without --db, the database is $XDG_DATA_HOME/tanlu/tanlu.db, created from the "
              "bundled dataset."));
}

static TanluStore *
open_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  TanluStore *store;

  if (!(store = tanlu_store_open (db_path, &error)))
    g_printerr ("tanlu: %s\n", error->message);

  return store;
}

/* For commands that only read: a database that cannot be written is read
 * as it is. */
static TanluStore *
open_store_for_reading (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  TanluStore *store;

  if (!(store = tanlu_store_open_for_reading (db_path, &error)))
    g_printerr ("tanlu: %s\n", error->message);

  return store;
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int)(fraction * 100);

  if (!progress->on_terminal || percent == progress->last_percent)
    return;

  progress->last_percent = percent;
  g_printerr ("\r\033[K[%u/%u] %3d%% %s", progress->index, progress->count, percent,
              progress->display_name);
}

/* `import --recipe RECIPE.json [--dry-run] FILE`. The lines before the last
 * are stable keywords for scripts: "new", "replaced", "unchanged",
 * "skipped-totals", "skipped-missing", "skipped-regions" with counts, then one "replace CODE
 * YEAR OLD -> NEW" per replaced value and one "skip WHERE: REASON" per
 * skipped row or cell. */
static int
run_recipe_import (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluRecipe) recipe = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *recipe_path = NULL;
  const char *path = NULL;
  gboolean dry_run = FALSE;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--recipe") && i + 1 < argc)
        recipe_path = argv[++i];
      else if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        {
          g_printerr ("tanlu: %s\n", _("usage: import --recipe RECIPE.json [--dry-run] FILE"));
          return 2;
        }
    }
  if (recipe_path == NULL || path == NULL)
    {
      g_printerr ("tanlu: %s\n", _("usage: import --recipe RECIPE.json [--dry-run] FILE"));
      return 2;
    }

  if (!(recipe = tanlu_recipe_load (recipe_path, &error)))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }
  if (!(store = open_store (db_path)))
    return 1;

  if (!tanlu_recipe_apply (store, recipe, path, dry_run, &result, NULL, NULL, NULL, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  g_print ("new %u\n", result->n_new);
  g_print ("replaced %u\n", result->n_replaced);
  g_print ("unchanged %u\n", result->n_unchanged);
  g_print ("skipped-totals %u\n", result->n_total_rows);
  g_print ("skipped-missing %u\n", result->n_missing);
  g_print ("skipped-regions %u\n", result->n_skipped_regions);
  for (guint i = 0; i < result->replaced->len; i++)
    g_print ("replace %s\n", (const char *) g_ptr_array_index (result->replaced, i));
  for (guint i = 0; i < result->skipped->len; i++)
    g_print ("skip %s\n", (const char *) g_ptr_array_index (result->skipped, i));
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  else
    /* Translators: %u is the number of values written */
    g_print (ngettext ("%u value written.\n", "%u values written.\n",
                       result->n_new + result->n_replaced + result->n_unchanged),
             result->n_new + result->n_replaced + result->n_unchanged);

  return 0;
}

static int
run_import (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(TanluStore) store = NULL;
  Progress progress = { 0 };
  guint n_landed = 0;
  guint n_values = 0;
  guint n_unmatched = 0;
  guint n_warnings = 0;
  int n_files = argc - 2;

  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--recipe"))
      return run_recipe_import (db_path, argc, argv);

  if (n_files <= 0)
    {
      g_printerr ("tanlu: %s\n", _("import needs at least one file"));
      return 2;
    }

  if (!(store = open_store (db_path)))
    return 1;

  progress.on_terminal = isatty (STDERR_FILENO);
  progress.count = n_files;

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(TanluImportReport) report = NULL;
      g_autofree char *line = NULL;
      g_autofree char *display_name = g_path_get_basename (argv[2 + i]);

      progress.display_name = display_name;
      progress.index = i + 1;
      progress.last_percent = -1;

      report = tanlu_import_file (store, argv[2 + i], on_import_progress, &progress, NULL);

      if (progress.on_terminal)
        g_printerr ("\r\033[K");

      line = tanlu_import_report_describe (report);
      if (report->status == TANLU_IMPORT_STATUS_LANDED)
        {
          g_print ("%s\n", line);
          n_landed++;
          n_values += report->n_values;
        }
      else
        g_printerr ("tanlu: %s\n", line);

      /* What a file that did not land would have noted is moot. */
      if (report->status != TANLU_IMPORT_STATUS_LANDED)
        continue;

      for (guint w = 0; w < report->unmatched->len; w++)
        g_print ("  %s %s\n", _("unmatched:"),
                 (const char *) g_ptr_array_index (report->unmatched, w));
      for (guint w = 0; w < report->warnings->len; w++)
        g_print ("  %s %s\n", _("warning:"), (const char *)g_ptr_array_index (report->warnings, w));

      n_unmatched += report->unmatched->len;
      n_warnings += report->warnings->len;
    }

  /* Translators: the summary after importing several files */
  g_print (_("%u of %u files imported; %'u values; %u unmatched names; %u warnings\n"),
           n_landed, (guint)n_files, n_values, n_unmatched, n_warnings);

  return n_landed == (guint)n_files ? 0 : 1;
}

/* `boundaries load FILE --source TEXT` and `boundaries revert`. */
static int
run_boundaries (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source_text = NULL;
  g_autofree char *path = NULL;

  if (argc == 3 && g_str_equal (argv[2], "revert"))
    {
      guint n_reverted = 0;

      if (!(store = open_store (db_path)))
        return 1;
      if (!tanlu_boundaries_revert (store, &n_reverted, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
      g_print (ngettext ("%u region has its bundled boundary again\n",
                         "%u regions have their bundled boundary again\n", n_reverted),
               n_reverted);
      return 0;
    }

  if (argc >= 4 && g_str_equal (argv[2], "load"))
    {
      for (int i = 3; i < argc; i++)
        {
          if (g_str_equal (argv[i], "--source") && i + 1 < argc)
            {
              g_free (source_text);
              source_text = g_strdup (argv[++i]);
            }
          else if (path == NULL && !g_str_has_prefix (argv[i], "--"))
            path = g_strdup (argv[i]);
          else
            {
              print_usage_to (stderr);
              return 2;
            }
        }
    }

  if (path == NULL || source_text == NULL)
    {
      g_printerr ("tanlu: %s\n",
                  _("boundaries needs “load FILE --source TEXT” or “revert”; the source says "
                    "whose boundaries they are, such as the publisher and the approval number"));
      return 2;
    }

  {
    g_autoptr(TanluBoundaryReport) report = NULL;
    g_autofree char *display_name = g_path_get_basename (path);
    g_autofree char *text = NULL;
    Progress progress = { display_name, 1, 1, isatty (STDERR_FILENO), -1 };

    if (!(store = open_store (db_path)))
      return 1;

    if (!tanlu_boundaries_import (store, path, source_text, on_import_progress, &progress, NULL,
                                  &report, &error))
      {
        if (progress.on_terminal)
          g_printerr ("\r\033[K");
        g_printerr ("tanlu: %s\n", error->message);
        if (report != NULL && report->invalid->len + report->unknown_codes->len +
                                report->duplicates->len > 1)
          {
            text = tanlu_boundary_report_to_string (report);
            g_printerr ("%s\n", text);
          }
        return 1;
      }

    if (progress.on_terminal)
      g_printerr ("\r\033[K");
    text = tanlu_boundary_report_to_string (report);
    g_print ("%s\n", text);
  }

  return 0;
}

static int
run_info (const char *db_path)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  TanluStoreCounts counts;

  if (!(store = open_store_for_reading (db_path)))
    return 1;

  if (!tanlu_store_get_counts (store, &counts, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  g_print (_("Database: %s (schema %u)\n"), tanlu_store_get_path (store),
           tanlu_store_get_schema_version (store));
  g_print (_("Regions: %u nation, %u provincial units, %u prefecture-level units, %u groups; "
             "%u former units\n"),
           counts.n_regions[TANLU_REGION_LEVEL_NATION],
           counts.n_regions[TANLU_REGION_LEVEL_PROVINCE], counts.n_regions[TANLU_REGION_LEVEL_CITY],
           counts.n_regions[TANLU_REGION_LEVEL_GROUP], counts.n_former_regions);
  g_print (_("Boundaries: %u\n"), counts.n_boundaries);
  g_print (_("Indicators: %u\n"), counts.n_indicators);
  g_print (_("Observations: %'u\n"), counts.n_observations);
  if (counts.n_observations > counts.n_projected)
    g_print (_("Years: %u–%u\n"), counts.first_year, counts.last_year);
  if (counts.n_projected > 0)
    g_print (_("Projections: %'u values, to %u (from projection sources, never shown as "
               "observed)\n"),
             counts.n_projected, counts.last_projected_year);
  g_print (_("Sources: %u\n"), counts.n_sources);

  sources = tanlu_store_list_sources (store);
  for (guint i = 0; i < sources->len; i++)
    {
      TanluSource *source = g_ptr_array_index (sources, i);

      g_print ("  %s: %s\n    %s\n", tanlu_source_get_key (source), tanlu_source_get_title (source),
               tanlu_source_get_citation (source));
    }

  return 0;
}

typedef struct
{
  GString     *line;
  FILE        *stream;
  TanluStore  *store;
  TanluRegion *group;     /* the group exported, or NULL */
  GHashTable  *coverage;  /* "indicator year" → members with a figure, for a group */
} ExportState;

static gboolean
count_member_cb (TanluRegion                   *region,
                 TanluIndicator                *indicator,
                 guint                          year,
                 double                         value,
                 TanluSource                   *source,
                 const TanluObservationDetails *details,
                 gpointer                       user_data)
{
  GHashTable *coverage = user_data;
  char *key = g_strdup_printf ("%s %u", tanlu_indicator_get_code (indicator), year);

  g_hash_table_insert (coverage, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (coverage, key)) + 1));

  return TRUE;
}

static gboolean
export_observation (TanluRegion                   *region,
                    TanluIndicator                *indicator,
                    guint                          year,
                    double                         value,
                    TanluSource                   *source,
                    const TanluObservationDetails *details,
                    gpointer                       user_data)
{
  ExportState *state = user_data;
  g_autofree char *number = tanlu_csv_format_double (value);
  GString *line = state->line;

  g_string_truncate (line, 0);
  g_string_append_printf (line, "%u,", tanlu_region_get_code (region));
  tanlu_csv_append_field (line, tanlu_region_get_name_zh (region));
  g_string_append_c (line, ',');
  tanlu_csv_append_field (line, tanlu_region_get_name_en (region));
  g_string_append_c (line, ',');
  tanlu_csv_append_field (line, tanlu_indicator_get_code (indicator));
  g_string_append_printf (line, ",%u,%s,", year, number);
  tanlu_csv_append_field (line, tanlu_indicator_get_unit (indicator));
  g_string_append_c (line, ',');
  tanlu_csv_append_field (line, tanlu_source_get_title_en (source));
  g_string_append_c (line, ',');
  /* Every figure with its citation and where it was read: the file, sheet
   * and cell (or line), the code the file used when it was an old one, and
   * when it was imported here. */
  tanlu_csv_append_field (line, tanlu_source_get_citation (source));
  g_string_append_c (line, ',');
  tanlu_csv_append_field (line, details->origin != NULL ? details->origin : "");
  if (details->source_code != 0)
    g_string_append_printf (line, ",%u,", details->source_code);
  else
    g_string_append (line, ",,");
  tanlu_csv_append_field (line, details->imported_at != NULL ? details->imported_at : "");
  g_string_append_c (line, ',');
  tanlu_csv_append_field (line, tanlu_source_is_projection (source) ? "projection" : "observed");

  /* What a reader of the row must know: a figure the source gives as
   * incomplete, and for a group's members, how many have a figure. */
  {
    const char *incomplete = tanlu_store_get_incomplete (state->store,
                                                        tanlu_region_get_code (region), year);
    g_autoptr(GString) note = g_string_new (incomplete);

    g_string_append (line, incomplete != NULL ? ",incomplete," : ",,");
    if (state->group != NULL)
      {
        g_autofree char *key = g_strdup_printf ("%s %u", tanlu_indicator_get_code (indicator), year);
        guint n_members;
        guint with_figure = GPOINTER_TO_UINT (g_hash_table_lookup (state->coverage, key));

        tanlu_region_get_member_codes (state->group, &n_members);
        if (note->len > 0)
          g_string_append (note, "; ");
        g_string_append_printf (note, "%s: %u of %u members have a figure for %u",
                                tanlu_region_get_name_en (state->group), with_figure, n_members,
                                year);
      }
    tanlu_csv_append_field (line, note->str);
  }
  g_string_append_c (line, '\n');

  return fwrite (line->str, 1, line->len, state->stream) == line->len;
}

static int
run_export (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *level_text = NULL;
  g_autofree char *region_key = NULL;
  g_autofree char *indicator_code = NULL;
  TanluRegionLevel level = TANLU_REGION_LEVEL_NATION;
  TanluRegion *region = NULL;
  ExportState state = { line, stdout, NULL, NULL, NULL };
  g_autoptr(GHashTable) coverage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint *codes = NULL;
  guint n_codes = 0;
  guint single_code;
  GOptionEntry entries[] = { { "level", 0, 0, G_OPTION_ARG_STRING, &level_text,
                               N_("Only regions of this level"), "nation|province|city" },
                             { "region", 0, 0, G_OPTION_ARG_STRING, &region_key,
                               N_("Only this region, or the members of this group"), "CODE" },
                             { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator_code,
                               N_("Only this indicator"), "CODE" },
                             { NULL } };

  context = g_option_context_new ("observations");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* argv[1] is "export"; parse from there so "observations" is the first
   * remaining argument. */
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || !g_str_equal (argv[1], "observations"))
    {
      g_printerr ("tanlu: %s\n", _("export knows one kind of data: tanlu export observations"));
      return 2;
    }

  if (level_text != NULL &&
      (!tanlu_region_level_from_string (level_text, &level) || level == TANLU_REGION_LEVEL_GROUP))
    {
      g_printerr ("tanlu: %s\n", _("--level must be nation, province or city"));
      return 2;
    }

  if (!(store = open_store_for_reading (db_path)))
    return 1;

  if (region_key != NULL && !(region = tanlu_store_lookup_region_by_key (store, region_key)))
    {
      g_printerr (_("tanlu: there is no region or group “%s”\n"), region_key);
      return 1;
    }

  if (indicator_code != NULL && tanlu_store_lookup_indicator (store, indicator_code) == NULL)
    {
      g_printerr (_("tanlu: there is no indicator “%s”\n"), indicator_code);
      return 1;
    }

  state.store = store;
  if (region != NULL && tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      codes = tanlu_region_get_member_codes (region, &n_codes);
      state.group = region;
      state.coverage = coverage;
      for (guint i = 0; i < n_codes; i++)
        if (!tanlu_store_foreach_observation (store, FALSE, TANLU_REGION_LEVEL_NATION, codes[i],
                                              indicator_code, count_member_cb, coverage, &error))
          {
            g_printerr ("tanlu: %s\n", error->message);
            return 1;
          }
    }
  else
    {
      single_code = region != NULL ? tanlu_region_get_code (region) : 0;
      codes = &single_code;
      n_codes = 1;
    }

  fputs ("region_code,region_name_zh,region_name_en,indicator,year,value,unit,source,citation,"
         "origin,source_code,imported_at,kind,flag,note\n",
         stdout);

  for (guint i = 0; i < n_codes; i++)
    {
      if (!tanlu_store_foreach_observation (store, level_text != NULL, level, codes[i],
                                            indicator_code, export_observation, &state, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("tanlu: %s\n", _("could not write the output"));
      return 1;
    }

  return 0;
}

/**
 * tanlu_cli_run:
 * @db_path: (nullable): the database given with --db
 * @argc: arguments after --db was removed; argv[1] is the command
 *
 * Returns: the process exit status
 */
int
tanlu_cli_run (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_return_val_if_fail (argc >= 2, 2);

  if (g_str_equal (argv[1], "import"))
    return run_import (db_path, argc, argv);

  if (g_str_equal (argv[1], "info"))
    {
      if (argc != 2)
        {
          print_usage_to (stderr);
          return 2;
        }
      return run_info (db_path);
    }

  if (g_str_equal (argv[1], "export"))
    return run_export (db_path, argc, argv);

  if (g_str_equal (argv[1], "boundaries"))
    return run_boundaries (db_path, argc, argv);

  if (g_str_equal (argv[1], "pathway"))
    return tanlu_pathway_command_run (db_path, argc, argv);

  if (g_str_equal (argv[1], "targets"))
    return tanlu_targets_command_run (db_path, argc, argv);

  if (g_str_equal (argv[1], "tracker"))
    return tanlu_tracker_command_run (db_path, argc, argv);

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("tanlu %s\n", PACKAGE_VERSION);
      return 0;
    }

  print_usage_to (stdout);
  return 0;
}

void
tanlu_cli_print_usage (void)
{
  print_usage_to (stderr);
}

