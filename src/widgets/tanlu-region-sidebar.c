/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-region-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-region-sidebar.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-context-view.h"
#include "tanlu-context.h"
#include "tanlu-first-rows.h"

/* The nation, the region groups and the provinces, each province
 * expanding to its prefecture-level units; a search shows a flat list of
 * matches from every level instead. */
struct _TanluRegionSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;

  /* owned */
  GtkTreeListModel   *tree_model;
  GtkFilterListModel *search_model;
  GtkSliceListModel  *shown;
  GtkCustomFilter    *search_filter;
  GtkSingleSelection *selection;
  char               *query;

  guint               updating_selection : 1;
};

G_DEFINE_FINAL_TYPE (TanluRegionSidebar, tanlu_region_sidebar, TANLU_TYPE_CONTEXT_VIEW)


/* A row with its subtitle, and what is above the list: header bar and
 * search entry. */
#define ROW_HEIGHT 44
#define ABOVE_LIST_HEIGHT 100

static const TanluRegionLevel root_levels[] = {
  TANLU_REGION_LEVEL_NATION,
  TANLU_REGION_LEVEL_GROUP,
  TANLU_REGION_LEVEL_PROVINCE,
};

/* ------------------------------------------------------------------------ */

static TanluContext *
get_context (TanluRegionSidebar *self)
{
  return tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (self));
}

static TanluRegion *
region_from_item (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item);

  return item != NULL ? g_object_ref (item) : NULL;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  TanluRegionSidebar *self = user_data;
  TanluRegion *region = item;
  g_autoptr(GPtrArray) children = NULL;
  GListStore *store;

  if (get_context (self) == NULL || tanlu_region_get_level (region) != TANLU_REGION_LEVEL_PROVINCE)
    return NULL;

  children = tanlu_store_list_children (tanlu_context_get_store (get_context (self)),
                                        tanlu_region_get_code (region), NULL);
  if (children == NULL || children->len == 0)
    return NULL;

  /* Today's units, then the former units that have figures (莱芜 until
   * 2018, 巢湖 until 2010); former units without any stay out of the way. */
  store = g_list_store_new (TANLU_TYPE_REGION);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < children->len; i++)
      {
        TanluRegion *child = g_ptr_array_index (children, i);

        if (tanlu_region_is_current (child) != (pass == 0))
          continue;
        if (pass == 1 &&
            !tanlu_store_has_observations (tanlu_context_get_store (get_context (self)),
                                           tanlu_region_get_code (child)))
          continue;
        g_list_store_append (store, child);
      }

  return G_LIST_MODEL (store);
}

static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  TanluRegionSidebar *self = user_data;

  return tanlu_region_matches (item, self->query);
}

static char *
describe_item (TanluRegionSidebar *self,
               TanluRegion        *region,
               gboolean            searching)
{
  const char *other_name;
  guint n_members;

  /* The name in the other language helps whoever knows a place by it. */
  other_name = tanlu_locale_prefers_chinese () ? tanlu_region_get_name_en (region)
                                               : tanlu_region_get_name_zh (region);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      tanlu_region_get_member_codes (region, &n_members);
      return g_strdup_printf (ngettext ("%s · %u region", "%s · %u regions", n_members), other_name,
                              n_members);
    }

  /* A former unit says until when it existed. */
  if (!tanlu_region_is_current (region))
    {
      /* Translators: a unit that no longer exists: “Laiwu · until 2018” */
      return g_strdup_printf (_("%s · until %u"), other_name, tanlu_region_get_valid_to (region));
    }

  if (searching && tanlu_region_get_level (region) == TANLU_REGION_LEVEL_CITY)
    {
      TanluRegion *parent = tanlu_store_lookup_region (tanlu_context_get_store (get_context (self)),
                                                       tanlu_region_get_parent_code (region));

      if (parent != NULL)
        return g_strdup_printf ("%s · %s", other_name, tanlu_region_get_display_name (parent));
    }

  return g_strdup (other_name);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TanluRegionSidebar       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TanluRegionSidebar       *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autoptr(TanluRegion) region = region_from_item (item);
  g_autofree char *description = NULL;
  gboolean searching = !GTK_IS_TREE_LIST_ROW (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), searching ? NULL : item);
  gtk_label_set_text (GTK_LABEL (title), tanlu_region_get_display_name (region));

  description = describe_item (self, region, searching);
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  gtk_widget_set_visible (subtitle, description != NULL && *description != '\0');
}

static gboolean
find_position (GListModel  *model,
               TanluRegion *region,
               guint       *position)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(TanluRegion) candidate = region_from_item (item);

      if (candidate == region ||
          g_strcmp0 (tanlu_region_get_key (candidate), tanlu_region_get_key (region)) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_region (TanluRegionSidebar *self,
               TanluRegion        *region)
{
  GListModel *model = gtk_slice_list_model_get_model (self->shown);
  guint position;

  if (region == NULL || model == NULL)
    return;

  /* A city is only in the tree once its province is expanded. */
  if (model == G_LIST_MODEL (self->tree_model) &&
      tanlu_region_get_level (region) == TANLU_REGION_LEVEL_CITY)
    {
      TanluRegion *parent = tanlu_store_lookup_region (tanlu_context_get_store (get_context (self)),
                                                       tanlu_region_get_parent_code (region));

      if (parent != NULL && find_position (model, parent, &position))
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, position);

          /* The rows inserted move the selected one; that is not the user
           * choosing it again. */
          self->updating_selection = TRUE;
          gtk_tree_list_row_set_expanded (row, TRUE);
          self->updating_selection = FALSE;
        }
    }

  if (find_position (model, region, &position))
    {
      /* A region further down than the first screenful needs all rows. */
      if (position >= gtk_slice_list_model_get_size (self->shown))
        gtk_slice_list_model_set_size (self->shown, G_MAXUINT);

      self->updating_selection = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->updating_selection = FALSE;

      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
}

