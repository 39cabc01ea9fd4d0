/*===- npy.h - Tensors in .npy files and raw files ------------------------===*
 *
 * Reads and writes the NumPy .npy format (versions 1.0, 2.0 and 3.0) for the
 * dense, C-ordered, little-endian tensors of a model. On failure the
 * functions put one precise sentence into `error` (without the file name):
 * "dtype float64 does not match input 'x' (float32)".
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_NPY_H
#define AOTC_RUNTIME_SRC_NPY_H

#include "aotc/model.h"
#include "format.h"

/* Headers longer than this are refused (NumPy writes version 1.0, whose
 * header length field is 16 bits, for every array this runtime supports). */
#define AOTC_NPY_MAX_HEADER 65535u

/* The largest rank an .npy header may state (NumPy's limit). */
#define AOTC_NPY_MAX_RANK 64

/* Reads `fd` into input->buffer: an .npy file whose dtype and shape equal
 * the input's and whose data is exactly input->byte_size bytes, or, when the
 * file does not start with the .npy magic, a raw little-endian file of
 * exactly input->byte_size bytes. A bfloat16 input also accepts '<u2' data
 * (NumPy has no bfloat16). Returns AOTC_STATUS_OK, AOTC_STATUS_IO_ERROR or
 * AOTC_STATUS_INVALID_FILE. */
aotc_status_t aotc_npy_read(int fd, const aotc_tensor_desc_t *input,
                            aotc_text_t *error);

/* Writes output->buffer to `fd` as an .npy version 1.0 file (a bfloat16
 * tensor as '<u2'). Returns AOTC_STATUS_OK or AOTC_STATUS_IO_ERROR. */
aotc_status_t aotc_npy_write(int fd, const aotc_tensor_desc_t *output,
                             aotc_text_t *error);

#endif /* AOTC_RUNTIME_SRC_NPY_H */
