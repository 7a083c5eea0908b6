/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tracker-report"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "charts/tanlu-tracker-report-private.h"
#include "tanlu-test-util.h"

/* The tracker report's page, laid out from a copy of the bundled
 * database: the joint plan's 26 tasks as stored, with a few statuses set
 * here whose notes are made up ("Fixture note"). */

typedef struct
{
  gboolean    chinese;
  const char *summary;
  const char *done;
  const char *under_way;
  const char *delayed;
  const char *not_started;
  const char *date;
} Language;

static const Language chinese = {
  TRUE,
  "共 26 项任务：已完成 1 项，推进中 1 项，滞后 1 项，未启动 23 项",
  "已完成", "推进中", "滞后", "未启动",
  "2026年12月7日",
};

static const Language english = {
  FALSE,
  "26 tasks: 1 done, 1 under way, 1 delayed, 23 not started",
  "Done", "Under way", "Delayed", "Not started",
  "7 December 2026",
};

#define LONG_NOTE "Fixture note: a progress note far longer than its column, which the page " \
                  "must shorten with an ellipsis rather than run into the edge or the next row"

static const char *const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

static void
set_statuses (TanluStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tanlu_store_set_task_status (store, 1, "done", "Fixture note: 阶段目标完成",
                                              "2026-10-15", &error));
  g_assert_true (tanlu_store_set_task_status (store, 5, "under_way", "Fixture note: 试点启动",
                                              "2026-11-30", &error));
  g_assert_true (tanlu_store_set_task_status (store, 9, "delayed", LONG_NOTE, "2026-12-01",
                                              &error));
  g_assert_no_error (error);
}

static TanluTrackerReport *
make_report (TanluStore *store,
             gboolean    in_chinese)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 7, 9, 0, 0);
  TanluTrackerReport *report;

  set_statuses (store);
  report = tanlu_tracker_report_new (store, in_chinese, &error);
  g_assert_no_error (error);
  _tanlu_tracker_report_set_date (report, date);

  return report;
}

static GPtrArray *
lay_out (TanluTrackerReport *report)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         TANLU_TRACKER_REPORT_WIDTH,
                                                         TANLU_TRACKER_REPORT_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GPtrArray *texts = _tanlu_tracker_report_draw (report, cr, TANLU_TRACKER_REPORT_WIDTH,
                                                 TANLU_TRACKER_REPORT_HEIGHT);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return texts;
}

static const TanluTrackerReportText *
find (GPtrArray                  *texts,
      TanluTrackerReportTextKind  kind,
      guint                       task)
{
  const TanluTrackerReportText *found = NULL;

  for (guint i = 0; i < texts->len; i++)
    {
      const TanluTrackerReportText *text = g_ptr_array_index (texts, i);

      if (text->kind == kind && text->task == task)
        {
          g_assert_null (found);
          found = text;
        }
    }

  return found;
}

static void
assert_inside_cell (const TanluTrackerReportText *text)
{
  const double slack = 0.01;

  g_assert_cmpfloat (text->x, >=, text->cell_x - slack);
  g_assert_cmpfloat (text->x + text->width, <=, text->cell_x + text->cell_width + slack);
  g_assert_cmpfloat (text->y, >=, text->cell_y - slack);
  g_assert_cmpfloat (text->y + text->height, <=, text->cell_y + text->cell_height + slack);
  g_assert_cmpfloat (text->x, >=, 0);
  g_assert_cmpfloat (text->y, >=, 0);
  g_assert_cmpfloat (text->x + text->width, <=, TANLU_TRACKER_REPORT_WIDTH);
  g_assert_cmpfloat (text->y + text->height, <=, TANLU_TRACKER_REPORT_HEIGHT);
}

static gboolean
boxes_meet (const TanluTrackerReportText *a,
            const TanluTrackerReportText *b)
{
  const double slack = 0.01;

  return a->x < b->x + b->width - slack && b->x < a->x + a->width - slack &&
         a->y < b->y + b->height - slack && b->y < a->y + a->height - slack;
}

