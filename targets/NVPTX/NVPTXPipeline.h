//===- NVPTXPipeline.h - Code generation for NVIDIA GPUs --------*- C++ -*-===//
//
// The GPU codegen strategy: linalg on tensors becomes kernels over one
// planned device arena, outlined into one gpu.module, compiled to PTX by
// LLVM's NVPTX backend and assembled to a cubin by ptxas. The host function
// becomes a fixed sequence of kernel launches.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_TARGETS_NVPTX_NVPTXPIPELINE_H
#define AOTC_TARGETS_NVPTX_NVPTXPIPELINE_H

#include "targets/Common/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

namespace aotc {

/// linalg on tensors → bufferized, memory-planned functions whose linalg ops
/// run inside gpu.launch ops (weights become trailing arguments, listed in
/// the function's `aotc.weights`).
mlir::LogicalResult buildNVPTXCodegenPipeline(mlir::OpPassManager &pm,
                                              const TargetDescription &target);

/// For testing without a GPU: the GPU code generation, with the kernels then
/// run on the CPU (aotc-emulate-gpu), for the CPU target `host`; the CPU
/// lowering takes it from there.
mlir::LogicalResult buildGPUEmulationPipeline(mlir::OpPassManager &pm,
                                              const TargetDescription &host);

/// gpu.launch ops → kernels in one gpu.module, lowered to NVVM and compiled
/// to PTX in a gpu.binary (math functions from libdevice under
/// `toolkitPath`); the host function → the LLVM dialect with bare-pointer
/// arguments, launching through the mgpu* functions of the runtime.
mlir::LogicalResult buildNVPTXLoweringPipeline(mlir::OpPassManager &pm,
                                               const TargetDescription &target,
                                               llvm::StringRef toolkitPath);

/// The PTX text of the module's gpu.binary, as the lowering left it.
mlir::FailureOr<std::string> getKernelPTX(mlir::ModuleOp module);

/// Makes `cubin` the object the module's gpu.binary loads.
void setKernelCubin(mlir::ModuleOp module, llvm::ArrayRef<char> cubin);

} // namespace aotc

#endif // AOTC_TARGETS_NVPTX_NVPTXPIPELINE_H
