/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-ceads"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-ceads.h"
#include "tanlu-region-match.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <string.h>

/* The CEADs inventories (ceads.net): provincial sheets of 47 IPCC sectors
 * by 17 fuels plus scope-2, other energy, process and total columns, in Mt
 * CO2; the national workbook in the same layout per year; and the city
 * workbook as a long list of (city, year, emission). */

#define UNIT_MT_CO2 "Mt CO₂"

#define CEADS_CITATION                                                                             \
  "Shan Y. et al. (2018) China CO2 emission accounts 1997–2015, Scientific Data 5:170201; "      \
  "Shan Y. et al. (2020) China CO2 emission accounts 2016–2017, Scientific Data 7:54; "          \
  "Guan Y. et al. (2021) Assessment to China's recent emission pattern shifts, Earth's Future "    \
  "9(11); "                                                                                        \
  "Shan Y. et al. (2022) City-level emission peak and drivers in China, Science Bulletin 67(18). " \
  "Source: CEADs, ceads.net."

#define CEADS_PUBLISHER "Carbon Emission Accounts and Datasets (CEADs)"
#define CEADS_LICENCE   "Free to use with citation"

static const TanluSourceInfo ceads_sources[] = {
  [TANLU_IMPORT_KIND_CEADS_PROVINCES] = {
    .key = "ceads-provinces",
    .title_zh = "CEADs 中国省级二氧化碳排放清单（IPCC 部门法）",
    .title_en = "CEADs provincial CO₂ emission inventories (IPCC sectoral approach)",
    .publisher = CEADS_PUBLISHER,
    .citation = CEADS_CITATION,
    .licence = CEADS_LICENCE,
    .url = "https://www.ceads.net/data/province/",
  },
  [TANLU_IMPORT_KIND_CEADS_CITIES] = {
    .key = "ceads-cities",
    .title_zh = "CEADs 中国城市二氧化碳排放",
    .title_en = "CEADs city CO₂ emissions",
    .publisher = CEADS_PUBLISHER,
    .citation = CEADS_CITATION,
    .licence = CEADS_LICENCE,
    .url = "https://ceads.net/data/city/",
  },
  [TANLU_IMPORT_KIND_CEADS_NATION] = {
    .key = "ceads-nation",
    .title_zh = "CEADs 中国国家二氧化碳排放清单（IPCC 部门法）",
    .title_en = "CEADs national CO₂ emission inventory (IPCC sectoral approach)",
    .publisher = CEADS_PUBLISHER,
    .citation = CEADS_CITATION,
    .licence = CEADS_LICENCE,
    .url = "https://www.ceads.net/data/nation/",
  },
};

typedef struct
{
  const char *slug;
  const char *label;        /* as the workbooks write it */
  const char *name_zh;
  const char *name_en;      /* when the label alone is unclear */
} Sector;

/* In the order of the inventories' rows 5 to 51. */
static const Sector sectors[TANLU_CEADS_N_SECTORS] = {
  { "agriculture", "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy",
    "农林牧渔水利业" },
  { "coal_mining", "Coal Mining and Dressing", "煤炭开采和洗选业" },
  { "oil_gas_extraction", "Petroleum and Natural Gas Extraction", "石油和天然气开采业" },
  { "ferrous_mining", "Ferrous Metals Mining and Dressing", "黑色金属矿采选业" },
  { "nonferrous_mining", "Nonferrous Metals Mining and Dressing", "有色金属矿采选业" },
  { "nonmetal_mining", "Nonmetal Minerals Mining and Dressing", "非金属矿采选业" },
  { "other_mining", "Other Minerals Mining and Dressing", "其他采矿业" },
  { "logging", "Logging and Transport of Wood and Bamboo", "木材及竹材采运业" },
  { "food_processing", "Food Processing", "农副食品加工业" },
  { "food_production", "Food Production", "食品制造业" },
  { "beverages", "Beverage Production", "饮料制造业" },
  { "tobacco", "Tobacco Processing", "烟草制品业" },
  { "textiles", "Textile Industry", "纺织业" },
  { "garments", "Garments and Other Fiber Products", "纺织服装、鞋、帽制造业" },
  { "leather", "Leather, Furs, Down and Related Products", "皮革、毛皮、羽毛（绒）及其制品业" },
  { "timber", "Timber Processing, Bamboo, Cane, Palm Fiber & Straw Products",
    "木材加工及木、竹、藤、棕、草制品业" },
  { "furniture", "Furniture Manufacturing", "家具制造业" },
  { "paper", "Papermaking and Paper Products", "造纸及纸制品业" },
  { "printing", "Printing and Record Medium Reproduction", "印刷业和记录媒介的复制" },
  { "cultural_articles", "Cultural, Educational and Sports Articles", "文教体育用品制造业" },
  { "petroleum_coking", "Petroleum Processing and Coking", "石油加工、炼焦及核燃料加工业" },
  { "chemicals", "Raw Chemical Materials and Chemical Products", "化学原料及化学制品制造业" },
  { "pharmaceuticals", "Medical and Pharmaceutical Products", "医药制造业" },
  { "chemical_fibers", "Chemical Fiber", "化学纤维制造业" },
  { "rubber", "Rubber Products", "橡胶制品业" },
  { "plastics", "Plastic Products", "塑料制品业" },
  { "nonmetal_minerals", "Nonmetal Mineral Products", "非金属矿物制品业" },
  { "ferrous_smelting", "Smelting and Pressing of Ferrous Metals", "黑色金属冶炼及压延加工业" },
  { "nonferrous_smelting", "Smelting and Pressing of Nonferrous Metals",
    "有色金属冶炼及压延加工业" },
  { "metal_products", "Metal Products", "金属制品业" },
  { "general_machinery", "Ordinary Machinery", "通用设备制造业" },
  { "special_equipment", "Equipment for Special Purposes", "专用设备制造业" },
  { "transport_equipment", "Transportation Equipment", "交通运输设备制造业" },
  { "electrical_machinery", "Electric Equipment and Machinery", "电气机械及器材制造业" },
  { "electronics", "Electronic and Telecommunications Equipment",
    "通信设备、计算机及其他电子设备制造业" },
  { "instruments", "Instruments, Meters, Cultural and Office Machinery",
    "仪器仪表及文化、办公用机械制造业" },
  { "other_manufacturing", "Other Manufacturing Industry", "其他制造业" },
  { "scrap_waste", "Scrap and waste", "废弃资源和废旧材料回收加工业" },
  { "power_heat", "Production and Supply of Electric Power, Steam and Hot Water",
    "电力、热力的生产和供应业" },
  { "gas_supply", "Production and Supply of Gas", "燃气生产和供应业" },
  { "water_supply", "Production and Supply of Tap Water", "水的生产和供应业" },
  { "construction", "Construction", "建筑业" },
  { "transport_storage_post", "Transportation, Storage, Post and Telecommunication Services",
    "交通运输、仓储和邮政业" },
  { "wholesale_retail_catering", "Wholesale, Retail Trade and Catering Services",
    "批发、零售业和住宿、餐饮业" },
  { "others", "Others", "其他行业" },
  { "urban_households", "Urban", "城镇生活消费", "Urban households" },
  { "rural_households", "Rural", "乡村生活消费", "Rural households" },
};

