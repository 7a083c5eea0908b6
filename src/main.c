/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include "app/tanlu-application.h"
#include "cli/tanlu-arguments.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  tanlu_arguments_setup ();

  /* The window belongs to the program the user started. */
  g_set_prgname ("tanlu");

  if (!tanlu_arguments_extract_db (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  app = tanlu_application_new (db_path);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
