/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tanlu-cli.h"

/* `tanlu` runs the headless commands itself and starts the window program
 * otherwise, so scripts and imports never load GTK. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int original_argc = argc;
  g_auto(GStrv) original_argv = g_strdupv (argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tanlu_cli_locale_directory ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!tanlu_cli_extract_db_option (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (tanlu_cli_is_command (argc, argv))
    return tanlu_cli_run (db_path, argc, argv);

  return tanlu_cli_start_window (original_argc, original_argv);
}
