/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-chart-card-private.h"
#include "store/tanlu-store.h"
#include "tanlu-chart-exportable.h"
#include "tanlu-export-dialog.h"

/* One chart on the dashboard: the chart, or a message saying why there is
 * none, with its copy and export buttons, and room under it for the
 * controls and notes that belong to it. The card keeps the spec the chart
 * was drawn from, so exports draw the same chart afresh at their own size
 * and style. */
struct _TanluChartCard
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkBox         *box;
  GtkBox         *footer_box;
  GtkLabel       *message_label;
  GtkLabel       *message_title;
  GtkLabel       *note_label;
  GtkStack       *stack;
  TanluChartView *view;

  /* owned */
  TanluChartSpec      *spec;
  TanluStore          *store;
  TanluPathwayLibrary *pathways;
};

G_DEFINE_FINAL_TYPE (TanluChartCard, tanlu_chart_card, GTK_TYPE_WIDGET)

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TanluChartCard *self = TANLU_CHART_CARD (widget);
  g_autoptr(TanluExportable) exportable = NULL;
  g_autoptr(GError) error = NULL;

  if (self->spec == NULL)
    return;

  exportable =
    tanlu_chart_exportable_new (self->store, self->spec, tanlu_chart_view_get_data (self->view));
  if (!tanlu_export_copy (widget, exportable, &error))
    gtk_widget_activate_action (widget, "win.toast", "s", error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluChartCard *self = TANLU_CHART_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(TanluExportable) exportable = NULL;

  if (self->spec == NULL)
    return;

  exportable =
    tanlu_chart_exportable_new (self->store, self->spec, tanlu_chart_view_get_data (self->view));
  tanlu_export_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, exportable,
                               gtk_widget_get_width (GTK_WIDGET (self->view)),
                               gtk_widget_get_height (GTK_WIDGET (self->view)));
}

static void
set_chart_shown (TanluChartCard *self,
                 gboolean        shown)
{
  gtk_stack_set_visible_child_name (self->stack, shown ? "chart" : "message");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", shown);
}

static void
tanlu_chart_card_dispose (GObject *object)
{
  TanluChartCard *self = (TanluChartCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_CHART_CARD);

  g_clear_pointer (&self->spec, tanlu_chart_spec_free);
  g_clear_object (&self->store);
  g_clear_object (&self->pathways);

  G_OBJECT_CLASS (tanlu_chart_card_parent_class)->dispose (object);
}

static void
tanlu_chart_card_class_init (TanluChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_chart_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, footer_box);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, message_label);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, message_title);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, note_label);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, TanluChartCard, view);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "chart.copy",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "chart.export",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartcard");

  g_type_ensure (TANLU_TYPE_CHART_VIEW);
}

static void
tanlu_chart_card_init (TanluChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_chart_shown (self, FALSE);
}

GtkWidget *
tanlu_chart_card_new (void)
{
  return g_object_new (TANLU_TYPE_CHART_CARD, NULL);
}

/**
 * tanlu_chart_card_show_spec:
 * @spec: (transfer full): what to draw
 *
 * Draws @spec from @store, or, when the store has nothing for it, says so
 * in the card instead.
 *
 * Returns: whether a chart is shown
 */
gboolean
tanlu_chart_card_show_spec (TanluChartCard *self,
                            TanluStore     *store,
                            TanluChartSpec *spec)
{
  g_autoptr(GError) error = NULL;
  TanluChartData *data;

  g_return_val_if_fail (TANLU_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->spec, tanlu_chart_spec_free);
  self->spec = spec;

  if (!(data = tanlu_chart_spec_resolve_with_pathways (spec, store, self->pathways, &error)))
    {
      /* The message takes the title before the spec, which it shows no
       * chart of, is let go. */
      g_autofree char *title = g_strdup (spec->title);

      tanlu_chart_card_show_message (self, title, error->message);
      return FALSE;
    }

  tanlu_chart_view_set_data (self->view, data);
  set_chart_shown (self, TRUE);

  return TRUE;
}

/**
 * tanlu_chart_card_set_pathways:
 * @pathways: (nullable): the library that runs the pathways specs name,
 *   drafts included
 */
void
tanlu_chart_card_set_pathways (TanluChartCard      *self,
                               TanluPathwayLibrary *pathways)
{
  g_return_if_fail (TANLU_IS_CHART_CARD (self));

  g_set_object (&self->pathways, pathways);
}

/**
 * tanlu_chart_card_show_message:
 *
 * Shows @message in place of a chart, under @title.
 */
void
tanlu_chart_card_show_message (TanluChartCard *self,
                               const char     *title,
                               const char     *message)
{
  g_return_if_fail (TANLU_IS_CHART_CARD (self));

  g_clear_pointer (&self->spec, tanlu_chart_spec_free);
  tanlu_chart_view_set_data (self->view, NULL);
  gtk_label_set_text (self->message_title, title != NULL ? title : "");
  gtk_label_set_text (self->message_label, message);
  set_chart_shown (self, FALSE);
}

/**
 * tanlu_chart_card_get_spec:
 *
 * Returns: (transfer none) (nullable): the spec of the chart shown
 */
TanluChartSpec *
tanlu_chart_card_get_spec (TanluChartCard *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_CARD (self), NULL);

  return self->spec;
}

/**
 * tanlu_chart_card_get_view:
 *
 * Returns: (transfer none): the chart view
 */
TanluChartView *
tanlu_chart_card_get_view (TanluChartCard *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_CARD (self), NULL);

  return self->view;
}

/**
 * tanlu_chart_card_set_footer:
 * @footer: (nullable): controls that belong to the chart, shown beside its
 *   copy and export buttons
 */
void
tanlu_chart_card_set_footer (TanluChartCard *self,
                             GtkWidget      *footer)
{
  GtkWidget *child;

  g_return_if_fail (TANLU_IS_CHART_CARD (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->footer_box))) != NULL)
    gtk_box_remove (self->footer_box, child);

  if (footer != NULL)
    {
      gtk_widget_set_hexpand (footer, TRUE);
      gtk_box_append (self->footer_box, footer);
    }
}

/**
 * tanlu_chart_card_set_note:
 * @note: (nullable): a sentence about the chart, shown under it
 */
void
tanlu_chart_card_set_note (TanluChartCard *self,
                           const char     *note)
{
  g_return_if_fail (TANLU_IS_CHART_CARD (self));

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

/**
 * _tanlu_chart_card_get_message:
 *
 * Returns: (nullable): what the card says in place of a chart, or %NULL
 *   when it shows one
 */
const char *
_tanlu_chart_card_get_message (TanluChartCard *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_CARD (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") != 0)
    return NULL;

  return gtk_label_get_text (self->message_label);
}

/**
 * _tanlu_chart_card_get_message_title:
 *
 * Returns: (nullable): the title over the message shown in place of a
 *   chart, or %NULL when the card shows one
 */
const char *
_tanlu_chart_card_get_message_title (TanluChartCard *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_CARD (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") != 0)
    return NULL;

  return gtk_label_get_text (self->message_title);
}
