/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-region-match"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-region-match.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-import-report.h"

#include <string.h>

/*
 * Matching a planner's region names and codes to the registry.
 *
 * A text is normalised (tanlu_region_normalize()): NFKC, which turns
 * full-width letters, digits and spaces into ASCII; case-folded; spaces,
 * apostrophes, hyphens and middle dots dropped; ü read as u. It is then
 * tried, in this order, as
 *
 *  1. a remembered choice (tanlu_region_matcher_remember());
 *  2. a GB/T 2260 code (“510000”, “510000.0” as spreadsheets write it, or
 *     the 12-digit statistical form ending in 000000): the registry's unit,
 *     today's unit for a code that only changed (342200 → 341300), or, for
 *     a county-level code the registry does not hold, BELOW_REGISTRY with
 *     its prefecture;
 *  3. a total row (合计, 总计, 小计, 全省, 全市, 全区, 全国, Total, Sum…);
 *  4. a name: first exactly (Chinese short or full name, English name,
 *     a former name of a unit whose code did not change, or, weakly, the
 *     registry's name without its suffix, 锡林郭勒 for 锡林郭勒盟), then
 *     the text without one
 *     suffix (省, 市, 自治区 and the ethnic names before it, 特别行政区,
 *     地区, 自治州, 盟, 州, 县, 区; Province, City, Municipality,
 *     Autonomous Region, Autonomous Prefecture, Prefecture, SAR). A suffix
 *     that implies a level (省 and 自治区 a province, 地区, 盟, 州 a
 *     prefecture) prefers units of that level;
 *  5. a province's name followed by a name (四川成都, 四川省宜宾市长宁县),
 *     read as step 4 with that province as the hint;
 *  6. a county or district (a name ending in 县, 区 or 旗, or a prefecture's
 *     name followed by one ending in 市): BELOW_REGISTRY, with the
 *     prefecture when the text starts with its name;
 *  7. else NOT_FOUND, with up to three suggestions: the registry's names
 *     within a few characters' edits (one in two for Chinese names, one in
 *     three for English ones), those under the parent hint first, then the
 *     closest, the longest shared start, today's units.
 *
 * When a name fits several units, each of these narrows them in turn,
 * unless it would leave none:
 *
 *  - the year: units valid in it;
 *  - the parent hint: units under it, else the hinted unit itself (吉林
 *    under 吉林省 is the city 220200, 海南 under 青海 the prefecture 632500);
 *  - the level the suffix implies, else the matcher's preferred level;
 *  - exact names before weak ones: the districts of a municipality share
 *    its name (北京 110100) and an English name's qualifier may be left
 *    out (“Suzhou” for “Suzhou (Anhui)”), so those match only when nothing
 *    stronger does or the hint asks for them;
 *  - without a year, today's units before those that ended (重庆 500000
 *    before the Sichuan city 510200 it replaced in 1997);
 *  - units that only changed code count once, as today's unit.
 *
 * What remains, if more than one, is AMBIGUOUS.
 */

#define MAX_SUGGESTIONS 3

typedef struct
{
  TanluRegion            *region;  /* borrowed from the store */
  TanluRegionMatchMethod  method;
  gboolean                weak;
  gint                    former;  /* index in former_names, or -1 */
} Entry;

typedef struct
{
  char  *text;
  guint  code;
} Choice;

struct _TanluRegionMatcher
{
  /* owned */
  TanluStore       *store;
  GHashTable       *index;    /* normalised name → GPtrArray of Entry */
  GPtrArray        *regions;  /* the registry's units, borrowed */
  GHashTable       *choices;  /* normalised text → Choice */
  gboolean          has_level;
  TanluRegionLevel  level;
};

/* Units renamed without a change of code, which the registry keeps under
 * their current name only. */
static const struct
{
  const char *name_zh;
  guint       code;
  guint       year;  /* the first year under the new name */
} former_names[] = {
  { "淮阴", 320800, 2001 },
  { "思茅", 530800, 2007 },
  { "襄樊", 420600, 2010 },
};

/* The names in autonomous regions' and prefectures' full names that name
 * their peoples (广西壮族自治区, 阿坝藏族羌族自治州). */
static const char * const peoples[] = {
  "维吾尔", "柯尔克孜", "哈萨克", "蒙古族", "蒙古", "土家族", "布依族", "哈尼族", "景颇族",
  "傈僳族", "朝鲜族", "壮族", "回族", "藏族", "羌族", "彝族", "苗族", "侗族", "傣族", "白族",
};

typedef struct
{
  const char       *suffix;
  gboolean          implies_level;
  TanluRegionLevel  level;
  gboolean          peoples;
} Suffix;