typedef struct
{
  const char *header;      /* normalised header text */
  const char *indicator;
  const char *name_zh;
  const char *name_en;
  const char *category;
  const char *family;
} Column;

#define COLUMN_TOTAL (TANLU_CEADS_N_COLUMNS - 1)

/* Columns B to W. Headers are matched after normalisation, which makes
 * "Raw_Coal", "Raw Coal" and "RawCoal" the same; anything else is refused. */
static const Column columns[TANLU_CEADS_N_COLUMNS] = {
  { "rawcoal", "co2.fuel.raw_coal", "燃料：原煤", "Fuel: raw coal", "fuel", "coal" },
  { "cleanedcoal", "co2.fuel.cleaned_coal", "燃料：洗精煤", "Fuel: cleaned coal", "fuel", "coal" },
  { "otherwashedcoal", "co2.fuel.other_washed_coal", "燃料：其他洗煤", "Fuel: other washed coal",
    "fuel", "coal" },
  { "briquettes", "co2.fuel.briquettes", "燃料：型煤", "Fuel: briquettes", "fuel", "coal" },
  { "coke", "co2.fuel.coke", "燃料：焦炭", "Fuel: coke", "fuel", "coal" },
  { "cokeovengas", "co2.fuel.coke_oven_gas", "燃料：焦炉煤气", "Fuel: coke oven gas", "fuel",
    "coal" },
  { "othergas", "co2.fuel.other_gas", "燃料：其他煤气", "Fuel: other gas", "fuel", "coal" },
  { "othercokingproducts", "co2.fuel.other_coking_products", "燃料：其他焦化产品",
    "Fuel: other coking products", "fuel", "coal" },
  { "crudeoil", "co2.fuel.crude_oil", "燃料：原油", "Fuel: crude oil", "fuel", "oil" },
  { "gasoline", "co2.fuel.gasoline", "燃料：汽油", "Fuel: gasoline", "fuel", "oil" },
  { "kerosene", "co2.fuel.kerosene", "燃料：煤油", "Fuel: kerosene", "fuel", "oil" },
  { "dieseloil", "co2.fuel.diesel_oil", "燃料：柴油", "Fuel: diesel oil", "fuel", "oil" },
  { "fueloil", "co2.fuel.fuel_oil", "燃料：燃料油", "Fuel: fuel oil", "fuel", "oil" },
  { "lpg", "co2.fuel.lpg", "燃料：液化石油气", "Fuel: LPG", "fuel", "oil" },
  { "refinerygas", "co2.fuel.refinery_gas", "燃料：炼厂干气", "Fuel: refinery gas", "fuel", "oil" },
  { "otherpetroleumproducts", "co2.fuel.other_petroleum_products", "燃料：其他石油制品",
    "Fuel: other petroleum products", "fuel", "oil" },
  { "naturalgas", "co2.fuel.natural_gas", "燃料：天然气", "Fuel: natural gas", "fuel", "gas" },
  { "scope2heat", "co2.scope2.heat", "范围二：热力", "Scope 2: heat", "scope2", NULL },
  { "scope2electricity", "co2.scope2.electricity", "范围二：电力", "Scope 2: electricity", "scope2",
    NULL },
  { "otherenergy", "co2.other_energy", "其他能源", "Other energy", "fuel", "other" },
  { "process", "co2.process", "工业过程排放", "Industrial process emissions", "process", NULL },
  { "scope1total", TANLU_INDICATOR_CO2_TOTAL, "二氧化碳排放（范围一合计）",
    "CO₂ emissions (scope 1 total)", "total", NULL },
};

static const struct
{
  const char *sheet_prefix;
  guint       code;
} provinces[] = {
  { "Beijing", 110000 }, { "Tianjin", 120000 }, { "Hebei", 130000 }, { "Shanxi", 140000 },
  { "InnerMongolia", 150000 }, { "Liaoning", 210000 }, { "Jilin", 220000 },
  { "Heilongjiang", 230000 }, { "Shanghai", 310000 }, { "Jiangsu", 320000 },
  { "Zhejiang", 330000 }, { "Anhui", 340000 }, { "Fujian", 350000 }, { "Jiangxi", 360000 },
  { "Shandong", 370000 }, { "Henan", 410000 }, { "Hubei", 420000 }, { "Hunan", 430000 },
  { "Guangdong", 440000 }, { "Guangxi", 450000 }, { "Hainan", 460000 },
  { "Chongqing", 500000 }, { "Sichuan", 510000 }, { "Guizhou", 520000 },
  { "Yunnan", 530000 }, { "Shaanxi", 610000 }, { "Gansu", 620000 }, { "Qinghai", 630000 },
  { "Ningxia", 640000 }, { "Xinjiang", 650000 },
};

