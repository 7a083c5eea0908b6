/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-pathway-spec"

#include "config.h"

#include "tanlu-fuzz.h"
#include "pathways/tanlu-pathway-spec.h"

#include <math.h>

/* Parses the input as a pathway in the interchange format, as `tanlu
 * pathway import` and the Pathways page's Import do; a pathway that parses
 * is written back with tanlu_pathway_spec_to_json() and must read back
 * equal, and write the same JSON again. Nothing is resolved against a
 * database.
 */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = size > 0 ? (const char *) data : "";
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(TanluPathwaySpec) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;

  spec = tanlu_pathway_spec_new_from_json (json, size, "fuzz.json", &error);
  if (spec == NULL)
    {
      /* Every refusal says why, and names the file. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_PATHWAY_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  tanlu_fuzz_check_text ("pathway", "name", tanlu_pathway_spec_get_name (spec));
  tanlu_fuzz_check_text ("pathway", "region", tanlu_pathway_spec_get_region (spec));
  tanlu_fuzz_check_text ("pathway", "parent", tanlu_pathway_spec_get_parent (spec));
  tanlu_fuzz_check_text ("pathway", "notes", tanlu_pathway_spec_get_notes (spec));
  tanlu_fuzz_check_text ("pathway", "GDP series", tanlu_pathway_spec_get_gdp_series (spec));
  tanlu_fuzz_check_text ("pathway", "population series", tanlu_pathway_spec_get_population_series (spec));

  for (guint lever = 0; lever < TANLU_N_LEVERS; lever++)
    {
      const GArray *keyframes = tanlu_pathway_spec_get_keyframes (spec, lever);

      for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
        {
          const TanluKeyframe *keyframe = &g_array_index (keyframes, TanluKeyframe, i);

          g_assert_true (isfinite (keyframe->value));
          g_assert_true (tanlu_lever_check_value (lever, keyframe->value));
          if (i > 0)
            g_assert_cmpuint (keyframe->year, >, g_array_index (keyframes, TanluKeyframe, i - 1).year);
        }
    }

  written = tanlu_pathway_spec_to_json (spec);
  g_assert_nonnull (written);

  again = tanlu_pathway_spec_new_from_json (written, -1, "written.json", &error);
  if (again == NULL)
    g_error ("A pathway written by tanlu_pathway_spec_to_json() does not read back: %s\n%s",
             error->message, written);
  if (!tanlu_pathway_spec_equal (spec, again))
    g_error ("A pathway written by tanlu_pathway_spec_to_json() reads back different:\n%s",
             written);

  written_again = tanlu_pathway_spec_to_json (again);
  g_assert_cmpstr (written_again, ==, written);

  return 0;
}
