/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-render"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "charts/tanlu-chart-spec.h"
#include "charts/tanlu-chart.h"
#include "charts/tanlu-tracker-report.h"
#include "map/tanlu-map-draw.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-arguments.h"

#include <string.h>

/* `tanlu render`: pictures without a display, for scripts and slides.
 *
 *   tanlu [--db FILE] render chart --spec SPEC.json -o OUT.(png|svg|pdf)
 *   tanlu [--db FILE] render chart --kind KIND --region CODES … -o OUT
 *   tanlu [--db FILE] render batch SPECS.jsonl -o DIR
 *   tanlu [--db FILE] render map --level province|city [--parent CODE] … -o OUT
 *   tanlu [--db FILE] render tracker [--format pdf|svg|png] [--language zh|en] -o OUT
 *
 * `tanlu tracker export --format pdf` comes here as `render tracker`, so
 * that the headless commands need no Pango.
 */

typedef struct
{
  char    *spec_path;
  char    *output;
  char    *kind;
  char    *regions;
  char    *indicator;
  char    *years;
  char    *size;
  char    *theme;
  char    *language;
  char    *unit_scale;
  char    *title;
  char    *breakdown;
  char    *level;
  char    *method;
  char    *palette;
  char    *approval_number;
  char    *format;
  int      parent;
  int      classes;
  int      change_since;
  gboolean no_basemap;
  int      year;
  int      top;
  double   scale;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->spec_path);
  g_free (options->output);
  g_free (options->kind);
  g_free (options->regions);
  g_free (options->indicator);
  g_free (options->years);
  g_free (options->size);
  g_free (options->theme);
  g_free (options->language);
  g_free (options->unit_scale);
  g_free (options->title);
  g_free (options->breakdown);
  g_free (options->level);
  g_free (options->method);
  g_free (options->palette);
  g_free (options->approval_number);
  g_free (options->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_pair (const char *text,
            char        separator,
            guint64     min,
            guint64     max,
            guint64    *first,
            guint64    *second)
{
  g_auto(GStrv) parts = NULL;
  char separators[2] = { separator, '\0' };

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, separators, -1);
  return g_strv_length (parts) == 2 &&
         g_ascii_string_to_unsigned (parts[0], 10, min, max, first, NULL) &&
         g_ascii_string_to_unsigned (parts[1], 10, min, max, second, NULL);
}

/* Builds the spec the shortcut options describe, as if read from a file,
 * so both paths meet in the same checks. */
static TanluChartSpec *
spec_from_options (const Options  *options,
                   GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) regions = NULL;

  if (options->kind == NULL)
    {
      g_set_error_literal (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID,
                           _("render chart needs --spec FILE, or --kind and what to draw"));
      return NULL;
    }

  regions = g_strsplit (options->regions != NULL ? options->regions : "", ",", -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, options->kind);

  if (options->title != NULL)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, options->title);
    }

  if (g_str_equal (options->kind, "stacked-area") && options->breakdown != NULL)
    {
      json_builder_set_member_name (builder, "breakdown");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, options->breakdown);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, regions[0] != NULL ? regions[0] : "");
      if (options->top > 0)
        {
          json_builder_set_member_name (builder, "top");
          json_builder_add_int_value (builder, options->top);
        }
      json_builder_end_object (builder);
    }
  else if (g_str_equal (options->kind, "bars"))
    {
      json_builder_set_member_name (builder, "ranking");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, regions[0] != NULL ? regions[0] : "");
      json_builder_set_member_name (builder, "indicator");
      json_builder_add_string_value (
        builder, options->indicator != NULL ? options->indicator : TANLU_INDICATOR_CO2_TOTAL);
      if (options->year > 0)
        {
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, options->year);
        }
      json_builder_end_object (builder);
    }
  else
    {
      guint64 first = 0, last = 0;

      if (options->years != NULL && !parse_pair (options->years, '-', 1000, 9999, &first, &last))
        {
          g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID,
                       _("--years must be a first and last year, such as 1997-2019, not “%s”"),
                       options->years);
          return NULL;
        }

      json_builder_set_member_name (builder, "series");
      json_builder_begin_array (builder);
      for (guint i = 0; regions[i] != NULL; i++)
        {
          if (*regions[i] == '\0')
            continue;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "region");
          json_builder_add_string_value (builder, regions[i]);
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (
            builder, options->indicator != NULL ? options->indicator : TANLU_INDICATOR_CO2_TOTAL);
          if (options->years != NULL)
            {
              json_builder_set_member_name (builder, "years");
              json_builder_begin_array (builder);
              json_builder_add_int_value (builder, first);
              json_builder_add_int_value (builder, last);
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return tanlu_chart_spec_new_from_node (root, error);
}

