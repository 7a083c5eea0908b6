/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-test"

#include "config.h"

#include <pango/pangocairo.h>

#include "tanlu-test-golden.h"

#include <stdlib.h>

#ifndef TANLU_TEST_SOURCE_DIR
#error "TANLU_TEST_SOURCE_DIR must name the source tree"
#endif

/* Golden images: a picture drawn by a test is compared with a reference
 * under tests/golden/. A pixel differs when one of its channels is off by
 * more than GOLDEN_TOLERANCE levels, both on its own and averaged over the
 * 3 × 3 pixels around it; an image matches when at most
 * GOLDEN_MAX_DIFFERING of its pixels differ.
 *
 * Measured on the chart references: drawing the text with no or full
 * hinting instead of slight, as another FreeType or another font build
 * might, moves glyph edges by a fraction of a pixel and makes 0.37 % to
 * 0.63 % of the pixels differ. Anything that changes the picture does far
 * more: unhinted metrics, which shift the labels by a pixel or two, 2.6 %
 * to 3.9 %; leaving out the pale corridor of the line chart (11 levels off
 * the page colour, which is why the tolerance is this low) 3.9 %. A single
 * short label missing is within the noise; the layout tests catch that.
 *
 * A picture whose text is known, such as a map's, is held to more: away
 * from its text, where only shapes are drawn and their antialiasing does
 * not depend on fonts, at most GOLDEN_MAX_DIFFERING_SHAPES of its pixels
 * may differ. On the map goldens (800 × 600) the smallest region that
 * must not change class unnoticed, Chongqing, covers 761 pixels of the
 * provinces (0.16 %), Chengdu 2691 of Sichuan's cities (0.56 %); a one-
 * class change makes nearly all of them differ, all but the outline. The
 * limit, 0.05 % (240 pixels), is under a third of Chongqing, and above
 * what hinting changes away from the text (names, legend, the lines
 * around the map): drawn with no hinting instead of slight, the map
 * goldens differ there in 94 and 67 pixels (in 0.57 % and 0.59 % of all
 * their pixels); with full hinting, the provinces in 134.
 *
 * TANLU_UPDATE_GOLDEN=1 in the environment rewrites the references
 * instead. */

#define GOLDEN_TOLERANCE 8
#define GOLDEN_MAX_DIFFERING 0.01
#define GOLDEN_MAX_DIFFERING_SHAPES 0.0005

/* ------------------------------------------------------------------------ */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (const void *) (data + y * stride))[x] & 0xffffff;
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

/* The mean of one channel over the 3 × 3 pixels around x, y. */
static int
blurred_channel (cairo_surface_t *surface,
                 int              x,
                 int              y,
                 int              shift)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int sum = 0;

  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        guint32 pixel =
          pixel_at (surface, CLAMP (x + dx, 0, width - 1), CLAMP (y + dy, 0, height - 1));

        sum += (pixel >> shift) & 0xff;
      }

  return sum / 9;
}

/* Edges moved by a fraction of a pixel change single pixels a lot but
 * their neighbourhood little, so a pixel only counts when it is off both
 * on its own and averaged with its eight neighbours. */
static gboolean
pixel_differs (cairo_surface_t *expected,
               cairo_surface_t *actual,
               int              x,
               int              y)
{
  if (channel_distance (pixel_at (expected, x, y), pixel_at (actual, x, y)) <= GOLDEN_TOLERANCE)
    return FALSE;

  for (int shift = 0; shift < 24; shift += 8)
    {
      int distance =
        abs (blurred_channel (expected, x, y, shift) - blurred_channel (actual, x, y, shift));

      if (distance > GOLDEN_TOLERANCE)
        return TRUE;
    }

  return FALSE;
}

