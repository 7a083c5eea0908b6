/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-units"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-units.h"

#include <math.h>
#include <string.h>

/* The units planners' tables use, and what one of each is in its
 * dimension's base unit. A table's unit is read as an optional multiplier
 * (万, 亿, 百万, 10^4, "10,000", "100 million"…), one of these base units,
 * and for a mass an optional substance (CO₂, CO₂ equivalent). Only the
 * units marked scalable take a multiplier: "万吨" and "10^4 t", never
 * "万Mt" or "万%".
 *
 * These agree with CONVERSIONS in data/policy/library/extract.py, which
 * normalises the units of plan targets (亿千瓦 = 100 GW, 万吨标准煤 =
 * 0.01 Mtce, 万立方米 = 0.0001 亿立方米…); test-units checks every entry
 * of that table against this one. */

typedef struct
{
  const char         *key;       /* NFKC, no spaces, ASCII in lower case */
  const char         *name;      /* as shown without a multiplier */
  const char         *scaled;    /* as shown after 万, 亿…; NULL: takes no multiplier */
  TanluUnitDimension  dimension;
  double              factor;
  const char         *qualifier; /* the thing counted, for 辆, 台, 户 */
} BaseUnit;

static const BaseUnit base_units[] = {
  /* Mass, base t. */
  { "吨", "吨", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "t", "t", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "ton", "t", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "tons", "t", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "tonne", "t", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "tonnes", "t", "吨", TANLU_UNIT_MASS, 1, NULL },
  { "千克", "kg", NULL, TANLU_UNIT_MASS, 1e-3, NULL },
  { "公斤", "kg", NULL, TANLU_UNIT_MASS, 1e-3, NULL },
  { "kg", "kg", NULL, TANLU_UNIT_MASS, 1e-3, NULL },
  { "kt", "kt", NULL, TANLU_UNIT_MASS, 1e3, NULL },
  { "mt", "Mt", NULL, TANLU_UNIT_MASS, 1e6, NULL },
  { "gt", "Gt", NULL, TANLU_UNIT_MASS, 1e9, NULL },

  /* Energy as standard coal, base tce. */
  { "吨标准煤", "吨标准煤", "吨标准煤", TANLU_UNIT_STANDARD_COAL, 1, NULL },
  { "吨标煤", "吨标准煤", "吨标准煤", TANLU_UNIT_STANDARD_COAL, 1, NULL },
  { "tce", "tce", "吨标准煤", TANLU_UNIT_STANDARD_COAL, 1, NULL },
  { "千克标准煤", "千克标准煤", NULL, TANLU_UNIT_STANDARD_COAL, 1e-3, NULL },
  { "千克标煤", "千克标准煤", NULL, TANLU_UNIT_STANDARD_COAL, 1e-3, NULL },
  { "kgce", "kgce", NULL, TANLU_UNIT_STANDARD_COAL, 1e-3, NULL },
  { "ktce", "ktce", NULL, TANLU_UNIT_STANDARD_COAL, 1e3, NULL },
  { "mtce", "Mtce", NULL, TANLU_UNIT_STANDARD_COAL, 1e6, NULL },
  { "gtce", "Gtce", NULL, TANLU_UNIT_STANDARD_COAL, 1e9, NULL },

  /* Electricity, base kWh. */
  { "千瓦时", "千瓦时", "千瓦时", TANLU_UNIT_ELECTRICITY, 1, NULL },
  { "度", "千瓦时", "千瓦时", TANLU_UNIT_ELECTRICITY, 1, NULL },
  { "kwh", "kWh", "千瓦时", TANLU_UNIT_ELECTRICITY, 1, NULL },
  { "兆瓦时", "MWh", NULL, TANLU_UNIT_ELECTRICITY, 1e3, NULL },
  { "mwh", "MWh", NULL, TANLU_UNIT_ELECTRICITY, 1e3, NULL },
  { "吉瓦时", "GWh", NULL, TANLU_UNIT_ELECTRICITY, 1e6, NULL },
  { "gwh", "GWh", NULL, TANLU_UNIT_ELECTRICITY, 1e6, NULL },
  { "太瓦时", "TWh", NULL, TANLU_UNIT_ELECTRICITY, 1e9, NULL },
  { "twh", "TWh", NULL, TANLU_UNIT_ELECTRICITY, 1e9, NULL },

  /* Money, base 元 (nominal: the price base is the table's). */
  { "元", "元", "元", TANLU_UNIT_MONEY, 1, NULL },
  { "yuan", "元", "元", TANLU_UNIT_MONEY, 1, NULL },
  { "cny", "元", "元", TANLU_UNIT_MONEY, 1, NULL },
  { "rmb", "元", "元", TANLU_UNIT_MONEY, 1, NULL },

  /* Population, base persons. */
  { "人", "人", "人", TANLU_UNIT_POPULATION, 1, NULL },
  { "person", "人", "人", TANLU_UNIT_POPULATION, 1, NULL },
  { "persons", "人", "人", TANLU_UNIT_POPULATION, 1, NULL },
  { "people", "人", "人", TANLU_UNIT_POPULATION, 1, NULL },

  /* Power capacity, base kW. */
  { "千瓦", "千瓦", "千瓦", TANLU_UNIT_POWER, 1, NULL },
  { "kw", "kW", "千瓦", TANLU_UNIT_POWER, 1, NULL },
  { "兆瓦", "MW", NULL, TANLU_UNIT_POWER, 1e3, NULL },
  { "mw", "MW", NULL, TANLU_UNIT_POWER, 1e3, NULL },
  { "吉瓦", "GW", NULL, TANLU_UNIT_POWER, 1e6, NULL },
  { "gw", "GW", NULL, TANLU_UNIT_POWER, 1e6, NULL },

  /* Transformer capacity, base kVA. */
  { "千伏安", "千伏安", "千伏安", TANLU_UNIT_APPARENT_POWER, 1, NULL },
  { "kva", "kVA", "千伏安", TANLU_UNIT_APPARENT_POWER, 1, NULL },
  { "兆伏安", "MVA", NULL, TANLU_UNIT_APPARENT_POWER, 1e3, NULL },
  { "mva", "MVA", NULL, TANLU_UNIT_APPARENT_POWER, 1e3, NULL },

  /* Volume, base m³. */
  { "立方米", "立方米", "立方米", TANLU_UNIT_VOLUME, 1, NULL },
  { "m3", "m³", "立方米", TANLU_UNIT_VOLUME, 1, NULL },
  { "m^3", "m³", "立方米", TANLU_UNIT_VOLUME, 1, NULL },

  /* Area, base m². */
  { "平方米", "平方米", "平方米", TANLU_UNIT_AREA, 1, NULL },
  { "m2", "m²", "平方米", TANLU_UNIT_AREA, 1, NULL },
  { "m^2", "m²", "平方米", TANLU_UNIT_AREA, 1, NULL },
  { "平方公里", "平方公里", NULL, TANLU_UNIT_AREA, 1e6, NULL },
  { "平方千米", "平方公里", NULL, TANLU_UNIT_AREA, 1e6, NULL },
  { "km2", "km²", NULL, TANLU_UNIT_AREA, 1e6, NULL },
  { "km^2", "km²", NULL, TANLU_UNIT_AREA, 1e6, NULL },
  { "公顷", "公顷", "公顷", TANLU_UNIT_AREA, 1e4, NULL },
  { "ha", "ha", "公顷", TANLU_UNIT_AREA, 1e4, NULL },
  { "亩", "亩", "亩", TANLU_UNIT_AREA, 10000.0 / 15.0, NULL },

  /* Shares, base the fraction; percentage points apart. */
  { "%", "%", NULL, TANLU_UNIT_SHARE, 1e-2, NULL },
  { "percent", "%", NULL, TANLU_UNIT_SHARE, 1e-2, NULL },
  { "‰", "‰", NULL, TANLU_UNIT_SHARE, 1e-3, NULL },
  { "个百分点", "个百分点", NULL, TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL },
  { "百分点", "个百分点", NULL, TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL },
  { "pp", "个百分点", NULL, TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL },
  { "percentagepoint", "个百分点", NULL, TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL },
  { "percentagepoints", "个百分点", NULL, TANLU_UNIT_PERCENTAGE_POINTS, 1, NULL },

  /* Counts, base one thing. */
  { "个", "个", "个", TANLU_UNIT_COUNT, 1, NULL },
  { "辆", "辆", "辆", TANLU_UNIT_COUNT, 1, "辆" },
  { "台", "台", "台", TANLU_UNIT_COUNT, 1, "台" },
  { "户", "户", "户", TANLU_UNIT_COUNT, 1, "户" },
};

