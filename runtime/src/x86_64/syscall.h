/*===- x86_64/syscall.h - Linux system calls on x86-64 --------------------===*
 *
 * Raw `syscall` instructions: number in rax, arguments in rdi, rsi, rdx, r10;
 * the kernel clobbers rcx and r11. Returns the result or -errno.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AOTC_RUNTIME_SRC_X86_64_SYSCALL_H
#define AOTC_RUNTIME_SRC_X86_64_SYSCALL_H

#define AOTC_SYS_READ 0
#define AOTC_SYS_WRITE 1
#define AOTC_SYS_CLOSE 3
#define AOTC_SYS_CLOCK_GETTIME 228
#define AOTC_SYS_EXIT_GROUP 231
#define AOTC_SYS_OPENAT 257

static inline long aotc_syscall1(long n, long a) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a)
                   : "rcx", "r11", "memory");
  return ret;
}

static inline long aotc_syscall2(long n, long a, long b) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b)
                   : "rcx", "r11", "memory");
  return ret;
}

static inline long aotc_syscall3(long n, long a, long b, long c) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return ret;
}

static inline long aotc_syscall4(long n, long a, long b, long c, long d) {
  long ret;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return ret;
}

#endif /* AOTC_RUNTIME_SRC_X86_64_SYSCALL_H */
