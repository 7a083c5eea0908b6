/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-tracker-report"

#include "config.h"

#include <pango/pangocairo.h>

#include "tanlu-chart-private.h"
#include "tanlu-tracker-report-private.h"

#include <math.h>
#include <string.h>

/* One page on the joint plan's progress, for a meeting of the two
 * provinces: the counts of each status with a bar, then the 26 tasks
 * under their actions with their lead units, status, date and note, and
 * the plan it comes from at the foot.
 *
 * The page's own words are in the language asked for, as the charts'
 * are, whatever the desktop's language; the plan's words (actions, tasks,
 * units) stay in Chinese as the plan writes them. */

struct _TanluTrackerReport
{
  GPtrArray *tasks;          /* TanluJointTask */
  char      *plan_title;
  char      *plan_issuer;
  char      *plan_issued;
  GDateTime *date;
  gboolean   chinese;
};

typedef enum
{
  STATUS_DONE,
  STATUS_UNDER_WAY,
  STATUS_DELAYED,
  STATUS_NOT_STARTED,
  N_STATUSES,
} Status;

/* In the order the page counts them; colours from Paul Tol's "bright"
 * scheme, as the charts', which stay apart for colour-blind readers and
 * in grey print; the word beside each says it anyway. */
static const struct
{
  const char *key;
  guint32     rgb;
} statuses[N_STATUSES] = {
  [STATUS_DONE] = { "done", 0x228833 },
  [STATUS_UNDER_WAY] = { "under_way", 0x4477aa },
  [STATUS_DELAYED] = { "delayed", 0xee6677 },
  [STATUS_NOT_STARTED] = { "not_started", 0xbbbbbb },
};

/* The plan numbers its actions 一 to 十. */
static const char *const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

enum
{
  COLUMN_ACTION,
  COLUMN_NUMBER,
  COLUMN_TASK,
  COLUMN_CHONGQING,
  COLUMN_SICHUAN,
  COLUMN_STATUS,
  COLUMN_DATE,
  COLUMN_NOTE,
  N_COLUMNS,
};

#define TEXT_RGB      0x1a1a1a
#define TEXT_DIM_RGB  0x555a60
#define RULE_RGB      0x8a9097
#define HAIRLINE_RGB  0xd5d8dc
#define BAND_RGB      0xf3f4f6
#define HEADER_RGB    0xe6e9ed

/* The smallest text on the page, in points: legible on paper. */
#define MIN_SIZE 7.0

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  GPtrArray    *texts;
  gboolean      chinese;
} Page;

/* ---- helpers ---- */

static void
text_free (gpointer data)
{
  TanluTrackerReportText *text = data;

  g_free (text->text);
  g_free (text);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static TanluChartColor
color_from_rgb (guint32 rgb)
{
  return (TanluChartColor) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                             (rgb & 0xff) / 255.0, 1 };
}

static Status
status_from_key (const char *key)
{
  for (guint i = 0; i < N_STATUSES; i++)
    if (g_strcmp0 (key, statuses[i].key) == 0)
      return i;

  return STATUS_NOT_STARTED;
}

static const char *
status_word (Status   status,
             gboolean chinese)
{
  return tanlu_tracker_status_name (statuses[status].key, chinese);
}

static gboolean
has_text (const char *str)
{
  return str != NULL && str[0] != '\0';
}

/* "2022年2月15日" or "15 February 2022" from YYYY-MM-DD (or the start of
 * an ISO 8601 time); anything else as it is. */
static char *
format_iso_date (const char *iso,
                 gboolean    chinese)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;
  g_autofree char *date = NULL;

  if (iso == NULL)
    return NULL;

  date = g_strndup (iso, 10);
  parts = g_strsplit (date, "-", -1);
  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL))
    return g_strdup (iso);

  if (chinese)
    return g_strdup_printf ("%u年%u月%u日", (guint) year, (guint) month, (guint) day);

  return g_strdup_printf ("%u %s %u", (guint) day, months[month - 1], (guint) year);
}

static char *
format_date (GDateTime *date,
             gboolean   chinese)
{
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  return format_iso_date (iso, chinese);
}

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  return font;
}

/* A layout of @str: one line ellipsized at @width when @max_lines is 1,
 * wrapped in at most @max_lines lines when more, wrapped freely when 0;
 * no limit at all when @width is 0. */