/* What a mass is of: written after the unit, "万吨二氧化碳", "Mt CO2". */
static const struct
{
  const char *key;
  const char *qualifier;
} mass_qualifiers[] = {
  { "co2", "CO₂" },
  { "二氧化碳", "CO₂" },
  { "co2e", "CO₂e" },
  { "co2eq", "CO₂e" },
  { "co2-eq", "CO₂e" },
  { "co2当量", "CO₂e" },
  { "二氧化碳当量", "CO₂e" },
};

/* Multipliers in words; a run multiplies out, 百万 = 10⁶, 万亿 = 10¹². */
static const struct
{
  const char *key;
  double      factor;
} word_multipliers[] = {
  { "十", 1e1 },
  { "百", 1e2 },
  { "千", 1e3 },
  { "万", 1e4 },
  { "亿", 1e8 },
  { "ten", 1e1 },
  { "hundred", 1e2 },
  { "thousand", 1e3 },
  { "million", 1e6 },
  { "billion", 1e9 },
  { "trillion", 1e12 },
};

/* How a multiplier is named in front of a Chinese unit. */
static const struct
{
  double      factor;
  const char *word;
} multiplier_names[] = {
  { 1e1, "十" }, { 1e2, "百" }, { 1e3, "千" }, { 1e4, "万" }, { 1e5, "十万" }, { 1e6, "百万" },
  { 1e7, "千万" }, { 1e8, "亿" }, { 1e9, "十亿" }, { 1e10, "百亿" }, { 1e11, "千亿" },
  { 1e12, "万亿" },
};

