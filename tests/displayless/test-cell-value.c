/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cell-value"

#include "config.h"

#include "import/tanlu-cell-value.h"

#include <math.h>

/* Every form a planner's number is accepted in, and the forms refused
 * because they could be read two ways. */
static void
test_parse (void)
{
  static const struct {
    const char     *text;
    TanluCellValue  expected;
    double          value;
    const char     *footnote;
  } cases[] = {
    /* Plain decimals, as tanlu_input_parse_number() reads them. */
    { "1234", TANLU_CELL_VALUE_OK, 1234, NULL },
    { "-12.5", TANLU_CELL_VALUE_OK, -12.5, NULL },
    { "+0.25", TANLU_CELL_VALUE_OK, 0.25, NULL },
    { ".5", TANLU_CELL_VALUE_OK, 0.5, NULL },
    { "0", TANLU_CELL_VALUE_OK, 0, NULL },
    { "1.5E3", TANLU_CELL_VALUE_OK, 1500, NULL },
    { "2e-3", TANLU_CELL_VALUE_OK, 0.002, NULL },
    /* Spaces around, ideographic and no-break too. */
    { "  42\t", TANLU_CELL_VALUE_OK, 42, NULL },
    { "\u3000" "42\u3000", TANLU_CELL_VALUE_OK, 42, NULL },
    { "\u00a0" "42", TANLU_CELL_VALUE_OK, 42, NULL },
    /* Thousands separators. */
    { "1,234", TANLU_CELL_VALUE_OK, 1234, NULL },
    { "1,234.5", TANLU_CELL_VALUE_OK, 1234.5, NULL },
    { "12,345,678.25", TANLU_CELL_VALUE_OK, 12345678.25, NULL },
    { "-1,000", TANLU_CELL_VALUE_OK, -1000, NULL },
    { "1\uff0c234", TANLU_CELL_VALUE_OK, 1234, NULL },
    { "999,999", TANLU_CELL_VALUE_OK, 999999, NULL },
    /* Full-width digits, point and signs. */
    { "\uff11\uff12\uff13\uff14\uff0e\uff15", TANLU_CELL_VALUE_OK, 1234.5, NULL },
    { "\uff0d\uff15", TANLU_CELL_VALUE_OK, -5, NULL },
    { "\uff0b\uff15", TANLU_CELL_VALUE_OK, 5, NULL },
    { "\u2212" "5", TANLU_CELL_VALUE_OK, -5, NULL },
    { "\uff11\uff0c\uff12\uff13\uff14", TANLU_CELL_VALUE_OK, 1234, NULL },
    /* Footnote marks. */
    { "1234*", TANLU_CELL_VALUE_OK, 1234, "*" },
    { "1234**", TANLU_CELL_VALUE_OK, 1234, "**" },
    { "1234***", TANLU_CELL_VALUE_OK, 1234, "***" },
    { "1234\uff0a", TANLU_CELL_VALUE_OK, 1234, "\uff0a" },
    { "1,234.5\u2020", TANLU_CELL_VALUE_OK, 1234.5, "\u2020" },
    { "12\u2021", TANLU_CELL_VALUE_OK, 12, "\u2021" },
    { "12\u2460", TANLU_CELL_VALUE_OK, 12, "\u2460" },
    { "12\u2469 ", TANLU_CELL_VALUE_OK, 12, "\u2469" },
    /* Percentages: the number as written, and said to be one. */
    { "12.5%", TANLU_CELL_VALUE_PERCENT, 12.5, NULL },
    { "\uff11\uff12\uff05", TANLU_CELL_VALUE_PERCENT, 12, NULL },
    { "-3%*", TANLU_CELL_VALUE_PERCENT, -3, "*" },
    /* Missing. */
    { "", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "   ", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u3000", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "-", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "--", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u2014", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u2014\u2014", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u2013", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\uff0d", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u2026", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u2026\u2026", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "...", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { " \u7a7a ", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "\u65e0", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "/", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "NA", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "n/a", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "n.a.", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "N.A.", TANLU_CELL_VALUE_MISSING, 0, NULL },
    /* Refused: could be read two ways, or is not a number. */
    { "1,23,4", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,23", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,2345", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234,567", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "0,123", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { ",123", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1.234,5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,234.5,6", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,234e3", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1.2.3", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12abc", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234a", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234\u00b9", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234*5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234****", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1234 *", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "*", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "\u2460", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12\u2460\u2461", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12\u246a", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1 234", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "- 5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "(1,234)", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "0x1A", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "inf", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "-Infinity", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "nan", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "NaN", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1e400", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1e-400", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "+", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "%", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12%%", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12 %", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "--5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "\u2014" "5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "\u4e8c\u3007\u4e8c\u3007", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "Fixture", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "\xff" "12", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Not owned: the parser must overwrite it. */
      static char stale[] = "stale";
      g_autofree char *footnote = NULL;
      double value = NAN;
      TanluCellValue result;

      g_test_message ("%u", i);
      footnote = stale;
      result = tanlu_cell_value_parse (cases[i].text, &value, &footnote);
      g_assert_true (footnote != stale);
      g_assert_cmpint (result, ==, cases[i].expected);
      g_assert_cmpstr (footnote, ==, cases[i].footnote);

      if (result == TANLU_CELL_VALUE_OK || result == TANLU_CELL_VALUE_PERCENT)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9 * MAX (1, fabs (cases[i].value)));
      else
        g_assert_true (isnan (value));

      /* The footnote is optional. */
      value = NAN;
      g_assert_cmpint (tanlu_cell_value_parse (cases[i].text, &value, NULL), ==, cases[i].expected);
    }
}

/* Numbers from a spreadsheet in a locale that writes a decimal comma:
 * the point and spaces group thousands, and what could be read with a
 * decimal point is refused. */
static void
test_parse_decimal_comma (void)
{
  static const struct {
    const char     *text;
    TanluCellValue  expected;
    double          value;
    const char     *footnote;
  } cases[] = {
    { "12,5", TANLU_CELL_VALUE_OK, 12.5, NULL },
    { "1.234,5", TANLU_CELL_VALUE_OK, 1234.5, NULL },
    { "-0,5", TANLU_CELL_VALUE_OK, -0.5, NULL },
    { "12,5*", TANLU_CELL_VALUE_OK, 12.5, "*" },
    { "1234", TANLU_CELL_VALUE_OK, 1234, NULL },
    { "1.234", TANLU_CELL_VALUE_OK, 1234, NULL },
    { "12.345.678,25", TANLU_CELL_VALUE_OK, 12345678.25, NULL },
    { "1 234,5", TANLU_CELL_VALUE_OK, 1234.5, NULL },
    { "1\u00a0234,5", TANLU_CELL_VALUE_OK, 1234.5, NULL },
    { "1\u202f234\u202f567", TANLU_CELL_VALUE_OK, 1234567, NULL },
    { "\u00a0" "12,5\u00a0", TANLU_CELL_VALUE_OK, 12.5, NULL },
    { ",5", TANLU_CELL_VALUE_OK, 0.5, NULL },
    { "1,5E3", TANLU_CELL_VALUE_OK, 1500, NULL },
    { "\uff11\uff12\uff0c\uff15", TANLU_CELL_VALUE_OK, 12.5, NULL },
    { "12,5%", TANLU_CELL_VALUE_PERCENT, 12.5, NULL },
    { "\u2014", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "", TANLU_CELL_VALUE_MISSING, 0, NULL },
    { "1.23", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "0.123", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,234.5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1,2,3", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1.234,5e3", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1  234", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "1\t234", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "12,5 *", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "- 5", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
    { "Fixture", TANLU_CELL_VALUE_NOT_A_NUMBER, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *footnote = NULL;
      double value = NAN;
      TanluCellValue result;

      g_test_message ("“%s”", cases[i].text);
      result = tanlu_cell_value_parse_full (cases[i].text, TANLU_DECIMAL_COMMA, &value,
                                            &footnote);
      g_assert_cmpint (result, ==, cases[i].expected);
      g_assert_cmpstr (footnote, ==, cases[i].footnote);
      if (result == TANLU_CELL_VALUE_OK || result == TANLU_CELL_VALUE_PERCENT)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9 * MAX (1, fabs (cases[i].value)));
      else
        g_assert_true (isnan (value));
    }

  /* The same texts with a decimal point. */
  {
    double value = NAN;

    g_assert_cmpint (tanlu_cell_value_parse_full ("1.234,5", TANLU_DECIMAL_POINT, &value, NULL),
                     ==, TANLU_CELL_VALUE_NOT_A_NUMBER);
    g_assert_cmpint (tanlu_cell_value_parse_full ("12,5", TANLU_DECIMAL_POINT, &value, NULL),
                     ==, TANLU_CELL_VALUE_NOT_A_NUMBER);
    g_assert_cmpint (tanlu_cell_value_parse_full ("1.5", TANLU_DECIMAL_POINT, &value, NULL),
                     ==, TANLU_CELL_VALUE_OK);
    g_assert_cmpfloat (value, ==, 1.5);
  }
}

static void
test_parse_null_and_long (void)
{
  g_autofree char *footnote = NULL;
  g_autofree char *digits = g_strnfill (TANLU_CELL_VALUE_MAX_LENGTH + 1, '1');
  double value = NAN;

  g_assert_cmpint (tanlu_cell_value_parse (NULL, &value, &footnote), ==, TANLU_CELL_VALUE_MISSING);
  g_assert_null (footnote);
  g_assert_cmpint (tanlu_cell_value_parse (digits, &value, &footnote), ==,
                   TANLU_CELL_VALUE_NOT_A_NUMBER);

  digits[TANLU_CELL_VALUE_MAX_LENGTH - 2] = '\0';
  g_assert_cmpint (tanlu_cell_value_parse (digits, &value, &footnote), ==, TANLU_CELL_VALUE_OK);
  g_assert_cmpfloat (value, >, 1e120);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/cell-value/parse", test_parse);
  g_test_add_func ("/tanlu/cell-value/decimal-comma", test_parse_decimal_comma);
  g_test_add_func ("/tanlu/cell-value/null-and-long", test_parse_null_and_long);

  return g_test_run ();
}
