/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-store-private.h"

#include <string.h>

/* The Chengdu–Chongqing joint plan's tasks and the status a user gives
 * each: set in a transaction, every change kept, the last one undone by
 * marking it, never by deleting it. */

static const char * const statuses[] = { "not_started", "under_way", "done", "delayed", NULL };

/**
 * tanlu_tracker_status_is_valid:
 *
 * Returns: whether @status is not_started, under_way, done or delayed
 */
gboolean
tanlu_tracker_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

/**
 * tanlu_tracker_status_name:
 * @chinese: in Chinese, else in English
 *
 * A status in words, for the pictures and the map, whose words follow
 * their own language rather than the desktop's: the Tracker page's own
 * words are translated with the rest of the window, to the same words.
 *
 * Returns: (transfer none): the status in words, or @status itself when it
 *   is not one
 */
const char *
tanlu_tracker_status_name (const char *status,
                           gboolean    chinese)
{
  static const char * const names_en[] = { "Not started", "Under way", "Done", "Delayed" };
  static const char * const names_zh[] = { "未启动", "推进中", "已完成", "滞后" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names_en) == G_N_ELEMENTS (statuses) - 1);
  G_STATIC_ASSERT (G_N_ELEMENTS (names_zh) == G_N_ELEMENTS (statuses) - 1);

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return chinese ? names_zh[i] : names_en[i];

  return status;
}

void
tanlu_joint_task_free (TanluJointTask *task)
{
  if (task == NULL)
    return;

  g_free (task->action_title);
  g_free (task->title);
  g_free (task->text);
  g_free (task->units_text);
  g_free (task->chongqing_lead);
  g_free (task->chongqing_units);
  g_free (task->sichuan_lead);
  g_free (task->sichuan_units);
  g_free (task->sites);
  g_free (task->status);
  g_free (task->note);
  g_free (task->date);
  g_free (task->changed_at);
  g_free (task);
}

gboolean
tanlu_store_add_joint_action (TanluStore  *self,
                              guint        number,
                              const char  *numeral,
                              const char  *title,
                              gint64       title_offset,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO joint_action (number, numeral, title, title_offset)"
                          " VALUES (?1, ?2, ?3, ?4)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add a joint action");
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, number);
  sqlite3_bind_text (stmt, 2, numeral, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, title_offset);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add a joint action");
      return FALSE;
    }

  return TRUE;
}

gboolean
tanlu_store_add_joint_task (TanluStore           *self,
                            const TanluJointTask *task,
                            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO joint_task (number, action, title, text,"
                          " text_offset, units_text, chongqing_lead, chongqing_units, sichuan_lead,"
                          " sichuan_units) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add a joint task");
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, task->number);
  sqlite3_bind_int (stmt, 2, task->action);
  sqlite3_bind_text (stmt, 3, task->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, task->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, task->text_offset);
  sqlite3_bind_text (stmt, 6, task->units_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, task->chongqing_lead, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, task->chongqing_units, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, task->sichuan_lead, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, task->sichuan_units, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add a joint task");
      return FALSE;
    }

  return TRUE;
}

gboolean
tanlu_store_add_joint_site (TanluStore  *self,
                            guint        task,
                            const char  *name,
                            const char  *kind,
                            const char  *quote,
                            gint64       quote_offset,
                            const char  *region_codes,
                            const char  *location_basis,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO joint_site (task, name, kind, quote, quote_offset,"
                          " region_codes, location_basis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add a joint site");
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, task);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 3, kind);
  sqlite3_bind_text (stmt, 4, quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, quote_offset);
  sqlite3_bind_text (stmt, 6, region_codes, -1, SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 7, location_basis);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add a joint site");
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_store_list_joint_tasks:
 *
 * Returns: (transfer full) (element-type TanluJointTask) (nullable): the
 *   26 tasks in order, each with its action, lead units, sites and status
 */
