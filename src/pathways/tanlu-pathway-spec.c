/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tanlu-pathway-spec.h"
#include "import/tanlu-input.h"

/* What a planner saves of a pathway: the region, where it inherits its
 * levers from, and the keyframes it sets itself. Everything else (the base
 * year, the drivers' values, the presets' rates) comes from the database
 * when the pathway is run, so a saved pathway follows newer data. */

struct _TanluPathwaySpec
{
  gint64   id;
  char    *name;
  char    *region;
  char    *parent;
  char    *notes;
  guint    end_year;
  char    *gdp_series;
  char    *population_series;
  GArray  *levers[TANLU_N_LEVERS];   /* TanluKeyframe by year; NULL when not set */
};

G_DEFINE_BOXED_TYPE (TanluPathwaySpec, tanlu_pathway_spec, tanlu_pathway_spec_ref,
                     tanlu_pathway_spec_unref)
G_DEFINE_QUARK (tanlu-pathway-error-quark, tanlu_pathway_error)

static const char * const lever_keys[TANLU_LEVER_SECTOR_FIRST] = {
  [TANLU_LEVER_GDP_GROWTH] = "gdp_growth_pct",
  [TANLU_LEVER_INTENSITY_CHANGE] = "co2_intensity_change_pct",
  [TANLU_LEVER_EMISSIONS] = "co2_mt",
  [TANLU_LEVER_REMOVALS] = "removals_mt",
};

/* Sector groups' levers are written "co2_intensity_change_pct.<group>". */
static char *sector_lever_keys[TANLU_N_SECTOR_GROUPS];

static void
spec_clear (TanluPathwaySpec *self)
{
  g_free (self->name);
  g_free (self->region);
  g_free (self->parent);
  g_free (self->notes);
  g_free (self->gdp_series);
  g_free (self->population_series);
  for (guint i = 0; i < TANLU_N_LEVERS; i++)
    g_clear_pointer (&self->levers[i], g_array_unref);
}

TanluPathwaySpec *
tanlu_pathway_spec_new (const char *name,
                        const char *region)
{
  TanluPathwaySpec *self = g_atomic_rc_box_new0 (TanluPathwaySpec);

  self->name = g_strdup (name);
  self->region = g_strdup (region);

  return self;
}

TanluPathwaySpec *
tanlu_pathway_spec_ref (TanluPathwaySpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
tanlu_pathway_spec_unref (TanluPathwaySpec *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) spec_clear);
}

/**
 * tanlu_pathway_spec_copy:
 *
 * Returns: (transfer full): a copy to edit, with the same id
 */
TanluPathwaySpec *
tanlu_pathway_spec_copy (const TanluPathwaySpec *self)
{
  TanluPathwaySpec *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = tanlu_pathway_spec_new (self->name, self->region);
  copy->id = self->id;
  copy->parent = g_strdup (self->parent);
  copy->notes = g_strdup (self->notes);
  copy->end_year = self->end_year;
  copy->gdp_series = g_strdup (self->gdp_series);
  copy->population_series = g_strdup (self->population_series);
  for (guint i = 0; i < TANLU_N_LEVERS; i++)
    if (self->levers[i] != NULL)
      copy->levers[i] = g_array_copy (self->levers[i]);

  return copy;
}

static gboolean
keyframes_equal (const GArray *a,
                 const GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->len != b->len)
    return FALSE;

  /* Field by field: a keyframe's padding is not part of it. */
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, TanluKeyframe, i).year != g_array_index (b, TanluKeyframe, i).year ||
        g_array_index (a, TanluKeyframe, i).value != g_array_index (b, TanluKeyframe, i).value)
      return FALSE;

  return TRUE;
}

/**
 * tanlu_pathway_spec_equal:
 *
 * Returns: whether @a and @b would save the same, ids aside
 */
