/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-test"

#include "config.h"

#include "tanlu-test-region-colors.h"

#include "geo/tanlu-geometry.h"
#include "map/tanlu-map-data.h"
#include "map/tanlu-map-palette.h"
#include "store/tanlu-region.h"

#include <math.h>
#include <stdlib.h>

/* Every region of a map picture is read at one pixel, which must be its
 * class's colour (or, without data, the hatching's fill): a golden image
 * compared with a tolerance lets a small region change class, this does
 * not.
 *
 * The pixel is near the region's pole of inaccessibility, the point
 * farthest inside it, so antialiased outlines never reach it and a
 * tolerance of SAMPLE_TOLERANCE levels is plenty. Names drawn over the
 * map could cover it: the picture is drawn again with and without names,
 * and the point moves on circles around the pole, staying at least
 * TANLU_TEST_REGION_MIN_CLEARANCE pixels inside, until it is clear of
 * every pixel where the names change the picture, and of the legend the
 * picture says it drew. Among those points one in an even patch of colour
 * is preferred, which keeps it off the scale bar. */

#define SAMPLE_TOLERANCE 2
/* Around the pixel read: clear of names, and holding a pixel of the fill
 * between hatching lines five pixels apart. */
#define SAMPLE_RADIUS 2
/* Circles searched around the pole, every this many pixels. */
#define SEARCH_STEP 2.0
#define SEARCH_DIRECTIONS 16

typedef struct
{
  int            width;
  int            height;
  const guint8  *data;
  int            stride;
} Pixels;

static void
pixels_init (Pixels          *pixels,
             cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  pixels->width = cairo_image_surface_get_width (surface);
  pixels->height = cairo_image_surface_get_height (surface);
  pixels->data = cairo_image_surface_get_data (surface);
  pixels->stride = cairo_image_surface_get_stride (surface);
}

static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  x = CLAMP (x, 0, pixels->width - 1);
  y = CLAMP (y, 0, pixels->height - 1);

  return ((const guint32 *) (const void *) (pixels->data + y * pixels->stride))[x] & 0xffffff;
}

static guint32
color_pixel (const TanluChartColor *color)
{
  return ((guint32) round (color->red * 255) << 16) | ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

static int
channel_distance (guint32 a,
                  guint32 b)
{
  int distance = 0;

  for (int shift = 0; shift < 24; shift += 8)
    distance = MAX (distance, abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));

  return distance;
}

static cairo_surface_t *
draw_copy (const TanluMapPicture *picture,
           gboolean               labels,
           int                    width,
           int                    height,
           TanluMapPicture       *drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  *drawn = *picture;
  drawn->style.labels = labels;
  tanlu_map_picture_draw (cr, drawn, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The region's rings in the picture's pixels. */
static void
project_rings (const TanluMapPicture *picture,
               TanluMapRegion        *region,
               GArray                *points,
               GArray                *lengths)
{
  const double *lonlat = tanlu_geometry_get_points (region->geometry, NULL);

  for (guint r = 0; r < tanlu_geometry_get_n_rings (region->geometry); r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (region->geometry, r);

      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *point = &lonlat[2 * (ring->first_point + i)];
          double xy[2];

          tanlu_map_picture_project (picture, point[0], point[1], &xy[0], &xy[1]);
          g_array_append_vals (points, xy, 2);
        }
      g_array_append_val (lengths, ring->n_points);
    }
}

/* How far x, y is inside the rings, in pixels; 0 outside. */
static double
clearance (GArray *points,
           GArray *lengths,
           double  x,
           double  y)
{
  const double *p = (const double *) (const void *) points->data;
  double best = G_MAXDOUBLE;
  gboolean inside = FALSE;

  for (guint r = 0; r < lengths->len; p += 2 * g_array_index (lengths, guint, r), r++)
    {
      guint n = g_array_index (lengths, guint, r);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double dx = p[2 * i] - p[2 * j];
          double dy = p[2 * i + 1] - p[2 * j + 1];
          double t = 0;

          if ((p[2 * i + 1] > y) != (p[2 * j + 1] > y) &&
              x < dx * (y - p[2 * j + 1]) / dy + p[2 * j])
            inside = !inside;

          if (dx != 0 || dy != 0)
            t = CLAMP (((x - p[2 * j]) * dx + (y - p[2 * j + 1]) * dy) / (dx * dx + dy * dy), 0, 1);
          best = MIN (best, hypot (p[2 * j] + t * dx - x, p[2 * j + 1] + t * dy - y));
        }
    }

  return inside ? best : 0;
}

/* Whether no name changes the picture around x, y. */
static gboolean
clear_of_names (const Pixels *labelled,
                const Pixels *unlabelled,
                int           x,
                int           y)
{
  for (int dy = -SAMPLE_RADIUS; dy <= SAMPLE_RADIUS; dy++)
    for (int dx = -SAMPLE_RADIUS; dx <= SAMPLE_RADIUS; dx++)
      if (pixel_at (labelled, x + dx, y + dy) != pixel_at (unlabelled, x + dx, y + dy))
        return FALSE;

  return TRUE;
}

