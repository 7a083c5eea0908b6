/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    tanlu_arguments_extract_db       (int         *argc,
                                              char      ***argv,
                                              char       **db_path,
                                              GError     **error);
gboolean    tanlu_arguments_is_command       (int          argc,
                                              char       **argv);
const char *tanlu_arguments_program          (int          argc,
                                              char       **argv);
const char *tanlu_arguments_get_build_tree        (void);
const char *tanlu_arguments_get_program_directory (void);
void        tanlu_arguments_setup                 (void);

G_END_DECLS