gboolean
tanlu_pathway_spec_equal (const TanluPathwaySpec *a,
                          const TanluPathwaySpec *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->region, b->region) != 0 ||
      g_strcmp0 (a->parent, b->parent) != 0 || g_strcmp0 (a->notes, b->notes) != 0 ||
      a->end_year != b->end_year || g_strcmp0 (a->gdp_series, b->gdp_series) != 0 ||
      g_strcmp0 (a->population_series, b->population_series) != 0)
    return FALSE;

  for (guint i = 0; i < TANLU_N_LEVERS; i++)
    if (!keyframes_equal (a->levers[i], b->levers[i]))
      return FALSE;

  return TRUE;
}

gint64
tanlu_pathway_spec_get_id (const TanluPathwaySpec *self)
{
  return self->id;
}

void
tanlu_pathway_spec_set_id (TanluPathwaySpec *self,
                           gint64            id)
{
  self->id = id;
}

#define STRING_PROPERTY(field)                                                                     \
  const char *tanlu_pathway_spec_get_##field (const TanluPathwaySpec *self)                        \
  {                                                                                                \
    return self->field;                                                                            \
  }                                                                                                \
  void tanlu_pathway_spec_set_##field (TanluPathwaySpec *self, const char *field)                  \
  {                                                                                                \
    char *old = self->field;                                                                       \
    self->field = (field != NULL && *field != '\0') ? g_strdup (field) : NULL;                     \
    g_free (old);                                                                                  \
  }

STRING_PROPERTY (name)
STRING_PROPERTY (region)
STRING_PROPERTY (parent)
STRING_PROPERTY (notes)
STRING_PROPERTY (gdp_series)
STRING_PROPERTY (population_series)

#undef STRING_PROPERTY

/**
 * tanlu_pathway_spec_get_end_year:
 *
 * Returns: the last year, or 0 when the spec does not set it (it is then
 *   its parent's, or %TANLU_PATHWAY_DEFAULT_END_YEAR)
 */
guint
tanlu_pathway_spec_get_end_year (const TanluPathwaySpec *self)
{
  return self->end_year;
}

void
tanlu_pathway_spec_set_end_year (TanluPathwaySpec *self,
                                 guint             end_year)
{
  self->end_year = end_year;
}

/**
 * tanlu_pathway_spec_get_keyframes:
 *
 * Returns: (transfer none) (nullable) (element-type TanluKeyframe): the
 *   lever's keyframes by year, or %NULL when the spec does not set it
 */
const GArray *
tanlu_pathway_spec_get_keyframes (const TanluPathwaySpec *self,
                                  TanluLever              lever)
{
  g_return_val_if_fail (lever < TANLU_N_LEVERS, NULL);

  return self->levers[lever];
}

gboolean
tanlu_pathway_spec_get_keyframe (const TanluPathwaySpec *self,
                                 TanluLever              lever,
                                 guint                   year,
                                 double                 *value)
{
  const GArray *keyframes = tanlu_pathway_spec_get_keyframes (self, lever);

  for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
    if (g_array_index (keyframes, TanluKeyframe, i).year == year)
      {
        *value = g_array_index (keyframes, TanluKeyframe, i).value;
        return TRUE;
      }

  return FALSE;
}

void
tanlu_pathway_spec_set_keyframe (TanluPathwaySpec *self,
                                 TanluLever        lever,
                                 guint             year,
                                 double            value)
{
  TanluKeyframe keyframe = { year, value };
  GArray *keyframes;
  guint i;

  g_return_if_fail (lever < TANLU_N_LEVERS);

  if (self->levers[lever] == NULL)
    self->levers[lever] = g_array_new (FALSE, FALSE, sizeof (TanluKeyframe));
  keyframes = self->levers[lever];

  for (i = 0; i < keyframes->len; i++)
    {
      TanluKeyframe *existing = &g_array_index (keyframes, TanluKeyframe, i);

      if (existing->year == year)
        {
          existing->value = value;
          return;
        }
      if (existing->year > year)
        break;
    }

  g_array_insert_val (keyframes, i, keyframe);
}

