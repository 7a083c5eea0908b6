/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-pathway.h"

G_BEGIN_DECLS

#define TANLU_PATHWAY_CSV_HEADER "region_code,pathway,year,indicator,value,unit\n"

void   tanlu_pathway_append_csv    (GString            *out,
                                    const TanluPathway *pathway);
char  *tanlu_pathway_to_json       (const TanluPathway *pathway,
                                    GPtrArray          *checks);
void   tanlu_pathway_append_iamc   (GString            *out,
                                    GPtrArray          *pathways,
                                    gboolean            header);

G_END_DECLS