/* City names in the city workbook that no rule derives from the registry.
 * 伊犁州直属县 are the counties Ili prefecture administers directly, which is
 * exactly what the registry's 654000 outlines (Tacheng and Altay are their
 * own units there). */
static const struct
{
  const char *name;
  guint       code;
} city_aliases[] = {
  { "新疆伊犁州直属县", 654000 },
  /* The municipalities, by their own names: Beijing, Tianjin and Shanghai
   * have one prefecture-level entry today, their districts (市辖区);
   * Chongqing has two, districts and counties, so its whole is the
   * municipality itself. */
  { "北京", 110100 },
  { "天津", 120100 },
  { "上海", 310100 },
  { "重庆", 500000 },
};

#define VALUE_ROW_TOTAL 4
#define ROW_HEADER 1
#define ROW_UNITS 2

typedef struct
{
  double values[1 + TANLU_CEADS_N_SECTORS][TANLU_CEADS_N_COLUMNS];
  guint  header_column[TANLU_CEADS_N_COLUMNS];  /* sheet column of each known column */
  guint  sector_row[TANLU_CEADS_N_SECTORS];
} Inventory;

typedef struct
{
  guint count;
  guint first_year;
  guint last_year;
} Unmatched;

/* ------------------------------------------------------------------------ */

static char *
normalize_label (const char *text)
{
  GString *normal = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (normal, g_ascii_tolower (*p));
      else if ((guchar)*p >= 0x80)
        g_string_append_c (normal, *p);
    }

  return g_string_free (normal, FALSE);
}

static const TanluCell *
get_cell (TanluSheet *sheet,
          guint       row,
          guint       column)
{
  const TanluCell *cell = tanlu_sheet_get_cell (sheet, row, column);

  if (cell == NULL || cell->type == TANLU_CELL_EMPTY)
    return NULL;

  return cell;
}

static const char *
get_text (TanluSheet *sheet,
          guint       row,
          guint       column)
{
  const TanluCell *cell = get_cell (sheet, row, column);

  if (cell == NULL || cell->text == NULL)
    return NULL;

  return cell->text;
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static gboolean
get_number (TanluXlsx   *xlsx,
            TanluSheet  *sheet,
            guint        row,
            guint        column,
            double      *value,
            GError     **error)
{
  const TanluCell *cell = get_cell (sheet, row, column);
  g_autofree char *reference = tanlu_cell_reference (row, column);

  if (cell == NULL || (cell->type == TANLU_CELL_STRING && text_is_blank (cell->text)))
    {
      g_set_error (
        error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_MISSING_VALUE,
        _("“%s”, sheet “%s”, cell %s is empty; the inventory has a number in every cell"),
        tanlu_xlsx_get_display_name (xlsx), tanlu_sheet_get_name (sheet), reference);
      return FALSE;
    }

  if (cell->type != TANLU_CELL_NUMBER || !isfinite (cell->number))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, sheet “%s”, cell %s: “%s” is not a number"),
                   tanlu_xlsx_get_display_name (xlsx), tanlu_sheet_get_name (sheet), reference,
                   cell->text != NULL ? cell->text : (cell->number != 0 ? "TRUE" : "FALSE"));
      return FALSE;
    }

  *value = cell->number;
  return TRUE;
}

static gboolean
unexpected_cell (TanluXlsx   *xlsx,
                 TanluSheet  *sheet,
                 guint        row,
                 guint        column,
                 const char  *expected,
                 GError     **error)
{
  g_autofree char *reference = tanlu_cell_reference (row, column);
  const char *found = get_text (sheet, row, column);

  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
               _("“%s”, sheet “%s”, cell %s: expected %s, found “%s”"),
               tanlu_xlsx_get_display_name (xlsx), tanlu_sheet_get_name (sheet), reference,
               expected, found != NULL ? found : "");

  return FALSE;
}

/* Reads rows 1–51 of a provincial or national inventory sheet into @inventory,
 * matching columns by header and sectors by label rather than by position. */
