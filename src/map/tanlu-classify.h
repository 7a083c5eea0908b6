/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANLU_CLASSIFY_ERROR (tanlu_classify_error_quark ())

typedef enum
{
  TANLU_CLASSIFY_ERROR_CLASS_COUNT,
  TANLU_CLASSIFY_ERROR_BREAK_COUNT,
  TANLU_CLASSIFY_ERROR_NOT_FINITE,
  TANLU_CLASSIFY_ERROR_NOT_ASCENDING,
} TanluClassifyError;

/**
 * TanluClassifyMethod:
 * @TANLU_CLASSIFY_QUANTILE: about as many values in each class
 * @TANLU_CLASSIFY_EQUAL_INTERVAL: classes of equal width from the minimum
 *   to the maximum
 * @TANLU_CLASSIFY_JENKS: Jenks natural breaks: the grouping with the least
 *   squared deviation from the class means (Fisher's exact algorithm)
 * @TANLU_CLASSIFY_CUSTOM: breaks chosen by the user
 *
 * How values are grouped into the classes of a choropleth map.
 */
typedef enum
{
  TANLU_CLASSIFY_QUANTILE,
  TANLU_CLASSIFY_EQUAL_INTERVAL,
  TANLU_CLASSIFY_JENKS,
  TANLU_CLASSIFY_CUSTOM,
} TanluClassifyMethod;

#define TANLU_CLASSIFY_MIN_CLASSES 3
#define TANLU_CLASSIFY_MAX_CLASSES 9

/**
 * TanluClassification:
 * @method: how the breaks were chosen
 * @n_classes: the classes as built: fewer than asked for when there are
 *   fewer distinct values, and none when every value is missing
 * @breaks: @n_classes + 1 bounds. Class i holds breaks[i] <= v < breaks[i + 1];
 *   the last class is closed at the top. The inner bounds are strictly
 *   ascending; an outer bound may equal its neighbour, for a last class of
 *   one value ([x, x], e.g. when all values are equal) or a custom class
 *   that no value reaches. Bounds are exact, not rounded: the legend
 *   formats them.
 * @counts: how many values fall in each class
 * @n_values: how many values were classified, the missing ones left out
 * @n_missing: how many values were missing (not finite): "no data"
 *
 * Classes of a choropleth map. The breaks can be kept while the values
 * change (tanlu_classification_recount()), so that a scale fixed on one
 * year reads the same in another.
 */
typedef struct
{
  TanluClassifyMethod  method;
  guint                n_classes;
  double              *breaks;
  guint               *counts;
  guint                n_values;
  guint                n_missing;
} TanluClassification;

#define TANLU_TYPE_CLASSIFICATION (tanlu_classification_get_type ())

GType                tanlu_classification_get_type     (void) G_GNUC_CONST;
GQuark               tanlu_classify_error_quark        (void);
TanluClassification *tanlu_classification_new          (const double               *values,
                                                        guint                       n_values,
                                                        TanluClassifyMethod         method,
                                                        guint                       n_classes,
                                                        const double               *custom_breaks,
                                                        guint                       n_custom_breaks,
                                                        GError                    **error);
TanluClassification *tanlu_classification_copy         (const TanluClassification  *self);
void                 tanlu_classification_free         (TanluClassification        *self);
int                  tanlu_classification_find         (const TanluClassification  *self,
                                                        double                      value);
void                 tanlu_classification_recount      (TanluClassification        *self,
                                                        const double               *values,
                                                        guint                       n_values);
const char          *tanlu_classify_method_to_string   (TanluClassifyMethod         method);
gboolean             tanlu_classify_method_from_string (const char                 *text,
                                                        TanluClassifyMethod        *method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluClassification, tanlu_classification_free)

G_END_DECLS
