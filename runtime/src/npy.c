/*===- npy.c - Tensors in .npy files and raw files ------------------------===*
 *
 * An .npy file is the magic "\x93NUMPY", a major and a minor version byte,
 * the header length (2 bytes little-endian in version 1.0, 4 bytes in 2.0
 * and 3.0), the header (a Python dict literal, ASCII in 1.0 and 2.0, UTF-8
 * in 3.0, padded with spaces and a newline), then the raw data:
 *
 *   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
 *
 *===----------------------------------------------------------------------===*/

#include "npy.h"

#include "aotc/runtime.h"
#include "io.h"

#define AOTC_NPY_MAGIC "\x93NUMPY"
#define AOTC_NPY_MAGIC_SIZE 6
/* Magic, version, and the longest (4-byte) header length field. */
#define AOTC_NPY_PREFIX_MAX 12
#define AOTC_NPY_MAX_DESCR 32

/* Holds the prefix and the header while reading, the header while writing,
 * and trailing bytes while counting them. Nothing else touches it. */
static unsigned char
    aotc_npy_scratch[AOTC_NPY_PREFIX_MAX + AOTC_NPY_MAX_HEADER];

typedef struct aotc_npy_descr_t {
  const char *descr;
  int32_t dtype;
} aotc_npy_descr_t;

/* The descr NumPy writes for each supported dtype on a little-endian
 * machine; the first entry for a dtype is the one written. */
static const aotc_npy_descr_t aotc_npy_descrs[] = {
    {"<f4", AOTC_DTYPE_F32},  {"<f8", AOTC_DTYPE_F64},  {"|i1", AOTC_DTYPE_I8},
    {"|u1", AOTC_DTYPE_U8},   {"<i2", AOTC_DTYPE_I16},  {"<u2", AOTC_DTYPE_U16},
    {"<i4", AOTC_DTYPE_I32},  {"<u4", AOTC_DTYPE_U32},  {"<i8", AOTC_DTYPE_I64},
    {"<u8", AOTC_DTYPE_U64},  {"|b1", AOTC_DTYPE_BOOL}, {"<f2", AOTC_DTYPE_F16},
    {"<u2", AOTC_DTYPE_BF16},
};

#define AOTC_NPY_NUM_DESCRS                                                    \
  ((int)(sizeof(aotc_npy_descrs) / sizeof(aotc_npy_descrs[0])))

/* A parsed header. */
typedef struct aotc_npy_header_t {
  char descr[AOTC_NPY_MAX_DESCR + 1];
  int fortran_order;
  int32_t rank;
  int64_t shape[AOTC_NPY_MAX_RANK];
} aotc_npy_header_t;

/* The header parser's cursor. */
typedef struct aotc_npy_parser_t {
  const char *p;
  const char *end;
  aotc_text_t *error;
} aotc_npy_parser_t;

static void aotc_npy_copy(unsigned char *dst, const unsigned char *src,
                          uint64_t n) {
  for (uint64_t i = 0; i < n; ++i)
    dst[i] = src[i];
}

static void aotc_npy_io_error(aotc_text_t *error, const char *what,
                              int64_t result) {
  char buffer[24];
  aotc_text_str(error, what);
  aotc_text_str(error, " (");
  aotc_text_str(error,
                aotc_io_errno_text((int)-result, buffer, sizeof(buffer)));
  aotc_text_char(error, ')');
}

/* Whether `fd` has bytes left: 1 or 0, negative -errno on failure. Reads at
 * most one byte, so an endless file (/dev/zero, a pipe) cannot hang us. */
static int64_t aotc_npy_has_more(int fd) {
  return aotc_io_read_full(fd, aotc_npy_scratch, 1);
}

/*===--- Header parsing ---------------------------------------------------===*/

