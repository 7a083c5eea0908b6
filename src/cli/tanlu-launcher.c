/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-arguments.h"

#include <errno.h>
#include <unistd.h>

/* `tanlu` starts one of three programs: the headless commands, which never
 * load GTK or Pango, the renderer of pictures, or the window. Linking only
 * GLib keeps this hop short. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) arguments = g_strdupv (argv);
  int n_arguments = argc;
  const char *program;
  const char *directory;
  int saved_errno;

  tanlu_arguments_setup ();

  if (!tanlu_arguments_extract_db (&n_arguments, &arguments, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  program = tanlu_arguments_program (n_arguments, arguments);
  directory = tanlu_arguments_get_program_directory ();

  /* The program gets the arguments exactly as given, --db included. */
  argv[0] = g_build_filename (directory, program, NULL);
  execv (argv[0], argv);

  saved_errno = errno;
  g_printerr (_("tanlu: could not start “%s”: %s\n"), argv[0], g_strerror (saved_errno));

  return 1;
}