/* Longest first; the forms are normalised (case-folded, no spaces). */
static const Suffix suffixes[] = {
  { "特别行政区", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "specialadministrativeregion", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "autonomousprefecture", TRUE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "autonomousregion", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "municipality", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "prefecture", TRUE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "province", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "city", FALSE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "sar", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "自治区", TRUE, TANLU_REGION_LEVEL_PROVINCE, TRUE },
  { "自治州", TRUE, TANLU_REGION_LEVEL_CITY, TRUE },
  { "地区", TRUE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "省", TRUE, TANLU_REGION_LEVEL_PROVINCE, FALSE },
  { "市", FALSE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "盟", TRUE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "州", TRUE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "县", FALSE, TANLU_REGION_LEVEL_CITY, FALSE },
  { "区", FALSE, TANLU_REGION_LEVEL_CITY, FALSE },
};

static const char * const total_rows[] = {
  "合计", "总计", "小计", "全省", "全市", "全区", "全国", "全省合计", "全市合计", "全国合计",
  "total", "sum", "subtotal", "grandtotal", "all", "overall",
};

static const char * const total_suffixes[] = { "合计", "总计", "小计" };

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_free (choice->text);
  g_free (choice);
}

static char *
nfkc_trimmed (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  if (nfkc == NULL)
    return g_strdup ("");

  return g_strstrip (g_steal_pointer (&nfkc));
}

/**
 * tanlu_region_normalize:
 * @text: a region's name or code as a table writes it, UTF-8
 *
 * Returns: (transfer full): @text in the form the matcher compares: NFKC
 *   (full-width letters, digits and spaces made ASCII), case-folded,
 *   without spaces, apostrophes, hyphens or middle dots, ü read as u;
 *   empty for text that is not valid UTF-8
 */
char *
tanlu_region_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *normal;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (nfkc, -1);
  normal = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '\'' || c == 0x2018 || c == 0x2019 || c == '-' ||
          c == 0x00B7 || c == 0x30FB || c == 0x2022)
        continue;
      if (c == 0x00FC)
        c = 'u';
      g_string_append_unichar (normal, c);
    }

  return g_string_free (normal, FALSE);
}

/* An English name without its qualifier: "suzhou(anhui)" → "suzhou". */
static char *
without_parenthesis (const char *normal)
{
  const char *open = strchr (normal, '(');

  if (open == NULL || open == normal)
    return NULL;

  return g_strndup (normal, open - normal);
}

static gboolean
is_long_enough (const char *text)
{
  return g_utf8_strlen (text, -1) >= 2;
}

/* @normal without one suffix; %NULL when it has none. */
static char *
strip_suffix (const char       *normal,
              gboolean         *implies_level,
              TanluRegionLevel *level)
{
  gsize length = strlen (normal);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize suffix_length = strlen (suffixes[i].suffix);
      g_autofree char *stem = NULL;
      gboolean stripped = TRUE;

      if (length <= suffix_length || !g_str_has_suffix (normal, suffixes[i].suffix))
        continue;

      stem = g_strndup (normal, length - suffix_length);
      while (suffixes[i].peoples && stripped)
        {
          stripped = FALSE;
          for (guint k = 0; k < G_N_ELEMENTS (peoples); k++)
            {
              gsize stem_length = strlen (stem);
              gsize people_length = strlen (peoples[k]);

              if (stem_length > people_length && g_str_has_suffix (stem, peoples[k]))
                {
                  stem[stem_length - people_length] = '\0';
                  stripped = TRUE;
                  break;
                }
            }
        }

      if (!is_long_enough (stem))
        return NULL;

      *implies_level = suffixes[i].implies_level;
      *level = suffixes[i].level;
      return g_steal_pointer (&stem);
    }

  return NULL;
}

/* A GB/T 2260 code, also as "510000.0" or the 12-digit statistical form. */
static guint
parse_code (const char *trimmed)
{
  gsize digits = 0;
  guint64 value;

  while (g_ascii_isdigit (trimmed[digits]))
    digits++;

  if (digits == 6)
    {
      const char *rest = trimmed + 6;

      if (*rest == '.')
        {
          rest++;
          if (*rest == '\0')
            return 0;
          while (*rest == '0')
            rest++;
        }
      if (*rest != '\0')
        return 0;
    }
  else if (digits == 12 && trimmed[12] == '\0')
    {
      if (!g_str_has_suffix (trimmed, "000000"))
        return 0;
    }
  else
    return 0;

  value = g_ascii_strtoull (trimmed, NULL, 10);
  if (digits == 12)
    value /= 1000000;

  return TANLU_REGION_CODE_IS_VALID (value) ? (guint) value : 0;
}