static gboolean
read_inventory (TanluXlsx   *xlsx,
                TanluSheet  *sheet,
                Inventory   *inventory,
                GError     **error)
{
  const char *file = tanlu_xlsx_get_display_name (xlsx);
  const char *sheet_name = tanlu_sheet_get_name (sheet);
  guint max_column = tanlu_sheet_get_max_column (sheet);
  guint max_row = tanlu_sheet_get_max_row (sheet);
  const char *corner;
  const char *total_label;

  memset (inventory, 0, sizeof *inventory);

  corner = get_text (sheet, ROW_HEADER, 1);
  if (!text_is_blank (corner))
    {
      g_autofree char *normal = normalize_label (corner);

      if (!g_str_equal (normal, "emissioninventory"))
        return unexpected_cell (xlsx, sheet, ROW_HEADER, 1, "“Emission_Inventory”", error);
    }

  for (guint c = 2; c <= max_column; c++)
    {
      const char *text = get_text (sheet, ROW_HEADER, c);
      g_autofree char *normal = NULL;
      g_autofree char *reference = NULL;
      gboolean found = FALSE;

      if (text_is_blank (text))
        continue;

      normal = normalize_label (text);
      for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
        {
          if (g_str_equal (normal, columns[k].header))
            {
              if (inventory->header_column[k] != 0)
                {
                  reference = tanlu_cell_reference (ROW_HEADER, c);
                  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                               _("“%s”, sheet “%s”, cell %s: the column “%s” appears twice"),
                               file, sheet_name, reference, text);
                  return FALSE;
                }
              inventory->header_column[k] = c;
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          reference = tanlu_cell_reference (ROW_HEADER, c);
          g_set_error (
            error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
            _("“%s”, sheet “%s”, cell %s: unknown column “%s”; the importer knows the 17 CEADs "
               "fuels, Scope_2_Heat, Scope_2_Electricity, Other_Energy, Process and Scope_1_Total"),
            file, sheet_name, reference, text);
          return FALSE;
        }
    }

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      const char *unit;
      g_autofree char *normal = NULL;

      if (inventory->header_column[k] == 0)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                       _("“%s”, sheet “%s”: the column for %s is missing from row 1"),
                       file, sheet_name, columns[k].name_en);
          return FALSE;
        }

      /* The unit row guards against a workbook in other units being read as Mt. */
      unit = get_text (sheet, ROW_UNITS, inventory->header_column[k]);
      normal = unit != NULL ? normalize_label (unit) : NULL;
      if (normal == NULL || !g_str_equal (normal, "mtco2"))
        return unexpected_cell (xlsx, sheet, ROW_UNITS, inventory->header_column[k], "“Mt CO2”",
                                error);
    }

  total_label = get_text (sheet, VALUE_ROW_TOTAL, 1);
  {
    g_autofree char *normal = total_label != NULL ? normalize_label (total_label) : NULL;

    if (normal == NULL ||
        (!g_str_equal (normal, "totalemissions") && !g_str_equal (normal, "totalconsumption")))
      return unexpected_cell (xlsx, sheet, VALUE_ROW_TOTAL, 1, "“TotalEmissions”", error);
  }

  for (guint r = VALUE_ROW_TOTAL + 1; r <= max_row; r++)
    {
      const char *label = get_text (sheet, r, 1);
      g_autofree char *normal = NULL;
      guint n_cells = 0;
      gboolean found = FALSE;

      if (text_is_blank (label))
        {
          const TanluCell *cells = tanlu_sheet_get_row (sheet, r, &n_cells);
          gboolean has_content = FALSE;

          for (guint i = 0; i < n_cells; i++)
            if (cells[i].type != TANLU_CELL_EMPTY)
              has_content = TRUE;

          if (has_content)
            return unexpected_cell (xlsx, sheet, r, 1, _("a sector name"), error);
          continue;
        }

      normal = normalize_label (label);
      for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
        {
          g_autofree char *known = normalize_label (sectors[s].label);

          if (g_str_equal (normal, known))
            {
              if (inventory->sector_row[s] != 0)
                {
                  g_autofree char *reference = tanlu_cell_reference (r, 1);

                  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                               _("“%s”, sheet “%s”, cell %s: the sector “%s” appears twice"),
                               file, sheet_name, reference, sectors[s].label);
                  return FALSE;
                }
              inventory->sector_row[s] = r;
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          g_autofree char *reference = tanlu_cell_reference (r, 1);
          g_autofree char *trimmed = g_strstrip (g_strdup (label));

          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                       _("“%s”, sheet “%s”, cell %s: unknown sector “%s”"),
                       file, sheet_name, reference, trimmed);
          return FALSE;
        }
    }

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    {
      if (inventory->sector_row[s] == 0)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                       _("“%s”, sheet “%s”: the sector “%s” is missing"),
                       file, sheet_name, sectors[s].label);
          return FALSE;
        }
    }

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      guint c = inventory->header_column[k];

      if (!get_number (xlsx, sheet, VALUE_ROW_TOTAL, c, &inventory->values[0][k], error))
        return FALSE;

      for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
        if (!get_number (xlsx, sheet, inventory->sector_row[s], c, &inventory->values[1 + s][k],
                         error))
          return FALSE;
    }

  return TRUE;
}

/* The 47 sectors must add up to the total row in every column; CEADs
 * publishes consistent sheets, so a mismatch means a damaged or edited file
 * and is reported, though the figures are still imported as published. */
static void
check_sector_sums (TanluXlsx          *xlsx,
                   TanluSheet         *sheet,
                   const Inventory    *inventory,
                   TanluImportReport  *report)
{
  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      double total = inventory->values[0][k];
      double sum = 0;

      for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
        sum += inventory->values[1 + s][k];

      if (fabs (sum - total) > 1e-6 * MAX (1.0, fabs (total)))
        {
          g_autofree char *reference =
            tanlu_cell_reference (VALUE_ROW_TOTAL, inventory->header_column[k]);

          tanlu_import_report_warn (
            report,
            _("“%s”, sheet “%s”, column “%s”: the 47 sectors add up to %.6f Mt CO₂, but the total "
               "in %s is %.6f (difference %.6f)"),
            tanlu_xlsx_get_display_name (xlsx), tanlu_sheet_get_name (sheet),
            get_text (sheet, ROW_HEADER, inventory->header_column[k]), sum, reference, total,
            sum - total);
        }
    }
}

/* A figure's provenance: "FILE#SHEET!CELL" (tanlu_origin_describe()
 * writes it for people). */
static const char *
cell_origin (GStringChunk *origins,
             const char   *file,
             const char   *sheet,
             guint         row,
             guint         column)
{
  g_autofree char *reference = tanlu_cell_reference (row, column);
  g_autofree char *origin = g_strdup_printf ("%s#%s!%s", file, sheet, reference);

  return g_string_chunk_insert (origins, origin);
}

static void
add_pending (GArray         *pending,
             TanluRegion    *region,
             TanluIndicator *indicator,
             guint           year,
             double          value,
             TanluSource    *source,
             guint           origin,
             const char     *origin_text)
{
  TanluPendingValue item = {
    .indicator_id = tanlu_indicator_get_id (indicator),
    .region_code = tanlu_region_get_code (region),
    .year = year,
    .value = value,
    .source_id = tanlu_source_get_id (source),
    .origin = origin,
    .origin_text = origin_text,
  };

  g_array_append_val (pending, item);
}

/* One sheet of a workbook, read, until the whole workbook is. */
typedef struct
{
  TanluRegion *region;
  guint        year;
  char        *sheet;
  Inventory    inventory;
} SheetInventory;

