/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "import/tanlu-dataset.h"
#include "import/tanlu-import.h"
#include "store/tanlu-store.h"

/* Developer tool, not installed:
 *
 *   tanlu-dataset build MANIFEST OUTPUT.db
 *       builds the bundled database from data/dataset.json (run by the build);
 *   tanlu-dataset derive-ceads MANIFEST CEADS_DIR OUTPUT_DIR
 *       imports the original CEADs workbooks with Tanlu's own importer and
 *       writes the derived tables committed under data/ceads/.
 */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static int
derive_ceads (const char *manifest,
              const char *ceads_dir,
              const char *output_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) provinces = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *provinces_dir = g_build_filename (ceads_dir, "provinces", NULL);
  const char *name;
  int status = 0;

  if (!(work_dir = g_dir_make_tmp ("tanlu-derive-XXXXXX", &error)))
    goto failed;
  db_path = g_build_filename (work_dir, "derive.db", NULL);

  if (!(store = tanlu_store_new (db_path, &error)) ||
      !tanlu_store_begin (store, &error) ||
      !tanlu_dataset_load_registry (store, manifest, &error) ||
      !tanlu_store_commit (store, &error))
    goto failed;

  g_ptr_array_add (files, g_build_filename (ceads_dir, "nation_1997-2019.xlsx", NULL));
  if (!(provinces = g_dir_open (provinces_dir, 0, &error)))
    goto failed;
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    while ((name = g_dir_read_name (provinces)))
      if (g_str_has_suffix (name, ".xlsx"))
        g_ptr_array_add (names, g_build_filename (provinces_dir, name, NULL));
    g_ptr_array_sort (names, compare_paths);
    for (guint i = 0; i < names->len; i++)
      g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
  }
  g_ptr_array_add (files, g_build_filename (ceads_dir, "cities_1997-2019.xlsx", NULL));

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(TanluImportReport) report =
        tanlu_import_file (store, g_ptr_array_index (files, i), NULL, NULL, NULL);
      g_autofree char *line = tanlu_import_report_describe (report);

      g_print ("%s\n", line);
      for (guint w = 0; w < report->unmatched->len; w++)
        g_print ("  unmatched: %s\n", (const char *)g_ptr_array_index (report->unmatched, w));
      for (guint w = 0; w < report->warnings->len; w++)
        g_print ("  warning: %s\n", (const char *)g_ptr_array_index (report->warnings, w));

      if (report->status != TANLU_IMPORT_STATUS_LANDED)
        status = 1;
    }

  if (status == 0)
    {
      static const struct { TanluRegionLevel level; const char *file; } outputs[] = {
        { TANLU_REGION_LEVEL_NATION, "nation.csv" },
        { TANLU_REGION_LEVEL_PROVINCE, "provinces.csv" },
        { TANLU_REGION_LEVEL_CITY, "cities.csv" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
        {
          g_autofree char *path = g_build_filename (output_dir, outputs[i].file, NULL);

          if (!tanlu_dataset_write_observations (store, outputs[i].level, path, &error))
            goto failed;
          g_print ("wrote %s\n", path);
        }

      {
        g_autofree char *path = g_build_filename (output_dir, "incomplete.csv", NULL);

        if (!tanlu_dataset_write_incomplete (store, path, &error))
          goto failed;
        g_print ("wrote %s\n", path);
      }
    }

  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

        g_unlink (path);
      }
    g_rmdir (work_dir);
  }

  return status;

failed:
  g_printerr ("tanlu-dataset: %s\n", error->message);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "build"))
    {
      if (!tanlu_dataset_build (argv[2], argv[3], &error))
        {
          g_printerr ("tanlu-dataset: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (argc == 5 && g_str_equal (argv[1], "derive-ceads"))
    return derive_ceads (argv[2], argv[3], argv[4]);

  g_printerr ("Usage:\n"
              "  tanlu-dataset build MANIFEST OUTPUT.db\n"
              "  tanlu-dataset derive-ceads MANIFEST CEADS_DIR OUTPUT_DIR\n");
  return 2;
}
