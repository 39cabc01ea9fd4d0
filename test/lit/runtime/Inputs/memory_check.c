/* Checks the runtime's memcpy, memmove and memset against byte-at-a-time
 * references, over every length up to 160 (several turns of the 32-byte
 * loop plus every tail) and source and destination offsets 0 to 8, overlapping
 * both ways for memmove.
 *
 * It replaces the command line: defining aotc_entry (which _start calls)
 * keeps the runtime's main.c, and so the need for a model, out of the link.
 * Prints "memory: ok" and exits 0, or names the first failure and exits 1. */
#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "io.h"

#define SIZE 512
#define MAX_LENGTH 160
#define MAX_OFFSET 9

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int aotc_entry(const uintptr_t *initial_sp);

/* Calls go through volatile pointers, so that clang neither inlines nor
 * folds them: the runtime's functions run. */
static void *(*volatile copy_fn)(void *restrict, const void *restrict,
                                 size_t) = memcpy;
static void *(*volatile move_fn)(void *, const void *, size_t) = memmove;
static void *(*volatile set_fn)(void *, int, size_t) = memset;

static unsigned char buffer[SIZE];
static unsigned char expected[SIZE];

static void fill(unsigned char *p, unsigned seed) {
  for (int i = 0; i < SIZE; ++i)
    p[i] = (unsigned char)(i * 7 + seed * 13 + (i >> 3));
}

static int same(void) {
  for (int i = 0; i < SIZE; ++i)
    if (buffer[i] != expected[i])
      return 0;
  return 1;
}

static int fail(const char *what, size_t length, size_t dst, size_t src) {
  char text_buffer[128];
  aotc_text_t text;
  aotc_text_init(&text, text_buffer, sizeof(text_buffer));
  aotc_text_str(&text, "memory: ");
  aotc_text_str(&text, what);
  aotc_text_str(&text, " failed: length ");
  aotc_text_u64(&text, length);
  aotc_text_str(&text, ", dst ");
  aotc_text_u64(&text, dst);
  aotc_text_str(&text, ", src ");
  aotc_text_u64(&text, src);
  aotc_text_char(&text, '\n');
  aotc_io_write_all(2, text.data, text.length);
  return 1;
}

int aotc_entry(const uintptr_t *initial_sp) {
  (void)initial_sp;
  for (size_t n = 0; n <= MAX_LENGTH; ++n) {
    for (size_t d = 0; d < MAX_OFFSET; ++d) {
      /* memset, with a value whose high bits must be ignored. */
      fill(buffer, (unsigned)n);
      fill(expected, (unsigned)n);
      for (size_t i = 0; i < n; ++i)
        expected[64 + d + i] = 0xa5;
      if (set_fn(buffer + 64 + d, 0x7a5, n) != buffer + 64 + d || !same())
        return fail("memset", n, d, 0);
      for (size_t s = 0; s < MAX_OFFSET; ++s) {
        /* memcpy between disjoint halves. */
        fill(buffer, (unsigned)(n + s));
        fill(expected, (unsigned)(n + s));
        for (size_t i = 0; i < n; ++i)
          expected[256 + d + i] = expected[s + i];
        if (copy_fn(buffer + 256 + d, buffer + s, n) != buffer + 256 + d ||
            !same())
          return fail("memcpy", n, 256 + d, s);
        /* memmove with overlap, forwards (dst < src) and backwards. */
        size_t lo = 100 + d, hi = 100 + d + s;
        for (int backwards = 0; backwards < 2; ++backwards) {
          size_t dst = backwards ? hi : lo, src = backwards ? lo : hi;
          fill(buffer, (unsigned)(n + d));
          fill(expected, (unsigned)(n + d));
          unsigned char tmp[MAX_LENGTH];
          for (size_t i = 0; i < n; ++i)
            tmp[i] = expected[src + i];
          for (size_t i = 0; i < n; ++i)
            expected[dst + i] = tmp[i];
          if (move_fn(buffer + dst, buffer + src, n) != buffer + dst || !same())
            return fail("memmove", n, dst, src);
        }
      }
    }
  }
  aotc_io_write_all(1, "memory: ok\n", 11);
  return 0;
}
