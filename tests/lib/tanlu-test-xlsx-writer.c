/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "tanlu-test-xlsx-writer"

#include "config.h"

#include "tanlu-test-xlsx-writer.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#define NS_MAIN          "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_PACKAGE_RELS  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_DOCUMENT_RELS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_CONTENT_TYPES "http://schemas.openxmlformats.org/package/2006/content-types"
#define CT_PREFIX        "application/vnd.openxmlformats-officedocument.spreadsheetml."
#define CT_RELATIONSHIPS "application/vnd.openxmlformats-package.relationships+xml"
#define XML_DECLARATION  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Enough styles for Excel and LibreOffice to accept the package. */
#define STYLES_XML                                                                                 \
  XML_DECLARATION                                                                                  \
  "<styleSheet xmlns=\"" NS_MAIN "\">"                                                             \
  "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"                \
  "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"                            \
  "<fill><patternFill patternType=\"gray125\"/></fill></fills>"                                    \
  "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"      \
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "                        \
  "borderId=\"0\"/></cellStyleXfs>"                                                                \
  "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "              \
  "xfId=\"0\"/></cellXfs>"                                                                         \
  "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"   \
  "</styleSheet>"

typedef struct
{
  guint  row;
  guint  column;
  char  *t_attr;
  char  *inner_xml;      /* NULL writes <c/> */
  char  *text;           /* a shared string's text, for writing it inline */
  int    shared_index;   /* -1 unless a shared string */
} WriterCell;

typedef struct
{
  char   *name;
  GArray *cells;   /* WriterCell, in the order they were set */
  GPtrArray *merged;   /* (element-type utf8): range references, "A1:C1" */
} WriterSheet;

typedef struct
{
  char *name;
  char *content;
} WriterPart;

struct _TanluTestXlsx
{
  TanluTestXlsxFlags  flags;
  GPtrArray          *sheets;          /* WriterSheet */
  GPtrArray          *shared;          /* inner XML of each <si> */
  GHashTable         *shared_index;    /* plain text → index + 1 */
  GArray             *overrides;       /* WriterPart, content NULL to remove */
  guint               n_padding;       /* empty entries written before all parts */
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
writer_cell_clear (gpointer data)
{
  WriterCell *cell = data;

  g_clear_pointer (&cell->t_attr, g_free);
  g_clear_pointer (&cell->inner_xml, g_free);
  g_clear_pointer (&cell->text, g_free);
}

static void
writer_sheet_free (gpointer data)
{
  WriterSheet *sheet = data;

  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_ptr_array_unref (sheet->merged);
  g_free (sheet);
}

static void
writer_part_clear (gpointer data)
{
  WriterPart *part = data;

  g_clear_pointer (&part->name, g_free);
  g_clear_pointer (&part->content, g_free);
}

/* Kept apart from the reader's own parser, so tests do not check the
 * reader against itself.
 */
static void
parse_ref (const char *ref,
           guint      *row,
           guint      *column)
{
  const char *p = ref;

  *column = 0;
  while (*p >= 'A' && *p <= 'Z')
    *column = *column * 26 + (*p++ - 'A' + 1);

  *row = (guint) g_ascii_strtoull (p, NULL, 10);
  g_assert (*column >= 1 && *row >= 1);
}

static char *
format_ref (guint row,
            guint column)
{
  GString *letters = g_string_new (NULL);

  while (column > 0)
    {
      column--;
      g_string_prepend_c (letters, 'A' + column % 26);
      column /= 26;
    }
  g_string_append_printf (letters, "%u", row);

  return g_string_free (letters, FALSE);
}

static char *
text_element (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  gsize len = strlen (text);

  if (len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1])))
    return g_strdup_printf ("<t xml:space=\"preserve\">%s</t>", escaped);

  return g_strdup_printf ("<t>%s</t>", escaped);
}

static WriterSheet *
get_sheet (TanluTestXlsx *self,
           guint          sheet)
{
  g_assert_cmpuint (sheet, <, self->sheets->len);

  return g_ptr_array_index (self->sheets, sheet);
}

