/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "tanlu-test-input.h"
#include "tanlu-test-window.h"

static Display *xdisplay;

/* Lets the X server deliver the events and GTK handle them. */
static void
settle (void)
{
  XSync (xdisplay, False);
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (15000);
      tanlu_test_wait_for_idle ();
    }
}

/**
 * tanlu_test_input_init:
 *
 * Checks that the tests run on an X server with XTEST, as under xvfb-run.
 */
void
tanlu_test_input_init (GtkWidget *any_widget)
{
  GdkDisplay *display = gtk_widget_get_display (any_widget);
  int event_base, error_base, major, minor;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  g_assert_true (XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor));
}

/* @x, @y in @widget's coordinates, to the root window's. */
static void
to_root (GtkWidget *widget,
         double     x,
         double     y,
         int       *root_x,
         int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double surface_x, surface_y;
  Window child;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (point.x + surface_x),
                         (int) (point.y + surface_y), root_x, root_y, &child);
}

void
tanlu_test_pointer_move (GtkWidget *widget,
                         double     x,
                         double     y)
{
  int root_x, root_y;

  if (xdisplay == NULL)
    tanlu_test_input_init (widget);

  to_root (widget, x, y, &root_x, &root_y);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  settle ();
}

void
tanlu_test_pointer_button (guint    button,
                           gboolean pressed)
{
  g_assert_nonnull (xdisplay);

  XTestFakeButtonEvent (xdisplay, button, pressed, CurrentTime);
  settle ();
}

/**
 * tanlu_test_click:
 * @n_clicks: 1, or 2 for a double click
 */
void
tanlu_test_click (GtkWidget *widget,
                  double     x,
                  double     y,
                  guint      n_clicks)
{
  tanlu_test_pointer_move (widget, x, y);
  for (guint i = 0; i < n_clicks; i++)
    {
      XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
      XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
      XSync (xdisplay, False);
    }
  settle ();
}

/**
 * tanlu_test_drag:
 * @steps: how many movements between the press and the release
 *
 * Presses the first button at (@from_x, @from_y), moves in @steps to
 * (@to_x, @to_y) and lets go, all in @widget's coordinates.
 */
void
tanlu_test_drag (GtkWidget *widget,
                 double     from_x,
                 double     from_y,
                 double     to_x,
                 double     to_y,
                 guint      steps)
{
  tanlu_test_pointer_move (widget, from_x, from_y);
  tanlu_test_pointer_button (1, TRUE);
  for (guint i = 1; i <= steps; i++)
    tanlu_test_pointer_move (widget, from_x + (to_x - from_x) * i / steps,
                             from_y + (to_y - from_y) * i / steps);
  tanlu_test_pointer_button (1, FALSE);
}

static void
modifier_keys (GdkModifierType modifiers,
               gboolean        pressed)
{
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Control_L), pressed, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Shift_L), pressed, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Alt_L), pressed, CurrentTime);
}

/**
 * tanlu_test_key:
 *
 * Presses and releases a key, with modifiers held, on whatever has the
 * keyboard focus.
 */
void
tanlu_test_key (guint           keyval,
                GdkModifierType modifiers)
{
  KeyCode code;

  g_assert_nonnull (xdisplay);
  code = XKeysymToKeycode (xdisplay, keyval);
  g_assert_cmpuint (code, !=, 0);

  modifier_keys (modifiers, TRUE);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  modifier_keys (modifiers, FALSE);
  settle ();
}

/* A keycode the keyboard map leaves empty, to lend to other characters. */
static KeyCode
spare_keycode (void)
{
  int min, max, per_code;
  KeySym *map;
  KeyCode spare = 0;

  XDisplayKeycodes (xdisplay, &min, &max);
  map = XGetKeyboardMapping (xdisplay, min, max - min + 1, &per_code);
  for (int code = max; code >= min && spare == 0; code--)
    {
      gboolean empty = TRUE;

      for (int i = 0; i < per_code; i++)
        empty = empty && map[(code - min) * per_code + i] == NoSymbol;
      if (empty)
        spare = code;
    }
  XFree (map);

  return spare;
}

/**
 * tanlu_test_type:
 *
 * Types @text key by key on whatever has the keyboard focus. A character
 * the keyboard has no key for (Chinese, say) is typed on a spare key the
 * keyboard map lends it for the moment, as xdotool does.
 */
void
tanlu_test_type (const char *text)
{
  g_assert_nonnull (xdisplay);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      KeySym keysym = gdk_unicode_to_keyval (c);
      KeyCode code = XKeysymToKeycode (xdisplay, keysym);

      if (code != 0 && XkbKeycodeToKeysym (xdisplay, code, 0, 0) == keysym)
        tanlu_test_key (keysym, 0);
      else if (code != 0 && XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keysym)
        tanlu_test_key (XkbKeycodeToKeysym (xdisplay, code, 0, 0), GDK_SHIFT_MASK);
      else
        {
          KeyCode spare = spare_keycode ();
          KeySym none = NoSymbol;

          g_assert_cmpuint (spare, !=, 0);
          XChangeKeyboardMapping (xdisplay, spare, 1, &keysym, 1);
          settle ();
          XTestFakeKeyEvent (xdisplay, spare, True, CurrentTime);
          XTestFakeKeyEvent (xdisplay, spare, False, CurrentTime);
          settle ();
          XChangeKeyboardMapping (xdisplay, spare, 1, &none, 1);
          settle ();
        }
    }
}