static aotc_status_t aotc_npy_malformed(aotc_npy_parser_t *parser,
                                        const char *what, const char *key) {
  aotc_text_str(parser->error, "malformed .npy header: ");
  aotc_text_str(parser->error, what);
  if (key) {
    aotc_text_str(parser->error, " '");
    aotc_text_str(parser->error, key);
    aotc_text_char(parser->error, '\'');
  }
  return AOTC_STATUS_INVALID_FILE;
}

static void aotc_npy_skip_space(aotc_npy_parser_t *parser) {
  while (parser->p < parser->end && (*parser->p == ' ' || *parser->p == '\t' ||
                                     *parser->p == '\n' || *parser->p == '\r'))
    ++parser->p;
}

/* Skips spaces, then consumes `c` if it comes next. */
static int aotc_npy_accept(aotc_npy_parser_t *parser, char c) {
  aotc_npy_skip_space(parser);
  if (parser->p < parser->end && *parser->p == c) {
    ++parser->p;
    return 1;
  }
  return 0;
}

/* A quoted string without escapes, of at most `capacity - 1` bytes. */
static int aotc_npy_parse_string(aotc_npy_parser_t *parser, char *out,
                                 size_t capacity) {
  aotc_npy_skip_space(parser);
  if (parser->p == parser->end || (*parser->p != '\'' && *parser->p != '"'))
    return 0;
  char quote = *parser->p++;
  size_t n = 0;
  while (parser->p < parser->end && *parser->p != quote) {
    if (*parser->p == '\\' || *parser->p == '\n' || n + 1 == capacity)
      return 0;
    out[n++] = *parser->p++;
  }
  if (parser->p == parser->end)
    return 0;
  ++parser->p;
  out[n] = '\0';
  return 1;
}

static int aotc_npy_parse_word(aotc_npy_parser_t *parser, const char *word) {
  aotc_npy_skip_space(parser);
  const char *p = parser->p;
  for (; *word != '\0'; ++word, ++p)
    if (p == parser->end || *p != *word)
      return 0;
  if (p < parser->end &&
      ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
       (*p >= '0' && *p <= '9') || *p == '_'))
    return 0;
  parser->p = p;
  return 1;
}

enum { AOTC_NPY_DIM_OK, AOTC_NPY_DIM_MISSING, AOTC_NPY_DIM_TOO_LARGE };

/* A non-negative decimal integer (Python 2's 'L' suffix allowed) of at most
 * INT64_MAX, checked before each step so that no value wraps around. */
static int aotc_npy_parse_dim(aotc_npy_parser_t *parser, int64_t *out) {
  aotc_npy_skip_space(parser);
  const char *start = parser->p;
  uint64_t value = 0;
  while (parser->p < parser->end && *parser->p >= '0' && *parser->p <= '9') {
    uint64_t digit = (uint64_t)(*parser->p++ - '0');
    if (value > ((uint64_t)INT64_MAX - digit) / 10)
      return AOTC_NPY_DIM_TOO_LARGE;
    value = value * 10 + digit;
  }
  if (parser->p == start)
    return AOTC_NPY_DIM_MISSING;
  if (parser->p < parser->end && *parser->p == 'L')
    ++parser->p;
  *out = (int64_t)value;
  return AOTC_NPY_DIM_OK;
}

/* A tuple of dimensions: "()", "(3,)", "(2, 3)", "(2, 3,)". */
static aotc_status_t aotc_npy_parse_shape(aotc_npy_parser_t *parser,
                                          aotc_npy_header_t *header) {
  if (!aotc_npy_accept(parser, '('))
    return aotc_npy_malformed(parser, "expected a tuple for", "shape");
  header->rank = 0;
  if (aotc_npy_accept(parser, ')'))
    return AOTC_STATUS_OK;
  for (;;) {
    if (header->rank == AOTC_NPY_MAX_RANK)
      return aotc_npy_malformed(parser, "more than 64 dimensions in", "shape");
    int dim = aotc_npy_parse_dim(parser, &header->shape[header->rank]);
    if (dim == AOTC_NPY_DIM_TOO_LARGE)
      return aotc_npy_malformed(parser, "a dimension larger than 2^63-1 in",
                                "shape");
    if (dim != AOTC_NPY_DIM_OK)
      return aotc_npy_malformed(parser, "expected a non-negative integer in",
                                "shape");
    ++header->rank;
    if (aotc_npy_accept(parser, ')')) {
      if (header->rank == 1) /* "(3)" is an integer, not a tuple */
        return aotc_npy_malformed(parser,
                                  "expected ',' after the only "
                                  "dimension in",
                                  "shape");
      return AOTC_STATUS_OK;
    }
    if (!aotc_npy_accept(parser, ','))
      return aotc_npy_malformed(parser, "expected ',' or ')' in", "shape");
    if (aotc_npy_accept(parser, ')'))
      return AOTC_STATUS_OK;
  }
}

