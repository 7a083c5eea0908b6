/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  tanlu_cli_run         (const char  *db_path,
                            int          argc,
                            char       **argv);
void tanlu_cli_print_usage (void);

G_END_DECLS