gboolean
tanlu_pathway_spec_remove_keyframe (TanluPathwaySpec *self,
                                    TanluLever        lever,
                                    guint             year)
{
  GArray *keyframes;

  g_return_val_if_fail (lever < TANLU_N_LEVERS, FALSE);

  keyframes = self->levers[lever];
  for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
    if (g_array_index (keyframes, TanluKeyframe, i).year == year)
      {
        g_array_remove_index (keyframes, i);
        if (keyframes->len == 0)
          g_clear_pointer (&self->levers[lever], g_array_unref);
        return TRUE;
      }

  return FALSE;
}

void
tanlu_pathway_spec_clear_lever (TanluPathwaySpec *self,
                                TanluLever        lever)
{
  g_return_if_fail (lever < TANLU_N_LEVERS);

  g_clear_pointer (&self->levers[lever], g_array_unref);
}

/**
 * tanlu_pathway_spec_overlay:
 * @self: the parent's levers, resolved
 * @child: a pathway inheriting from it
 *
 * Makes @self what @child means: its name, region and notes, its end year
 * and drivers where it sets them, and each keyframe it sets replacing or
 * joining the parent's keyframes of that lever.
 */
void
tanlu_pathway_spec_overlay (TanluPathwaySpec       *self,
                            const TanluPathwaySpec *child)
{
  tanlu_pathway_spec_set_name (self, child->name);
  tanlu_pathway_spec_set_region (self, child->region);
  tanlu_pathway_spec_set_notes (self, child->notes);
  tanlu_pathway_spec_set_parent (self, child->parent);
  self->id = child->id;
  if (child->end_year != 0)
    self->end_year = child->end_year;
  if (child->gdp_series != NULL)
    tanlu_pathway_spec_set_gdp_series (self, child->gdp_series);
  if (child->population_series != NULL)
    tanlu_pathway_spec_set_population_series (self, child->population_series);

  for (guint lever = 0; lever < TANLU_N_LEVERS; lever++)
    for (guint i = 0; child->levers[lever] != NULL && i < child->levers[lever]->len; i++)
      {
        const TanluKeyframe *keyframe = &g_array_index (child->levers[lever], TanluKeyframe, i);

        tanlu_pathway_spec_set_keyframe (self, lever, keyframe->year, keyframe->value);
      }
}

/* ------------------------------------------------------------------------ */

static void
ensure_sector_lever_keys (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < TANLU_N_SECTOR_GROUPS; i++)
        sector_lever_keys[i] =
          g_strconcat (lever_keys[TANLU_LEVER_INTENSITY_CHANGE], ".",
                       tanlu_sector_group_to_string (i), NULL);
      g_once_init_leave (&initialized, 1);
    }
}

const char *
tanlu_lever_to_string (TanluLever lever)
{
  g_return_val_if_fail (lever < TANLU_N_LEVERS, NULL);

  if (lever < TANLU_LEVER_SECTOR_FIRST)
    return lever_keys[lever];

  ensure_sector_lever_keys ();
  return sector_lever_keys[lever - TANLU_LEVER_SECTOR_FIRST];
}

/**
 * tanlu_lever_get_path:
 *
 * Returns: (transfer full): where the lever is written in a spec, such as
 *   "levers.gdp_growth_pct" or
 *   "levers.sectors.industry.co2_intensity_change_pct", for messages
 */
char *
tanlu_lever_get_path (TanluLever lever)
{
  g_return_val_if_fail (lever < TANLU_N_LEVERS, NULL);

  if (lever < TANLU_LEVER_SECTOR_FIRST)
    return g_strconcat ("levers.", lever_keys[lever], NULL);

  return g_strdup_printf ("levers.sectors.%s.%s",
                          tanlu_sector_group_to_string (lever - TANLU_LEVER_SECTOR_FIRST),
                          lever_keys[TANLU_LEVER_INTENSITY_CHANGE]);
}

