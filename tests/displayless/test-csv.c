/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <math.h>

#include "import/tanlu-csv.h"
#include "import/tanlu-import.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

static GPtrArray *
read_all (const char  *text,
          gssize       length,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);
  g_autoptr(TanluCsvReader) reader = tanlu_csv_reader_new_for_bytes (bytes, "fixture.csv", error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);

  if (reader == NULL)
    return NULL;

  while (tanlu_csv_reader_next (reader, error))
    {
      g_autoptr(GString) record = g_string_new (NULL);

      g_string_append_printf (record, "%u:", tanlu_csv_reader_get_line (reader));
      for (guint i = 0; i < tanlu_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (record, "%s[%s]", i > 0 ? "," : "",
                                tanlu_csv_reader_get_field (reader, i));
      g_ptr_array_add (records, g_string_free (g_steal_pointer (&record), FALSE));
    }

  if (error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&records);
}

static void
test_reader_records (void)
{
  static const struct {
    const char *input;
    const char *expected;   /* records joined by " | " */
  } cases[] = {
    { "a,b\n1,2\n", "1:[a],[b] | 2:[1],[2]" },
    { "a,b\r\n1,2\r\n", "1:[a],[b] | 2:[1],[2]" },
    { "\xef\xbb\xbf" "a,b\n1,2", "1:[a],[b] | 2:[1],[2]" },
    { "a,,c\n,,\n", "1:[a],[],[c] | 2:[],[],[]" },
    { "\"x, y\",\"say \"\"hi\"\"\"\n", "1:[x, y],[say \"hi\"]" },
    { "\"two\nlines\",z\nnext,row\n", "1:[two\nlines],[z] | 3:[next],[row]" },
    { "a\n\n\nb\n", "1:[a] | 4:[b]" },
    { "成都,四川\n", "1:[成都],[四川]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_all (cases[i].input, -1, &error);
      g_autofree char *joined = NULL;

      g_assert_no_error (error);
      g_ptr_array_add (records, NULL);
      joined = g_strjoinv (" | ", (char **)records->pdata);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }
}

static void
test_reader_errors (void)
{
  static const struct {
    const char *input;
    gssize      length;
    int         code;
    const char *fragment;
  } cases[] = {
    { "", 0, TANLU_CSV_ERROR_EMPTY, "fixture.csv" },
    { "\xef\xbb\xbf", 3, TANLU_CSV_ERROR_EMPTY, "fixture.csv" },
    { "a,b\n\"open,2\n", -1, TANLU_CSV_ERROR_SYNTAX, "line 2" },
    { "a,b\n1,2\n3,\"x\"y\n", -1, TANLU_CSV_ERROR_SYNTAX, "line 3" },
    { "a,b\n1,x\"y\n", -1, TANLU_CSV_ERROR_SYNTAX, "line 2" },
    { "a,b\r1,2\n", -1, TANLU_CSV_ERROR_SYNTAX, "line 1" },
    /* GB 18030 bytes, as Excel saves “CSV” on Chinese Windows */
    { "region,name\n510000,\xcb\xc4\xb4\xa8\n", -1, TANLU_CSV_ERROR_ENCODING, "line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_all (cases[i].input, cases[i].length, &error);

      g_assert_null (records);
      g_test_message ("%s", error->message);
      g_assert_error (error, TANLU_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "fixture.csv"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

/* ------------------------------------------------------------------------ */
/* Encodings and separators */

/* The records a reader gives, joined as in read_all(), up to the end or an
 * error. */
static char *
collect (TanluCsvReader  *reader,
         GError         **error)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  while (tanlu_csv_reader_next (reader, error))
    {
      if (joined->len > 0)
        g_string_append (joined, " | ");
      g_string_append_printf (joined, "%u:", tanlu_csv_reader_get_line (reader));
      for (guint i = 0; i < tanlu_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (joined, "%s[%s]", i > 0 ? "," : "",
                                tanlu_csv_reader_get_field (reader, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* @text in @encoding, after @bom. */
static GBytes *
encode (const char *text,
        const char *encoding,
        const char *bom,
        gsize       bom_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, bom_length);
  g_byte_array_append (bytes, (const guint8 *) converted, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
test_reader_encodings (void)
{
  static const struct {
    const char       *name;
    const char       *text;        /* in UTF-8 */
    const char       *encoding;    /* for g_convert() */
    const char       *bom;
    gsize             bom_length;
    TanluTextEncoding expected_encoding;
    char              expected_separator;
    const char       *expected;
  } cases[] = {
    /* As Excel on Chinese Windows saves “CSV (comma delimited)”. */
    { "fixture-gbk.csv", "地区,名称,备注\r\n510000,四川省,Fixture 甲\r\n500000,重庆市,\"Fixture, 乙\"\r\n",
      "GBK", "", 0, TANLU_TEXT_ENCODING_GB18030, ',',
      "1:[地区],[名称],[备注] | 2:[510000],[四川省],[Fixture 甲] | 3:[500000],[重庆市],[Fixture, 乙]" },
    /* Characters outside GBK, in GB 18030's four-byte form. */
    { "fixture-gb18030.csv", "名称;注\n€;𠀀\n", "GB18030", "", 0, TANLU_TEXT_ENCODING_GB18030, ';',
      "1:[名称],[注] | 2:[€],[𠀀]" },
    { "fixture-bom.csv", "地区;名称\n510000;四川\n", "UTF-8", "\xef\xbb\xbf", 3,
      TANLU_TEXT_ENCODING_UTF8, ';', "1:[地区],[名称] | 2:[510000],[四川]" },
    /* As Excel saves “Unicode text”. */
    { "fixture-utf16le.txt", "地区\t名称\r\n510000\t四川\r\n", "UTF-16LE", "\xff\xfe", 2,
      TANLU_TEXT_ENCODING_UTF16LE, '\t', "1:[地区],[名称] | 2:[510000],[四川]" },
    { "fixture-utf16be.csv", "region,name\n510000,四川\n", "UTF-16BE", "", 0,
      TANLU_TEXT_ENCODING_UTF16BE, ',', "1:[region],[name] | 2:[510000],[四川]" },
    { "fixture-utf16be-bom.csv", "a;b\n1;2\n", "UTF-16BE", "\xfe\xff", 2,
      TANLU_TEXT_ENCODING_UTF16BE, ';', "1:[a],[b] | 2:[1],[2]" },
    { "fixture-utf16le-chinese.csv", "四川,重庆\n成都,万州\n", "UTF-16LE", "", 0,
      TANLU_TEXT_ENCODING_UTF16LE, ',', "1:[四川],[重庆] | 2:[成都],[万州]" },
    { "fixture-tab.tsv", "a\tb\tc\n1\t\t3\n", "UTF-8", "", 0, TANLU_TEXT_ENCODING_UTF8, '\t',
      "1:[a],[b],[c] | 2:[1],[],[3]" },
    { "fixture-ascii.csv", "a,b\n1,2\n", "UTF-8", "", 0, TANLU_TEXT_ENCODING_UTF8, ',',
      "1:[a],[b] | 2:[1],[2]" },
  };
  g_autofree char *dir = tanlu_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = encode (cases[i].text, cases[i].encoding, cases[i].bom,
                                        cases[i].bom_length);
      g_autofree char *path = tanlu_test_write_file (dir, cases[i].name,
                                                     g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes));

      g_test_message ("%s", cases[i].name);

      for (guint from_file = 0; from_file < 2; from_file++)
        {
          g_autoptr(TanluCsvReader) reader = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *joined = NULL;

          reader = from_file
                     ? tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_AUTO,
                                                                   '\0', &error)
                     : tanlu_csv_reader_new_for_bytes_with_options (bytes, cases[i].name,
                                                                    TANLU_TEXT_ENCODING_AUTO,
                                                                    '\0', &error);
          g_assert_no_error (error);
          g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==,
                           cases[i].expected_encoding);
          g_assert_cmpint (tanlu_csv_reader_get_separator (reader), ==,
                           cases[i].expected_separator);

          joined = collect (reader, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (joined, ==, cases[i].expected);
          g_assert_cmpfloat (tanlu_csv_reader_get_fraction (reader), ==, 1.0);
        }

      /* Named and detected alike when asked for by name. */
      {
        g_autoptr(TanluCsvReader) reader = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *joined = NULL;

        reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, cases[i].name,
                                                              cases[i].expected_encoding,
                                                              cases[i].expected_separator, &error);
        g_assert_no_error (error);
        joined = collect (reader, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (joined, ==, cases[i].expected);
      }
    }

  tanlu_test_remove_tree (dir);
}

/* A file the user says is in another encoding is read in it: wrongly, or
 * refused with the line where it cannot be. */
static void
test_reader_forced_encoding (void)
{
  g_autoptr(GBytes) gbk = encode ("region,name\n510000,四川\n", "GBK", "", 0);
  g_autoptr(GBytes) utf8 = g_bytes_new_static ("nam\n四川\n", strlen ("nam\n四川\n"));
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;

  /* GBK read as UTF-8: refused, and the message says where. */
  reader = tanlu_csv_reader_new_for_bytes_with_options (gbk, "fixture.csv", TANLU_TEXT_ENCODING_UTF8,
                                                        ',', &error);
  g_assert_no_error (error);
  joined = collect (reader, &error);
  g_assert_cmpstr (joined, ==, "1:[region],[name]");
  g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“fixture.csv”, line 2"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  g_clear_pointer (&reader, tanlu_csv_reader_free);
  g_clear_pointer (&joined, g_free);

  /* UTF-8 read as GB 18030 is valid, and wrong: what the preview shows
   * before the user switches. */
  reader = tanlu_csv_reader_new_for_bytes_with_options (utf8, "fixture.csv",
                                                        TANLU_TEXT_ENCODING_GB18030, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==, TANLU_TEXT_ENCODING_GB18030);
  joined = collect (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined, ==, "1:[nam] | 2:[鍥涘窛]");
  g_clear_pointer (&reader, tanlu_csv_reader_free);
  g_clear_pointer (&joined, g_free);

  /* UTF-8 read as UTF-16: an odd number of bytes ends in half a character. */
  reader = tanlu_csv_reader_new_for_bytes_with_options (utf8, "fixture.csv",
                                                        TANLU_TEXT_ENCODING_UTF16LE, ',', &error);
  if (reader != NULL)
    {
      joined = collect (reader, &error);
      g_test_message ("%s", joined);
    }
  g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "fixture.csv"));
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

static void
test_reader_invalid_bytes (void)
{
  static const struct {
    const char       *input;
    gssize            length;
    TanluTextEncoding encoding;
    const char       *records;     /* read before the error */
    const char       *fragment;
  } cases[] = {
    /* 0x81 starts a GB 18030 character that 0x20 cannot end. */
    { "region,name\n510000,\xcb\xc4\xb4\xa8\n500000,\x81 \n", -1, TANLU_TEXT_ENCODING_GB18030,
      "1:[region],[name] | 2:[510000],[四川]", "line 3: the text is not valid GB18030" },
    /* Invalid inside a quoted field that spans lines: the line of the bytes. */
    { "a,b\n\"x\ny\xff\",2\n", -1, TANLU_TEXT_ENCODING_GB18030, "1:[a],[b]", "line 3" },
    /* A character cut by the end of the file. */
    { "a,b\n1,\xcb", -1, TANLU_TEXT_ENCODING_GB18030, "1:[a],[b]", "line 2" },
    /* An unpaired UTF-16 surrogate. */
    { "a\0,\0b\0\n\0" "1\0,\0\x00\xd8\n\0", 16, TANLU_TEXT_ENCODING_UTF16LE, "1:[a],[b]",
      "line 2: the text is not valid UTF-16 (little-endian)" },
    /* An odd number of bytes in UTF-16. */
    { "a\0,\0b\0\n\0" "1", 9, TANLU_TEXT_ENCODING_UTF16LE, "1:[a],[b]", "line 2" },
    /* A NUL character decodes, and is refused. */
    { "a\0,\0b\0\n\0\0\0\n\0", 12, TANLU_TEXT_ENCODING_UTF16LE, "1:[a],[b]", "line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].input) : (gsize) cases[i].length;
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].input, length);
      g_autoptr(TanluCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *joined = NULL;

      reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, "fixture.csv", cases[i].encoding,
                                                            ',', &error);
      g_assert_no_error (error);
      joined = collect (reader, &error);
      g_test_message ("%u: %s", i, error != NULL ? error->message : "no error");
      g_assert_cmpstr (joined, ==, cases[i].records);
      g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, "“fixture.csv”"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_reader_separators (void)
{
  static const struct {
    const char *input;
    char        expected;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\n1\t2\n", '\t' },
    /* A single column. */
    { "one\ntwo\n", ',' },
    /* Separators inside quotes do not count. */
    { "\"x;y;z\",b\n\"1;2\",3\n", ',' },
    /* Decimal commas under semicolons, as in European spreadsheets. */
    { "region;value\n四川;1,5\n重庆;2\n", ';' },
    /* Tabs in the text, commas between the fields. */
    { "name,note\nFixture\tA,x\nFixture B,y\n", ',' },
    /* As many commas as semicolons on the first line, but only the
     * semicolons split every line alike. */
    { "Fixture, A;1\nFixture B;2\n", ';' },
    /* Blank lines first. */
    { "\n\na;b\n1;2\n", ';' },
    /* Only the header, no line end. */
    { "a\tb\tc", '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].input, strlen (cases[i].input));
      g_autoptr(TanluCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, "fixture.csv",
                                                            TANLU_TEXT_ENCODING_AUTO, '\0', &error);
      g_assert_no_error (error);
      g_test_message ("%u", i);
      g_assert_cmpint (tanlu_csv_reader_get_separator (reader), ==, cases[i].expected);
    }
}

/* A GBK file whose first Chinese text comes after more ASCII than one
 * piece of the file: detected from that text, not from the ASCII. */
static void
test_reader_late_chinese (void)
{
  g_autoptr(GString) text = g_string_new ("code;note\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = 0;
  const char *last = NULL;

  while (text->len < 100 * 1024)
    g_string_append_printf (text, "%u;fixture\n", (guint) text->len);
  g_string_append (text, "510000;四川省\n");

  bytes = encode (text->str, "GBK", "", 0);
  path = tanlu_test_write_file (dir, "late.csv", g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes));
  reader = tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_AUTO, '\0', &error);
  g_assert_no_error (error);
  g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==, TANLU_TEXT_ENCODING_GB18030);
  g_assert_cmpint (tanlu_csv_reader_get_separator (reader), ==, ';');

  while (tanlu_csv_reader_next (reader, &error))
    {
      n_records++;
      last = tanlu_csv_reader_get_field (reader, 1);
      if (g_strcmp0 (last, "四川省") == 0)
        break;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (last, ==, "四川省");
  g_assert_false (tanlu_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  tanlu_test_remove_tree (dir);
}

/* Decoding a piece at a time gives the text decoding the whole does,
 * wherever a piece cuts a character; the limits hold on the decoded
 * text; bytes invalid far into the file are refused with their line. */
static void
test_reader_decoded_pieces (void)
{
  static const char * const encodings[] = { "GB18030", "UTF-16LE", "UTF-16BE" };
  g_autoptr(GString) text = g_string_new ("地区,名称\n");
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  guint n_lines = 1;

  for (guint i = 0; text->len < 300 * 1024; i++)
    {
      /* Odd lengths, so that pieces end at every byte of a character. */
      g_string_append_printf (text, "%u,\"四川省成都市 Fixture %*s\n第二行\"\n", i, (int) (i % 7), "");
      n_lines += 2;
    }

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(GBytes) utf8 = g_bytes_new (text->str, text->len);
      g_autoptr(GBytes) bytes = encode (text->str, encodings[e], "", 0);
      g_autofree char *path = tanlu_test_write_file (dir, "pieces.csv", g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes));
      g_autoptr(TanluCsvReader) expected = NULL;
      g_autoptr(TanluCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      double fraction = 0;
      guint n_records = 0;

      g_test_message ("%s", encodings[e]);
      expected = tanlu_csv_reader_new_for_bytes (utf8, "pieces.csv", &error);
      g_assert_no_error (error);
      reader = tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_AUTO, '\0',
                                                           &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tanlu_text_encoding_get_iconv_name (tanlu_csv_reader_get_encoding (reader)),
                       ==, encodings[e]);

      for (;;)
        {
          gboolean more = tanlu_csv_reader_next (expected, &error);

          g_assert_no_error (error);
          g_assert_cmpint (tanlu_csv_reader_next (reader, &error), ==, more);
          g_assert_no_error (error);
          if (!more)
            break;

          n_records++;
          g_assert_cmpuint (tanlu_csv_reader_get_line (reader), ==,
                            tanlu_csv_reader_get_line (expected));
          g_assert_cmpuint (tanlu_csv_reader_get_n_fields (reader), ==, 2);
          for (guint f = 0; f < 2; f++)
            g_assert_cmpstr (tanlu_csv_reader_get_field (reader, f), ==,
                             tanlu_csv_reader_get_field (expected, f));
          g_assert_cmpfloat (tanlu_csv_reader_get_fraction (reader), >=, fraction);
          g_assert_cmpfloat (tanlu_csv_reader_get_fraction (reader), <=, 1.0);
          fraction = tanlu_csv_reader_get_fraction (reader);
        }

      g_assert_cmpuint (n_records, >, 1000);
      g_assert_cmpfloat (fraction, >, 0.9);
      g_assert_cmpfloat (tanlu_csv_reader_get_fraction (reader), ==, 1.0);
    }

  /* Invalid bytes after several pieces of GBK, on the last line. */
  {
    g_autoptr(GBytes) good = encode (text->str, "GBK", "", 0);
    g_autoptr(GByteArray) bad = g_byte_array_new ();
    g_autofree char *path = NULL;
    g_autofree char *fragment = g_strdup_printf ("“bad.csv”, line %u:", n_lines + 1);
    g_autoptr(TanluCsvReader) reader = NULL;
    g_autoptr(GError) error = NULL;
    guint n_records = 0;

    g_byte_array_append (bad, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
    g_byte_array_append (bad, (const guint8 *) "1,\xff\xff\n", 5);
    path = tanlu_test_write_file (dir, "bad.csv", (const char *) bad->data, bad->len);
    reader = tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_AUTO, '\0',
                                                         &error);
    g_assert_no_error (error);
    g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==, TANLU_TEXT_ENCODING_GB18030);
    while (tanlu_csv_reader_next (reader, &error))
      n_records++;
    g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, fragment));
    g_assert_cmpuint (n_records, ==, (n_lines + 1) / 2);
  }

  /* A decoded record longer than the limit. */
  {
    g_autoptr(GString) longer = g_string_new ("a,b\n");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(TanluCsvReader) reader = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < TANLU_CSV_MAX_RECORD / 3 + 10; i++)
      g_string_append (longer, "四");
    bytes = encode (longer->str, "UTF-16LE", "\xff\xfe", 2);
    reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, "long.csv",
                                                          TANLU_TEXT_ENCODING_AUTO, '\0', &error);
    g_assert_no_error (error);
    g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==, TANLU_TEXT_ENCODING_UTF16LE);
    g_assert_true (tanlu_csv_reader_next (reader, &error));
    g_assert_false (tanlu_csv_reader_next (reader, &error));
    g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, "“long.csv”, line 2: the record is longer than"));
  }

  tanlu_test_remove_tree (dir);
}

