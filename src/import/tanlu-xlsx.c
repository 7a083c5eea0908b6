/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "tanlu-xlsx"

#include "config.h"

#include "tanlu-xlsx.h"
#include "tanlu-input.h"
#include "tanlu-zip.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>

/* Bounds on what a hostile file can make us allocate or spend time on,
 * stated in the README: a part inflates to at most MAX_PART_SIZE, all the
 * parts read from one workbook to at most MAX_TOTAL_SIZE, a sheet holds at
 * most TANLU_XLSX_MAX_CELLS cells and the shared strings at most
 * MAX_STRINGS strings of MAX_STRINGS_SIZE bytes in all. Nothing is sized
 * from a size the file claims.
 */
#define MAX_FILE_SIZE     TANLU_INPUT_MAX_FILE_SIZE
#define MAX_PART_SIZE     (G_GINT64_CONSTANT (512) << 20)
#define MAX_TOTAL_SIZE    (G_GINT64_CONSTANT (1) << 30)
#define MAX_STRINGS       5000000
#define MAX_STRINGS_SIZE  (G_GINT64_CONSTANT (256) << 20)
#define MAX_QUOTED        40
#define MAX_MERGED        100000

#if LIBXML_VERSION >= 21200
typedef const xmlError TanluXmlError;
#else
typedef xmlError TanluXmlError;
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

G_DEFINE_QUARK (tanlu-xlsx-error-quark, tanlu_xlsx_error)

typedef struct
{
  char *name;
  char *part;   /* NULL when the relationships do not know the sheet's r:id */
} TanluXlsxSheetInfo;

/* Sheets point into the shared strings, so they share ownership of them
 * and outlive the workbook they came from.
 */
typedef struct
{
  GStringChunk *chunk;
  GPtrArray    *items;   /* (element-type utf8): borrowed from chunk */
} TanluXlsxStrings;

struct _TanluXlsx
{
  /* owned */
  GBytes           *bytes;
  char             *display_name;
  GHashTable       *parts;      /* tanlu_xlsx_part_key() of each entry → its index in the zip + 1 */
  GArray           *sheets;     /* TanluXlsxSheetInfo, in workbook order */
  TanluXlsxStrings *strings;
  TanluZip         *zip;

  /* How much has been inflated from the workbook, against MAX_TOTAL_SIZE. */
  GMutex            lock;
  guint64           inflated;
};

typedef struct
{
  guint row;
  guint first;
  guint n_cells;
} TanluSheetRow;

typedef struct
{
  guint first_row;
  guint first_column;
  guint last_row;
  guint last_column;
} TanluSheetMerge;

struct _TanluSheet
{
  /* owned */
  char             *name;
  GArray           *cells;    /* TanluCell, by row, then column */
  GArray           *rows;     /* TanluSheetRow, by row */
  GArray           *merged;   /* TanluSheetMerge, in the order of the file */
  GStringChunk     *text;     /* cell texts that are not shared strings */
  TanluXlsxStrings *strings;

  guint             max_row;
  guint             max_column;
};

/* State common to all part parsers; each parser's state starts with it. */
typedef struct
{
  /* borrowed */
  TanluXlsx        *xlsx;
  const char       *part;
  const char       *sheet_name;   /* for messages about worksheets, else NULL */
  xmlParserCtxtPtr  ctxt;

  /* owned */
  GError           *error;
  char             *xml_message;
  int               xml_line;
} TanluXlsxParse;

typedef struct
{
  TanluXlsxParse  parse;
  const char     *base_dir;
  GHashTable     *targets;          /* Id → part name */
  char           *office_document;
  char           *shared_strings;
} TanluXlsxRelsParse;

typedef struct
{
  TanluXlsxParse  parse;
  GArray         *sheets;
  guint           depth;
  gboolean        is_workbook;
  gboolean        in_sheets;
} TanluXlsxWorkbookParse;

typedef struct
{
  TanluXlsxParse    parse;
  TanluXlsxStrings *strings;
  GString          *text;
  guint64           size;
  guint             phonetic_depth;
  gboolean          in_item;
  gboolean          in_text;
} TanluXlsxStringsParse;

typedef enum
{
  CELL_KIND_NUMBER,
  CELL_KIND_SHARED,
  CELL_KIND_INLINE,
  CELL_KIND_STRING,
  CELL_KIND_BOOLEAN,
  CELL_KIND_ERROR,
} CellKind;

typedef struct
{
  TanluXlsxParse  parse;
  TanluSheet     *sheet;
  GString        *value;
  GString        *inline_text;
  gboolean        sorted;

  gboolean        in_sheet_data;
  gboolean        in_row;
  guint           row;
  guint           last_column;

  gboolean        in_cell;
  guint           cell_depth;
  guint           cell_row;
  guint           cell_column;
  CellKind        cell_kind;
  gboolean        has_value;
  gboolean        has_inline;
  gboolean        in_value;
  gboolean        in_inline;
  gboolean        in_inline_text;
  guint           phonetic_depth;
} TanluSheetParse;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
tanlu_xlsx_sheet_info_clear (gpointer data)
{
  TanluXlsxSheetInfo *info = data;

  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->part, g_free);
}

static void
tanlu_xlsx_strings_clear (gpointer data)
{
  TanluXlsxStrings *strings = data;

  g_clear_pointer (&strings->items, g_ptr_array_unref);
  g_clear_pointer (&strings->chunk, g_string_chunk_free);
}

static TanluXlsxStrings *
tanlu_xlsx_strings_new (void)
{
  TanluXlsxStrings *strings = g_atomic_rc_box_new0 (TanluXlsxStrings);

  strings->chunk = g_string_chunk_new (64 * 1024);
  strings->items = g_ptr_array_new ();

  return strings;
}

static void
tanlu_xlsx_strings_release (TanluXlsxStrings *strings)
{
  g_atomic_rc_box_release_full (strings, tanlu_xlsx_strings_clear);
}

/* A short, valid UTF-8 excerpt of file content, for messages. */
static char *
quote_text (const char *text,
            gsize       len)
{
  g_autofree char *valid = NULL;

  if (len <= MAX_QUOTED)
    return g_utf8_make_valid (text, len);

  valid = g_utf8_make_valid (text, MAX_QUOTED);
  return g_strconcat (valid, "…", NULL);
}

/* Zip entry names and relationship targets are compared as OPC part names:
 * case-insensitive and without a leading slash.  Some writers also use
 * backslashes.
 */
static char *
tanlu_xlsx_part_key (const char *name)
{
  char *key;

  while (*name == '/' || *name == '\\')
    name++;

  key = g_ascii_strdown (name, -1);
  g_strdelimit (key, "\\", '/');

  return key;
}

static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  if (unescaped != NULL)
    target = unescaped;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat (base_dir, target, NULL);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;

      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }

      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);

  return g_strjoinv ("/", (char **) path->pdata);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
