/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tanlu-columns-layout.h"

/* Lays its widget's children side by side, in equal columns, where the
 * width allows each its minimum, and one under the other where it does
 * not: the Pathways page keeps its list beside the levers on a wide
 * window and above them on a narrow one. */

struct _TanluColumnsLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (TanluColumnsLayout, tanlu_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
n_visible (GtkWidget *widget)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);

  return n;
}

/* The width each column gets when @width is shared, or -1 when the
 * children do not fit side by side. */
static int
column_width (TanluColumnsLayout *self,
              GtkWidget          *widget,
              int                 width)
{
  int n = n_visible (widget);
  int widest_minimum = 0;
  int column;

  if (n == 0)
    return -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      widest_minimum = MAX (widest_minimum, minimum);
    }

  column = (width - self->spacing * (n - 1)) / n;
  return width >= 0 && column >= widest_minimum ? column : -1;
}

static GtkSizeRequestMode
tanlu_columns_layout_get_request_mode (GtkLayoutManager *manager,
                                       GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tanlu_columns_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  TanluColumnsLayout *self = TANLU_COLUMNS_LAYOUT (manager);
  int n = n_visible (widget);
  int column = orientation == GTK_ORIENTATION_VERTICAL ? column_width (self, widget, for_size)
                                                       : -1;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* At least the widest child, one above the other; naturally
           * side by side. */
          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += child_natural;
        }
      else if (column >= 0)
        {
          gtk_widget_measure (child, orientation, column, &child_minimum, &child_natural, NULL,
                              NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL,
                              NULL);
          *minimum += child_minimum;
          *natural += child_natural;
        }
    }

  if (n > 1 && (orientation == GTK_ORIENTATION_HORIZONTAL || column < 0))
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        *natural += self->spacing * (n - 1);
      else
        {
          *minimum += self->spacing * (n - 1);
          *natural += self->spacing * (n - 1);
        }
    }
}

static void
tanlu_columns_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  TanluColumnsLayout *self = TANLU_COLUMNS_LAYOUT (manager);
  int column = column_width (self, widget, width);
  int position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (column >= 0)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, column, NULL, &child_height, NULL,
                              NULL);
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { position, 0, column,
                                                       MIN (MAX (child_height, 0), height) },
                                    -1);
          position += column + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL,
                              NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, position, width, child_height },
                                    -1);
          position += child_height + self->spacing;
        }
    }
}

static void
tanlu_columns_layout_class_init (TanluColumnsLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = tanlu_columns_layout_get_request_mode;
  manager_class->measure = tanlu_columns_layout_measure;
  manager_class->allocate = tanlu_columns_layout_allocate;
}

static void
tanlu_columns_layout_init (TanluColumnsLayout *self)
{
}

GtkLayoutManager *
tanlu_columns_layout_new (int spacing)
{
  TanluColumnsLayout *self = g_object_new (TANLU_TYPE_COLUMNS_LAYOUT, NULL);

  self->spacing = spacing;
  return GTK_LAYOUT_MANAGER (self);
}
