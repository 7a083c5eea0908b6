/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-units"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/tanlu-units.h"
#include "store/tanlu-indicator.h"

static void
test_units_parse (void)
{
  static const struct {
    const char         *text;
    TanluUnitDimension  dimension;
    double              factor;
    const char         *qualifier;
    const char         *name;
  } cases[] = {
    /* Mass, plain and of CO₂ */
    { "吨", TANLU_UNIT_MASS, 1, NULL, "吨" },
    { "t", TANLU_UNIT_MASS, 1, NULL, "t" },
    { "tonnes", TANLU_UNIT_MASS, 1, NULL, "t" },
    { "千吨", TANLU_UNIT_MASS, 1e3, NULL, "千吨" },
    { "kt", TANLU_UNIT_MASS, 1e3, NULL, "kt" },
    { "万吨", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "万 吨", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "万ｔ", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "10^4 t", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "10⁴ t", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "１０⁴ｔ", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "×10⁴ t", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "10 000 t", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "10,000 t", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "10000 tons", TANLU_UNIT_MASS, 1e4, NULL, "万吨" },
    { "百万吨", TANLU_UNIT_MASS, 1e6, NULL, "百万吨" },
    { "Mt", TANLU_UNIT_MASS, 1e6, NULL, "Mt" },
    { "mt", TANLU_UNIT_MASS, 1e6, NULL, "Mt" },
    { "亿吨", TANLU_UNIT_MASS, 1e8, NULL, "亿吨" },
    { "10^8 t", TANLU_UNIT_MASS, 1e8, NULL, "亿吨" },
    { "Gt", TANLU_UNIT_MASS, 1e9, NULL, "Gt" },
    { "吨二氧化碳", TANLU_UNIT_MASS, 1, "CO₂", "吨二氧化碳" },
    { "tCO2", TANLU_UNIT_MASS, 1, "CO₂", "t CO₂" },
    { "万吨二氧化碳", TANLU_UNIT_MASS, 1e4, "CO₂", "万吨二氧化碳" },
    { "万吨CO₂", TANLU_UNIT_MASS, 1e4, "CO₂", "万吨二氧化碳" },
    { "万吨CO2", TANLU_UNIT_MASS, 1e4, "CO₂", "万吨二氧化碳" },
    { "万吨ＣＯ２", TANLU_UNIT_MASS, 1e4, "CO₂", "万吨二氧化碳" },
    { "10⁴ t CO₂", TANLU_UNIT_MASS, 1e4, "CO₂", "万吨二氧化碳" },
    { "Mt CO2", TANLU_UNIT_MASS, 1e6, "CO₂", "Mt CO₂" },
    { "Mt CO₂", TANLU_UNIT_MASS, 1e6, "CO₂", "Mt CO₂" },
    { "亿吨二氧化碳", TANLU_UNIT_MASS, 1e8, "CO₂", "亿吨二氧化碳" },
    { "Gt CO2", TANLU_UNIT_MASS, 1e9, "CO₂", "Gt CO₂" },
    { "万吨二氧化碳当量", TANLU_UNIT_MASS, 1e4, "CO₂e", "万吨二氧化碳当量" },
    { "Mt CO2e", TANLU_UNIT_MASS, 1e6, "CO₂e", "Mt CO₂e" },
    { "MtCO2-eq", TANLU_UNIT_MASS, 1e6, "CO₂e", "Mt CO₂e" },

    /* Energy as standard coal */
    { "吨标准煤", TANLU_UNIT_STANDARD_COAL, 1, NULL, "吨标准煤" },
    { "吨标煤", TANLU_UNIT_STANDARD_COAL, 1, NULL, "吨标准煤" },
    { "tce", TANLU_UNIT_STANDARD_COAL, 1, NULL, "tce" },
    { "万吨标准煤", TANLU_UNIT_STANDARD_COAL, 1e4, NULL, "万吨标准煤" },
    { "万吨标煤", TANLU_UNIT_STANDARD_COAL, 1e4, NULL, "万吨标准煤" },
    { "万tce", TANLU_UNIT_STANDARD_COAL, 1e4, NULL, "万吨标准煤" },
    { "10^4 tce", TANLU_UNIT_STANDARD_COAL, 1e4, NULL, "万吨标准煤" },
    { "亿吨标准煤", TANLU_UNIT_STANDARD_COAL, 1e8, NULL, "亿吨标准煤" },
    { "亿吨标煤", TANLU_UNIT_STANDARD_COAL, 1e8, NULL, "亿吨标准煤" },
    { "Mtce", TANLU_UNIT_STANDARD_COAL, 1e6, NULL, "Mtce" },
    { "千克标准煤", TANLU_UNIT_STANDARD_COAL, 1e-3, NULL, "千克标准煤" },

    /* Electricity */
    { "千瓦时", TANLU_UNIT_ELECTRICITY, 1, NULL, "千瓦时" },
    { "kWh", TANLU_UNIT_ELECTRICITY, 1, NULL, "kWh" },
    { "KWH", TANLU_UNIT_ELECTRICITY, 1, NULL, "kWh" },
    { "度", TANLU_UNIT_ELECTRICITY, 1, NULL, "千瓦时" },
    { "万千瓦时", TANLU_UNIT_ELECTRICITY, 1e4, NULL, "万千瓦时" },
    { "亿千瓦时", TANLU_UNIT_ELECTRICITY, 1e8, NULL, "亿千瓦时" },
    { "亿kWh", TANLU_UNIT_ELECTRICITY, 1e8, NULL, "亿千瓦时" },
    { "亿度", TANLU_UNIT_ELECTRICITY, 1e8, NULL, "亿千瓦时" },
    { "MWh", TANLU_UNIT_ELECTRICITY, 1e3, NULL, "MWh" },
    { "GWh", TANLU_UNIT_ELECTRICITY, 1e6, NULL, "GWh" },
    { "TWh", TANLU_UNIT_ELECTRICITY, 1e9, NULL, "TWh" },
    { "太瓦时", TANLU_UNIT_ELECTRICITY, 1e9, NULL, "TWh" },

    /* Money */
    { "元", TANLU_UNIT_MONEY, 1, NULL, "元" },
    { "万元", TANLU_UNIT_MONEY, 1e4, NULL, "万元" },
    { "百万元", TANLU_UNIT_MONEY, 1e6, NULL, "百万元" },
    { "亿元", TANLU_UNIT_MONEY, 1e8, NULL, "亿元" },
    { "万亿元", TANLU_UNIT_MONEY, 1e12, NULL, "万亿元" },
    { "100 million yuan", TANLU_UNIT_MONEY, 1e8, NULL, "亿元" },
    { "10,000 yuan", TANLU_UNIT_MONEY, 1e4, NULL, "万元" },
    { "CNY", TANLU_UNIT_MONEY, 1, NULL, "元" },

    /* Population */
    { "人", TANLU_UNIT_POPULATION, 1, NULL, "人" },
    { "万人", TANLU_UNIT_POPULATION, 1e4, NULL, "万人" },
    { "百万人", TANLU_UNIT_POPULATION, 1e6, NULL, "百万人" },
    { "10,000 persons", TANLU_UNIT_POPULATION, 1e4, NULL, "万人" },
    { "million people", TANLU_UNIT_POPULATION, 1e6, NULL, "百万人" },

    /* Power capacity */
    { "千瓦", TANLU_UNIT_POWER, 1, NULL, "千瓦" },
    { "kW", TANLU_UNIT_POWER, 1, NULL, "kW" },
    { "万千瓦", TANLU_UNIT_POWER, 1e4, NULL, "万千瓦" },
    { "10⁴ kW", TANLU_UNIT_POWER, 1e4, NULL, "万千瓦" },
    { "MW", TANLU_UNIT_POWER, 1e3, NULL, "MW" },
    { "兆瓦", TANLU_UNIT_POWER, 1e3, NULL, "MW" },
    { "GW", TANLU_UNIT_POWER, 1e6, NULL, "GW" },
    { "吉瓦", TANLU_UNIT_POWER, 1e6, NULL, "GW" },
    { "百万千瓦", TANLU_UNIT_POWER, 1e6, NULL, "百万千瓦" },
    { "亿千瓦", TANLU_UNIT_POWER, 1e8, NULL, "亿千瓦" },
    { "万千伏安", TANLU_UNIT_APPARENT_POWER, 1e4, NULL, "万千伏安" },
    { "MVA", TANLU_UNIT_APPARENT_POWER, 1e3, NULL, "MVA" },

    /* Volume and area */
    { "立方米", TANLU_UNIT_VOLUME, 1, NULL, "立方米" },
    { "m³", TANLU_UNIT_VOLUME, 1, NULL, "m³" },
    { "m3", TANLU_UNIT_VOLUME, 1, NULL, "m³" },
    { "万立方米", TANLU_UNIT_VOLUME, 1e4, NULL, "万立方米" },
    { "亿立方米", TANLU_UNIT_VOLUME, 1e8, NULL, "亿立方米" },
    { "亿m³", TANLU_UNIT_VOLUME, 1e8, NULL, "亿立方米" },
    { "10^8 m3", TANLU_UNIT_VOLUME, 1e8, NULL, "亿立方米" },
    { "平方公里", TANLU_UNIT_AREA, 1e6, NULL, "平方公里" },
    { "km²", TANLU_UNIT_AREA, 1e6, NULL, "km²" },
    { "公顷", TANLU_UNIT_AREA, 1e4, NULL, "公顷" },
    { "万公顷", TANLU_UNIT_AREA, 1e8, NULL, "万公顷" },

    /* Shares and counts */
    { "%", TANLU_UNIT_SHARE, 0.01, NULL, "%" },
    { "％", TANLU_UNIT_SHARE, 0.01, NULL, "%" },
    { "‰", TANLU_UNIT_SHARE, 0.001, NULL, "‰" },
    { "个百分点", TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL, "个百分点" },
    { "个", TANLU_UNIT_COUNT, 1, NULL, "个" },
    { "万辆", TANLU_UNIT_COUNT, 1e4, "辆", "万辆" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TanluUnit unit;

      g_test_message ("%s", cases[i].text);
      g_assert_true (tanlu_unit_parse (cases[i].text, &unit));
      g_assert_cmpint (unit.dimension, ==, cases[i].dimension);
      g_assert_cmpfloat_with_epsilon (unit.factor, cases[i].factor, cases[i].factor * 1e-12);
      g_assert_cmpstr (unit.qualifier, ==, cases[i].qualifier);
      g_assert_cmpstr (unit.name, ==, cases[i].name);

      /* The canonical name reads back as the same unit. */
      {
        TanluUnit again;

        g_assert_true (tanlu_unit_parse (unit.name, &again));
        g_assert_cmpint (again.dimension, ==, unit.dimension);
        g_assert_cmpfloat (again.factor, ==, unit.factor);
        g_assert_cmpstr (again.qualifier, ==, unit.qualifier);
      }
    }
}

static void
test_units_parse_refused (void)
{
  static const char * const refused[] = {
    "", " ", "万", "亿", "CO2", "二氧化碳", "10^4", "10000",
    "万桶", "桶", "亿美元", "美元", "万%", "万Mt", "亿TWh", "万个百分点",
    "2010元", "20000 t", "1.5 t", "10^99 t", "10^4^2 t",
    "吨/万元", "吨标准煤/万元", "元/人", "万吨/年",
    "万吨标准煤二氧化碳", "万千瓦时CO2", "万吨 SO2", "吨煤", "GJ", "年",
    "(万吨)", "万吨）", "\xff\xfe",
    /* A megatonne or a metric ton? */
    "MT", "MT CO2", "ＭＴ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      TanluUnit unit;

      g_test_message ("%s", refused[i]);
      g_assert_false (tanlu_unit_parse (refused[i], &unit));
      if (g_utf8_validate (refused[i], -1, NULL))
        {
          g_autofree char *expected = NULL;

          g_assert_false (tanlu_unit_parse_checked (refused[i], &unit, &error));
          g_assert_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_UNKNOWN);
          expected = g_strdup_printf ("“%s” is not a unit Tanlu knows; Tanlu converts only the "
                                      "units it knows (such as 万吨, 万吨标准煤, 亿千瓦时, 亿元, "
                                      "万人) and does not guess",
                                      refused[i]);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

static void
test_units_convert (void)
{
  /* Factors exact in binary floating point, compared exactly. */
  static const struct {
    const char *from;
    const char *to;
    double      factor;
  } cases[] = {
    { "万吨", "Mt", 0.01 },
    { "万吨", "Mt CO₂", 0.01 },
    { "万吨二氧化碳", "Mt CO₂", 0.01 },
    { "Mt CO2", "万吨", 100 },
    { "亿吨", "Mt", 100 },
    { "Gt", "亿吨", 10 },
    { "吨", "万吨", 1e-4 },
    { "kt", "t", 1000 },
    { "亿千瓦时", "TWh", 0.1 },
    { "TWh", "亿千瓦时", 10 },
    { "亿千瓦时", "GWh", 100 },
    { "万千瓦时", "kWh", 1e4 },
    { "万吨标准煤", "Mtce", 0.01 },
    { "亿吨标准煤", "Mtce", 100 },
    { "万吨标煤", "万吨标准煤", 1 },
    { "tce", "万吨标准煤", 1e-4 },
    { "亿元", "万元", 1e4 },
    { "万亿元", "亿元", 1e4 },
    { "百万元", "亿元", 0.01 },
    { "万人", "人", 1e4 },
    { "百万人", "万人", 100 },
    { "亿千瓦", "GW", 100 },
    { "万千瓦", "GW", 0.01 },
    { "MW", "万千瓦", 0.1 },
    { "万立方米", "亿立方米", 1e-4 },
    { "‰", "%", 0.1 },
    { "万辆", "辆", 1e4 },
    { "万辆", "个", 1e4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TanluUnit from, to;
      double factor = NAN;
      double out = NAN;

      g_test_message ("%s → %s", cases[i].from, cases[i].to);
      g_assert_true (tanlu_unit_parse (cases[i].from, &from));
      g_assert_true (tanlu_unit_parse (cases[i].to, &to));
      g_assert_true (tanlu_unit_get_factor (&from, &to, &factor, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (factor, ==, cases[i].factor);

      g_assert_true (tanlu_unit_convert (3, &from, &to, &out, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (out, 3 * cases[i].factor, 3 * cases[i].factor * 1e-15);
    }

  /* A table's value, from text to text. */
  {
    g_autoptr(GError) error = NULL;
    double out = NAN;

    g_assert_true (tanlu_unit_convert_text (12345.6, "万吨", "Mt CO₂", &out, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (out, 123.456, 1e-12);

    g_assert_true (tanlu_unit_convert_text (1, "亩", "公顷", &out, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (out, 1.0 / 15.0, 1e-15);
  }
}

static void
test_units_convert_refused (void)
{
  static const struct {
    const char  *from;
    const char  *to;
    int          code;
    const char  *message;
  } cases[] = {
    { "万吨标准煤", "亿元", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万吨标准煤” cannot be converted to “亿元”: energy as standard coal is not money" },
    { "万吨", "万吨标准煤", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万吨” cannot be converted to “万吨标准煤”: a mass is not energy as standard coal" },
    { "亿千瓦时", "万吨标准煤", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“亿千瓦时” cannot be converted to “万吨标准煤”: electricity and standard coal are "
      "converted by a method (calorific value or coal consumption of power generation) Tanlu "
      "does not choose for you" },
    { "亿千瓦", "亿千瓦时", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“亿千瓦” cannot be converted to “亿千瓦时”: power capacity is not electricity" },
    { "万千伏安", "万千瓦", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万千伏安” cannot be converted to “万千瓦”: transformer capacity is not power capacity" },
    { "万人", "万元", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万人” cannot be converted to “万元”: a population is not money" },
    { "%", "个百分点", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“%” cannot be converted to “个百分点”: a share is not percentage points" },
    { "万吨二氧化碳当量", "Mt CO₂", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万吨二氧化碳当量” cannot be converted to “Mt CO₂”: CO₂e is not CO₂" },
    { "万辆", "台", TANLU_UNIT_ERROR_INCOMPATIBLE,
      "“万辆” cannot be converted to “台”: 辆 is not 台" },
    { "万桶", "Mt", TANLU_UNIT_ERROR_UNKNOWN,
      "“万桶” is not a unit Tanlu knows; Tanlu converts only the units it knows (such as 万吨, "
      "万吨标准煤, 亿千瓦时, 亿元, 万人) and does not guess" },
    { "亿元", "亿美元", TANLU_UNIT_ERROR_UNKNOWN,
      "“亿美元” is not a unit Tanlu knows; Tanlu converts only the units it knows (such as 万吨, "
      "万吨标准煤, 亿千瓦时, 亿元, 万人) and does not guess" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double out = 42;

      g_test_message ("%s → %s", cases[i].from, cases[i].to);
      g_assert_false (tanlu_unit_convert_text (1, cases[i].from, cases[i].to, &out, &error));
      g_assert_error (error, TANLU_UNIT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpfloat (out, ==, 42);
    }
}

static void
test_units_find_in_text (void)
{
  static const struct {
    const char *text;
    const char *found;   /* NULL: no unit */
    double      factor;
  } cases[] = {
    { "单位：万吨标准煤", "万吨标准煤", 1e4 },
    { "单位: 万吨", "万吨", 1e4 },
    { "计量单位:亿千瓦时", "亿千瓦时", 1e8 },
    { "单位为亿元", "亿元", 1e8 },
    { "单位：万吨 数据来源：统计年鉴（虚构）", "万吨", 1e4 },
    { "（单位：万人）", "万人", 1e4 },
    { "Unit: Mt CO2", "Mt CO2", 1e6 },
    { "GDP（亿元）", "亿元", 1e8 },
    { "能源消费总量(万吨标准煤)", "万吨标准煤", 1e4 },
    { "Population (10,000 persons)", "10,000 persons", 1e4 },
    { "CO2 emissions (10^4 t)", "10^4 t", 1e4 },
    { "地区生产总值（亿元，2010年价）", "亿元", 1e8 },
    { "GDP（2010年价）（亿元）", "亿元", 1e8 },
    { "发电量【亿千瓦时】", "亿千瓦时", 1e8 },
    { "增速（%）", "%", 0.01 },
    { "碳排放量/万吨", "万吨", 1e4 },
    { "万人", "万人", 1e4 },
    { " 万吨标准煤 ", "万吨标准煤", 1e4 },
    /* No unit, or a ratio that is not its denominator */
    { "单位GDP能耗（吨标准煤/万元）", NULL, 0 },
    { "单位GDP能耗/吨标准煤/万元", NULL, 0 },
    { "吨标准煤/万元", NULL, 0 },
    { "人均GDP（元/人）", NULL, 0 },
    { "二氧化碳排放（CO2）", NULL, 0 },
    { "GDP (2010 prices)", NULL, 0 },
    { "常住人口", NULL, 0 },
    { "原油产量（万桶）", NULL, 0 },
    { "表3 虚构省能源消费（2020年）", NULL, 0 },
    { "", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = NULL;
      TanluUnit unit;

      g_test_message ("%s", cases[i].text);
      found = tanlu_unit_find_in_text (cases[i].text, &unit);
      g_assert_cmpstr (found, ==, cases[i].found);
      if (found != NULL)
        g_assert_cmpfloat (unit.factor, ==, cases[i].factor);
    }
}

static void
test_units_indicator (void)
{
  static const TanluIndicatorInfo co2 = {
    .code = "co2.fixture", .name_zh = "虚构排放", .name_en = "Fixture emissions",
    .unit = "Mt CO₂", .category = "total",
  };
  static const TanluIndicatorInfo gdp = {
    .code = "gdp.fixture", .name_zh = "虚构GDP", .name_en = "Fixture GDP", .unit = "亿元",
    .category = "user",
  };
  static const TanluIndicatorInfo population = {
    .code = "population.fixture", .name_zh = "虚构人口", .name_en = "Fixture population",
    .unit = "万人", .category = "user",
  };
  static const TanluIndicatorInfo index = {
    .code = "index.fixture", .name_zh = "虚构指数", .name_en = "Fixture index",
    .unit = "2005=100", .category = "user",
  };
  g_autoptr(TanluIndicator) co2_indicator = tanlu_indicator_new (1, &co2);
  g_autoptr(TanluIndicator) gdp_indicator = tanlu_indicator_new (2, &gdp);
  g_autoptr(TanluIndicator) population_indicator = tanlu_indicator_new (3, &population);
  g_autoptr(TanluIndicator) index_indicator = tanlu_indicator_new (4, &index);
  g_autoptr(GError) error = NULL;
  double factor = NAN;

  g_assert_true (tanlu_unit_factor_to_indicator ("万吨", co2_indicator, &factor, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (factor, ==, 0.01);
  g_assert_true (tanlu_unit_factor_to_indicator ("亿吨CO2", co2_indicator, &factor, &error));
  g_assert_cmpfloat (factor, ==, 100);
  g_assert_true (tanlu_unit_factor_to_indicator ("万元", gdp_indicator, &factor, &error));
  g_assert_cmpfloat (factor, ==, 1e-4);
  g_assert_true (tanlu_unit_factor_to_indicator ("10,000 persons", population_indicator, &factor,
                                                 &error));
  g_assert_cmpfloat (factor, ==, 1);
  g_assert_no_error (error);

  g_assert_false (tanlu_unit_factor_to_indicator ("万吨标准煤", co2_indicator, &factor, &error));
  g_assert_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_INCOMPATIBLE);
  g_assert_cmpstr (error->message, ==,
                   "co2.fixture: “万吨标准煤” cannot be converted to “Mt CO₂”: energy as "
                   "standard coal is not a mass");
  g_clear_error (&error);

  g_assert_false (tanlu_unit_factor_to_indicator ("万吨二氧化碳当量", co2_indicator, &factor,
                                                  &error));
  g_assert_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_INCOMPATIBLE);
  g_clear_error (&error);

  g_assert_false (tanlu_unit_factor_to_indicator ("万桶", co2_indicator, &factor, &error));
  g_assert_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_false (tanlu_unit_factor_to_indicator ("%", index_indicator, &factor, &error));
  g_assert_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==,
                   "index.fixture is stored in “2005=100”, a unit Tanlu cannot convert to; give "
                   "the values in that unit");
}

/* The plan targets' table (data/policy/library/extract.py, CONVERSIONS)
 * and this one give every unit the same factor. */
static void
test_units_policy_library (void)
{
  g_autofree char *path = g_build_filename (TANLU_TEST_SOURCE_DIR, "data", "policy", "library",
                                            "extract.py", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) entry = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *start, *end;
  g_autofree char *table = NULL;
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  start = strstr (contents, "\nCONVERSIONS = {");
  g_assert_nonnull (start);
  end = strstr (start, "\n}");
  g_assert_nonnull (end);
  table = g_strndup (start, end - start);

  entry = g_regex_new ("^\\s*'([^']+)': \\('([^']+)', ([0-9.eE+-]+),", G_REGEX_MULTILINE, 0,
                       &error);
  g_assert_no_error (error);
  g_regex_match (entry, table, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *from = g_match_info_fetch (match, 1);
      g_autofree char *to = g_match_info_fetch (match, 2);
      g_autofree char *factor_text = g_match_info_fetch (match, 3);
      double expected = g_ascii_strtod (factor_text, NULL);
      double out = NAN;

      /* A calendar year is not a quantity. */
      if (g_str_equal (from, "year"))
        continue;

      g_test_message ("%s → %s = %s", from, to, factor_text);
      g_assert_true (tanlu_unit_convert_text (1, from, to, &out, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (out, expected, expected * 1e-12);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/units/parse", test_units_parse);
  g_test_add_func ("/tanlu/units/parse-refused", test_units_parse_refused);
  g_test_add_func ("/tanlu/units/convert", test_units_convert);
  g_test_add_func ("/tanlu/units/convert-refused", test_units_convert_refused);
  g_test_add_func ("/tanlu/units/find-in-text", test_units_find_in_text);
  g_test_add_func ("/tanlu/units/indicator", test_units_indicator);
  g_test_add_func ("/tanlu/units/policy-library", test_units_policy_library);

  return g_test_run ();
}