static char *
rels_part_for (const char *part)
{
  const char *slash = strrchr (part, '/');

  if (slash == NULL)
    return g_strconcat ("_rels/", part, ".rels", NULL);

  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

static char *
dir_of_part (const char *part)
{
  const char *slash = strrchr (part, '/');

  if (slash == NULL)
    return g_strdup ("");

  return g_strndup (part, slash - part + 1);
}

static gboolean
attr_equal (const xmlChar *value,
            const xmlChar *end,
            const char    *expected)
{
  gsize len = end - value;

  return strlen (expected) == len && memcmp (value, expected, len) == 0;
}

static gboolean
str_has_suffix_len (const xmlChar *value,
                    const xmlChar *end,
                    const char    *suffix)
{
  gsize len = end - value;
  gsize suffix_len = strlen (suffix);

  return len >= suffix_len && memcmp (end - suffix_len, suffix, suffix_len) == 0;
}

/* SAX2 passes attributes as (localname, prefix, URI, value, end) quintuples. */
static const xmlChar **
find_attr (int             n_attributes,
           const xmlChar **attributes,
           const char     *name,
           gboolean        namespaced)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attr = attributes + 5 * i;

      if ((attr[2] != NULL) == namespaced && strcmp ((const char *) attr[0], name) == 0)
        return attr;
    }

  return NULL;
}

static char *
dup_attr (int             n_attributes,
          const xmlChar **attributes,
          const char     *name,
          gboolean        namespaced)
{
  const xmlChar **attr = find_attr (n_attributes, attributes, name, namespaced);

  if (attr == NULL)
    return NULL;

  return g_strndup ((const char *) attr[3], attr[4] - attr[3]);
}

static gboolean
parse_uint (const char *text,
            gsize       len,
            guint       max,
            guint      *value)
{
  guint64 result = 0;

  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;

      result = result * 10 + (text[i] - '0');
      if (result > max)
        return FALSE;
    }

  *value = result;
  return TRUE;
}

static gboolean
parse_reference_len (const char *ref,
                     gsize       len,
                     guint      *row,
                     guint      *column)
{
  guint col = 0;
  gsize i = 0;

  while (i < len && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z')
    {
      col = col * 26 + (ref[i] - 'A' + 1);
      i++;
    }

  if (i == 0 || col > TANLU_XLSX_MAX_COLUMN)
    return FALSE;

  /* Rows start at 1, and a leading zero is not a reference Excel writes. */
  if (i == len || ref[i] == '0')
    return FALSE;

  if (!parse_uint (ref + i, len - i, TANLU_XLSX_MAX_ROW, row))
    return FALSE;

  *column = col;
  return TRUE;
}

/* xsd:double as Excel writes it.  g_ascii_strtod() alone would also accept
 * hexadecimal, "inf" and "nan".
 */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr ("+-.eE \t\r\n", *p) == NULL)
        return FALSE;
    }

  *value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;

  return *end == '\0' && isfinite (*value);
}

static gboolean
is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    {
      if (!g_ascii_isspace (text->str[i]))
        return FALSE;
    }

  return TRUE;
}

static void
strip_text (GString *text)
{
  gsize start = 0;

  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  while (start < text->len && g_ascii_isspace (text->str[start]))
    start++;
  g_string_erase (text, 0, start);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads "_xHHHH_" at @p, the escape OOXML strings use for characters XML
 * cannot carry (and "_x005F_" for a literal underscore).
 */
static gboolean
read_escape (const char *p,
             const char *end,
             gunichar   *unit)
{
  gunichar value = 0;

  if (end - p < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_')
    return FALSE;

  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }

  *unit = value;
  return TRUE;
}

static void
decode_escapes (GString *text)
{
  const char *end = text->str + text->len;
  const char *in;
  char *out;

  if (strstr (text->str, "_x") == NULL)
    return;

  /* Decoding only shrinks the text, so it can happen in place. */
  in = out = text->str;
  while (in < end)
    {
      gunichar unit;
      gunichar low;

      if (!read_escape (in, end, &unit))
        {
          *out++ = *in++;
          continue;
        }

      if (unit >= 0xD800 && unit <= 0xDBFF && read_escape (in + 7, end, &low)
          && low >= 0xDC00 && low <= 0xDFFF)
        {
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          in += 7;
        }

      if (unit == 0 || !g_unichar_validate (unit))
        {
          *out++ = *in++;
          continue;
        }

      out += g_unichar_to_utf8 (unit, out);
      in += 7;
    }

  g_string_truncate (text, out - text->str);
}

/* ------------------------------------------------------------------------ */
/* Reading parts                                                            */
/* ------------------------------------------------------------------------ */

static void
tanlu_xlsx_set_zip_error (TanluXlsx     *self,
                          const GError  *zip_error,
                          GError       **error)
{
  if (g_error_matches (zip_error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_NOT_ZIP))
    g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_NOT_ZIP,
                 _("“%s” is not an Excel workbook (.xlsx): it is not a zip archive"),
                 self->display_name);
  else
    g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                 _("“%s” is damaged or truncated: %s"), self->display_name, zip_error->message);
}

/* Reads the zip's directory and indexes its entries by part name. */
static gboolean
tanlu_xlsx_list_parts (TanluXlsx  *self,
                       GError    **error)
{
  g_autoptr(GError) zip_error = NULL;

  if (!(self->zip = tanlu_zip_new (self->bytes, &zip_error)))
    {
      tanlu_xlsx_set_zip_error (self, zip_error, error);
      return FALSE;
    }

  for (guint i = 0; i < tanlu_zip_get_n_entries (self->zip); i++)
    {
      const char *name = tanlu_zip_get_entry_name (self->zip, i);
      g_autofree char *key = NULL;

      if (*name == '\0' || g_str_has_suffix (name, "/"))
        continue;

      /* Of entries with the same name, the first counts. */
      key = tanlu_xlsx_part_key (name);
      if (!g_hash_table_contains (self->parts, key))
        g_hash_table_insert (self->parts, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
    }

  return TRUE;
}

static gboolean
tanlu_xlsx_has_part (TanluXlsx  *self,
                     const char *part)
{
  g_autofree char *key = tanlu_xlsx_part_key (part);

  return g_hash_table_contains (self->parts, key);
}

static void
tanlu_xlsx_parse_fail (TanluXlsxParse *parse,
                       GError         *error)
{
  if (parse->error == NULL)
    parse->error = error;
  else
    g_error_free (error);

  xmlStopParser (parse->ctxt);
}

static void
tanlu_xlsx_parse_xml_fail (TanluXlsxParse *parse,
                           int             line,
                           const char     *message)
{
  if (parse->xml_message == NULL)
    {
      parse->xml_message = g_strchomp (g_strdup (message));
      parse->xml_line = line;
    }

  xmlStopParser (parse->ctxt);
}

static void
on_xml_error (void          *user_data,
              TanluXmlError *xml_error)
{
  TanluXlsxParse *parse = user_data;

  if (xml_error->level == XML_ERR_FATAL && parse->xml_message == NULL)
    {
      parse->xml_message =
        g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
      parse->xml_line = xml_error->line;
    }
}

/* No OOXML part has a DTD; refusing them rules out entity expansion and
 * external entities altogether.
 */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  TanluXlsxParse *parse = user_data;

  tanlu_xlsx_parse_xml_fail (parse, xmlSAX2GetLineNumber (parse->ctxt),
                             _("document type declarations are not allowed"));
}

