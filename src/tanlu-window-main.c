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
  bindtextdomain (GETTEXT_PACKAGE, tanlu_cli_locale_directory ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The window belongs to the application the user started. */
  g_set_prgname ("tanlu");

  if (!tanlu_cli_extract_db_option (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  app = tanlu_application_new (db_path);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