static gboolean
is_total_row (const char *normal)
{
  g_autofree char *bare = g_strdup (normal);
  gsize length = strlen (bare);

  while (length > 0 && (bare[length - 1] == ':' || bare[length - 1] == '.'))
    bare[--length] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (total_rows); i++)
    if (g_str_equal (bare, total_rows[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (total_suffixes); i++)
    if (g_str_has_suffix (bare, total_suffixes[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_municipality (TanluRegion *region)
{
  return tanlu_region_get_level (region) == TANLU_REGION_LEVEL_PROVINCE &&
         g_str_has_suffix (tanlu_region_get_full_name_zh (region), "市");
}

static void
index_add (TanluRegionMatcher     *self,
           const char             *name,
           TanluRegion            *region,
           TanluRegionMatchMethod  method,
           gboolean                weak,
           gint                    former)
{
  g_autofree char *key = NULL;
  GPtrArray *entries;
  Entry *entry;

  if (name == NULL || *name == '\0')
    return;

  key = tanlu_region_normalize (name);
  if (*key == '\0')
    return;

  entries = g_hash_table_lookup (self->index, key);
  if (entries == NULL)
    {
      entries = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->index, g_strdup (key), entries);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *known = g_ptr_array_index (entries, i);

      if (known->region == region)
        {
          known->weak = known->weak && weak;
          return;
        }
    }

  entry = g_new0 (Entry, 1);
  entry->region = region;
  entry->method = method;
  entry->weak = weak;
  entry->former = former;
  g_ptr_array_add (entries, entry);
}

static void
build_index (TanluRegionMatcher *self)
{
  GListModel *model = tanlu_store_get_regions (self->store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TanluRegion) region = g_list_model_get_item (model, i);
      TanluRegion *parent;
      const char *name_en;
      g_autofree char *normal_en = NULL;
      g_autofree char *bare_en = NULL;
      gboolean weak = FALSE;

      if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
        continue;

      g_ptr_array_add (self->regions, region);

      /* A municipality's districts (北京 110100) share its name. */
      parent = tanlu_store_lookup_region (self->store, tanlu_region_get_parent_code (region));
      if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_CITY && parent != NULL &&
          is_municipality (parent) &&
          g_strcmp0 (tanlu_region_get_name_zh (parent), tanlu_region_get_name_zh (region)) == 0)
        weak = TRUE;

      index_add (self, tanlu_region_get_name_zh (region), region, TANLU_REGION_MATCH_BY_NAME,
                 weak, -1);
      index_add (self, tanlu_region_get_full_name_zh (region), region, TANLU_REGION_MATCH_BY_NAME,
                 FALSE, -1);

      /* The registry's names without their suffix (锡林郭勒 for 锡林郭勒盟),
       * except those of a municipality's districts and counties (北京市县),
       * which would read as the municipality. */
      if (!weak && (parent == NULL || !is_municipality (parent)))
        {
          const char *names[] = { tanlu_region_get_name_zh (region),
                                  tanlu_region_get_full_name_zh (region) };

          for (guint k = 0; k < G_N_ELEMENTS (names); k++)
            {
              g_autofree char *normal = names[k] != NULL ? tanlu_region_normalize (names[k]) : NULL;
              g_autofree char *stem = NULL;
              gboolean implies_level;
              TanluRegionLevel level;

              if (normal != NULL)
                stem = strip_suffix (normal, &implies_level, &level);
              index_add (self, stem, region, TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX, TRUE, -1);
            }
        }

      name_en = tanlu_region_get_name_en (region);
      if (name_en == NULL)
        continue;
      index_add (self, name_en, region, TANLU_REGION_MATCH_BY_ENGLISH_NAME, weak, -1);
      normal_en = tanlu_region_normalize (name_en);
      bare_en = without_parenthesis (normal_en);
      index_add (self, bare_en, region, TANLU_REGION_MATCH_BY_ENGLISH_NAME, TRUE, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (former_names); i++)
    {
      TanluRegion *region = tanlu_store_lookup_region (self->store, former_names[i].code);
      g_autofree char *city = NULL;

      if (region == NULL)
        continue;

      city = g_strconcat (former_names[i].name_zh, "市", NULL);
      index_add (self, former_names[i].name_zh, region, TANLU_REGION_MATCH_BY_FORMER_NAME, FALSE, i);
      index_add (self, city, region, TANLU_REGION_MATCH_BY_FORMER_NAME, FALSE, i);
    }
}

typedef gboolean (*EntryFilter) (Entry   *entry,
                                 gpointer data);

/* Keeps the entries @filter accepts, unless that would leave none. */
static void
prefer (GPtrArray   *entries,
        EntryFilter  filter,
        gpointer     data)
{
  guint kept = 0;

  for (guint i = 0; i < entries->len; i++)
    if (filter (g_ptr_array_index (entries, i), data))
      kept++;

  if (kept == 0 || kept == entries->len)
    return;

  for (guint i = entries->len; i > 0; i--)
    if (!filter (g_ptr_array_index (entries, i - 1), data))
      g_ptr_array_remove_index (entries, i - 1);
}

static gboolean
filter_year (Entry    *entry,
             gpointer  data)
{
  return tanlu_region_is_valid_in (entry->region, GPOINTER_TO_UINT (data));
}

static gboolean
filter_child_of (Entry    *entry,
                 gpointer  data)
{
  return tanlu_region_get_parent_code (entry->region) == GPOINTER_TO_UINT (data);
}

static gboolean
filter_code (Entry    *entry,
             gpointer  data)
{
  return tanlu_region_get_code (entry->region) == GPOINTER_TO_UINT (data);
}

static gboolean
filter_level (Entry    *entry,
              gpointer  data)
{
  return tanlu_region_get_level (entry->region) == (TanluRegionLevel) GPOINTER_TO_UINT (data);
}

static gboolean
filter_strong (Entry    *entry,
               gpointer  data)
{
  return !entry->weak;
}

static gboolean
filter_current (Entry    *entry,
                gpointer  data)
{
  return tanlu_region_is_current (entry->region);
}

static TanluRegionMatch *
match_new (const char           *text,
           TanluRegionMatchKind  kind)
{
  TanluRegionMatch *match = g_new0 (TanluRegionMatch, 1);

  match->text = g_strdup (text);
  match->kind = kind;
  match->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  match->suggestions = g_array_new (FALSE, FALSE, sizeof (guint));
  return match;
}

static guint
change_year (TanluStore *store,
             guint       old_code)
{
  g_autoptr(GPtrArray) changes = tanlu_store_list_region_changes (store, old_code);

  for (guint i = 0; i < changes->len; i++)
    {
      TanluRegionChange *change = g_ptr_array_index (changes, i);

      if (change->old_code == old_code && change->kind == TANLU_REGION_RENAMED_CODE)
        return change->year;
    }

  return 0;
}

static const char *
region_name (TanluStore *store,
             guint       code)
{
  TanluRegion *region = tanlu_store_lookup_region (store, code);

  return region != NULL ? tanlu_region_get_name_zh (region) : "?";
}

static void
explain (TanluRegionMatcher *self,
         TanluRegionMatch   *match,
         Entry              *entry,
         guint               year)
{
  switch (match->method)
    {
    case TANLU_REGION_MATCH_BY_CODE:
      match->explanation = g_strdup (_("code"));
      break;

    case TANLU_REGION_MATCH_BY_NAME:
      match->explanation = g_strdup (_("name"));
      break;

    case TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX:
      match->explanation = g_strdup (_("name without suffix"));
      break;

    case TANLU_REGION_MATCH_BY_ENGLISH_NAME:
      match->explanation = g_strdup (_("English name"));
      break;

    case TANLU_REGION_MATCH_BY_CHOICE:
      match->explanation = g_strdup (_("remembered choice"));
      break;

    case TANLU_REGION_MATCH_BY_FORMER_NAME:
      {
        guint renamed = former_names[entry->former].year;
        const char *former = former_names[entry->former].name_zh;
        const char *current = region_name (self->store, match->code);

        /* Translators: a region's old name, its new name and the year of the change */
        if (year != 0 && year >= renamed)
          match->explanation = g_strdup_printf (_("former name %s → %s (%u), no longer in use in %u"),
                                                former, current, renamed, year);
        else
          match->explanation = g_strdup_printf (_("former name %s → %s (%u)"),
                                                former, current, renamed);
      }
      break;

    case TANLU_REGION_MATCH_BY_FORMER_CODE:
    case TANLU_REGION_MATCH_BY_NONE:
    default:
      break;
    }
}

static gint
compare_codes (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Steps 4 and 6 of the rules at the top; %NULL when nothing fits. */
static TanluRegionMatch *
match_name (TanluRegionMatcher *self,
            const char         *text,
            const char         *normal,
            guint               parent_hint,
            guint               year)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(TanluRegionMatch) match = NULL;
  g_autofree char *stem = NULL;
  GPtrArray *found = g_hash_table_lookup (self->index, normal);
  gboolean implies_level = FALSE;
  TanluRegionLevel level = TANLU_REGION_LEVEL_CITY;
  gboolean stripped = FALSE;
  Entry *first = NULL;

  if (found == NULL)
    {
      stem = strip_suffix (normal, &implies_level, &level);
      if (stem != NULL)
        found = g_hash_table_lookup (self->index, stem);
      stripped = found != NULL;
    }
  if (found == NULL)
    return NULL;

  g_ptr_array_extend (entries, found, NULL, NULL);

  if (year != 0)
    prefer (entries, filter_year, GUINT_TO_POINTER (year));
  if (parent_hint != 0)
    {
      prefer (entries, filter_child_of, GUINT_TO_POINTER (parent_hint));
      prefer (entries, filter_code, GUINT_TO_POINTER (parent_hint));
    }
  if (stripped && implies_level)
    prefer (entries, filter_level, GUINT_TO_POINTER (level));
  else if (self->has_level)
    prefer (entries, filter_level, GUINT_TO_POINTER (self->level));
  prefer (entries, filter_strong, NULL);
  if (year == 0)
    prefer (entries, filter_current, NULL);

  match = match_new (text, TANLU_REGION_MATCH_MATCHED);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      guint code = tanlu_store_get_current_code (self->store,
                                                 tanlu_region_get_code (entry->region));
      gboolean known = FALSE;

      if (tanlu_store_lookup_region (self->store, code) == NULL)
        code = tanlu_region_get_code (entry->region);
      for (guint k = 0; k < match->candidates->len && !known; k++)
        known = g_array_index (match->candidates, guint, k) == code;
      if (known)
        continue;
      g_array_append_val (match->candidates, code);
      if (first == NULL)
        first = entry;
    }

  if (match->candidates->len > 1)
    {
      g_array_sort (match->candidates, compare_codes);
      match->kind = TANLU_REGION_MATCH_AMBIGUOUS;
      match->method = stripped ? TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX : first->method;
      return g_steal_pointer (&match);
    }

  match->code = g_array_index (match->candidates, guint, 0);
  g_array_set_size (match->candidates, 0);
  match->method = first->method;
  if (stripped && match->method == TANLU_REGION_MATCH_BY_NAME)
    match->method = TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX;
  explain (self, match, first, year);
  return g_steal_pointer (&match);
}

/* The registry's unit at @level whose name @normal starts with, longest
 * first, leaving at least two characters. */
static TanluRegion *
match_prefix (TanluRegionMatcher *self,
              const char         *normal,
              TanluRegionLevel    level,
              guint               parent_hint,
              gsize              *length)
{
  TanluRegion *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (self->regions, i);
      const char *names[] = { tanlu_region_get_full_name_zh (region),
                              tanlu_region_get_name_zh (region) };

      if (tanlu_region_get_level (region) != level)
        continue;
      if (parent_hint != 0 && level == TANLU_REGION_LEVEL_CITY &&
          tanlu_region_get_parent_code (region) != parent_hint)
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *name = names[k] != NULL ? tanlu_region_normalize (names[k]) : NULL;
          gsize name_length = name != NULL ? strlen (name) : 0;

          if (name_length == 0 || !g_str_has_prefix (normal, name) ||
              !is_long_enough (normal + name_length))
            continue;
          if (name_length > best_length ||
              (name_length == best_length && best != NULL && !tanlu_region_is_current (best) &&
               tanlu_region_is_current (region)))
            {
              best = region;
              best_length = name_length;
            }
        }
    }

  *length = best_length;
  return best;
}

