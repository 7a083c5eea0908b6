/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tanlu-types.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CONTEXT_VIEW (tanlu_context_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (TanluContextView, tanlu_context_view, TANLU, CONTEXT_VIEW, GtkWidget)

/**
 * TanluContextViewClass:
 * @context_changed: the view shows another context, or none
 * @region_changed: the context's region changed
 * @data_changed: what the context's store holds changed
 * @tracker_changed: a joint task's status changed (@task, or 0 for several)
 *
 * A widget that shows a #TanluContext: the pages and the region sidebar.
 */
struct _TanluContextViewClass
{
  GtkWidgetClass parent_class;

  void (*context_changed) (TanluContextView *self);
  void (*region_changed)  (TanluContextView *self);
  void (*data_changed)    (TanluContextView *self);
  void (*tracker_changed) (TanluContextView *self,
                           guint             task);

  /*< private >*/
  gpointer padding[7];
};

TanluContext *tanlu_context_view_get_context (TanluContextView *self);
void          tanlu_context_view_set_context (TanluContextView *self,
                                              TanluContext     *context);

G_END_DECLS