static void
test_detect_encoding (void)
{
  static const struct {
    const char       *head;
    gsize             length;
    TanluTextEncoding expected;
  } cases[] = {
    { "", 0, TANLU_TEXT_ENCODING_UTF8 },
    { "a,b\n", 4, TANLU_TEXT_ENCODING_UTF8 },
    { "\xef\xbb\xbf" "a", 4, TANLU_TEXT_ENCODING_UTF8 },
    { "\xe5\x9b\x9b\xe5\xb7\x9d", 6, TANLU_TEXT_ENCODING_UTF8 },
    /* Cut inside its last character, as the head of a longer file. */
    { "\xe5\x9b\x9b\xe5\xb7", 5, TANLU_TEXT_ENCODING_UTF8 },
    { "\xff\xfe" "a\0", 4, TANLU_TEXT_ENCODING_UTF16LE },
    { "\xfe\xff\0a", 4, TANLU_TEXT_ENCODING_UTF16BE },
    { "a\0,\0b\0", 6, TANLU_TEXT_ENCODING_UTF16LE },
    { "\0a\0,\0b", 6, TANLU_TEXT_ENCODING_UTF16BE },
    /* 四川,重庆 in UTF-16LE: the comma's NUL gives it away. */
    { "\xdb\x56\xdd\x5d,\0\xcd\x91\x86\x5e", 10, TANLU_TEXT_ENCODING_UTF16LE },
    /* 四川 in GBK. */
    { "\xcb\xc4\xb4\xa8", 4, TANLU_TEXT_ENCODING_GB18030 },
    { "\x84\x31\x95\x33" "a", 5, TANLU_TEXT_ENCODING_GB18030 },
    { "region,\xcb\xc4\xb4\xa8\n", 12, TANLU_TEXT_ENCODING_GB18030 },
  };
  static const char * const names[] = { "auto", "utf-8", "utf-16le", "utf-16be", "gb18030" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u", i);
      g_assert_cmpint (tanlu_text_detect_encoding ((const guint8 *) cases[i].head, cases[i].length),
                       ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      TanluTextEncoding encoding = -1;

      g_assert_true (tanlu_text_encoding_from_string (names[i], &encoding));
      g_assert_cmpint (encoding, ==, i);
      g_assert_cmpstr (tanlu_text_encoding_to_string (encoding), ==, names[i]);
      g_assert_nonnull (tanlu_text_encoding_get_display_name (encoding));
    }

  {
    TanluTextEncoding encoding = TANLU_TEXT_ENCODING_AUTO;

    g_assert_true (tanlu_text_encoding_from_string ("GBK", &encoding));
    g_assert_cmpint (encoding, ==, TANLU_TEXT_ENCODING_GB18030);
    g_assert_true (tanlu_text_encoding_from_string ("UTF-8", &encoding));
    g_assert_cmpint (encoding, ==, TANLU_TEXT_ENCODING_UTF8);
    g_assert_false (tanlu_text_encoding_from_string ("latin1", &encoding));
    g_assert_cmpint (encoding, ==, TANLU_TEXT_ENCODING_UTF8);
  }
}

static void
test_append_field (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "四川", "四川" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      tanlu_csv_append_field (line, cases[i].text);
      g_assert_cmpstr (line->str, ==, cases[i].expected);
    }
}

