/*===- memory.c - memcpy, memmove and memset ------------------------------===*
 *
 * LLVM emits calls to these three even in freestanding code, so every
 * executable needs them. They move eight bytes at a time (four words per
 * iteration in the bulk loop) through unaligned-safe word accesses, which
 * x86-64 and AArch64 handle at full speed.
 *
 * The file must be built with -fno-builtin, and each function also carries
 * no_builtin, so that the optimizer does not recognize these loops as
 * memcpy/memset idioms and turn them back into calls to themselves.
 *
 *===----------------------------------------------------------------------===*/

#include <stddef.h>
#include <stdint.h>

#define AOTC_NO_BUILTIN __attribute__((no_builtin))

/* A 64-bit word that may live at any address and alias anything. */
typedef uint64_t __attribute__((aligned(1), may_alias)) aotc_word_t;

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

/* Copies front to back; correct for overlap when dst <= src. */
AOTC_NO_BUILTIN static void
aotc_copy_forward(unsigned char *d, const unsigned char *s, size_t n) {
  while (n >= 32) {
    uint64_t w0 = *(const aotc_word_t *)(s + 0);
    uint64_t w1 = *(const aotc_word_t *)(s + 8);
    uint64_t w2 = *(const aotc_word_t *)(s + 16);
    uint64_t w3 = *(const aotc_word_t *)(s + 24);
    *(aotc_word_t *)(d + 0) = w0;
    *(aotc_word_t *)(d + 8) = w1;
    *(aotc_word_t *)(d + 16) = w2;
    *(aotc_word_t *)(d + 24) = w3;
    d += 32;
    s += 32;
    n -= 32;
  }
  while (n >= 8) {
    *(aotc_word_t *)d = *(const aotc_word_t *)s;
    d += 8;
    s += 8;
    n -= 8;
  }
  while (n--)
    *d++ = *s++;
}

/* Copies back to front; correct for overlap when dst > src. */
AOTC_NO_BUILTIN static void
aotc_copy_backward(unsigned char *d, const unsigned char *s, size_t n) {
  d += n;
  s += n;
  while (n >= 32) {
    uint64_t w0 = *(const aotc_word_t *)(s - 8);
    uint64_t w1 = *(const aotc_word_t *)(s - 16);
    uint64_t w2 = *(const aotc_word_t *)(s - 24);
    uint64_t w3 = *(const aotc_word_t *)(s - 32);
    *(aotc_word_t *)(d - 8) = w0;
    *(aotc_word_t *)(d - 16) = w1;
    *(aotc_word_t *)(d - 24) = w2;
    *(aotc_word_t *)(d - 32) = w3;
    d -= 32;
    s -= 32;
    n -= 32;
  }
  while (n >= 8) {
    d -= 8;
    s -= 8;
    *(aotc_word_t *)d = *(const aotc_word_t *)s;
    n -= 8;
  }
  while (n--)
    *--d = *--s;
}

AOTC_NO_BUILTIN void *memcpy(void *restrict dst, const void *restrict src,
                             size_t n) {
  aotc_copy_forward((unsigned char *)dst, (const unsigned char *)src, n);
  return dst;
}

AOTC_NO_BUILTIN void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  if ((uintptr_t)d - (uintptr_t)s >= n)
    aotc_copy_forward(d, s, n); /* dst before src, or no overlap */
  else
    aotc_copy_backward(d, s, n);
  return dst;
}

AOTC_NO_BUILTIN void *memset(void *dst, int c, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  uint64_t w = (uint64_t)(unsigned char)c * 0x0101010101010101ull;
  while (n >= 32) {
    *(aotc_word_t *)(d + 0) = w;
    *(aotc_word_t *)(d + 8) = w;
    *(aotc_word_t *)(d + 16) = w;
    *(aotc_word_t *)(d + 24) = w;
    d += 32;
    n -= 32;
  }
  while (n >= 8) {
    *(aotc_word_t *)d = w;
    d += 8;
    n -= 8;
  }
  while (n--)
    *d++ = (unsigned char)c;
  return dst;
}
