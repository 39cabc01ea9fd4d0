/*===- status.c - Messages of status codes --------------------------------===*/

#include "aotc/status.h"

#ifdef AOTC_STRIP_ERROR_STRINGS

const char *aotc_status_message(aotc_status_t status) {
  (void)status;
  return "";
}

#else

const char *aotc_status_message(aotc_status_t status) {
  switch (status) {
  case AOTC_STATUS_OK:
    return "ok";
  case AOTC_STATUS_ARENA_TOO_SMALL:
    return "arena too small";
  case AOTC_STATUS_ARENA_MISALIGNED:
    return "arena misaligned";
  case AOTC_STATUS_INVALID_ARGUMENT:
    return "invalid argument";
  case AOTC_STATUS_INCOMPATIBLE_MODEL:
    return "incompatible model descriptor";
  case AOTC_STATUS_INTERNAL:
    return "internal error";
  case AOTC_STATUS_IO_ERROR:
    return "i/o error";
  case AOTC_STATUS_INVALID_FILE:
    return "invalid tensor file";
  case AOTC_STATUS_INDEX_OUT_OF_RANGE:
    return "index out of range";
  case AOTC_STATUS_WEIGHTS_TOO_SMALL:
    return "weights too small";
  case AOTC_STATUS_WEIGHTS_MISALIGNED:
    return "weights misaligned";
  }
  return "unknown status";
}

#endif
