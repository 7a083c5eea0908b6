/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store.h"
#include "tanlu-picture.h"

G_BEGIN_DECLS

/* The tracker report: one A4 landscape page on the progress of the
 * Chengdu–Chongqing joint plan's 26 tasks, for a meeting. */

/* A4 landscape, in points. */
#define TANLU_TRACKER_REPORT_WIDTH  842
#define TANLU_TRACKER_REPORT_HEIGHT 595

typedef struct _TanluTrackerReport TanluTrackerReport;

TanluTrackerReport *tanlu_tracker_report_new   (TanluStore                *store,
                                                gboolean                   chinese,
                                                GError                   **error);
void                tanlu_tracker_report_free  (TanluTrackerReport        *report);
gboolean            tanlu_tracker_report_save  (const TanluTrackerReport  *report,
                                                const char                *path,
                                                TanluPictureFormat         format,
                                                GError                   **error);
gboolean            tanlu_tracker_report_write (TanluStore                *store,
                                                const char                *path,
                                                TanluPictureFormat         format,
                                                gboolean                   chinese,
                                                GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTrackerReport, tanlu_tracker_report_free)

G_END_DECLS