#define MAX_POWER_OF_TEN 15

G_DEFINE_QUARK (tanlu-unit-error-quark, tanlu_unit_error)

/* ---------------------------------------------------------------- helpers */

/* Full-width forms, compatibility characters and spaces out. A superscript after a digit is a power ("10⁴" is "10^4"),
 * after anything else a plain digit ("m³", "CO₂"). */
static char *
normalize (const char *text)
{
  g_autoptr(GString) spelled = g_string_new (NULL);
  g_autofree char *folded = NULL;
  GString *normal;
  gboolean in_power = FALSE;
  gunichar previous = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = -1;

      if (c == 0x2070)
        digit = 0;
      else if (c == 0x00B9)
        digit = 1;
      else if (c == 0x00B2 || c == 0x00B3)
        digit = c - 0x00B0;
      else if (c >= 0x2074 && c <= 0x2079)
        digit = c - 0x2070;

      if (digit >= 0)
        {
          if (!in_power && g_unichar_isdigit (previous))
            g_string_append_c (spelled, '^');
          in_power = in_power || g_unichar_isdigit (previous);
          g_string_append_c (spelled, '0' + digit);
        }
      else
        {
          in_power = FALSE;
          g_string_append_unichar (spelled, c);
        }
      previous = digit >= 0 ? (gunichar)('0' + digit) : c;
    }

  folded = g_utf8_normalize (spelled->str, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return NULL;

  normal = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      /* Thousands separators: "10,000" */
      if (c == ',' && normal->len > 0 && g_ascii_isdigit (normal->str[normal->len - 1]) &&
          g_ascii_isdigit (p[1]))
        continue;
      g_string_append_unichar (normal, c);
    }

  return g_string_free (normal, FALSE);
}

/* "10^4", "10000", "×10^4": a power of ten, or 1 when there is none. */
static gboolean
read_number (const char **text,
             double      *factor)
{
  const char *p = *text;
  guint64 mantissa = 0;
  guint n_digits = 0;

  *factor = 1;

  if ((*p == 'x' || *p == '*') && g_ascii_isdigit (p[1]))
    p++;
  else if (g_str_has_prefix (p, "×") && g_ascii_isdigit (p[strlen ("×")]))
    p += strlen ("×");

  if (!g_ascii_isdigit (*p))
    return p == *text;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_digits > MAX_POWER_OF_TEN + 1)
        return FALSE;
      mantissa = mantissa * 10 + (guint64)(*p - '0');
    }

  if (*p == '^')
    {
      guint exponent = 0;

      if (mantissa != 10 || !g_ascii_isdigit (p[1]))
        return FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        {
          exponent = exponent * 10 + (guint)(*p - '0');
          if (exponent > MAX_POWER_OF_TEN)
            return FALSE;
        }
      *factor = pow (10, exponent);
    }
  else
    {
      /* Only a power of ten is a multiplier: "2010" is a year. */
      for (guint64 m = mantissa; m > 1; m /= 10)
        if (m % 10 != 0)
          return FALSE;
      if (mantissa == 0)
        return FALSE;
      *factor = (double)mantissa;
    }

  *text = p;
  return TRUE;
}

