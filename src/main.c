/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tanlu-application.h"
#include "tanlu-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!tanlu_cli_extract_db_option (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  /* Commands run headless, without touching the display. */
  if (tanlu_cli_is_command (argc, argv))
    return tanlu_cli_run (db_path, argc, argv);

  app = tanlu_application_new (db_path);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