/* The header dict: exactly the keys 'descr', 'fortran_order' and 'shape',
 * in any order, an optional trailing comma, then only white space. */
static aotc_status_t aotc_npy_parse_header(const char *text, uint64_t length,
                                           aotc_npy_header_t *header,
                                           aotc_text_t *error) {
  aotc_npy_parser_t parser = {text, text + length, error};
  enum { DESCR = 1, FORTRAN_ORDER = 2, SHAPE = 4 };
  int seen = 0;
  if (!aotc_npy_accept(&parser, '{'))
    return aotc_npy_malformed(&parser, "expected '{'", NULL);
  while (!aotc_npy_accept(&parser, '}')) {
    char key[AOTC_NPY_MAX_DESCR + 1];
    if (!aotc_npy_parse_string(&parser, key, sizeof(key)))
      return aotc_npy_malformed(&parser, "expected a quoted key or '}'", NULL);
    int which = aotc_streq(key, "descr")           ? DESCR
                : aotc_streq(key, "fortran_order") ? FORTRAN_ORDER
                : aotc_streq(key, "shape")         ? SHAPE
                                                   : 0;
    if (which == 0)
      return aotc_npy_malformed(&parser, "unknown key", key);
    if (seen & which)
      return aotc_npy_malformed(&parser, "duplicate key", key);
    seen |= which;
    if (!aotc_npy_accept(&parser, ':'))
      return aotc_npy_malformed(&parser, "expected ':' after", key);
    if (which == DESCR) {
      if (!aotc_npy_parse_string(&parser, header->descr, sizeof(header->descr)))
        return aotc_npy_malformed(&parser, "expected a dtype string for", key);
    } else if (which == FORTRAN_ORDER) {
      if (aotc_npy_parse_word(&parser, "False"))
        header->fortran_order = 0;
      else if (aotc_npy_parse_word(&parser, "True"))
        header->fortran_order = 1;
      else
        return aotc_npy_malformed(&parser, "expected True or False for", key);
    } else {
      aotc_status_t status = aotc_npy_parse_shape(&parser, header);
      if (status != AOTC_STATUS_OK)
        return status;
    }
    if (aotc_npy_accept(&parser, '}'))
      break;
    if (!aotc_npy_accept(&parser, ','))
      return aotc_npy_malformed(&parser, "expected ',' or '}' after", key);
  }
  aotc_npy_skip_space(&parser);
  if (parser.p != parser.end)
    return aotc_npy_malformed(&parser, "unexpected text after '}'", NULL);
  if (!(seen & DESCR))
    return aotc_npy_malformed(&parser, "missing key", "descr");
  if (!(seen & FORTRAN_ORDER))
    return aotc_npy_malformed(&parser, "missing key", "fortran_order");
  if (!(seen & SHAPE))
    return aotc_npy_malformed(&parser, "missing key", "shape");
  return AOTC_STATUS_OK;
}

/*===--- Checks against the model -----------------------------------------===*/

/* The descr NumPy writes for `dtype`, or null. */
static const char *aotc_npy_descr_of(int32_t dtype) {
  for (int i = 0; i < AOTC_NPY_NUM_DESCRS; ++i)
    if (aotc_npy_descrs[i].dtype == dtype)
      return aotc_npy_descrs[i].descr;
  return NULL;
}

