/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "tanlu-export-dialog-private.h"
#include "store/tanlu-locale.h"

#include <math.h>
#include <string.h>

/* Exports one chart. The chart is drawn afresh from its spec at the
 * chosen size, style and language, so an exported picture is laid out for
 * its own size rather than stretched from the screen; series hidden on
 * screen stay hidden. The choices are remembered for the next export. */

/* The preview's size in tanlu-export-dialog.ui. */
#define PREVIEW_WIDTH  432
#define PREVIEW_HEIGHT 243

/* The rows of the format and size lists follow the enumerations. */
#define N_FORMATS (TANLU_EXPORT_FORMAT_JSON + 1)
#define N_SIZES   (TANLU_EXPORT_SIZE_CUSTOM + 1)

typedef enum
{
  STYLE_PRINT,
  STYLE_LIGHT,
  STYLE_DARK,
  N_STYLES
} Style;

static const char * const format_keys[N_FORMATS] = { "png", "svg", "pdf", "json" };
static const char * const format_extensions[N_FORMATS] = { "png", "svg", "pdf", "json" };
static const char * const format_mime_types[N_FORMATS] = {
  "image/png", "image/svg+xml", "application/pdf", "application/json",
};
static const char * const size_keys[N_SIZES] = {
  "shown", "shown-2x", "1920x1080", "3840x2160", "1600x1200", "custom",
};
static const char * const style_keys[N_STYLES] = { "print", "light", "dark" };
static const TanluChartTheme style_themes[N_STYLES] = {
  TANLU_CHART_THEME_PRINT, TANLU_CHART_THEME_LIGHT, TANLU_CHART_THEME_DARK,
};

/* What an export will be: the choices, and the size they come to, in
 * layout units and pixels per unit. */
typedef struct
{
  TanluExportFormat  format;
  TanluExportSize    size;
  int                custom_width;
  int                custom_height;
  Style              style;
  TanluChartLanguage language;

  int                width;
  int                height;
  double             scale;
} ExportChoice;

struct _TanluExportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwComboRow          *format_row;
  AdwActionRow         *height_row;
  GtkSpinButton        *height_spin;
  AdwComboRow          *language_row;
  GtkLabel             *pixels_label;
  GtkPicture           *preview;
  AdwComboRow          *size_row;
  AdwComboRow          *style_row;
  AdwActionRow         *width_row;
  GtkSpinButton        *width_spin;

  /* owned */
  TanluExportable      *exportable;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  gboolean              describable;
  int                   shown_width;
  int                   shown_height;
};

G_DEFINE_FINAL_TYPE (TanluExportDialog, tanlu_export_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */

static guint
lookup_key (const char * const *keys,
            guint               n_keys,
            const char         *key,
            guint               fallback)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;

  return fallback;
}

/* The choices of the last export, kept in the user's settings. */
static void
load_choice (GSettings    *settings,
             ExportChoice *choice)
{
  *choice = (ExportChoice){
    .format = TANLU_EXPORT_FORMAT_PNG,
    .size = TANLU_EXPORT_SIZE_1920X1080,
    .custom_width = 1600,
    .custom_height = 900,
    .style = STYLE_PRINT,
    .language =
      tanlu_locale_prefers_chinese () ? TANLU_CHART_LANGUAGE_CHINESE : TANLU_CHART_LANGUAGE_ENGLISH,
  };

  {
    g_autofree char *format = g_settings_get_string (settings, "export-format");
    g_autofree char *size = g_settings_get_string (settings, "export-size");
    g_autofree char *style = g_settings_get_string (settings, "export-style");

    choice->format = lookup_key (format_keys, N_FORMATS, format, TANLU_EXPORT_FORMAT_PNG);
    choice->size = lookup_key (size_keys, N_SIZES, size, TANLU_EXPORT_SIZE_1920X1080);
    choice->style = lookup_key (style_keys, N_STYLES, style, STYLE_PRINT);
    choice->custom_width = g_settings_get_int (settings, "export-width");
    choice->custom_height = g_settings_get_int (settings, "export-height");
  }
}

