//===- AArch64Features.cpp - AArch64 extensions and their ID fields -------===//
//
// Fields from the Arm ARM (DDI 0487), D19.2: ID_AA64PFR0_EL1,
// ID_AA64ISAR0_EL1, ID_AA64ISAR1_EL1, ID_AA64ZFR0_EL1.
//
//===----------------------------------------------------------------------===//

#include "targets/AArch64/AArch64Features.h"

#include "llvm/ADT/STLExtras.h"

namespace aotc {

llvm::StringRef getIDRegisterName(AArch64IDRegister reg) {
  switch (reg) {
  case AArch64IDRegister::PFR0:
    return "ID_AA64PFR0_EL1";
  case AArch64IDRegister::ISAR0:
    return "ID_AA64ISAR0_EL1";
  case AArch64IDRegister::ISAR1:
    return "ID_AA64ISAR1_EL1";
  case AArch64IDRegister::ZFR0:
    return "S3_0_C0_C4_4";
  }
  return "";
}

namespace {
constexpr AArch64IDRegister pfr0 = AArch64IDRegister::PFR0,
                            isar0 = AArch64IDRegister::ISAR0,
                            isar1 = AArch64IDRegister::ISAR1,
                            zfr0 = AArch64IDRegister::ZFR0;
} // namespace

static const AArch64Feature features[] = {
    {"fp-armv8", pfr0, 16, 0, true},  {"neon", pfr0, 20, 0, true},
    {"fullfp16", pfr0, 16, 1, true},  {"crc", isar0, 16, 1, false},
    {"lse", isar0, 20, 2, false},     {"rdm", isar0, 28, 1, false},
    {"aes", isar0, 4, 1, false},      {"sha2", isar0, 12, 1, false},
    {"sha3", isar0, 32, 1, false},    {"sm4", isar0, 40, 1, false},
    {"dotprod", isar0, 44, 1, false}, {"fp16fml", isar0, 48, 1, false},
    {"jsconv", isar1, 12, 1, false},  {"complxnum", isar1, 16, 1, false},
    {"rcpc", isar1, 20, 1, false},    {"bf16", isar1, 44, 1, false},
    {"i8mm", isar1, 52, 1, false},    {"sve", pfr0, 32, 1, false},
    {"sve2", zfr0, 0, 1, false},      {"f32mm", zfr0, 52, 1, false},
    {"f64mm", zfr0, 56, 1, false},
};

llvm::ArrayRef<AArch64Feature> getAArch64Features() { return features; }

const AArch64Feature *lookupAArch64Feature(llvm::StringRef name) {
  const AArch64Feature *found =
      llvm::find_if(features, [&](const AArch64Feature &feature) {
        return feature.name == name;
      });
  return found == std::end(features) ? nullptr : found;
}

} // namespace aotc
