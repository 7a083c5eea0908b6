/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-arguments"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tanlu-arguments.h"

#include <string.h>

/* What the launcher, the commands and the window share about the command
 * line. Needs nothing but GLib, so the launcher stays small. */

static const char * const commands[] = { "import", "info", "export", "render", "help", "--help", "-h", "--version" };

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

/**
 * tanlu_arguments_in_build_tree:
 *
 * Returns: whether this program runs from its build tree, where it finds
 *   its companions, data, schema and translations
 */
gboolean
tanlu_arguments_in_build_tree (void)
{
  static gsize initialized = 0;
  static gboolean in_build_tree = FALSE;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

      in_build_tree = executable != NULL && g_str_has_prefix (executable, TANLU_BUILD_ROOT "/");
      g_once_init_leave (&initialized, 1);
    }

  return in_build_tree;
}

const char *
tanlu_arguments_locale_directory (void)
{
  return tanlu_arguments_in_build_tree () ? TANLU_BUILD_ROOT "/po" : LOCALEDIR;
}

void
tanlu_arguments_setup_gettext (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tanlu_arguments_locale_directory ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