static void
save_choice (GSettings          *settings,
             const ExportChoice *choice)
{
  g_settings_set_string (settings, "export-format", format_keys[choice->format]);
  g_settings_set_string (settings, "export-size", size_keys[choice->size]);
  g_settings_set_string (settings, "export-style", style_keys[choice->style]);
  g_settings_set_int (settings, "export-width", choice->custom_width);
  g_settings_set_int (settings, "export-height", choice->custom_height);
}

/* 3840×2160 is 1920×1080 at twice the pixels, so it reads the same on a
 * slide, only sharper. */
static void
choice_set_size (ExportChoice *choice,
                 int           shown_width,
                 int           shown_height)
{
  int *width = &choice->width;
  int *height = &choice->height;
  double *scale = &choice->scale;

  *scale = 1;

  switch (choice->size)
    {
    case TANLU_EXPORT_SIZE_SHOWN_2X:
      *scale = 2;
      G_GNUC_FALLTHROUGH;
    case TANLU_EXPORT_SIZE_SHOWN:
      *width = MAX (shown_width, 320);
      *height = MAX (shown_height, 200);
      break;
    case TANLU_EXPORT_SIZE_3840X2160:
      *scale = 2;
      G_GNUC_FALLTHROUGH;
    case TANLU_EXPORT_SIZE_1920X1080:
      *width = 1920;
      *height = 1080;
      break;
    case TANLU_EXPORT_SIZE_1600X1200:
      *width = 1600;
      *height = 1200;
      break;
    case TANLU_EXPORT_SIZE_CUSTOM:
      *width = choice->custom_width;
      *height = choice->custom_height;
      break;
    default:
      g_assert_not_reached ();
    }
}




static gboolean
prepare (TanluExportable     *exportable,
         const ExportChoice  *choice,
         GError             **error)
{
  TanluExportOptions options = {
    style_themes[choice->style], choice->language, choice->width, choice->height,
  };

  return tanlu_exportable_prepare (exportable, &options, error);
}

