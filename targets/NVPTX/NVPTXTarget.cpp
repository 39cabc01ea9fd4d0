//===- NVPTXTarget.cpp - The NVIDIA GPU target family ---------------------===//
//
// GPU architectures by their sm_XX names. Device code goes through LLVM's
// NVPTX backend to PTX; the host code is x86-64 Linux and loads the driver.
//
//===----------------------------------------------------------------------===//

#include "targets/Common/TargetDescription.h"

namespace aotc {

namespace {

struct GPUArchitecture {
  llvm::StringRef name;
  /// The oldest PTX ISA version that knows the architecture.
  llvm::StringRef ptxVersion;
};

} // namespace

// PTX 7.0 introduced sm_80, 7.1 sm_86, 7.8 sm_89 and sm_90, 8.0 sm_90a.
static const GPUArchitecture gpuArchitectures[] = {
    {"sm_80", "+ptx70"}, {"sm_86", "+ptx71"},  {"sm_89", "+ptx78"},
    {"sm_90", "+ptx78"}, {"sm_90a", "+ptx80"},
};

std::optional<TargetDescription> lookupGPUTarget(llvm::StringRef name) {
  const GPUArchitecture *arch = llvm::find_if(
      gpuArchitectures, [&](const auto &a) { return a.name == name; });
  if (arch == std::end(gpuArchitectures))
    return std::nullopt;
  TargetDescription description;
  description.name = name.str();
  // The host: plain x86-64, which every machine with these GPUs runs.
  description.triple = llvm::Triple("x86_64-unknown-linux-gnu");
  description.cpu = "x86-64";
  description.runtimeTriple = description.triple.str();
  description.runtimeArchive = "libaotc_runtime_cuda.a";
  description.strategy = CodegenStrategy::GPUKernels;
  description.gpu = GPUDescription{arch->name.str(), arch->ptxVersion.str()};
  return description;
}

} // namespace aotc
