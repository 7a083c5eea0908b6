/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include "tanlu-arguments.h"
#include "tanlu-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  tanlu_arguments_setup ();

  if (!tanlu_arguments_extract_db (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (!tanlu_arguments_is_command (argc, argv))
    {
      tanlu_cli_print_usage ();
      return 2;
    }

  return tanlu_cli_run (db_path, argc, argv);
}