/* The differing pixels in red over a faint copy of the expected image. */
static void
write_difference (cairo_surface_t *expected,
                  cairo_surface_t *actual,
                  const char      *path)
{
  int width = cairo_image_surface_get_width (expected);
  int height = cairo_image_surface_get_height (expected);
  cairo_surface_t *difference = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  unsigned char *data = cairo_image_surface_get_data (difference);
  int stride = cairo_image_surface_get_stride (difference);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 want = pixel_at (expected, x, y);
        guint32 *out = (guint32 *) (void *) (data + y * stride) + x;
        guint32 grey = (((want >> 16) & 0xff) + ((want >> 8) & 0xff) + (want & 0xff)) / 3;

        grey = 192 + grey / 4;
        *out =
          pixel_differs (expected, actual, x, y) ? 0xff0000 : (grey << 16) | (grey << 8) | grey;
      }
  cairo_surface_mark_dirty (difference);
  cairo_surface_write_to_png (difference, path);
  cairo_surface_destroy (difference);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_test_font_installed:
 *
 * Golden images are only compared when the font they were drawn in is
 * there; tests skip otherwise.
 */
gboolean
tanlu_test_font_installed (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  gboolean found = FALSE;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0;
  g_free (families);

  return found;
}

/**
 * tanlu_test_compare_golden:
 * @actual: an image surface, as drawn
 * @name: the reference's name, tests/golden/@name.png
 *
 * Fails the test when @actual differs from the reference, leaving the
 * image drawn and one marking the differences in a temporary folder that
 * the test's messages name. With TANLU_UPDATE_GOLDEN=1, writes @actual as
 * the reference instead.
 */
void
tanlu_test_compare_golden (cairo_surface_t *actual,
                           const char      *name)
{
  tanlu_test_compare_golden_with_text (actual, name, NULL);
}

/**
 * tanlu_test_compare_golden_with_text:
 * @text: (nullable): where the picture has text, which fonts may draw
 *   differently; elsewhere it is held to a much lower tolerance
 *
 * Like tanlu_test_compare_golden(), for a picture whose text is known.
 */
void
tanlu_test_compare_golden_with_text (cairo_surface_t      *actual,
                                     const char           *name,
                                     const cairo_region_t *text)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *reference =
    g_build_filename (TANLU_TEST_SOURCE_DIR, "tests", "golden", file, NULL);
  g_autofree char *failure_dir = NULL;
  g_autofree char *actual_path = NULL;
  g_autofree char *difference_path = NULL;
  cairo_surface_t *expected;
  guint differing = 0;
  guint differing_shapes = 0;
  int width, height;

  g_assert_cmpint (cairo_surface_get_type (actual), ==, CAIRO_SURFACE_TYPE_IMAGE);
  cairo_surface_flush (actual);

  if (g_strcmp0 (g_getenv ("TANLU_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("Wrote %s", reference);
      return;
    }

  expected = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    {
      g_test_message ("Cannot read %s; run with TANLU_UPDATE_GOLDEN=1 to write it", reference);
      g_test_fail ();
      cairo_surface_destroy (expected);
      return;
    }

  width = cairo_image_surface_get_width (expected);
  height = cairo_image_surface_get_height (expected);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_differs (expected, actual, x, y))
        {
          differing++;
          differing_shapes += text != NULL && !cairo_region_contains_point (text, x, y);
        }

  g_test_message ("%s: %u of %d pixels differ", name, differing, width * height);
  if (text != NULL)
    g_test_message ("%s: %u of them away from the text (at most %.0f may)", name,
                    differing_shapes, GOLDEN_MAX_DIFFERING_SHAPES * width * height);
  if (differing > GOLDEN_MAX_DIFFERING * width * height ||
      differing_shapes > GOLDEN_MAX_DIFFERING_SHAPES * width * height)
    {
      /* Kept: it holds the images to compare. */
      failure_dir = g_dir_make_tmp ("tanlu-golden-XXXXXX", NULL);
      g_assert_nonnull (failure_dir);
      actual_path = g_build_filename (failure_dir, file, NULL);
      difference_path = g_strdup_printf ("%s/%s-difference.png", failure_dir, name);
      cairo_surface_write_to_png (actual, actual_path);
      write_difference (expected, actual, difference_path);
      g_test_message ("%s differs from %s in %u pixels; the image drawn is %s, the differences "
                      "are in %s", name, reference, differing, actual_path, difference_path);
      g_test_fail ();
    }

  cairo_surface_destroy (expected);
}