static gboolean
clear_of_legend (const TanluMapPicture *picture,
                 int                    x,
                 int                    y)
{
  const double *box = picture->legend_box;

  return x + SAMPLE_RADIUS < box[0] || x - SAMPLE_RADIUS > box[0] + box[2] ||
         y + SAMPLE_RADIUS < box[1] || y - SAMPLE_RADIUS > box[1] + box[3];
}

/* Whether the pixels around x, y are all of one colour. */
static gboolean
even_patch (const Pixels *pixels,
            int           x,
            int           y)
{
  guint32 centre = pixel_at (pixels, x, y);

  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (channel_distance (pixel_at (pixels, x + dx, y + dy), centre) > SAMPLE_TOLERANCE)
        return FALSE;

  return TRUE;
}

/* Whether some pixel around x, y is @color, as one between hatching lines is. */
static gboolean
patch_holds (const Pixels *pixels,
             int           x,
             int           y,
             guint32       color)
{
  for (int dy = -SAMPLE_RADIUS; dy <= SAMPLE_RADIUS; dy++)
    for (int dx = -SAMPLE_RADIUS; dx <= SAMPLE_RADIUS; dx++)
      if (channel_distance (pixel_at (pixels, x + dx, y + dy), color) <= SAMPLE_TOLERANCE)
        return TRUE;

  return FALSE;
}

/* Picks the pixel to read: returns FALSE when the region has no room
 * clear of the names and legend. */
static gboolean
find_sample (const TanluMapPicture *picture,
             TanluMapRegion        *region,
             const Pixels          *labelled,
             const Pixels          *unlabelled,
             gboolean              *too_small,
             int                   *sample_x,
             int                   *sample_y)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  double longitude, latitude, pole_x, pole_y, north_x, north_y, room, precision;
  gboolean found = FALSE;

  /* A quarter of a pixel, in degrees of latitude. */
  tanlu_geometry_get_centroid (region->geometry, &longitude, &latitude);
  tanlu_map_picture_project (picture, longitude, latitude, &pole_x, &pole_y);
  tanlu_map_picture_project (picture, longitude, latitude + 0.1, &north_x, &north_y);
  precision = 0.1 / hypot (north_x - pole_x, north_y - pole_y) / 4;

  tanlu_geometry_pole_of_inaccessibility (region->geometry, precision, &longitude, &latitude);
  tanlu_map_picture_project (picture, longitude, latitude, &pole_x, &pole_y);
  project_rings (picture, region, points, lengths);
  room = clearance (points, lengths, pole_x, pole_y);

  /* Half a pixel to its centre, the outline's half width, antialiasing. */
  *too_small = room < TANLU_TEST_REGION_MIN_CLEARANCE ||
               pole_x < picture->map_left || pole_y < picture->map_top ||
               pole_x >= picture->map_left + picture->map_view.width ||
               pole_y >= picture->map_top + picture->map_view.height;
  if (*too_small)
    return FALSE;

  /* Inside the circle of @room around the pole, a point r from it is at
   * least @room − r inside the region. */
  for (double r = 0; r <= room - TANLU_TEST_REGION_MIN_CLEARANCE; r += SEARCH_STEP)
    for (guint d = 0; d < (r > 0 ? SEARCH_DIRECTIONS : 1); d++)
      {
        double angle = 2 * G_PI * d / SEARCH_DIRECTIONS;
        int x = (int) floor (pole_x + r * cos (angle));
        int y = (int) floor (pole_y + r * sin (angle));

        if (!clear_of_names (labelled, unlabelled, x, y) || !clear_of_legend (picture, x, y))
          continue;
        if (!found)
          {
            *sample_x = x;
            *sample_y = y;
            found = TRUE;
          }
        if (even_patch (unlabelled, x, y))
          {
            *sample_x = x;
            *sample_y = y;
            return TRUE;
          }
      }

  return found;
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_test_check_region_colors:
 * @surface: an image surface holding @picture as tanlu_map_picture_draw()
 *   drew it at the surface's size, or something meant to look like it
 * @picture: the picture: its map and classes give each region's colour
 * @skipped: (out) (optional) (transfer container): the regions with no
 *   point far enough inside and clear of the names to read
 *
 * Reads every region of @picture in @surface at a point well inside it and
 * compares it with its class's colour, or that of no data. Each region
 * that differs is named in a test message, with the pixel read.
 *
 * Returns: (transfer container) (element-type TanluMapRegion): the regions
 *   of the wrong colour, in the map's order
 */
