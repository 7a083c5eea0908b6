/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dl_iterate_phdr (), for the sanitizer build */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#define G_LOG_DOMAIN "tanlu-test"

#include "config.h"

#include "tanlu-test-window.h"

#include <string.h>
#include "tanlu-test-util.h"

/* One application for the test program: it can be registered once. */
static TanluApplication *application;

/**
 * tanlu_test_window_init:
 *
 * Initialises GTK and libadwaita for a display test, with its own
 * directories, and registers the application the fixtures use.
 */
#if defined(__SANITIZE_ADDRESS__)
# define TANLU_TEST_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define TANLU_TEST_ASAN 1
# endif
#endif

#ifdef TANLU_TEST_ASAN
#include <link.h>
#include <sanitizer/lsan_interface.h>

int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

/* GLib keeps its quarks in a table of 2,048 made by its constructor; when a
 * process makes more, g_quark_new() copies them to a larger table and
 * abandons the first on purpose, so that lookups need no lock (gquark.c).
 * A window with every page makes more than 2,048, and LeakSanitizer would
 * report the abandoned 16 KiB at exit. This finds that one table while it
 * is still GLib's, through the pointer to it in GLib's own data, and tells
 * LeakSanitizer to ignore it: nothing else is ignored. */
#define QUARK_BLOCK_SIZE 2048

static int
ignore_quark_table_cb (struct dl_phdr_info *info,
                       size_t               size,
                       void                *data)
{
  gboolean *found = data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (guint i = 0; i < info->dlpi_phnum && !*found; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      const char * const *word;
      const char * const *end;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;

      word = (const char * const *) (info->dlpi_addr + segment->p_vaddr);
      end = (const char * const *) (info->dlpi_addr + segment->p_vaddr + segment->p_memsz);
      for (; word < end && !*found; word++)
        {
          const char * const *table = (const char * const *) *word;

          if (table != NULL && __sanitizer_get_ownership (table) &&
              __sanitizer_get_allocated_size (table) == QUARK_BLOCK_SIZE * sizeof (char *) &&
              table[1] == g_quark_to_string (1) && table[2] == g_quark_to_string (2))
            {
              __lsan_ignore_object (table);
              *found = TRUE;
            }
        }
    }

  return 1;
}

static void
ignore_first_quark_table (void)
{
  gboolean found = FALSE;

  /* Still the first table: fewer quarks than it holds so far */
  g_assert_null (g_quark_try_string ("tanlu-test-quark-probe"));
  dl_iterate_phdr (ignore_quark_table_cb, &found);
  g_assert_true (found);
}
#endif

void
tanlu_test_window_init (int    *argc,
                        char ***argv)
{
  g_autoptr(GError) error = NULL;

#ifdef TANLU_TEST_ASAN
  ignore_first_quark_table ();
#endif

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  application = tanlu_application_new (NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
}

void
tanlu_test_window_shutdown (void)
{
  g_clear_object (&application);
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * tanlu_test_wait_until:
 *
 * Runs the main loop until @condition holds, failing after ten seconds.
 */
void
tanlu_test_wait_until (gboolean (*condition) (gpointer),
                       gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

void
tanlu_test_wait_for_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/**
 * tanlu_test_wait_for_draw:
 *
 * Runs the main loop until @widget's window has painted a frame.
 */
void
tanlu_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  tanlu_test_wait_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

/**
 * tanlu_test_find_widget:
 *
 * Returns: (transfer none) (nullable): @widget or its first descendant of
 *   @type, depth first
 */
GtkWidget *
tanlu_test_find_widget (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tanlu_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget named @name at or below @widget, as a template's or
 * gtk_widget_set_name() names it. */
GtkWidget *
tanlu_test_find_named (GtkWidget  *widget,
                       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tanlu_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The page the window shows: "dashboard", "map", … */
const char *
tanlu_test_visible_view (TanluTestWindowFixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

/* Scrolls the scrolled window around @widget until @widget is in sight,
 * near the top, as a user scrolls to it, and waits for the frame. */
void
tanlu_test_scroll_to (GtkWidget *widget)
{
  GtkScrolledWindow *scroller =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment;
  GtkWidget *child;
  graphene_point_t top;

  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  child = gtk_scrolled_window_get_child (scroller);
  g_assert_true (gtk_widget_compute_point (widget, child, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (adjustment, MAX (0, top.y - 100));
  tanlu_test_wait_for_draw (GTK_WIDGET (scroller));
}

void
tanlu_test_window_set_up (TanluTestWindowFixture *fixture,
                          gconstpointer           data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;

  g_assert_nonnull (application);

  fixture->dir = tanlu_test_make_tmpdir ();
  path = tanlu_test_bundled_copy (fixture->dir);

  fixture->app = g_object_ref (application);

  /* Each test starts as a first run would, on the nation. */
  settings = tanlu_application_get_settings (fixture->app);
  g_settings_reset (settings, "last-region");
  g_settings_reset (settings, "view");
  g_settings_reset (settings, "unit-scale");
  g_settings_reset (settings, "comparison-regions");
  g_settings_reset (settings, "map-change-base");
  g_settings_reset (settings, "map-fixed-scale");
  g_settings_reset (settings, "map-palette");
  g_settings_reset (settings, "include-incomplete");

  /* A selectable label that takes the focus would select its text and own
   * the X11 PRIMARY selection, whose transfer buffer GDK still holds when
   * the test program exits; LeakSanitizer would report it. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  fixture->store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  fixture->context = tanlu_context_new (fixture->store);
  fixture->window = g_object_ref_sink (
    tanlu_window_new (GTK_APPLICATION (fixture->app), fixture->context, settings));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tanlu_test_wait_for_idle ();
}

void
tanlu_test_window_tear_down (TanluTestWindowFixture *fixture,
                             gconstpointer           data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->app);
  tanlu_test_wait_for_idle ();
  tanlu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}