static void
tanlu_xlsx_set_xml_error (TanluXlsxParse  *parse,
                          GError         **error)
{
  const char *message = parse->xml_message != NULL ? parse->xml_message : _("unknown error");

  if (parse->sheet_name != NULL)
    g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                 /* Translators: the last %s is the XML parser's (English) message */
                 _("“%s”, sheet “%s”: the sheet is not valid XML (line %d: %s)"),
                 parse->xlsx->display_name, parse->sheet_name, parse->xml_line, message);
  else
    g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                 /* Translators: the last %s is the XML parser's (English) message */
                 _("“%s” is damaged: the part “%s” is not valid XML (line %d: %s)"),
                 parse->xlsx->display_name, parse->part, parse->xml_line, message);
}

static gboolean
feed_parser (const char *data,
             gsize       length,
             gpointer    user_data)
{
  TanluXlsxParse *parse = user_data;

  xmlParseChunk (parse->ctxt, data, length, 0);

  return parse->error == NULL && parse->xml_message == NULL;
}

/* Streams one part from the zip through a SAX parser, without holding the
 * decompressed XML in memory.
 */
static gboolean
tanlu_xlsx_parse_part (TanluXlsx               *self,
                       const char              *part,
                       startElementNsSAX2Func   start_element,
                       endElementNsSAX2Func     end_element,
                       charactersSAXFunc        characters,
                       TanluXlsxParse          *parse,
                       GError                 **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autofree char *key = tanlu_xlsx_part_key (part);
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->parts, key));
  xmlSAXHandler sax = { 0, };
  guint64 size;
  gboolean over_budget;

  if (position == 0)
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_MISSING_PART,
                   _("“%s” is incomplete: the part “%s” is missing"),
                   self->display_name, part);
      return FALSE;
    }

  /* The directory's size is checked before anything is inflated, and the
   * inflater never passes on more than it. */
  size = tanlu_zip_get_entry_size (self->zip, position - 1);
  g_mutex_lock (&self->lock);
  over_budget = size > MAX_PART_SIZE || self->inflated + size > MAX_TOTAL_SIZE;
  if (!over_budget)
    self->inflated += size;
  g_mutex_unlock (&self->lock);
  if (over_budget)
    {
      g_autofree char *limit = g_format_size_full (size > MAX_PART_SIZE ? MAX_PART_SIZE : MAX_TOTAL_SIZE,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE,
                   size > MAX_PART_SIZE
                   ? _("“%s” is too large to read: the part “%s” holds more than %s")
                   : _("“%s” is too large to read: its parts hold more than %s in all"),
                   self->display_name, part, limit);
      return FALSE;
    }

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  sax.characters = characters;
  sax.ignorableWhitespace = characters;
  sax.internalSubset = on_internal_subset;
  sax.serror = on_xml_error;

  ctxt = xmlCreatePushParserCtxt (&sax, parse, NULL, 0, part);
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET);

  parse->xlsx = self;
  parse->part = part;
  parse->ctxt = ctxt;

  if (!tanlu_zip_read_entry (self->zip, position - 1, feed_parser, parse, &zip_error))
    {
      tanlu_xlsx_set_zip_error (self, zip_error, error);
      return FALSE;
    }

  if (parse->error == NULL && parse->xml_message == NULL)
    xmlParseChunk (ctxt, NULL, 0, 1);

  if (parse->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse->error));
      return FALSE;
    }

  if (parse->xml_message != NULL || !ctxt->wellFormed)
    {
      tanlu_xlsx_set_xml_error (parse, error);
      return FALSE;
    }

  return TRUE;
}

static void
tanlu_xlsx_parse_clear (TanluXlsxParse *parse)
{
  g_clear_error (&parse->error);
  g_clear_pointer (&parse->xml_message, g_free);
  parse->ctxt = NULL;
}

/* ------------------------------------------------------------------------ */
/* Relationships                                                            */
/* ------------------------------------------------------------------------ */

static void
on_rels_start_element (void           *user_data,
                       const xmlChar  *localname,
                       const xmlChar  *prefix,
                       const xmlChar  *uri,
                       int             n_namespaces,
                       const xmlChar **namespaces,
                       int             n_attributes,
                       int             n_defaulted,
                       const xmlChar **attributes)
{
  TanluXlsxRelsParse *self = user_data;
  const xmlChar **mode;
  const xmlChar **type;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;
  g_autofree char *part = NULL;

  if (strcmp ((const char *) localname, "Relationship") != 0)
    return;

  mode = find_attr (n_attributes, attributes, "TargetMode", FALSE);
  if (mode != NULL && attr_equal (mode[3], mode[4], "External"))
    return;

  id = dup_attr (n_attributes, attributes, "Id", FALSE);
  target = dup_attr (n_attributes, attributes, "Target", FALSE);
  if (id == NULL || target == NULL)
    return;

  part = resolve_target (self->base_dir, target);

  type = find_attr (n_attributes, attributes, "Type", FALSE);
  if (type != NULL && self->office_document == NULL
      && str_has_suffix_len (type[3], type[4], "/officeDocument"))
    self->office_document = g_strdup (part);
  if (type != NULL && self->shared_strings == NULL
      && str_has_suffix_len (type[3], type[4], "/sharedStrings"))
    self->shared_strings = g_strdup (part);

  if (!g_hash_table_contains (self->targets, id))
    g_hash_table_insert (self->targets, g_steal_pointer (&id), g_steal_pointer (&part));
}

static void
tanlu_xlsx_rels_parse_init (TanluXlsxRelsParse *self,
                            const char         *base_dir)
{
  memset (self, 0, sizeof *self);
  self->base_dir = base_dir;
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
tanlu_xlsx_rels_parse_clear (TanluXlsxRelsParse *self)
{
  tanlu_xlsx_parse_clear (&self->parse);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->office_document, g_free);
  g_clear_pointer (&self->shared_strings, g_free);
}

static gboolean
tanlu_xlsx_parse_rels (TanluXlsx           *self,
                       const char          *part,
                       TanluXlsxRelsParse  *rels,
                       GError             **error)
{
  return tanlu_xlsx_parse_part (self, part, on_rels_start_element, NULL, NULL, &rels->parse, error);
}

/* ------------------------------------------------------------------------ */
/* Workbook                                                                 */
/* ------------------------------------------------------------------------ */

static void
on_workbook_start_element (void           *user_data,
                           const xmlChar  *localname,
                           const xmlChar  *prefix,
                           const xmlChar  *uri,
                           int             n_namespaces,
                           const xmlChar **namespaces,
                           int             n_attributes,
                           int             n_defaulted,
                           const xmlChar **attributes)
{
  TanluXlsxWorkbookParse *self = user_data;
  TanluXlsxSheetInfo info = { NULL, NULL };

  self->depth++;

  if (self->depth == 1)
    {
      self->is_workbook = strcmp ((const char *) localname, "workbook") == 0;
      return;
    }

  if (self->depth == 2 && strcmp ((const char *) localname, "sheets") == 0)
    {
      self->in_sheets = TRUE;
      return;
    }

  if (!self->in_sheets || self->depth != 3 || strcmp ((const char *) localname, "sheet") != 0)
    return;

  info.name = dup_attr (n_attributes, attributes, "name", FALSE);
  if (info.name == NULL)
    {
      tanlu_xlsx_parse_fail (&self->parse,
                             g_error_new (TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                                          _("“%s” is damaged: a sheet has no name"),
                                          self->parse.xlsx->display_name));
      return;
    }

  /* Holds the r:id until the relationships resolve it to a part. */
  info.part = dup_attr (n_attributes, attributes, "id", TRUE);
  g_array_append_val (self->sheets, info);
}