static void
sheet_inventory_free (SheetInventory *item)
{
  g_free (item->sheet);
  g_free (item);
}

static void
collect_inventory (TanluStore           *store,
                   const char           *file,
                   const SheetInventory *item,
                   const gboolean       *placeholder,
                   TanluSource          *source,
                   GArray               *pending,
                   GStringChunk         *origins,
                   TanluImportReport    *report)
{
  const Inventory *inventory = &item->inventory;
  guint code = tanlu_region_get_code (item->region);

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      if (placeholder[k])
        {
          report->n_missing++;
          continue;
        }
      add_pending (pending, item->region, tanlu_store_lookup_indicator (store, columns[k].indicator),
                   item->year, inventory->values[0][k], source, VALUE_ROW_TOTAL,
                   cell_origin (origins, file, item->sheet, VALUE_ROW_TOTAL,
                                inventory->header_column[k]));
      tanlu_import_report_add_value (report, code, item->year);
    }

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    {
      add_pending (pending, item->region,
                   tanlu_store_lookup_indicator (store, tanlu_ceads_sector_indicator (s)), item->year,
                   inventory->values[1 + s][COLUMN_TOTAL], source, inventory->sector_row[s],
                   cell_origin (origins, file, item->sheet, inventory->sector_row[s],
                                inventory->header_column[COLUMN_TOTAL]));
      tanlu_import_report_add_value (report, code, item->year);
    }
}

/* A column that is zero for every region and year of a workbook is a
 * placeholder (CEADs leaves scope 2 and "other energy" at zero), not a
 * measured zero: it is stored as missing, and said so. */
static void
find_placeholders (const char        *file,
                   GPtrArray         *sheets,
                   gboolean          *placeholder,
                   TanluImportReport *report)
{
  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      placeholder[k] = sheets->len > 1 && k != COLUMN_TOTAL;

      for (guint i = 0; i < sheets->len && placeholder[k]; i++)
        placeholder[k] = ((SheetInventory *) g_ptr_array_index (sheets, i))->inventory.values[0][k] == 0;

      if (placeholder[k])
        tanlu_import_report_warn (report,
                                  _("“%s”: the column “%s” is zero for every region and year; it "
                                    "is a placeholder, stored as missing rather than as zero"),
                                  file, columns[k].name_en);
    }
}

/* A region-year whose fuels are all zero has only its process emissions:
 * its total is incomplete, and is flagged so. */
static gboolean
flag_incomplete (TanluStore            *store,
                 const char            *file,
                 const SheetInventory  *item,
                 TanluImportReport     *report,
                 GError               **error)
{
  g_autofree char *note = NULL;

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    if (g_str_has_prefix (columns[k].indicator, "co2.fuel.") && item->inventory.values[0][k] != 0)
      return TRUE;

  note = g_strdup_printf ("%s#%s: every fuel column is zero; the total is process emissions only",
                          file, item->sheet);
  tanlu_import_report_warn (report,
                            _("“%s”, sheet “%s”: every fuel column is zero, so the total (%.2f Mt) "
                              "is process emissions only; %s %u is marked incomplete"),
                            file, item->sheet, item->inventory.values[0][COLUMN_TOTAL],
                            tanlu_region_get_name_en (item->region), item->year);

  return tanlu_store_set_incomplete (store, tanlu_region_get_code (item->region), item->year, note,
                                     error);
}

/* Years are checked to lie in 1900–2100, so this fits in 32 bits. */
static guint
pack_region_year (guint code,
                  guint year)
{
  return code * 256 + (year - 1900);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
is_year_sheet (const char *name,
               guint      *year)
{
  guint64 value;

  if (strlen (name) != 4 || !g_ascii_string_to_unsigned (name, 10, 1900, 2100, &value, NULL))
    return FALSE;

  *year = value;
  return TRUE;
}

static gboolean
import_inventories (TanluStore               *store,
                    TanluXlsx                *xlsx,
                    TanluImportKind           kind,
                    TanluSource              *source,
                    TanluImportReport        *report,
                    TanluImportProgressFunc   progress,
                    gpointer                  user_data,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  const char *file = tanlu_xlsx_get_display_name (xlsx);
  guint n_sheets = tanlu_xlsx_get_n_sheets (xlsx);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (TanluPendingValue));
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_inventory_free);
  g_autoptr(GStringChunk) origins = g_string_chunk_new (64 * 1024);
  gboolean placeholder[TANLU_CEADS_N_COLUMNS];
  guint workbook_year = 0;

  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = tanlu_xlsx_get_sheet_name (xlsx, i);
      g_autoptr(TanluSheet) sheet = NULL;
      TanluRegion *region;
      guint code = 0;
      guint year = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (g_str_equal (name, "NOTE"))
        continue;

      if (kind == TANLU_IMPORT_KIND_CEADS_PROVINCES)
        {
          if (!tanlu_ceads_parse_sheet_name (name, &code, &year))
            {
              g_set_error (
                error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_SHEET,
                _("“%s”: unexpected sheet “%s”; a provincial inventory has a sheet NOTE and "
                   "sheets named after a province and year, such as “Sichuan2019”"),
                file, name);
              return FALSE;
            }

          if (workbook_year != 0 && year != workbook_year)
            tanlu_import_report_warn (report,
                                      _("“%s”: the sheet “%s” is for %u, other sheets for %u"),
                                      file, name, year, workbook_year);
          workbook_year = year;
        }
      else
        {
          /* The national workbook opens with two summary sheets that repeat
           * the yearly sheets. */
          if (g_str_equal (name, "sum") || g_str_equal (name, "Sum-Sec-Scope 1"))
            continue;

          if (!is_year_sheet (name, &year))
            {
              g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_SHEET,
                           _("“%s”: unexpected sheet “%s”; the national inventory has sheets "
                              "NOTE, sum, Sum-Sec-Scope 1 and one per year"),
                           file, name);
              return FALSE;
            }
          code = TANLU_REGION_CODE_NATION;
        }

      if (g_hash_table_contains (seen, GUINT_TO_POINTER (pack_region_year (code, year))))
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_DUPLICATE,
                       _("“%s”: the sheet “%s” repeats a region and year already read"), file,
                       name);
          return FALSE;
        }
      g_hash_table_add (seen, GUINT_TO_POINTER (pack_region_year (code, year)));

      region = tanlu_store_lookup_region (store, code);
      if (region == NULL)
        {
          g_set_error (
            error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
            _("“%s”, sheet “%s”: the region %u is not in the database’s region registry"), file,
            name, code);
          return FALSE;
        }

      {
        SheetInventory *item = g_new0 (SheetInventory, 1);

        item->region = region;
        item->year = year;
        item->sheet = g_strdup (name);
        g_ptr_array_add (sheets, item);

        if (!(sheet = tanlu_xlsx_read_sheet (xlsx, i, error)) ||
            !read_inventory (xlsx, sheet, &item->inventory, error))
          return FALSE;

        check_sector_sums (xlsx, sheet, &item->inventory, report);
      }

      if (progress != NULL)
        progress ((double)(i + 1) / n_sheets, user_data);
    }

  find_placeholders (file, sheets, placeholder, report);
  for (guint i = 0; i < sheets->len; i++)
    {
      SheetInventory *item = g_ptr_array_index (sheets, i);

      collect_inventory (store, file, item, placeholder, source, pending, origins, report);
      if (!flag_incomplete (store, file, item, report, error))
        return FALSE;
    }

  if (report->n_values == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s” has no inventory sheets"), file);
      return FALSE;
    }

  /* Repeated sheets were refused above, so the values cannot repeat. */
  tanlu_pending_values_sort (pending);

  return tanlu_store_put_pending_values (store, pending, error);
}

