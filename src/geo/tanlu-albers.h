/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Albers equal-area conic fitted to China, on a sphere of the GRS 80
 * ellipsoid's authalic radius (so that areas come out as the ellipsoid's):
 * central meridian 105° E, standard parallels 25° N and 47° N, latitude of
 * origin 0°. Coordinates are metres east of the central meridian and north
 * of the origin. */

#define TANLU_ALBERS_RADIUS            6371007.181
#define TANLU_ALBERS_CENTRAL_MERIDIAN  105.0
#define TANLU_ALBERS_ORIGIN_LATITUDE   0.0
#define TANLU_ALBERS_PARALLEL_1        25.0
#define TANLU_ALBERS_PARALLEL_2        47.0

void     tanlu_albers_project       (double  longitude,
                                     double  latitude,
                                     double *x,
                                     double *y);
void     tanlu_albers_unproject     (double  x,
                                     double  y,
                                     double *longitude,
                                     double *latitude);
double   tanlu_albers_scale_factor  (double  latitude);

G_END_DECLS