/* The dtype `descr` names, or 0. */
static int32_t aotc_npy_dtype_of(const char *descr) {
  for (int i = 0; i < AOTC_NPY_NUM_DESCRS; ++i)
    if (aotc_streq(descr, aotc_npy_descrs[i].descr))
      return aotc_npy_descrs[i].dtype;
  return 0;
}

/* Spells one-byte types with '|' as NumPy does: '<i1' and '>b1' are valid
 * spellings of int8 and bool, since one byte has no byte order. */
static void aotc_npy_normalize_descr(char *descr) {
  if ((descr[0] == '<' || descr[0] == '>' || descr[0] == '=') &&
      (descr[1] == 'i' || descr[1] == 'u' || descr[1] == 'b') &&
      aotc_streq(descr + 2, "1"))
    descr[0] = '|';
}

static aotc_status_t aotc_npy_check(aotc_npy_header_t *header,
                                    const aotc_tensor_desc_t *input,
                                    aotc_text_t *error) {
  aotc_npy_normalize_descr(header->descr);
  int32_t dtype = aotc_npy_dtype_of(header->descr);
  if (dtype == 0) {
    /* A big-endian spelling of a supported dtype gets its own message. */
    char little[AOTC_NPY_MAX_DESCR + 1];
    for (size_t i = 0; i < sizeof(little); ++i)
      little[i] = i == 0 ? '<' : header->descr[i];
    int big_endian = header->descr[0] == '>' && aotc_npy_dtype_of(little);
    aotc_text_str(error,
                  big_endian ? "big-endian dtype '" : "unsupported dtype '");
    aotc_text_str(error, header->descr);
    aotc_text_str(error, big_endian ? "' is not supported" : "'");
    return AOTC_STATUS_INVALID_FILE;
  }
  if (header->fortran_order) {
    aotc_text_str(error, "fortran_order arrays are not supported");
    return AOTC_STATUS_INVALID_FILE;
  }
  const char *expected = aotc_npy_descr_of(input->dtype);
  if (!expected || !aotc_streq(header->descr, expected)) {
    aotc_text_str(error, "dtype ");
    aotc_text_str(error, aotc_dtype_name(dtype));
    aotc_text_str(error, " does not match input '");
    aotc_text_str(error, input->name);
    aotc_text_str(error, "' (");
    aotc_text_str(error, aotc_dtype_name(input->dtype));
    aotc_text_char(error, ')');
    return AOTC_STATUS_INVALID_FILE;
  }
  int same = header->rank == input->rank;
  for (int32_t i = 0; same && i < header->rank; ++i)
    same = header->shape[i] == input->shape[i];
  if (!same) {
    aotc_text_str(error, "shape ");
    aotc_text_shape(error, header->rank, header->shape);
    aotc_text_str(error, " does not match input '");
    aotc_text_str(error, input->name);
    aotc_text_str(error, "' ");
    aotc_text_shape(error, input->rank, input->shape);
    return AOTC_STATUS_INVALID_FILE;
  }
  return AOTC_STATUS_OK;
}

/*===--- Reading ----------------------------------------------------------===*/

/* A file without the magic: its bytes are the tensor's. `prefix` holds the
 * first `prefix_size` bytes, already read. */