static guint
find_header (TanluSheet *sheet,
             const char *normal_name)
{
  guint max_column = tanlu_sheet_get_max_column (sheet);

  for (guint c = 1; c <= max_column; c++)
    {
      const char *text = get_text (sheet, ROW_HEADER, c);
      g_autofree char *normal = text != NULL ? normalize_label (text) : NULL;

      if (normal != NULL && g_str_equal (normal, normal_name))
        return c;
    }

  return 0;
}

static TanluRegion *
match_city (TanluRegionMatcher *matcher,
            TanluStore         *store,
            const char         *name)
{
  g_autoptr(TanluRegionMatch) match = NULL;
  TanluRegion *region;

  for (guint i = 0; i < G_N_ELEMENTS (city_aliases); i++)
    if (g_str_equal (name, city_aliases[i].name))
      return tanlu_store_lookup_region (store, city_aliases[i].code);

  /* The province's short name and the city's (四川成都), which the
   * matcher reads with the province as the hint; a name of several units
   * (a former one of the same name, 南宁地区 before 2002, gives way to
   * today's) or of none is unmatched. */
  match = tanlu_region_matcher_match (matcher, name, 0, 0);
  if (match->kind != TANLU_REGION_MATCH_MATCHED)
    return NULL;

  region = tanlu_store_lookup_region (store, match->code);
  if (region == NULL || tanlu_region_get_level (region) != TANLU_REGION_LEVEL_CITY)
    return NULL;

  return region;
}

static TanluRegionMatcher *
city_matcher_new (TanluStore *store)
{
  TanluRegionMatcher *matcher = tanlu_region_matcher_new (store);

  tanlu_region_matcher_set_preferred_level (matcher, TANLU_REGION_LEVEL_CITY);
  return matcher;
}

