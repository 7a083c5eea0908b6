/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-store.h"

G_BEGIN_DECLS

/**
 * TanluTestImportFixture:
 * @dir: a temporary folder, removed afterwards
 * @store: a database there holding the registry and no observations
 * @fingerprint: the database's fingerprint before the test
 */
typedef struct
{
  char       *dir;
  TanluStore *store;
  char       *fingerprint;
} TanluTestImportFixture;

void        tanlu_test_import_fixture_set_up    (TanluTestImportFixture *fixture,
                                                 gconstpointer           data);
void        tanlu_test_import_fixture_tear_down (TanluTestImportFixture *fixture,
                                                 gconstpointer           data);
char       *tanlu_test_bundled_copy         (const char  *directory);
const char *tanlu_test_shared_data_dir      (void);
char       *tanlu_test_shared_path          (const char  *relative);
char       *tanlu_test_make_tmpdir          (void);
void        tanlu_test_remove_tree          (const char  *path);
char       *tanlu_test_registry_copy        (const char  *directory);
TanluStore *tanlu_test_registry_store       (const char  *directory);
char       *tanlu_test_fingerprint          (const char  *db_path);
char       *tanlu_test_write_file           (const char  *directory,
                                             const char  *name,
                                             const char  *contents,
                                             gssize       length);

G_END_DECLS
