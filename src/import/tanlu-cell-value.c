/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-cell-value"

#include "config.h"

#include "tanlu-cell-value.h"
#include "tanlu-input.h"

#include <string.h>

/* Numbers as planners type them into tables: with thousands separators,
 * in full-width digits from a Chinese input method, with a footnote mark
 * after them, and with a dash or a word where a value is missing. Whatever
 * could be read two ways is refused, so that no cell is read wrong
 * silently. */

/* Whole cells that say the value is missing, compared after trimming;
 * ASCII ones in any case. */
static const char * const missing_marks[] = {
  "-", "--", "\u2014", "\u2014\u2014", "\u2013", "\u2013\u2013", "\uff0d", "\u2212",
  "\u2026", "\u2026\u2026", "...", "\u7a7a", "\u65e0", "\u7121", "/", "\uff0f",
  "NA", "N/A", "n.a.", "n/a", "\uff2e\uff21",
};

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00a0 || c == 0x3000;
}

/* A space that may group the thousands of a number written with a
 * decimal comma: “1 234,5”, with U+00A0 or U+202F as spreadsheets write it. */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009;
}

/* A full-width form or a typographic sign, as its ASCII character; 0 for
 * anything else that is not ASCII. */
static char
to_ascii (gunichar c)
{
  if (c < 0x80)
    return (char) c;
  if (c >= 0xff10 && c <= 0xff19)
    return (char) ('0' + (c - 0xff10));

  switch (c)
    {
    case 0xff0e:  /* ． */
      return '.';
    case 0xff0c:  /* ， */
      return ',';
    case 0xff0b:  /* ＋ */
      return '+';
    case 0xff0d:  /* － */
    case 0x2212:  /* − */
      return '-';
    case 0xff05:  /* ％ */
      return '%';
    case 0xff0a:  /* ＊ */
      return '*';
    default:
      return '\0';
    }
}

/* Whether @mark, the text after a number, is a footnote mark: one to three
 * asterisks, a dagger or double dagger, or a circled number ① to ⑩.
 * Letters and digits are not: “12a” could be a typo as much as a note,
 * and “1234¹” could be 12341. */
static gboolean
is_footnote (const char *mark)
{
  static const char * const marks[] = {
    "*", "**", "***", "\uff0a", "\uff0a\uff0a", "\u2020", "\u2021", "\u2020\u2020",
  };
  gunichar c;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strcmp (mark, marks[i]) == 0)
      return TRUE;

  c = g_utf8_get_char (mark);
  return c >= 0x2460 && c <= 0x2469 && *g_utf8_next_char (mark) == '\0';
}

/* Reads digits grouped by commas in threes; returns the end, or NULL if
 * the groups are wrong. The digits go to @out, at @n, without the commas;
 * @out has room for all of @p. */
static const char *
read_integer_part (const char *p,
                   char       *out,
                   gsize      *n,
                   gboolean   *grouped)
{
  const char *digits = p;
  gsize first = 0;

  while (g_ascii_isdigit (*p))
    {
      out[(*n)++] = *p++;
      first++;
    }

  *grouped = FALSE;
  if (*p != ',')
    return p;

  /* “0,123” and “,123” read as decimals with a comma elsewhere. */
  if (first == 0 || first > 3 || *digits == '0')
    return NULL;

  while (*p == ',')
    {
      p++;
      for (guint i = 0; i < 3; i++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          out[(*n)++] = *p++;
        }
      if (g_ascii_isdigit (*p))
        return NULL;
    }

  *grouped = TRUE;
  return p;
}

/**
 * tanlu_cell_value_parse_full:
 * @text: (nullable): the text of a cell, in UTF-8; %NULL is an empty cell
 * @decimal: how the table writes decimals
 * @value: (out): the number, set for %TANLU_CELL_VALUE_OK and
 *   %TANLU_CELL_VALUE_PERCENT only
 * @footnote: (out) (optional) (nullable) (transfer full): the footnote mark
 *   after the number, as written, or %NULL when there is none
 *
 * Reads a number written in a planner's table. Accepted, with spaces
 * (also U+00A0 and the ideographic space U+3000) around:
 *
 *  - decimal numbers as tanlu_input_parse_number() reads them, with an
 *    exponent (`1.5e3`, as spreadsheets export large values);
 *  - thousands separators: commas, full-width too, between groups of
 *    exactly three digits (`1,234.5`, `1，234`, `12,345,678`), in the
 *    integer part only and never with an exponent; “1,23” and “0,123” are
 *    refused, as they may be decimal commas;
 *  - full-width digits, decimal point and signs (`１２３４．５`, `－５`),
 *    and the minus sign U+2212;
 *  - a percent sign after the number: %TANLU_CELL_VALUE_PERCENT;
 *  - a footnote mark last: `*`, `**`, `***`, `†`, `‡`, `††` or a circled
 *    number `①`–`⑩`. Letters, superscripts and brackets are not taken for
 *    marks.
 *
 * Missing: an empty cell, `-`, `--`, `—`, `——`, `–`, `－`, `…`, `……`,
 * `...`, `空`, `无`, `無`, `/`, `NA`, `N/A`, `n.a.` (any case).
 *
 * With %TANLU_DECIMAL_COMMA the roles of the point and the comma swap
 * (`1.234,5`, `12,5`, `-0,5`, `12,5*`), and a space, U+00A0, U+202F or
 * U+2009 groups thousands like the point (`1 234,5`); “1.23” and “0.123”
 * are refused, as they may be decimal points.
 *
 * Anything else is %TANLU_CELL_VALUE_NOT_A_NUMBER: words, `1.2.3`,
 * `12abc`, hexadecimal, “inf”, “NaN”, numbers too large or too close to 0
 * for a double, more than %TANLU_CELL_VALUE_MAX_LENGTH bytes.
 *
 * Returns: what the cell holds
 */
