/*===- aarch64/syscall.h - Linux system calls on AArch64 ------------------===*
 *
 * Raw `svc #0`: number in x8, arguments in x0..x3, result (or -errno) in x0.
 * AArch64 uses the asm-generic system call table.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_AARCH64_SYSCALL_H
#define AOTC_RUNTIME_SRC_AARCH64_SYSCALL_H

#define AOTC_SYS_OPENAT 56
#define AOTC_SYS_CLOSE 57
#define AOTC_SYS_READ 63
#define AOTC_SYS_WRITE 64
#define AOTC_SYS_EXIT_GROUP 94
#define AOTC_SYS_CLOCK_GETTIME 113

static inline long aotc_syscall1(long n, long a) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
  return x0;
}

static inline long aotc_syscall2(long n, long a, long b) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1) : "memory");
  return x0;
}

static inline long aotc_syscall3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}

static inline long aotc_syscall4(long n, long a, long b, long c, long d) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  __asm__ volatile("svc #0"
                   : "+r"(x0)
                   : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
                   : "memory");
  return x0;
}

#endif /* AOTC_RUNTIME_SRC_AARCH64_SYSCALL_H */