/* ------------------------------------------------------------------------ */

typedef TanluTestImportFixture Fixture;

static TanluImportReport *
import_text (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  g_autofree char *path = tanlu_test_write_file (fixture->dir, name, contents, -1);

  return tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
}

static GArray *
series (Fixture    *fixture,
        guint       code,
        const char *indicator)
{
  g_autoptr(GError) error = NULL;
  GArray *points = tanlu_store_get_series (fixture->store, code, indicator, &error);

  g_assert_no_error (error);
  return points;
}

static void
test_import_good (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = NULL;
  g_autoptr(GArray) points = NULL;
  TanluIndicator *indicator;
  TanluSource *source;

  report = import_text (fixture, "fixture-energy.csv",
                        "\xef\xbb\xbf" "region_code,indicator,year,value,unit,source\r\n"
                        "510000,fixture.energy,2019,210.5,Mtce,Fixture statistics office\r\n"
                        "510000,fixture.energy,2020,,Mtce,Fixture statistics office\r\n"
                        "510100,fixture.energy,2019,70.25,Mtce,\r\n"
                        "500000,fixture.energy,2019,\" 88 \",Mtce,Fixture statistics office\r\n");

  g_assert_no_error (report->error);
  g_assert_cmpint (report->kind, ==, TANLU_IMPORT_KIND_OBSERVATIONS_CSV);
  g_assert_cmpuint (report->n_values, ==, 3);
  g_assert_cmpuint (report->n_new, ==, 3);
  g_assert_cmpuint (report->n_missing, ==, 1);
  g_assert_cmpuint (report->n_regions, ==, 3);

  /* A new indicator, defined by the unit the file gives it. */
  indicator = tanlu_store_lookup_indicator (fixture->store, "fixture.energy");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "Mtce");
  g_assert_cmpstr (tanlu_indicator_get_category (indicator), ==, "user");

  points = series (fixture, 510000, "fixture.energy");
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpfloat (g_array_index (points, TanluSeriesPoint, 0).value, ==, 210.5);
  source =
    tanlu_store_get_source (fixture->store, g_array_index (points, TanluSeriesPoint, 0).source_id);
  g_assert_cmpstr (tanlu_source_get_title (source), ==, "Fixture statistics office");
  g_clear_pointer (&points, g_array_unref);

  /* A row without a source names the file it came from. */
  points = series (fixture, 510100, "fixture.energy");
  source =
    tanlu_store_get_source (fixture->store, g_array_index (points, TanluSeriesPoint, 0).source_id);
  g_assert_cmpstr (tanlu_source_get_key (source), ==, "file:fixture-energy.csv");
  g_assert_nonnull (strstr (tanlu_source_get_citation (source), "fixture-energy.csv"));
}

