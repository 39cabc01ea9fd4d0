/*===- aotc/runtime.h - The aotc runtime's public API ---------------------===*
 *
 * Small helpers around the model contract (aotc/model.h) that embedders and
 * the executable entry point share. Freestanding C99, no allocation.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_H
#define AOTC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "aotc/model.h"
#include "aotc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes per element of `dtype`, or 0 for a code that is not an
 * aotc_dtype_t. */
size_t aotc_dtype_size(int32_t dtype);

/* numpy's name of `dtype` ("float32", "int64", "bool", "bfloat16"), or
 * "unknown". Never null. */
const char *aotc_dtype_name(int32_t dtype);

/* Checks that `arena` can serve a model that needs `required_size` bytes
 * aligned to `align` (a power of two): AOTC_STATUS_OK,
 * AOTC_STATUS_ARENA_TOO_SMALL or AOTC_STATUS_ARENA_MISALIGNED. A null arena
 * is accepted only when required_size is 0. */
aotc_status_t aotc_arena_check(const void *arena, size_t size,
                               size_t required_size, size_t align);

/* Checks a model descriptor before use: ABI version, arena, and that each
 * tensor's byte size matches its shape and type. AOTC_STATUS_OK, or the
 * first problem found. */
aotc_status_t aotc_model_check(const aotc_model_t *model);

#ifdef __cplusplus
}
#endif

#endif /* AOTC_RUNTIME_H */
