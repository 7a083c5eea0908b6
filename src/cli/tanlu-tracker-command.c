/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-tracker-command"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-tracker-command.h"
#include "import/tanlu-plan-import.h"
#include "policy/tanlu-tracker-csv.h"
#include "store/tanlu-store.h"
#include "tanlu-arguments.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

/* tanlu tracker: the Chengdu–Chongqing joint plan's 26 tasks, their lead
 * units and the status a user gives each. */

static gboolean
parse_task (const char *text,
            guint      *task)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 999, &number, NULL))
    {
      g_printerr (_("tanlu: “%s” is not a task number; the joint plan's tasks are 1 to 26\n"),
                  text);
      return FALSE;
    }
  *task = number;
  return TRUE;
}

/* The report as a picture is drawn by `tanlu-render`, so that these
 * commands stay without Pango: this program becomes `tanlu render
 * tracker` with the same database, format and file. Returns only if that
 * fails. */
static int
exec_render (const char *db_path,
             const char *format,
             const char *output)
{
  g_autofree char *program =
    g_build_filename (tanlu_arguments_get_program_directory (), "tanlu-render", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int saved_errno;

  g_ptr_array_add (args, program);
  if (db_path != NULL)
    {
      g_ptr_array_add (args, (char *) "--db");
      g_ptr_array_add (args, (char *) db_path);
    }
  g_ptr_array_add (args, (char *) "render");
  g_ptr_array_add (args, (char *) "tracker");
  g_ptr_array_add (args, (char *) "--format");
  g_ptr_array_add (args, (char *) format);
  g_ptr_array_add (args, (char *) "-o");
  g_ptr_array_add (args, (char *) output);
  g_ptr_array_add (args, NULL);

  fflush (stdout);
  execv (program, (char **) args->pdata);

  saved_errno = errno;
  g_printerr (_("tanlu: could not start “%s”: %s\n"), program, g_strerror (saved_errno));
  return 1;
}

/**
 * tanlu_tracker_command_run:
 * @argc: argv[1] is "tracker"
 *
 * Returns: the process exit status
 */
int
tanlu_tracker_command_run (const char  *db_path,
                           int          argc,
                           char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const char *command;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A progress note (set)"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date the status holds from (set)"),
      "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv, or pdf for a one-page report (export)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (export)"), "FILE" },
    { NULL },
  };

  context = g_option_context_new ("list|set TASK STATUS|undo TASK|export|import FILE");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  command = argc >= 2 ? argv[1] : "";
  if (!((g_str_equal (command, "list") && argc == 2) ||
        (g_str_equal (command, "export") && argc == 2) ||
        (g_str_equal (command, "set") && argc == 4) ||
        (g_str_equal (command, "undo") && argc == 3) ||
        (g_str_equal (command, "import") && argc == 3)))
    {
      g_printerr ("tanlu: %s\n",
                  _("tracker knows: list, set TASK STATUS [--note TEXT] [--date YYYY-MM-DD], "
                    "undo TASK, export --format csv|pdf -o FILE, import FILE"));
      return 2;
    }
  if (g_str_equal (command, "export") && (output == NULL || format == NULL))
    {
      g_printerr ("tanlu: %s\n", _("export needs --format csv|pdf and -o FILE"));
      return 2;
    }
  if (g_str_equal (command, "export") && !g_str_equal (format, "csv"))
    {
      /* SVG and PNG come with PDF, for slides and messages. */
      if (g_str_equal (format, "pdf") || g_str_equal (format, "svg") ||
          g_str_equal (format, "png"))
        return exec_render (db_path, format, output);

      g_printerr ("tanlu: ");
      g_printerr (_("export knows the formats csv and pdf, not “%s”"), format);
      g_printerr ("\n");
      return 2;
    }

  store = g_str_equal (command, "list") || g_str_equal (command, "export")
            ? tanlu_store_open_for_reading (db_path, &error)
            : tanlu_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  if (g_str_equal (command, "import"))
    {
      guint n_changed, n_unchanged;

      if (!tanlu_import_tracker (store, argv[2], &n_changed, &n_unchanged, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
      /* Translators: the number of tasks whose status the import changed,
       * then the number of rows that held already */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u task changed its status; %u rows held already\n",
                            "%u tasks changed their status; %u rows held already\n", n_changed),
               n_changed, n_unchanged);
      return 0;
    }

  if (g_str_equal (command, "set") || g_str_equal (command, "undo"))
    {
      guint task;
      gboolean undone = TRUE;

      if (!parse_task (argv[2], &task))
        return 1;
      if (g_str_equal (command, "set")
            ? !tanlu_store_set_task_status (store, task, argv[3], note, date, &error)
            : !tanlu_store_undo_task_status (store, task, &undone, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
      if (!undone)
        g_print (_("Task %u has no change of status to undo\n"), task);
      return 0;
    }

  if (!(tasks = tanlu_store_list_joint_tasks (store, &error)))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  {
    g_autofree char *csv = tanlu_tracker_csv (tasks);

    if (g_str_equal (command, "export"))
      {
        if (!g_file_set_contents (output, csv, -1, &error))
          {
            g_printerr ("tanlu: %s\n", error->message);
            return 1;
          }
        return 0;
      }

    if (fputs (csv, stdout) < 0 || fflush (stdout) != 0)
      {
        g_printerr ("tanlu: %s\n", _("could not write the output"));
        return 1;
      }
  }

  return 0;
}