GPtrArray *
tanlu_store_list_joint_tasks (TanluStore  *self,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_joint_task_free);
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT t.number, t.action, a.title, t.title, t.text, t.text_offset,"
                          " t.chongqing_lead, t.chongqing_units, t.sichuan_lead, t.sichuan_units,"
                          " (SELECT group_concat (name, '；') FROM joint_site s"
                          "  WHERE s.task = t.number),"
                          " coalesce (st.status, 'not_started'), st.note, st.date, st.changed_at"
                          " FROM joint_task t JOIN joint_action a ON a.number = t.action"
                          " LEFT JOIN tracker_status st ON st.task = t.number"
                          " ORDER BY t.number",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "list the joint tasks");
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluJointTask *task = g_new0 (TanluJointTask, 1);

      task->number = sqlite3_column_int (stmt, 0);
      task->action = sqlite3_column_int (stmt, 1);
      task->action_title = g_strdup (_tanlu_store_column_text (stmt, 2));
      task->title = g_strdup (_tanlu_store_column_text (stmt, 3));
      task->text = g_strdup (_tanlu_store_column_text (stmt, 4));
      task->text_offset = sqlite3_column_int64 (stmt, 5);
      task->chongqing_lead = g_strdup (_tanlu_store_column_text (stmt, 6));
      task->chongqing_units = g_strdup (_tanlu_store_column_text (stmt, 7));
      task->sichuan_lead = g_strdup (_tanlu_store_column_text (stmt, 8));
      task->sichuan_units = g_strdup (_tanlu_store_column_text (stmt, 9));
      task->sites = g_strdup (_tanlu_store_column_text (stmt, 10));
      task->status = g_strdup (_tanlu_store_column_text (stmt, 11));
      task->note = g_strdup (_tanlu_store_column_text (stmt, 12));
      task->date = g_strdup (_tanlu_store_column_text (stmt, 13));
      task->changed_at = g_strdup (_tanlu_store_column_text (stmt, 14));
      g_ptr_array_add (tasks, task);
    }
  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "list the joint tasks");
      return NULL;
    }

  return g_steal_pointer (&tasks);
}

/**
 * tanlu_store_get_joint_plan:
 * @title: (out) (transfer full) (nullable): the plan's title as stored
 * @issuer: (out) (transfer full) (nullable): who issued it
 * @issued: (out) (transfer full) (nullable): the date of issue, as written
 *
 * Reads the policy document the joint tasks come from,
 * %TANLU_JOINT_PLAN_DOCUMENT. All three are %NULL when the database does
 * not hold it.
 *
 * Returns: %FALSE only on a database error
 */
gboolean
tanlu_store_get_joint_plan (TanluStore  *self,
                            char       **title,
                            char       **issuer,
                            char       **issued,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL && issuer != NULL && issued != NULL, FALSE);

  *title = *issuer = *issued = NULL;
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT title_zh, issuer_zh, issued FROM policy_document WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "read the joint plan");
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, TANLU_JOINT_PLAN_DOCUMENT, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *title = g_strdup (_tanlu_store_column_text (stmt, 0));
      *issuer = g_strdup (_tanlu_store_column_text (stmt, 1));
      *issued = g_strdup (_tanlu_store_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "read the joint plan");
      return FALSE;
    }

  return TRUE;
}

void
tanlu_joint_site_free (TanluJointSite *site)
{
  if (site == NULL)
    return;

  g_free (site->name);
  g_free (site->kind);
  g_free (site->quote);
  g_free (site->region_codes);
  g_free (site->location_basis);
  g_free (site->status);
  g_free (site);
}

/**
 * tanlu_store_list_joint_sites:
 * @task: the task whose sites to list, or 0 for every task's
 *
 * Returns: (transfer full) (element-type TanluJointSite) (nullable): the
 *   sites in the plan's order, each with its task's status
 */
GPtrArray *
tanlu_store_list_joint_sites (TanluStore  *self,
                              guint        task,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sites =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_joint_site_free);
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT s.id, s.task, s.name, s.kind, s.quote, s.quote_offset,"
                          " s.region_codes, s.location_basis,"
                          " coalesce (st.status, 'not_started')"
                          " FROM joint_site s LEFT JOIN tracker_status st ON st.task = s.task"
                          " WHERE ?1 = 0 OR s.task = ?1"
                          " ORDER BY s.task, s.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "list the joint sites");
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, task);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluJointSite *site = g_new0 (TanluJointSite, 1);

      site->id = sqlite3_column_int64 (stmt, 0);
      site->task = sqlite3_column_int (stmt, 1);
      site->name = g_strdup (_tanlu_store_column_text (stmt, 2));
      site->kind = g_strdup (_tanlu_store_column_text (stmt, 3));
      site->quote = g_strdup (_tanlu_store_column_text (stmt, 4));
      site->quote_offset = sqlite3_column_int64 (stmt, 5);
      site->region_codes = g_strdup (_tanlu_store_column_text (stmt, 6));
      site->location_basis = g_strdup (_tanlu_store_column_text (stmt, 7));
      site->status = g_strdup (_tanlu_store_column_text (stmt, 8));
      g_ptr_array_add (sites, site);
    }
  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "list the joint sites");
      return NULL;
    }

  return g_steal_pointer (&sites);
}

static gboolean
task_exists (TanluStore *self,
             guint       task)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM joint_task WHERE number = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int (stmt, 1, task);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Makes the task's status its latest change not undone, or none. */
