/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-chart-card.h"

G_BEGIN_DECLS

const char *_tanlu_chart_card_get_message       (TanluChartCard *self);
const char *_tanlu_chart_card_get_message_title (TanluChartCard *self);

G_END_DECLS
