/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-arguments"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tanlu-arguments.h"

#include <string.h>

/* What the launcher, the commands and the window share about the command
 * line. Needs nothing but GLib, so the launcher stays small. */

static const char *const commands[] = {
  "import", "info", "export", "boundaries", "pathway", "targets", "tracker", "render", "help", "--help", "-h", "--version",
};

/**
 * tanlu_arguments_is_command:
 *
 * Returns: whether argv[1] names a headless command
 */
gboolean
tanlu_arguments_is_command (int    argc,
                            char **argv)
{
  if (argc < 2)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i]))
      return TRUE;

  return FALSE;
}

/**
 * tanlu_arguments_program:
 *
 * Returns: the program that handles the arguments: `tanlu-render` draws
 *   pictures, `tanlu-cli` runs the other commands, `tanlu-window` opens the
 *   window
 */
const char *
tanlu_arguments_program (int    argc,
                         char **argv)
{
  if (!tanlu_arguments_is_command (argc, argv))
    return "tanlu-window";

  return g_str_equal (argv[1], "render") ? "tanlu-render" : "tanlu-cli";
}

/**
 * tanlu_arguments_extract_db:
 * @db_path: (out): the file given with --db, or %NULL
 *
 * Removes `--db FILE` or `--db=FILE` from the arguments before the
 * command, so the window and the commands share it.
 */
gboolean
tanlu_arguments_extract_db (int      *argc,
                            char   ***argv,
                            char    **db_path,
                            GError  **error)
{
  char **args = *argv;
  int out = 1;

  *db_path = NULL;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (args[i], "--db"))
        {
          if (i + 1 >= *argc)
            {
              g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                   _("--db needs a file name"));
              return FALSE;
            }
          g_free (*db_path);
          *db_path = g_strdup (args[++i]);
          continue;
        }

      if (g_str_has_prefix (args[i], "--db="))
        {
          g_free (*db_path);
          *db_path = g_strdup (args[i] + strlen ("--db="));
          continue;
        }

      args[out++] = args[i];

      /* Everything after the command belongs to it. */
      if (tanlu_arguments_is_command (2, (char *[]) { args[0], args[i], NULL }))
        {
          for (i++; i < *argc; i++)
            args[out++] = args[i];
          break;
        }
    }

  args[out] = NULL;
  *argc = out;

  return TRUE;
}

/* A program started from its build tree finds this file beside it, naming
 * the build tree; installed programs have none. Nothing of the build tree
 * is compiled into the programs. */
#define BUILD_TREE_FILE "tanlu-build-tree.ini"

/**
 * tanlu_arguments_get_build_tree:
 *
 * Returns: (nullable): the build tree this program runs from, where it
 *   finds its companions, data, schema and translations; %NULL when it is
 *   installed
 */
const char *
tanlu_arguments_get_build_tree (void)
{
  static gsize initialized = 0;
  static char *build_tree = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *directory = executable != NULL ? g_path_get_dirname (executable) : NULL;
      g_autofree char *marker =
        directory != NULL ? g_build_filename (directory, BUILD_TREE_FILE, NULL) : NULL;
      g_autoptr(GKeyFile) key_file = g_key_file_new ();

      if (marker != NULL && g_key_file_load_from_file (key_file, marker, G_KEY_FILE_NONE, NULL))
        build_tree = g_key_file_get_string (key_file, "Build Tree", "root", NULL);
      g_once_init_leave (&initialized, 1);
    }

  return build_tree;
}

/**
 * tanlu_arguments_get_program_directory:
 *
 * Returns: where `tanlu` finds the programs it starts
 */
const char *
tanlu_arguments_get_program_directory (void)
{
  static gsize initialized = 0;
  static char *directory = NULL;

  if (g_once_init_enter (&initialized))
    {
      const char *build_tree = tanlu_arguments_get_build_tree ();

      directory =
        build_tree != NULL ? g_build_filename (build_tree, "src", NULL) : g_strdup (LIBEXECDIR);
      g_once_init_leave (&initialized, 1);
    }

  return directory;
}

/**
 * tanlu_arguments_setup:
 *
 * What every program does first: from the build tree, point at its
 * bundled dataset and settings schema (unless the environment already
 * does); then set up the translations.
 */
void
tanlu_arguments_setup (void)
{
  const char *build_tree = tanlu_arguments_get_build_tree ();
  g_autofree char *locale_directory = NULL;

  if (build_tree != NULL)
    {
      g_autofree char *dataset = g_build_filename (build_tree, "data", "tanlu.db", NULL);
      g_autofree char *schemas = g_build_filename (build_tree, "data", NULL);

      g_setenv ("TANLU_BUNDLED_DATASET", dataset, FALSE);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
      locale_directory = g_build_filename (build_tree, "po", NULL);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_directory != NULL ? locale_directory : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
