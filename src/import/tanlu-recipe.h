/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "store/tanlu-store-types.h"
#include "tanlu-import-report.h"

G_BEGIN_DECLS

#define TANLU_RECIPE_ERROR (tanlu_recipe_error_quark ())

typedef enum
{
  TANLU_RECIPE_ERROR_INVALID,
  TANLU_RECIPE_ERROR_REFUSED,
} TanluRecipeError;

typedef struct _TanluRecipe TanluRecipe;

/**
 * TanluRecipeProgressFunc:
 * @fraction: how much of the work is done, from 0 to 1
 *
 * Called from the thread that applies a recipe.
 */
typedef void (*TanluRecipeProgressFunc) (double   fraction,
                                         gpointer user_data);

/**
 * TanluRecipeResult:
 * @n_new: values the database does not hold yet
 * @n_replaced: values that replace a different stored value
 * @n_unchanged: values equal to the stored one
 * @n_total_rows: total rows (合计) skipped
 * @n_missing: value cells left empty or marked missing, skipped
 * @n_skipped_regions: rows of names the recipe says to skip (a district
 *   below the registry, a note under the table)
 * @replaced: (element-type utf8): "REGION YEAR OLD -> NEW", one per replaced
 *   value; "REGION YEAR INDICATOR OLD -> NEW" for the layout "indicators"
 * @skipped: (element-type utf8): "WHERE: REASON", one per skipped row or cell
 *
 * What applying a recipe writes, or would write.
 */
typedef struct
{
  guint      n_new;
  guint      n_replaced;
  guint      n_unchanged;
  guint      n_total_rows;
  guint      n_missing;
  guint      n_skipped_regions;
  GPtrArray *replaced;
  GPtrArray *skipped;
} TanluRecipeResult;

GQuark        tanlu_recipe_error_quark   (void);
TanluRecipe  *tanlu_recipe_load          (const char               *path,
                                          GError                  **error);
TanluRecipe  *tanlu_recipe_load_data     (const char               *data,
                                          gsize                     length,
                                          const char               *display_name,
                                          GError                  **error);
char         *tanlu_recipe_to_json       (TanluRecipe              *self);
const char   *tanlu_recipe_get_name      (TanluRecipe              *self);
void          tanlu_recipe_free          (TanluRecipe              *self);
gboolean      tanlu_recipe_apply         (TanluStore               *store,
                                          TanluRecipe              *recipe,
                                          const char               *path,
                                          gboolean                  dry_run,
                                          TanluRecipeResult       **result,
                                          TanluRecipeProgressFunc   progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);
void          tanlu_recipe_result_free   (TanluRecipeResult        *result);

void          tanlu_recipe_apply_async   (GObject                  *source_object,
                                          const char               *db_path,
                                          const char               *recipe_json,
                                          const char               *path,
                                          gboolean                  dry_run,
                                          TanluImportFilesProgress  progress,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
TanluRecipeResult *
              tanlu_recipe_apply_finish  (GAsyncResult             *result,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluRecipe, tanlu_recipe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluRecipeResult, tanlu_recipe_result_free)

G_END_DECLS