/**
 * tanlu_lever_is_rate:
 *
 * Returns: whether the lever is a yearly rate (held before its first
 *   keyframe) rather than an amount (starting from the base year)
 */
gboolean
tanlu_lever_is_rate (TanluLever lever)
{
  return lever != TANLU_LEVER_EMISSIONS && lever != TANLU_LEVER_REMOVALS;
}

/**
 * tanlu_lever_check_value:
 *
 * Returns: whether @value may be given to @lever: a rate above −100 % a
 *   year, an amount of zero or more, and below 10⁶ either way
 */
gboolean
tanlu_lever_check_value (TanluLever lever,
                         double     value)
{
  if (!isfinite (value) || fabs (value) >= 1e6)
    return FALSE;

  if (tanlu_lever_is_rate (lever))
    return lever >= TANLU_LEVER_SECTOR_FIRST || value > -100;

  return value >= 0;
}

char *
tanlu_lever_get_name (TanluLever lever,
                      gboolean   chinese)
{
  g_return_val_if_fail (lever < TANLU_N_LEVERS, NULL);

  if (lever == TANLU_LEVER_GDP_GROWTH)
    return g_strdup (chinese ? "GDP 增速" : "GDP growth");
  if (lever == TANLU_LEVER_INTENSITY_CHANGE)
    return g_strdup (chinese ? "碳排放强度变化（全地区）" : "CO₂ intensity change (whole region)");
  if (lever == TANLU_LEVER_EMISSIONS)
    return g_strdup (chinese ? "二氧化碳排放量（直接给定）" : "CO₂ emissions (given directly)");
  if (lever == TANLU_LEVER_REMOVALS)
    return g_strdup (chinese ? "碳移除与捕集" : "CO₂ removals and capture");

  return g_strdup_printf (chinese ? "强度变化调整：%s" : "Intensity adjustment: %s",
                          tanlu_sector_group_get_name (lever - TANLU_LEVER_SECTOR_FIRST, chinese));
}

/**
 * tanlu_lever_get_unit:
 *
 * Returns: "%" for rates, "pp" (percentage points) for the sector groups'
 *   adjustments, "Mt CO₂" for amounts
 */
const char *
tanlu_lever_get_unit (TanluLever lever)
{
  if (!tanlu_lever_is_rate (lever))
    return "Mt CO₂";

  return lever >= TANLU_LEVER_SECTOR_FIRST ? "pp" : "%";
}

/**
 * tanlu_keyframes_rate_at:
 * @keyframes: (element-type TanluKeyframe): keyframes by year, at least one
 *
 * Returns: the rate in @year: interpolated linearly between keyframes,
 *   held before the first and after the last
 */
double
tanlu_keyframes_rate_at (const GArray *keyframes,
                         guint         year)
{
  const TanluKeyframe *k = (const TanluKeyframe *) keyframes->data;
  guint n = keyframes->len;

  g_return_val_if_fail (n > 0, 0);

  if (year <= k[0].year)
    return k[0].value;
  if (year >= k[n - 1].year)
    return k[n - 1].value;

  for (guint i = 1; i < n; i++)
    if (year <= k[i].year)
      {
        double t = (double) (year - k[i - 1].year) / (k[i].year - k[i - 1].year);

        return k[i - 1].value + t * (k[i].value - k[i - 1].value);
      }

  return k[n - 1].value;
}

/* ------------------------------------------------------------------------ */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID, message);

  return FALSE;
}

static char *
node_text (JsonNode *node)
{
  g_autofree char *text = tanlu_input_write_json (node, FALSE);

  return tanlu_input_quote (text, -1);
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *where,
            char       **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *text = node_text (node);

      return invalid (error, _("“%s%s” must be text, not %s"), where, member, text);
    }

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
parse_year (const char *text,
            guint      *year)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, TANLU_PATHWAY_MIN_YEAR, TANLU_PATHWAY_MAX_YEAR,
                                   &value, NULL))
    return FALSE;

  *year = value;
  return TRUE;
}