static void
on_workbook_end_element (void          *user_data,
                         const xmlChar *localname,
                         const xmlChar *prefix,
                         const xmlChar *uri)
{
  TanluXlsxWorkbookParse *self = user_data;

  if (self->depth == 2)
    self->in_sheets = FALSE;

  self->depth--;
}

/* ------------------------------------------------------------------------ */
/* Shared strings                                                           */
/* ------------------------------------------------------------------------ */

static void
on_strings_start_element (void           *user_data,
                          const xmlChar  *localname,
                          const xmlChar  *prefix,
                          const xmlChar  *uri,
                          int             n_namespaces,
                          const xmlChar **namespaces,
                          int             n_attributes,
                          int             n_defaulted,
                          const xmlChar **attributes)
{
  TanluXlsxStringsParse *self = user_data;
  const char *name = (const char *) localname;

  if (!self->in_item)
    {
      if (strcmp (name, "si") == 0)
        {
          self->in_item = TRUE;
          g_string_truncate (self->text, 0);
        }
    }
  else if (strcmp (name, "rPh") == 0)
    {
      self->phonetic_depth++;
    }
  else if (strcmp (name, "t") == 0 && self->phonetic_depth == 0)
    {
      self->in_text = TRUE;
    }
}

static void
on_strings_end_element (void          *user_data,
                        const xmlChar *localname,
                        const xmlChar *prefix,
                        const xmlChar *uri)
{
  TanluXlsxStringsParse *self = user_data;
  const char *name = (const char *) localname;

  if (!self->in_item)
    return;

  if (strcmp (name, "si") == 0)
    {
      decode_escapes (self->text);
      self->size += self->text->len;
      if (self->strings->items->len >= MAX_STRINGS || self->size > MAX_STRINGS_SIZE)
        {
          g_autofree char *limit = g_format_size_full (MAX_STRINGS_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          tanlu_xlsx_parse_fail (&self->parse,
                                 g_error_new (TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE,
                                              _("“%s” is too large to read: its shared strings are "
                                                "more than %'u or more than %s"),
                                              self->parse.xlsx->display_name, MAX_STRINGS, limit));
          return;
        }
      g_ptr_array_add (
        self->strings->items,
        g_string_chunk_insert_len (self->strings->chunk, self->text->str, self->text->len));
      self->in_item = FALSE;
      self->in_text = FALSE;
      self->phonetic_depth = 0;
    }
  else if (strcmp (name, "rPh") == 0 && self->phonetic_depth > 0)
    {
      self->phonetic_depth--;
    }
  else if (strcmp (name, "t") == 0)
    {
      self->in_text = FALSE;
    }
}

static void
on_strings_characters (void          *user_data,
                       const xmlChar *ch,
                       int            len)
{
  TanluXlsxStringsParse *self = user_data;

  if (self->in_text)
    g_string_append_len (self->text, (const char *) ch, len);
}

/* ------------------------------------------------------------------------ */
/* Worksheets                                                               */
/* ------------------------------------------------------------------------ */

static void
tanlu_sheet_parse_fail (TanluSheetParse *self,
                        const char      *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
tanlu_sheet_parse_fail (TanluSheetParse *self,
                        const char      *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  tanlu_xlsx_parse_fail (&self->parse,
                         g_error_new_literal (TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT, message));
}

static void
tanlu_sheet_parse_start_row (TanluSheetParse  *self,
                             int               n_attributes,
                             const xmlChar   **attributes)
{
  const xmlChar **r = find_attr (n_attributes, attributes, "r", FALSE);
  guint row = 0;

  /* Row 0 does not exist, so it stands for "invalid" here. */
  if (r == NULL)
    row = self->row < TANLU_XLSX_MAX_ROW ? self->row + 1 : 0;
  else if (!parse_uint ((const char *) r[3], r[4] - r[3], TANLU_XLSX_MAX_ROW, &row))
    row = 0;

  if (row == 0)
    {
      g_autofree char *text = r != NULL ? quote_text ((const char *) r[3], r[4] - r[3])
                                        : g_strdup_printf ("%u", self->row + 1);

      tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”: “%s” is not a valid row number"),
                              self->parse.xlsx->display_name, self->parse.sheet_name, text);
      return;
    }

  self->in_row = TRUE;
  self->row = row;
  self->last_column = 0;
}

static void
tanlu_sheet_parse_start_cell (TanluSheetParse  *self,
                              int               n_attributes,
                              const xmlChar   **attributes)
{
  const xmlChar **r = find_attr (n_attributes, attributes, "r", FALSE);
  const xmlChar **t = find_attr (n_attributes, attributes, "t", FALSE);
  guint row = self->row;
  guint column;

  if (r != NULL)
    {
      if (!parse_reference_len ((const char *) r[3], r[4] - r[3], &row, &column))
        {
          g_autofree char *text = quote_text ((const char *) r[3], r[4] - r[3]);

          tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”: “%s” is not a valid cell reference"),
                                  self->parse.xlsx->display_name, self->parse.sheet_name, text);
          return;
        }
    }
  else if (self->last_column >= TANLU_XLSX_MAX_COLUMN)
    {
      tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”: row %u has more than %u columns"),
                              self->parse.xlsx->display_name, self->parse.sheet_name,
                              self->row, TANLU_XLSX_MAX_COLUMN);
      return;
    }
  else
    {
      column = self->last_column + 1;
    }

  if (t == NULL || attr_equal (t[3], t[4], "n"))
    self->cell_kind = CELL_KIND_NUMBER;
  else if (attr_equal (t[3], t[4], "s"))
    self->cell_kind = CELL_KIND_SHARED;
  else if (attr_equal (t[3], t[4], "inlineStr"))
    self->cell_kind = CELL_KIND_INLINE;
  /* "d" holds an ISO 8601 date as text; keeping the text loses nothing. */
  else if (attr_equal (t[3], t[4], "str") || attr_equal (t[3], t[4], "d"))
    self->cell_kind = CELL_KIND_STRING;
  else if (attr_equal (t[3], t[4], "b"))
    self->cell_kind = CELL_KIND_BOOLEAN;
  else if (attr_equal (t[3], t[4], "e"))
    self->cell_kind = CELL_KIND_ERROR;
  else
    {
      g_autofree char *ref = tanlu_cell_reference (row, column);
      g_autofree char *text = quote_text ((const char *) t[3], t[4] - t[3]);

      tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”, cell %s: unknown cell type “%s”"),
                              self->parse.xlsx->display_name, self->parse.sheet_name, ref, text);
      return;
    }

  self->in_cell = TRUE;
  self->cell_depth = 0;
  self->cell_row = row;
  self->cell_column = column;
  self->last_column = column;
  self->has_value = FALSE;
  self->has_inline = FALSE;
  self->in_value = FALSE;
  self->in_inline = FALSE;
  self->in_inline_text = FALSE;
  self->phonetic_depth = 0;
  g_string_truncate (self->value, 0);
  g_string_truncate (self->inline_text, 0);
}

