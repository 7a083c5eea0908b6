/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-tracker-csv"

#include "config.h"

#include "tanlu-tracker-csv.h"
#include "import/tanlu-csv.h"
#include "store/tanlu-store.h"

/**
 * tanlu_tracker_csv:
 * @tasks: (element-type TanluJointTask): the joint tasks, as
 *   tanlu_store_list_joint_tasks() gives them
 *
 * The tracker as CSV, one task a row with its action, lead units, sites,
 * status, note and dates; what `tanlu tracker export` and the Tracker page
 * write, and what `tanlu tracker import` reads back.
 *
 * Returns: (transfer full): the CSV text, header first
 */
char *
tanlu_tracker_csv (GPtrArray *tasks)
{
  GString *out = g_string_new ("action,action_title,task,title,chongqing_lead,chongqing_units,"
                               "sichuan_lead,sichuan_units,sites,status,note,date,changed_at\n");

  for (guint i = 0; i < tasks->len; i++)
    {
      const TanluJointTask *task = g_ptr_array_index (tasks, i);
      const char *fields[] = { task->action_title, task->title, task->chongqing_lead,
                               task->chongqing_units, task->sichuan_lead, task->sichuan_units,
                               task->sites, task->status, task->note, task->date,
                               task->changed_at };

      g_string_append_printf (out, "%u,", task->action);
      tanlu_csv_append_field (out, fields[0]);
      g_string_append_printf (out, ",%u", task->number);
      for (guint f = 1; f < G_N_ELEMENTS (fields); f++)
        {
          g_string_append_c (out, ',');
          tanlu_csv_append_field (out, fields[f] != NULL ? fields[f] : "");
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
