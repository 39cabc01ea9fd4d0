/*===- aotc/model.h - Descriptor of a model compiled into an executable ---===*
 *
 * The contract between the compiler and the runtime's executable entry
 * point (runtime/src/main.c). For an executable, the compiler emits into the
 * model object:
 *
 *   - the model's run function (the same C ABI as library mode's
 *     aotc_NAME_run);
 *   - the arena and one buffer per input and per output, as zero-initialized
 *     globals in .bss, each aligned to at least 64 bytes;
 *   - the descriptor `aotc_model` below, plain constant data: strings, shape
 *     arrays and descriptor arrays are constant globals, buffers and the arena
 *     are referenced by address. Nothing is allocated, nothing is initialized
 *     at run time.
 *
 * Both structs are laid out without padding on 64-bit targets, so the
 * compiler can emit them as these LLVM struct types (C field order):
 *
 *   aotc_tensor_desc_t = { ptr, i32, i32, ptr, i64, ptr }
 *   aotc_model_t       = { i32, i32, i32, i32, i64, ptr, ptr, ptr, ptr, ptr,
 *                          ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i32,
 *                          i32 }
 *   aotc_index_check_t = { ptr, ptr, i64 }
 *
 * Freestanding C99; no allocation anywhere: the compiler owns every buffer.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_MODEL_H
#define AOTC_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "aotc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most inputs, and the most outputs, an executable's command line
 * takes (its tables are static); library mode has no such limit. */
#define AOTC_MODEL_MAX_TENSORS 4096

/* Bumped whenever aotc_model_t or aotc_tensor_desc_t changes. */
#define AOTC_MODEL_ABI_VERSION 4

/* Element types: the codes of ONNX's TensorProto.DataType. */
typedef enum aotc_dtype_t {
  AOTC_DTYPE_F32 = 1,
  AOTC_DTYPE_U8 = 2,
  AOTC_DTYPE_I8 = 3,
  AOTC_DTYPE_U16 = 4,
  AOTC_DTYPE_I16 = 5,
  AOTC_DTYPE_I32 = 6,
  AOTC_DTYPE_I64 = 7,
  AOTC_DTYPE_BOOL = 9,
  AOTC_DTYPE_F16 = 10,
  AOTC_DTYPE_F64 = 11,
  AOTC_DTYPE_U32 = 12,
  AOTC_DTYPE_U64 = 13,
  AOTC_DTYPE_BF16 = 16
} aotc_dtype_t;

/* One model input or output. Tensors are dense, row-major (C order),
 * little-endian, with a static shape. */
typedef struct aotc_tensor_desc_t {
  const char *name;     /* the ONNX value name, NUL-terminated */
  int32_t dtype;        /* an aotc_dtype_t */
  int32_t rank;         /* 0 for a scalar */
  const int64_t *shape; /* `rank` dimensions; may be null when rank == 0 */
  uint64_t byte_size;   /* product of shape times the element size */
  void *buffer;         /* the tensor's bytes, 64-byte aligned, in .bss */
} aotc_tensor_desc_t;

/* The model's entry point: reads inputs[i] (num_inputs pointers), writes
 * outputs[i] (num_outputs pointers), uses `arena` as its only scratch
 * memory. Returns AOTC_STATUS_ARENA_TOO_SMALL or AOTC_STATUS_ARENA_MISALIGNED
 * when the arena does not fit the model. */
typedef aotc_status_t (*aotc_run_fn_t)(void *arena, size_t arena_size,
                                       const void *const inputs[],
                                       void *const outputs[]);

/* The CPU guard (aotc_NAME_check_cpu): 0 when this CPU has every feature
 * in `cpu_features`, else 1 + the index of the first word it lacks. It is
 * compiled for the architecture's baseline, so it runs on any CPU. */
typedef int32_t (*aotc_check_cpu_fn_t)(void);

/* A check of indices read at run time (aotc-check-indices): they must lie
 * in [-size, size). */
typedef struct aotc_index_check_t {
  const char *node; /* the ONNX node's name */
  const char *op;   /* its op type, e.g. "Gather" */
  int64_t size;     /* the size of the axis it indexes */
} aotc_index_check_t;

/* Where the run function records a failed index check, at
 * arena + error_offset, when it returns AOTC_STATUS_INDEX_OUT_OF_RANGE. */
typedef struct aotc_index_error_t {
  int64_t check; /* which of index_checks failed */
  int64_t index; /* the index that was out of range */
} aotc_index_error_t;

typedef struct aotc_model_t {
  uint32_t abi_version; /* AOTC_MODEL_ABI_VERSION */
  int32_t num_inputs;
  int32_t num_outputs;
  uint32_t arena_align; /* a power of two, at least 64 */
  uint64_t arena_size;  /* bytes; may be 0 */
  void *arena;          /* arena_size bytes aligned to arena_align, in .bss */
  const char *name;     /* the model's name (--name, default: file stem) */
  const char *target;   /* the target as given to --target, e.g. "x86-64-v3" */
  const char *cpu;      /* the LLVM CPU it resolved to, e.g. "znver4" */
  const char *cpu_features; /* what the code needs, e.g. "sse3 ... avx2" */
  const char *compiler;     /* e.g. "aotc 0.1.0 (git 0123456789ab)" */
  const char *model_sha256; /* of the model file, 64 lowercase hex digits */
  /* Inputs pinned at compile time (--input-value), one line each,
   * "NAME: DTYPE [SHAPE] = VALUES\n"; "" when none. */
  const char *pinned_inputs;
  const aotc_tensor_desc_t *inputs;  /* num_inputs entries */
  const aotc_tensor_desc_t *outputs; /* num_outputs entries */
  aotc_run_fn_t run;
  aotc_check_cpu_fn_t check_cpu;
  const aotc_index_check_t *index_checks; /* num_index_checks entries */
  uint64_t error_offset; /* of an aotc_index_error_t in the arena */
  int32_t num_index_checks;
  int32_t reserved; /* 0 */
} aotc_model_t;

/* The one model of an executable, emitted by the compiler, read by the
 * runtime's entry point. */
extern const aotc_model_t aotc_model;

#ifdef __cplusplus
}
#endif

#endif /* AOTC_MODEL_H */
