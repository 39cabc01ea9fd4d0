/*===- check.c - Validation of arenas and model descriptors ---------------===*/

#include "aotc/runtime.h"

aotc_status_t aotc_arena_check(const void *arena, size_t size,
                               size_t required_size, size_t align) {
  if (required_size == 0)
    return AOTC_STATUS_OK;
  if (arena == NULL || size < required_size)
    return AOTC_STATUS_ARENA_TOO_SMALL;
  if (align != 0 && ((uintptr_t)arena & (align - 1)) != 0)
    return AOTC_STATUS_ARENA_MISALIGNED;
  return AOTC_STATUS_OK;
}

static int aotc_tensor_is_consistent(const aotc_tensor_desc_t *tensor) {
  uint64_t bytes = aotc_dtype_size(tensor->dtype);
  if (bytes == 0 || tensor->rank < 0 || (tensor->rank > 0 && !tensor->shape))
    return 0;
  for (int32_t i = 0; i < tensor->rank; ++i) {
    int64_t dim = tensor->shape[i];
    if (dim < 0 || (dim != 0 && bytes > UINT64_MAX / (uint64_t)dim))
      return 0;
    bytes *= (uint64_t)dim;
  }
  return bytes == tensor->byte_size && (bytes == 0 || tensor->buffer);
}

aotc_status_t aotc_model_check(const aotc_model_t *model) {
  if (model->abi_version != AOTC_MODEL_ABI_VERSION)
    return AOTC_STATUS_INCOMPATIBLE_MODEL;
  if (model->run == NULL || model->num_inputs < 0 || model->num_outputs < 0 ||
      (model->arena_align & (model->arena_align - 1)) != 0)
    return AOTC_STATUS_INTERNAL;
  if (model->num_index_checks < 0 ||
      (model->num_index_checks > 0 &&
       (!model->index_checks || model->error_offset > model->arena_size ||
        model->arena_size - model->error_offset < sizeof(aotc_index_error_t))))
    return AOTC_STATUS_INTERNAL;
  aotc_status_t status = aotc_arena_check(
      model->arena, model->arena_size, model->arena_size, model->arena_align);
  if (status != AOTC_STATUS_OK)
    return status;
  for (int32_t i = 0; i < model->num_inputs; ++i)
    if (!aotc_tensor_is_consistent(&model->inputs[i]))
      return AOTC_STATUS_INTERNAL;
  for (int32_t i = 0; i < model->num_outputs; ++i)
    if (!aotc_tensor_is_consistent(&model->outputs[i]))
      return AOTC_STATUS_INTERNAL;
  return AOTC_STATUS_OK;
}
