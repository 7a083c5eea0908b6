/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-classify"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-classify.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (TanluClassification, tanlu_classification,
                     tanlu_classification_copy, tanlu_classification_free)
G_DEFINE_QUARK (tanlu-classify-error-quark, tanlu_classify_error)

static const char * const method_names[] = {
  [TANLU_CLASSIFY_QUANTILE] = "quantile",
  [TANLU_CLASSIFY_EQUAL_INTERVAL] = "equal",
  [TANLU_CLASSIFY_JENKS] = "jenks",
  [TANLU_CLASSIFY_CUSTOM] = "custom",
};

/* ------------------------------------------------------------------------ */
/* Helpers */

static TanluClassification *
classification_alloc (TanluClassifyMethod method,
                      guint               n_classes)
{
  TanluClassification *self = g_new0 (TanluClassification, 1);

  self->method = method;
  self->n_classes = n_classes;
  self->breaks = g_new0 (double, n_classes + 1);
  self->counts = g_new0 (guint, MAX (n_classes, 1));

  return self;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The finite values, sorted: every method but custom works on the order
 * statistics, and the custom one needs the minimum and maximum. */
static double *
sort_finite_values (const double *values,
                    guint         n_values,
                    guint        *n_sorted)
{
  double *sorted = g_new (double, MAX (n_values, 1));
  guint n = 0;

  for (guint i = 0; i < n_values; i++)
    {
      if (isfinite (values[i]))
        sorted[n++] = values[i];
    }

  qsort (sorted, n, sizeof (double), compare_doubles);
  *n_sorted = n;

  return sorted;
}

static guint
count_distinct (const double *sorted,
                guint         n)
{
  guint n_distinct = n > 0 ? 1 : 0;

  for (guint i = 1; i < n; i++)
    {
      if (sorted[i] > sorted[i - 1])
        n_distinct++;
    }

  return n_distinct;
}

/* The position in @sorted nearest to @target where a new value starts
 * (sorted[j - 1] < sorted[j]), or 0 if there is none. A class must start
 * there: a quantile break inside a run of ties would split equal values
 * between two classes. The lower position wins a tie, so the mapping from
 * target to position never goes backwards. */
static guint
nearest_value_start (const double *sorted,
                     guint         n,
                     guint         target)
{
  guint below = target;
  guint above = MAX (target, 1);

  while (below > 0 && !(sorted[below - 1] < sorted[below]))
    below--;

  while (above < n && !(sorted[above - 1] < sorted[above]))
    above++;

  if (above >= n)
    return below;

  if (below == 0)
    return above;

  return target - below <= above - target ? below : above;
}

static guint
quantile_breaks (const double *sorted,
                 guint         n,
                 guint         n_classes,
                 double       *breaks)
{
  guint n_built = 0;
  guint previous = 0;

  breaks[n_built++] = sorted[0];

  for (guint i = 1; i < n_classes; i++)
    {
      guint target = (guint64) i * n / n_classes;
      guint start = nearest_value_start (sorted, n, target);

      /* Ties pulled this break onto the previous one (or to the very
       * first value): merge them rather than leave an empty class. */
      if (start <= previous)
        continue;

      breaks[n_built++] = sorted[start];
      previous = start;
    }

  breaks[n_built] = sorted[n - 1];

  return n_built;
}

static guint
equal_interval_breaks (const double *sorted,
                       guint         n,
                       guint         n_classes,
                       double       *breaks)
{
  double min = sorted[0];
  double max = sorted[n - 1];
  guint n_built = 0;

  breaks[n_built++] = min;

  for (guint i = 1; i < n_classes; i++)
    {
      /* Weighted, rather than min + i × step: each bound is rounded
       * once, so 0 to 1 in five classes gives 0.6, not
       * 0.6000000000000001, and the legend shows what the user expects. */
      double bound = (min * (n_classes - i) + max * i) / n_classes;

      /* Only a range a few ulps wide can round two bounds together. */
      if (bound <= breaks[n_built - 1] || bound >= max)
        continue;

      breaks[n_built++] = bound;
    }

  breaks[n_built] = max;

  return n_built;
}

/* Fisher's (1958) exact optimal grouping, the algorithm behind "Jenks
 * natural breaks": split the sorted values into contiguous classes with
 * the least total squared deviation from the class means, by dynamic
 * programming in O(k·m²) for m distinct values.
 *
 * It runs on distinct values weighted by how often they occur, so ties
 * always land in the same class, as find() requires, and many ties make
 * it cheaper. The within-class deviation is accumulated with Welford's
 * update rather than as Σx² − (Σx)²/n, which loses most digits on
 * values such as 1e9 plus small differences. */
static guint
jenks_breaks (const double *sorted,
              guint         n,
              guint         n_classes,
              double       *breaks)
{
  g_autofree double *distinct = g_new (double, n);
  g_autofree guint *weights = g_new (guint, n);
  g_autofree double *cost = NULL;
  g_autofree guint *first = NULL;
  guint n_distinct = 0;
  guint k;
  guint end;

  for (guint i = 0; i < n; i++)
    {
      if (n_distinct > 0 && sorted[i] == distinct[n_distinct - 1])
        {
          weights[n_distinct - 1]++;
        }
      else
        {
          distinct[n_distinct] = sorted[i];
          weights[n_distinct] = 1;
          n_distinct++;
        }
    }

  k = MIN (n_classes, n_distinct);

  /* cost[c × m + j]: the least deviation of distinct[0..j] in c + 1
   * classes; first[c × m + j]: where the last of those classes starts. */
  cost = g_new (double, (gsize) k * n_distinct);
  first = g_new0 (guint, (gsize) k * n_distinct);

  for (gsize i = 0; i < (gsize) k * n_distinct; i++)
    cost[i] = INFINITY;

  for (guint j = 0; j < n_distinct; j++)
    {
      double weight = 0;
      double mean = 0;
      double deviation = 0;

      /* Grow the last class downwards from distinct[j] to distinct[i]. */
      for (guint i = j + 1; i-- > 0;)
        {
          double delta = distinct[i] - mean;

          weight += weights[i];
          mean += delta * weights[i] / weight;
          deviation += weights[i] * delta * (distinct[i] - mean);

          /* One class: everything up to distinct[j]. */
          if (i == 0)
            cost[j] = deviation;

          /* More: the best c classes below distinct[i], then this one. */
          for (guint c = 1; c < k && c <= i; c++)
            {
              double candidate = cost[(c - 1) * n_distinct + i - 1] + deviation;

              if (candidate < cost[c * n_distinct + j])
                {
                  cost[c * n_distinct + j] = candidate;
                  first[c * n_distinct + j] = i;
                }
            }
        }
    }

  end = n_distinct - 1;

  for (guint c = k; c-- > 1;)
    {
      guint start = first[c * n_distinct + end];

      breaks[c] = distinct[start];
      end = start - 1;
    }

  breaks[0] = distinct[0];
  breaks[k] = distinct[n_distinct - 1];

  return k;
}

static gboolean
check_custom_breaks (guint          n_classes,
                     const double  *custom_breaks,
                     guint          n_custom_breaks,
                     GError       **error)
{
  if (n_custom_breaks != n_classes - 1 && n_custom_breaks != n_classes + 1)
    {
      g_set_error (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_BREAK_COUNT,
                   _("Wrong number of custom breaks for %u classes: %u (expected %u or %u)"),
                   n_classes, n_custom_breaks, n_classes - 1, n_classes + 1);
      return FALSE;
    }

  for (guint i = 0; i < n_custom_breaks; i++)
    {
      if (!isfinite (custom_breaks[i]))
        {
          g_set_error_literal (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_NOT_FINITE,
                               _("Custom breaks must be numbers"));
          return FALSE;
        }

      if (i > 0 && !(custom_breaks[i] > custom_breaks[i - 1]))
        {
          g_set_error (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_NOT_ASCENDING,
                       _("Custom breaks must go up: %g comes after %g"),
                       custom_breaks[i], custom_breaks[i - 1]);
          return FALSE;
        }
    }

  return TRUE;
}

static guint
custom_bounds (const double *sorted,
               guint         n,
               guint         n_classes,
               const double *custom,
               guint         n_custom,
               double       *breaks)
{
  if (n_custom == n_classes + 1)
    {
      memcpy (breaks, custom, sizeof (double) * (n_classes + 1));
      return n_classes;
    }

  /* Only the inner breaks given: the data close the outer classes, unless
   * the data do not reach the first or last break, in which case that
   * class is empty and collapses onto the break. */
  breaks[0] = MIN (sorted[0], custom[0]);
  memcpy (breaks + 1, custom, sizeof (double) * (n_classes - 1));
  breaks[n_classes] = MAX (sorted[n - 1], custom[n_classes - 2]);

  return n_classes;
}

/* ------------------------------------------------------------------------ */
/* Public API */

/**
 * tanlu_classification_new:
 * @values: (array length=n_values): the values to classify; NAN (or any
 *   value that is not finite) means no data
 * @n_values: how many
 * @method: how to choose the breaks
 * @n_classes: how many classes, from %TANLU_CLASSIFY_MIN_CLASSES to
 *   %TANLU_CLASSIFY_MAX_CLASSES
 * @custom_breaks: (array length=n_custom_breaks) (nullable): for
 *   %TANLU_CLASSIFY_CUSTOM, strictly ascending and finite: either the
 *   @n_classes − 1 inner breaks, the outer bounds then being the data's
 *   minimum and maximum, or all @n_classes + 1 bounds. Ignored by the
 *   other methods.
 * @n_custom_breaks: how many
 * @error: return location for a #TanluClassifyError
 *
 * Groups @values into classes for a choropleth map. Quantile, equal
 * interval and Jenks build fewer classes than asked for when there are
 * fewer distinct values (one class for a single value); quantile merges
 * breaks that ties pull together, so none of its classes is empty. Custom
 * classes are kept as given, even empty ones. When every value is
 * missing, the classification has no classes, which is not an error.
 *
 * Jenks takes time in the square of the number of distinct values: fine
 * for the regions of a map, not for millions of values.
 *
 * Returns: (transfer full): the classification, or %NULL with @error set
 *   if @n_classes or @custom_breaks are invalid
 */
TanluClassification *
tanlu_classification_new (const double         *values,
                          guint                 n_values,
                          TanluClassifyMethod   method,
                          guint                 n_classes,
                          const double         *custom_breaks,
                          guint                 n_custom_breaks,
                          GError              **error)
{
  g_autoptr(TanluClassification) self = NULL;
  g_autofree double *sorted = NULL;
  double breaks[TANLU_CLASSIFY_MAX_CLASSES + 1];
  guint n_sorted;
  guint n_built = 0;

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);
  g_return_val_if_fail (method <= TANLU_CLASSIFY_CUSTOM, NULL);
  g_return_val_if_fail (custom_breaks != NULL || n_custom_breaks == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_classes < TANLU_CLASSIFY_MIN_CLASSES || n_classes > TANLU_CLASSIFY_MAX_CLASSES)
    {
      g_set_error (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_CLASS_COUNT,
                   _("A map has from %u to %u classes, not %u"),
                   TANLU_CLASSIFY_MIN_CLASSES, TANLU_CLASSIFY_MAX_CLASSES, n_classes);
      return NULL;
    }

  if (method == TANLU_CLASSIFY_CUSTOM &&
      !check_custom_breaks (n_classes, custom_breaks, n_custom_breaks, error))
    return NULL;

  sorted = sort_finite_values (values, n_values, &n_sorted);

  if (n_sorted > 0)
    {
      switch (method)
        {
        case TANLU_CLASSIFY_QUANTILE:
          n_built = quantile_breaks (sorted, n_sorted, n_classes, breaks);
          break;

        case TANLU_CLASSIFY_EQUAL_INTERVAL:
          n_built = equal_interval_breaks (sorted, n_sorted,
                                           MIN (n_classes, count_distinct (sorted, n_sorted)),
                                           breaks);
          break;

        case TANLU_CLASSIFY_JENKS:
          n_built = jenks_breaks (sorted, n_sorted, n_classes, breaks);
          break;

        case TANLU_CLASSIFY_CUSTOM:
          n_built = custom_bounds (sorted, n_sorted, n_classes,
                                   custom_breaks, n_custom_breaks, breaks);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self = classification_alloc (method, n_built);

  if (n_built > 0)
    memcpy (self->breaks, breaks, sizeof (double) * (n_built + 1));

  tanlu_classification_recount (self, values, n_values);

  return g_steal_pointer (&self);
}

/**
 * tanlu_classification_copy:
 *
 * Returns: (transfer full): a deep copy of @self
 */
TanluClassification *
tanlu_classification_copy (const TanluClassification *self)
{
  TanluClassification *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = classification_alloc (self->method, self->n_classes);
  memcpy (copy->breaks, self->breaks, sizeof (double) * (self->n_classes + 1));
  memcpy (copy->counts, self->counts, sizeof (guint) * self->n_classes);
  copy->n_values = self->n_values;
  copy->n_missing = self->n_missing;

  return copy;
}

void
tanlu_classification_free (TanluClassification *self)
{
  if (self == NULL)
    return;

  g_free (self->breaks);
  g_free (self->counts);
  g_free (self);
}

/**
 * tanlu_classification_find:
 * @value: a value, not necessarily one of those classified
 *
 * Finds the class of @value: i where breaks[i] <= @value < breaks[i + 1],
 * the last class closed at the top. Values below the first bound go to
 * the first class and values above the last to the last class, so that a
 * scale fixed on one year still colours every region of another.
 *
 * Returns: the class, or -1 for a missing (not finite) value or when
 *   there are no classes
 */
int
tanlu_classification_find (const TanluClassification *self,
                           double                     value)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (self != NULL, -1);

  if (!isfinite (value) || self->n_classes == 0)
    return -1;

  /* The last class whose lower bound is at most @value: low is that class
   * or 0, and high is past it. */
  high = self->n_classes;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (self->breaks[middle] <= value)
        low = middle;
      else
        high = middle;
    }

  return low;
}