static void
set_cell (TanluTestXlsx *self,
          guint          sheet,
          const char    *ref,
          const char    *t_attr,
          char          *inner_xml,
          const char    *text,
          int            shared_index)
{
  WriterSheet *writer_sheet = get_sheet (self, sheet);
  WriterCell cell = { 0, };

  parse_ref (ref, &cell.row, &cell.column);
  cell.t_attr = g_strdup (t_attr);
  cell.inner_xml = inner_xml;
  cell.text = g_strdup (text);
  cell.shared_index = shared_index;

  /* Setting a cell again replaces it, as in a spreadsheet. */
  for (guint i = 0; i < writer_sheet->cells->len; i++)
    {
      WriterCell *old = &g_array_index (writer_sheet->cells, WriterCell, i);

      if (old->row == cell.row && old->column == cell.column)
        {
          writer_cell_clear (old);
          *old = cell;
          return;
        }
    }

  g_array_append_val (writer_sheet->cells, cell);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const WriterCell *cell_a = a;
  const WriterCell *cell_b = b;

  if (cell_a->row != cell_b->row)
    return cell_a->row < cell_b->row ? -1 : 1;
  if (cell_a->column != cell_b->column)
    return cell_a->column < cell_b->column ? -1 : 1;
  return 0;
}

/* The file number of a sheet's part and the number in its r:id. */
static guint
sheet_number (TanluTestXlsx *self,
              guint          sheet)
{
  if (self->flags & TANLU_TEST_XLSX_REVERSE_ZIP_ORDER)
    return self->sheets->len - sheet;

  return sheet + 1;
}

static void
append_cell (TanluTestXlsx    *self,
             GString          *xml,
             const WriterCell *cell,
             gboolean          omit_ref)
{
  g_string_append (xml, "<c");

  if (!omit_ref)
    {
      g_autofree char *ref = format_ref (cell->row, cell->column);

      g_string_append_printf (xml, " r=\"%s\"", ref);
    }

  if (cell->shared_index >= 0 && (self->flags & TANLU_TEST_XLSX_NO_SHARED_STRINGS))
    {
      g_autofree char *t = text_element (cell->text);

      g_string_append_printf (xml, " t=\"inlineStr\"><is>%s</is></c>", t);
      return;
    }

  if (cell->shared_index >= 0)
    {
      g_string_append_printf (xml, " t=\"s\"><v>%d</v></c>", cell->shared_index);
      return;
    }

  if (cell->t_attr != NULL)
    g_string_append_printf (xml, " t=\"%s\"", cell->t_attr);

  if (cell->inner_xml == NULL)
    g_string_append (xml, "/>");
  else
    g_string_append_printf (xml, ">%s</c>", cell->inner_xml);
}

