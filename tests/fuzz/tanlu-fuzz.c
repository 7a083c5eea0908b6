/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-fuzz"

#include "config.h"

#include "tanlu-fuzz.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>

/* What every harness shares: fatal warnings, and a file to read. */

static int   input_fd = -1;
static char *input_path;

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* Debug output and messages would flood the fuzzer's log. */
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_default (log_level, fields, n_fields, user_data);

  /* GLib would stop on SIGTRAP, which libFuzzer does not catch: it would
   * die without saving the input. */
  g_abort ();
}

static void
write_all (const void *data,
           gsize       size,
           gsize       offset)
{
  gsize written = 0;

  while (written < size)
    {
      gssize n = pwrite (input_fd, (const char *) data + written, size - written, offset + written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Cannot write the temporary file: %s", g_strerror (errno));
      written += n;
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical is a programmer's mistake (STYLE.md, §8): no
   * input may cause one, so each is a crash the fuzzer keeps, as in the
   * tests' G_DEBUG=fatal-warnings. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (quiet_writer, NULL, NULL);

  return 0;
}

/**
 * tanlu_fuzz_write_file:
 * @prefix: (nullable): bytes to write first
 *
 * Makes a file of @prefix followed by @data, for the readers that only
 * read files. It is one temporary file per process, unlinked as soon as it
 * is made and reached through /proc/self/fd, so nothing is left behind
 * when the fuzzer is killed.
 *
 * Returns: its path, the same on every call
 */
const char *
tanlu_fuzz_write_file (const void *prefix,
                       gsize       prefix_size,
                       const void *data,
                       gsize       size)
{
  if (input_fd < 0)
    {
      g_autofree char *tmp_path = NULL;
      g_autoptr(GError) error = NULL;

      input_fd = g_file_open_tmp ("tanlu-fuzz-XXXXXX", &tmp_path, &error);
      if (input_fd < 0)
        g_error ("Cannot make a temporary file: %s", error->message);
      g_unlink (tmp_path);
      input_path = g_strdup_printf ("/proc/self/fd/%d", input_fd);
    }

  if (ftruncate (input_fd, 0) != 0)
    g_error ("Cannot empty the temporary file: %s", g_strerror (errno));
  write_all (prefix, prefix_size, 0);
  write_all (data, size, prefix_size);

  return input_path;
}

/* Aborts, for the fuzzer to report, when text read from the input is not
 * valid UTF-8: it would reach Pango and the database. @owner names what
 * holds it ("spec", "pathway") and @what which text it is. */
void
tanlu_fuzz_check_text (const char *owner,
                       const char *what,
                       const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return;

  escaped = g_strescape (text, NULL);
  g_error ("The %s's %s is not valid UTF-8: \"%s\"", owner, what, escaped);
}
