/*===- aotc/gpu.h - Descriptor of a model's GPU program --------------------===*
 *
 * The contract between the compiler and the runtime's GPU glue
 * (runtime/host/cuda/driver.c) in executables for GPU targets. The model
 * object holds, besides the executable descriptor of aotc/model.h whose
 * `run` calls aotc_gpu_run:
 *
 *   - the kernels as a cubin for the target architecture, loaded by `load`
 *     through mgpuModuleLoad, and as PTX for the driver to compile when the
 *     cubin does not fit the GPU;
 *   - `launch`, the fixed sequence of kernel launches (through
 *     mgpuLaunchKernel) over one device allocation of `device_size` bytes:
 *     the arena, every input, output and weight at its offset.
 *
 * LLVM struct types (C field order, no padding on 64-bit targets):
 *
 *   aotc_gpu_weight_t  = { ptr, i64, i64 }
 *   aotc_gpu_program_t = { i64, ptr, ptr, i64, ptr, ptr, ptr, ptr }
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_GPU_H
#define AOTC_GPU_H

#include <stdint.h>

#include "aotc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A weight, uploaded once at start-up. */
typedef struct aotc_gpu_weight_t {
  const void *data; /* the bytes in the executable */
  uint64_t byte_size;
  uint64_t offset; /* in the device allocation */
} aotc_gpu_weight_t;

typedef struct aotc_gpu_program_t {
  uint64_t device_size;           /* bytes of the one device allocation */
  const uint64_t *input_offsets;  /* aotc_model.num_inputs entries */
  const uint64_t *output_offsets; /* aotc_model.num_outputs entries */
  int64_t num_weights;
  const aotc_gpu_weight_t *weights;
  void (*load)(void);           /* loads the kernels (mgpuModuleLoad) */
  void (*launch)(void *device); /* launches every kernel, in order */
  const char *ptx;              /* NUL-terminated; JIT fallback */
} aotc_gpu_program_t;

/* Runs the program once: opens the driver, loads the kernels, allocates
 * device memory and uploads the weights on the first call; then copies the
 * inputs in, launches, and copies the outputs back. Without a usable driver
 * or GPU it prints one error line and exits with status 1. */
aotc_status_t aotc_gpu_run(const aotc_gpu_program_t *program,
                           const void *const inputs[], void *const outputs[]);

#ifdef __cplusplus
}
#endif

#endif /* AOTC_GPU_H */