static PangoLayout *
make_layout (Page       *page,
             const char *str,
             double      size,
             gboolean    bold,
             double      width,
             int         max_lines)
{
  PangoLayout *layout = pango_layout_new (page->context);
  PangoFontDescription *font = font_new (size, bold);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure_width (Page       *page,
               const char *str,
               double      size,
               gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (page, str, size, bold, 0, 0);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static double
line_height (Page   *page,
             double  size)
{
  g_autoptr(PangoLayout) layout = make_layout (page, "国Ag", size, FALSE, 0, 0);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

/* Draws @layout with the top left of its logical box at @x, @y, and
 * notes where, with the room it was given. */
static void
show (Page                       *page,
      PangoLayout                *layout,
      TanluTrackerReportTextKind  kind,
      guint                       task,
      guint                       action,
      double                      x,
      double                      y,
      double                      cell_x,
      double                      cell_y,
      double                      cell_width,
      double                      cell_height,
      guint32                     rgb)
{
  TanluTrackerReportText *text = g_new0 (TanluTrackerReportText, 1);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  cairo_move_to (page->cr, x - (double) logical.x / PANGO_SCALE,
                 y - (double) logical.y / PANGO_SCALE);
  set_rgb (page->cr, rgb);
  pango_cairo_show_layout (page->cr, layout);

  text->kind = kind;
  text->task = task;
  text->action = action;
  text->text = g_strdup (pango_layout_get_text (layout));
  text->x = x;
  text->y = y;
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
  text->cell_x = cell_x;
  text->cell_y = cell_y;
  text->cell_width = cell_width;
  text->cell_height = cell_height;
  text->size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  text->ellipsized = pango_layout_is_ellipsized (layout);
  g_ptr_array_add (page->texts, text);
}

/* Shows @str in a cell, centred vertically, left-aligned or centred. */
static void
show_in_cell (Page                       *page,
              const char                 *str,
              TanluTrackerReportTextKind  kind,
              guint                       task,
              guint                       action,
              double                      x,
              double                      y,
              double                      width,
              double                      height,
              double                      pad,
              double                      size,
              gboolean                    bold,
              int                         max_lines,
              gboolean                    centre,
              guint32                     rgb)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_width, text_height;

  if (!has_text (str))
    return;

  layout = make_layout (page, str, size, bold, width - 2 * pad, max_lines);
  layout_size (layout, &text_width, &text_height);
  show (page, layout, kind, task, action,
        x + pad + (centre ? MAX (0, (width - 2 * pad - text_width) / 2) : 0),
        y + (height - text_height) / 2, x, y, width, height, rgb);
}

static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y,
      double   line_width,
      guint32  rgb)
{
  cairo_set_line_width (cr, line_width);
  set_rgb (cr, rgb);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static char *
summary_text (const guint counts[N_STATUSES],
              guint       n_tasks,
              gboolean    chinese)
{
  if (chinese)
    return g_strdup_printf ("共 %u 项任务：已完成 %u 项，推进中 %u 项，滞后 %u 项，未启动 %u 项",
                            n_tasks, counts[STATUS_DONE], counts[STATUS_UNDER_WAY],
                            counts[STATUS_DELAYED], counts[STATUS_NOT_STARTED]);

  return g_strdup_printf (n_tasks == 1 ? "%u task: %u done, %u under way, %u delayed, %u not started"
                                       : "%u tasks: %u done, %u under way, %u delayed, %u not started",
                          n_tasks, counts[STATUS_DONE], counts[STATUS_UNDER_WAY],
                          counts[STATUS_DELAYED], counts[STATUS_NOT_STARTED]);
}

static char *
footer_text (const TanluTrackerReport *report)
{
  g_autofree char *today = format_date (report->date, report->chinese);
  g_autofree char *issued = format_iso_date (report->plan_issued, report->chinese);
  g_autofree char *last = NULL;
  GString *text = g_string_new (NULL);
  const char *latest = NULL;

  for (guint i = 0; i < report->tasks->len; i++)
    {
      const TanluJointTask *task = g_ptr_array_index (report->tasks, i);

      if (task->changed_at != NULL && g_strcmp0 (task->changed_at, latest) > 0)
        latest = task->changed_at;
    }
  last = format_iso_date (latest, report->chinese);

  if (report->chinese)
    {
      if (has_text (report->plan_title))
        {
          g_string_append (text, "来源：");
          if (has_text (report->plan_issuer))
            g_string_append (text, report->plan_issuer);
          g_string_append_printf (text, "《%s》", report->plan_title);
          if (issued != NULL)
            g_string_append_printf (text, "（%s）", issued);
          g_string_append (text, "。");
        }
      g_string_append (text, "行动、任务名称与牵头单位照录方案原文。");
      g_string_append_printf (text, "状态为截至%s在碳路（Tanlu）中所设", today);
      if (last != NULL)
        g_string_append_printf (text, "，最近一次更改于%s", last);
      g_string_append (text, "。");
    }
  else
    {
      if (has_text (report->plan_title))
        {
          g_string_append_printf (text, "Source: %s", report->plan_title);
          if (has_text (report->plan_issuer))
            g_string_append_printf (text, ", %s", report->plan_issuer);
          if (issued != NULL)
            g_string_append_printf (text, ", %s", issued);
          g_string_append (text, ". ");
        }
      g_string_append (text, "Actions, tasks and lead units as the plan writes them. ");
      g_string_append_printf (text, "Statuses as set in Tanlu on %s", today);
      if (last != NULL)
        g_string_append_printf (text, "; last changed on %s", last);
      g_string_append (text, ".");
    }

  return g_string_free (text, FALSE);
}

/* The bar of the counts, each part labelled with its word and count where
 * that fits, or its count alone. */
static void
draw_bar (Page        *page,
          const guint  counts[N_STATUSES],
          guint        n_tasks,
          double       x,
          double       y,
          double       width,
          double       height,
          double       size)
{
  double pad = size * 0.4;

  if (n_tasks == 0)
    return;

  for (guint i = 0; i < N_STATUSES; i++)
    {
      double part = width * counts[i] / n_tasks;
      TanluChartColor fill = color_from_rgb (statuses[i].rgb);
      TanluChartColor on;
      g_autofree char *long_label = NULL;
      g_autofree char *short_label = NULL;
      guint32 on_rgb;

      if (counts[i] == 0)
        continue;

      cairo_rectangle (page->cr, x, y, part, height);
      _tanlu_chart_set_source (page->cr, &fill, 1);
      cairo_fill (page->cr);
      /* A white seam between parts. */
      if (x > 0)
        {
          set_rgb (page->cr, 0xffffff);
          cairo_rectangle (page->cr, x - 0.4, y, 0.8, height);
          cairo_fill (page->cr);
        }

      _tanlu_chart_color_on (&fill, &on);
      on_rgb = ((guint32) lround (on.red * 255) << 16) | ((guint32) lround (on.green * 255) << 8)
               | (guint32) lround (on.blue * 255);
      long_label = g_strdup_printf ("%s %u", status_word (i, page->chinese), counts[i]);
      short_label = g_strdup_printf ("%u", counts[i]);
      if (measure_width (page, long_label, size, TRUE) + 2 * pad <= part)
        show_in_cell (page, long_label, TANLU_TRACKER_REPORT_TEXT_BAR, 0, 0, x, y, part, height,
                      pad, size, TRUE, 1, FALSE, on_rgb);
      else if (measure_width (page, short_label, size, TRUE) + 2 * pad <= part)
        show_in_cell (page, short_label, TANLU_TRACKER_REPORT_TEXT_BAR, 0, 0, x, y, part, height,
                      pad, size, TRUE, 1, TRUE, on_rgb);
      x += part;
    }
}

/* ---- private API ---- */

/**
 * _tanlu_tracker_report_set_date:
 *
 * Sets the date the report is of (today by default), for tests.
 */
void
_tanlu_tracker_report_set_date (TanluTrackerReport *report,
                                GDateTime          *date)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (date != NULL);

  g_date_time_unref (report->date);
  report->date = g_date_time_ref (date);
}

/**
 * _tanlu_tracker_report_draw:
 * @width: @height: the page, in points (or pixels at scale 1)
 *
 * Draws the report on @cr.
 *
 * Returns: (transfer full) (element-type TanluTrackerReportText): every
 *   text drawn, where and in what room
 */
GPtrArray *
_tanlu_tracker_report_draw (const TanluTrackerReport *report,
                            cairo_t                  *cr,
                            double                    width,
                            double                    height)
{
  static const char *const headers_zh[N_COLUMNS] = {
    "行动", "序号", "任务", "重庆牵头单位", "四川牵头单位", "状态", "状态日期", "进展说明",
  };
  static const char *const headers_en[N_COLUMNS] = {
    "Action", "No.", "Task", "Chongqing lead", "Sichuan lead", "Status", "Status date",
    "Progress note",
  };
  const char *const *headers;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (text_free);
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_str = NULL;
  cairo_font_options_t *options;
  Page page = { cr, NULL, texts, FALSE };
  guint counts[N_STATUSES] = { 0 };
  guint n_tasks;
  guint n_actions = 0;
  double margin = round (width * 0.036);
  double left = margin;
  double right = width - margin;
  double content = right - left;
  double column_x[N_COLUMNS + 1];
  double column_width[N_COLUMNS];
  double y, footer_y, footer_height, header_height = 0, row_height = 0, size, line, pad;
  guint previous_action = 0;
  guint group = 0;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  headers = report->chinese ? headers_zh : headers_en;
  page.chinese = report->chinese;
  n_tasks = report->tasks->len;

  page.context = pango_cairo_create_context (cr);
  /* Hinted metrics would space letters unevenly when the page is scaled,
   * on paper or screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (page.context, options);
  cairo_font_options_destroy (options);
  /* Glyphs where the font puts them, not rounded to whole points: the
   * page is printed or scaled, and rounding widens 7.5 pt Chinese text
   * by a fifteenth. */
  pango_context_set_round_glyph_positions (page.context, FALSE);
  /* The plan's words are Simplified Chinese in either language. */
  pango_context_set_language (page.context, pango_language_from_string ("zh-cn"));

  for (guint i = 0; i < n_tasks; i++)
    {
      const TanluJointTask *task = g_ptr_array_index (report->tasks, i);

      counts[status_from_key (task->status)]++;
      if (task->action != previous_action)
        n_actions++;
      previous_action = task->action;
    }

  cairo_save (cr);
  set_rgb (cr, 0xffffff);
  cairo_paint (cr);

  /* Title, with the report's date on the right */
  y = round (height * 0.045);
  {
    g_autofree char *today = format_date (report->date, report->chinese);
    g_autofree char *date_str = report->chinese ? g_strdup_printf ("报告日期：%s", today)
                                                : g_strdup_printf ("Report of %s", today);
    g_autoptr(PangoLayout) date = make_layout (&page, date_str, 10, FALSE, 0, 0);
    g_autoptr(PangoLayout) title = NULL;
    double date_width, date_height, title_height;

    layout_size (date, &date_width, &date_height);
    title = make_layout (&page,
                         report->chinese ? "成渝地区双城经济圈碳达峰联合行动进展情况"
                                         : "Chengdu–Chongqing joint carbon-peak actions: progress",
                         17, TRUE, content - date_width - 24, 1);
    layout_size (title, NULL, &title_height);
    show (&page, title, TANLU_TRACKER_REPORT_TEXT_TITLE, 0, 0, left, y, left, y,
          content - date_width - 24, title_height, TEXT_RGB);
    show (&page, date, TANLU_TRACKER_REPORT_TEXT_DATE, 0, 0, right - date_width,
          y + title_height - date_height - 1, right - date_width, y, date_width, title_height,
          TEXT_DIM_RGB);
    y += title_height + 3;
  }

  /* What the page shows */
  {
    g_autofree char *str =
      report->chinese
        ? g_strdup_printf ("%u项联合行动下%u项任务的进展；牵头单位为方案中两省市各列首位的单位",
                           n_actions, n_tasks)
        : g_strdup_printf ("Progress of the %u tasks under the %u joint actions; the lead unit on "
                           "each side is the one the plan lists first",
                           n_tasks, n_actions);
    g_autoptr(PangoLayout) subtitle = make_layout (&page, str, 9.5, FALSE, content, 1);
    double subtitle_height;

    layout_size (subtitle, NULL, &subtitle_height);
    show (&page, subtitle, TANLU_TRACKER_REPORT_TEXT_SUBTITLE, 0, 0, left, y, left, y, content,
          subtitle_height, TEXT_DIM_RGB);
    y += subtitle_height + 10;
  }

  /* The counts, in words and as a bar */
  {
    g_autofree char *str = summary_text (counts, n_tasks, report->chinese);
    g_autoptr(PangoLayout) summary = make_layout (&page, str, 10.5, TRUE, content, 1);
    double summary_height, bar_height = 13;

    layout_size (summary, NULL, &summary_height);
    show (&page, summary, TANLU_TRACKER_REPORT_TEXT_SUMMARY, 0, 0, left, y, left, y, content,
          summary_height, TEXT_RGB);
    y += summary_height + 4;
    draw_bar (&page, counts, n_tasks, left, y, content, bar_height, 7.5);
    y += bar_height + 12;
  }

  /* The foot, from the bottom up */
  footer_str = footer_text (report);
  footer = make_layout (&page, footer_str, 7.5, FALSE, content, 3);
  layout_size (footer, NULL, &footer_height);
  footer_y = height - round (height * 0.035) - footer_height;

  /* The largest text from 8.5 pt down to MIN_SIZE with which the fixed
   * columns leave the note 30 % of the width and every row holds a
   * line. */
  for (size = 8.5; ; size -= 0.25)
    {
      double fixed = 0;

      line = line_height (&page, size);
      pad = MAX (2.5, size * 0.45);

      /* Nine characters a line: every action's title in two lines. */
      column_width[COLUMN_ACTION] = size * 9 + 2 * pad + 1;
      /* Half a point more than the words, which rounding would wrap. */
      column_width[COLUMN_NUMBER] = MAX (measure_width (&page, "26", size, FALSE),
                                         measure_width (&page, headers[COLUMN_NUMBER], size,
                                                        TRUE))
                                    + 2 * pad + 0.5;
      column_width[COLUMN_DATE] = MAX (measure_width (&page, "2026-12-31", size, FALSE),
                                       size * 4) + 2 * pad + 0.5;
      column_width[COLUMN_STATUS] = 0;
      for (guint s = 0; s < N_STATUSES; s++)
        column_width[COLUMN_STATUS] =
          MAX (column_width[COLUMN_STATUS],
               measure_width (&page, status_word (s, report->chinese), size, s == STATUS_DELAYED));
      column_width[COLUMN_STATUS] += size * 1.15 + 2 * pad + 0.5;
      column_width[COLUMN_TASK] = column_width[COLUMN_CHONGQING] = column_width[COLUMN_SICHUAN] = 0;
      for (guint i = 0; i < n_tasks; i++)
        {
          const TanluJointTask *task = g_ptr_array_index (report->tasks, i);

          column_width[COLUMN_TASK] =
            MAX (column_width[COLUMN_TASK], measure_width (&page, task->title, size, FALSE));
          column_width[COLUMN_CHONGQING] =
            MAX (column_width[COLUMN_CHONGQING],
                 measure_width (&page, task->chongqing_lead, size, FALSE));
          column_width[COLUMN_SICHUAN] =
            MAX (column_width[COLUMN_SICHUAN],
                 measure_width (&page, task->sichuan_lead, size, FALSE));
        }
      column_width[COLUMN_TASK] += 2 * pad + 0.5;
      column_width[COLUMN_CHONGQING] += 2 * pad + 0.5;
      column_width[COLUMN_SICHUAN] += 2 * pad + 0.5;

      for (guint c = 0; c < COLUMN_NOTE; c++)
        fixed += column_width[c];
      column_width[COLUMN_NOTE] = content - fixed;

      header_height = 0;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autoptr(PangoLayout) header =
            make_layout (&page, headers[c], size, TRUE, column_width[c] - 2 * pad, 2);
          double h;

          layout_size (header, NULL, &h);
          header_height = MAX (header_height, h + 2 * pad);
        }

      row_height = n_tasks > 0 ? (footer_y - 10 - y - header_height) / n_tasks : 0;
      if ((column_width[COLUMN_NOTE] >= content * 0.3 && row_height >= line + 3)
          || size - 0.25 < MIN_SIZE)
        break;
    }
  /* Rows no taller than two lines; what is left stays white. */
  row_height = MIN (row_height, 2 * line + 2 * pad);

  column_x[0] = left;
  for (guint c = 0; c < N_COLUMNS; c++)
    column_x[c + 1] = column_x[c] + column_width[c];

  /* The header */
  set_rgb (cr, HEADER_RGB);
  cairo_rectangle (cr, left, y, content, header_height);
  cairo_fill (cr);
  for (guint c = 0; c < N_COLUMNS; c++)
    show_in_cell (&page, headers[c], TANLU_TRACKER_REPORT_TEXT_HEADER, 0, 0, column_x[c], y,
                  column_width[c], header_height, pad, size, TRUE, 2, c == COLUMN_NUMBER,
                  TEXT_RGB);
  y += header_height;
  rule (cr, left, right, y, 0.8, RULE_RGB);

  /* The tasks, grouped under their actions */
  previous_action = 0;
  for (guint i = 0; i < n_tasks; i++)
    {
      const TanluJointTask *task = g_ptr_array_index (report->tasks, i);
      Status status = status_from_key (task->status);
      double row_y = y + i * row_height;
      g_autofree char *number = g_strdup_printf ("%u", task->number);
      int note_lines = MAX (1, (int) floor ((row_height - 2) / line));

      if (task->action != previous_action)
        {
          guint n_rows = 0;
          g_autofree char *action = NULL;

          for (guint k = i; k < n_tasks; k++)
            {
              const TanluJointTask *other = g_ptr_array_index (report->tasks, k);

              if (other->action != task->action)
                break;
              n_rows++;
            }

          if (group++ % 2 == 1)
            {
              set_rgb (cr, BAND_RGB);
              cairo_rectangle (cr, left, row_y, content, n_rows * row_height);
              cairo_fill (cr);
            }
          if (i > 0)
            rule (cr, left, right, row_y, 0.6, RULE_RGB);

          action = task->action >= 1 && task->action <= G_N_ELEMENTS (numerals)
                     ? g_strdup_printf ("%s、%s", numerals[task->action - 1], task->action_title)
                     : g_strdup (task->action_title);
          show_in_cell (&page, action, TANLU_TRACKER_REPORT_TEXT_ACTION, 0, task->action,
                        column_x[COLUMN_ACTION], row_y, column_width[COLUMN_ACTION],
                        n_rows * row_height, pad, size, FALSE,
                        MAX (1, (int) floor ((n_rows * row_height - 2) / line)), FALSE,
                        TEXT_RGB);
          previous_action = task->action;
        }
      else
        rule (cr, column_x[COLUMN_NUMBER], right, row_y, 0.3, HAIRLINE_RGB);

#define CELL(column) column_x[column], row_y, column_width[column], row_height, pad, size
      show_in_cell (&page, number, TANLU_TRACKER_REPORT_TEXT_NUMBER, task->number, task->action,
                    CELL (COLUMN_NUMBER), FALSE, 1, TRUE, TEXT_RGB);
      show_in_cell (&page, task->title, TANLU_TRACKER_REPORT_TEXT_TASK, task->number,
                    task->action, CELL (COLUMN_TASK), FALSE, note_lines, FALSE, TEXT_RGB);
      show_in_cell (&page, task->chongqing_lead, TANLU_TRACKER_REPORT_TEXT_CHONGQING,
                    task->number, task->action, CELL (COLUMN_CHONGQING), FALSE, note_lines,
                    FALSE, TEXT_RGB);
      show_in_cell (&page, task->sichuan_lead, TANLU_TRACKER_REPORT_TEXT_SICHUAN, task->number,
                    task->action, CELL (COLUMN_SICHUAN), FALSE, note_lines, FALSE, TEXT_RGB);

      /* Status: a swatch of its colour, then its word. */
      {
        double swatch = size * 0.8;
        TanluChartColor fill = color_from_rgb (statuses[status].rgb);

        _tanlu_chart_set_source (cr, &fill, 1);
        cairo_rectangle (cr, column_x[COLUMN_STATUS] + pad, row_y + (row_height - swatch) / 2,
                         swatch, swatch);
        cairo_fill (cr);
        show_in_cell (&page, status_word (status, report->chinese),
                      TANLU_TRACKER_REPORT_TEXT_STATUS, task->number, task->action,
                      column_x[COLUMN_STATUS] + size * 0.35 + swatch, row_y,
                      column_width[COLUMN_STATUS] - size * 0.35 - swatch, row_height, pad, size,
                      status == STATUS_DELAYED, 1, FALSE, TEXT_RGB);
      }

      show_in_cell (&page, task->date, TANLU_TRACKER_REPORT_TEXT_STATUS_DATE, task->number,
                    task->action, CELL (COLUMN_DATE), FALSE, 1, FALSE, TEXT_RGB);
      show_in_cell (&page, task->note, TANLU_TRACKER_REPORT_TEXT_NOTE, task->number,
                    task->action, CELL (COLUMN_NOTE), FALSE, note_lines, FALSE, TEXT_RGB);
#undef CELL
    }
  y += n_tasks * row_height;
  rule (cr, left, right, y, 0.8, RULE_RGB);

  /* The foot */
  rule (cr, left, right, footer_y - 5, 0.4, HAIRLINE_RGB);
  show (&page, footer, TANLU_TRACKER_REPORT_TEXT_FOOTER, 0, 0, left, footer_y, left, footer_y,
        content, footer_height, TEXT_DIM_RGB);

  cairo_restore (cr);
  g_object_unref (page.context);

  return g_steal_pointer (&texts);
}