static void
on_selected_item_changed_cb (TanluRegionSidebar *self)
{
  g_autoptr(TanluRegion) region = NULL;

  if (self->updating_selection || get_context (self) == NULL)
    return;

  region = region_from_item (gtk_single_selection_get_selected_item (self->selection));
  if (region != NULL)
    tanlu_context_set_region (get_context (self), region);
}

static void
tanlu_region_sidebar_region_changed (TanluContextView *view)
{
  TanluRegionSidebar *self = TANLU_REGION_SIDEBAR (view);
  TanluRegion *region = tanlu_context_get_region (get_context (self));
  g_autoptr(TanluRegion) selected =
    region_from_item (gtk_single_selection_get_selected_item (self->selection));

  if (region != selected)
    select_region (self, region);
}

static void
on_search_entry_search_changed_cb (TanluRegionSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GListModel *model;

  g_clear_pointer (&self->query, g_free);
  self->query = g_utf8_casefold (stripped, -1);

  if (get_context (self) == NULL)
    return;

  if (*self->query == '\0')
    model = G_LIST_MODEL (self->tree_model);
  else
    {
      gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
      model = G_LIST_MODEL (self->search_model);
    }

  self->updating_selection = TRUE;
  gtk_slice_list_model_set_model (self->shown, model);
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating_selection = FALSE;

  select_region (self, tanlu_context_get_region (get_context (self)));

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (model) > 0 ? "regions" : "no-match");
}

static void
on_search_entry_stop_search_cb (TanluRegionSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_entry_activate_cb (TanluRegionSidebar *self)
{
  GListModel *model = gtk_slice_list_model_get_model (self->shown);
  g_autoptr(GObject) first = NULL;
  g_autoptr(TanluRegion) region = NULL;

  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return;

  first = g_list_model_get_item (model, 0);
  region = region_from_item (first);
  tanlu_context_set_region (get_context (self), region);
}

/* ------------------------------------------------------------------------ */

/* Fills the list from the context's store; the list's selection and the
 * context's region then follow each other. */
static void
tanlu_region_sidebar_context_changed (TanluContextView *view)
{
  TanluRegionSidebar *self = TANLU_REGION_SIDEBAR (view);
  TanluContext *context = tanlu_context_view_get_context (view);
  g_autoptr(GListStore) roots = NULL;
  GListModel *regions;
  guint n_regions;

  self->updating_selection = TRUE;
  gtk_slice_list_model_set_model (self->shown, NULL);
  self->updating_selection = FALSE;
  g_clear_object (&self->tree_model);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);

  if (context == NULL)
    return;

  regions = tanlu_store_get_regions (tanlu_context_get_store (context));

  /* Nation, then groups, then provinces; cities hang below provinces. */
  roots = g_list_store_new (TANLU_TYPE_REGION);
  n_regions = g_list_model_get_n_items (regions);
  for (guint l = 0; l < G_N_ELEMENTS (root_levels); l++)
    {
      for (guint i = 0; i < n_regions; i++)
        {
          g_autoptr(TanluRegion) region = g_list_model_get_item (regions, i);

          if (tanlu_region_get_level (region) == root_levels[l])
            g_list_store_append (roots, region);
        }
    }

  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                              create_children, self, NULL);

  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);
  self->search_model = gtk_filter_list_model_new (g_object_ref (regions),
                                                  GTK_FILTER (g_object_ref (self->search_filter)));

  self->updating_selection = TRUE;
  tanlu_first_rows_show (self->shown, GTK_WIDGET (self->list_view), ROW_HEIGHT, ABOVE_LIST_HEIGHT);
  gtk_slice_list_model_set_model (self->shown, G_LIST_MODEL (self->tree_model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating_selection = FALSE;

  select_region (self, tanlu_context_get_region (context));
}

static void
tanlu_region_sidebar_dispose (GObject *object)
{
  GtkWidget *child;
  TanluRegionSidebar *self = (TanluRegionSidebar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANLU_TYPE_REGION_SIDEBAR);

  /* Children the template does not name are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);

  G_OBJECT_CLASS (tanlu_region_sidebar_parent_class)->dispose (object);
}

static void
tanlu_region_sidebar_finalize (GObject *object)
{
  TanluRegionSidebar *self = (TanluRegionSidebar *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (tanlu_region_sidebar_parent_class)->finalize (object);
}

static void
tanlu_region_sidebar_class_init (TanluRegionSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TanluContextViewClass *view_class = TANLU_CONTEXT_VIEW_CLASS (klass);

  object_class->dispose = tanlu_region_sidebar_dispose;
  object_class->finalize = tanlu_region_sidebar_finalize;

  view_class->context_changed = tanlu_region_sidebar_context_changed;
  view_class->region_changed = tanlu_region_sidebar_region_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tanlu/Tanlu/tanlu-region-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, TanluRegionSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, TanluRegionSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TanluRegionSidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "regionsidebar");
}

static void
tanlu_region_sidebar_init (TanluRegionSidebar *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->shown = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_item_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_item_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/* ------------------------------------------------------------------------ */

void
tanlu_region_sidebar_focus_search (TanluRegionSidebar *self)
{
  g_return_if_fail (TANLU_IS_REGION_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