static gboolean
apply_overrides (TanluChartSpec  *spec,
                 const Options   *options,
                 GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(TanluChartSpec) parsed = NULL;

  /* Options given on the command line win over the spec; they are checked
   * by the same parser by building a small spec from them. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, tanlu_chart_kind_to_string (spec->kind));
  if (options->theme != NULL)
    {
      json_builder_set_member_name (builder, "theme");
      json_builder_add_string_value (builder, options->theme);
    }
  if (options->language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, options->language);
    }
  if (options->unit_scale != NULL)
    {
      json_builder_set_member_name (builder, "unit_scale");
      json_builder_add_string_value (builder, options->unit_scale);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  if (!(parsed = tanlu_chart_spec_new_from_node (root, error)))
    return FALSE;

  if (options->theme != NULL)
    spec->theme = parsed->theme;
  if (options->language != NULL)
    spec->language = parsed->language;
  if (options->unit_scale != NULL)
    spec->unit_scale = parsed->unit_scale;

  if (options->size != NULL)
    {
      guint64 width, height;

      if (!parse_pair (options->size, 'x', 1, 20000, &width, &height))
        {
          g_set_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID,
                       _("--size must be WIDTHxHEIGHT in pixels, such as 1600x900, not “%s”"),
                       options->size);
          return FALSE;
        }
      spec->width = width;
      spec->height = height;
    }

  return TRUE;
}

static gboolean
render_spec (TanluStore            *store,
             const TanluChartSpec  *spec,
             const char            *output,
             double                 scale,
             GError               **error)
{
  g_autoptr(TanluChartData) data = NULL;
  TanluPictureFormat format;

  if (!tanlu_picture_format_from_path (output, &format))
    {
      g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_WRITE,
                   _("“%s” must end in .png, .svg or .pdf"), output);
      return FALSE;
    }

  if (!(data = tanlu_chart_spec_resolve (spec, store, error)))
    return FALSE;

  return tanlu_chart_export (data, format, spec->width, spec->height, scale, output, error);
}

static TanluStore *
open_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  TanluStore *store;

  if (!(store = tanlu_store_open_for_reading (db_path, &error)))
    g_printerr ("tanlu: %s\n", error->message);

  return store;
}

static int
render_chart (const char  *db_path,
              Options     *options)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluChartSpec) spec = NULL;
  g_autoptr(GError) error = NULL;

  if (options->output == NULL)
    {
      g_printerr ("tanlu: %s\n", _("render chart needs -o OUT.png, OUT.svg or OUT.pdf"));
      return 2;
    }

  if (options->spec_path != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (options->spec_path, &contents, &length, &error) ||
          !(spec = tanlu_chart_spec_new_from_json (contents, length, &error)))
        {
          g_printerr ("tanlu: %s: %s\n", options->spec_path, error->message);
          return 1;
        }
    }
  else
    {
      if (!(spec = spec_from_options (options, &error)))
        {
          g_printerr ("tanlu: %s\n", error->message);
          return 1;
        }
      if (options->language == NULL)
        spec->language = tanlu_locale_prefers_chinese () ? TANLU_CHART_LANGUAGE_CHINESE
                                                         : TANLU_CHART_LANGUAGE_ENGLISH;
    }

  if (!apply_overrides (spec, options, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  if (!(store = open_store (db_path)))
    return 1;

  if (!render_spec (store, spec, options->output, options->scale, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* Maps are described by options alone: level, region, indicator, year
 * and classes. */
static gboolean
picture_from_options (TanluStore       *store,
                      const Options    *options,
                      TanluMapPicture  *picture,
                      GError          **error)
{
  TanluRegionLevel level = TANLU_REGION_LEVEL_PROVINCE;
  TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE;
  g_autoptr(TanluMapData) data = NULL;

  if (options->level != NULL &&
      (!tanlu_region_level_from_string (options->level, &level) ||
       (level != TANLU_REGION_LEVEL_PROVINCE && level != TANLU_REGION_LEVEL_CITY)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--level must be province or city, not “%s”"), options->level);
      return FALSE;
    }
  if (options->method != NULL && !tanlu_classify_method_from_string (options->method, &method))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--method must be quantile, equal or jenks, not “%s”"), options->method);
      return FALSE;
    }
  if (options->palette != NULL &&
      !tanlu_map_palette_from_string (options->palette, &picture->style.palette))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--palette must be sequential or diverging, not “%s”"), options->palette);
      return FALSE;
    }
  if (options->parent != 0)
    {
      TanluRegion *parent = tanlu_store_lookup_region (store, options->parent);

      if (parent == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("There is no region %d"), options->parent);
          return FALSE;
        }
      if (tanlu_region_get_level (parent) != TANLU_REGION_LEVEL_PROVINCE)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--parent must be a province, and %d is not one"), options->parent);
          return FALSE;
        }
    }

  if (!(data = tanlu_map_data_new (store, level, options->parent, error)) ||
      !tanlu_map_data_set_indicator (
        data, options->indicator != NULL ? options->indicator : TANLU_INDICATOR_CO2_TOTAL,
        options->year, error))
    return FALSE;

  if (options->change_since != 0)
    {
      tanlu_map_data_set_change_base (data, options->change_since);
      if (options->palette == NULL)
        picture->style.palette = TANLU_MAP_PALETTE_DIVERGING;
    }

  if (!tanlu_map_data_classify (data, method, options->classes > 0 ? options->classes : 5, NULL, 0,
                                error))
    return FALSE;

  picture->data = g_steal_pointer (&data);
  return TRUE;
}

