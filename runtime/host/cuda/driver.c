/*===- cuda/driver.c - GPU executables: the NVIDIA driver, loaded at run time
 * -===*
 *
 * GPU executables link the C library (for dlopen) and nothing from the CUDA
 * Toolkit: libcuda.so.1, the driver, is opened when the model first runs and
 * its functions are looked up by name. On top of it:
 *
 *   - aotc_gpu_run (aotc/gpu.h): one context (the device's primary one), one
 *     stream, one device allocation sized by the compiler, weights uploaded
 *     once; each run copies the inputs in, launches the fixed kernel
 *     sequence and copies the outputs back. The sequence (fixed grids,
 *     fixed pointers into the one allocation) is captured in a CUDA graph
 *     on the first run and replayed with one call on every run, where the
 *     driver can (else the kernels are launched one by one);
 *   - the mgpu* functions that MLIR's gpu-to-llvm lowering calls from the
 *     generated launch code, all on that one stream.
 *
 * Errors print one line, "infer: error: ...", and exit with status 1: a
 * missing driver or GPU, or a failing driver call, leaves nothing to do.
 *
 *===----------------------------------------------------------------------===*/

#include "aotc/gpu.h"
#include "aotc/model.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

int aotc_command_line(int argc, char **argv);

int main(int argc, char **argv) { return aotc_command_line(argc, argv); }

/*===--- The driver API subset used, declared here (no CUDA headers) ------===*/

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUgraph_st *CUgraph;
typedef struct CUgraphExec_st *CUgraphExec;

#define CU_STREAM_NON_BLOCKING 0x1
/* Other threads' CUDA calls during the capture are not this one's concern. */
#define CU_STREAM_CAPTURE_MODE_RELAXED 2

/* X(field, exported symbol, parameters); each returns a CUresult. */
#define AOTC_CUDA_FUNCTIONS(X)                                                 \
  X(init, "cuInit", (unsigned flags))                                          \
  X(device_get, "cuDeviceGet", (CUdevice * device, int ordinal))               \
  X(primary_ctx_retain, "cuDevicePrimaryCtxRetain",                            \
    (CUcontext * context, CUdevice device))                                    \
  X(ctx_set_current, "cuCtxSetCurrent", (CUcontext context))                   \
  X(stream_create, "cuStreamCreate", (CUstream * stream, unsigned flags))      \
  X(stream_synchronize, "cuStreamSynchronize", (CUstream stream))              \
  X(module_load_data, "cuModuleLoadData",                                      \
    (CUmodule * module, const void *image))                                    \
  X(module_unload, "cuModuleUnload", (CUmodule module))                        \
  X(module_get_function, "cuModuleGetFunction",                                \
    (CUfunction * function, CUmodule module, const char *name))                \
  X(mem_alloc, "cuMemAlloc_v2", (CUdeviceptr * pointer, size_t bytes))         \
  X(memcpy_htod, "cuMemcpyHtoD_v2",                                            \
    (CUdeviceptr to, const void *from, size_t bytes))                          \
  X(memcpy_htod_async, "cuMemcpyHtoDAsync_v2",                                 \
    (CUdeviceptr to, const void *from, size_t bytes, CUstream stream))         \
  X(memcpy_dtoh_async, "cuMemcpyDtoHAsync_v2",                                 \
    (void *to, CUdeviceptr from, size_t bytes, CUstream stream))               \
  X(launch_kernel, "cuLaunchKernel",                                           \
    (CUfunction function, unsigned grid_x, unsigned grid_y, unsigned grid_z,   \
     unsigned block_x, unsigned block_y, unsigned block_z,                     \
     unsigned shared_bytes, CUstream stream, void **params, void **extra))     \
  X(get_error_string, "cuGetErrorString", (CUresult error, const char **text))

/* CUDA graphs (driver 11.4 and later); optional. */
#define AOTC_CUDA_GRAPH_FUNCTIONS(X)                                           \
  X(stream_begin_capture, "cuStreamBeginCapture_v2",                           \
    (CUstream stream, int mode))                                               \
  X(stream_end_capture, "cuStreamEndCapture",                                  \
    (CUstream stream, CUgraph * graph))                                        \
  X(graph_instantiate, "cuGraphInstantiateWithFlags",                          \
    (CUgraphExec * exec, CUgraph graph, unsigned long long flags))             \
  X(graph_launch, "cuGraphLaunch", (CUgraphExec exec, CUstream stream))

