/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-picture.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <zlib.h>

/* PNG files are written with libpng rather than cairo's writer, which tries
 * every row filter at zlib's default level: for a 1600×900 chart that is
 * 38 ms, four times the drawing. Charts are flat colours and sharp edges,
 * which deflate well unfiltered at the fastest level: 9 ms, for files
 * about 7 % larger. */

/* Large enough for any slide or poster, small enough that a typing
 * mistake does not ask for gigabytes. */
#define MAX_SIZE 20000

G_DEFINE_QUARK (tanlu-picture-error-quark, tanlu_picture_error)

typedef struct
{
  FILE *file;
  int   saved_errno;
} PngOutput;

static gboolean
has_text (const char *str)
{
  return str != NULL && str[0] != '\0';
}

static void
write_data_cb (png_structp  png,
               png_bytep    bytes,
               png_size_t   length)
{
  PngOutput *output = png_get_io_ptr (png);

  if (fwrite (bytes, 1, length, output->file) != length)
    {
      output->saved_errno = errno;
      png_error (png, "write error");
    }
}

static void
flush_cb (png_structp png)
{
}

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
}

/* Cairo stores native-endian 32-bit pixels, premultiplied; PNG wants
 * bytes in order, straight alpha. */
static void
convert_row (const guint32 *source,
             guchar        *row,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = source[x];
      guint a = pixel >> 24;
      guint r = (pixel >> 16) & 0xff;
      guint g = (pixel >> 8) & 0xff;
      guint b = pixel & 0xff;

      if (!alpha)
        {
          row[0] = r;
          row[1] = g;
          row[2] = b;
          row += 3;
          continue;
        }

      if (a != 0 && a != 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      row[0] = r;
      row[1] = g;
      row[2] = b;
      row[3] = a;
      row += 4;
    }
}

/* @picture's title and source go in as text too, so that even a sparkline,
 * which has no room to print them, keeps them. */
static cairo_status_t
write_png (cairo_surface_t        *surface,
           const TanluPictureInfo *picture,
           FILE                   *file,
           int                    *saved_errno)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  const guchar *pixels;
  PngOutput output = { file, 0 };
  guchar * volatile row = NULL;
  png_structp png;
  png_infop info;

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE,
                        CAIRO_STATUS_WRITE_ERROR);

  *saved_errno = 0;
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, error_cb, warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      png_destroy_write_struct (&png, &info);
      *saved_errno = output.saved_errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, &output, write_data_cb, flush_cb);
  png_set_IHDR (png, info, width, height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  {
    png_text text[4];
    int n_text = 0;

    text[n_text++] = (png_text){ PNG_TEXT_COMPRESSION_NONE, (char *) "Software", (char *) "Tanlu" };
    if (has_text (picture->title))
      text[n_text++] =
        (png_text){ PNG_ITXT_COMPRESSION_NONE, (char *) "Title", (char *) picture->title };
    if (has_text (picture->source))
      text[n_text++] =
        (png_text){ PNG_ITXT_COMPRESSION_NONE, (char *) "Source", (char *) picture->source };
    if (has_text (picture->date))
      text[n_text++] =
        (png_text){ PNG_ITXT_COMPRESSION_NONE, (char *) "Description", (char *) picture->date };
    png_set_text (png, info, text, n_text);
  }
  png_set_compression_level (png, Z_BEST_SPEED);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * (alpha ? 4 : 3));
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (pixels + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }
  png_write_end (png, info);

  g_free (row);
  png_destroy_write_struct (&png, &info);

  return CAIRO_STATUS_SUCCESS;
}

/* ---- vector formats and files ---- */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *bytes,
          unsigned int         length)
{
  PngOutput *output = closure;

  if (fwrite (bytes, 1, length, output->file) != length)
    {
      output->saved_errno = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_WRITE,
               _("Could not write “%s”: %s"), display_name, reason);
}

