/*===- aotc/status.h - Status codes of aotc runtime and generated code ----===*
 *
 * Every entry point of generated code and of the runtime returns an
 * aotc_status_t: AOTC_STATUS_OK (0) on success, another code otherwise.
 * The values are part of the ABI: the compiler emits them as plain integers.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_STATUS_H
#define AOTC_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum aotc_status_t {
  AOTC_STATUS_OK = 0,
  /* The arena passed to a run function is smaller than the model needs. */
  AOTC_STATUS_ARENA_TOO_SMALL = 1,
  /* The arena passed to a run function is not aligned as the model needs. */
  AOTC_STATUS_ARENA_MISALIGNED = 2,
  /* A null or otherwise unusable argument (input or output pointer). */
  AOTC_STATUS_INVALID_ARGUMENT = 3,
  /* A model descriptor this runtime cannot use (ABI version mismatch). */
  AOTC_STATUS_INCOMPATIBLE_MODEL = 4,
  /* A bug: an invariant of generated code or of the runtime does not hold. */
  AOTC_STATUS_INTERNAL = 5,
  /* A file could not be opened, read or written (runtime I/O only). */
  AOTC_STATUS_IO_ERROR = 6,
  /* A tensor file is malformed or does not match the model (runtime I/O
   * only). */
  AOTC_STATUS_INVALID_FILE = 7,
  /* An index read from an input (a Gather's token id, ...) lies outside the
   * axis it indexes. The outputs are unspecified (no memory outside the
   * tensors was read); the generated header says where in the arena the
   * failing check and the index are recorded. */
  AOTC_STATUS_INDEX_OUT_OF_RANGE = 8,
  /* The weights passed to a run function (an object built with
   * --weights=FILE) are fewer bytes than the file aotc wrote. */
  AOTC_STATUS_WEIGHTS_TOO_SMALL = 9,
  /* ... or not aligned as the header's AOTC_NAME_WEIGHTS_ALIGN says. */
  AOTC_STATUS_WEIGHTS_MISALIGNED = 10
} aotc_status_t;

/* A short, lower-case description of `status` ("arena too small"), or "" when
 * the runtime is built with AOTC_STRIP_ERROR_STRINGS. Never null. */
const char *aotc_status_message(aotc_status_t status);

#ifdef __cplusplus
}
#endif

#endif /* AOTC_STATUS_H */