static gboolean
read_lever (TanluPathwaySpec  *spec,
            TanluLever         lever,
            JsonNode          *node,
            const char        *where,
            GError           **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (json_node_get_object (node)) == 0)
    {
      g_autofree char *text = node_text (node);

      return invalid (error,
                      _("“%s” must give values at years, such as {\"2020\": 6.0, \"2030\": 4.5}, "
                        "not %s"),
                      where, text);
    }

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_autofree char *quoted = tanlu_input_quote (member, -1);
      double number;
      guint year;

      if (!parse_year (member, &year))
        return invalid (error,
                        _("“%s”: “%s” is not a year from %d to %d"), where, quoted,
                        TANLU_PATHWAY_MIN_YEAR, TANLU_PATHWAY_MAX_YEAR);

      if (!JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_DOUBLE &&
           json_node_get_value_type (value) != G_TYPE_INT64))
        {
          g_autofree char *text = node_text (value);

          return invalid (error, _("“%s.%s” must be a number, not %s"), where, member, text);
        }

      number = json_node_get_double (value);
      if (!tanlu_lever_check_value (lever, number))
        {
          if (tanlu_lever_is_rate (lever))
            return invalid (error,
                            _("“%s.%s” is %g %% a year; a rate must be above −100 %% a year "
                              "(and below a million)"),
                            where, member, number);
          return invalid (error,
                          _("“%s.%s” is %g Mt; an amount must be zero or more (and below a "
                            "million)"),
                          where, member, number);
        }

      tanlu_pathway_spec_set_keyframe (spec, lever, year, number);
    }

  return TRUE;
}

static gboolean
read_levers (TanluPathwaySpec  *spec,
             JsonNode          *node,
             gboolean           in_sectors,
             GError           **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, in_sectors ? _("“levers.sectors” must be an object of sector groups")
                                      : _("“levers” must be an object of levers"));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_autofree char *where = NULL;
      g_autofree char *quoted = tanlu_input_quote (member, -1);
      gboolean found = FALSE;

      if (in_sectors)
        {
          TanluSectorGroup group;
          JsonObject *levers;
          JsonNode *rate;

          if (!tanlu_sector_group_from_string (member, &group))
            {
              g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_LEVER,
                           _("“levers.sectors”: there is no sector group “%s”; the groups are "
                             "power_heat, industry, transport, buildings_services, households "
                             "and agriculture_other"),
                           quoted);
              return FALSE;
            }

          where = g_strdup_printf ("levers.sectors.%s", member);
          if (!JSON_NODE_HOLDS_OBJECT (value))
            return invalid (error, _("“%s” must be an object such as "
                                     "{\"co2_intensity_change_pct\": {\"2025\": -1.0}}"),
                            where);

          levers = json_node_get_object (value);
          if (json_object_get_size (levers) != 1 ||
              !(rate = json_object_get_member (levers, "co2_intensity_change_pct")))
            {
              g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_LEVER,
                           _("“%s”: a sector group has one lever, co2_intensity_change_pct"),
                           where);
              return FALSE;
            }

          g_free (where);
          where = g_strdup_printf ("levers.sectors.%s.co2_intensity_change_pct", member);
          if (!read_lever (spec, TANLU_LEVER_FOR_SECTOR (group), rate, where, error))
            return FALSE;
          continue;
        }

      if (g_str_equal (member, "sectors"))
        {
          if (!read_levers (spec, value, TRUE, error))
            return FALSE;
          continue;
        }

      where = g_strdup_printf ("levers.%s", member);
      for (guint lever = 0; lever < TANLU_LEVER_SECTOR_FIRST; lever++)
        if (g_str_equal (member, lever_keys[lever]))
          {
            if (!read_lever (spec, lever, value, where, error))
              return FALSE;
            found = TRUE;
          }

      if (!found)
        {
          g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_UNKNOWN_LEVER,
                       _("“levers”: there is no lever “%s”; the levers are gdp_growth_pct, "
                         "co2_intensity_change_pct, co2_mt, removals_mt and sectors"),
                       quoted);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_members (JsonObject          *object,
               const char          *where,
               const char * const  *allowed,
               GError             **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_strv_contains (allowed, member))
      {
        g_autofree char *quoted = tanlu_input_quote (member, -1);
        g_autofree char *list = g_strjoinv (", ", (char **) allowed);

        return invalid (error, _("%s: there is no field “%s”; the fields are %s"), where, quoted,
                        list);
      }

  return TRUE;
}