static int
render_map (const char  *db_path,
            Options     *options)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TanluBasemap *basemap = NULL;
  TanluMapPicture picture = { 0 };
  TanluPictureFormat format;
  guint64 width = 1600, height = 1200;
  int status = 0;

  if (options->output == NULL)
    {
      g_printerr ("tanlu: %s\n", _("render map needs -o OUT.png, OUT.svg or OUT.pdf"));
      return 2;
    }
  if (!tanlu_picture_format_from_path (options->output, &format))
    {
      g_printerr ("tanlu: ");
      g_printerr (_("“%s” must end in .png, .svg or .pdf"), options->output);
      g_printerr ("\n");
      return 1;
    }
  if (options->size != NULL && !parse_pair (options->size, 'x', 1, 20000, &width, &height))
    {
      g_printerr ("tanlu: ");
      g_printerr (_("--size must be WIDTHxHEIGHT in pixels, such as 1600x900, not “%s”"),
                  options->size);
      g_printerr ("\n");
      return 2;
    }

  if (!(store = open_store (db_path)))
    return 1;

  tanlu_map_style_init (&picture.style);
  picture.style.language =
    tanlu_locale_prefers_chinese () ? TANLU_CHART_LANGUAGE_CHINESE : TANLU_CHART_LANGUAGE_ENGLISH;
  if (options->language != NULL)
    picture.style.language = g_str_equal (options->language, "zh") ? TANLU_CHART_LANGUAGE_CHINESE
                                                                   : TANLU_CHART_LANGUAGE_ENGLISH;
  picture.style.unit_scale = picture.style.language == TANLU_CHART_LANGUAGE_CHINESE
                             ? TANLU_CHART_UNIT_SCALE_WAN_TONNES : TANLU_CHART_UNIT_SCALE_MT;
  if (options->unit_scale != NULL)
    picture.style.unit_scale =
      g_str_equal (options->unit_scale, "wan-tonnes")  ? TANLU_CHART_UNIT_SCALE_WAN_TONNES
      : g_str_equal (options->unit_scale, "yi-tonnes") ? TANLU_CHART_UNIT_SCALE_YI_TONNES
                                                       : TANLU_CHART_UNIT_SCALE_MT;
  picture.style.dark = g_strcmp0 (options->theme, "dark") == 0;
  picture.title = options->title;
  picture.approval_number = options->approval_number;

  if (!picture_from_options (store, options, &picture, &error) ||
      (!options->no_basemap && !(basemap = tanlu_basemap_new_from_store (store, &error))))
    {
      g_printerr ("tanlu: %s\n", error->message);
      status = 1;
    }
  else
    {
      picture.basemap = basemap;
      if (!tanlu_map_picture_export (&picture, format, width, height, options->scale,
                                     options->output, &error))
        {
          g_printerr ("tanlu: %s\n", error->message);
          status = 1;
        }
    }

  g_clear_pointer (&basemap, tanlu_basemap_unref);
  g_clear_pointer (&picture.data, tanlu_map_data_unref);

  return status;
}