static GdkTexture *
render_texture (TanluExportable *exportable,
                int              width,
                int              height,
                double           scale)
{
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_scale (cr, scale, scale);
  tanlu_exportable_draw (exportable, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes =
    g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                (gsize) cairo_image_surface_get_stride (surface) * pixel_height,
                                (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}


/* ------------------------------------------------------------------------ */

static void
read_choice (TanluExportDialog *self,
             ExportChoice      *choice)
{
  choice->format = adw_combo_row_get_selected (self->format_row);
  choice->size = adw_combo_row_get_selected (self->size_row);
  choice->custom_width = gtk_spin_button_get_value_as_int (self->width_spin);
  choice->custom_height = gtk_spin_button_get_value_as_int (self->height_spin);
  choice->style = adw_combo_row_get_selected (self->style_row);
  choice->language = adw_combo_row_get_selected (self->language_row) == 0
                     ? TANLU_CHART_LANGUAGE_CHINESE : TANLU_CHART_LANGUAGE_ENGLISH;
  choice_set_size (choice, self->shown_width, self->shown_height);
}

static void
update_preview (TanluExportDialog *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pixels = NULL;
  ExportChoice choice;
  double fit;

  read_choice (self, &choice);

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), choice.size == TANLU_EXPORT_SIZE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), choice.size == TANLU_EXPORT_SIZE_CUSTOM);

  switch (choice.format)
    {
    case TANLU_EXPORT_FORMAT_PNG:
      /* Translators: the exported picture's size, e.g. “3,840 × 2,160 pixels” */
      pixels = g_strdup_printf (_("%'d × %'d pixels"), (int) ceil (choice.width * choice.scale),
                                (int) ceil (choice.height * choice.scale));
      break;
    case TANLU_EXPORT_FORMAT_SVG:
    case TANLU_EXPORT_FORMAT_PDF:
      pixels = g_strdup_printf (_("%'d × %'d, scalable"), choice.width, choice.height);
      break;
    case TANLU_EXPORT_FORMAT_JSON:
      pixels = g_strdup (
        _("The chart’s description, to draw again later with “tanlu render chart --spec”"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->pixels_label, pixels);

  if (!prepare (self->exportable, &choice, &error))
    {
      gtk_picture_set_paintable (self->preview, NULL);
      gtk_label_set_text (self->pixels_label, error->message);
      return;
    }

  /* Drawn at the export's own size and shrunk, so the preview shows the
   * export's layout, not one made for the preview. */
  fit = MIN ((double) PREVIEW_WIDTH / choice.width, (double) PREVIEW_HEIGHT / choice.height);
  fit *= gtk_widget_get_scale_factor (GTK_WIDGET (self));
  texture = render_texture (self->exportable, choice.width, choice.height, fit);

  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _tanlu_export_dialog_save:
 * @path: the file to write
 *
 * Exports the chart as the dialog is set, as its Export button does once
 * a file is chosen.
 *
 * Returns: whether the file was written
 */
gboolean
_tanlu_export_dialog_save (TanluExportDialog  *self,
                          const char         *path,
                          GError            **error)
{
  ExportChoice choice;

  read_choice (self, &choice);

  if (choice.format == TANLU_EXPORT_FORMAT_JSON)
    {
      TanluExportOptions options = {
        style_themes[choice.style], choice.language, choice.width, choice.height,
      };
      g_autofree char *json = tanlu_exportable_get_description (self->exportable, &options);

      g_return_val_if_fail (json != NULL, FALSE);

      return g_file_set_contents (path, json, -1, error);
    }

  if (!prepare (self->exportable, &choice, error))
    return FALSE;

  return tanlu_exportable_export (self->exportable, (TanluPictureFormat) choice.format,
                                  choice.width, choice.height, choice.scale, path, error);
}

static void
on_chooser_response_cb (TanluExportDialog    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  GtkWindow *parent;
  ExportChoice choice;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  read_choice (self, &choice);
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (GTK_WINDOW (self), _("Could Not Export"),
                  _("The chosen place is not a local file."));
      goto out;
    }

  /* A name typed without its extension gets the format's. */
  if (!g_str_has_suffix (path, format_extensions[choice.format]))
    {
      char *with_extension = g_strdup_printf ("%s.%s", path, format_extensions[choice.format]);

      g_free (path);
      path = with_extension;
    }

  basename = g_path_get_basename (path);
  if (!_tanlu_export_dialog_save (self, path, &error))
    {
      show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
      goto out;
    }

  save_choice (self->settings, &choice);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), basename);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", title);
    }
  gtk_window_destroy (GTK_WINDOW (self));

out:
  g_clear_object (&self->chooser);
}