static gboolean
apply_latest (TanluStore  *self,
              guint        task,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "DELETE FROM tracker_status WHERE task = ?1;", -1, &stmt,
                          NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int (stmt, 1, task);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO tracker_status (task, status, note, date, changed_at)"
                          " SELECT task, status, note, date, changed_at FROM tracker_history"
                          " WHERE task = ?1 AND undone = 0 ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int (stmt, 1, task);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _tanlu_store_set_error (error, self->db, "change a task's status");
  return FALSE;
}

/**
 * tanlu_tracker_date_is_valid:
 *
 * Returns: whether @date is a date of the calendar written YYYY-MM-DD
 */
gboolean
tanlu_tracker_date_is_valid (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;

  iso = g_strdup_printf ("%sT00:00:00Z", date);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);

  return parsed != NULL;
}

static gboolean
check_change (TanluStore                  *self,
              const TanluTaskStatusChange *change,
              GError                     **error)
{
  if (!task_exists (self, change->task))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("There is no task %u in the joint plan; its tasks are 1 to 26"),
                   change->task);
      return FALSE;
    }
  if (!tanlu_tracker_status_is_valid (change->status))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%s” is not a status: not_started, under_way, done or delayed"),
                   change->status != NULL ? change->status : "");
      return FALSE;
    }
  if (change->date != NULL && !tanlu_tracker_date_is_valid (change->date))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as 2026-12-07"), change->date);
      return FALSE;
    }

  return TRUE;
}

/* Records a change in the history and makes it the task's status; the
 * caller holds the transaction. */
static gboolean
record_change (TanluStore                  *self,
               const TanluTaskStatusChange *change,
               GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO tracker_history (task, status, note, date, changed_at)"
                          " VALUES (?1, ?2, ?3, ?4, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int (stmt, 1, change->task);
  sqlite3_bind_text (stmt, 2, change->status, -1, SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 3, change->note);
  _tanlu_store_bind_text_or_null (stmt, 4, change->date);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  return apply_latest (self, change->task, error);

failed:
  _tanlu_store_set_error (error, self->db, "change a task's status");
  return FALSE;
}

/**
 * tanlu_store_set_task_status:
 * @status: not_started, under_way, done or delayed
 * @note: (nullable): a progress note
 * @date: (nullable): the date the status holds from, YYYY-MM-DD
 *
 * Sets a task's status in one transaction, keeping the one before.
 */
gboolean
tanlu_store_set_task_status (TanluStore  *self,
                             guint        task,
                             const char  *status,
                             const char  *note,
                             const char  *date,
                             GError     **error)
{
  TanluTaskStatusChange change = { task, status, note, date };

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  return tanlu_store_set_task_statuses (self, &change, 1, error);
}

/**
 * tanlu_store_set_task_statuses:
 * @changes: (array length=n_changes): the changes, in order
 *
 * Sets the status of several tasks in one transaction: every change is
 * checked as tanlu_store_set_task_status() checks it, then all are
 * recorded, each in the history so that tanlu_store_undo_task_status()
 * undoes it, or, on an error, none.
 */
gboolean
tanlu_store_set_task_statuses (TanluStore                  *self,
                               const TanluTaskStatusChange *changes,
                               guint                        n_changes,
                               GError                     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);

  for (guint i = 0; i < n_changes; i++)
    if (!check_change (self, &changes[i], error))
      return FALSE;

  if (!tanlu_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_changes; i++)
    if (!record_change (self, &changes[i], error))
      {
        tanlu_store_rollback (self);
        return FALSE;
      }

  return tanlu_store_commit (self, error);
}

/**
 * tanlu_store_undo_task_status:
 * @undone: (out): whether there was a change to undo
 *
 * Undoes the task's last change of status: it stays in the history,
 * marked undone, and the one before holds again.
 */
gboolean
tanlu_store_undo_task_status (TanluStore  *self,
                              guint        task,
                              gboolean    *undone,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  *undone = FALSE;
  if (!task_exists (self, task))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("There is no task %u in the joint plan; its tasks are 1 to 26"), task);
      return FALSE;
    }

  if (!tanlu_store_begin (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE tracker_history SET undone = 1 WHERE id ="
                          " (SELECT max (id) FROM tracker_history WHERE task = ?1 AND undone = 0)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int (stmt, 1, task);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;
  *undone = sqlite3_changes (self->db) > 0;

  if (!apply_latest (self, task, error) || !tanlu_store_commit (self, error))
    {
      tanlu_store_rollback (self);
      return FALSE;
    }

  return TRUE;

failed:
  _tanlu_store_set_error (error, self->db, "undo a task's status");
  tanlu_store_rollback (self);
  return FALSE;
}
