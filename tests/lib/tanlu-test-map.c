/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tanlu-test-map.h"

/**
 * tanlu_test_map_new:
 * @parent_code: the province whose cities to map, or 0 for the country
 *
 * Returns: (transfer full): a map of 2019's CO₂ emissions in @n_classes
 *   quantile classes
 */
TanluMapData *
tanlu_test_map_new (TanluStore       *store,
                    TanluRegionLevel  level,
                    guint             parent_code,
                    guint             n_classes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluMapData) data = tanlu_map_data_new (store, level, parent_code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2019, &error));
  g_assert_no_error (error);
  g_assert_true (
    tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, n_classes, NULL, 0, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&data);
}

/* Fits @view, @width × @height pixels, to the map's regions. */
void
tanlu_test_map_fit (TanluMapData *data,
                    TanluMapView *view,
                    double        width,
                    double        height)
{
  double min_x, min_y, max_x, max_y;

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  tanlu_map_view_fit (view, width, height, min_x, min_y, max_x, max_y, 10);
}
