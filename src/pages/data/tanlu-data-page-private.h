/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-data-page.h"

G_BEGIN_DECLS

GListModel *_tanlu_data_page_get_model (TanluDataPage *self);

G_END_DECLS
