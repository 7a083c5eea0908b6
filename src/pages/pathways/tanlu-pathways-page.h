/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_PATHWAYS_PAGE (tanlu_pathways_page_get_type ())

G_DECLARE_FINAL_TYPE (TanluPathwaysPage, tanlu_pathways_page, TANLU, PATHWAYS_PAGE,
                      TanluContextView)

GtkWidget *tanlu_pathways_page_new (void);

G_END_DECLS
