/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Summaries of an array of doubles (times), which they sort. */
double tanlu_bench_median     (GArray *values);
double tanlu_bench_percentile (GArray *values,
                               double  fraction);
double tanlu_bench_maximum    (GArray *values);

G_END_DECLS
