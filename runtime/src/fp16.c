/*===- fp16.c - Conversions to and from f16 and bf16 ----------------------===*/
/*
 * LLVM lowers the conversions a target has no instruction for to calls of
 * these compiler-rt builtins: f64 -> f16 everywhere on x86 (going through
 * f32 would round twice), f64 -> bf16, and f32 <-> f16 on x86-64 without
 * F16C. (f32 <-> bf16 never gets here: the compiler expands it inline.)
 * Round to nearest, ties to even; NaN stays a quiet NaN.
 */

#include <stdint.h>

_Float16 __truncdfhf2(double value);
_Float16 __truncsfhf2(float value);
float __extendhfsf2(_Float16 value);
__bf16 __truncdfbf2(double value);

/* `value` rounded to the binary format of `exponent_bits` and
 * `mantissa_bits` (f16: 5, 10; bf16: 8, 7), as its bit pattern. Every f32 is
 * exact as an f64, so this also rounds f32 values once. */
static uint16_t aotc_round_f64(double value, int exponent_bits,
                               int mantissa_bits) {
  union {
    double d;
    uint64_t u;
  } in = {value};
  uint64_t bits = in.u;
  uint16_t sign = (uint16_t)((bits >> 48) & 0x8000);
  int exponent = (int)((bits >> 52) & 0x7ff);
  uint64_t mantissa = bits & ((1ull << 52) - 1);
  int max_exponent = (1 << exponent_bits) - 1;
  int bias = (1 << (exponent_bits - 1)) - 1;
  int drop = 52 - mantissa_bits; /* mantissa bits that do not fit */
  uint16_t infinity = (uint16_t)(max_exponent << mantissa_bits);

  if (exponent == 0x7ff) {
    uint16_t quiet = (uint16_t)(1u << (mantissa_bits - 1));
    return sign | infinity |
           (mantissa ? quiet | (uint16_t)(mantissa >> drop) : 0);
  }
  int e = exponent - 1023 + bias; /* the narrow biased exponent */
  uint64_t q, rest, half;
  if (e >= max_exponent) {
    q = infinity; /* overflow */
    rest = half = 0;
  } else if (e <= 0) {
    /* Subnormal (or zero), from the 53-bit significand. */
    if (e < -mantissa_bits) {
      q = 0;
      rest = half = 0;
    } else {
      uint64_t significand = mantissa | (1ull << 52);
      int shift = drop + 1 - e;
      q = significand >> shift;
      rest = significand & ((1ull << shift) - 1);
      half = 1ull << (shift - 1);
    }
  } else {
    q = ((uint64_t)e << mantissa_bits) | (mantissa >> drop);
    rest = mantissa & ((1ull << drop) - 1);
    half = 1ull << (drop - 1);
  }
  /* A carry out of the mantissa correctly bumps the exponent. */
  if (rest > half || (rest == half && (q & 1)))
    ++q;
  return sign | (uint16_t)q;
}

static _Float16 aotc_f16_from_bits(uint16_t bits) {
  union {
    uint16_t u;
    _Float16 h;
  } out = {bits};
  return out.h;
}

_Float16 __truncdfhf2(double value) {
  return aotc_f16_from_bits(aotc_round_f64(value, 5, 10));
}

_Float16 __truncsfhf2(float value) {
  return aotc_f16_from_bits(aotc_round_f64(value, 5, 10));
}

__bf16 __truncdfbf2(double value) {
  union {
    uint16_t u;
    __bf16 b;
  } out = {aotc_round_f64(value, 8, 7)};
  return out.b;
}

float __extendhfsf2(_Float16 value) {
  union {
    _Float16 h;
    uint16_t u;
  } in = {value};
  uint32_t sign = (uint32_t)(in.u & 0x8000) << 16;
  uint32_t exponent = (in.u >> 10) & 0x1f;
  uint32_t mantissa = in.u & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else {
    /* Subnormal: normalize the mantissa into f32's implicit bit. */
    int shift = 0;
    while (!(mantissa & 0x400)) {
      mantissa <<= 1;
      ++shift;
    }
    bits = sign | ((uint32_t)(113 - shift) << 23) | ((mantissa & 0x3ff) << 13);
  }
  union {
    uint32_t u;
    float f;
  } out = {bits};
  return out.f;
}