static void
set_pdf_metadata (cairo_surface_t        *surface,
                  const TanluPictureInfo *info)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tanlu");
  if (has_text (info->title))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  if (has_text (info->source))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, info->source);

  /* Reproducible files when the build asks for them. */
  if (epoch != NULL)
    {
      gint64 seconds = g_ascii_strtoll (epoch, NULL, 10);
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seconds);

      if (date != NULL)
        {
          g_autofree char *iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
        }
    }
}

/**
 * tanlu_picture_export:
 * @width: in pixels (PNG) or points (SVG, PDF)
 * @scale: pixels per unit for PNG, such as 2 for high-density screens;
 *   ignored by the vector formats
 * @info: what the file says about itself
 * @draw: draws the picture at @width × @height
 * @path: (type filename): the file written, replaced if it exists
 *
 * Draws a picture into a file. The same drawing always gives the same
 * bytes for PNG and SVG; PDF files carry their creation date unless
 * SOURCE_DATE_EPOCH fixes it.
 *
 * Returns: %TRUE on success; on failure the file is removed and @error is
 *   set (%TANLU_PICTURE_ERROR_INVALID or %TANLU_PICTURE_ERROR_WRITE), naming
 *   the file
 */
gboolean
tanlu_picture_export (TanluPictureFormat         format,
                      int                      width,
                      int                      height,
                      double                   scale,
                      const TanluPictureInfo  *info,
                      TanluPictureDrawFunc     draw,
                      gpointer                 user_data,
                      const char              *path,
                      GError                 **error)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  PngOutput output = { NULL, 0 };
  cairo_t *cr;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != TANLU_PICTURE_FORMAT_PNG)
    scale = 1;
  if (width <= 0 || height <= 0 || !(scale >= 0.25 && scale <= 8)
      || width * scale > MAX_SIZE || height * scale > MAX_SIZE)
    {
      g_set_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_INVALID,
                   _("Cannot export a picture of %d × %d at scale %g: it must be from 1 to %d "
                     "pixels wide and high"),
                   width, height, scale, MAX_SIZE);
      return FALSE;
    }

  if (format != TANLU_PICTURE_FORMAT_PNG && format != TANLU_PICTURE_FORMAT_SVG &&
      format != TANLU_PICTURE_FORMAT_PDF)
    {
      g_set_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_INVALID,
                   _("Unknown export format (%d)"), (int) format);
      return FALSE;
    }

  output.file = g_fopen (path, "wb");
  if (output.file == NULL)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  switch (format)
    {
    case TANLU_PICTURE_FORMAT_PNG:
      surface = cairo_image_surface_create (info->opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      draw (cr, width, height, user_data);
      cairo_destroy (cr);
      status = write_png (surface, info, output.file, &output.saved_errno);
      break;

    case TANLU_PICTURE_FORMAT_SVG:
    case TANLU_PICTURE_FORMAT_PDF:
    default:
      if (format == TANLU_PICTURE_FORMAT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (write_cb, &output, width, height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
        }
      else
        {
          surface = cairo_pdf_surface_create_for_stream (write_cb, &output, width, height);
          set_pdf_metadata (surface, info);
        }
      cr = cairo_create (surface);
      draw (cr, width, height, user_data);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;
    }

  cairo_surface_destroy (surface);

  if (fclose (output.file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      output.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, output.saved_errno != 0 ? g_strerror (output.saved_errno)
                                                            : cairo_status_to_string (status));
      g_remove (path);
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_picture_format_from_path:
 * @format: (out): the format, when known
 *
 * Returns: whether @path ends in .png, .svg or .pdf, in any case
 */
gboolean
tanlu_picture_format_from_path (const char       *path,
                              TanluPictureFormat *format)
{
  static const struct
  {
    const char       *suffix;
    TanluPictureFormat  format;
  } suffixes[] = {
    { ".png", TANLU_PICTURE_FORMAT_PNG },
    { ".svg", TANLU_PICTURE_FORMAT_SVG },
    { ".pdf", TANLU_PICTURE_FORMAT_PDF },
  };
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  length = strlen (path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (length >= 4 && g_ascii_strcasecmp (path + length - 4, suffixes[i].suffix) == 0)
      {
        if (format != NULL)
          *format = suffixes[i].format;
        return TRUE;
      }

  return FALSE;
}
