/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-geo"

#include "config.h"

#include "tanlu-albers.h"

#include <math.h>

/* The spherical formulas of Snyder, "Map Projections — A Working Manual"
 * (USGS Professional Paper 1395, 1987), §14, equations 14-1 to 14-4 and,
 * for the inverse, 14-8 to 14-11:
 *
 *   n  = (sin φ1 + sin φ2) / 2
 *   C  = cos² φ1 + 2 n sin φ1
 *   ρ  = R √(C − 2 n sin φ) / n,  ρ0 the same at the latitude of origin
 *   θ  = n (λ − λ0)
 *   x  = ρ sin θ,  y = ρ0 − ρ cos θ
 *
 * and back: ρ = √(x² + (ρ0 − y)²), θ = atan2 (x, ρ0 − y),
 * φ = asin ((C − (ρ n / R)²) / 2 n), λ = λ0 + θ / n.
 *
 * Scale is true along both standard parallels; along a parallel φ it is
 * k = ρ n / (R cos φ), and along the meridian 1 / k, so areas are true. */

#define RADIANS (G_PI / 180)

typedef struct
{
  double n;
  double c;
  double rho0;
} Constants;

static const Constants *
constants (void)
{
  static Constants constants;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      double phi1 = TANLU_ALBERS_PARALLEL_1 * RADIANS;
      double phi2 = TANLU_ALBERS_PARALLEL_2 * RADIANS;
      double phi0 = TANLU_ALBERS_ORIGIN_LATITUDE * RADIANS;

      constants.n = (sin (phi1) + sin (phi2)) / 2;
      constants.c = cos (phi1) * cos (phi1) + 2 * constants.n * sin (phi1);
      constants.rho0 =
        TANLU_ALBERS_RADIUS * sqrt (constants.c - 2 * constants.n * sin (phi0)) / constants.n;
      g_once_init_leave (&done, 1);
    }

  return &constants;
}

/**
 * tanlu_albers_project:
 * @longitude: degrees east
 * @latitude: degrees north
 * @x: (out): metres east of the central meridian
 * @y: (out): metres north of the latitude of origin
 *
 * Longitudes are taken within 180° of the central meridian, so that the
 * map's cut lies at 75° W, away from China.
 */
void
tanlu_albers_project (double  longitude,
                      double  latitude,
                      double *x,
                      double *y)
{
  const Constants *k = constants ();
  double lambda = remainder (longitude - TANLU_ALBERS_CENTRAL_MERIDIAN, 360);
  double theta = k->n * lambda * RADIANS;
  double rho = TANLU_ALBERS_RADIUS * sqrt (k->c - 2 * k->n * sin (latitude * RADIANS)) / k->n;

  *x = rho * sin (theta);
  *y = k->rho0 - rho * cos (theta);
}

/**
 * tanlu_albers_unproject:
 *
 * The inverse of tanlu_albers_project().
 */
void
tanlu_albers_unproject (double  x,
                        double  y,
                        double *longitude,
                        double *latitude)
{
  const Constants *k = constants ();
  double rho = hypot (x, k->rho0 - y);
  double theta = atan2 (x, k->rho0 - y);
  double q = rho * k->n / TANLU_ALBERS_RADIUS;

  *latitude = asin (CLAMP ((k->c - q * q) / (2 * k->n), -1, 1)) / RADIANS;
  *longitude = TANLU_ALBERS_CENTRAL_MERIDIAN + theta / k->n / RADIANS;
}

/**
 * tanlu_albers_scale_factor:
 *
 * Returns: the scale along the parallel of @latitude: 1 on the standard
 *   parallels, less between them and more outside them. Along the
 *   meridian it is the inverse.
 */
double
tanlu_albers_scale_factor (double latitude)
{
  const Constants *k = constants ();
  double phi = latitude * RADIANS;

  return sqrt (k->c - 2 * k->n * sin (phi)) / cos (phi);
}