static gboolean
is_county_name (const char *normal)
{
  if (g_str_has_suffix (normal, "地区") || g_str_has_suffix (normal, "自治区") ||
      g_str_has_suffix (normal, "特别行政区"))
    return FALSE;

  return g_str_has_suffix (normal, "县") || g_str_has_suffix (normal, "区") ||
         g_str_has_suffix (normal, "旗") || g_str_has_suffix (normal, "county") ||
         g_str_has_suffix (normal, "district");
}

static TanluRegionMatch *
match_county (TanluRegionMatcher *self,
              const char         *text,
              const char         *normal,
              guint               parent_hint)
{
  g_autoptr(TanluRegionMatch) match = NULL;
  TanluRegion *prefecture;
  gsize length;

  prefecture = match_prefix (self, normal, TANLU_REGION_LEVEL_CITY, parent_hint, &length);
  if (prefecture == NULL && parent_hint != 0)
    prefecture = match_prefix (self, normal, TANLU_REGION_LEVEL_CITY, 0, &length);

  if (prefecture == NULL && !is_county_name (normal))
    return NULL;
  if (prefecture != NULL && !is_county_name (normal) && !g_str_has_suffix (normal, "市"))
    return NULL;

  match = match_new (text, TANLU_REGION_MATCH_BELOW_REGISTRY);
  if (prefecture != NULL)
    match->prefecture_code = tanlu_store_get_current_code (self->store,
                                                           tanlu_region_get_code (prefecture));
  match->method = TANLU_REGION_MATCH_BY_NAME;
  match->explanation = g_strdup (_("a county or district, below the prefecture-level units of the registry"));
  return g_steal_pointer (&match);
}

