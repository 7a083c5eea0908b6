/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "widgets/tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_DATA_PAGE (tanlu_data_page_get_type ())

G_DECLARE_FINAL_TYPE (TanluDataPage, tanlu_data_page, TANLU, DATA_PAGE, TanluContextView)

G_END_DECLS