#define AOTC_DECLARE(field, symbol, params) CUresult(*field) params;
static struct {
  AOTC_CUDA_FUNCTIONS(AOTC_DECLARE)
  AOTC_CUDA_GRAPH_FUNCTIONS(AOTC_DECLARE)
} aotc_cu;
#undef AOTC_DECLARE

/*===--- State and errors -------------------------------------------------===*/

static const aotc_gpu_program_t *aotc_program;
static CUstream aotc_stream;
static CUdeviceptr aotc_device;
/* The launch sequence as a graph, once captured. */
static CUgraphExec aotc_graph;
static int aotc_has_graphs;

static void aotc_gpu_exit(const char *what, const char *detail) {
  fprintf(stderr, "infer: error: %s: %s\n", what, detail);
  exit(1);
}

/* Exits unless `result` is CUDA_SUCCESS (0). */
static void aotc_check(CUresult result, const char *call) {
  if (result == 0)
    return;
  const char *text = NULL;
  if (aotc_cu.get_error_string == NULL ||
      aotc_cu.get_error_string(result, &text) != 0 || text == NULL)
    text = "unknown error";
  char what[128];
  snprintf(what, sizeof(what), "CUDA driver: %s failed (error %d)", call,
           result);
  aotc_gpu_exit(what, text);
}

static void aotc_open_driver(void) {
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL)
    aotc_gpu_exit("cannot load the NVIDIA driver (no GPU driver installed?)",
                  dlerror());
#define AOTC_RESOLVE(field, symbol, params)                                    \
  *(void **)&aotc_cu.field = dlsym(library, symbol);                           \
  if (aotc_cu.field == NULL)                                                   \
    aotc_gpu_exit("the NVIDIA driver lacks " symbol, "driver too old?");
  AOTC_CUDA_FUNCTIONS(AOTC_RESOLVE)
#undef AOTC_RESOLVE
  aotc_has_graphs = 1;
#define AOTC_RESOLVE_OPTIONAL(field, symbol, params)                           \
  *(void **)&aotc_cu.field = dlsym(library, symbol);                           \
  aotc_has_graphs = aotc_has_graphs && aotc_cu.field != NULL;
  AOTC_CUDA_GRAPH_FUNCTIONS(AOTC_RESOLVE_OPTIONAL)
#undef AOTC_RESOLVE_OPTIONAL
}

/* The first run records the launch sequence into a graph instead of
 * running it; later runs (and this one) replay it. The sequence reads its
 * inputs from, and writes its outputs to, the same device addresses every
 * run, so one graph serves all. */
static void aotc_launch_sequence(const aotc_gpu_program_t *program) {
  if (!aotc_has_graphs) {
    program->launch((void *)(uintptr_t)aotc_device);
    return;
  }
  if (aotc_graph == NULL) {
    aotc_check(aotc_cu.stream_begin_capture(aotc_stream,
                                            CU_STREAM_CAPTURE_MODE_RELAXED),
               "cuStreamBeginCapture");
    program->launch((void *)(uintptr_t)aotc_device);
    CUgraph graph;
    aotc_check(aotc_cu.stream_end_capture(aotc_stream, &graph),
               "cuStreamEndCapture");
    aotc_check(aotc_cu.graph_instantiate(&aotc_graph, graph, 0),
               "cuGraphInstantiateWithFlags");
  }
  aotc_check(aotc_cu.graph_launch(aotc_graph, aotc_stream), "cuGraphLaunch");
}

/* Driver, device 0's primary context, one stream, kernels, the device
 * allocation and the weights in it. */
static void aotc_gpu_start(const aotc_gpu_program_t *program) {
  aotc_open_driver();
  aotc_check(aotc_cu.init(0), "cuInit (no usable NVIDIA GPU?)");
  CUdevice device;
  aotc_check(aotc_cu.device_get(&device, 0), "cuDeviceGet");
  CUcontext context;
  aotc_check(aotc_cu.primary_ctx_retain(&context, device),
             "cuDevicePrimaryCtxRetain");
  aotc_check(aotc_cu.ctx_set_current(context), "cuCtxSetCurrent");
  aotc_check(aotc_cu.stream_create(&aotc_stream, CU_STREAM_NON_BLOCKING),
             "cuStreamCreate");
  aotc_program = program;
  program->load();
  aotc_check(aotc_cu.mem_alloc(&aotc_device, program->device_size),
             "cuMemAlloc");
  for (int64_t i = 0; i < program->num_weights; ++i) {
    const aotc_gpu_weight_t *weight = &program->weights[i];
    aotc_check(aotc_cu.memcpy_htod(aotc_device + weight->offset, weight->data,
                                   weight->byte_size),
               "cuMemcpyHtoD (weights)");
  }
}

