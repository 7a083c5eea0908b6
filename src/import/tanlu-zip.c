/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-zip"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-zip.h"

#include <string.h>
#include <zlib.h>

/* Reading a zip archive held in memory, as workbooks are: the central
 * directory at its end lists every entry with its sizes and where its data
 * starts, so any entry is read directly, in any order, without passing
 * through the ones before it. Entries are stored or deflated; the sizes
 * and checksum the directory gives are checked against what inflating
 * produces, so a damaged or inflated entry is caught rather than trusted.
 * ZIP64 records are read, for archives written with them. */

#define EOCD_SIZE           22
#define EOCD_SEARCH         (EOCD_SIZE + 0xffff)
#define ZIP64_LOCATOR_SIZE  20
#define ZIP64_EOCD_SIZE     56
#define CENTRAL_HEADER_SIZE 46
#define LOCAL_HEADER_SIZE   30
#define CHUNK_SIZE          (64 * 1024)

typedef struct
{
  char    *name;
  guint64  compressed_size;
  guint64  size;
  guint64  local_offset;
  guint32  crc32;
  guint16  method;
  guint16  flags;
} Entry;

struct _TanluZip
{
  GBytes       *bytes;
  const guint8 *data;
  gsize         length;
  GArray       *entries;   /* Entry */
};

G_DEFINE_QUARK (tanlu-zip-error-quark, tanlu_zip_error)

/* ------------------------------------------------------------------------ */

static guint16
read16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
read64 (const guint8 *p)
{
  return read32 (p) | ((guint64) read32 (p + 4) << 32);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
}

static void
set_corrupt (GError     **error,
             const char  *reason)
{
  g_set_error_literal (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_CORRUPT, reason);
}

/* Whether [offset, offset + size) lies within the archive. */
static gboolean
within (TanluZip *self,
        guint64   offset,
        guint64   size)
{
  return offset <= self->length && size <= self->length - offset;
}

/* The end-of-central-directory record sits in the last 64 KiB + 22 bytes;
 * the last one found is the archive's. */
static gssize
find_eocd (TanluZip *self)
{
  gsize start = self->length > EOCD_SEARCH ? self->length - EOCD_SEARCH : 0;

  if (self->length < EOCD_SIZE)
    return -1;

  for (gsize i = self->length - EOCD_SIZE + 1; i > start; i--)
    if (memcmp (self->data + i - 1, "PK\005\006", 4) == 0)
      return i - 1;

  return -1;
}

/* Fills in the sizes and offset the central header left at their ZIP64
 * placeholder from the entry's ZIP64 extra field. */
static gboolean
read_zip64_extra (Entry        *entry,
                  const guint8 *extra,
                  guint16       extra_length,
                  gboolean      need_size,
                  gboolean      need_compressed,
                  gboolean      need_offset)
{
  guint16 position = 0;

  while (position + 4 <= extra_length)
    {
      guint16 id = read16 (extra + position);
      guint16 size = read16 (extra + position + 2);
      const guint8 *field = extra + position + 4;
      guint16 used = 0;

      if (position + 4 + size > extra_length)
        return FALSE;

      if (id == 0x0001)
        {
          if (need_size)
            {
              if (used + 8 > size)
                return FALSE;
              entry->size = read64 (field + used);
              used += 8;
            }
          if (need_compressed)
            {
              if (used + 8 > size)
                return FALSE;
              entry->compressed_size = read64 (field + used);
              used += 8;
            }
          if (need_offset)
            {
              if (used + 8 > size)
                return FALSE;
              entry->local_offset = read64 (field + used);
            }
          return TRUE;
        }

      position += 4 + size;
    }

  return !need_size && !need_compressed && !need_offset;
}

