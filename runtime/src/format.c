/*===- format.c - Strings and numbers into fixed buffers ------------------===*/

#include "format.h"

void aotc_text_init(aotc_text_t *text, char *buffer, size_t capacity) {
  text->data = buffer;
  text->capacity = capacity;
  aotc_text_clear(text);
}

void aotc_text_clear(aotc_text_t *text) {
  text->length = 0;
  text->data[0] = '\0';
}

void aotc_text_bytes(aotc_text_t *text, const char *s, size_t n) {
  size_t room = text->capacity - 1 - text->length;
  if (n > room)
    n = room;
  for (size_t i = 0; i < n; ++i)
    text->data[text->length + i] = s[i];
  text->length += n;
  text->data[text->length] = '\0';
}

void aotc_text_char(aotc_text_t *text, char c) { aotc_text_bytes(text, &c, 1); }

void aotc_text_str(aotc_text_t *text, const char *s) {
  aotc_text_bytes(text, s, aotc_strlen(s));
}

void aotc_text_escaped(aotc_text_t *text, const char *s, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != 0x7f) {
      aotc_text_char(text, (char)c);
      continue;
    }
    char escape[4] = {'\\', 'x', "0123456789ABCDEF"[c >> 4],
                      "0123456789ABCDEF"[c & 15]};
    aotc_text_bytes(text, escape, 4);
  }
}

void aotc_text_u64(aotc_text_t *text, uint64_t value) {
  char digits[20];
  size_t n = 0;
  do {
    digits[sizeof(digits) - 1 - n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  aotc_text_bytes(text, digits + sizeof(digits) - n, n);
}

void aotc_text_i64(aotc_text_t *text, int64_t value) {
  if (value < 0) {
    aotc_text_char(text, '-');
    aotc_text_u64(text, 0 - (uint64_t)value);
    return;
  }
  aotc_text_u64(text, (uint64_t)value);
}

void aotc_text_ms(aotc_text_t *text, uint64_t ns) {
  uint64_t tenths_of_us = (ns + 50) / 100; /* rounded to 0.0001 ms */
  uint64_t fraction = tenths_of_us % 10000;
  aotc_text_u64(text, tenths_of_us / 10000);
  aotc_text_char(text, '.');
  for (uint64_t scale = 1000; scale != 0; scale /= 10)
    aotc_text_char(text, (char)('0' + fraction / scale % 10));
}

void aotc_text_shape(aotc_text_t *text, int32_t rank, const int64_t *shape) {
  aotc_text_char(text, '(');
  for (int32_t i = 0; i < rank; ++i) {
    if (i != 0)
      aotc_text_str(text, ", ");
    aotc_text_i64(text, shape[i]);
  }
  if (rank == 1)
    aotc_text_char(text, ',');
  aotc_text_char(text, ')');
}

size_t aotc_strlen(const char *s) {
  size_t n = 0;
  while (s[n] != '\0')
    ++n;
  return n;
}

int aotc_streq(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

uint64_t aotc_parse_count(const char *s, uint64_t max) {
  uint64_t value = 0;
  if (*s == '\0')
    return 0;
  for (; *s != '\0'; ++s) {
    if (*s < '0' || *s > '9')
      return 0;
    value = value * 10 + (uint64_t)(*s - '0');
    if (value > max)
      return 0;
  }
  return value;
}