static gboolean
import_cities (TanluStore               *store,
               TanluXlsx                *xlsx,
               TanluSource              *source,
               TanluImportReport        *report,
               TanluImportProgressFunc   progress,
               gpointer                  user_data,
               GCancellable             *cancellable,
               GError                  **error)
{
  const char *file = tanlu_xlsx_get_display_name (xlsx);
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TanluRegionMatcher) matcher = city_matcher_new (store);
  g_autoptr(GHashTable) unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (TanluPendingValue));
  g_autoptr(GHashTable) names_by_row = g_hash_table_new (NULL, NULL);
  const TanluPendingValue *repeat;
  g_autoptr(GHashTable) years_by_city = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) unmatched_names = NULL;
  g_autoptr(GStringChunk) origins = g_string_chunk_new (64 * 1024);
  TanluIndicator *total;
  guint city_column, year_column, emission_column;
  guint n_sheets = tanlu_xlsx_get_n_sheets (xlsx);
  guint max_row;
  guint n_partial = 0;
  int index = -1;

  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = tanlu_xlsx_get_sheet_name (xlsx, i);

      if (g_str_equal (name, "emission vector"))
        index = i;
      else if (!g_str_equal (name, "NOTE") && !g_str_equal (name, "emission matrix"))
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_SHEET,
                       _("“%s”: unexpected sheet “%s”; the city workbook has sheets NOTE, "
                          "emission vector and emission matrix"),
                       file, name);
          return FALSE;
        }
    }

  g_assert (index >= 0);

  if (!(sheet = tanlu_xlsx_read_sheet (xlsx, index, error)))
    return FALSE;

  city_column = find_header (sheet, "city");
  year_column = find_header (sheet, "year");
  emission_column = find_header (sheet, "emission");
  if (city_column == 0 || year_column == 0 || emission_column == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   _("“%s”, sheet “%s”, row 1: expected the columns city, year and emission"),
                   file, tanlu_sheet_get_name (sheet));
      return FALSE;
    }

  total = tanlu_store_lookup_indicator (store, TANLU_INDICATOR_CO2_TOTAL);
  max_row = tanlu_sheet_get_max_row (sheet);

  for (guint r = ROW_HEADER + 1; r <= max_row; r++)
    {
      const char *city = get_text (sheet, r, city_column);
      const TanluCell *year_cell = get_cell (sheet, r, year_column);
      const TanluCell *emission_cell = get_cell (sheet, r, emission_column);
      TanluRegion *region;
      gpointer match;
      double value;
      guint year;

      if (r % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double)r / max_row, user_data);
        }

      if (text_is_blank (city) && year_cell == NULL && emission_cell == NULL)
        continue;

      if (text_is_blank (city))
        return unexpected_cell (xlsx, sheet, r, city_column, _("a city name"), error);

      if (year_cell == NULL || year_cell->type != TANLU_CELL_NUMBER ||
          year_cell->number != floor (year_cell->number) ||
          year_cell->number < 1900 || year_cell->number > 2100)
        return unexpected_cell (xlsx, sheet, r, year_column, _("a year"), error);
      year = (guint)year_cell->number;

      /* A gap in the inventory stays a gap: never a zero. */
      if (emission_cell == NULL ||
          (emission_cell->type == TANLU_CELL_STRING && text_is_blank (emission_cell->text)))
        {
          report->n_missing++;
          continue;
        }
      if (!get_number (xlsx, sheet, r, emission_column, &value, error))
        return FALSE;

      if (!g_hash_table_lookup_extended (matches, city, NULL, &match))
        {
          match = match_city (matcher, store, city);
          g_hash_table_insert (matches, g_strdup (city), match);
        }
      region = match;

      if (region == NULL)
        {
          Unmatched *entry = g_hash_table_lookup (unmatched, city);

          if (entry == NULL)
            {
              entry = g_new0 (Unmatched, 1);
              entry->first_year = year;
              g_hash_table_insert (unmatched, g_strdup (city), entry);
            }
          entry->count++;
          entry->first_year = MIN (entry->first_year, year);
          entry->last_year = MAX (entry->last_year, year);
          continue;
        }

      /* A municipality's city figure is the whole municipality, which its
       * provincial inventory gives already (to six digits); that one is
       * kept. */
      if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_PROVINCE)
        {
          g_autoptr(GArray) provincial = tanlu_store_get_series (store, tanlu_region_get_code (region),
                                                                 TANLU_INDICATOR_CO2_TOTAL, NULL);
          gboolean has_year = FALSE;

          for (guint k = 0; provincial != NULL && k < provincial->len; k++)
            has_year |= g_array_index (provincial, TanluSeriesPoint, k).year == year;
          if (has_year)
            {
              if (!g_hash_table_contains (years_by_city, region))
                {
                  tanlu_import_report_warn (report,
                                            _("“%s”: %s is the whole municipality, which its "
                                              "provincial inventory gives already; that one is "
                                              "kept"),
                                            file, city);
                  g_hash_table_insert (years_by_city, region, GUINT_TO_POINTER (0));
                }
              continue;
            }
        }

      add_pending (pending, region, total, year, value, source, r,
                   cell_origin (origins, file, tanlu_sheet_get_name (sheet), r, emission_column));
      g_hash_table_insert (names_by_row, GUINT_TO_POINTER (r), (gpointer)city);

      tanlu_import_report_add_value (report, tanlu_region_get_code (region), year);
      g_hash_table_insert (
        years_by_city, region,
        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (years_by_city, region)) + 1));
    }

  if (report->n_values == 0)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NO_DATA,
                   _("“%s”: the sheet “emission vector” has no values"), file);
      return FALSE;
    }

  tanlu_pending_values_sort (pending);
  if ((repeat = tanlu_pending_values_find_repeat (pending)) != NULL)
    {
      g_set_error (
        error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_DUPLICATE,
        _("“%s”, sheet “%s”, row %u repeats %s for %u from row %u"), file,
        tanlu_sheet_get_name (sheet), repeat->origin,
        (const char *) g_hash_table_lookup (names_by_row, GUINT_TO_POINTER (repeat->origin)),
        repeat->year, (repeat - 1)->origin);
      return FALSE;
    }

  if (!tanlu_store_put_pending_values (store, pending, error))
    return FALSE;

  unmatched_names = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, unmatched);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (unmatched_names, key);
  }
  g_ptr_array_sort (unmatched_names, compare_strings);
  for (guint i = 0; i < unmatched_names->len; i++)
    {
      const char *name = g_ptr_array_index (unmatched_names, i);
      Unmatched *entry = g_hash_table_lookup (unmatched, name);

      g_ptr_array_add (
        report->unmatched,
        g_strdup_printf (ngettext ("%s: %u value (%u–%u) not imported; no prefecture-level unit of "
                                   "that name in the region registry",
                                   "%s: %u values (%u–%u) not imported; no prefecture-level unit "
                                   "of that name in the region registry",
                                   entry->count),
                         name, entry->count, entry->first_year, entry->last_year));
    }

  {
    GHashTableIter iter;
    gpointer count;
    guint most_years = 0;

    /* Compare with the best-covered cities rather than the file's span of
     * years: one early value (Guiyang, 1995) would make every city look
     * incomplete. */
    g_hash_table_iter_init (&iter, years_by_city);
    while (g_hash_table_iter_next (&iter, NULL, &count))
      most_years = MAX (most_years, GPOINTER_TO_UINT (count));

    g_hash_table_iter_init (&iter, years_by_city);
    while (g_hash_table_iter_next (&iter, NULL, &count))
      if (GPOINTER_TO_UINT (count) < most_years)
        n_partial++;

    if (n_partial > 0)
      tanlu_import_report_warn (
        report,
        ngettext ("%u of %u cities has values for fewer years than the best-covered cities (%u "
                  "years); its missing years are left empty, not zero",
                  "%u of %u cities have values for fewer years than the best-covered cities (%u "
                  "years); their missing years are left empty, not zero",
                  n_partial),
        n_partial, g_hash_table_size (years_by_city), most_years);
  }

  return TRUE;
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_ceads_sector_indicator:
 *
 * Returns: the indicator code of the @index-th CEADs sector
 */