static void
test_import_known_indicator (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = NULL;
  g_autoptr(TanluImportReport) again = NULL;
  g_autoptr(GArray) points = NULL;

  /* Units written either way match; the region name columns our own export
   * writes are accepted. */
  report =
    import_text (fixture, "fixture-totals.csv",
                 "region_code,region_name_zh,region_name_en,indicator,year,value,unit,source\n"
                 "510000,四川,Sichuan,co2.total,2030,300,Mt CO2,ceads-provinces\n"
                 "510000,四川,Sichuan,co2.total,2031,290,MtCO₂,ceads-provinces\n");
  g_assert_no_error (report->error);
  g_assert_cmpuint (report->n_values, ==, 2);
  g_assert_cmpuint (report->warnings->len, ==, 0);

  /* A second import that changes one value replaces it and keeps the old. */
  again = import_text (fixture, "fixture-totals-2.csv",
                       "region_code,indicator,year,value,source\n"
                       "510000,co2.total,2030,310,ceads-provinces\n"
                       "510000,co2.total,2031,290,ceads-provinces\n");
  g_assert_no_error (again->error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_replaced, ==, 1);
  g_assert_cmpuint (tanlu_store_count_revisions (fixture->store, NULL), ==, 1);

  points = series (fixture, 510000, "co2.total");
  g_assert_cmpfloat (g_array_index (points, TanluSeriesPoint, 0).value, ==, 310);
}