static const char *
match_qualifier (const char *rest)
{
  for (guint i = 0; i < G_N_ELEMENTS (mass_qualifiers); i++)
    if (g_str_equal (rest, mass_qualifiers[i].key))
      return mass_qualifiers[i].qualifier;

  return NULL;
}

/* The longest base unit at @text that the rest of @text qualifies. */
static const BaseUnit *
match_base (const char  *text,
            const char **qualifier)
{
  const BaseUnit *best = NULL;
  gsize best_length = 0;

  *qualifier = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (base_units); i++)
    {
      const BaseUnit *base = &base_units[i];
      gsize length = strlen (base->key);
      const char *rest = text + length;
      const char *found = NULL;

      if (length <= best_length || strncmp (text, base->key, length) != 0)
        continue;
      if (*rest != '\0')
        {
          if (base->dimension != TANLU_UNIT_MASS || !(found = match_qualifier (rest)))
            continue;
        }

      best = base;
      best_length = length;
      *qualifier = found;
    }

  return best;
}

static const char *
multiplier_name (double factor)
{
  for (guint i = 0; i < G_N_ELEMENTS (multiplier_names); i++)
    if (multiplier_names[i].factor == factor)
      return multiplier_names[i].word;

  return NULL;
}

static gboolean
ends_in_ascii (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && (guchar)text[length - 1] < 0x80;
}

static void
fill_unit (TanluUnit      *unit,
           const BaseUnit *base,
           double          multiplier,
           const char     *qualifier)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (multiplier != 1)
    {
      const char *word = multiplier_name (multiplier);

      if (word != NULL)
        g_string_append_printf (name, "%s%s", word, base->scaled);
      else
        g_string_append_printf (name, "10^%d %s", (int)lround (log10 (multiplier)), base->scaled);
    }
  else
    {
      g_string_append (name, base->name);
    }

  if (qualifier != NULL)
    {
      if (ends_in_ascii (name->str))
        g_string_append_printf (name, " %s", qualifier);
      else
        g_string_append (name, g_str_equal (qualifier, "CO₂") ? "二氧化碳" : "二氧化碳当量");
    }

  unit->dimension = base->dimension;
  unit->factor = multiplier * base->factor;
  unit->qualifier = qualifier != NULL ? qualifier : base->qualifier;
  g_strlcpy (unit->name, name->str, sizeof unit->name);
}

static const char *
dimension_name (TanluUnitDimension dimension)
{
  switch (dimension)
    {
    case TANLU_UNIT_MASS:
      return _("a mass");
    case TANLU_UNIT_STANDARD_COAL:
      return _("energy as standard coal");
    case TANLU_UNIT_ELECTRICITY:
      return _("electricity");
    case TANLU_UNIT_MONEY:
      return _("money");
    case TANLU_UNIT_POPULATION:
      return _("a population");
    case TANLU_UNIT_POWER:
      return _("power capacity");
    case TANLU_UNIT_APPARENT_POWER:
      return _("transformer capacity");
    case TANLU_UNIT_VOLUME:
      return _("a volume");
    case TANLU_UNIT_AREA:
      return _("an area");
    case TANLU_UNIT_SHARE:
      return _("a share");
    case TANLU_UNIT_PERCENTAGE_POINTS:
      return _("percentage points");
    case TANLU_UNIT_COUNT:
      return _("a count");
    default:
      g_assert_not_reached ();
    }
}

static void
set_unknown_error (GError     **error,
                   const char  *text)
{
  g_set_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_UNKNOWN,
               _("“%s” is not a unit Tanlu knows; Tanlu converts only the units it knows "
                 "(such as 万吨, 万吨标准煤, 亿千瓦时, 亿元, 万人) and does not guess"),
               text);
}

/* A stretch of @text, trimmed of spaces (ASCII and full-width), if it is a
 * unit. */