/**
 * tanlu_pathway_spec_new_from_json:
 * @display_name: (nullable): the file's name, for messages
 *
 * Reads a pathway in Tanlu's interchange format:
 *
 * |[
 * {"region": "510000", "name": "Sichuan – faster", "end_year": 2060,
 *  "parent": "targets", "notes": "…",
 *  "drivers": {"gdp": "gdp", "population": "population"},
 *  "levers": {"gdp_growth_pct": {"2020": 6.0, "2030": 4.5, "2060": 2.0},
 *             "co2_intensity_change_pct": {"2020": -3.0, "2060": -10.0},
 *             "removals_mt": {"2060": 20},
 *             "sectors": {"industry": {"co2_intensity_change_pct": {"2025": -1.5}}}}}
 * ]|
 *
 * Only "region" is required. Years and values are checked here; whether
 * the region exists, the keyframes lie after its base year and the parent
 * exists is checked when the pathway is run.
 *
 * Returns: (transfer full) (nullable): the spec
 */
TanluPathwaySpec *
tanlu_pathway_spec_new_from_json (const char  *json,
                                  gssize       length,
                                  const char  *display_name,
                                  GError     **error)
{
  static const char * const fields[] = {
    "region", "name", "end_year", "parent", "notes", "drivers", "levers", NULL,
  };
  static const char * const driver_fields[] = { "gdp", "population", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name = display_name != NULL ? display_name : _("The pathway spec");
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (json != NULL, NULL);

  if (length < 0)
    length = strlen (json);

  if (!tanlu_input_check_json (json, length, display_name, 1, TANLU_INPUT_MAX_JSON_DEPTH,
                               &local_error) ||
      !json_parser_load_from_data (parser, json, length, &local_error))
    {
      /* json-glib may cut a quoted token inside a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_SYNTAX,
                   _("%s is not valid JSON: %s"), name, message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("%s must be a JSON object with a “region”"), name);
      return NULL;
    }

  root = json_node_get_object (node);
  spec = tanlu_pathway_spec_new (NULL, NULL);

  if (!check_members (root, name, fields, error))
    return NULL;

  node = json_object_get_member (root, "region");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    spec->region = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (!get_string (root, "region", "", &spec->region, error))
    return NULL;

  if (spec->region == NULL || *spec->region == '\0')
    {
      invalid (error, _("%s names no “region”: give a region code such as \"510000\" or a "
                        "group such as \"sichuan-chongqing\""),
               name);
      return NULL;
    }

  if (!get_string (root, "name", "", &spec->name, error) ||
      !get_string (root, "parent", "", &spec->parent, error) ||
      !get_string (root, "notes", "", &spec->notes, error))
    return NULL;

  if (spec->name != NULL && (*spec->name == '\0' || g_utf8_strlen (spec->name, -1) > 200))
    {
      invalid (error, _("“name” must have from 1 to 200 characters"));
      return NULL;
    }

  if ((node = json_object_get_member (root, "end_year")) != NULL)
    {
      double year = JSON_NODE_HOLDS_VALUE (node) &&
                        (json_node_get_value_type (node) == G_TYPE_INT64 ||
                         json_node_get_value_type (node) == G_TYPE_DOUBLE)
                      ? json_node_get_double (node)
                      : NAN;

      if (!(year >= TANLU_PATHWAY_MIN_YEAR && year <= TANLU_PATHWAY_MAX_YEAR) ||
          year != floor (year))
        {
          g_autofree char *text = node_text (node);

          invalid (error, _("“end_year” is %s; it must be a year up to %d"), text,
                   TANLU_PATHWAY_MAX_YEAR);
          return NULL;
        }
      spec->end_year = year;
    }

  if ((node = json_object_get_member (root, "drivers")) != NULL)
    {
      JsonObject *drivers;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          invalid (error, _("“drivers” must be an object such as {\"gdp\": \"gdp\"}"));
          return NULL;
        }

      drivers = json_node_get_object (node);
      if (!check_members (drivers, "“drivers”", driver_fields, error) ||
          !get_string (drivers, "gdp", "drivers.", &spec->gdp_series, error) ||
          !get_string (drivers, "population", "drivers.", &spec->population_series, error))
        return NULL;
    }

  if ((node = json_object_get_member (root, "levers")) != NULL &&
      !read_levers (spec, node, FALSE, error))
    return NULL;

  return g_steal_pointer (&spec);
}

static void
add_lever (JsonBuilder  *builder,
           const GArray *keyframes)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < keyframes->len; i++)
    {
      const TanluKeyframe *keyframe = &g_array_index (keyframes, TanluKeyframe, i);
      char year[16];

      g_snprintf (year, sizeof year, "%u", keyframe->year);
      json_builder_set_member_name (builder, year);
      json_builder_add_double_value (builder, keyframe->value);
    }
  json_builder_end_object (builder);
}

/**
 * tanlu_pathway_spec_to_json:
 *
 * Returns: (transfer full): the spec in the interchange format, which
 *   tanlu_pathway_spec_new_from_json() reads back unchanged
 */
char *
tanlu_pathway_spec_to_json (const TanluPathwaySpec *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean any_sector = FALSE;

  json_builder_begin_object (builder);

#define ADD_STRING(member, value)                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if ((value) != NULL)                                                                           \
      {                                                                                            \
        json_builder_set_member_name (builder, member);                                            \
        json_builder_add_string_value (builder, value);                                            \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

  ADD_STRING ("region", self->region);
  ADD_STRING ("name", self->name);
  if (self->end_year != 0)
    {
      json_builder_set_member_name (builder, "end_year");
      json_builder_add_int_value (builder, self->end_year);
    }
  ADD_STRING ("parent", self->parent);
  ADD_STRING ("notes", self->notes);

  if (self->gdp_series != NULL || self->population_series != NULL)
    {
      json_builder_set_member_name (builder, "drivers");
      json_builder_begin_object (builder);
      ADD_STRING ("gdp", self->gdp_series);
      ADD_STRING ("population", self->population_series);
      json_builder_end_object (builder);
    }

#undef ADD_STRING

  json_builder_set_member_name (builder, "levers");
  json_builder_begin_object (builder);
  for (guint lever = 0; lever < TANLU_LEVER_SECTOR_FIRST; lever++)
    if (self->levers[lever] != NULL)
      {
        json_builder_set_member_name (builder, lever_keys[lever]);
        add_lever (builder, self->levers[lever]);
      }

  for (guint group = 0; group < TANLU_N_SECTOR_GROUPS; group++)
    {
      const GArray *keyframes = self->levers[TANLU_LEVER_FOR_SECTOR (group)];

      if (keyframes == NULL)
        continue;

      if (!any_sector)
        {
          json_builder_set_member_name (builder, "sectors");
          json_builder_begin_object (builder);
          any_sector = TRUE;
        }

      json_builder_set_member_name (builder, tanlu_sector_group_to_string (group));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "co2_intensity_change_pct");
      add_lever (builder, keyframes);
      json_builder_end_object (builder);
    }
  if (any_sector)
    json_builder_end_object (builder);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return tanlu_input_write_json (root, TRUE);
}