static void
test_import_unused_column (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = NULL;

  report = import_text (fixture, "notes.csv",
                        "region_code,indicator,year,value,unit,note\n"
                        "510000,fixture.energy,2019,1,Mtce,checked\n");
  g_assert_no_error (report->error);
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "note"));
}

static void
test_import_rejected (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    GQuark      (*domain) (void);
    int         code;
    const char *fragment;
  } cases[] = {
    { "empty.csv", "", tanlu_csv_error_quark, TANLU_CSV_ERROR_EMPTY, "empty" },
    { "header-only.csv", "region_code,indicator,year,value\n", tanlu_import_error_quark,
      TANLU_IMPORT_ERROR_NO_DATA, "no rows" },
    { "wrong-header.csv", "region,indicator,year,value\n510000,co2.total,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER, "line 1" },
    { "twice-header.csv", "region_code,indicator,year,value,year\n510000,co2.total,2019,1,2019\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER, "year" },
    { "unknown-region.csv",
      "region_code,indicator,year,value\n510000,co2.total,2019,1\n999999,co2.total,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNKNOWN_REGION, "line 3" },
    { "short-code.csv", "region_code,indicator,year,value\n5100,co2.total,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNKNOWN_REGION, "5100" },
    { "unknown-indicator.csv", "region_code,indicator,year,value\n510000,co2.mystery,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR, "co2.mystery" },
    { "unit.csv", "region_code,indicator,year,value,unit\n510000,co2.total,2019,1,t CO2\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_UNIT_MISMATCH, "line 2" },
    { "year.csv",
      "region_code,indicator,year,value\n510000,co2.total,2019,1\n510000,co2.total,二〇二〇,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "line 3" },
    { "value.csv",
      "region_code,indicator,year,value\n510000,co2.total,2019,1\n510000,co2.total,2020,1.2.3\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "1.2.3" },
    { "nan.csv", "region_code,indicator,year,value\n510000,co2.total,2019,nan\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "line 2" },
    { "fields.csv", "region_code,indicator,year,value\n510000,co2.total,2019\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_BAD_ROW, "line 2" },
    { "duplicate.csv",
      "region_code,indicator,year,value\n510000,co2.total,2019,1\n500000,co2.total,2019,1\n510000,"
      "co2.total,2019,2\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_DUPLICATE, "line 4" },
    { "quote.csv", "region_code,indicator,year,value\n510000,co2.total,2019,\"1\n",
      tanlu_csv_error_quark, TANLU_CSV_ERROR_SYNTAX, "line 2" },
    { "gbk.csv",
      "region_code,indicator,year,value,source\n510000,co2.total,2019,1,\xcb\xc4\xb4\xa8\n",
      tanlu_csv_error_quark, TANLU_CSV_ERROR_ENCODING, "UTF-8" },
    /* Numbers are decimal only: 0x1A once became 26, 1e-400 became 0. */
    { "hex.csv", "region_code,indicator,year,value\n510000,co2.total,2019,0x1A\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
      "line 2: “0x1A” is not a decimal number" },
    { "infinity.csv", "region_code,indicator,year,value\n510000,co2.total,2019,inf\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "“inf” is not a decimal number" },
    { "overflow.csv", "region_code,indicator,year,value\n510000,co2.total,2019,1e400\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "“1e400” is too large" },
    { "underflow.csv", "region_code,indicator,year,value\n510000,co2.total,2019,1e-400\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
      "“1e-400” is too close to zero to be stored" },
    { "grouped.csv", "region_code,indicator,year,value\n510000,co2.total,2019,\"1,234\"\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NOT_A_NUMBER, "“1,234” is not a decimal" },
    /* A row whose names say Chongqing under Sichuan's code. */
    { "names.csv",
      "region_code,region_name_zh,region_name_en,indicator,year,value\n"
      "510000,重庆,Chongqing,co2.total,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_BAD_ROW,
      "line 2: the code 510000 is Sichuan (四川), but the row names it “重庆”" },
    { "names-en.csv",
      "region_code,region_name_en,indicator,year,value\n510000,Chongqing,co2.total,2019,1\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_BAD_ROW, "but the row names it “Chongqing”" },
    /* Only empty values: nothing to import, said so. */
    { "blank.csv", "region_code,indicator,year,value\n510000,co2.total,2019,\n"
      "500000,co2.total,2019,\n",
      tanlu_import_error_quark, TANLU_IMPORT_ERROR_NO_DATA,
      "has no values: all its 2 rows leave the value empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TanluImportReport) report = import_text (fixture, cases[i].name, cases[i].contents);
      g_autofree char *after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));

      g_test_message ("%s: %s", cases[i].name,
                      report->error != NULL ? report->error->message : "landed");
      g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_FAILED);
      g_assert_error (report->error, cases[i].domain (), cases[i].code);
      g_assert_nonnull (strstr (report->error->message, cases[i].name));
      g_assert_nonnull (strstr (report->error->message, cases[i].fragment));
      g_assert_cmpstr (fixture->fingerprint, ==, after);

      /* Nothing the failed file defined stays behind in memory either. */
      g_assert_null (tanlu_store_lookup_indicator (fixture->store, "co2.mystery"));
    }
}

/* A megabyte of text in a field is quoted in a message, not echoed. */
static void
test_import_long_field (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("region_code,indicator,year,value\n510000,\"");
  g_autoptr(TanluImportReport) report = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (contents, 'x');
  g_string_append (contents, "\",2019,1\n");

  report = import_text (fixture, "long.csv", contents->str);
  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_FAILED);
  g_assert_error (report->error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR);
  g_assert_nonnull (strstr (report->error->message, "the indicator “xxxxxxxxxx"));
  g_assert_nonnull (strstr (report->error->message, "x…”"));
  g_assert_cmpuint (strlen (report->error->message), <, 300);
}

/* A record longer than the reader's limit is refused rather than read
 * into memory whole, however long it goes on. */
static void
test_reader_long_record (void)
{
  g_autoptr(GString) contents = g_string_new ("a,b\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TANLU_CSV_MAX_RECORD + 10; i++)
    g_string_append_c (contents, 'x');
  bytes = g_bytes_new (contents->str, contents->len);

  reader = tanlu_csv_reader_new_for_bytes (bytes, "fixture.csv", &error);
  g_assert_no_error (error);
  g_assert_true (tanlu_csv_reader_next (reader, &error));
  g_assert_false (tanlu_csv_reader_next (reader, &error));
  g_assert_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "“fixture.csv”, line 2: the record is longer than"));
}

/* Reading a file a piece at a time gives the records reading it whole
 * gives, wherever the pieces end: inside quotes, between CR and LF, in a
 * doubled quote, in a multibyte character. */
static void
test_reader_pieces (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("\xef\xbb\xbf" "region,note\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TanluCsvReader) whole = NULL;
  g_autoptr(TanluCsvReader) pieces = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  for (guint i = 0; contents->len < 5 * 64 * 1024; i++)
    switch (i % 4)
      {
      case 0:
        g_string_append_printf (contents, "%u,\"fixture \"\"%u\"\"\nline two, 四川\"\r\n", i, i);
        break;
      case 1:
        g_string_append_printf (contents, "%u,四川省成都市%u\n\n", i, i);
        break;
      case 2:
        g_string_append_printf (contents, "%u,\"\"\r\n", i);
        break;
      default:
        g_string_append_printf (contents, "%u,%*s\n", i, (int) (i % 997), "x");
        break;
      }

  bytes = g_bytes_new (contents->str, contents->len);
  path = tanlu_test_write_file (fixture->dir, "pieces.csv", contents->str, contents->len);
  whole = tanlu_csv_reader_new_for_bytes (bytes, "pieces.csv", &error);
  g_assert_no_error (error);
  pieces = tanlu_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);

  for (;;)
    {
      gboolean more = tanlu_csv_reader_next (whole, &error);

      g_assert_no_error (error);
      g_assert_cmpint (tanlu_csv_reader_next (pieces, &error), ==, more);
      g_assert_no_error (error);
      if (!more)
        break;

      n_records++;
      g_assert_cmpuint (tanlu_csv_reader_get_line (pieces), ==, tanlu_csv_reader_get_line (whole));
      g_assert_cmpuint (tanlu_csv_reader_get_n_fields (pieces), ==, 2);
      g_assert_cmpuint (tanlu_csv_reader_get_n_fields (whole), ==, 2);
      for (guint f = 0; f < 2; f++)
        g_assert_cmpstr (tanlu_csv_reader_get_field (pieces, f), ==,
                         tanlu_csv_reader_get_field (whole, f));
    }

  g_assert_cmpuint (n_records, >, 1000);
  g_assert_cmpfloat (tanlu_csv_reader_get_fraction (pieces), ==, 1.0);
}

static void
test_import_rejects_new_indicator_with_bad_row (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = NULL;
  g_autofree char *after = NULL;

  report = import_text (fixture, "half.csv",
                        "region_code,indicator,year,value,unit\n"
                        "510000,fixture.new,2019,1,t\n"
                        "510000,fixture.new,2020,oops,t\n");
  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_FAILED);
  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fixture->fingerprint, ==, after);
  g_assert_null (tanlu_store_lookup_indicator (fixture->store, "fixture.new"));
  g_assert_null (tanlu_store_lookup_source (fixture->store, "file:half.csv"));
}

static void
test_import_unreadable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(TanluImportReport) report =
    tanlu_import_file (fixture->store, missing, NULL, NULL, NULL);
  g_autofree char *after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));

  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_FAILED);
  g_assert_nonnull (strstr (report->error->message, "missing.csv"));
  g_assert_cmpstr (fixture->fingerprint, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/csv/reader/records", test_reader_records);
  g_test_add_func ("/tanlu/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/tanlu/csv/reader/long-record", test_reader_long_record);
  g_test_add ("/tanlu/csv/reader/pieces", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_reader_pieces, tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/long-field", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_long_field, tanlu_test_import_fixture_tear_down);
  g_test_add_func ("/tanlu/csv/reader/encodings", test_reader_encodings);
  g_test_add_func ("/tanlu/csv/reader/forced-encoding", test_reader_forced_encoding);
  g_test_add_func ("/tanlu/csv/reader/invalid-bytes", test_reader_invalid_bytes);
  g_test_add_func ("/tanlu/csv/reader/separators", test_reader_separators);
  g_test_add_func ("/tanlu/csv/reader/late-chinese", test_reader_late_chinese);
  g_test_add_func ("/tanlu/csv/reader/decoded-pieces", test_reader_decoded_pieces);
  g_test_add_func ("/tanlu/csv/encoding/detect", test_detect_encoding);
  g_test_add_func ("/tanlu/csv/writer/append-field", test_append_field);
  g_test_add ("/tanlu/csv/import/good", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_good, tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/known-indicator", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_known_indicator, tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/unused-column", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_unused_column, tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/rejected", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_rejected, tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/rejected-after-new-indicator", Fixture, NULL,
              tanlu_test_import_fixture_set_up, test_import_rejects_new_indicator_with_bad_row,
              tanlu_test_import_fixture_tear_down);
  g_test_add ("/tanlu/csv/import/unreadable", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_import_unreadable, tanlu_test_import_fixture_tear_down);

  return g_test_run ();
}