static void
test_layout (TanluTestBundledFixture *fixture,
             gconstpointer            data)
{
  const Language *language = data;
  g_autoptr(TanluTrackerReport) report = make_report (fixture->store, language->chinese);
  g_autoptr(GPtrArray) texts = lay_out (report);
  g_autoptr(GPtrArray) tasks = tanlu_store_list_joint_tasks (fixture->store, NULL);
  const TanluTrackerReportText *summary = find (texts, TANLU_TRACKER_REPORT_TEXT_SUMMARY, 0);
  const TanluTrackerReportText *footer = find (texts, TANLU_TRACKER_REPORT_TEXT_FOOTER, 0);
  const TanluTrackerReportText *date = find (texts, TANLU_TRACKER_REPORT_TEXT_DATE, 0);
  double header_bottom = 0;
  double previous_bottom = 0;
  guint n_actions = 0;

  g_assert_nonnull (tasks);
  g_assert_cmpuint (tasks->len, ==, 26);

  /* The counts, in words */
  g_assert_nonnull (summary);
  g_assert_cmpstr (summary->text, ==, language->summary);
  g_assert_false (summary->ellipsized);
  g_assert_nonnull (date);
  g_assert_nonnull (strstr (date->text, language->date));

  /* The foot names the plan as stored and the day of the statuses. */
  g_assert_nonnull (footer);
  g_assert_false (footer->ellipsized);
  g_assert_nonnull (strstr (footer->text, "成渝地区双城经济圈碳达峰碳中和联合行动方案"));
  g_assert_nonnull (strstr (footer->text, "重庆市人民政府办公厅、四川省人民政府办公厅"));
  g_assert_nonnull (strstr (footer->text, language->date));
  g_assert_nonnull (strstr (footer->text, language->chinese ? "2022年2月15日" : "15 February 2022"));

  /* Every text is at least 7 pt, inside the page, and clear of every
   * other; the header lies above the rows. */
  for (guint i = 0; i < texts->len; i++)
    {
      const TanluTrackerReportText *a = g_ptr_array_index (texts, i);

      g_assert_cmpfloat (a->size, >=, 7);
      assert_inside_cell (a);
      for (guint k = i + 1; k < texts->len; k++)
        {
          const TanluTrackerReportText *b = g_ptr_array_index (texts, k);

          if (boxes_meet (a, b))
            g_error ("“%s” and “%s” overlap", a->text, b->text);
        }
      if (a->kind == TANLU_TRACKER_REPORT_TEXT_HEADER)
        header_bottom = MAX (header_bottom, a->cell_y + a->cell_height);
    }
  g_assert_cmpfloat (header_bottom, >, summary->y + summary->height);

  /* Each of the 26 tasks is laid out whole, in order, in one row, between
   * the header and the foot. */
  for (guint i = 0; i < tasks->len; i++)
    {
      const TanluJointTask *task = g_ptr_array_index (tasks, i);
      const TanluTrackerReportText *number = find (texts, TANLU_TRACKER_REPORT_TEXT_NUMBER,
                                                   task->number);
      const TanluTrackerReportText *title = find (texts, TANLU_TRACKER_REPORT_TEXT_TASK,
                                                  task->number);
      const TanluTrackerReportText *chongqing = find (texts, TANLU_TRACKER_REPORT_TEXT_CHONGQING,
                                                      task->number);
      const TanluTrackerReportText *sichuan = find (texts, TANLU_TRACKER_REPORT_TEXT_SICHUAN,
                                                    task->number);
      const TanluTrackerReportText *status = find (texts, TANLU_TRACKER_REPORT_TEXT_STATUS,
                                                   task->number);
      g_autofree char *number_text = g_strdup_printf ("%u", task->number);

      g_assert_cmpuint (task->number, ==, i + 1);
      g_assert_nonnull (number);
      g_assert_cmpstr (number->text, ==, number_text);
      g_assert_nonnull (title);
      g_assert_cmpstr (title->text, ==, task->title);
      g_assert_false (title->ellipsized);
      g_assert_nonnull (chongqing);
      g_assert_cmpstr (chongqing->text, ==, task->chongqing_lead);
      g_assert_false (chongqing->ellipsized);
      g_assert_nonnull (sichuan);
      g_assert_cmpstr (sichuan->text, ==, task->sichuan_lead);
      g_assert_false (sichuan->ellipsized);
      g_assert_nonnull (status);
      g_assert_false (status->ellipsized);

      g_assert_cmpfloat (title->cell_y, >=, header_bottom - 0.01);
      g_assert_cmpfloat (title->cell_y, >=, previous_bottom - 0.01);
      g_assert_cmpfloat (title->cell_y + title->cell_height, <=, footer->y);
      g_assert_cmpfloat (number->cell_y, ==, title->cell_y);
      g_assert_cmpfloat (status->cell_y, ==, title->cell_y);
      previous_bottom = title->cell_y + title->cell_height;

      switch (task->number)
        {
        case 1:
          g_assert_cmpstr (status->text, ==, language->done);
          g_assert_cmpstr (find (texts, TANLU_TRACKER_REPORT_TEXT_STATUS_DATE, 1)->text, ==,
                           "2026-10-15");
          g_assert_cmpstr (find (texts, TANLU_TRACKER_REPORT_TEXT_NOTE, 1)->text, ==,
                           "Fixture note: 阶段目标完成");
          g_assert_false (find (texts, TANLU_TRACKER_REPORT_TEXT_NOTE, 1)->ellipsized);
          break;
        case 5:
          g_assert_cmpstr (status->text, ==, language->under_way);
          break;
        case 9:
          g_assert_cmpstr (status->text, ==, language->delayed);
          g_assert_cmpstr (find (texts, TANLU_TRACKER_REPORT_TEXT_NOTE, 9)->text, ==, LONG_NOTE);
          g_assert_true (find (texts, TANLU_TRACKER_REPORT_TEXT_NOTE, 9)->ellipsized);
          break;
        default:
          g_assert_cmpstr (status->text, ==, language->not_started);
          g_assert_null (find (texts, TANLU_TRACKER_REPORT_TEXT_NOTE, task->number));
          g_assert_null (find (texts, TANLU_TRACKER_REPORT_TEXT_STATUS_DATE, task->number));
          break;
        }
    }

  /* The ten actions, each whole beside its tasks */
  for (guint i = 0; i < texts->len; i++)
    {
      const TanluTrackerReportText *text = g_ptr_array_index (texts, i);
      const TanluJointTask *first = NULL;
      const TanluJointTask *last = NULL;
      g_autofree char *expected = NULL;

      if (text->kind != TANLU_TRACKER_REPORT_TEXT_ACTION)
        continue;
      n_actions++;
      for (guint k = 0; k < tasks->len; k++)
        {
          const TanluJointTask *task = g_ptr_array_index (tasks, k);

          if (task->action != text->action)
            continue;
          if (first == NULL)
            first = task;
          last = task;
        }
      g_assert_nonnull (first);
      expected = g_strdup_printf ("%s、%s", numerals[text->action - 1], first->action_title);
      g_assert_cmpstr (text->text, ==, expected);
      g_assert_false (text->ellipsized);
      g_assert_cmpfloat (text->cell_y, ==, find (texts, TANLU_TRACKER_REPORT_TEXT_TASK,
                                                 first->number)->cell_y);
      g_assert_cmpfloat_with_epsilon (
        text->cell_y + text->cell_height,
        find (texts, TANLU_TRACKER_REPORT_TEXT_TASK, last->number)->cell_y +
          find (texts, TANLU_TRACKER_REPORT_TEXT_TASK, last->number)->cell_height,
        0.001);
    }
  g_assert_cmpuint (n_actions, ==, 10);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Counts @needle in @bytes, which may hold NUL bytes (compressed streams). */
static guint
count_matches (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      n++;

  return n;
}

static void
test_pdf (TanluTestBundledFixture *fixture,
          gconstpointer            data)
{
  g_autoptr(TanluTrackerReport) report = make_report (fixture->store, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_true (tanlu_tracker_report_save (report, path, TANLU_PICTURE_FORMAT_PDF, &error));
  g_assert_no_error (error);
  pdf = read_file (path);

  /* One A4 landscape page: cairo writes the page tree uncompressed. */
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  g_assert_cmpuint (count_matches (pdf, "/Type /Pages"), ==, 1);
  g_assert_cmpuint (count_matches (pdf, "/Type /Page "), ==, 1);
  g_assert_cmpuint (count_matches (pdf, "/Count 1\n"), ==, 1);
  g_assert_cmpuint (count_matches (pdf, "/MediaBox [ 0 0 842 595 ]"), ==, 1);

  /* The text itself, when poppler's tool is there to read it. */
  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      int status;
      const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "成渝地区双城经济圈碳达峰联合行动进展情况"));
      g_assert_nonnull (strstr (out, "协同开发油气资源"));
      g_assert_nonnull (strstr (out, "推进绿色低碳创建"));
      g_assert_nonnull (strstr (out, "Fixture note: 试点启动"));
    }
  else
    g_test_message ("pdftotext is not installed: the PDF's text is not read back");
}

static void
test_unwritable (TanluTestBundledFixture *fixture,
                 gconstpointer            data)
{
  g_autoptr(TanluTrackerReport) report = make_report (fixture->store, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no such folder", "report.pdf", NULL);

  g_assert_false (tanlu_tracker_report_save (report, path, TANLU_PICTURE_FORMAT_PDF, &error));
  g_assert_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/tanlu/tracker-report/" path, TanluTestBundledFixture, data, \
              tanlu_test_bundled_fixture_set_up, func, tanlu_test_bundled_fixture_tear_down)

  ADD ("layout-chinese", &chinese, test_layout);
  ADD ("layout-english", &english, test_layout);
  ADD ("pdf", NULL, test_pdf);
  ADD ("unwritable", NULL, test_unwritable);

#undef ADD

  return g_test_run ();
}
