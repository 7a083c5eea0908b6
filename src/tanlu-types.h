/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

typedef struct _TanluApplication    TanluApplication;
typedef struct _TanluContext        TanluContext;
typedef struct _TanluDataPage       TanluDataPage;
typedef struct _TanluRegionSidebar  TanluRegionSidebar;
typedef struct _TanluWindow         TanluWindow;

G_END_DECLS