const char *
tanlu_ceads_sector_indicator (guint index)
{
  static char *codes[TANLU_CEADS_N_SECTORS];
  static gsize initialized = 0;

  g_return_val_if_fail (index < TANLU_CEADS_N_SECTORS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
        codes[s] = g_strconcat ("co2.sector.", sectors[s].slug, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return codes[index];
}

/**
 * tanlu_ceads_register:
 *
 * Adds the CEADs sources and the 69 indicators the inventories fill.
 */
gboolean
tanlu_ceads_register (TanluStore  *store,
                      GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ceads_sources); i++)
    if (ceads_sources[i].key != NULL &&
        !tanlu_store_ensure_source (store, &ceads_sources[i], error))
      return FALSE;

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      TanluIndicatorInfo info = {
        .code = columns[k].indicator,
        .name_zh = columns[k].name_zh,
        .name_en = columns[k].name_en,
        .unit = UNIT_MT_CO2,
        .category = columns[k].category,
        .family = columns[k].family,
        .sort_order = k == COLUMN_TOTAL ? 0 : 200 + k,
      };

      if (!tanlu_store_ensure_indicator (store, &info, error))
        return FALSE;
    }

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    {
      g_autofree char *name_zh = g_strconcat ("部门：", sectors[s].name_zh, NULL);
      g_autofree char *name_en = g_strconcat (
        "Sector: ", sectors[s].name_en != NULL ? sectors[s].name_en : sectors[s].label, NULL);
      TanluIndicatorInfo info = {
        .code = tanlu_ceads_sector_indicator (s),
        .name_zh = name_zh,
        .name_en = name_en,
        .unit = UNIT_MT_CO2,
        .category = "sector",
        .sort_order = 100 + s,
      };

      if (!tanlu_store_ensure_indicator (store, &info, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_ceads_parse_sheet_name:
 * @sheet_name: such as "InnerMongolia2019"
 *
 * Returns: whether @sheet_name names a province covered by CEADs and a year
 */
gboolean
tanlu_ceads_parse_sheet_name (const char *sheet_name,
                              guint      *province_code,
                              guint      *year)
{
  gsize length;

  g_return_val_if_fail (sheet_name != NULL, FALSE);

  length = strlen (sheet_name);
  if (length <= 4 || !is_year_sheet (sheet_name + length - 4, year))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      if (strlen (provinces[i].sheet_prefix) == length - 4 &&
          strncmp (sheet_name, provinces[i].sheet_prefix, length - 4) == 0)
        {
          *province_code = provinces[i].code;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tanlu_ceads_detect:
 *
 * Tells the three CEADs workbooks apart by their sheets.
 */
TanluImportKind
tanlu_ceads_detect (TanluXlsx *xlsx)
{
  guint n_sheets;
  gboolean has_province = FALSE;
  gboolean has_year = FALSE;

  g_return_val_if_fail (xlsx != NULL, TANLU_IMPORT_KIND_UNKNOWN);

  if (tanlu_xlsx_find_sheet (xlsx, "emission vector") >= 0)
    return TANLU_IMPORT_KIND_CEADS_CITIES;

  n_sheets = tanlu_xlsx_get_n_sheets (xlsx);
  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = tanlu_xlsx_get_sheet_name (xlsx, i);
      guint code, year;

      if (tanlu_ceads_parse_sheet_name (name, &code, &year))
        has_province = TRUE;
      else if (is_year_sheet (name, &year))
        has_year = TRUE;
    }

  if (has_province)
    return TANLU_IMPORT_KIND_CEADS_PROVINCES;
  if (has_year)
    return TANLU_IMPORT_KIND_CEADS_NATION;

  return TANLU_IMPORT_KIND_UNKNOWN;
}

/**
 * tanlu_ceads_match_city:
 * @name: a city as the CEADs city workbook writes it: the province's short
 *   name followed by the city's ("四川成都"), or a municipality alone ("北京")
 *
 * Returns: (transfer none) (nullable): the prefecture-level unit, or %NULL
 *   when the registry has none of that name (巢湖, abolished in 2011)
 */
TanluRegion *
tanlu_ceads_match_city (TanluStore *store,
                        const char *name)
{
  g_autoptr(TanluRegionMatcher) matcher = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  matcher = city_matcher_new (store);
  return match_city (matcher, store, name);
}

/**
 * tanlu_ceads_import_workbook:
 *
 * Imports a CEADs workbook. Must be called inside a transaction.
 */
gboolean
tanlu_ceads_import_workbook (TanluStore               *store,
                             TanluXlsx                *xlsx,
                             TanluImportReport        *report,
                             TanluImportProgressFunc   progress,
                             gpointer                  user_data,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  TanluSource *source;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (xlsx != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (tanlu_store_in_transaction (store), FALSE);

  if (!tanlu_ceads_register (store, error))
    return FALSE;

  report->kind = tanlu_ceads_detect (xlsx);

  switch (report->kind)
    {
    case TANLU_IMPORT_KIND_CEADS_PROVINCES:
    case TANLU_IMPORT_KIND_CEADS_NATION:
      source = tanlu_store_lookup_source (store, ceads_sources[report->kind].key);
      return import_inventories (store, xlsx, report->kind, source, report,
                                 progress, user_data, cancellable, error);

    case TANLU_IMPORT_KIND_CEADS_CITIES:
      source = tanlu_store_lookup_source (store, ceads_sources[report->kind].key);
      return import_cities (store, xlsx, source, report, progress, user_data, cancellable, error);

    case TANLU_IMPORT_KIND_UNKNOWN:
    case TANLU_IMPORT_KIND_OBSERVATIONS_CSV:
    default:
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("“%s” is not a CEADs inventory"), tanlu_xlsx_get_display_name (xlsx));
      return FALSE;
    }
}
