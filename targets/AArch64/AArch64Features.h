//===- AArch64Features.h - AArch64 extensions, ID fields --------*- C++ -*-===//
//
// The instruction-set extensions generated AArch64 code may use, each with
// the ID register field that reports it. MRS of these registers works at
// EL1 on bare metal and, on Linux, at EL0 too: the kernel emulates it with
// the same sanitized values it reports in AT_HWCAP/AT_HWCAP2 (HWCAP_CPUID,
// Documentation/arch/arm64/cpu-feature-registers.rst).
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_TARGETS_AARCH64_AARCH64FEATURES_H
#define AOTC_TARGETS_AARCH64_AARCH64FEATURES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace aotc {

enum class AArch64IDRegister : uint8_t { PFR0, ISAR0, ISAR1, ZFR0 };

/// The register's name for MRS (ID_AA64ZFR0_EL1 by its encoding, which
/// assemblers accept without +sve).
llvm::StringRef getIDRegisterName(AArch64IDRegister reg);

struct AArch64Feature {
  /// LLVM's name, e.g. "dotprod".
  llvm::StringRef name;
  AArch64IDRegister reg;
  /// The 4-bit field's lowest bit.
  unsigned shift;
  /// The field's least value meaning "implemented".
  int minimum;
  /// FP and AdvSIMD fields are signed: 0xf means "not implemented".
  bool isSigned;
};

/// Every extension that is checked; FP and Advanced SIMD too, which
/// Armv8-A makes optional.
llvm::ArrayRef<AArch64Feature> getAArch64Features();

/// The entry for `name`, or null when it is not checked.
const AArch64Feature *lookupAArch64Feature(llvm::StringRef name);

} // namespace aotc

#endif // AOTC_TARGETS_AARCH64_AARCH64FEATURES_H
