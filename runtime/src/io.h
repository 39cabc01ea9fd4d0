/*===- io.h - Files: open, read, write, and errno text --------------------===*
 *
 * Every function returns a non-negative result or -errno.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_IO_H
#define AOTC_RUNTIME_SRC_IO_H

#include <stddef.h>
#include <stdint.h>

int aotc_io_open_read(const char *path);
/* Creates or truncates `path` for writing, mode 0644 (before umask). */
int aotc_io_create(const char *path);
int aotc_io_close(int fd);

/* Reads until `n` bytes or end of file: returns the bytes read (< n only at
 * end of file) or -errno. Retries on EINTR and short reads. */
int64_t aotc_io_read_full(int fd, void *buffer, uint64_t n);

/* Writes all `n` bytes: returns 0 or -errno. */
int aotc_io_write_all(int fd, const void *buffer, uint64_t n);

/* strerror's text for the common errno values ("No such file or
 * directory"), "errno N" for the others, written into `buffer`. */
const char *aotc_io_errno_text(int error, char *buffer, size_t capacity);

#endif /* AOTC_RUNTIME_SRC_IO_H */