static const char *
tanlu_sheet_parse_insert (TanluSheetParse *self,
                          const GString   *text)
{
  return g_string_chunk_insert_len (self->sheet->text, text->str, text->len);
}

static void
tanlu_sheet_parse_end_cell (TanluSheetParse *self)
{
  TanluSheet *sheet = self->sheet;
  TanluCell cell = { self->cell_row, self->cell_column, TANLU_CELL_EMPTY, 0.0, NULL };
  /* An empty <v/> in a typed cell carries no value, except for text. */
  gboolean has_value = self->has_value && !is_blank (self->value);
  guint index;

  switch (self->cell_kind)
    {
    case CELL_KIND_NUMBER:
      if (!has_value)
        break;

      cell.text = tanlu_sheet_parse_insert (self, self->value);
      if (!parse_number (cell.text, &cell.number))
        {
          g_autofree char *ref = tanlu_cell_reference (cell.row, cell.column);
          g_autofree char *text = quote_text (self->value->str, self->value->len);

          tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”, cell %s: “%s” is not a number"),
                                  self->parse.xlsx->display_name, self->parse.sheet_name, ref,
                                  text);
          return;
        }
      cell.type = TANLU_CELL_NUMBER;
      break;

    case CELL_KIND_SHARED:
      if (!has_value)
        break;

      if (!parse_uint (self->value->str, self->value->len, G_MAXUINT, &index)
          || index >= sheet->strings->items->len)
        {
          g_autofree char *ref = tanlu_cell_reference (cell.row, cell.column);
          g_autofree char *text = quote_text (self->value->str, self->value->len);

          tanlu_sheet_parse_fail (self,
                                  _("“%s”, sheet “%s”, cell %s: shared string “%s” does not exist "
                                    "(the workbook has %u)"),
                                  self->parse.xlsx->display_name, self->parse.sheet_name, ref, text,
                                  sheet->strings->items->len);
          return;
        }
      cell.type = TANLU_CELL_STRING;
      cell.text = g_ptr_array_index (sheet->strings->items, index);
      break;

    case CELL_KIND_INLINE:
      if (self->has_inline)
        {
          decode_escapes (self->inline_text);
          cell.type = TANLU_CELL_STRING;
          cell.text = tanlu_sheet_parse_insert (self, self->inline_text);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case CELL_KIND_STRING:
      if (!self->has_value)
        break;

      decode_escapes (self->value);
      cell.type = TANLU_CELL_STRING;
      cell.text = tanlu_sheet_parse_insert (self, self->value);
      break;

    case CELL_KIND_BOOLEAN:
      if (!has_value)
        break;

      strip_text (self->value);
      cell.text = tanlu_sheet_parse_insert (self, self->value);
      if (strcmp (cell.text, "1") == 0 || strcmp (cell.text, "true") == 0)
        cell.number = 1.0;
      else if (strcmp (cell.text, "0") != 0 && strcmp (cell.text, "false") != 0)
        {
          g_autofree char *ref = tanlu_cell_reference (cell.row, cell.column);
          g_autofree char *text = quote_text (self->value->str, self->value->len);

          tanlu_sheet_parse_fail (self, _("“%s”, sheet “%s”, cell %s: “%s” is not a boolean"),
                                  self->parse.xlsx->display_name, self->parse.sheet_name, ref,
                                  text);
          return;
        }
      cell.type = TANLU_CELL_BOOLEAN;
      break;

    case CELL_KIND_ERROR:
      if (!has_value)
        break;

      cell.type = TANLU_CELL_ERROR;
      cell.text = tanlu_sheet_parse_insert (self, self->value);
      break;
    }

  if (sheet->cells->len > 0 && self->sorted)
    {
      const TanluCell *last = &g_array_index (sheet->cells, TanluCell, sheet->cells->len - 1);

      self->sorted = last->row < cell.row || (last->row == cell.row && last->column < cell.column);
    }

  if (sheet->cells->len >= TANLU_XLSX_MAX_CELLS)
    {
      tanlu_xlsx_parse_fail (&self->parse,
                             g_error_new (TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE,
                                          _("“%s”, sheet “%s” has more than %'u cells; Tanlu reads "
                                            "sheets of at most that many"),
                                          self->parse.xlsx->display_name, sheet->name,
                                          TANLU_XLSX_MAX_CELLS));
      return;
    }

  g_array_append_val (sheet->cells, cell);
  sheet->max_row = MAX (sheet->max_row, cell.row);
  sheet->max_column = MAX (sheet->max_column, cell.column);
}

/* <mergeCell ref="A1:C1"/>.  A range that is not two valid references in
 * order is left out: a merge only changes how cells read, never their
 * values, so a broken one is not worth failing the sheet for.
 */
static void
tanlu_sheet_parse_merge_cell (TanluSheetParse  *self,
                              int               n_attributes,
                              const xmlChar   **attributes)
{
  const xmlChar **ref = find_attr (n_attributes, attributes, "ref", FALSE);
  TanluSheetMerge merge;
  const char *text;
  const char *colon;
  gsize len;

  if (ref == NULL)
    return;

  if (self->sheet->merged->len >= MAX_MERGED)
    {
      tanlu_xlsx_parse_fail (&self->parse,
                             g_error_new (TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE,
                                          _("“%s”, sheet “%s” has more than %'u merged ranges; "
                                            "Tanlu reads sheets of at most that many"),
                                          self->parse.xlsx->display_name, self->sheet->name,
                                          MAX_MERGED));
      return;
    }

  text = (const char *) ref[3];
  len = ref[4] - ref[3];
  colon = memchr (text, ':', len);
  if (colon == NULL)
    return;

  if (!parse_reference_len (text, colon - text, &merge.first_row, &merge.first_column) ||
      !parse_reference_len (colon + 1, text + len - colon - 1, &merge.last_row, &merge.last_column))
    return;

  if (merge.first_row > merge.last_row || merge.first_column > merge.last_column)
    return;

  g_array_append_val (self->sheet->merged, merge);
}

static void
on_sheet_start_element (void           *user_data,
                        const xmlChar  *localname,
                        const xmlChar  *prefix,
                        const xmlChar  *uri,
                        int             n_namespaces,
                        const xmlChar **namespaces,
                        int             n_attributes,
                        int             n_defaulted,
                        const xmlChar **attributes)
{
  TanluSheetParse *self = user_data;
  const char *name = (const char *) localname;

  if (self->in_cell)
    {
      self->cell_depth++;

      if (self->cell_depth == 1 && strcmp (name, "v") == 0)
        {
          self->in_value = TRUE;
          self->has_value = TRUE;
        }
      else if (self->cell_depth == 1 && strcmp (name, "is") == 0)
        {
          self->in_inline = TRUE;
          self->has_inline = TRUE;
        }
      else if (self->in_inline && strcmp (name, "rPh") == 0)
        {
          self->phonetic_depth++;
        }
      else if (self->in_inline && self->phonetic_depth == 0 && strcmp (name, "t") == 0)
        {
          self->in_inline_text = TRUE;
        }
    }
  else if (self->in_row)
    {
      if (strcmp (name, "c") == 0)
        tanlu_sheet_parse_start_cell (self, n_attributes, attributes);
    }
  else if (self->in_sheet_data)
    {
      if (strcmp (name, "row") == 0)
        tanlu_sheet_parse_start_row (self, n_attributes, attributes);
    }
  else if (strcmp (name, "sheetData") == 0)
    {
      self->in_sheet_data = TRUE;
    }
  else if (strcmp (name, "mergeCell") == 0)
    {
      tanlu_sheet_parse_merge_cell (self, n_attributes, attributes);
    }
}

