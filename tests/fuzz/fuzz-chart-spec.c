/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-chart-spec"

#include "config.h"

#include "tanlu-fuzz.h"
#include "charts/tanlu-chart-spec.h"

/* Parses the input as a chart spec, as `tanlu render chart --spec` and
 * the chart cards do; a spec that parses is written back with
 * tanlu_chart_spec_to_json() and must read back to the same JSON
 * ("Serialises to JSON and back unchanged"). Nothing is resolved against
 * a database.
 */

/* Every text of a spec ends up in Pango or GTK, which take UTF-8 only. */

static void
check_texts (const TanluChartSpec *spec)
{
  tanlu_fuzz_check_text ("spec", "title", spec->title);
  tanlu_fuzz_check_text ("spec", "subtitle", spec->subtitle);
  tanlu_fuzz_check_text ("spec", "source", spec->source);
  tanlu_fuzz_check_text ("spec", "name", spec->name);
  tanlu_fuzz_check_text ("spec", "breakdown region", spec->breakdown_region);
  tanlu_fuzz_check_text ("spec", "ranking region", spec->ranking_region);
  tanlu_fuzz_check_text ("spec", "ranking indicator", spec->ranking_indicator);

  for (guint i = 0; i < spec->series->len; i++)
    {
      const TanluChartSpecSeries *series = g_ptr_array_index (spec->series, i);

      tanlu_fuzz_check_text ("spec", "series region", series->region);
      tanlu_fuzz_check_text ("spec", "series indicator", series->indicator);
      tanlu_fuzz_check_text ("spec", "series label", series->label);
    }

  for (guint i = 0; i < spec->marker_labels->len; i++)
    tanlu_fuzz_check_text ("spec", "marker label", g_ptr_array_index (spec->marker_labels, i));
  for (guint i = 0; i < spec->reference_labels->len; i++)
    tanlu_fuzz_check_text ("spec", "reference line label", g_ptr_array_index (spec->reference_labels, i));
  for (guint i = 0; i < spec->bands->len; i++)
    tanlu_fuzz_check_text ("spec", "band label", ((const TanluChartBand *) g_ptr_array_index (spec->bands, i))->label);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The bytes are passed as they are, not NUL-terminated, so the
   * sanitizers see any read past the end. */
  const char *json = size > 0 ? (const char *) data : "";
  g_autoptr(TanluChartSpec) spec = NULL;
  g_autoptr(TanluChartSpec) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;

  spec = tanlu_chart_spec_new_from_json (json, size, &error);
  if (spec == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_CHART_SPEC_ERROR);
      g_assert_true (error->code == TANLU_CHART_SPEC_ERROR_SYNTAX ||
                     error->code == TANLU_CHART_SPEC_ERROR_INVALID);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (tanlu_chart_kind_to_string (spec->kind));
  g_assert_nonnull (spec->series);
  g_assert_cmpuint (spec->markers->len, ==, spec->marker_labels->len);
  g_assert_cmpuint (spec->reference_years->len, ==, spec->reference_labels->len);
  check_texts (spec);

  written = tanlu_chart_spec_to_json (spec);
  g_assert_nonnull (written);

  again = tanlu_chart_spec_new_from_json (written, -1, &error);
  if (again == NULL)
    g_error ("A spec written by tanlu_chart_spec_to_json() does not read back: %s\n%s",
             error->message, written);

  written_again = tanlu_chart_spec_to_json (again);
  g_assert_cmpstr (written_again, ==, written);

  return 0;
}
