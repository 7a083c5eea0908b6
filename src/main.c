/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tanlu-application.h"
#include "tanlu-cli.h"

/* Translations of a program run from its build tree are in the build tree. */
static const char *
locale_directory (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

  if (executable != NULL && g_str_has_prefix (executable, TANLU_BUILD_ROOT "/"))
    return TANLU_BUILD_ROOT "/po";

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_directory ());
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
