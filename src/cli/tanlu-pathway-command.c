/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdio.h>

#include "tanlu-pathway-command.h"
#include "import/tanlu-input.h"
#include "pathways/tanlu-pathway-check.h"
#include "pathways/tanlu-pathway-export.h"
#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

/* `tanlu pathway`: run, list, export and import emission pathways. */

#define MAX_SPEC_SIZE (G_GINT64_CONSTANT (16) << 20)

static const char usage[] =
  N_("Usage:\n"
     "  tanlu [--db FILE] pathway run SPEC.json [--format csv|json]\n"
     "  tanlu [--db FILE] pathway run --region CODE --preset trend|targets|accelerated "
     "[--format csv|json]\n"
     "  tanlu [--db FILE] pathway run --name NAME [--format csv|json]\n"
     "                                      write a pathway's figures to standard output\n"
     "  tanlu [--db FILE] pathway list [--region CODE]\n"
     "  tanlu [--db FILE] pathway export NAME [--format json|iamc|csv] [-o FILE]\n"
     "  tanlu [--db FILE] pathway import FILE [--name NAME] [--replace]\n");

static int
fail (GError *error)
{
  g_printerr ("tanlu: %s\n", error->message);
  return 1;
}

static int
bad_usage (const char *message)
{
  if (message != NULL)
    g_printerr ("tanlu: %s\n", message);
  g_printerr ("%s", _(usage));
  return 2;
}

static TanluPathwaySpec *
read_spec (const char  *path,
           GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = tanlu_input_read (path, name, MAX_SPEC_SIZE, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return tanlu_pathway_spec_new_from_json (data, length, name, error);
}

static gboolean
write_output (const char  *output,
              const char  *text,
              gsize        length,
              GError     **error)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not write the output"));
          return FALSE;
        }
      return TRUE;
    }

  return g_file_set_contents (output, text, length, error);
}

static gboolean
write_pathway (TanluPathwayLibrary  *library,
               TanluPathway         *pathway,
               const char           *format,
               const char           *output,
               GError              **error)
{
  if (format == NULL || g_str_equal (format, "csv"))
    {
      g_autoptr(GString) csv = g_string_new (TANLU_PATHWAY_CSV_HEADER);

      tanlu_pathway_append_csv (csv, pathway);
      return write_output (output, csv->str, csv->len, error);
    }

  if (g_str_equal (format, "json"))
    {
      g_autoptr(GPtrArray) checks = tanlu_pathway_library_check (library, pathway, error);
      g_autofree char *json = NULL;

      if (checks == NULL)
        return FALSE;
      json = tanlu_pathway_to_json (pathway, checks);
      return write_output (output, json, strlen (json), error) &&
             (output != NULL || write_output (NULL, "\n", 1, error));
    }

  if (g_str_equal (format, "iamc"))
    {
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autoptr(GPtrArray) pathways = g_ptr_array_new ();

      g_ptr_array_add (pathways, pathway);
      tanlu_pathway_append_iamc (csv, pathways, TRUE);
      return write_output (output, csv->str, csv->len, error);
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--format must be csv, json or iamc"));
  return FALSE;
}

static int
run_run (TanluPathwayLibrary *library,
         int                  argc,
         char               **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathway) pathway = NULL;
  g_autofree char *region = NULL;
  g_autofree char *preset_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int end_year = 0;
  GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("The region or group of a preset"), "CODE" },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset_text, N_("A preset"),
      "trend|targets|accelerated" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A saved pathway"), "NAME" },
    { "end-year", 0, 0, G_OPTION_ARG_INT, &end_year, N_("The last year of a preset"), "YEAR" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here, not to standard output"),
      "FILE" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bad_usage (error->message);

  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return bad_usage (_("--format must be csv or json"));

  if (argc == 2 && region == NULL && preset_text == NULL && name == NULL)
    {
      g_autoptr(TanluPathwaySpec) spec = read_spec (argv[1], &error);

      if (spec == NULL || !(pathway = tanlu_pathway_library_run (library, spec, &error)))
        return fail (error);
    }
  else if (argc == 1 && region != NULL && preset_text != NULL && name == NULL)
    {
      g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new (NULL, region);
      TanluPreset preset;

      if (!tanlu_preset_from_string (preset_text, &preset))
        {
          g_autofree char *quoted = tanlu_input_quote (preset_text, -1);
          g_autofree char *message = g_strdup_printf (
            _("--preset: there is no preset “%s”; the presets are trend, targets and accelerated"),
            quoted);

          g_printerr ("tanlu: %s\n", message);
          return 1;
        }

      tanlu_pathway_spec_set_name (spec, tanlu_preset_to_string (preset));
      tanlu_pathway_spec_set_parent (spec, tanlu_preset_to_string (preset));
      tanlu_pathway_spec_set_end_year (spec, end_year);
      if (!(pathway = tanlu_pathway_library_run (library, spec, &error)))
        return fail (error);
    }
  else if (argc == 1 && name != NULL && region == NULL && preset_text == NULL)
    {
      if (!(pathway = tanlu_pathway_library_run_named (library, NULL, name, &error)))
        return fail (error);
    }
  else
    return bad_usage (_("pathway run needs a spec file, --region and --preset, or --name"));

  if (!write_pathway (library, pathway, format, output, &error))
    return fail (error);

  return 0;
}

