/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tanlu-tracker-report.h"

G_BEGIN_DECLS

typedef enum
{
  TANLU_TRACKER_REPORT_TEXT_TITLE,
  TANLU_TRACKER_REPORT_TEXT_DATE,
  TANLU_TRACKER_REPORT_TEXT_SUBTITLE,
  TANLU_TRACKER_REPORT_TEXT_SUMMARY,
  TANLU_TRACKER_REPORT_TEXT_BAR,
  TANLU_TRACKER_REPORT_TEXT_HEADER,
  TANLU_TRACKER_REPORT_TEXT_ACTION,
  TANLU_TRACKER_REPORT_TEXT_NUMBER,
  TANLU_TRACKER_REPORT_TEXT_TASK,
  TANLU_TRACKER_REPORT_TEXT_CHONGQING,
  TANLU_TRACKER_REPORT_TEXT_SICHUAN,
  TANLU_TRACKER_REPORT_TEXT_STATUS,
  TANLU_TRACKER_REPORT_TEXT_STATUS_DATE,
  TANLU_TRACKER_REPORT_TEXT_NOTE,
  TANLU_TRACKER_REPORT_TEXT_FOOTER,
} TanluTrackerReportTextKind;

/**
 * TanluTrackerReportText:
 * @task: the task of a table cell, 1 to 26; 0 otherwise
 * @action: the action of a table cell or action heading, 1 to 10; 0
 *   otherwise
 * @text: the text given to the layout, before any ellipsis
 * @x: @y: @width: @height: the layout's logical box on the page, in points
 * @cell_x: @cell_y: @cell_width: @cell_height: the room it was given
 * @size: the font size, in points
 * @ellipsized: whether some of @text was left out for an ellipsis
 *
 * A text the report drew, and where, so that tests can check the page.
 */
typedef struct
{
  TanluTrackerReportTextKind kind;
  guint                      task;
  guint                      action;
  char                      *text;
  double                     x;
  double                     y;
  double                     width;
  double                     height;
  double                     cell_x;
  double                     cell_y;
  double                     cell_width;
  double                     cell_height;
  double                     size;
  gboolean                   ellipsized;
} TanluTrackerReportText;

void       _tanlu_tracker_report_set_date (TanluTrackerReport       *report,
                                           GDateTime                *date);
GPtrArray *_tanlu_tracker_report_draw     (const TanluTrackerReport *report,
                                           cairo_t                  *cr,
                                           double                    width,
                                           double                    height);

G_END_DECLS
