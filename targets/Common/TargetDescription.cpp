//===- TargetDescription.cpp - What a --target name means -----------------===//

#include "targets/Common/TargetDescription.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <memory>
#include <mutex>

using namespace llvm;

namespace aotc {

void initializeLLVMTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    // The CPU check's inline assembly (CPUID, XGETBV, MRS) is parsed.
    LLVMInitializeX86AsmParser();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
    LLVMInitializeAArch64AsmParser();
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
  });
}

static const TargetFamily *const families[] = {&getX86Family(),
                                               &getAArch64Family()};

/// The host's CPU name and the features it reports, for --target=native.
static std::pair<std::string, std::string> getHostCPU() {
  SubtargetFeatures features;
  for (const auto &[feature, enabled] : sys::getHostCPUFeatures())
    features.AddFeature(feature, enabled);
  return {sys::getHostCPUName().str(), features.getString()};
}

Expected<TargetDescription> lookupTarget(StringRef name) {
  initializeLLVMTargets();
  if (std::optional<TargetDescription> gpu = lookupGPUTarget(name))
    return std::move(*gpu);
  std::string cpu = name.str(), features;
  Triple hostTriple(sys::getDefaultTargetTriple());
  if (name == "native")
    std::tie(cpu, features) = getHostCPU();

  for (const TargetFamily *family : families) {
    Triple triple(family->triple);
    if (name == "native" && triple.getArch() != hostTriple.getArch())
      continue;
    bool isAlias = llvm::is_contained(family->aliases, name);
    std::string familyCPU = isAlias ? family->defaultCPU.str() : cpu;
    std::string error;
    const Target *target = TargetRegistry::lookupTarget(triple, error);
    if (!target)
      return createStringError(error);
    // Probe with the generic CPU: a subtarget created for an unknown CPU
    // warns on stderr.
    std::unique_ptr<MCSubtargetInfo> probe(
        target->createMCSubtargetInfo(triple, "", ""));
    if (!probe || !probe->isCPUStringValid(familyCPU))
      continue;
    std::unique_ptr<MCSubtargetInfo> subtarget(
        target->createMCSubtargetInfo(triple, familyCPU, features));

    TargetDescription description;
    description.name = name.str();
    description.triple = triple;
    description.cpu = familyCPU;
    description.features = features;
    description.runtimeTriple = family->triple.str();
    family->tune(description, *subtarget);
    return description;
  }
  return createStringError(
      "unknown target '" + name.str() +
      "': expected native, x86-64, aarch64, an LLVM CPU name of either "
      "(x86-64-v3, x86-64-v4, znver4, neoverse-v2, cortex-a78, ...) or a GPU "
      "architecture (sm_80, sm_86, sm_89, sm_90, sm_90a)");
}

} // namespace aotc