static aotc_status_t aotc_npy_read_raw(int fd, const aotc_tensor_desc_t *input,
                                       uint64_t prefix_size,
                                       aotc_text_t *error) {
  unsigned char *buffer = (unsigned char *)input->buffer;
  uint64_t size = input->byte_size;
  uint64_t total = prefix_size;
  if (prefix_size <= size) {
    aotc_npy_copy(buffer, aotc_npy_scratch, prefix_size);
    int64_t got =
        aotc_io_read_full(fd, buffer + prefix_size, size - prefix_size);
    if (got < 0) {
      aotc_npy_io_error(error, "cannot read", got);
      return AOTC_STATUS_IO_ERROR;
    }
    total += (uint64_t)got;
  }
  if (total == size) {
    int64_t more = aotc_npy_has_more(fd);
    if (more < 0) {
      aotc_npy_io_error(error, "cannot read", more);
      return AOTC_STATUS_IO_ERROR;
    }
    if (more == 0)
      return AOTC_STATUS_OK;
  }
  if (total < size) {
    aotc_text_str(error, "not an .npy file, and its size (");
    aotc_text_u64(error, total);
    aotc_text_str(error, " bytes) does not match input '");
  } else {
    aotc_text_str(error, "not an .npy file, and it is longer than input '");
  }
  aotc_text_str(error, input->name);
  aotc_text_str(error, "' (");
  aotc_text_u64(error, size);
  aotc_text_str(error, " bytes)");
  return AOTC_STATUS_INVALID_FILE;
}

static uint64_t aotc_npy_le(const unsigned char *p, int bytes) {
  uint64_t value = 0;
  for (int i = bytes - 1; i >= 0; --i)
    value = value << 8 | p[i];
  return value;
}

/* Reads exactly `n` bytes of the header area into scratch at `offset`. */
static aotc_status_t aotc_npy_read_header_bytes(int fd, uint64_t offset,
                                                uint64_t n, aotc_text_t *error,
                                                int64_t *out_got) {
  int64_t got = aotc_io_read_full(fd, aotc_npy_scratch + offset, n);
  *out_got = got;
  if (got < 0) {
    aotc_npy_io_error(error, "cannot read", got);
    return AOTC_STATUS_IO_ERROR;
  }
  return AOTC_STATUS_OK;
}

aotc_status_t aotc_npy_read(int fd, const aotc_tensor_desc_t *input,
                            aotc_text_t *error) {
  unsigned char *scratch = aotc_npy_scratch;
  int64_t got;
  /* Magic and version: 8 bytes. */
  aotc_status_t status = aotc_npy_read_header_bytes(fd, 0, 8, error, &got);
  if (status != AOTC_STATUS_OK)
    return status;
  int is_npy = got >= AOTC_NPY_MAGIC_SIZE;
  for (int i = 0; is_npy && i < AOTC_NPY_MAGIC_SIZE; ++i)
    is_npy = scratch[i] == (unsigned char)AOTC_NPY_MAGIC[i];
  if (!is_npy)
    return aotc_npy_read_raw(fd, input, (uint64_t)got, error);
  if (got < 8) {
    aotc_text_str(error, "truncated .npy header");
    return AOTC_STATUS_INVALID_FILE;
  }
  int major = scratch[6], minor = scratch[7];
  if (minor != 0 || major < 1 || major > 3) {
    aotc_text_str(error, "unsupported .npy version ");
    aotc_text_u64(error, (uint64_t)major);
    aotc_text_char(error, '.');
    aotc_text_u64(error, (uint64_t)minor);
    aotc_text_str(error, " (supported: 1.0, 2.0, 3.0)");
    return AOTC_STATUS_INVALID_FILE;
  }

  /* Header length: 2 bytes in version 1.0, 4 bytes after. */
  int length_bytes = major == 1 ? 2 : 4;
  status =
      aotc_npy_read_header_bytes(fd, 8, (uint64_t)length_bytes, error, &got);
  if (status != AOTC_STATUS_OK)
    return status;
  if (got < length_bytes) {
    aotc_text_str(error, "truncated .npy header");
    return AOTC_STATUS_INVALID_FILE;
  }
  uint64_t header_length = aotc_npy_le(scratch + 8, length_bytes);
  if (header_length > AOTC_NPY_MAX_HEADER) {
    aotc_text_str(error, "the .npy header of ");
    aotc_text_u64(error, header_length);
    aotc_text_str(error, " bytes is too long (at most 65535)");
    return AOTC_STATUS_INVALID_FILE;
  }

  /* The header itself. */
  uint64_t prefix = 8 + (uint64_t)length_bytes;
  status = aotc_npy_read_header_bytes(fd, prefix, header_length, error, &got);
  if (status != AOTC_STATUS_OK)
    return status;
  if ((uint64_t)got < header_length) {
    aotc_text_str(error, "truncated .npy header: ");
    aotc_text_u64(error, (uint64_t)got);
    aotc_text_str(error, " of ");
    aotc_text_u64(error, header_length);
    aotc_text_str(error, " header bytes");
    return AOTC_STATUS_INVALID_FILE;
  }
  aotc_npy_header_t header;
  status = aotc_npy_parse_header((const char *)scratch + prefix, header_length,
                                 &header, error);
  if (status != AOTC_STATUS_OK)
    return status;
  status = aotc_npy_check(&header, input, error);
  if (status != AOTC_STATUS_OK)
    return status;

  /* The data: exactly byte_size bytes. */
  got = aotc_io_read_full(fd, input->buffer, input->byte_size);
  if (got < 0) {
    aotc_npy_io_error(error, "cannot read", got);
    return AOTC_STATUS_IO_ERROR;
  }
  if ((uint64_t)got < input->byte_size) {
    aotc_text_str(error, "truncated: ");
    aotc_text_u64(error, (uint64_t)got);
    aotc_text_str(error, " of ");
    aotc_text_u64(error, input->byte_size);
    aotc_text_str(error, " data bytes");
    return AOTC_STATUS_INVALID_FILE;
  }
  int64_t more = aotc_npy_has_more(fd);
  if (more < 0) {
    aotc_npy_io_error(error, "cannot read", more);
    return AOTC_STATUS_IO_ERROR;
  }
  if (more > 0) {
    aotc_text_str(error, "too long: more bytes after the ");
    aotc_text_u64(error, input->byte_size);
    aotc_text_str(error, " data bytes");
    return AOTC_STATUS_INVALID_FILE;
  }
  return AOTC_STATUS_OK;
}