static char *
try_piece (const char *start,
           const char *end,
           TanluUnit  *unit)
{
  g_autofree char *piece = NULL;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (start, end);

      if (previous == NULL || !g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  if (start == end)
    return NULL;

  piece = g_strndup (start, end - start);
  if (!tanlu_unit_parse (piece, unit))
    return NULL;

  return g_steal_pointer (&piece);
}

static gboolean
is_one_of (gunichar    c,
           const char *set)
{
  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;

  return FALSE;
}

/* Split at ，、；; and at a comma that does not separate thousands. */
static char *
try_pieces (const char *start,
            const char *end,
            TanluUnit  *unit)
{
  const char *piece = start;

  for (const char *p = start; ; p = g_utf8_next_char (p))
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;
      gboolean split = p >= end || is_one_of (c, "，、；;") ||
                       (c == ',' && !(p > start && g_ascii_isdigit (p[-1]) &&
                                      g_ascii_isdigit (p[1])));

      if (split)
        {
          char *found = try_piece (piece, p, unit);

          if (found != NULL)
            return found;
          if (p >= end)
            return NULL;
          piece = g_utf8_next_char (p);
        }
    }
}

static const char *
find_closing (const char *open,
              gunichar   *closing_out)
{
  static const gunichar pairs[][2] = {
    { 0xFF08, 0xFF09 }, /* （） */
    { '(', ')' },
    { '[', ']' },
    { 0x3010, 0x3011 }, /* 【】 */
    { 0xFF3B, 0xFF3D }, /* ［］ */
  };
  gunichar c = g_utf8_get_char (open);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][0] == c)
      {
        *closing_out = pairs[i][1];
        return g_utf8_next_char (open);
      }

  return NULL;
}

/* ------------------------------------------------------------- public API */

/**
 * tanlu_unit_parse:
 * @text: a unit as a table writes it: "万吨", "万吨标准煤", "Mt CO2",
 *   "10^4 t", "10 000 t", "亿千瓦时"; nothing else (a header or note in
 *   which a unit is stated is tanlu_unit_find_in_text()'s)
 * @unit: (out) (optional): the unit
 *
 * Reads a unit Tanlu knows. Full-width and half-width forms, spaces and the
 * case of Latin letters do not matter, except that "MT" is refused: some
 * tables mean a megatonne by it, others a metric ton.
 *
 * Returns: whether @text is a unit Tanlu knows
 */
gboolean
tanlu_unit_parse (const char *text,
                  TanluUnit  *unit)
{
  g_autofree char *normal = NULL;
  const char *p;
  double multiplier;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!(normal = normalize (text)) || *normal == '\0')
    return FALSE;

  /* "MT" is a megatonne in some tables and a metric ton in others. */
  if (strstr (normal, "MT") != NULL)
    return FALSE;

  /* Otherwise the case of Latin letters does not matter: kWh, KWH. */
  for (char *c = normal; *c != '\0'; c++)
    *c = g_ascii_tolower (*c);

  p = normal;
  if (!read_number (&p, &multiplier))
    return FALSE;

  /* Shortest run of multiplier words first, so 千瓦 is one unit and 万千瓦
   * is 万 of it. */
  for (;;)
    {
      const BaseUnit *base;
      const char *qualifier;
      gboolean more = FALSE;

      if ((base = match_base (p, &qualifier)) != NULL &&
          (multiplier == 1 || base->scaled != NULL))
        {
          if (unit != NULL)
            fill_unit (unit, base, multiplier, qualifier);
          return TRUE;
        }

      for (guint i = 0; i < G_N_ELEMENTS (word_multipliers); i++)
        if (g_str_has_prefix (p, word_multipliers[i].key))
          {
            multiplier *= word_multipliers[i].factor;
            p += strlen (word_multipliers[i].key);
            more = TRUE;
            break;
          }

      if (!more || multiplier > pow (10, MAX_POWER_OF_TEN))
        return FALSE;
    }
}

/**
 * tanlu_unit_parse_checked:
 *
 * Like tanlu_unit_parse(), saying why when @text is not a unit Tanlu knows.
 */
gboolean
tanlu_unit_parse_checked (const char  *text,
                          TanluUnit   *unit,
                          GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (tanlu_unit_parse (text, unit))
    return TRUE;

  set_unknown_error (error, text);
  return FALSE;
}