static void
on_sheet_end_element (void          *user_data,
                      const xmlChar *localname,
                      const xmlChar *prefix,
                      const xmlChar *uri)
{
  TanluSheetParse *self = user_data;
  const char *name = (const char *) localname;

  if (self->in_cell)
    {
      if (self->cell_depth == 0)
        {
          self->in_cell = FALSE;
          tanlu_sheet_parse_end_cell (self);
          return;
        }

      if (self->cell_depth == 1)
        {
          self->in_value = FALSE;
          self->in_inline = FALSE;
        }
      else if (self->in_inline && strcmp (name, "rPh") == 0 && self->phonetic_depth > 0)
        {
          self->phonetic_depth--;
        }
      else if (strcmp (name, "t") == 0)
        {
          self->in_inline_text = FALSE;
        }

      self->cell_depth--;
    }
  else if (self->in_row)
    {
      if (strcmp (name, "row") == 0)
        self->in_row = FALSE;
    }
  else if (self->in_sheet_data)
    {
      if (strcmp (name, "sheetData") == 0)
        self->in_sheet_data = FALSE;
    }
}

static void
on_sheet_characters (void          *user_data,
                     const xmlChar *ch,
                     int            len)
{
  TanluSheetParse *self = user_data;

  if (self->in_value)
    g_string_append_len (self->value, (const char *) ch, len);
  else if (self->in_inline_text)
    g_string_append_len (self->inline_text, (const char *) ch, len);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const TanluCell *cell_a = a;
  const TanluCell *cell_b = b;

  if (cell_a->row != cell_b->row)
    return cell_a->row < cell_b->row ? -1 : 1;
  if (cell_a->column != cell_b->column)
    return cell_a->column < cell_b->column ? -1 : 1;
  return 0;
}

/* Cells may come in any order and even twice; lookups need them sorted and
 * unique.  A cell given twice has no one value, and fails the sheet.
 */
static gboolean
tanlu_sheet_index (TanluSheet  *self,
                   const char  *display_name,
                   gboolean     sorted,
                   GError     **error)
{
  TanluSheetRow *row = NULL;

  if (!sorted)
    {
      g_array_sort (self->cells, compare_cells);

      for (guint i = 1; i < self->cells->len; i++)
        {
          const TanluCell *cell = &g_array_index (self->cells, TanluCell, i);

          if (compare_cells (&g_array_index (self->cells, TanluCell, i - 1), cell) == 0)
            {
              g_autofree char *reference = tanlu_cell_reference (cell->row, cell->column);

              g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                           _("“%s”, sheet “%s”: the cell %s is given twice"), display_name,
                           self->name, reference);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      const TanluCell *cell = &g_array_index (self->cells, TanluCell, i);

      if (row == NULL || row->row != cell->row)
        {
          TanluSheetRow new_row = { cell->row, i, 0 };

          g_array_append_val (self->rows, new_row);
          row = &g_array_index (self->rows, TanluSheetRow, self->rows->len - 1);
        }
      row->n_cells++;
    }

  return TRUE;
}

static const TanluSheetRow *
tanlu_sheet_find_row (TanluSheet *self,
                      guint       row)
{
  guint lo = 0;
  guint hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TanluSheetRow *candidate = &g_array_index (self->rows, TanluSheetRow, mid);

      if (candidate->row == row)
        return candidate;
      else if (candidate->row < row)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * tanlu_xlsx_open:
 * @path: (type filename): the workbook
 * @error: return location for a #GError
 *
 * Opens an Office Open XML workbook: reads the file, the sheet list and the
 * shared strings.  Worksheets are read by tanlu_xlsx_read_sheet().
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
TanluXlsx *
tanlu_xlsx_open (const char  *path,
                 GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  bytes = tanlu_input_read (path, display_name, MAX_FILE_SIZE, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, TANLU_XLSX_ERROR,
                           g_error_matches (local_error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_TOO_LARGE)
                           ? TANLU_XLSX_ERROR_TOO_LARGE : TANLU_XLSX_ERROR_READ,
                           local_error->message);
      return NULL;
    }

  return tanlu_xlsx_open_bytes (bytes, display_name, error);
}

/**
 * tanlu_xlsx_open_bytes:
 * @bytes: the content of a workbook file
 * @display_name: how messages name the workbook, usually its basename
 * @error: return location for a #GError
 *
 * Like tanlu_xlsx_open(), for a workbook already in memory.
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
TanluXlsx *
tanlu_xlsx_open_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  static gsize xml_initialized = 0;
  g_autoptr(TanluXlsx) self = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *workbook_rels = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *shared_strings = NULL;
  TanluXlsxRelsParse root = { { 0, }, };
  TanluXlsxRelsParse rels = { { 0, }, };
  TanluXlsxWorkbookParse book = { { 0, }, };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* libxml2 wants this once, before parsers run in several threads. */
  if (g_once_init_enter (&xml_initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialized, 1);
    }

  self = g_new0 (TanluXlsx, 1);
  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);
  self->sheets = g_array_new (FALSE, TRUE, sizeof (TanluXlsxSheetInfo));
  g_array_set_clear_func (self->sheets, tanlu_xlsx_sheet_info_clear);
  self->strings = tanlu_xlsx_strings_new ();

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if (!tanlu_xlsx_list_parts (self, error))
    return NULL;

  /* The package relationships name the workbook part; the usual name is
   * the fallback for packages without them.
   */
  if (tanlu_xlsx_has_part (self, "_rels/.rels"))
    {
      tanlu_xlsx_rels_parse_init (&root, "");
      ok = tanlu_xlsx_parse_rels (self, "_rels/.rels", &root, error);
      workbook = g_strdup (root.office_document);
      tanlu_xlsx_rels_parse_clear (&root);
      if (!ok)
        return NULL;
    }

  if (workbook == NULL || !tanlu_xlsx_has_part (self, workbook))
    {
      g_free (workbook);
      workbook = g_strdup ("xl/workbook.xml");
    }

  if (!tanlu_xlsx_has_part (self, workbook))
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_NOT_WORKBOOK,
                   _("“%s” is not an Excel workbook (.xlsx): it contains no workbook"),
                   display_name);
      return NULL;
    }

  book.sheets = self->sheets;
  ok = tanlu_xlsx_parse_part (self, workbook,
                              on_workbook_start_element,
                              on_workbook_end_element,
                              NULL,
                              &book.parse, error);
  tanlu_xlsx_parse_clear (&book.parse);
  if (!ok)
    return NULL;

  if (!book.is_workbook)
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_NOT_WORKBOOK,
                   _("“%s” is not an Excel workbook (.xlsx): it contains no workbook"),
                   display_name);
      return NULL;
    }

  workbook_rels = rels_part_for (workbook);
  if (!tanlu_xlsx_has_part (self, workbook_rels))
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_NOT_WORKBOOK,
                   _("“%s” is not an Excel workbook (.xlsx): the list of its parts is missing"),
                   display_name);
      return NULL;
    }

  workbook_dir = dir_of_part (workbook);
  tanlu_xlsx_rels_parse_init (&rels, workbook_dir);
  ok = tanlu_xlsx_parse_rels (self, workbook_rels, &rels, error);
  if (ok)
    {
      for (guint i = 0; i < self->sheets->len; i++)
        {
          TanluXlsxSheetInfo *info = &g_array_index (self->sheets, TanluXlsxSheetInfo, i);
          g_autofree char *id = g_steal_pointer (&info->part);

          if (id != NULL)
            info->part = g_strdup (g_hash_table_lookup (rels.targets, id));
        }

      shared_strings = g_steal_pointer (&rels.shared_strings);
    }
  tanlu_xlsx_rels_parse_clear (&rels);
  if (!ok)
    return NULL;

  /* Each sheet has a part of its own; sheets that share one would read the
   * same cells under several names, each with its own meaning. */
  {
    g_autoptr(GHashTable) first_sheet = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < self->sheets->len; i++)
      {
        const TanluXlsxSheetInfo *info = &g_array_index (self->sheets, TanluXlsxSheetInfo, i);
        g_autofree char *key = info->part != NULL ? tanlu_xlsx_part_key (info->part) : NULL;
        const TanluXlsxSheetInfo *other;

        if (key == NULL)
          continue;

        if ((other = g_hash_table_lookup (first_sheet, key)) != NULL)
          {
            g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT,
                         _("“%s” is damaged: the sheets “%s” and “%s” are stored in the same part"),
                         display_name, other->name, info->name);
            return NULL;
          }
        g_hash_table_insert (first_sheet, g_steal_pointer (&key), (gpointer) info);
      }
  }

  if (shared_strings == NULL || !tanlu_xlsx_has_part (self, shared_strings))
    {
      g_free (shared_strings);
      shared_strings = g_strdup ("xl/sharedStrings.xml");
    }

  if (tanlu_xlsx_has_part (self, shared_strings))
    {
      TanluXlsxStringsParse strings = { { 0, }, };

      strings.strings = self->strings;
      strings.text = g_string_new (NULL);
      ok = tanlu_xlsx_parse_part (self, shared_strings,
                                  on_strings_start_element,
                                  on_strings_end_element,
                                  on_strings_characters,
                                  &strings.parse, error);
      tanlu_xlsx_parse_clear (&strings.parse);
      g_string_free (strings.text, TRUE);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tanlu_xlsx_free:
 * @self: (transfer full): a workbook
 *
 * Frees the workbook.  Sheets read from it stay valid.
 */
void
tanlu_xlsx_free (TanluXlsx *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->zip, tanlu_zip_free);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->strings, tanlu_xlsx_strings_release);
  g_free (self);
}

