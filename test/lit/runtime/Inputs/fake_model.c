/* A stand-in for a compiled model: the descriptor, buffers and run function
 * that the compiler emits for an executable (see aotc/model.h).
 *
 *   inputs:  a float32 (2, 3), b int64 (4,)
 *   output:  y float32 (2, 3) = a + 1
 *
 * The run function goes through the arena (with a memcpy the runtime
 * provides) so that arena and memory routines are exercised. The CPU check
 * reports FAKE_MISSING (default 0: every feature present), so the guard's
 * message can be tested on any CPU. */
#include "aotc/model.h"

#if defined(__x86_64__)
#define TARGET "x86-64"
#else
#define TARGET "aarch64"
#endif

#define ARENA_SIZE 64
#define ALIGN64 __attribute__((aligned(64)))

static unsigned char arena[ARENA_SIZE] ALIGN64;
static float a_buffer[6] ALIGN64;
static int64_t b_buffer[4] ALIGN64;
static float y_buffer[6] ALIGN64;

static const int64_t a_shape[] = {2, 3};
static const int64_t b_shape[] = {4};
static const int64_t y_shape[] = {2, 3};

static aotc_status_t fake_model_run(void *arena_ptr, size_t arena_size,
                                    const void *const inputs[],
                                    void *const outputs[]) {
  if (arena_size < ARENA_SIZE)
    return AOTC_STATUS_ARENA_TOO_SMALL;
  if ((uintptr_t)arena_ptr % 64 != 0)
    return AOTC_STATUS_ARENA_MISALIGNED;
  float *scratch = (float *)arena_ptr;
  __builtin_memcpy(scratch, inputs[0], sizeof(a_buffer));
  for (int i = 0; i < 6; ++i)
    scratch[i] += 1.0f;
  __builtin_memcpy(outputs[0], scratch, sizeof(y_buffer));
  return AOTC_STATUS_OK;
}

#ifndef FAKE_MISSING
#define FAKE_MISSING 0
#endif

static int32_t fake_model_check_cpu(void) { return FAKE_MISSING; }

static const aotc_tensor_desc_t inputs[] = {
    {"a", AOTC_DTYPE_F32, 2, a_shape, sizeof(a_buffer), a_buffer},
    {"b", AOTC_DTYPE_I64, 1, b_shape, sizeof(b_buffer), b_buffer},
};

static const aotc_tensor_desc_t outputs[] = {
    {"y", AOTC_DTYPE_F32, 2, y_shape, sizeof(y_buffer), y_buffer},
};

const aotc_model_t aotc_model = {
    AOTC_MODEL_ABI_VERSION,
    2,
    1,
    64,
    ARENA_SIZE,
    arena,
    "fake_model",
    TARGET,
    "fake-cpu",
    "alpha beta gamma",
    "aotc 0.0.0 (git 000000000000)",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "",
    inputs,
    outputs,
    fake_model_run,
    fake_model_check_cpu,
};
