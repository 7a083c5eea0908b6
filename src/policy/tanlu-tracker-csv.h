/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tanlu_tracker_csv (GPtrArray *tasks);

G_END_DECLS