/* The joint plan's progress on one page. The format is --format's, or
 * OUT's extension's. */
static int
render_tracker (const char  *db_path,
                Options     *options)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TanluPictureFormat format;
  gboolean chinese = tanlu_locale_prefers_chinese ();

  if (options->output == NULL)
    {
      g_printerr ("tanlu: %s\n", _("render tracker needs -o FILE"));
      return 2;
    }
  if (options->format != NULL)
    {
      if (g_str_equal (options->format, "pdf"))
        format = TANLU_PICTURE_FORMAT_PDF;
      else if (g_str_equal (options->format, "svg"))
        format = TANLU_PICTURE_FORMAT_SVG;
      else if (g_str_equal (options->format, "png"))
        format = TANLU_PICTURE_FORMAT_PNG;
      else
        {
          g_printerr ("tanlu: ");
          g_printerr (_("“%s” is not a format of the tracker report: pdf, svg or png"),
                      options->format);
          g_printerr ("\n");
          return 2;
        }
    }
  else if (!tanlu_picture_format_from_path (options->output, &format))
    {
      g_printerr ("tanlu: ");
      g_printerr (_("“%s” must end in .png, .svg or .pdf"), options->output);
      g_printerr ("\n");
      return 2;
    }
  if (options->language != NULL && !g_str_equal (options->language, "zh") &&
      !g_str_equal (options->language, "en"))
    {
      g_printerr ("tanlu: ");
      g_printerr (_("--language must be zh or en, not “%s”"), options->language);
      g_printerr ("\n");
      return 2;
    }
  if (options->language != NULL)
    chinese = g_str_equal (options->language, "zh");

  if (!(store = open_store (db_path)))
    return 1;

  if (!tanlu_tracker_report_write (store, options->output, format, chinese, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
render_batch (const char  *db_path,
              const char  *specs_path,
              Options     *options)
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rendered = 0;
  guint n_failed = 0;

  if (options->output == NULL)
    {
      g_printerr ("tanlu: %s\n", _("render batch needs -o DIRECTORY"));
      return 2;
    }

  if (!g_file_get_contents (specs_path, &contents, NULL, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 1;
    }

  if (g_mkdir_with_parents (options->output, 0755) != 0)
    {
      g_printerr (_("tanlu: could not create the folder “%s”\n"), options->output);
      return 1;
    }

  if (!(store = open_store (db_path)))
    return 1;

  /* One spec per line; blank lines are skipped. One bad line does not stop
   * the others. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(TanluChartSpec) spec = NULL;
      g_autoptr(GError) line_error = NULL;
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;

      if ((spec = tanlu_chart_spec_new_from_json (lines[i], -1, &line_error)) != NULL &&
          apply_overrides (spec, options, &line_error))
        {
          TanluPictureFormat format;

          if (spec->name != NULL && tanlu_picture_format_from_path (spec->name, &format))
            file = g_strdup (spec->name);
          else if (spec->name != NULL)
            file = g_strconcat (spec->name, ".png", NULL);
          else
            file = g_strdup_printf ("chart-%04u.png", i + 1);

          if (strchr (file, '/') != NULL)
            g_set_error (&line_error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_INVALID,
                         _("the name “%s” must not contain “/”"), file);
          else
            {
              path = g_build_filename (options->output, file, NULL);
              render_spec (store, spec, path, options->scale, &line_error);
            }
        }

      if (line_error != NULL)
        {
          g_printerr (_("tanlu: %s, line %u: %s\n"), specs_path, i + 1, line_error->message);
          n_failed++;
        }
      else
        n_rendered++;
    }

  g_print (_("%u charts rendered, %u failed\n"), n_rendered, n_failed);

  return n_failed == 0 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_auto(Options) options = { 0 };
  GOptionEntry entries[] = {
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &options.spec_path, N_("The chart spec (JSON)"),
      "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Where to write: .png, .svg or .pdf; a folder for batch"), "OUT" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("line, stacked-area, bars or sparkline"), "KIND" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &options.regions,
      N_("Region codes or group keys, separated by commas"), "CODES" },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &options.indicator,
      N_("The indicator (default co2.total)"), "CODE" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &options.years, N_("The years shown"), "FIRST-LAST" },
    { "year", 0, 0, G_OPTION_ARG_INT, &options.year, N_("The year of a ranking"), "YEAR" },
    { "breakdown", 0, 0, G_OPTION_ARG_STRING, &options.breakdown,
      N_("For stacked areas: sector or fuel"), "BY" },
    { "top", 0, 0, G_OPTION_ARG_INT, &options.top,
      N_("For stacked areas: parts shown before “Other”"), "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options.size, N_("Size in pixels"), "WIDTHxHEIGHT" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale, N_("Pixel density of a PNG: 1 or 2"),
      "1|2" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options.theme, N_("light, dark or print"), "THEME" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language,
      N_("Language of the chart: zh or en"), "LANG" },
    { "unit-scale", 0, 0, G_OPTION_ARG_STRING, &options.unit_scale,
      N_("mt, wan-tonnes or yi-tonnes"), "UNIT" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title, N_("The chart's title"), "TEXT" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &options.level, N_("Maps: province or city"), "LEVEL" },
    { "parent", 0, 0, G_OPTION_ARG_INT, &options.parent,
      N_("Maps: only the cities of this province"), "CODE" },
    { "classes", 0, 0, G_OPTION_ARG_INT, &options.classes,
      N_("Maps: number of classes, 3 to 9 (default 5)"), "N" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &options.method, N_("Maps: quantile, equal or jenks"),
      "METHOD" },
    { "palette", 0, 0, G_OPTION_ARG_STRING, &options.palette, N_("Maps: sequential or diverging"),
      "PALETTE" },
    { "approval-number", 0, 0, G_OPTION_ARG_STRING, &options.approval_number,
      N_("Maps: the approval number (审图号) printed on the map"), "TEXT" },
    { "no-basemap", 0, 0, G_OPTION_ARG_NONE, &options.no_basemap,
      N_("Maps: leave out land, sea and rivers"), NULL },
    { "change-since", 0, 0, G_OPTION_ARG_INT, &options.change_since,
      N_("Maps: show the change since this year, in per cent"), "YEAR" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("Tracker: pdf, svg or png, when OUT's name does not say"), "FORMAT" },
    { NULL }
  };

  tanlu_arguments_setup ();

  if (!tanlu_arguments_extract_db (&argc, &argv, &db_path, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  options.scale = 1;

  /* argv[1] is "render"; what to render comes next. */
  g_set_prgname ("tanlu render");
  context = g_option_context_new ("chart | batch SPECS.jsonl | map | tracker");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tanlu: %s\n", error->message);
      return 2;
    }

  if (options.scale != 1 && options.scale != 2)
    {
      g_printerr ("tanlu: %s\n", _("--scale must be 1 or 2"));
      return 2;
    }

  if (argc == 2 && g_str_equal (argv[1], "chart"))
    return render_chart (db_path, &options);

  if (argc == 3 && g_str_equal (argv[1], "batch"))
    return render_batch (db_path, argv[2], &options);

  if (argc == 2 && g_str_equal (argv[1], "map"))
    return render_map (db_path, &options);

  if (argc == 2 && g_str_equal (argv[1], "tracker"))
    return render_tracker (db_path, &options);

  g_printerr ("%s\n", _("Usage:\n"
                         "  tanlu [--db FILE] render chart --spec SPEC.json -o OUT.(png|svg|pdf)\n"
                         "  tanlu [--db FILE] render chart --kind line --region 510000,500000 "
                         "--indicator co2.total --years 1997-2019 --size 1600x900 -o OUT.png\n"
                         "  tanlu [--db FILE] render batch SPECS.jsonl -o DIRECTORY\n"
                         "  tanlu [--db FILE] render map --level province|city [--parent CODE] "
                         "--indicator CODE --year YEAR [--classes N] [--method "
                         "quantile|equal|jenks] [--size WxH] -o OUT.(png|svg|pdf)\n"
                         "  tanlu [--db FILE] render tracker [--format pdf|svg|png] "
                         "[--language zh|en] -o OUT"));
  return 2;
}
