/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-tracker-page.h"

G_BEGIN_DECLS

/* For the display tests: a task's row, and the parts of it a user reads
 * and presses. */
AdwExpanderRow  *_tanlu_tracker_page_get_task_row      (TanluTrackerPage *self,
                                                        guint             task);
GtkToggleButton *_tanlu_tracker_page_get_status_button (TanluTrackerPage *self,
                                                        guint             task,
                                                        const char       *status);
AdwEntryRow     *_tanlu_tracker_page_get_note_row      (TanluTrackerPage *self,
                                                        guint             task);
GtkDropDown     *_tanlu_tracker_page_get_filter        (TanluTrackerPage *self,
                                                        const char       *name);
const char      *_tanlu_tracker_page_get_summary       (TanluTrackerPage *self);
void             _tanlu_tracker_page_export            (TanluTrackerPage *self,
                                                        const char       *format,
                                                        GFile            *file);

G_END_DECLS
