/*===- sys.h - The Linux system calls the runtime uses --------------------===*
 *
 * Thin typed wrappers over the architecture's raw system calls. Each returns
 * the kernel's result: a non-negative value, or -errno on failure. The flag
 * and errno values below are the same on x86-64 and AArch64.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_SYS_H
#define AOTC_RUNTIME_SRC_SYS_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include "x86_64/syscall.h"
#elif defined(__aarch64__)
#include "aarch64/syscall.h"
#else
#error "aotc runtime: unsupported architecture"
#endif

#define AOTC_AT_FDCWD (-100)
#define AOTC_O_RDONLY 0
#define AOTC_O_WRONLY 01
#define AOTC_O_CREAT 0100
#define AOTC_O_TRUNC 01000
#define AOTC_O_CLOEXEC 02000000
#define AOTC_CLOCK_MONOTONIC 1

#define AOTC_STDOUT 1
#define AOTC_STDERR 2

#define AOTC_EINTR 4

typedef struct aotc_timespec_t {
  int64_t tv_sec;
  int64_t tv_nsec;
} aotc_timespec_t;

static inline int aotc_sys_openat(int dirfd, const char *path, int flags,
                                  int mode) {
  return (int)aotc_syscall4(AOTC_SYS_OPENAT, dirfd, (long)path, flags, mode);
}

static inline long aotc_sys_read(int fd, void *buf, size_t n) {
  return aotc_syscall3(AOTC_SYS_READ, fd, (long)buf, (long)n);
}

static inline long aotc_sys_write(int fd, const void *buf, size_t n) {
  return aotc_syscall3(AOTC_SYS_WRITE, fd, (long)buf, (long)n);
}

static inline int aotc_sys_close(int fd) {
  return (int)aotc_syscall1(AOTC_SYS_CLOSE, fd);
}

static inline int aotc_sys_clock_gettime(int clock, aotc_timespec_t *ts) {
  return (int)aotc_syscall2(AOTC_SYS_CLOCK_GETTIME, clock, (long)ts);
}

__attribute__((noreturn)) static inline void aotc_sys_exit_group(int code) {
  for (;;)
    aotc_syscall1(AOTC_SYS_EXIT_GROUP, code);
}

#endif /* AOTC_RUNTIME_SRC_SYS_H */
