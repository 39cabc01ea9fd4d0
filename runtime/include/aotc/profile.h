/*===- aotc/profile.h - Per-kernel timings of a model built with --profile -===*
 *
 * `aotc --profile` times every kernel call of the model (one function per
 * fused kernel, named after its first ONNX node). The model object then
 * holds a table of its kernel calls, in the order the run function makes
 * them, and calls
 *
 *   uint64_t aotc_profile_clock(void);  (monotonic nanoseconds)
 *
 * once before the first kernel and once after each: an executable's runtime
 * provides it (clock_gettime through the raw system call); a firmware
 * provides its own, e.g. from a cycle counter. After each run, ticks[i] holds
 * the nanoseconds call i took, and the ticks add up to the run.
 *
 * The table is `aotc_profile` in an executable (read by `--bench N
 * --profile`) and `aotc_NAME_profile` in library mode (declared in the
 * generated header). Without --profile there is no table and no clock call.
 *
 * Laid out without padding on 64-bit targets, so that the compiler emits
 * them as these LLVM struct types:
 *
 *   aotc_profile_kernel_t = { ptr, ptr, ptr, ptr, i64 }
 *   aotc_profile_t        = { i32, i32, ptr, ptr }
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_PROFILE_H
#define AOTC_PROFILE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever aotc_profile_t or aotc_profile_kernel_t changes. */
#define AOTC_PROFILE_ABI_VERSION 1

/* One kernel call. Calls of one shared kernel function have one row each. */
typedef struct aotc_profile_kernel_t {
  const char *function; /* the kernel's symbol, as perf names it */
  const char *nodes;    /* its ONNX nodes, "a, b" */
  const char *ops;      /* their op types, "Conv+Relu" */
  const char *shape;    /* of the last buffer it writes, "1x64x56x56" */
  uint64_t flops;       /* float adds and multiplies; 0: not a contraction */
} aotc_profile_kernel_t;

typedef struct aotc_profile_t {
  uint32_t abi_version; /* AOTC_PROFILE_ABI_VERSION */
  uint32_t num_kernels;
  const aotc_profile_kernel_t *kernels; /* num_kernels entries */
  const uint64_t *ticks; /* num_kernels: nanoseconds of the last run */
} aotc_profile_t;

uint64_t aotc_profile_clock(void);

#ifdef __cplusplus
}
#endif

#endif /* AOTC_PROFILE_H */