static int
run_list (TanluPathwayLibrary *library,
          int                  argc,
          char               **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree char *region = NULL;
  TanluStore *store = tanlu_pathway_library_get_store (library);
  GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only this region's pathways"), "CODE" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1)
    return bad_usage (error != NULL ? error->message : NULL);

  if (!(specs = tanlu_pathway_library_list (library, region, &error)))
    return fail (error);

  g_print ("name\tregion\tregion_name\tparent\n");
  for (guint i = 0; i < specs->len; i++)
    {
      TanluPathwaySpec *spec = g_ptr_array_index (specs, i);
      TanluRegion *found = tanlu_store_lookup_region_by_key (store,
                                                             tanlu_pathway_spec_get_region (spec));
      const char *parent = tanlu_pathway_spec_get_parent (spec);

      g_print ("%s\t%s\t%s\t%s\n", tanlu_pathway_spec_get_name (spec),
               tanlu_pathway_spec_get_region (spec),
               found != NULL ? tanlu_region_get_display_name (found) : "?",
               parent != NULL ? parent : "");
    }

  return 0;
}

static int
run_export (TanluPathwayLibrary *library,
            int                  argc,
            char               **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("json (the pathway, default), iamc or csv (its figures)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here, not to standard output"),
      "FILE" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bad_usage (error->message);
  if (argc != 2)
    return bad_usage (_("pathway export needs the name of a saved pathway"));

  if (!(spec = tanlu_pathway_library_lookup (library, argv[1], &error)))
    {
      if (error == NULL)
        {
          g_autofree char *quoted = tanlu_input_quote (argv[1], -1);

          g_printerr (_("tanlu: there is no saved pathway “%s”\n"), quoted);
          return 1;
        }
      return fail (error);
    }

  if (format == NULL || g_str_equal (format, "json"))
    {
      g_autofree char *json = tanlu_pathway_spec_to_json (spec);
      g_autofree char *text = g_strconcat (json, "\n", NULL);

      if (!write_output (output, text, strlen (text), &error))
        return fail (error);
      return 0;
    }

  if (!g_str_equal (format, "iamc") && !g_str_equal (format, "csv"))
    return bad_usage (_("--format must be json, iamc or csv"));

  {
    g_autoptr(TanluPathway) pathway = tanlu_pathway_library_run (library, spec, &error);

    if (pathway == NULL || !write_pathway (library, pathway, format, output, &error))
      return fail (error);
  }

  return 0;
}

static int
run_import (TanluPathwayLibrary *library,
            int                  argc,
            char               **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(TanluPathwaySpec) existing = NULL;
  g_autoptr(TanluPathway) pathway = NULL;
  g_autofree char *name = NULL;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Save it under this name"), "NAME" },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a saved pathway of the same name"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bad_usage (error->message);
  if (argc != 2)
    return bad_usage (_("pathway import needs one file"));

  if (!(spec = read_spec (argv[1], &error)))
    return fail (error);

  if (name != NULL)
    tanlu_pathway_spec_set_name (spec, name);
  if (tanlu_pathway_spec_get_name (spec) == NULL)
    {
      g_printerr ("tanlu: %s\n",
                  _("the pathway has no “name”; give one with --name"));
      return 1;
    }

  /* It must run before it is saved: a pathway that cannot be computed is
   * refused and the database stays as it was. */
  if (!(pathway = tanlu_pathway_library_run (library, spec, &error)))
    return fail (error);

  existing = tanlu_pathway_library_lookup (library, tanlu_pathway_spec_get_name (spec), &error);
  if (error != NULL)
    return fail (error);
  if (existing != NULL)
    {
      if (!replace)
        {
          g_printerr (_("tanlu: there is already a pathway named “%s”; give --replace to replace "
                        "it or --name to save it under another name\n"),
                      tanlu_pathway_spec_get_name (spec));
          return 1;
        }
      tanlu_pathway_spec_set_id (spec, tanlu_pathway_spec_get_id (existing));
    }

  if (!tanlu_pathway_library_save (library, spec, &error))
    return fail (error);

  g_print (_("Saved the pathway “%s” for %s, %u–%u\n"), tanlu_pathway_spec_get_name (spec),
           pathway->region_name_en, pathway->base_year, pathway->end_year);
  return 0;
}

/**
 * tanlu_pathway_command_run:
 * @argc: argv[1] is "pathway"
 *
 * Returns: the process's exit status
 */
int
tanlu_pathway_command_run (const char  *db_path,
                           int          argc,
                           char       **argv)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluPathwayLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  gboolean writes;

  if (argc < 3)
    return bad_usage (NULL);

  command = argv[2];
  writes = g_str_equal (command, "import");
  if (!g_str_equal (command, "run") && !g_str_equal (command, "list") &&
      !g_str_equal (command, "export") && !writes)
    return bad_usage (NULL);

  store = writes ? tanlu_store_open (db_path, &error) : tanlu_store_open_for_reading (db_path,
                                                                                     &error);
  if (store == NULL)
    return fail (error);

  library = tanlu_pathway_library_new (store);

  /* From the subcommand on, as GOption expects the program first. */
  argc -= 2;
  argv += 2;

  if (g_str_equal (command, "run"))
    return run_run (library, argc, argv);
  if (g_str_equal (command, "list"))
    return run_list (library, argc, argv);
  if (g_str_equal (command, "export"))
    return run_export (library, argc, argv);

  return run_import (library, argc, argv);
}
