//===- CPUCheck.h - aotc_NAME_check_cpu, the CPU-feature guard --*- C++ -*-===//
#ifndef AOTC_COMPILER_EMIT_CPUCHECK_H
#define AOTC_COMPILER_EMIT_CPUCHECK_H

#include "targets/Common/TargetDescription.h"

#include "llvm/IR/Module.h"

namespace aotc {

/// Adds `int32_t NAME(void)`: 0 when the CPU it runs on has every feature of
/// target.cpuFeatures, else 1 + the index of the first one it lacks. It is
/// compiled for the family's baseline (x86-64, Armv8-A), so any CPU of the
/// architecture can run it: CPUID and XGETBV on x86 (AVX and AVX-512 also
/// need their register state enabled by the OS), MRS of the ID registers on
/// AArch64.
llvm::Function *emitCPUCheck(llvm::Module &module,
                             const TargetDescription &target,
                             llvm::StringRef name);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_CPUCHECK_H