/* ---- public API ---- */

/**
 * tanlu_tracker_report_new:
 * @store: the database, with the joint plan
 * @chinese: whether the page's own words are Chinese rather than English;
 *   the plan's words stay as the plan writes them
 *
 * Reads the joint plan's tasks and their statuses, as of now, into a
 * report dated today. Reads @store, so call it where @store is used (the
 * main thread); the report then belongs to no thread.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
TanluTrackerReport *
tanlu_tracker_report_new (TanluStore  *store,
                          gboolean     chinese,
                          GError     **error)
{
  g_autoptr(TanluTrackerReport) report = g_new0 (TanluTrackerReport, 1);

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report->chinese = chinese;
  report->date = g_date_time_new_now_local ();
  if (!(report->tasks = tanlu_store_list_joint_tasks (store, error)) ||
      !tanlu_store_get_joint_plan (store, &report->plan_title, &report->plan_issuer,
                                   &report->plan_issued, error))
    return NULL;

  return g_steal_pointer (&report);
}

void
tanlu_tracker_report_free (TanluTrackerReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->tasks, g_ptr_array_unref);
  g_clear_pointer (&report->date, g_date_time_unref);
  g_free (report->plan_title);
  g_free (report->plan_issuer);
  g_free (report->plan_issued);
  g_free (report);
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  g_ptr_array_unref (_tanlu_tracker_report_draw (user_data, cr, width, height));
}

/**
 * tanlu_tracker_report_save:
 * @path: (type filename): the file written, replaced if it exists
 * @format: PDF for print, or SVG or PNG (at 3 pixels a point, about 216
 *   dpi)
 *
 * Writes the report as one A4 landscape page. Uses no store, display or
 * toolkit, so it may run in a worker thread, such as a #GTask's.
 *
 * Returns: %TRUE on success; on failure @error names the file and the file
 *   is removed
 */
