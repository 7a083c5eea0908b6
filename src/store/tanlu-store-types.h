/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GB/T 2260 codes are six digits; the nation is 100000. */
#define TANLU_REGION_CODE_NATION 100000
#define TANLU_REGION_CODE_MIN    100000
#define TANLU_REGION_CODE_MAX    999999
#define TANLU_REGION_CODE_IS_VALID(code)                                                           \
  ((code) >= TANLU_REGION_CODE_MIN && (code) <= TANLU_REGION_CODE_MAX)

/* The indicator every dashboard, map and pathway starts from: scope 1
 * CO₂ emissions, in Mt. */
#define TANLU_INDICATOR_CO2_TOTAL "co2.total"

typedef struct _TanluImportReport TanluImportReport;
typedef struct _TanluIndicator    TanluIndicator;
typedef struct _TanluObservation  TanluObservation;
typedef struct _TanluRegion       TanluRegion;
typedef struct _TanluSource       TanluSource;
typedef struct _TanluStore        TanluStore;

/**
 * TanluExtent:
 *
 * The longitudes and latitudes a stored shape spans, for culling.
 */
typedef struct
{
  double  min_lon;
  double  min_lat;
  double  max_lon;
  double  max_lat;
} TanluExtent;

/**
 * TanluRegionLevel:
 * @TANLU_REGION_LEVEL_NATION: the whole country (code 100000)
 * @TANLU_REGION_LEVEL_PROVINCE: a provincial unit (province, autonomous region, municipality, SAR)
 * @TANLU_REGION_LEVEL_CITY: a prefecture-level unit
 * @TANLU_REGION_LEVEL_GROUP: a named set of regions, such as the Chengdu–Chongqing circle
 */
typedef enum
{
  TANLU_REGION_LEVEL_NATION,
  TANLU_REGION_LEVEL_PROVINCE,
  TANLU_REGION_LEVEL_CITY,
  TANLU_REGION_LEVEL_GROUP,
} TanluRegionLevel;

/**
 * TanluImportKind:
 * @TANLU_IMPORT_KIND_UNKNOWN: not recognised
 * @TANLU_IMPORT_KIND_CEADS_PROVINCES: a CEADs provincial inventory workbook (one year)
 * @TANLU_IMPORT_KIND_CEADS_CITIES: the CEADs city emission workbook
 * @TANLU_IMPORT_KIND_CEADS_NATION: the CEADs national inventory workbook
 * @TANLU_IMPORT_KIND_OBSERVATIONS_CSV: a long CSV of observations
 */
typedef enum
{
  TANLU_IMPORT_KIND_UNKNOWN,
  TANLU_IMPORT_KIND_CEADS_PROVINCES,
  TANLU_IMPORT_KIND_CEADS_CITIES,
  TANLU_IMPORT_KIND_CEADS_NATION,
  TANLU_IMPORT_KIND_OBSERVATIONS_CSV,
} TanluImportKind;

/**
 * TanluObservationDetails:
 * @origin: (nullable): where in its file the figure was read, as stored
 *   (see tanlu_origin_describe())
 * @source_code: the code the file gave, when it was an old one since
 *   replaced, else 0
 * @imported_at: (nullable): when it was imported, for figures imported
 *   into this database
 * @import_path: (nullable): the file it was imported from
 */
typedef struct
{
  const char *origin;
  guint       source_code;
  const char *imported_at;
  const char *import_path;
} TanluObservationDetails;

G_END_DECLS