static char *
sheet_xml (TanluTestXlsx *self,
           guint          sheet)
{
  WriterSheet *writer_sheet = get_sheet (self, sheet);
  gboolean omit_refs = (self->flags & TANLU_TEST_XLSX_OMIT_CELL_REFS) != 0;
  g_autoptr(GArray) cells =
    g_array_sized_new (FALSE, FALSE, sizeof (WriterCell), writer_sheet->cells->len);
  GString *xml = g_string_new (XML_DECLARATION);
  guint row = 0;
  guint column = 0;
  guint max_row = 0;
  guint max_column = 0;

  g_array_append_vals (cells, writer_sheet->cells->data, writer_sheet->cells->len);
  g_array_sort (cells, compare_cells);

  g_string_append (xml, "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_DOCUMENT_RELS "\">");

  for (guint i = 0; i < cells->len; i++)
    {
      const WriterCell *cell = &g_array_index (cells, WriterCell, i);

      max_row = MAX (max_row, cell->row);
      max_column = MAX (max_column, cell->column);
    }

  if (cells->len > 0)
    {
      g_autofree char *last = format_ref (max_row, max_column);

      g_string_append_printf (xml, "<dimension ref=\"A1:%s\"/>", last);
    }

  g_string_append (xml, "<sheetData>");

  for (guint i = 0; i < cells->len; i++)
    {
      const WriterCell *cell = &g_array_index (cells, WriterCell, i);

      if (cell->row != row)
        {
          if (row != 0)
            g_string_append (xml, "</row>");

          if (omit_refs && cell->row == row + 1)
            g_string_append (xml, "<row>");
          else
            g_string_append_printf (xml, "<row r=\"%u\">", cell->row);

          row = cell->row;
          column = 0;
        }

      append_cell (self, xml, cell, omit_refs && cell->column == column + 1);
      column = cell->column;
    }

  if (row != 0)
    g_string_append (xml, "</row>");

  g_string_append (xml, "</sheetData>");

  if (writer_sheet->merged->len > 0)
    {
      g_string_append_printf (xml, "<mergeCells count=\"%u\">", writer_sheet->merged->len);
      for (guint i = 0; i < writer_sheet->merged->len; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (writer_sheet->merged->pdata[i], -1);

          g_string_append_printf (xml, "<mergeCell ref=\"%s\"/>", escaped);
        }
      g_string_append (xml, "</mergeCells>");
    }

  g_string_append (xml, "</worksheet>");

  return g_string_free (xml, FALSE);
}

static char *
shared_strings_xml (TanluTestXlsx *self)
{
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append_printf (xml, "<sst xmlns=\"" NS_MAIN "\" count=\"%u\" uniqueCount=\"%u\">",
                          self->shared->len, self->shared->len);

  for (guint i = 0; i < self->shared->len; i++)
    g_string_append_printf (xml, "<si>%s</si>", (const char *) g_ptr_array_index (self->shared, i));

  g_string_append (xml, "</sst>");

  return g_string_free (xml, FALSE);
}

static void
append_override (GString    *types,
                 const char *part,
                 const char *content_type)
{
  g_string_append_printf (types, "<Override PartName=\"/%s\" ContentType=\"%s\"/>", part,
                          content_type);
}

static void
append_relationship (GString    *rels,
                     guint       id,
                     const char *type,
                     const char *target_prefix,
                     const char *target)
{
  g_string_append_printf (
    rels, "<Relationship Id=\"rId%u\" Type=\"" NS_DOCUMENT_RELS "/%s\" Target=\"%s%s\"/>", id, type,
    target_prefix, target);
}

static void
add_part (GArray     *parts,
          const char *name,
          char       *content)
{
  WriterPart part = { g_strdup (name), content };

  g_array_append_val (parts, part);
}