static gboolean
read_directory (TanluZip  *self,
                GError   **error)
{
  gssize eocd = find_eocd (self);
  guint64 n_entries, directory_size, directory_offset;
  guint64 position;

  if (eocd < 0)
    {
      /* Local headers but no directory: the end was cut off. */
      if (self->length >= 4 && memcmp (self->data, "PK\003\004", 4) == 0)
        set_corrupt (error, _("the zip directory at its end is missing"));
      else
        g_set_error_literal (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_NOT_ZIP,
                             _("it is not a zip archive"));
      return FALSE;
    }

  n_entries = read16 (self->data + eocd + 10);
  directory_size = read32 (self->data + eocd + 12);
  directory_offset = read32 (self->data + eocd + 16);

  if (read16 (self->data + eocd + 4) != 0 || read16 (self->data + eocd + 6) != 0)
    {
      g_set_error_literal (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_UNSUPPORTED,
                           _("it is split over several files"));
      return FALSE;
    }

  if (n_entries == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff)
    {
      guint64 zip64_eocd;

      if (eocd < ZIP64_LOCATOR_SIZE || memcmp (self->data + eocd - ZIP64_LOCATOR_SIZE, "PK\006\007", 4) != 0)
        {
          set_corrupt (error, _("its ZIP64 directory is missing"));
          return FALSE;
        }

      zip64_eocd = read64 (self->data + eocd - ZIP64_LOCATOR_SIZE + 8);
      if (!within (self, zip64_eocd, ZIP64_EOCD_SIZE) ||
          memcmp (self->data + zip64_eocd, "PK\006\006", 4) != 0)
        {
          set_corrupt (error, _("its ZIP64 directory is missing"));
          return FALSE;
        }

      n_entries = read64 (self->data + zip64_eocd + 32);
      directory_size = read64 (self->data + zip64_eocd + 40);
      directory_offset = read64 (self->data + zip64_eocd + 48);
    }

  if (n_entries > TANLU_ZIP_MAX_ENTRIES)
    {
      g_set_error (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_TOO_LARGE,
                   _("it has more than %u entries"), TANLU_ZIP_MAX_ENTRIES);
      return FALSE;
    }

  if (!within (self, directory_offset, directory_size))
    {
      set_corrupt (error, _("its zip directory lies outside the file"));
      return FALSE;
    }

  position = directory_offset;
  for (guint64 i = 0; i < n_entries; i++)
    {
      const guint8 *header = self->data + position;
      guint16 name_length, extra_length, comment_length;
      Entry entry = { 0, };

      if (!within (self, position, CENTRAL_HEADER_SIZE) ||
          position + CENTRAL_HEADER_SIZE > directory_offset + directory_size ||
          memcmp (header, "PK\001\002", 4) != 0)
        {
          set_corrupt (error, _("its zip directory is damaged"));
          return FALSE;
        }

      entry.flags = read16 (header + 8);
      entry.method = read16 (header + 10);
      entry.crc32 = read32 (header + 16);
      entry.compressed_size = read32 (header + 20);
      entry.size = read32 (header + 24);
      name_length = read16 (header + 28);
      extra_length = read16 (header + 30);
      comment_length = read16 (header + 32);
      entry.local_offset = read32 (header + 42);

      if (!within (self, position + CENTRAL_HEADER_SIZE,
                   (guint64) name_length + extra_length + comment_length))
        {
          set_corrupt (error, _("its zip directory is damaged"));
          return FALSE;
        }

      if (!read_zip64_extra (&entry, header + CENTRAL_HEADER_SIZE + name_length, extra_length,
                             entry.size == 0xffffffff, entry.compressed_size == 0xffffffff,
                             entry.local_offset == 0xffffffff))
        {
          set_corrupt (error, _("its zip directory is damaged"));
          return FALSE;
        }

      entry.name = g_strndup ((const char *) header + CENTRAL_HEADER_SIZE, name_length);
      g_array_append_val (self->entries, entry);

      position += CENTRAL_HEADER_SIZE + (guint64) name_length + extra_length + comment_length;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_zip_new:
 * @bytes: a whole zip archive
 *
 * Reads the archive's directory.
 *
 * Returns: (transfer full) (nullable): the archive
 */
TanluZip *
tanlu_zip_new (GBytes  *bytes,
               GError **error)
{
  g_autoptr(TanluZip) self = g_new0 (TanluZip, 1);

  g_return_val_if_fail (bytes != NULL, NULL);

  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->length);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  if (!read_directory (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
tanlu_zip_free (TanluZip *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

guint
tanlu_zip_get_n_entries (TanluZip *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * tanlu_zip_get_entry_name:
 *
 * Returns: the entry's name as the archive writes it
 */
const char *
tanlu_zip_get_entry_name (TanluZip *self,
                          guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).name;
}

/**
 * tanlu_zip_get_entry_size:
 *
 * Returns: the size the directory gives the entry's data, uncompressed
 */
guint64
tanlu_zip_get_entry_size (TanluZip *self,
                          guint     index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  return g_array_index (self->entries, Entry, index).size;
}

/**
 * tanlu_zip_read_entry:
 * @func: receives the uncompressed data, a piece at a time
 *
 * Reads an entry's data. No more is passed on than the directory gives as
 * its size, which the caller can check with tanlu_zip_get_entry_size()
 * first; data that inflates to more or less, or whose checksum differs,
 * fails as damaged.
 *
 * Returns: %TRUE if the entry was read whole or @func stopped it
 */
gboolean
tanlu_zip_read_entry (TanluZip           *self,
                      guint               index,
                      TanluZipChunkFunc   func,
                      gpointer            user_data,
                      GError            **error)
{
  const Entry *entry;
  const guint8 *local;
  const guint8 *compressed;
  guint64 data_offset;
  guint64 produced = 0;
  guint32 crc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->entries->len, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  entry = &g_array_index (self->entries, Entry, index);

  if (entry->flags & 0x1)
    {
      g_set_error_literal (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_UNSUPPORTED,
                           _("a part is encrypted"));
      return FALSE;
    }

  if (entry->method != 0 && entry->method != 8)
    {
      g_set_error (error, TANLU_ZIP_ERROR, TANLU_ZIP_ERROR_UNSUPPORTED,
                   _("a part is compressed with an unknown method (%u)"), entry->method);
      return FALSE;
    }

  if (!within (self, entry->local_offset, LOCAL_HEADER_SIZE) ||
      memcmp (self->data + entry->local_offset, "PK\003\004", 4) != 0)
    {
      set_corrupt (error, _("a part’s header is missing"));
      return FALSE;
    }

  local = self->data + entry->local_offset;
  data_offset = entry->local_offset + LOCAL_HEADER_SIZE + read16 (local + 26) + read16 (local + 28);
  if (!within (self, data_offset, entry->compressed_size))
    {
      set_corrupt (error, _("a part is cut off"));
      return FALSE;
    }
  compressed = self->data + data_offset;

  crc = crc32 (0L, Z_NULL, 0);

  if (entry->method == 0)
    {
      if (entry->compressed_size != entry->size)
        {
          set_corrupt (error, _("a part is cut off"));
          return FALSE;
        }

      for (guint64 offset = 0; offset < entry->size; offset += CHUNK_SIZE)
        {
          gsize length = MIN (CHUNK_SIZE, entry->size - offset);

          crc = crc32 (crc, compressed + offset, length);
          if (!func ((const char *) compressed + offset, length, user_data))
            return TRUE;
        }
    }
  else
    {
      g_autofree guint8 *out = g_malloc (CHUNK_SIZE);
      guint64 consumed = 0;
      z_stream stream = { 0, };
      int status = Z_OK;

      if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
        g_error ("Out of memory starting to inflate");

      while (status != Z_STREAM_END)
        {
          guint64 left = entry->compressed_size - consumed;

          if (stream.avail_in == 0)
            {
              stream.next_in = (Bytef *) compressed + consumed;
              stream.avail_in = (uInt) MIN (left, G_MAXUINT32);
              consumed += stream.avail_in;
            }
          stream.next_out = out;
          stream.avail_out = CHUNK_SIZE;

          status = inflate (&stream, Z_NO_FLUSH);
          if (status != Z_OK && status != Z_STREAM_END)
            {
              inflateEnd (&stream);
              set_corrupt (error, status == Z_BUF_ERROR ? _("a part is cut off")
                                                        : _("a part’s compressed data is damaged"));
              return FALSE;
            }

          if (stream.avail_out < CHUNK_SIZE)
            {
              gsize length = CHUNK_SIZE - stream.avail_out;

              produced += length;
              if (produced > entry->size)
                {
                  inflateEnd (&stream);
                  set_corrupt (error, _("a part inflates to more than its stated size"));
                  return FALSE;
                }

              crc = crc32 (crc, out, length);
              if (!func ((const char *) out, length, user_data))
                {
                  inflateEnd (&stream);
                  return TRUE;
                }
            }
          else if (stream.avail_in == 0 && consumed == entry->compressed_size && status != Z_STREAM_END)
            {
              inflateEnd (&stream);
              set_corrupt (error, _("a part is cut off"));
              return FALSE;
            }
        }

      inflateEnd (&stream);

      if (produced != entry->size)
        {
          set_corrupt (error, _("a part is shorter than its stated size"));
          return FALSE;
        }
    }

  if (crc != entry->crc32)
    {
      set_corrupt (error, _("a part’s checksum does not match its data"));
      return FALSE;
    }

  return TRUE;
}