aotc_status_t aotc_gpu_run(const aotc_gpu_program_t *program,
                           const void *const inputs[], void *const outputs[]) {
  if (aotc_program == NULL)
    aotc_gpu_start(program);
  for (int32_t i = 0; i < aotc_model.num_inputs; ++i)
    aotc_check(aotc_cu.memcpy_htod_async(
                   aotc_device + program->input_offsets[i], inputs[i],
                   aotc_model.inputs[i].byte_size, aotc_stream),
               "cuMemcpyHtoDAsync (inputs)");
  aotc_launch_sequence(program);
  for (int32_t i = 0; i < aotc_model.num_outputs; ++i)
    aotc_check(aotc_cu.memcpy_dtoh_async(
                   outputs[i], aotc_device + program->output_offsets[i],
                   aotc_model.outputs[i].byte_size, aotc_stream),
               "cuMemcpyDtoHAsync (outputs)");
  /* Kernel faults surface here. */
  aotc_check(aotc_cu.stream_synchronize(aotc_stream), "cuStreamSynchronize");
  return AOTC_STATUS_OK;
}

/*===--- What gpu-to-llvm's launch code calls -----------------------------===*/

/* The cubin for the target architecture; the PTX, compiled by the driver,
 * when the GPU cannot run it. */
void *mgpuModuleLoad(void *data, size_t size) {
  (void)size;
  CUmodule module;
  CUresult result = aotc_cu.module_load_data(&module, data);
  if (result != 0 && aotc_program->ptx[0] != '\0')
    result = aotc_cu.module_load_data(&module, aotc_program->ptx);
  aotc_check(result, "cuModuleLoadData");
  return module;
}

void *mgpuModuleLoadJIT(void *data, int optimization_level) {
  (void)optimization_level;
  CUmodule module;
  aotc_check(aotc_cu.module_load_data(&module, data), "cuModuleLoadData");
  return module;
}

void mgpuModuleUnload(void *module) {
  aotc_check(aotc_cu.module_unload((CUmodule)module), "cuModuleUnload");
}

/* Launches look their kernel up by name each time; names are constants of
 * the model object, so their addresses key a small cache. */
#define AOTC_KERNEL_CACHE 1024
static const char *aotc_kernel_names[AOTC_KERNEL_CACHE];
static CUfunction aotc_kernels[AOTC_KERNEL_CACHE];

void *mgpuModuleGetFunction(void *module, const char *name) {
  size_t slot = ((uintptr_t)name >> 4) % AOTC_KERNEL_CACHE;
  if (aotc_kernel_names[slot] == name)
    return aotc_kernels[slot];
  CUfunction function;
  aotc_check(aotc_cu.module_get_function(&function, (CUmodule)module, name),
             "cuModuleGetFunction");
  aotc_kernel_names[slot] = name;
  aotc_kernels[slot] = function;
  return function;
}

/* Every launch goes to the one stream, which orders them; aotc_gpu_run
 * synchronizes once, after the outputs' copies. */
void *mgpuStreamCreate(void) { return aotc_stream; }
void mgpuStreamDestroy(void *stream) { (void)stream; }
void mgpuStreamSynchronize(void *stream) { (void)stream; }

void mgpuLaunchKernel(void *function, intptr_t grid_x, intptr_t grid_y,
                      intptr_t grid_z, intptr_t block_x, intptr_t block_y,
                      intptr_t block_z, int32_t shared_bytes, void *stream,
                      void **params, void **extra, size_t num_params) {
  (void)num_params;
  aotc_check(aotc_cu.launch_kernel((CUfunction)function, (unsigned)grid_x,
                                   (unsigned)grid_y, (unsigned)grid_z,
                                   (unsigned)block_x, (unsigned)block_y,
                                   (unsigned)block_z, (unsigned)shared_bytes,
                                   (CUstream)stream, params, extra),
             "cuLaunchKernel");
}