static TanluRegionMatch *
match_code (TanluRegionMatcher *self,
            const char         *text,
            guint               code)
{
  g_autoptr(TanluRegionMatch) match = NULL;
  TanluRegion *region = tanlu_store_lookup_region (self->store, code);
  guint current = tanlu_store_get_current_code (self->store, code);
  guint prefecture = code / 100 * 100;

  if (current != code && tanlu_store_lookup_region (self->store, current) != NULL)
    {
      guint year = change_year (self->store, code);

      match = match_new (text, TANLU_REGION_MATCH_MATCHED);
      match->code = current;
      match->method = TANLU_REGION_MATCH_BY_FORMER_CODE;
      if (year != 0)
        /* Translators: an old region code, the code that replaced it and the year */
        match->explanation = g_strdup_printf (_("former code %u → %u (%u)"), code, current, year);
      else
        match->explanation = g_strdup_printf (_("former code %u → %u"), code, current);
      return g_steal_pointer (&match);
    }

  if (region != NULL && tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    {
      match = match_new (text, TANLU_REGION_MATCH_MATCHED);
      match->code = code;
      match->method = TANLU_REGION_MATCH_BY_CODE;
      match->explanation = g_strdup (_("code"));
      return g_steal_pointer (&match);
    }

  if (code % 100 != 0 && tanlu_store_lookup_region (self->store, code / 10000 * 10000) != NULL)
    {
      match = match_new (text, TANLU_REGION_MATCH_BELOW_REGISTRY);
      match->method = TANLU_REGION_MATCH_BY_CODE;
      if (tanlu_store_lookup_region (self->store, prefecture) != NULL)
        match->prefecture_code = tanlu_store_get_current_code (self->store, prefecture);
      match->explanation = g_strdup (_("a county-level code, below the prefecture-level units of the registry"));
      return g_steal_pointer (&match);
    }

  match = match_new (text, TANLU_REGION_MATCH_NOT_FOUND);
  match->method = TANLU_REGION_MATCH_BY_CODE;
  match->explanation = g_strdup (_("a code the region registry does not hold"));
  return g_steal_pointer (&match);
}

/* The edit distance between two strings, in characters. */
static guint
edit_distance (const char *a,
               const char *b)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong n = g_utf8_strlen (a, -1);
  glong m = g_utf8_strlen (b, -1);
  g_autofree guint *row = g_new (guint, m + 1);
  guint result;

  for (glong j = 0; j <= m; j++)
    row[j] = j;
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          best = MIN (best, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
          diagonal = above;
          row[j] = best;
        }
    }

  result = row[m];
  return result;
}

