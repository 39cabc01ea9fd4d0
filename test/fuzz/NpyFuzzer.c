/*===- NpyFuzzer.c - Fuzz target: the executables' input file parser ------===*
 *
 * aotc_npy_read (runtime/src/npy.c) over a memory file holding the bytes,
 * as a generated executable reads `infer input.npy`. The first byte picks
 * the input it is read for (dtype, rank and shape vary: a scalar, a
 * zero-size tensor, bfloat16, which also takes '<u2' data); the rest is
 * the file. The input's buffer is allocated at exactly its byte size, so
 * that ASan sees any write past it.
 *
 *===----------------------------------------------------------------------===*/
#define _GNU_SOURCE
#include "npy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const int64_t shape_2x3[] = {2, 3};
static const int64_t shape_4[] = {4};
static const int64_t shape_0x5[] = {0, 5};
static const int64_t shape_1x1x1x1x2[] = {1, 1, 1, 1, 2};

/* Buffers are set per input (null in the table). */
static const aotc_tensor_desc_t aotc_fuzz_inputs[] = {
    {"a", AOTC_DTYPE_F32, 2, shape_2x3, 24, NULL},
    {"b", AOTC_DTYPE_I64, 1, shape_4, 32, NULL},
    {"s", AOTC_DTYPE_BOOL, 0, NULL, 1, NULL},
    {"z", AOTC_DTYPE_F32, 2, shape_0x5, 0, NULL},
    {"h", AOTC_DTYPE_BF16, 5, shape_1x1x1x1x2, 4, NULL},
    {"u", AOTC_DTYPE_U8, 1, shape_4, 4, NULL},
    {"f", AOTC_DTYPE_F16, 1, shape_4, 8, NULL},
    {"d", AOTC_DTYPE_F64, 0, NULL, 8, NULL},
};
#define AOTC_FUZZ_NUM_INPUTS                                                   \
  (sizeof(aotc_fuzz_inputs) / sizeof(aotc_fuzz_inputs[0]))

static int aotc_fuzz_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  aotc_fuzz_fd = memfd_create("aotc-fuzz-npy", MFD_CLOEXEC);
  if (aotc_fuzz_fd < 0)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  aotc_tensor_desc_t input = aotc_fuzz_inputs[data[0] % AOTC_FUZZ_NUM_INPUTS];
  ++data;
  --size;

  /* The same memory file each time: emptied, filled, rewound. */
  if (ftruncate(aotc_fuzz_fd, 0) != 0 ||
      pwrite(aotc_fuzz_fd, data, size, 0) != (ssize_t)size ||
      lseek(aotc_fuzz_fd, 0, SEEK_SET) != 0)
    abort();

  input.buffer = malloc(input.byte_size);
  char message[256];
  aotc_text_t error;
  aotc_text_init(&error, message, sizeof(message));
  aotc_status_t status = aotc_npy_read(aotc_fuzz_fd, &input, &error);
  /* Every failure says why; success says nothing. */
  if ((status == AOTC_STATUS_OK) != (error.length == 0))
    abort();
  free(input.buffer);
  return 0;
}