static GArray *
build_parts (TanluTestXlsx *self)
{
  gboolean custom = (self->flags & TANLU_TEST_XLSX_CUSTOM_WORKBOOK_PART) != 0;
  gboolean absolute = (self->flags & TANLU_TEST_XLSX_ABSOLUTE_RELS_TARGETS) != 0;
  gboolean shared = (self->flags & TANLU_TEST_XLSX_NO_SHARED_STRINGS) == 0;
  const char *workbook = custom ? "xl/book.xml" : "xl/workbook.xml";
  const char *workbook_rels = custom ? "xl/_rels/book.xml.rels" : "xl/_rels/workbook.xml.rels";
  const char *target_prefix = absolute ? "/xl/" : "";
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (WriterPart));
  GString *types = g_string_new (XML_DECLARATION);
  GString *root_rels = g_string_new (XML_DECLARATION);
  GString *book = g_string_new (XML_DECLARATION);
  GString *rels = g_string_new (XML_DECLARATION);
  guint n_sheets = self->sheets->len;

  g_array_set_clear_func (parts, writer_part_clear);

  for (guint i = 0; i < self->n_padding; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "padding/%06u", i);
      add_part (parts, name, g_strdup (""));
    }

  g_string_append (types, "<Types xmlns=\"" NS_CONTENT_TYPES "\">"
                   "<Default Extension=\"rels\" ContentType=\"" CT_RELATIONSHIPS "\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
  append_override (types, workbook, CT_PREFIX "sheet.main+xml");
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *part = tanlu_test_xlsx_get_sheet_part (self, i);

      append_override (types, part, CT_PREFIX "worksheet+xml");
    }
  if (shared)
    append_override (types, "xl/sharedStrings.xml", CT_PREFIX "sharedStrings+xml");
  append_override (types, "xl/styles.xml", CT_PREFIX "styles+xml");
  g_string_append (types, "</Types>");
  add_part (parts, "[Content_Types].xml", g_string_free (types, FALSE));

  g_string_append (root_rels, "<Relationships xmlns=\"" NS_PACKAGE_RELS "\">");
  append_relationship (root_rels, 1, "officeDocument", "", workbook);
  g_string_append (root_rels, "</Relationships>");
  add_part (parts, "_rels/.rels", g_string_free (root_rels, FALSE));

  g_string_append (book,
                   "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_DOCUMENT_RELS "\"><sheets>");
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *name = g_markup_escape_text (get_sheet (self, i)->name, -1);

      g_string_append_printf (book, "<sheet name=\"%s\" sheetId=\"%u\" r:id=\"rId%u\"/>",
                              name, i + 1, sheet_number (self, i));
    }
  g_string_append (book, "</sheets></workbook>");
  add_part (parts, workbook, g_string_free (book, FALSE));

  g_string_append (rels, "<Relationships xmlns=\"" NS_PACKAGE_RELS "\">");
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *target = g_strdup_printf ("worksheets/sheet%u.xml", sheet_number (self, i));

      append_relationship (rels, sheet_number (self, i), "worksheet", target_prefix, target);
    }
  if (shared)
    append_relationship (rels, n_sheets + 1, "sharedStrings", target_prefix, "sharedStrings.xml");
  append_relationship (rels, n_sheets + 2, "styles", target_prefix, "styles.xml");
  g_string_append (rels, "</Relationships>");
  add_part (parts, workbook_rels, g_string_free (rels, FALSE));

  add_part (parts, "xl/styles.xml", g_strdup (STYLES_XML));
  if (shared)
    add_part (parts, "xl/sharedStrings.xml", shared_strings_xml (self));

  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *name = tanlu_test_xlsx_get_sheet_part (self, i);

      add_part (parts, name, sheet_xml (self, i));
    }

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const WriterPart *override = &g_array_index (self->overrides, WriterPart, i);
      gboolean found = FALSE;

      for (guint j = 0; j < parts->len && !found; j++)
        {
          WriterPart *part = &g_array_index (parts, WriterPart, j);

          if (strcmp (part->name, override->name) != 0)
            continue;

          found = TRUE;
          if (override->content == NULL)
            {
              g_array_remove_index (parts, j);
            }
          else
            {
              g_free (part->content);
              part->content = g_strdup (override->content);
            }
        }

      if (!found && override->content != NULL)
        add_part (parts, override->name, g_strdup (override->content));
    }

  return parts;
}

static la_ssize_t
on_archive_write (struct archive *archive,
                  void           *user_data,
                  const void     *buffer,
                  size_t          length)
{
  g_byte_array_append (user_data, buffer, length);

  return length;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

TanluTestXlsx *
tanlu_test_xlsx_new (void)
{
  TanluTestXlsx *self = g_new0 (TanluTestXlsx, 1);

  self->sheets = g_ptr_array_new_with_free_func (writer_sheet_free);
  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->shared_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overrides = g_array_new (FALSE, TRUE, sizeof (WriterPart));
  g_array_set_clear_func (self->overrides, writer_part_clear);

  return self;
}

void
tanlu_test_xlsx_free (TanluTestXlsx *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->sheets);
  g_ptr_array_unref (self->shared);
  g_hash_table_unref (self->shared_index);
  g_array_unref (self->overrides);
  g_free (self);
}

/**
 * tanlu_test_xlsx_set_flags:
 * @self: a writer
 * @flags: how to lay out the package
 *
 * Set flags before tanlu_test_xlsx_get_sheet_part(): they decide part names.
 */
