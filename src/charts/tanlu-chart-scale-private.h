/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-chart-scale.h"

G_BEGIN_DECLS

int _tanlu_chart_value_decimals (double magnitude);

G_END_DECLS
