/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store.h"

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

/**
 * TanluTestBundledFixture:
 * @dir: a temporary folder, removed afterwards
 * @store: a copy of the bundled dataset there, open
 */
typedef struct
{
  char       *dir;
  TanluStore *store;
} TanluTestBundledFixture;

/**
 * TanluTestRun:
 * @status: the exit status
 * @out: what it wrote to standard output
 * @err: what it wrote to standard error
 *
 * How a run of the `tanlu` program went.
 */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TanluTestRun;

void        tanlu_test_run_clear                (TanluTestRun           *run);
void        tanlu_test_run_tanlu                (TanluTestRun           *run,
                                                 const char             *home,
                                                 const char             *db,
                                                 const char             *first,
                                                 ...) G_GNUC_NULL_TERMINATED;
void        tanlu_test_run_tanlu_valist         (TanluTestRun           *run,
                                                 const char             *home,
                                                 const char             *db,
                                                 const char             *first,
                                                 va_list                 args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TanluTestRun, tanlu_test_run_clear)

void        tanlu_test_bundled_fixture_set_up    (TanluTestBundledFixture *fixture,
                                                  gconstpointer            data);
void        tanlu_test_bundled_fixture_tear_down (TanluTestBundledFixture *fixture,
                                                  gconstpointer            data);
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
void        tanlu_test_assert_png_size      (const char  *path,
                                             guint32      width,
                                             guint32      height);
char       *tanlu_test_png_text             (const char  *path,
                                             const char  *keyword);
char       *tanlu_test_write_file           (const char  *directory,
                                             const char  *name,
                                             const char  *contents,
                                             gssize       length);

G_END_DECLS
