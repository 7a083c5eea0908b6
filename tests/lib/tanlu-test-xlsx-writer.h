/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TanluTestXlsxFlags:
 * @TANLU_TEST_XLSX_NONE: a package laid out as Excel writes it
 * @TANLU_TEST_XLSX_REVERSE_ZIP_ORDER: parts in the zip in reverse order, and
 *   sheetN.xml numbered against the workbook's sheet order
 * @TANLU_TEST_XLSX_OMIT_CELL_REFS: leave out the r attribute of rows and
 *   cells wherever it follows from the previous one
 * @TANLU_TEST_XLSX_NO_SHARED_STRINGS: no sharedStrings part; strings are
 *   written inline
 * @TANLU_TEST_XLSX_ABSOLUTE_RELS_TARGETS: workbook relationships use
 *   absolute targets ("/xl/worksheets/sheet1.xml")
 * @TANLU_TEST_XLSX_CUSTOM_WORKBOOK_PART: the workbook is xl/book.xml, found
 *   only through the package relationships
 */
typedef enum
{
  TANLU_TEST_XLSX_NONE                  = 0,
  TANLU_TEST_XLSX_REVERSE_ZIP_ORDER     = 1 << 0,
  TANLU_TEST_XLSX_OMIT_CELL_REFS        = 1 << 1,
  TANLU_TEST_XLSX_NO_SHARED_STRINGS     = 1 << 2,
  TANLU_TEST_XLSX_ABSOLUTE_RELS_TARGETS = 1 << 3,
  TANLU_TEST_XLSX_CUSTOM_WORKBOOK_PART  = 1 << 4,
} TanluTestXlsxFlags;

typedef struct _TanluTestXlsx TanluTestXlsx;

TanluTestXlsx *tanlu_test_xlsx_new                   (void);
void           tanlu_test_xlsx_free                  (TanluTestXlsx       *self);
void           tanlu_test_xlsx_set_flags             (TanluTestXlsx       *self,
                                                      TanluTestXlsxFlags   flags);
guint          tanlu_test_xlsx_add_sheet             (TanluTestXlsx       *self,
                                                      const char          *name);
void           tanlu_test_xlsx_set_number            (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      double               value);
void           tanlu_test_xlsx_set_string            (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      const char          *text);
void           tanlu_test_xlsx_set_inline_string     (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      const char          *text);
void           tanlu_test_xlsx_set_boolean           (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      gboolean             value);
void           tanlu_test_xlsx_set_error             (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      const char          *code);
void           tanlu_test_xlsx_set_empty             (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref);
void           tanlu_test_xlsx_add_merge             (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *range);
void           tanlu_test_xlsx_set_raw               (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      const char          *t_attr,
                                                      const char          *v_text);
void           tanlu_test_xlsx_set_cell_xml          (TanluTestXlsx       *self,
                                                      guint                sheet,
                                                      const char          *ref,
                                                      const char          *t_attr,
                                                      const char          *inner_xml);
guint          tanlu_test_xlsx_add_shared_string_xml (TanluTestXlsx       *self,
                                                      const char          *si_xml);
char          *tanlu_test_xlsx_get_sheet_part        (TanluTestXlsx       *self,
                                                      guint                sheet);
void           tanlu_test_xlsx_add_padding           (TanluTestXlsx       *self,
                                                      guint                n_entries);
void           tanlu_test_xlsx_set_part              (TanluTestXlsx       *self,
                                                      const char          *name,
                                                      const char          *content);
GBytes        *tanlu_test_xlsx_to_bytes              (TanluTestXlsx       *self);
gboolean       tanlu_test_xlsx_write                 (TanluTestXlsx       *self,
                                                      const char          *path,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTestXlsx, tanlu_test_xlsx_free)

G_END_DECLS