void
tanlu_test_xlsx_set_flags (TanluTestXlsx      *self,
                           TanluTestXlsxFlags  flags)
{
  self->flags = flags;
}

guint
tanlu_test_xlsx_add_sheet (TanluTestXlsx *self,
                           const char    *name)
{
  WriterSheet *sheet = g_new0 (WriterSheet, 1);

  sheet->name = g_strdup (name);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (WriterCell));
  g_array_set_clear_func (sheet->cells, writer_cell_clear);
  sheet->merged = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sheets, sheet);

  return self->sheets->len - 1;
}

void
tanlu_test_xlsx_set_number (TanluTestXlsx *self,
                            guint          sheet,
                            const char    *ref,
                            double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  set_cell (self, sheet, ref, NULL, g_strdup_printf ("<v>%s</v>", buffer), NULL, -1);
}

/**
 * tanlu_test_xlsx_set_string:
 * @self: a writer
 * @sheet: a sheet index
 * @ref: a cell reference such as "B2"
 * @text: the text
 *
 * Sets a shared string, or an inline one with
 * %TANLU_TEST_XLSX_NO_SHARED_STRINGS.
 */
void
tanlu_test_xlsx_set_string (TanluTestXlsx *self,
                            guint          sheet,
                            const char    *ref,
                            const char    *text)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->shared_index, text));

  if (index == 0)
    {
      g_ptr_array_add (self->shared, text_element (text));
      index = self->shared->len;
      g_hash_table_insert (self->shared_index, g_strdup (text), GUINT_TO_POINTER (index));
    }

  set_cell (self, sheet, ref, NULL, NULL, text, index - 1);
}

void
tanlu_test_xlsx_set_inline_string (TanluTestXlsx *self,
                                   guint          sheet,
                                   const char    *ref,
                                   const char    *text)
{
  g_autofree char *t = text_element (text);

  set_cell (self, sheet, ref, "inlineStr", g_strdup_printf ("<is>%s</is>", t), NULL, -1);
}

void
tanlu_test_xlsx_set_boolean (TanluTestXlsx *self,
                             guint          sheet,
                             const char    *ref,
                             gboolean       value)
{
  set_cell (self, sheet, ref, "b", g_strdup_printf ("<v>%d</v>", value ? 1 : 0), NULL, -1);
}

void
tanlu_test_xlsx_set_error (TanluTestXlsx *self,
                           guint          sheet,
                           const char    *ref,
                           const char    *code)
{
  g_autofree char *escaped = g_markup_escape_text (code, -1);

  set_cell (self, sheet, ref, "e", g_strdup_printf ("<v>%s</v>", escaped), NULL, -1);
}

/**
 * tanlu_test_xlsx_add_merge:
 * @self: a writer
 * @sheet: a sheet index
 * @range: a range such as "A1:C1", written as is (so it may be invalid)
 *
 * Adds a <mergeCell> to the sheet's <mergeCells>, after <sheetData> as
 * Excel writes it.
 */
void
tanlu_test_xlsx_add_merge (TanluTestXlsx *self,
                           guint          sheet,
                           const char    *range)
{
  g_ptr_array_add (get_sheet (self, sheet)->merged, g_strdup (range));
}

/* Writes <c r="A1"/>: a cell that exists but has no value. */
void
tanlu_test_xlsx_set_empty (TanluTestXlsx *self,
                           guint          sheet,
                           const char    *ref)
{
  set_cell (self, sheet, ref, NULL, NULL, NULL, -1);
}

/**
 * tanlu_test_xlsx_set_raw:
 * @self: a writer
 * @sheet: a sheet index
 * @ref: a cell reference such as "B2"
 * @t_attr: (nullable): the t attribute
 * @v_text: the text of <v>, written escaped but otherwise as is
 *
 * Writes a cell whose value need not be valid, for testing bad input.
 */