/**
 * tanlu_xlsx_get_display_name:
 * @self: a workbook
 *
 * Returns: the name messages use for the workbook, the basename of its path
 */
const char *
tanlu_xlsx_get_display_name (TanluXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

guint
tanlu_xlsx_get_n_sheets (TanluXlsx *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sheets->len;
}

/**
 * tanlu_xlsx_get_sheet_name:
 * @self: a workbook
 * @index: a sheet index, in the order of the workbook's tabs
 *
 * Returns: the sheet's name
 */
const char *
tanlu_xlsx_get_sheet_name (TanluXlsx *self,
                           guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);

  return g_array_index (self->sheets, TanluXlsxSheetInfo, index).name;
}

/**
 * tanlu_xlsx_find_sheet:
 * @self: a workbook
 * @name: a sheet name, matched exactly
 *
 * Returns: the index of the first sheet called @name, or -1
 */
int
tanlu_xlsx_find_sheet (TanluXlsx  *self,
                       const char *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->sheets->len; i++)
    {
      if (strcmp (g_array_index (self->sheets, TanluXlsxSheetInfo, i).name, name) == 0)
        return i;
    }

  return -1;
}

/**
 * tanlu_xlsx_read_sheet:
 * @self: a workbook
 * @index: a sheet index
 * @error: return location for a #GError
 *
 * Reads all cells of a sheet.  Several threads may read sheets of one
 * workbook at once; they take turns decompressing.  Reading sheets in
 * workbook order is fastest when that is also their order in the zip.
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
TanluSheet *
tanlu_xlsx_read_sheet (TanluXlsx  *self,
                       guint       index,
                       GError    **error)
{
  const TanluXlsxSheetInfo *info;
  g_autoptr(TanluSheet) sheet = NULL;
  TanluSheetParse parse = { { 0, }, };
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = &g_array_index (self->sheets, TanluXlsxSheetInfo, index);

  if (info->part == NULL)
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_MISSING_PART,
                   _("“%s”, sheet “%s”: the workbook does not say where the sheet is stored"),
                   self->display_name, info->name);
      return NULL;
    }

  if (!tanlu_xlsx_has_part (self, info->part))
    {
      g_set_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_MISSING_PART,
                   _("“%s”, sheet “%s”: the part “%s” that holds the sheet is missing"),
                   self->display_name, info->name, info->part);
      return NULL;
    }

  sheet = g_new0 (TanluSheet, 1);
  sheet->name = g_strdup (info->name);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (TanluCell));
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (TanluSheetRow));
  sheet->merged = g_array_new (FALSE, FALSE, sizeof (TanluSheetMerge));
  sheet->text = g_string_chunk_new (16 * 1024);
  sheet->strings = g_atomic_rc_box_acquire (self->strings);

  parse.parse.sheet_name = info->name;
  parse.sheet = sheet;
  parse.value = g_string_sized_new (64);
  parse.inline_text = g_string_sized_new (64);
  parse.sorted = TRUE;

  ok = tanlu_xlsx_parse_part (self, info->part,
                              on_sheet_start_element,
                              on_sheet_end_element,
                              on_sheet_characters,
                              &parse.parse, error);

  tanlu_xlsx_parse_clear (&parse.parse);
  g_string_free (parse.value, TRUE);
  g_string_free (parse.inline_text, TRUE);

  if (!ok)
    return NULL;

  if (!tanlu_sheet_index (sheet, self->display_name, parse.sorted, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

void
tanlu_sheet_free (TanluSheet *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->merged, g_array_unref);
  g_clear_pointer (&self->text, g_string_chunk_free);
  g_clear_pointer (&self->strings, tanlu_xlsx_strings_release);
  g_free (self);
}

const char *
tanlu_sheet_get_name (TanluSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * tanlu_sheet_get_max_row:
 * @self: a sheet
 *
 * Returns: the highest row holding a cell, even an empty one; 0 for none
 */
guint
tanlu_sheet_get_max_row (TanluSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_row;
}

/**
 * tanlu_sheet_get_max_column:
 * @self: a sheet
 *
 * Returns: the highest column holding a cell, even an empty one; 0 for none
 */
