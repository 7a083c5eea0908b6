/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-region"

#include "config.h"

#include "tanlu-region.h"
#include "tanlu-locale.h"
#include "tanlu-store-enums.h"

#include <string.h>

struct _TanluRegion
{
  GObject           parent_instance;

  char             *key;
  char             *name_zh;
  char             *name_en;
  char             *description_zh;
  char             *description_en;
  char             *search_text;
  char             *full_name_zh;
  GArray           *member_codes;
  guint             valid_from;
  guint             valid_to;
  double            longitude;
  double            latitude;
  guint             code;
  guint             parent_code;
  TanluRegionLevel  level;
  guint             has_centroid : 1;
};

G_DEFINE_FINAL_TYPE (TanluRegion, tanlu_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_CODE,
  PROP_LEVEL,
  PROP_PARENT_CODE,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const level_names[] = {
  [TANLU_REGION_LEVEL_NATION] = "nation",
  [TANLU_REGION_LEVEL_PROVINCE] = "province",
  [TANLU_REGION_LEVEL_CITY] = "city",
  [TANLU_REGION_LEVEL_GROUP] = "group",
};

/* ------------------------------------------------------------------------ */

static void
tanlu_region_finalize (GObject *object)
{
  TanluRegion *self = (TanluRegion *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name_zh, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->full_name_zh, g_free);
  g_clear_pointer (&self->member_codes, g_array_unref);

  G_OBJECT_CLASS (tanlu_region_parent_class)->finalize (object);
}

static void
tanlu_region_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TanluRegion *self = TANLU_REGION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_CODE:
      g_value_set_uint (value, self->code);
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;

    case PROP_PARENT_CODE:
      g_value_set_uint (value, self->parent_code);
      break;

    case PROP_NAME_ZH:
      g_value_set_string (value, self->name_zh);
      break;

    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, tanlu_region_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_region_class_init (TanluRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_region_finalize;
  object_class->get_property = tanlu_region_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_uint ("code", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL,
                       TANLU_TYPE_REGION_LEVEL, TANLU_REGION_LEVEL_NATION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_CODE] =
    g_param_spec_uint ("parent-code", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_region_init (TanluRegion *self)
{
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_region_new:
 * @key: the identifier used on the command line and in settings: the code
 *   as text for regions, a name such as "chengdu-chongqing" for groups
 * @code: the GB/T 2260 code, 0 for groups
 *
 * Regions are immutable values shared between the store and views.
 *
 * Returns: (transfer full): a new region
 */
TanluRegion *
tanlu_region_new (const char       *key,
                  guint             code,
                  TanluRegionLevel  level,
                  guint             parent_code,
                  const char       *name_zh,
                  const char       *name_en)
{
  TanluRegion *self;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (name_zh != NULL, NULL);
  g_return_val_if_fail (name_en != NULL, NULL);

  self = g_object_new (TANLU_TYPE_REGION, NULL);
  self->key = g_strdup (key);
  self->code = code;
  self->level = level;
  self->parent_code = parent_code;
  self->name_zh = g_strdup (name_zh);
  self->name_en = g_strdup (name_en);

  joined = g_strdup_printf ("%s %s %s", key, name_zh, name_en);
  self->search_text = g_utf8_casefold (joined, -1);

  return self;
}

const char *
tanlu_region_get_key (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return self->key;
}

guint
tanlu_region_get_code (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), 0);

  return self->code;
}

TanluRegionLevel
tanlu_region_get_level (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), TANLU_REGION_LEVEL_NATION);

  return self->level;
}

guint
tanlu_region_get_parent_code (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), 0);

  return self->parent_code;
}

const char *
tanlu_region_get_name_zh (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return self->name_zh;
}

const char *
tanlu_region_get_name_en (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return self->name_en;
}

/**
 * tanlu_region_get_display_name:
 *
 * Returns: the name in the language of the user interface
 */
const char *
tanlu_region_get_display_name (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return tanlu_locale_pick (self->name_zh, self->name_en);
}

/**
 * tanlu_region_get_description:
 *
 * Returns: (nullable): a note on how the region is defined, in the language
 *   of the user interface
 */
const char *
tanlu_region_get_description (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return tanlu_locale_pick (self->description_zh, self->description_en);
}

