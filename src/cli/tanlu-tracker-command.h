/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tanlu_tracker_command_run (const char  *db_path,
                               int          argc,
                               char       **argv);

G_END_DECLS
