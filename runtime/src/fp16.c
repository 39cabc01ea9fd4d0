/*===- fp16.c - f64 to f16 conversion -------------------------------------===*/
/*
 * LLVM lowers an f64 -> f16 truncation to a call of this compiler-rt
 * builtin (no target has the instruction, and going through f32 would round
 * twice). Round to nearest, ties to even; NaN stays a quiet NaN.
 */

#include <stdint.h>

_Float16 __truncdfhf2(double value);

_Float16 __truncdfhf2(double value) {
  union {
    double d;
    uint64_t u;
  } in = {value};
  uint64_t bits = in.u;
  uint16_t sign = (uint16_t)((bits >> 48) & 0x8000);
  int exponent = (int)((bits >> 52) & 0x7ff);
  uint64_t mantissa = bits & ((1ull << 52) - 1);
  uint16_t result;

  if (exponent == 0x7ff) {
    result = sign | 0x7c00 | (mantissa ? 0x200 | (mantissa >> 42) : 0);
  } else {
    int e = exponent - 1023 + 15; /* The f16 biased exponent. */
    uint64_t q, rest, half;
    if (e >= 31) {
      q = 0x7c00; /* Overflow: infinity. */
      rest = half = 0;
    } else if (e <= 0) {
      /* Subnormal (or zero): units of 2^-24, from the 53-bit significand. */
      if (e < -10) {
        q = 0;
        rest = half = 0;
      } else {
        uint64_t significand = mantissa | (1ull << 52);
        int shift = 43 - e;
        q = significand >> shift;
        rest = significand & ((1ull << shift) - 1);
        half = 1ull << (shift - 1);
      }
    } else {
      q = ((uint64_t)e << 10) | (mantissa >> 42);
      rest = mantissa & ((1ull << 42) - 1);
      half = 1ull << 41;
    }
    /* A carry out of the mantissa correctly bumps the exponent. */
    if (rest > half || (rest == half && (q & 1)))
      ++q;
    result = sign | (uint16_t)q;
  }
  union {
    uint16_t u;
    _Float16 h;
  } out = {result};
  return out.h;
}
