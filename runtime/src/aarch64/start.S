/*===- aarch64/start.S - Process entry point on AArch64 Linux -------------===*
 *
 * The kernel enters _start with sp pointing at argc, followed by argv[],
 * NULL, envp[], NULL, auxv. Clear the frame pointer and link register (the
 * end of the frame chain), pass the initial stack pointer to C, keep sp
 * 16-byte aligned, and exit with the C entry's return value.
 *
 *===----------------------------------------------------------------------===*/

        .text
        .globl  _start
        .type   _start, %function
_start:
        mov     x29, #0
        mov     x30, #0
        mov     x0, sp
        and     sp, x0, #-16
        bl      aotc_entry
        mov     x8, #94                 /* exit_group */
        svc     #0
        brk     #1
        .size   _start, . - _start

        .section .note.GNU-stack, "", %progbits