GPtrArray *
tanlu_test_check_region_colors (cairo_surface_t        *surface,
                                const TanluMapPicture  *picture,
                                GPtrArray             **skipped)
{
  TanluMapData *data = picture->data;
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  GPtrArray *wrong = g_ptr_array_new ();
  GPtrArray *left_out = g_ptr_array_new ();
  cairo_surface_t *with_names, *without_names;
  TanluMapPicture drawn, drawn_without;
  TanluChartColor no_data, hatch;
  Pixels actual, labelled, unlabelled;
  int width, height;

  g_assert_cmpint (cairo_surface_get_type (surface), ==, CAIRO_SURFACE_TYPE_IMAGE);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  with_names = draw_copy (picture, TRUE, width, height, &drawn);
  without_names = draw_copy (picture, FALSE, width, height, &drawn_without);
  pixels_init (&actual, surface);
  pixels_init (&labelled, with_names);
  pixels_init (&unlabelled, without_names);
  tanlu_map_palette_get_no_data_color (picture->style.dark, &no_data, &hatch);

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      TanluMapRegion *shown = region->successor != NULL ? region->successor : region;
      int index = classification != NULL ? tanlu_classification_find (classification, shown->value)
                                         : -1;
      gboolean too_small, matches;
      TanluChartColor color;
      guint32 expected, found;
      int x, y;

      if (!find_sample (&drawn, region, &labelled, &unlabelled, &too_small, &x, &y))
        {
          g_test_message ("%s (%u) not read: %s", tanlu_region_get_name_en (region->region),
                          tanlu_region_get_code (region->region),
                          too_small ? "too small at this size" : "covered by its name or the legend");
          g_ptr_array_add (left_out, region);
          continue;
        }

      if (index >= 0)
        tanlu_map_palette_get_color (picture->style.palette, classification->n_classes, index,
                                     picture->style.dark, &color);
      else
        color = no_data;
      expected = color_pixel (&color);
      found = pixel_at (&actual, x, y);

      /* Hatched regions, without data or with an incomplete figure, show
       * their fill between the lines. */
      if (index < 0 || shown->incomplete)
        matches = patch_holds (&actual, x, y, expected);
      else
        matches = channel_distance (found, expected) <= SAMPLE_TOLERANCE;

      if (!matches)
        {
          g_test_message ("%s (%u) at %d, %d is #%06x, not #%06x (%s)",
                          tanlu_region_get_name_en (region->region),
                          tanlu_region_get_code (region->region), x, y, found, expected,
                          index >= 0 ? "its class" : "no data");
          if (index >= 0)
            g_test_message ("  it should be class %d of %u, value %g", index + 1,
                            classification->n_classes, shown->value);
          g_ptr_array_add (wrong, region);
        }
    }

  cairo_surface_destroy (with_names);
  cairo_surface_destroy (without_names);

  if (skipped != NULL)
    *skipped = left_out;
  else
    g_ptr_array_unref (left_out);

  return wrong;
}

/**
 * tanlu_test_map_text_region:
 *
 * Where @picture, drawn at @width × @height, has text: everything around
 * the map (title and the lines under it), the legend, and a few pixels
 * around each name on the map, found by drawing it with and without them.
 *
 * Returns: (transfer full): the region
 */
cairo_region_t *
tanlu_test_map_text_region (const TanluMapPicture *picture,
                            int                    width,
                            int                    height)
{
  /* Names moved by a pixel or two by other metrics stay inside. */
  const int margin = 3;
  cairo_surface_t *with_names, *without_names;
  cairo_rectangle_int_t all = { 0, 0, width, height };
  cairo_rectangle_int_t rect;
  cairo_region_t *text = cairo_region_create_rectangle (&all);
  TanluMapPicture drawn, drawn_without;
  Pixels labelled, unlabelled;

  with_names = draw_copy (picture, TRUE, width, height, &drawn);
  without_names = draw_copy (picture, FALSE, width, height, &drawn_without);
  pixels_init (&labelled, with_names);
  pixels_init (&unlabelled, without_names);

  rect = (cairo_rectangle_int_t) {
    (int) ceil (drawn.map_left) + 1, (int) ceil (drawn.map_top) + 1,
    (int) floor (drawn.map_view.width) - 2, (int) floor (drawn.map_view.height) - 2,
  };
  cairo_region_subtract_rectangle (text, &rect);

  rect = (cairo_rectangle_int_t) {
    (int) floor (drawn.legend_box[0]) - margin, (int) floor (drawn.legend_box[1]) - margin,
    (int) ceil (drawn.legend_box[2]) + 2 * margin + 1,
    (int) ceil (drawn.legend_box[3]) + 2 * margin + 1,
  };
  cairo_region_union_rectangle (text, &rect);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int end = x;

        while (end < width && pixel_at (&labelled, end, y) != pixel_at (&unlabelled, end, y))
          end++;
        if (end == x)
          continue;

        rect = (cairo_rectangle_int_t) { x - margin, y - margin, end - x + 2 * margin,
                                         1 + 2 * margin };
        cairo_region_union_rectangle (text, &rect);
        x = end;
      }

  cairo_surface_destroy (with_names);
  cairo_surface_destroy (without_names);

  return text;
}
