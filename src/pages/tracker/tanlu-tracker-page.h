/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "widgets/tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_TRACKER_PAGE (tanlu_tracker_page_get_type ())

G_DECLARE_FINAL_TYPE (TanluTrackerPage, tanlu_tracker_page, TANLU, TRACKER_PAGE, TanluContextView)

G_END_DECLS