/**
 * tanlu_classification_recount:
 * @values: (array length=n_values): the new values; NAN means no data
 * @n_values: how many
 *
 * Counts @values into the existing classes, keeping the breaks: the
 * "fixed scale" option classifies one year and recounts the others.
 */
void
tanlu_classification_recount (TanluClassification *self,
                              const double        *values,
                              guint                n_values)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  memset (self->counts, 0, sizeof (guint) * self->n_classes);
  self->n_values = 0;
  self->n_missing = 0;

  for (guint i = 0; i < n_values; i++)
    {
      int class;

      if (!isfinite (values[i]))
        {
          self->n_missing++;
          continue;
        }

      self->n_values++;
      class = tanlu_classification_find (self, values[i]);

      if (class >= 0)
        self->counts[class]++;
    }
}

/**
 * tanlu_classify_method_to_string:
 *
 * Returns: the method's name in settings, specs and the command line:
 *   "quantile", "equal", "jenks" or "custom"
 */
const char *
tanlu_classify_method_to_string (TanluClassifyMethod method)
{
  switch (method)
    {
    case TANLU_CLASSIFY_QUANTILE:
    case TANLU_CLASSIFY_EQUAL_INTERVAL:
    case TANLU_CLASSIFY_JENKS:
    case TANLU_CLASSIFY_CUSTOM:
      return method_names[method];

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tanlu_classify_method_from_string:
 * @text: (nullable): a name from tanlu_classify_method_to_string()
 * @method: (out): the method
 *
 * Returns: whether @text names a method; @method is left alone if not
 */
gboolean
tanlu_classify_method_from_string (const char          *text,
                                   TanluClassifyMethod *method)
{
  g_return_val_if_fail (method != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    {
      if (g_str_equal (text, method_names[i]))
        {
          *method = i;
          return TRUE;
        }
    }

  return FALSE;
}