void
tanlu_test_xlsx_set_raw (TanluTestXlsx *self,
                         guint          sheet,
                         const char    *ref,
                         const char    *t_attr,
                         const char    *v_text)
{
  g_autofree char *escaped = g_markup_escape_text (v_text, -1);

  set_cell (self, sheet, ref, t_attr, g_strdup_printf ("<v>%s</v>", escaped), NULL, -1);
}

/**
 * tanlu_test_xlsx_set_cell_xml:
 * @self: a writer
 * @sheet: a sheet index
 * @ref: a cell reference such as "B2"
 * @t_attr: (nullable): the t attribute
 * @inner_xml: the content of <c>, written verbatim
 */
void
tanlu_test_xlsx_set_cell_xml (TanluTestXlsx *self,
                              guint          sheet,
                              const char    *ref,
                              const char    *t_attr,
                              const char    *inner_xml)
{
  set_cell (self, sheet, ref, t_attr, g_strdup (inner_xml), NULL, -1);
}

/**
 * tanlu_test_xlsx_add_shared_string_xml:
 * @self: a writer
 * @si_xml: the content of <si>, written verbatim (rich text runs, <rPh>…)
 *
 * Returns: the index cells refer to it by, with tanlu_test_xlsx_set_raw()
 *   and t_attr "s"
 */
guint
tanlu_test_xlsx_add_shared_string_xml (TanluTestXlsx *self,
                                       const char    *si_xml)
{
  g_ptr_array_add (self->shared, g_strdup (si_xml));

  return self->shared->len - 1;
}

/**
 * tanlu_test_xlsx_get_sheet_part:
 * @self: a writer
 * @sheet: a sheet index
 *
 * Returns: (transfer full): the zip entry name of the sheet's part
 */
char *
tanlu_test_xlsx_get_sheet_part (TanluTestXlsx *self,
                                guint          sheet)
{
  get_sheet (self, sheet);

  return g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet_number (self, sheet));
}

/**
 * tanlu_test_xlsx_set_part:
 * @self: a writer
 * @name: a zip entry name
 * @content: (nullable): what to write instead, or %NULL to leave the part out
 *
 * Replaces, adds or removes a part when the package is written.
 */
/**
 * tanlu_test_xlsx_add_padding:
 * @n_entries: how many
 *
 * Writes @n_entries empty zip entries before every part of the package,
 * as a file made to make a reader walk through them would.
 */
void
tanlu_test_xlsx_add_padding (TanluTestXlsx *self,
                             guint          n_entries)
{
  self->n_padding += n_entries;
}

void
tanlu_test_xlsx_set_part (TanluTestXlsx *self,
                          const char    *name,
                          const char    *content)
{
  WriterPart part = { g_strdup (name), g_strdup (content) };

  g_array_append_val (self->overrides, part);
}

GBytes *
tanlu_test_xlsx_to_bytes (TanluTestXlsx *self)
{
  g_autoptr(GArray) parts = build_parts (self);
  GByteArray *data = g_byte_array_new ();
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_zip_set_compression_deflate (archive), ==, ARCHIVE_OK);
  /* Without this, the output is padded with zeros to a whole block. */
  g_assert_cmpint (archive_write_set_bytes_in_last_block (archive, 1), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open (archive, data, NULL, on_archive_write, NULL), ==,
                   ARCHIVE_OK);

  for (guint n = 0; n < parts->len; n++)
    {
      gboolean reverse = (self->flags & TANLU_TEST_XLSX_REVERSE_ZIP_ORDER) != 0;
      const WriterPart *part = &g_array_index (parts, WriterPart, reverse ? parts->len - 1 - n : n);
      struct archive_entry *entry = archive_entry_new ();
      gsize length = strlen (part->content);

      archive_entry_set_pathname (entry, part->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, length);
      archive_entry_set_mtime (entry, 315532800, 0);

      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, part->content, length), ==, length);
      archive_entry_free (entry);
    }

  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);

  return g_byte_array_free_to_bytes (data);
}

gboolean
tanlu_test_xlsx_write (TanluTestXlsx  *self,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (self);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents (path, data, size, error);
}
