/* A stand-in for the NVIDIA driver (libcuda.so.1) on machines without a
 * GPU: device memory is host memory, kernels are not run. Every call the
 * GPU executable makes is traced on stderr, "cuda: ...", so tests can check
 * the host side: one context and stream, one allocation, weights uploaded
 * once, a fixed launch sequence per run.
 *
 *   FAKE_CUDA_NO_DEVICE=1     cuInit fails as without a GPU
 *   FAKE_CUDA_REJECT_CUBIN=1  cubins are refused (the PTX must be used)
 *
 * Stream capture records launches instead of running them; a graph launch
 * traces the recorded launches again, marked "(graph)".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;

static int env(const char *name) { return getenv(name) != NULL; }

CUresult cuInit(unsigned flags) {
  (void)flags;
  fprintf(stderr, "cuda: init\n");
  return env("FAKE_CUDA_NO_DEVICE") ? 100 : 0;
}
CUresult cuDeviceGet(int *device, int ordinal) {
  *device = ordinal;
  return 0;
}
CUresult cuDevicePrimaryCtxRetain(void **context, int device) {
  fprintf(stderr, "cuda: context on device %d\n", device);
  *context = (void *)1;
  return 0;
}
CUresult cuCtxSetCurrent(void *context) {
  (void)context;
  return 0;
}
CUresult cuStreamCreate(void **stream, unsigned flags) {
  fprintf(stderr, "cuda: stream flags %u\n", flags);
  *stream = (void *)2;
  return 0;
}
CUresult cuStreamSynchronize(void *stream) {
  fprintf(stderr, "cuda: synchronize %p\n", stream);
  return 0;
}
CUresult cuModuleLoadData(void **module, const void *image) {
  int cubin = memcmp(image, "\177ELF", 4) == 0;
  fprintf(stderr, "cuda: load %s\n", cubin ? "cubin" : "ptx");
  if (cubin && env("FAKE_CUDA_REJECT_CUBIN"))
    return 209;
  *module = (void *)3;
  return 0;
}
CUresult cuModuleUnload(void *module) {
  (void)module;
  return 0;
}
CUresult cuModuleGetFunction(void **function, void *module, const char *name) {
  (void)module;
  fprintf(stderr, "cuda: function %s\n", name);
  *function = strdup(name);
  return 0;
}
CUresult cuMemAlloc_v2(uint64_t *pointer, size_t bytes) {
  fprintf(stderr, "cuda: alloc %zu\n", bytes);
  *pointer = (uint64_t)(uintptr_t)calloc(1, bytes);
  return 0;
}
CUresult cuMemcpyHtoD_v2(uint64_t to, const void *from, size_t bytes) {
  fprintf(stderr, "cuda: upload %zu\n", bytes);
  memcpy((void *)(uintptr_t)to, from, bytes);
  return 0;
}
CUresult cuMemcpyHtoDAsync_v2(uint64_t to, const void *from, size_t bytes,
                              void *stream) {
  fprintf(stderr, "cuda: input %zu on %p\n", bytes, stream);
  memcpy((void *)(uintptr_t)to, from, bytes);
  return 0;
}
CUresult cuMemcpyDtoHAsync_v2(void *to, uint64_t from, size_t bytes,
                              void *stream) {
  fprintf(stderr, "cuda: output %zu on %p\n", bytes, stream);
  memcpy(to, (const void *)(uintptr_t)from, bytes);
  return 0;
}
/* Launches recorded by a capture in progress (or the last one). */
#define FAKE_CUDA_MAX_LAUNCHES 4096
static char *captured[FAKE_CUDA_MAX_LAUNCHES];
static int num_captured;
static int capturing;

CUresult cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz,
                        unsigned bx, unsigned by, unsigned bz, unsigned shared,
                        void *stream, void **params, void **extra) {
  (void)params;
  (void)extra;
  char line[512];
  snprintf(line, sizeof(line),
           "cuda: launch %s grid %ux%ux%u block %ux%ux%u shared %u on %p",
           (const char *)function, gx, gy, gz, bx, by, bz, shared, stream);
  if (capturing) {
    if (num_captured == FAKE_CUDA_MAX_LAUNCHES)
      return 2;
    captured[num_captured++] = strdup(line);
    return 0;
  }
  fprintf(stderr, "%s\n", line);
  return 0;
}
CUresult cuStreamBeginCapture_v2(void *stream, int mode) {
  fprintf(stderr, "cuda: begin capture on %p mode %d\n", stream, mode);
  capturing = 1;
  num_captured = 0;
  return 0;
}
CUresult cuStreamEndCapture(void *stream, void **graph) {
  fprintf(stderr, "cuda: end capture on %p, %d launches\n", stream,
          num_captured);
  capturing = 0;
  *graph = (void *)4;
  return 0;
}
CUresult cuGraphInstantiateWithFlags(void **exec, void *graph,
                                     unsigned long long flags) {
  (void)graph;
  fprintf(stderr, "cuda: instantiate graph flags %llu\n", flags);
  *exec = (void *)5;
  return 0;
}
CUresult cuGraphLaunch(void *exec, void *stream) {
  (void)exec;
  fprintf(stderr, "cuda: graph launch on %p\n", stream);
  for (int i = 0; i < num_captured; ++i)
    fprintf(stderr, "%s (graph)\n", captured[i]);
  return 0;
}
CUresult cuGetErrorString(CUresult error, const char **text) {
  *text = error == 100 ? "no CUDA-capable device is detected"
          : error == 209
              ? "no kernel image is available for execution on the device"
              : "unknown";
  return 0;
}
