/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tanlu_cli_extract_db_option (int    *argc,
                                      char ***argv,
                                      char  **db_path,
                                      GError **error);
gboolean tanlu_cli_is_command        (int     argc,
                                      char  **argv);
int      tanlu_cli_run               (const char *db_path,
                                      int         argc,
                                      char      **argv);
int      tanlu_cli_start_window      (int         argc,
                                      char      **argv);
const char *tanlu_cli_locale_directory (void);

G_END_DECLS
