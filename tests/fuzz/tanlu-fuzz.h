/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* libFuzzer's entry points: tanlu-fuzz.c defines the first, each harness
 * the second, fuzz-xlsx.c the third; the fuzzer provides the last. */
int          LLVMFuzzerInitialize     (int             *argc,
                                       char          ***argv);
int          LLVMFuzzerTestOneInput   (const uint8_t   *data,
                                       size_t           size);
size_t       LLVMFuzzerCustomMutator  (uint8_t         *data,
                                       size_t           size,
                                       size_t           max_size,
                                       unsigned int     seed);
size_t       LLVMFuzzerMutate         (uint8_t         *data,
                                       size_t           size,
                                       size_t           max_size);

void         tanlu_fuzz_check_text    (const char      *owner,
                                       const char      *what,
                                       const char      *text);
const char  *tanlu_fuzz_write_file    (const void      *prefix,
                                       gsize            prefix_size,
                                       const void      *data,
                                       gsize            size);

G_END_DECLS