static guint
shared_prefix (const char *a,
               const char *b)
{
  guint n = 0;

  while (*a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      n++;
    }

  return n;
}

typedef struct
{
  guint    code;
  gboolean same_parent;
  guint    distance;
  guint    prefix;
  gboolean current;
} Suggestion;

static gint
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *x = a;
  const Suggestion *y = b;

  if (x->same_parent != y->same_parent)
    return x->same_parent ? -1 : 1;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->prefix != y->prefix)
    return x->prefix > y->prefix ? -1 : 1;
  if (x->current != y->current)
    return x->current ? -1 : 1;

  return compare_codes (&x->code, &y->code);
}

static void
suggest (TanluRegionMatcher *self,
         TanluRegionMatch   *match,
         const char         *normal,
         guint               parent_hint)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  gboolean implies_level;
  TanluRegionLevel level;
  g_autofree char *stem = strip_suffix (normal, &implies_level, &level);
  const char *queries[] = { normal, stem };

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (self->regions, i);
      g_autofree char *name_zh = tanlu_region_normalize (tanlu_region_get_name_zh (region));
      const char *english = tanlu_region_get_name_en (region);
      g_autofree char *name_en = tanlu_region_normalize (english != NULL ? english : "");
      g_autofree char *bare_en = without_parenthesis (name_en);
      const char *names[] = { name_zh, bare_en != NULL ? bare_en : name_en };
      Suggestion suggestion = { 0, };
      gboolean fits = FALSE;

      suggestion.distance = G_MAXUINT;
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        for (guint k = 0; k < G_N_ELEMENTS (names); k++)
          {
            guint length;
            guint distance;

            if (queries[q] == NULL || *names[k] == '\0')
              continue;
            length = MAX (g_utf8_strlen (names[k], -1), g_utf8_strlen (queries[q], -1));
            distance = edit_distance (queries[q], names[k]);
            /* Chinese names are short, and one wrong character of two is
             * a typo; English names take a third. */
            if (distance >= length ||
                distance > MAX (1, length / (g_str_is_ascii (names[k]) ? 3 : 2)))
              continue;
            fits = TRUE;
            if (distance < suggestion.distance)
              {
                suggestion.distance = distance;
                suggestion.prefix = shared_prefix (queries[q], names[k]);
              }
          }
      if (!fits)
        continue;

      suggestion.code = tanlu_store_get_current_code (self->store, tanlu_region_get_code (region));
      if (tanlu_store_lookup_region (self->store, suggestion.code) == NULL)
        suggestion.code = tanlu_region_get_code (region);
      suggestion.same_parent = parent_hint != 0 &&
                               tanlu_region_get_parent_code (region) == parent_hint;
      suggestion.current = tanlu_region_is_current (region);
      g_array_append_val (found, suggestion);
    }

  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && match->suggestions->len < MAX_SUGGESTIONS; i++)
    {
      guint code = g_array_index (found, Suggestion, i).code;
      gboolean known = FALSE;

      for (guint k = 0; k < match->suggestions->len && !known; k++)
        known = g_array_index (match->suggestions, guint, k) == code;
      if (!known)
        g_array_append_val (match->suggestions, code);
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * tanlu_region_match_free:
 */
void
tanlu_region_match_free (TanluRegionMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->text);
  g_free (match->explanation);
  g_clear_pointer (&match->candidates, g_array_unref);
  g_clear_pointer (&match->suggestions, g_array_unref);
  g_free (match);
}

