/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-indicator.h"

G_BEGIN_DECLS

#define TANLU_UNIT_ERROR (tanlu_unit_error_quark ())

/**
 * TanluUnitError:
 * @TANLU_UNIT_ERROR_UNKNOWN: the text is not a unit Tanlu knows
 * @TANLU_UNIT_ERROR_INCOMPATIBLE: the units measure different things, or
 *   the same thing of different substances (CO₂ and CO₂ equivalent)
 */
typedef enum
{
  TANLU_UNIT_ERROR_UNKNOWN,
  TANLU_UNIT_ERROR_INCOMPATIBLE,
} TanluUnitError;

/**
 * TanluUnitDimension:
 * @TANLU_UNIT_MASS: mass; base unit the tonne (吨). A CO₂ or CO₂-equivalent
 *   mass carries that qualifier
 * @TANLU_UNIT_STANDARD_COAL: energy as standard coal; base 吨标准煤 (tce)
 * @TANLU_UNIT_ELECTRICITY: electricity; base 千瓦时 (kWh). Never converted
 *   to standard coal: the factor depends on the accounting method
 * @TANLU_UNIT_MONEY: money in yuan (CNY) at whatever prices the table
 *   states; base 元. The price base is not converted
 * @TANLU_UNIT_POPULATION: persons; base 人
 * @TANLU_UNIT_POWER: power capacity; base 千瓦 (kW)
 * @TANLU_UNIT_APPARENT_POWER: transformer capacity; base 千伏安 (kVA)
 * @TANLU_UNIT_VOLUME: volume (gas, timber); base 立方米 (m³)
 * @TANLU_UNIT_AREA: area; base 平方米 (m²)
 * @TANLU_UNIT_SHARE: a share; base the fraction 1 (% is 0.01, ‰ 0.001)
 * @TANLU_UNIT_PERCENTAGE_POINTS: a difference of percentages, 个百分点
 * @TANLU_UNIT_COUNT: a number of things; base 个. 辆, 台 and 户 carry
 *   their measure word as the qualifier
 */
typedef enum
{
  TANLU_UNIT_MASS,
  TANLU_UNIT_STANDARD_COAL,
  TANLU_UNIT_ELECTRICITY,
  TANLU_UNIT_MONEY,
  TANLU_UNIT_POPULATION,
  TANLU_UNIT_POWER,
  TANLU_UNIT_APPARENT_POWER,
  TANLU_UNIT_VOLUME,
  TANLU_UNIT_AREA,
  TANLU_UNIT_SHARE,
  TANLU_UNIT_PERCENTAGE_POINTS,
  TANLU_UNIT_COUNT,
} TanluUnitDimension;

/**
 * TanluUnit:
 * @dimension: what it measures
 * @factor: how many of the dimension's base unit one of it is (万吨: 10⁴)
 * @qualifier: (nullable): the substance or thing measured ("CO₂", "CO₂e",
 *   "辆"), or %NULL for a plain unit, which converts to and from any
 *   qualified unit of its dimension
 * @name: the unit's canonical name, "万吨", "Mt CO₂", "亿千瓦时"
 *
 * A unit read by tanlu_unit_parse(). A plain value: copy it freely.
 */
typedef struct
{
  TanluUnitDimension  dimension;
  double              factor;
  const char         *qualifier;
  char                name[64];
} TanluUnit;

GQuark       tanlu_unit_error_quark          (void);

gboolean     tanlu_unit_parse                (const char       *text,
                                              TanluUnit        *unit);
gboolean     tanlu_unit_parse_checked        (const char       *text,
                                              TanluUnit        *unit,
                                              GError          **error);
gboolean     tanlu_unit_get_factor           (const TanluUnit  *from,
                                              const TanluUnit  *to,
                                              double           *factor,
                                              GError          **error);
gboolean     tanlu_unit_convert              (double            value,
                                              const TanluUnit  *from,
                                              const TanluUnit  *to,
                                              double           *out,
                                              GError          **error);
gboolean     tanlu_unit_convert_text         (double            value,
                                              const char       *from,
                                              const char       *to,
                                              double           *out,
                                              GError          **error);
gboolean     tanlu_unit_factor_to_indicator  (const char       *from,
                                              TanluIndicator   *indicator,
                                              double           *factor,
                                              GError          **error);
char        *tanlu_unit_find_in_text         (const char       *text,
                                              TanluUnit        *unit);
const char  *tanlu_unit_dimension_to_string  (TanluUnitDimension dimension);

G_END_DECLS