/**
 * tanlu_unit_get_factor:
 * @factor: (out): what a value in @from is multiplied by to be in @to
 *
 * Refuses units of different dimensions, and masses of different
 * substances; a plain mass ("万吨") converts to a mass of CO₂.
 */
gboolean
tanlu_unit_get_factor (const TanluUnit  *from,
                       const TanluUnit  *to,
                       double           *factor,
                       GError          **error)
{
  g_return_val_if_fail (from != NULL && to != NULL && factor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (from->dimension != to->dimension)
    {
      if ((from->dimension == TANLU_UNIT_ELECTRICITY && to->dimension == TANLU_UNIT_STANDARD_COAL) ||
          (from->dimension == TANLU_UNIT_STANDARD_COAL && to->dimension == TANLU_UNIT_ELECTRICITY))
        g_set_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_INCOMPATIBLE,
                     _("“%s” cannot be converted to “%s”: electricity and standard coal are "
                       "converted by a method (calorific value or coal consumption of power "
                       "generation) Tanlu does not choose for you"),
                     from->name, to->name);
      else
        /* Translators: the last two are what the units measure, such as
         * “energy as standard coal is not money” */
        g_set_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_INCOMPATIBLE,
                     _("“%s” cannot be converted to “%s”: %s is not %s"),
                     from->name, to->name, dimension_name (from->dimension),
                     dimension_name (to->dimension));
      return FALSE;
    }

  if (from->qualifier != NULL && to->qualifier != NULL &&
      !g_str_equal (from->qualifier, to->qualifier))
    {
      g_set_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_INCOMPATIBLE,
                   _("“%s” cannot be converted to “%s”: %s is not %s"),
                   from->name, to->name, from->qualifier, to->qualifier);
      return FALSE;
    }

  *factor = from->factor / to->factor;
  return TRUE;
}

/**
 * tanlu_unit_convert:
 * @out: (out): @value in @to
 */
gboolean
tanlu_unit_convert (double            value,
                    const TanluUnit  *from,
                    const TanluUnit  *to,
                    double           *out,
                    GError          **error)
{
  double factor;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!tanlu_unit_get_factor (from, to, &factor, error))
    return FALSE;

  /* Dividing by a factor below one keeps 1 t → 1e-6 Mt exact. */
  if (factor < 1 && to->factor > from->factor)
    *out = value / (to->factor / from->factor);
  else
    *out = value * factor;
  return TRUE;
}

/**
 * tanlu_unit_convert_text:
 *
 * tanlu_unit_convert() for units written as text; refuses a unit Tanlu
 * does not know.
 */
gboolean
tanlu_unit_convert_text (double       value,
                         const char  *from,
                         const char  *to,
                         double      *out,
                         GError     **error)
{
  TanluUnit from_unit, to_unit;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!tanlu_unit_parse_checked (from, &from_unit, error) ||
      !tanlu_unit_parse_checked (to, &to_unit, error))
    return FALSE;

  return tanlu_unit_convert (value, &from_unit, &to_unit, out, error);
}

/**
 * tanlu_unit_factor_to_indicator:
 * @from: the unit a table gives, "万吨"
 * @factor: (out): what the table's values are multiplied by to be in the
 *   unit @indicator is stored in ("Mt CO₂" for the CEADs indicators, "亿元"
 *   for GDP, "万人" for population)
 */
