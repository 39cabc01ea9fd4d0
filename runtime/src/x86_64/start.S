/*===- x86_64/start.S - Process entry point on x86-64 Linux ---------------===*
 *
 * The kernel enters _start with %rsp pointing at argc, followed by argv[],
 * NULL, envp[], NULL, auxv; %rsp is 16-byte aligned and there is no return
 * address. Clear the frame pointer (the end of the frame chain), pass the
 * initial stack pointer to C, realign the stack so that the callee sees the
 * ABI's alignment after `call`, and exit with the C entry's return value.
 *
 *===----------------------------------------------------------------------===*/

        .text
        .globl  _start
        .type   _start, @function
_start:
        xorl    %ebp, %ebp
        movq    %rsp, %rdi
        andq    $-16, %rsp
        callq   aotc_entry
        movl    %eax, %edi
        movl    $231, %eax              /* exit_group */
        syscall
        hlt
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