void
tanlu_region_set_description (TanluRegion *self,
                              const char  *description_zh,
                              const char  *description_en)
{
  g_return_if_fail (TANLU_IS_REGION (self));

  g_free (self->description_zh);
  self->description_zh = g_strdup (description_zh);
  g_free (self->description_en);
  self->description_en = g_strdup (description_en);
}

gboolean
tanlu_region_get_centroid (TanluRegion *self,
                           double      *longitude,
                           double      *latitude)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), FALSE);

  if (longitude != NULL)
    *longitude = self->longitude;
  if (latitude != NULL)
    *latitude = self->latitude;

  return self->has_centroid;
}

void
tanlu_region_set_centroid (TanluRegion *self,
                           double       longitude,
                           double       latitude)
{
  g_return_if_fail (TANLU_IS_REGION (self));

  self->longitude = longitude;
  self->latitude = latitude;
  self->has_centroid = TRUE;
}

/**
 * tanlu_region_get_member_codes:
 *
 * Returns: (array length=n_members) (nullable): the codes of a group's
 *   members, %NULL for other regions
 */
const guint *
tanlu_region_get_member_codes (TanluRegion *self,
                               guint       *n_members)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);
  g_return_val_if_fail (n_members != NULL, NULL);

  if (self->member_codes == NULL)
    {
      *n_members = 0;
      return NULL;
    }

  *n_members = self->member_codes->len;
  return (const guint *)(gpointer)self->member_codes->data;
}

void
tanlu_region_set_member_codes (TanluRegion *self,
                               const guint *codes,
                               guint        n_codes)
{
  g_return_if_fail (TANLU_IS_REGION (self));

  g_clear_pointer (&self->member_codes, g_array_unref);
  self->member_codes = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_codes);
  g_array_append_vals (self->member_codes, codes, n_codes);
}

/**
 * tanlu_region_matches:
 * @casefolded_query: text already passed through g_utf8_casefold()
 *
 * Returns: whether the code or either name contains @casefolded_query
 */
gboolean
tanlu_region_matches (TanluRegion *self,
                      const char  *casefolded_query)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), FALSE);

  if (casefolded_query == NULL || *casefolded_query == '\0')
    return TRUE;

  return strstr (self->search_text, casefolded_query) != NULL;
}

const char *
tanlu_region_level_to_string (TanluRegionLevel level)
{
  g_return_val_if_fail (level <= TANLU_REGION_LEVEL_GROUP, NULL);

  return level_names[level];
}

gboolean
tanlu_region_level_from_string (const char       *text,
                                TanluRegionLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    {
      if (g_strcmp0 (text, level_names[i]) == 0)
        {
          *level = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tanlu_region_get_full_name_zh:
 *
 * Returns: the official name, such as 恩施土家族苗族自治州 for 恩施; the
 *   short name when no other is known
 */
const char *
tanlu_region_get_full_name_zh (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), NULL);

  return self->full_name_zh != NULL ? self->full_name_zh : self->name_zh;
}

/**
 * tanlu_region_get_valid_from:
 *
 * Returns: the first year the code was in use, or 0 when it was before
 *   1997 (or is not known)
 */
guint
tanlu_region_get_valid_from (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), 0);

  return self->valid_from;
}

/**
 * tanlu_region_get_valid_to:
 *
 * Returns: the last year the code was in use, or 0 for a current one
 */
guint
tanlu_region_get_valid_to (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), 0);

  return self->valid_to;
}

gboolean
tanlu_region_is_current (TanluRegion *self)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), FALSE);

  return self->valid_to == 0;
}

gboolean
tanlu_region_is_valid_in (TanluRegion *self,
                          guint        year)
{
  g_return_val_if_fail (TANLU_IS_REGION (self), FALSE);

  return (self->valid_from == 0 || year >= self->valid_from) &&
         (self->valid_to == 0 || year <= self->valid_to);
}

void
tanlu_region_set_validity (TanluRegion *self,
                           const char  *full_name_zh,
                           guint        valid_from,
                           guint        valid_to)
{
  g_return_if_fail (TANLU_IS_REGION (self));

  g_free (self->full_name_zh);
  self->full_name_zh = g_strdup (full_name_zh);
  self->valid_from = valid_from;
  self->valid_to = valid_to;

  /* The official name finds it too. */
  if (full_name_zh != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s %s %s %s", self->key, self->name_zh,
                                                 self->name_en, full_name_zh);

      g_free (self->search_text);
      self->search_text = g_utf8_casefold (joined, -1);
    }
}
