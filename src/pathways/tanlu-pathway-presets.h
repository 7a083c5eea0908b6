/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-pathway.h"

G_BEGIN_DECLS

/**
 * TanluPreset:
 * @TANLU_PRESET_TREND: each sector group's carbon intensity keeps changing
 *   as it did over the last five observed years
 * @TANLU_PRESET_TARGETS: meets the national milestones (CO₂ per GDP −18 %
 *   2020→2025, −65 % 2005→2030, peak by 2030), then falls to a residual
 *   of 10 % of 2020 by 2060
 * @TANLU_PRESET_ACCELERATED: as @TANLU_PRESET_TARGETS to 2025, peaks then,
 *   and falls to the same residual by 2060
 */
typedef enum
{
  TANLU_PRESET_TREND,
  TANLU_PRESET_TARGETS,
  TANLU_PRESET_ACCELERATED,
} TanluPreset;

#define TANLU_N_PRESETS 3

/* The national milestones the Targets preset meets, from 中共中央 国务院
 * 《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》 (data/policy/):
 * "单位国内生产总值二氧化碳排放比2020年下降18%", "单位国内生产总值二氧化碳排放比2005年下降65%以上". */
#define TANLU_PRESET_REDUCTION_2025_VS_2020  18.0
#define TANLU_PRESET_REDUCTION_2030_VS_2005  65.0
/* What is left of 2020's emissions in 2060 in the Targets and Accelerated
 * presets: an assumption of Tanlu's, not a figure of any plan. */
#define TANLU_PRESET_RESIDUAL_SHARE          0.10
#define TANLU_PRESET_RESIDUAL_YEAR           2060

const char       *tanlu_preset_to_string   (TanluPreset               preset);
gboolean          tanlu_preset_from_string (const char               *text,
                                            TanluPreset              *preset);
const char       *tanlu_preset_get_name    (TanluPreset               preset,
                                            gboolean                  chinese);
const char       *tanlu_preset_describe    (TanluPreset               preset,
                                            gboolean                  chinese);
TanluPathwaySpec *tanlu_preset_make_spec   (TanluPreset               preset,
                                            const char               *region,
                                            const TanluPathwayInputs *inputs,
                                            GError                  **error);

G_END_DECLS