guint
tanlu_sheet_get_max_column (TanluSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_column;
}

/**
 * tanlu_sheet_get_cell:
 * @self: a sheet
 * @row: 1-based row
 * @column: 1-based column
 *
 * A cell written without a value (`<c r="A1"/>`) is returned with type
 * %TANLU_CELL_EMPTY; a cell the file does not mention is %NULL.
 *
 * Returns: (transfer none) (nullable): the cell
 */
const TanluCell *
tanlu_sheet_get_cell (TanluSheet *self,
                      guint       row,
                      guint       column)
{
  const TanluSheetRow *found;
  const TanluCell *cells;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (self != NULL, NULL);

  found = tanlu_sheet_find_row (self, row);
  if (found == NULL)
    return NULL;

  cells = &g_array_index (self->cells, TanluCell, found->first);
  hi = found->n_cells;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cells[mid].column == column)
        return &cells[mid];
      else if (cells[mid].column < column)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/**
 * tanlu_sheet_get_row:
 * @self: a sheet
 * @row: 1-based row
 * @n_cells: (out): return location for the number of cells
 *
 * Returns: (transfer none) (array length=n_cells) (nullable): the cells
 *   present in @row, by column, or %NULL when there are none
 */
const TanluCell *
tanlu_sheet_get_row (TanluSheet *self,
                     guint       row,
                     guint      *n_cells)
{
  const TanluSheetRow *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  found = tanlu_sheet_find_row (self, row);
  if (found == NULL)
    {
      *n_cells = 0;
      return NULL;
    }

  *n_cells = found->n_cells;
  return &g_array_index (self->cells, TanluCell, found->first);
}

/**
 * tanlu_sheet_get_string:
 * @self: a sheet
 * @row: 1-based row
 * @column: 1-based column
 *
 * Returns: (nullable): the text of a string cell, %NULL for any other cell
 */
const char *
tanlu_sheet_get_string (TanluSheet *self,
                        guint       row,
                        guint       column)
{
  const TanluCell *cell = tanlu_sheet_get_cell (self, row, column);

  if (cell == NULL || cell->type != TANLU_CELL_STRING)
    return NULL;

  return cell->text;
}

/**
 * tanlu_sheet_get_number:
 * @self: a sheet
 * @row: 1-based row
 * @column: 1-based column
 * @value: (out) (optional): return location for the number
 *
 * Returns: %TRUE if the cell holds a number
 */
gboolean
tanlu_sheet_get_number (TanluSheet *self,
                        guint       row,
                        guint       column,
                        double     *value)
{
  const TanluCell *cell = tanlu_sheet_get_cell (self, row, column);

  if (cell == NULL || cell->type != TANLU_CELL_NUMBER)
    return FALSE;

  if (value != NULL)
    *value = cell->number;
  return TRUE;
}

/**
 * tanlu_sheet_get_n_merged:
 * @self: a sheet
 *
 * Returns: how many merged ranges the sheet declares
 */
guint
tanlu_sheet_get_n_merged (TanluSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->merged->len;
}

/**
 * tanlu_sheet_get_merged:
 * @self: a sheet
 * @index: which range, below tanlu_sheet_get_n_merged()
 * @first_row: (out) (optional): the range's top row, 1-based
 * @first_column: (out) (optional): its left column, 1-based
 * @last_row: (out) (optional): its bottom row
 * @last_column: (out) (optional): its right column
 *
 * Returns: %TRUE if @index names a range
 */
gboolean
tanlu_sheet_get_merged (TanluSheet *self,
                        guint       index,
                        guint      *first_row,
                        guint      *first_column,
                        guint      *last_row,
                        guint      *last_column)
{
  const TanluSheetMerge *merge;

  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->merged->len)
    return FALSE;

  merge = &g_array_index (self->merged, TanluSheetMerge, index);
  if (first_row != NULL)
    *first_row = merge->first_row;
  if (first_column != NULL)
    *first_column = merge->first_column;
  if (last_row != NULL)
    *last_row = merge->last_row;
  if (last_column != NULL)
    *last_column = merge->last_column;
  return TRUE;
}

/**
 * tanlu_sheet_get_display_string:
 * @self: a sheet
 * @row: 1-based row
 * @column: 1-based column
 *
 * The text a reader sees at a cell: inside a merged range, the text of the
 * range's top-left cell; elsewhere the cell's own text.  Numbers, booleans
 * and errors read as their lexical form.  Each call looks through every
 * merged range; to read many cells, walk the ranges once instead.
 *
 * Returns: (nullable): the text, %NULL for an empty or absent cell
 */
const char *
tanlu_sheet_get_display_string (TanluSheet *self,
                                guint       row,
                                guint       column)
{
  const TanluCell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->merged->len; i++)
    {
      const TanluSheetMerge *merge = &g_array_index (self->merged, TanluSheetMerge, i);

      if (row >= merge->first_row && row <= merge->last_row &&
          column >= merge->first_column && column <= merge->last_column)
        {
          row = merge->first_row;
          column = merge->first_column;
          break;
        }
    }

  cell = tanlu_sheet_get_cell (self, row, column);
  if (cell == NULL || cell->type == TANLU_CELL_EMPTY)
    return NULL;

  return cell->text;
}

/**
 * tanlu_cell_reference:
 * @row: 1-based row, at most %TANLU_XLSX_MAX_ROW
 * @column: 1-based column, at most %TANLU_XLSX_MAX_COLUMN
 *
 * Returns: (transfer full): the A1-style reference, "AB12" for (12, 28)
 */
char *
tanlu_cell_reference (guint row,
                      guint column)
{
  char letters[4];
  guint n = 0;

  g_return_val_if_fail (row >= 1 && row <= TANLU_XLSX_MAX_ROW, NULL);
  g_return_val_if_fail (column >= 1 && column <= TANLU_XLSX_MAX_COLUMN, NULL);

  /* Bijective base 26: there is no zero digit, Z is followed by AA. */
  while (column > 0)
    {
      column--;
      letters[n++] = 'A' + column % 26;
      column /= 26;
    }

  for (guint i = 0; i < n / 2; i++)
    {
      char c = letters[i];

      letters[i] = letters[n - 1 - i];
      letters[n - 1 - i] = c;
    }
  letters[n] = '\0';

  return g_strdup_printf ("%s%u", letters, row);
}

/**
 * tanlu_cell_parse_reference:
 * @ref: an A1-style reference such as "AB12"
 * @row: (out) (optional): return location for the 1-based row
 * @column: (out) (optional): return location for the 1-based column
 *
 * Accepts upper-case, relative references up to XFD1048576, the form cells
 * carry in their r attribute.
 *
 * Returns: %TRUE if @ref is such a reference
 */
gboolean
tanlu_cell_parse_reference (const char *ref,
                            guint      *row,
                            guint      *column)
{
  guint parsed_row;
  guint parsed_column;

  g_return_val_if_fail (ref != NULL, FALSE);

  if (!parse_reference_len (ref, strlen (ref), &parsed_row, &parsed_column))
    return FALSE;

  if (row != NULL)
    *row = parsed_row;
  if (column != NULL)
    *column = parsed_column;
  return TRUE;
}
