/*===- dtype.c - Element types: sizes and names ---------------------------===*/

#include "aotc/runtime.h"

size_t aotc_dtype_size(int32_t dtype) {
  switch (dtype) {
  case AOTC_DTYPE_U8:
  case AOTC_DTYPE_I8:
  case AOTC_DTYPE_BOOL:
    return 1;
  case AOTC_DTYPE_U16:
  case AOTC_DTYPE_I16:
  case AOTC_DTYPE_F16:
  case AOTC_DTYPE_BF16:
    return 2;
  case AOTC_DTYPE_F32:
  case AOTC_DTYPE_I32:
  case AOTC_DTYPE_U32:
    return 4;
  case AOTC_DTYPE_I64:
  case AOTC_DTYPE_F64:
  case AOTC_DTYPE_U64:
    return 8;
  }
  return 0;
}

const char *aotc_dtype_name(int32_t dtype) {
  switch (dtype) {
  case AOTC_DTYPE_F32:
    return "float32";
  case AOTC_DTYPE_U8:
    return "uint8";
  case AOTC_DTYPE_I8:
    return "int8";
  case AOTC_DTYPE_U16:
    return "uint16";
  case AOTC_DTYPE_I16:
    return "int16";
  case AOTC_DTYPE_I32:
    return "int32";
  case AOTC_DTYPE_I64:
    return "int64";
  case AOTC_DTYPE_BOOL:
    return "bool";
  case AOTC_DTYPE_F16:
    return "float16";
  case AOTC_DTYPE_F64:
    return "float64";
  case AOTC_DTYPE_U32:
    return "uint32";
  case AOTC_DTYPE_U64:
    return "uint64";
  case AOTC_DTYPE_BF16:
    return "bfloat16";
  }
  return "unknown";
}
