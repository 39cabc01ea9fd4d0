//===- X86Features.h - x86 extensions CPUID reports -------------*- C++ -*-===//
//
// The instruction-set extensions generated x86 code may use, each with the
// CPUID bit that reports it and the XCR0 state the OS must have enabled for
// its registers. The CPU guard of every executable and aotc_NAME_check_cpu
// test exactly these.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_TARGETS_X86_X86FEATURES_H
#define AOTC_TARGETS_X86_X86FEATURES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace aotc {

enum class CPUIDRegister : uint8_t { EAX, EBX, ECX, EDX };

struct X86Feature {
  /// LLVM's name, e.g. "avx512f".
  llvm::StringRef name;
  uint32_t leaf, subleaf;
  CPUIDRegister reg;
  unsigned bit;
  /// XCR0 bits the OS must have set: SSE and AVX state (0x6) for 256-bit
  /// registers, also opmask and zmm state (0xe6) for AVX-512; 0: none.
  uint32_t xcr0Mask;
};

/// Every extension beyond baseline x86-64 that is checked, in the order of
/// the x86-64 levels (v2, v3, v4), then the rest.
llvm::ArrayRef<X86Feature> getX86Features();

/// The entry for `name`, or null when it is not checked.
const X86Feature *lookupX86Feature(llvm::StringRef name);

} // namespace aotc

#endif // AOTC_TARGETS_X86_X86FEATURES_H
