/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tanlu-sector-group.h"

static const struct
{
  const char *key;
  const char *name_zh;
  const char *name_en;
} groups[TANLU_N_SECTOR_GROUPS] = {
  [TANLU_SECTOR_GROUP_POWER_HEAT] = { "power_heat", "电力与热力", "Power and heat" },
  [TANLU_SECTOR_GROUP_INDUSTRY] = { "industry", "工业与建筑业", "Industry and construction" },
  [TANLU_SECTOR_GROUP_TRANSPORT] = { "transport", "交通运输", "Transport" },
  [TANLU_SECTOR_GROUP_BUILDINGS] = { "buildings_services", "商业与服务业", "Buildings and services" },
  [TANLU_SECTOR_GROUP_HOUSEHOLDS] = { "households", "居民生活", "Households" },
  [TANLU_SECTOR_GROUP_AGRICULTURE] = { "agriculture_other", "农林牧渔", "Agriculture and other" },
};

/* The 47 CEADs sectors by their indicator codes (co2.sector.*). CEADs
 * counts commercial transport under transport, private cars under
 * households, and process emissions (mostly cement) under non-metal
 * mineral products, which is industry. */
static const struct
{
  const char       *sector;
  TanluSectorGroup  group;
} sectors[] = {
  { "power_heat", TANLU_SECTOR_GROUP_POWER_HEAT },

  { "coal_mining", TANLU_SECTOR_GROUP_INDUSTRY },
  { "oil_gas_extraction", TANLU_SECTOR_GROUP_INDUSTRY },
  { "ferrous_mining", TANLU_SECTOR_GROUP_INDUSTRY },
  { "nonferrous_mining", TANLU_SECTOR_GROUP_INDUSTRY },
  { "nonmetal_mining", TANLU_SECTOR_GROUP_INDUSTRY },
  { "other_mining", TANLU_SECTOR_GROUP_INDUSTRY },
  { "food_processing", TANLU_SECTOR_GROUP_INDUSTRY },
  { "food_production", TANLU_SECTOR_GROUP_INDUSTRY },
  { "beverages", TANLU_SECTOR_GROUP_INDUSTRY },
  { "tobacco", TANLU_SECTOR_GROUP_INDUSTRY },
  { "textiles", TANLU_SECTOR_GROUP_INDUSTRY },
  { "garments", TANLU_SECTOR_GROUP_INDUSTRY },
  { "leather", TANLU_SECTOR_GROUP_INDUSTRY },
  { "timber", TANLU_SECTOR_GROUP_INDUSTRY },
  { "furniture", TANLU_SECTOR_GROUP_INDUSTRY },
  { "paper", TANLU_SECTOR_GROUP_INDUSTRY },
  { "printing", TANLU_SECTOR_GROUP_INDUSTRY },
  { "cultural_articles", TANLU_SECTOR_GROUP_INDUSTRY },
  { "petroleum_coking", TANLU_SECTOR_GROUP_INDUSTRY },
  { "chemicals", TANLU_SECTOR_GROUP_INDUSTRY },
  { "pharmaceuticals", TANLU_SECTOR_GROUP_INDUSTRY },
  { "chemical_fibers", TANLU_SECTOR_GROUP_INDUSTRY },
  { "rubber", TANLU_SECTOR_GROUP_INDUSTRY },
  { "plastics", TANLU_SECTOR_GROUP_INDUSTRY },
  { "nonmetal_minerals", TANLU_SECTOR_GROUP_INDUSTRY },
  { "ferrous_smelting", TANLU_SECTOR_GROUP_INDUSTRY },
  { "nonferrous_smelting", TANLU_SECTOR_GROUP_INDUSTRY },
  { "metal_products", TANLU_SECTOR_GROUP_INDUSTRY },
  { "general_machinery", TANLU_SECTOR_GROUP_INDUSTRY },
  { "special_equipment", TANLU_SECTOR_GROUP_INDUSTRY },
  { "transport_equipment", TANLU_SECTOR_GROUP_INDUSTRY },
  { "electrical_machinery", TANLU_SECTOR_GROUP_INDUSTRY },
  { "electronics", TANLU_SECTOR_GROUP_INDUSTRY },
  { "instruments", TANLU_SECTOR_GROUP_INDUSTRY },
  { "other_manufacturing", TANLU_SECTOR_GROUP_INDUSTRY },
  { "scrap_waste", TANLU_SECTOR_GROUP_INDUSTRY },
  { "gas_supply", TANLU_SECTOR_GROUP_INDUSTRY },
  { "water_supply", TANLU_SECTOR_GROUP_INDUSTRY },
  { "construction", TANLU_SECTOR_GROUP_INDUSTRY },

  { "transport_storage_post", TANLU_SECTOR_GROUP_TRANSPORT },

  { "wholesale_retail_catering", TANLU_SECTOR_GROUP_BUILDINGS },
  { "others", TANLU_SECTOR_GROUP_BUILDINGS },

  { "urban_households", TANLU_SECTOR_GROUP_HOUSEHOLDS },
  { "rural_households", TANLU_SECTOR_GROUP_HOUSEHOLDS },

  { "agriculture", TANLU_SECTOR_GROUP_AGRICULTURE },
  { "logging", TANLU_SECTOR_GROUP_AGRICULTURE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sectors) == 47);

const char *
tanlu_sector_group_to_string (TanluSectorGroup group)
{
  g_return_val_if_fail (group < TANLU_N_SECTOR_GROUPS, NULL);

  return groups[group].key;
}

gboolean
tanlu_sector_group_from_string (const char       *text,
                                TanluSectorGroup *group)
{
  for (guint i = 0; i < TANLU_N_SECTOR_GROUPS; i++)
    if (g_strcmp0 (text, groups[i].key) == 0)
      {
        *group = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tanlu_sector_group_get_name (TanluSectorGroup group,
                             gboolean         chinese)
{
  g_return_val_if_fail (group < TANLU_N_SECTOR_GROUPS, NULL);

  return chinese ? groups[group].name_zh : groups[group].name_en;
}

/**
 * tanlu_sector_group_for_indicator:
 * @indicator_code: an indicator code such as "co2.sector.chemicals"
 *
 * Returns: the #TanluSectorGroup of a CEADs sector, or -1 for any other
 *   indicator
 */
int
tanlu_sector_group_for_indicator (const char *indicator_code)
{
  static const char prefix[] = "co2.sector.";

  if (indicator_code == NULL || !g_str_has_prefix (indicator_code, prefix))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    if (strcmp (indicator_code + strlen (prefix), sectors[i].sector) == 0)
      return sectors[i].group;

  return -1;
}