gboolean
tanlu_unit_factor_to_indicator (const char      *from,
                                TanluIndicator  *indicator,
                                double          *factor,
                                GError         **error)
{
  TanluUnit from_unit, stored;
  const char *stored_text;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (TANLU_IS_INDICATOR (indicator), FALSE);

  stored_text = tanlu_indicator_get_unit (indicator);
  if (!tanlu_unit_parse (stored_text, &stored))
    {
      g_set_error (error, TANLU_UNIT_ERROR, TANLU_UNIT_ERROR_UNKNOWN,
                   _("%s is stored in “%s”, a unit Tanlu cannot convert to; give the "
                     "values in that unit"),
                   tanlu_indicator_get_code (indicator), stored_text);
      return FALSE;
    }

  if (!tanlu_unit_parse_checked (from, &from_unit, error))
    return FALSE;

  if (!tanlu_unit_get_factor (&from_unit, &stored, factor, error))
    {
      g_prefix_error (error, "%s: ", tanlu_indicator_get_code (indicator));
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_unit_find_in_text:
 * @text: a column header or a table's note: "单位：万吨标准煤", "GDP（亿元）",
 *   "能源消费总量(万吨标准煤)", "Population (10,000 persons)", "排放量/万吨"
 * @unit: (out) (optional): the unit found
 *
 * Finds the unit a header or note states: after "单位：" or "Unit:", in
 * brackets (the last bracket holding one), the whole text, or after a
 * final "/". A ratio such as "吨标准煤/万元" is not taken for its
 * denominator.
 *
 * Returns: (transfer full) (nullable): the unit as written
 */
char *
tanlu_unit_find_in_text (const char *text,
                         TanluUnit  *unit)
{
  TanluUnit scratch;
  const char *end;
  const char *slash = NULL;
  char *found;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  if (unit == NULL)
    unit = &scratch;
  end = text + strlen (text);

  /* 单位：万吨, 计量单位: 亿元, Unit: 10^4 t */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *after = NULL;

      if (g_str_has_prefix (p, "单位"))
        after = p + strlen ("单位");
      else if (g_ascii_strncasecmp (p, "units", 5) == 0)
        after = p + 5;
      else if (g_ascii_strncasecmp (p, "unit", 4) == 0)
        after = p + 4;
      if (after == NULL)
        continue;

      while (*after == ' ')
        after++;
      if (g_str_has_prefix (after, "："))
        after += strlen ("：");
      else if (g_str_has_prefix (after, "为"))
        after += strlen ("为");
      else if (*after == ':')
        after++;
      else
        continue;

      {
        const char *stop = after;

        const char *word_end;

        while (*stop != '\0' && !is_one_of (g_utf8_get_char (stop), "，；。）)]】\n\t;") &&
               !(*stop == ',' && !(g_ascii_isdigit (stop[-1]) && g_ascii_isdigit (stop[1]))))
          stop = g_utf8_next_char (stop);
        if ((found = try_piece (after, stop, unit)) != NULL)
          return found;

        /* 单位：万吨 数据来源：…: up to the first space after the unit. */
        while (after < stop && g_unichar_isspace (g_utf8_get_char (after)))
          after = g_utf8_next_char (after);
        for (word_end = after; word_end < stop && !g_unichar_isspace (g_utf8_get_char (word_end));
             word_end = g_utf8_next_char (word_end))
          ;
        if ((found = try_piece (after, word_end, unit)) != NULL)
          return found;
      }
    }

  /* In brackets, the last that holds a unit. */
  {
    g_autoptr(GPtrArray) found_in_brackets = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (TanluUnit));

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar closing;
        const char *inside = find_closing (p, &closing);
        const char *q;

        if (inside == NULL)
          continue;
        for (q = inside; *q != '\0' && g_utf8_get_char (q) != closing; q = g_utf8_next_char (q))
          ;
        if (*q == '\0')
          break;
        if ((found = try_pieces (inside, q, unit)) != NULL)
          {
            g_ptr_array_add (found_in_brackets, found);
            g_array_append_val (units, *unit);
          }
        p = q;
      }

    if (found_in_brackets->len > 0)
      {
        *unit = g_array_index (units, TanluUnit, units->len - 1);
        return g_strdup (g_ptr_array_index (found_in_brackets, found_in_brackets->len - 1));
      }
  }

  /* The whole header is the unit: a row of units under the headers. */
  if ((found = try_piece (text, end, unit)) != NULL)
    return found;

  /* 排放量/万吨, but not 吨标准煤/万元: what comes before the last slash,
   * back to a space or an earlier slash, must not be a unit itself. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == '/' || g_str_has_prefix (p, "／"))
      slash = p;
  if (slash != NULL)
    {
      const char *word = text;
      g_autofree char *numerator = NULL;

      for (const char *p = text; p < slash; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || c == '/' || c == 0xFF0F)
            word = g_utf8_next_char (p);
        }
      if ((numerator = try_piece (word, slash, NULL)) == NULL)
        return try_piece (g_utf8_next_char (slash), end, unit);
    }

  return NULL;
}

/**
 * tanlu_unit_dimension_to_string:
 *
 * Returns: what @dimension measures, translated
 */
const char *
tanlu_unit_dimension_to_string (TanluUnitDimension dimension)
{
  return dimension_name (dimension);
}