static void
on_export_button_clicked_cb (TanluExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base_name = NULL;
  g_autofree char *name = NULL;
  ExportChoice choice;

  if (self->chooser != NULL)
    return;

  read_choice (self, &choice);
  if (!prepare (self->exportable, &choice, NULL))
    return;

  self->chooser =
    gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  base_name = tanlu_exportable_get_name (self->exportable);
  name = g_strdup_printf ("%s.%s", base_name, format_extensions[choice.format]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_add_mime_type (filter, format_mime_types[choice.format]);
  gtk_file_filter_set_name (
    filter, adw_combo_row_get_selected_item (self->format_row) != NULL
              ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
              : format_extensions[choice.format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_copy_button_clicked_cb (TanluExportDialog *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  ExportChoice choice;

  read_choice (self, &choice);
  if (!prepare (self->exportable, &choice, &error))
    {
      show_error (GTK_WINDOW (self), _("Could Not Copy the Picture"), error->message);
      return;
    }

  texture = render_texture (self->exportable, choice.width, choice.height, choice.scale);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  save_choice (self->settings, &choice);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Copied"));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */

static void
tanlu_export_dialog_dispose (GObject *object)
{
  TanluExportDialog *self = (TanluExportDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->exportable);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (tanlu_export_dialog_parent_class)->dispose (object);
}

static void
tanlu_export_dialog_class_init (TanluExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, pixels_label);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, TanluExportDialog, width_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tanlu_export_dialog_init (TanluExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

static void
connect_rows (TanluExportDialog *self)
{
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_row, "notify::selected", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_row, "notify::selected", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (update_preview),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_export_dialog_present:
 * @parent: (nullable): the window the picture is in
 * @exportable: the chart or map
 * @shown_width: the picture's width on screen
 * @shown_height: its height
 *
 * Lets the user export the picture to a file or copy it.
 *
 * Returns: (transfer none): the dialog, shown
 */
TanluExportDialog *
tanlu_export_dialog_present (GtkWindow       *parent,
                             TanluExportable *exportable,
                             int              shown_width,
                             int              shown_height)
{
  TanluExportOptions probe = { TANLU_CHART_THEME_PRINT, TANLU_CHART_LANGUAGE_ENGLISH, 100, 100 };
  g_autofree char *description = NULL;
  TanluExportDialog *self;
  ExportChoice choice;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANLU_IS_EXPORTABLE (exportable), NULL);

  self = g_object_new (TANLU_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->exportable = g_object_ref (exportable);
  self->shown_width = shown_width;
  self->shown_height = shown_height;

  /* Only charts have a description to save. */
  description = tanlu_exportable_get_description (exportable, &probe);
  self->describable = description != NULL;
  if (!self->describable)
    gtk_string_list_remove (GTK_STRING_LIST (adw_combo_row_get_model (self->format_row)),
                            TANLU_EXPORT_FORMAT_JSON);

  load_choice (self->settings, &choice);
  if (!self->describable && choice.format == TANLU_EXPORT_FORMAT_JSON)
    choice.format = TANLU_EXPORT_FORMAT_PNG;
  adw_combo_row_set_selected (self->format_row, choice.format);
  adw_combo_row_set_selected (self->size_row, choice.size);
  gtk_spin_button_set_value (self->width_spin, choice.custom_width);
  gtk_spin_button_set_value (self->height_spin, choice.custom_height);
  adw_combo_row_set_selected (self->style_row, choice.style);
  adw_combo_row_set_selected (self->language_row,
                              choice.language == TANLU_CHART_LANGUAGE_CHINESE ? 0 : 1);
  connect_rows (self);
  update_preview (self);

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * _tanlu_export_dialog_choose:
 *
 * Picks a format and a size, as the user would in the dialog's lists.
 */
void
_tanlu_export_dialog_choose (TanluExportDialog *self,
                            TanluExportFormat  format,
                            TanluExportSize    size)
{
  g_return_if_fail (TANLU_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < N_FORMATS && size < N_SIZES);
  g_return_if_fail (self->describable || format != TANLU_EXPORT_FORMAT_JSON);

  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->size_row, size);
}

/**
 * tanlu_export_copy:
 * @widget: the widget showing the picture, whose clipboard receives it
 *
 * Copies the picture, at the size and in the style of the last export.
 *
 * Returns: whether it was copied
 */
gboolean
tanlu_export_copy (GtkWidget        *widget,
                   TanluExportable  *exportable,
                   GError          **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GdkTexture) texture = NULL;
  ExportChoice choice;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (TANLU_IS_EXPORTABLE (exportable), FALSE);

  load_choice (settings, &choice);
  choice_set_size (&choice, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if (!prepare (exportable, &choice, error))
    return FALSE;

  texture = render_texture (exportable, choice.width, choice.height, choice.scale);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);

  gtk_widget_activate_action (widget, "win.toast", "s", _("Copied"));

  return TRUE;
}