gboolean
tanlu_tracker_report_save (const TanluTrackerReport  *report,
                           const char                *path,
                           TanluPictureFormat         format,
                           GError                   **error)
{
  g_autofree char *date = NULL;
  TanluPictureInfo info = { 0 };

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = g_date_time_format (report->date, "%Y-%m-%d");
  info.title = report->chinese ? "成渝地区双城经济圈碳达峰联合行动进展情况"
                               : "Chengdu–Chongqing joint carbon-peak actions: progress";
  info.source = report->plan_title;
  info.date = date;
  info.opaque = TRUE;

  return tanlu_picture_export (format, TANLU_TRACKER_REPORT_WIDTH, TANLU_TRACKER_REPORT_HEIGHT, 3,
                               &info, draw_cb, (gpointer) report, path, error);
}

/**
 * tanlu_tracker_report_write:
 * @store: the database, with the joint plan
 * @path: (type filename): the file written, replaced if it exists
 * @format: PDF, SVG or PNG
 * @chinese: whether the page's own words are Chinese rather than English
 *
 * Reads the report from @store and writes it in one go: the command
 * line's way. A window exporting in a worker thread reads the report with
 * tanlu_tracker_report_new() on the main thread and hands it to
 * tanlu_tracker_report_save() in the thread.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
tanlu_tracker_report_write (TanluStore          *store,
                            const char          *path,
                            TanluPictureFormat   format,
                            gboolean             chinese,
                            GError             **error)
{
  g_autoptr(TanluTrackerReport) report = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(report = tanlu_tracker_report_new (store, chinese, error)))
    return FALSE;

  return tanlu_tracker_report_save (report, path, format, error);
}
