/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pathways/tanlu-pathway-check.h"
#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-store.h"

G_BEGIN_DECLS

/**
 * TanluReportStatus:
 * @TANLU_REPORT_UNDER_WAY: the data end before the target year; the item
 *   says where they stand and what it takes from there
 * @TANLU_REPORT_MET: the data reach the target year, and it is met
 * @TANLU_REPORT_MISSED: the data reach the target year, and it is missed
 * @TANLU_REPORT_NOT_CHECKABLE: the data cannot check it; @reason says why
 *
 * Where a target stands on the latest data.
 */
typedef enum
{
  TANLU_REPORT_UNDER_WAY,
  TANLU_REPORT_MET,
  TANLU_REPORT_MISSED,
  TANLU_REPORT_NOT_CHECKABLE,
} TanluReportStatus;

/**
 * TanluReportPeak:
 * @TANLU_REPORT_PEAK_NONE: not a peak target, or no emissions
 * @TANLU_REPORT_PEAK_RISING: the latest year is the highest so far
 * @TANLU_REPORT_PEAK_BELOW: the latest year is below the highest so far
 *
 * The emissions so far, for a peak target. A peak is only known once later
 * years stay below it: the data tell the highest so far, not the peak.
 */
typedef enum
{
  TANLU_REPORT_PEAK_NONE,
  TANLU_REPORT_PEAK_RISING,
  TANLU_REPORT_PEAK_BELOW,
} TanluReportPeak;

/**
 * TanluReportPathway:
 * @name: the saved pathway's name
 * @check: (nullable): the pathway against the item's target, as the
 *   Pathways page checks it; %NULL when the pathway could not be run
 * @error_message: (nullable): why it could not be run
 */
typedef struct
{
  char              *name;
  TanluPathwayCheck *check;
  char              *error_message;
} TanluReportPathway;

/**
 * TanluReportItem:
 * @target: the target, with the plan's words
 * @reference: the target is the nation's, shown because the region has
 *   none of its own on that indicator
 * @status: where it stands on the latest data
 * @reason_zh: (nullable): why it cannot be checked, in Chinese
 * @reason_en: (nullable): the same in English
 * @latest_year: the latest year the status rests on (0 when none): of the
 *   emissions, and for an intensity target of emissions and GDP both
 * @latest_value: the emissions of @latest_year in Mt, or for an intensity
 *   target CO₂ per unit of GDP then (Mt per unit of the GDP series)
 * @peak: for a peak target, the emissions so far
 * @peak_year: the year of the highest emissions so far
 * @peak_value: those emissions, Mt
 * @below_peak: how far @latest_value is below @peak_value, in %
 * @base_value: for an intensity target, CO₂ per unit of GDP in the base
 *   year (NAN when it has no figure)
 * @achieved: for an intensity target, the reduction from the base year to
 *   @latest_year (or to the target year when the data reach it), in %
 * @gap: for a met or missed target, how far it falls short (0 when met):
 *   percentage points, or years late for a peak
 * @needed_from: the year @needed_rate starts from: @latest_year, or the
 *   base year when that is after the data
 * @needed_rate: for an intensity target, the yearly change of CO₂ per unit
 *   of GDP from @needed_from to the target year that meets it, in % (NAN
 *   when none)
 * @co2_source: (nullable): the source of the emissions
 * @gdp_series: (nullable): the GDP indicator used, for an intensity target
 * @gdp_source_base: (nullable): the source of the base year's GDP
 * @gdp_source_latest: (nullable): the source of @latest_year's GDP
 * @gdp_projected: a GDP figure used is a projection, not statistics
 * @gdp_proxy: (nullable): the region whose GDP growth stands in for the
 *   region's (a city's province)
 * @pathways: (element-type TanluReportPathway): the region's saved
 *   pathways checked against @target
 * @status_zh: where it stands, a sentence in Chinese
 * @status_en: the same in English
 * @needed_zh: (nullable): what it takes from here, in Chinese
 * @needed_en: (nullable): the same in English
 * @sources_zh: what the figures come from, in Chinese
 * @sources_en: the same in English
 *
 * One target of a region's report card.
 */
typedef struct
{
  TanluPolicyTarget *target;
  gboolean           reference;
  TanluReportStatus  status;
  char              *reason_zh;
  char              *reason_en;
  guint              latest_year;
  double             latest_value;
  TanluReportPeak    peak;
  guint              peak_year;
  double             peak_value;
  double             below_peak;
  double             base_value;
  double             achieved;
  double             gap;
  guint              needed_from;
  double             needed_rate;
  TanluSource       *co2_source;
  char              *gdp_series;
  TanluSource       *gdp_source_base;
  TanluSource       *gdp_source_latest;
  gboolean           gdp_projected;
  TanluRegion       *gdp_proxy;
  GPtrArray         *pathways;
  char              *status_zh;
  char              *status_en;
  char              *needed_zh;
  char              *needed_en;
  char              *sources_zh;
  char              *sources_en;
} TanluReportItem;

void         tanlu_report_item_free               (TanluReportItem     *item);
gboolean     tanlu_report_item_has_figures        (const TanluReportItem *item);
const char  *tanlu_report_item_get_status_text    (const TanluReportItem *item,
                                                   gboolean             chinese);
const char  *tanlu_report_item_get_needed_text    (const TanluReportItem *item,
                                                   gboolean             chinese);
const char  *tanlu_report_item_get_sources_text   (const TanluReportItem *item,
                                                   gboolean             chinese);
const char  *tanlu_report_status_to_string        (TanluReportStatus    status);
const char  *tanlu_report_peak_to_string          (TanluReportPeak      peak);

double       tanlu_report_needed_rate             (double               target_level,
                                                   double               latest_level,
                                                   guint                latest_year,
                                                   guint                target_year);

GPtrArray   *tanlu_report_card_build              (TanluStore          *store,
                                                   guint                region_code,
                                                   GError             **error);
GPtrArray   *tanlu_report_card_build_for_library  (TanluPathwayLibrary *library,
                                                   guint                region_code,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluReportItem, tanlu_report_item_free)

G_END_DECLS