/**
 * tanlu_region_match_kind_to_string:
 *
 * Returns: a stable name for @kind, for files and logs
 */
const char *
tanlu_region_match_kind_to_string (TanluRegionMatchKind kind)
{
  switch (kind)
    {
    case TANLU_REGION_MATCH_MATCHED:
      return "matched";
    case TANLU_REGION_MATCH_AMBIGUOUS:
      return "ambiguous";
    case TANLU_REGION_MATCH_NOT_FOUND:
      return "not_found";
    case TANLU_REGION_MATCH_TOTAL_ROW:
      return "total_row";
    case TANLU_REGION_MATCH_BELOW_REGISTRY:
      return "below_registry";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tanlu_region_matcher_new:
 * @store: the database whose registry the names are matched against
 *
 * Builds the index of the registry's names, once per import.
 *
 * Returns: (transfer full): a matcher
 */
TanluRegionMatcher *
tanlu_region_matcher_new (TanluStore *store)
{
  TanluRegionMatcher *self;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  self = g_new0 (TanluRegionMatcher, 1);
  self->store = g_object_ref (store);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->regions = g_ptr_array_new ();
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, choice_free);
  build_index (self);
  return self;
}

void
tanlu_region_matcher_free (TanluRegionMatcher *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

/**
 * tanlu_region_matcher_set_preferred_level:
 *
 * Makes names that fit units of several levels (吉林, 北京) prefer @level,
 * as a table of provinces or of cities does, unless the text's suffix
 * implies another.
 */
void
tanlu_region_matcher_set_preferred_level (TanluRegionMatcher *self,
                                          TanluRegionLevel    level)
{
  g_return_if_fail (self != NULL);

  self->has_level = TRUE;
  self->level = level;
}

void
tanlu_region_matcher_clear_preferred_level (TanluRegionMatcher *self)
{
  g_return_if_fail (self != NULL);

  self->has_level = FALSE;
}

/**
 * tanlu_region_matcher_match:
 * @text: a cell naming a region: a name in Chinese or English, or a code
 * @parent_hint: 0, or the province the row belongs to (from a province
 *   column or the sheet)
 * @year: 0, or the year of the row's figures, which picks the unit valid
 *   then among units of the same name
 *
 * Matches @text by the rules at the top of this file.
 *
 * Returns: (transfer full): the match
 */
TanluRegionMatch *
tanlu_region_matcher_match (TanluRegionMatcher *self,
                            const char         *text,
                            guint               parent_hint,
                            guint               year)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;
  TanluRegionMatch *match;
  Choice *choice;
  TanluRegion *province;
  gsize length;
  guint code;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  normal = tanlu_region_normalize (text);
  if (*normal == '\0')
    return match_new (text, TANLU_REGION_MATCH_NOT_FOUND);

  choice = g_hash_table_lookup (self->choices, normal);
  if (choice != NULL)
    {
      match = match_new (text, TANLU_REGION_MATCH_MATCHED);
      match->code = choice->code;
      match->method = TANLU_REGION_MATCH_BY_CHOICE;
      explain (self, match, NULL, year);
      return match;
    }

  trimmed = nfkc_trimmed (text);
  code = parse_code (trimmed);
  if (code != 0)
    return match_code (self, text, code);

  if (is_total_row (normal))
    {
      match = match_new (text, TANLU_REGION_MATCH_TOTAL_ROW);
      match->explanation = g_strdup (_("total row"));
      return match;
    }

  match = match_name (self, text, normal, parent_hint, year);
  if (match != NULL)
    return match;

  /* 四川成都, 四川省宜宾市长宁县: the province first. */
  province = match_prefix (self, normal, TANLU_REGION_LEVEL_PROVINCE, 0, &length);
  if (province != NULL)
    {
      guint code_hint = tanlu_region_get_code (province);

      match = match_name (self, text, normal + length, code_hint, year);
      if (match == NULL)
        match = match_county (self, text, normal + length, code_hint);
      if (match != NULL)
        return match;
    }

  match = match_county (self, text, normal, parent_hint);
  if (match != NULL)
    return match;

  match = match_new (text, TANLU_REGION_MATCH_NOT_FOUND);
  suggest (self, match, normal, parent_hint);
  return match;
}

/**
 * tanlu_region_matcher_remember:
 * @text: a cell's text as the table writes it
 * @code: the unit the user chose for it, or 0 to forget the choice
 *
 * Makes @text match @code from now on, before any other rule. Texts that
 * normalise the same (“成都 ” and “成都”) share a choice.
 */
void
tanlu_region_matcher_remember (TanluRegionMatcher *self,
                               const char         *text,
                               guint               code)
{
  g_autofree char *normal = NULL;
  Choice *choice;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  normal = tanlu_region_normalize (text);
  if (*normal == '\0')
    return;

  if (code == 0)
    {
      g_hash_table_remove (self->choices, normal);
      return;
    }

  choice = g_new0 (Choice, 1);
  choice->text = nfkc_trimmed (text);
  choice->code = code;
  g_hash_table_replace (self->choices, g_steal_pointer (&normal), choice);
}

/**
 * tanlu_region_matcher_save_choices:
 *
 * Returns: (transfer full): the remembered choices as a JSON object
 *   `{"text": code}`, for a recipe file
 */
JsonObject *
tanlu_region_matcher_save_choices (TanluRegionMatcher *self)
{
  g_autoptr(GList) values = NULL;
  JsonObject *object;

  g_return_val_if_fail (self != NULL, NULL);

  object = json_object_new ();
  values = g_hash_table_get_values (self->choices);
  for (GList *l = values; l != NULL; l = l->next)
    {
      Choice *choice = l->data;

      json_object_set_int_member (object, choice->text, choice->code);
    }

  return object;
}

/**
 * tanlu_region_matcher_load_choices:
 * @choices: `{"text": code}`, as tanlu_region_matcher_save_choices()
 *   writes; a code may also be a string of digits
 *
 * Remembers each choice of @choices. Nothing is remembered when one of
 * them is not a unit of the registry.
 *
 * Returns: whether the choices were read
 */
gboolean
tanlu_region_matcher_load_choices (TanluRegionMatcher  *self,
                                   JsonObject          *choices,
                                   GError             **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (choices != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  members = json_object_get_members (choices);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *text = l->data;
      JsonNode *node = json_object_get_member (choices, text);
      gint64 value = -1;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        value = json_node_get_int (node);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          guint64 parsed;

          if (g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXUINT,
                                          &parsed, NULL))
            value = (gint64) parsed;
        }

      if (value < 0 || !TANLU_REGION_CODE_IS_VALID (value))
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                       _("The remembered region for “%s” is not a region code"), text);
          return FALSE;
        }
      if (tanlu_store_lookup_region (self->store, (guint) value) == NULL)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                       _("The remembered region for “%s” is %u, which the region registry does not hold"),
                       text, (guint) value);
          return FALSE;
        }
      {
        guint code = (guint) value;

        g_array_append_val (codes, code);
      }
    }

  {
    guint i = 0;

    for (GList *l = members; l != NULL; l = l->next, i++)
      tanlu_region_matcher_remember (self, l->data, g_array_index (codes, guint, i));
  }

  return TRUE;
}
