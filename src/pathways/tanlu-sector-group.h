/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TanluSectorGroup:
 * @TANLU_SECTOR_GROUP_POWER_HEAT: production and supply of electricity and heat
 * @TANLU_SECTOR_GROUP_INDUSTRY: mining, manufacturing, gas and water supply, construction
 * @TANLU_SECTOR_GROUP_TRANSPORT: transport, storage and post
 * @TANLU_SECTOR_GROUP_BUILDINGS: wholesale, retail, hotels and catering, other services
 * @TANLU_SECTOR_GROUP_HOUSEHOLDS: urban and rural households
 * @TANLU_SECTOR_GROUP_AGRICULTURE: farming, forestry, animal husbandry, fishery, logging
 *
 * The groups pathways work in. Each of the 47 CEADs sectors belongs to
 * exactly one; the README lists which.
 */
typedef enum
{
  TANLU_SECTOR_GROUP_POWER_HEAT,
  TANLU_SECTOR_GROUP_INDUSTRY,
  TANLU_SECTOR_GROUP_TRANSPORT,
  TANLU_SECTOR_GROUP_BUILDINGS,
  TANLU_SECTOR_GROUP_HOUSEHOLDS,
  TANLU_SECTOR_GROUP_AGRICULTURE,
} TanluSectorGroup;

#define TANLU_N_SECTOR_GROUPS 6

const char *tanlu_sector_group_to_string     (TanluSectorGroup  group);
gboolean    tanlu_sector_group_from_string   (const char       *text,
                                              TanluSectorGroup *group);
const char *tanlu_sector_group_get_name      (TanluSectorGroup  group,
                                              gboolean          chinese);
int         tanlu_sector_group_for_indicator (const char       *indicator_code);

G_END_DECLS
