/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-lever-editor.h"
#include "tanlu-pathways-page.h"
#include "widgets/tanlu-chart-card.h"

G_BEGIN_DECLS

/* For the display tests, which work the page the way a user does and
 * read back what it shows. */

TanluChartCard   *_tanlu_pathways_page_get_main_card       (TanluPathwaysPage *self);
TanluChartCard   *_tanlu_pathways_page_get_difference_card (TanluPathwaysPage *self);
TanluChartCard   *_tanlu_pathways_page_get_wedge_card      (TanluPathwaysPage *self);
TanluLeverEditor *_tanlu_pathways_page_get_lever_editor    (TanluPathwaysPage *self);
GtkListBox       *_tanlu_pathways_page_get_list            (TanluPathwaysPage *self);
GtkGrid          *_tanlu_pathways_page_get_table           (TanluPathwaysPage *self);
void              _tanlu_pathways_page_set_lever           (TanluPathwaysPage *self,
                                                            TanluLever         lever);
char             *_tanlu_pathways_page_get_table_cell      (TanluPathwaysPage *self,
                                                            const char        *pathway,
                                                            guint              column);

G_END_DECLS