/*===--- Writing ----------------------------------------------------------===*/

aotc_status_t aotc_npy_write(int fd, const aotc_tensor_desc_t *output,
                             aotc_text_t *error) {
  const char *descr = aotc_npy_descr_of(output->dtype);
  if (!descr || output->rank > AOTC_NPY_MAX_RANK) {
    aotc_text_str(error, "cannot write a ");
    aotc_text_str(error, aotc_dtype_name(output->dtype));
    aotc_text_str(error, " tensor of rank ");
    aotc_text_i64(error, output->rank);
    aotc_text_str(error, " as .npy");
    return AOTC_STATUS_INVALID_ARGUMENT;
  }

  /* Version 1.0: the prefix, the dict, spaces and a newline, so that the
   * data starts at a multiple of 64 bytes (NumPy's layout). */
  aotc_text_t header;
  aotc_text_init(&header, (char *)aotc_npy_scratch, sizeof(aotc_npy_scratch));
  aotc_text_bytes(&header,
                  AOTC_NPY_MAGIC "\x01\x00"
                                 "\0\0",
                  10);
  aotc_text_str(&header, "{'descr': '");
  aotc_text_str(&header, descr);
  aotc_text_str(&header, "', 'fortran_order': False, 'shape': ");
  aotc_text_shape(&header, output->rank, output->shape);
  aotc_text_str(&header, ", }");
  while ((header.length + 1) % 64 != 0)
    aotc_text_char(&header, ' ');
  aotc_text_char(&header, '\n');
  uint64_t header_length = header.length - 10;
  aotc_npy_scratch[8] = (unsigned char)(header_length & 0xff);
  aotc_npy_scratch[9] = (unsigned char)(header_length >> 8);

  int result = aotc_io_write_all(fd, aotc_npy_scratch, header.length);
  if (result == 0)
    result = aotc_io_write_all(fd, output->buffer, output->byte_size);
  if (result < 0) {
    aotc_npy_io_error(error, "cannot write", result);
    return AOTC_STATUS_IO_ERROR;
  }
  return AOTC_STATUS_OK;
}
