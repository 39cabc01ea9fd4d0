/*===- format.h - Strings and numbers into fixed buffers ------------------===*
 *
 * A bounded text builder (no allocation: the caller owns the buffer) and the
 * few string helpers the runtime needs. Text that does not fit is cut off;
 * the buffer always stays NUL-terminated.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_FORMAT_H
#define AOTC_RUNTIME_SRC_FORMAT_H

#include <stddef.h>
#include <stdint.h>

typedef struct aotc_text_t {
  char *data;
  size_t capacity; /* bytes of data, including the terminating NUL */
  size_t length;
} aotc_text_t;

/* Starts an empty text in `buffer` (capacity >= 1). */
void aotc_text_init(aotc_text_t *text, char *buffer, size_t capacity);
void aotc_text_clear(aotc_text_t *text);
void aotc_text_char(aotc_text_t *text, char c);
void aotc_text_str(aotc_text_t *text, const char *s);
void aotc_text_bytes(aotc_text_t *text, const char *s, size_t n);
void aotc_text_u64(aotc_text_t *text, uint64_t value);
void aotc_text_i64(aotc_text_t *text, int64_t value);
/* `s` with control bytes spelled "\xNN" (as the compiler spells them), so
 * that text from a file or the command line cannot break a line in two. */
void aotc_text_escaped(aotc_text_t *text, const char *s, size_t n);
/* Nanoseconds as milliseconds with four decimals: 1234567 -> "1.2346". */
void aotc_text_ms(aotc_text_t *text, uint64_t ns);
/* A shape as a Python tuple: "()", "(3,)", "(1, 3, 224, 224)". */
void aotc_text_shape(aotc_text_t *text, int32_t rank, const int64_t *shape);

size_t aotc_strlen(const char *s);
int aotc_streq(const char *a, const char *b);
/* Parses a decimal integer in [1, max] that fills all of `s`; 0 on error. */
uint64_t aotc_parse_count(const char *s, uint64_t max);

#endif /* AOTC_RUNTIME_SRC_FORMAT_H */
