/*===- io.c - Files: open, read, write, and errno text --------------------===*/

#include "io.h"

#include "format.h"
#include "sys.h"

/* Largest single read or write; Linux transfers at most 0x7ffff000 bytes. */
#define AOTC_IO_CHUNK ((uint64_t)1 << 30)

int aotc_io_open_read(const char *path) {
  return aotc_sys_openat(AOTC_AT_FDCWD, path, AOTC_O_RDONLY | AOTC_O_CLOEXEC,
                         0);
}

int aotc_io_create(const char *path) {
  return aotc_sys_openat(
      AOTC_AT_FDCWD, path,
      AOTC_O_WRONLY | AOTC_O_CREAT | AOTC_O_TRUNC | AOTC_O_CLOEXEC, 0644);
}

int aotc_io_close(int fd) { return aotc_sys_close(fd); }

int64_t aotc_io_read_full(int fd, void *buffer, uint64_t n) {
  unsigned char *p = (unsigned char *)buffer;
  uint64_t done = 0;
  while (done < n) {
    uint64_t want = n - done < AOTC_IO_CHUNK ? n - done : AOTC_IO_CHUNK;
    long got = aotc_sys_read(fd, p + done, (size_t)want);
    if (got == -AOTC_EINTR)
      continue;
    if (got < 0)
      return got;
    if (got == 0)
      break;
    done += (uint64_t)got;
  }
  return (int64_t)done;
}

int aotc_io_write_all(int fd, const void *buffer, uint64_t n) {
  const unsigned char *p = (const unsigned char *)buffer;
  while (n != 0) {
    uint64_t want = n < AOTC_IO_CHUNK ? n : AOTC_IO_CHUNK;
    long put = aotc_sys_write(fd, p, (size_t)want);
    if (put == -AOTC_EINTR)
      continue;
    if (put < 0)
      return (int)put;
    p += put;
    n -= (uint64_t)put;
  }
  return 0;
}

const char *aotc_io_errno_text(int error, char *buffer, size_t capacity) {
  /* The values are those of asm-generic/errno-base.h and errno.h, which
   * x86-64 and AArch64 share. */
  switch (error) {
  case 1:
    return "Operation not permitted";
  case 2:
    return "No such file or directory";
  case 5:
    return "Input/output error";
  case 6:
    return "No such device or address";
  case 9:
    return "Bad file descriptor";
  case 12:
    return "Cannot allocate memory";
  case 13:
    return "Permission denied";
  case 16:
    return "Device or resource busy";
  case 17:
    return "File exists";
  case 19:
    return "No such device";
  case 20:
    return "Not a directory";
  case 21:
    return "Is a directory";
  case 22:
    return "Invalid argument";
  case 23:
    return "Too many open files in system";
  case 24:
    return "Too many open files";
  case 26:
    return "Text file busy";
  case 27:
    return "File too large";
  case 28:
    return "No space left on device";
  case 30:
    return "Read-only file system";
  case 32:
    return "Broken pipe";
  case 36:
    return "File name too long";
  case 40:
    return "Too many levels of symbolic links";
  case 122:
    return "Disk quota exceeded";
  }
  aotc_text_t text;
  aotc_text_init(&text, buffer, capacity);
  aotc_text_str(&text, "errno ");
  aotc_text_i64(&text, error);
  return buffer;
}