TanluCellValue
tanlu_cell_value_parse_full (const char        *text,
                             TanluDecimalMark   decimal,
                             double            *value,
                             char             **footnote)
{
  char ascii[TANLU_CELL_VALUE_MAX_LENGTH + 1];
  char number[TANLU_CELL_VALUE_MAX_LENGTH + 1];
  gsize number_length = 0;
  const char *start;
  const char *end;
  const char *mark = NULL;
  const char *p;
  gsize n = 0;
  gboolean grouped = FALSE;
  gboolean percent = FALSE;
  double parsed;

  g_return_val_if_fail (value != NULL, TANLU_CELL_VALUE_NOT_A_NUMBER);
  g_return_val_if_fail (decimal == TANLU_DECIMAL_POINT || decimal == TANLU_DECIMAL_COMMA,
                        TANLU_CELL_VALUE_NOT_A_NUMBER);

  if (footnote != NULL)
    *footnote = NULL;

  if (text == NULL)
    return TANLU_CELL_VALUE_MISSING;
  if (!g_utf8_validate (text, -1, NULL))
    return TANLU_CELL_VALUE_NOT_A_NUMBER;

  /* Trimmed. */
  for (start = text; *start != '\0' && is_space (g_utf8_get_char (start));
       start = g_utf8_next_char (start))
    ;
  for (end = start + strlen (start); end > start;)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  if (end == start)
    return TANLU_CELL_VALUE_MISSING;
  if ((gsize) (end - start) > TANLU_CELL_VALUE_MAX_LENGTH)
    return TANLU_CELL_VALUE_NOT_A_NUMBER;

  for (guint i = 0; i < G_N_ELEMENTS (missing_marks); i++)
    if (strlen (missing_marks[i]) == (gsize) (end - start) &&
        g_ascii_strncasecmp (start, missing_marks[i], end - start) == 0)
      return TANLU_CELL_VALUE_MISSING;

  /* The number in ASCII, up to the first character that cannot be part of
   * one: the footnote mark, if anything. */
  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      char c = to_ascii (u);

      /* With a decimal comma, read as if written with a point. */
      if (decimal == TANLU_DECIMAL_COMMA)
        {
          if (c == '.' || is_group_space (u))
            c = ',';
          else if (c == ',')
            c = '.';
        }
      if (c == '\0' || c == '*')
        break;
      ascii[n++] = c;
    }
  ascii[n] = '\0';

  if (p < end)
    {
      char rest[TANLU_CELL_VALUE_MAX_LENGTH + 1];

      memcpy (rest, p, end - p);
      rest[end - p] = '\0';
      if (!is_footnote (rest))
        return TANLU_CELL_VALUE_NOT_A_NUMBER;
      mark = p;
    }

  if (n > 0 && ascii[n - 1] == '%')
    {
      percent = TRUE;
      ascii[--n] = '\0';
    }

  /* Sign, grouped integer part, the rest as it is. */
  p = ascii;
  if (*p == '+' || *p == '-')
    number[number_length++] = *p++;
  p = read_integer_part (p, number, &number_length, &grouped);
  if (p == NULL)
    return TANLU_CELL_VALUE_NOT_A_NUMBER;
  if (grouped && strpbrk (p, "eE") != NULL)
    return TANLU_CELL_VALUE_NOT_A_NUMBER;
  /* Spaces inside the number are not trimming. */
  if (strpbrk (p, " \t\n\r,") != NULL)
    return TANLU_CELL_VALUE_NOT_A_NUMBER;
  memcpy (number + number_length, p, strlen (p) + 1);

  if (tanlu_input_parse_number (number, &parsed) != TANLU_NUMBER_OK)
    return TANLU_CELL_VALUE_NOT_A_NUMBER;

  *value = parsed;
  if (footnote != NULL && mark != NULL)
    *footnote = g_strndup (mark, end - mark);

  return percent ? TANLU_CELL_VALUE_PERCENT : TANLU_CELL_VALUE_OK;
}

/**
 * tanlu_cell_value_parse:
 * @text: (nullable): the text of a cell, in UTF-8; %NULL is an empty cell
 * @value: (out): the number, set for %TANLU_CELL_VALUE_OK and
 *   %TANLU_CELL_VALUE_PERCENT only
 * @footnote: (out) (optional) (nullable) (transfer full): the footnote mark
 *   after the number, as written, or %NULL when there is none
 *
 * Reads a number written with a decimal point, as
 * tanlu_cell_value_parse_full() does with %TANLU_DECIMAL_POINT.
 *
 * Returns: what the cell holds
 */
TanluCellValue
tanlu_cell_value_parse (const char  *text,
                        double      *value,
                        char       **footnote)
{
  return tanlu_cell_value_parse_full (text, TANLU_DECIMAL_POINT, value, footnote);
}
