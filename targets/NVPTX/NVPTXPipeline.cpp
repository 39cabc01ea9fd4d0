//===- NVPTXPipeline.cpp - Code generation for NVIDIA GPUs ----------------===//

#include "targets/NVPTX/NVPTXPipeline.h"

#include "passes/Passes.h"
#include "targets/Common/UpstreamPasses.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace aotc {

LogicalResult buildNVPTXCodegenPipeline(OpPassManager &pm,
                                        const TargetDescription &target) {
  if (failed(addBufferizationPasses(pm)))
    return failure();
  PlanMemoryPassOptions plan;
  // cudaMalloc'ed memory and the arena's buffers: 256-byte aligned, the
  // granule of coalesced accesses.
  plan.alignment = 256;
  pm.addPass(createPlanMemoryPass(plan));
  MapToGPUPassOptions mapping;
  mapping.blockSize = target.gpu->blockSize;
  mapping.allowTF32 = target.gpu->allowTF32;
  pm.addPass(createMapToGPUPass(mapping));
  return addUpstreamPasses(pm, "canonicalize, cse");
}

LogicalResult buildGPUEmulationPipeline(OpPassManager &pm,
                                        const TargetDescription &host) {
  TargetDescription gpu = host;
  gpu.gpu = GPUDescription();
  if (failed(buildNVPTXCodegenPipeline(pm, gpu)))
    return failure();
  pm.addPass(createEmulateGPUPass());
  ApproximateMathPassOptions math;
  math.expandOps.assign(host.mathOpsToExpand.begin(),
                        host.mathOpsToExpand.end());
  pm.addPass(createApproximateMathPass(math));
  return addUpstreamPasses(pm, "canonicalize, cse");
}

LogicalResult buildNVPTXLoweringPipeline(OpPassManager &pm,
                                         const TargetDescription &target,
                                         StringRef toolkitPath) {
  // Constants go back into the kernels (else they become kernel
  // parameters); every launch names the one gpu.module it is outlined into.
  std::string pipeline =
      "func.func(gpu-launch-sink-index-computations), gpu-kernel-outlining, "
      "canonicalize, "
      "nvvm-attach-target{chip=" +
      target.gpu->chip + " features=" + target.gpu->features +
      " O=3}, "
      "gpu.module(expand-strided-metadata, lower-affine, convert-scf-to-cf, "
      "convert-gpu-to-nvvm{use-bare-ptr-memref-call-conv=1}, canonicalize, "
      "cse, reconcile-unrealized-casts), "
      "expand-strided-metadata, lower-affine, convert-scf-to-cf, "
      "convert-arith-to-llvm, convert-index-to-llvm, finalize-memref-to-llvm, "
      "convert-func-to-llvm{use-bare-ptr-memref-call-conv=1}, "
      "gpu-to-llvm{use-bare-pointers-for-kernels=1 "
      "use-bare-pointers-for-host=1}, reconcile-unrealized-casts, "
      "gpu-module-to-binary{format=isa toolkit=" +
      toolkitPath.str() + "}";
  return addUpstreamPasses(pm, pipeline);
}

FailureOr<std::string> getKernelPTX(ModuleOp module) {
  std::optional<std::string> ptx;
  for (auto binary : module.getOps<gpu::BinaryOp>()) {
    for (Attribute attr : binary.getObjects()) {
      auto object = dyn_cast<gpu::ObjectAttr>(attr);
      if (ptx || !object ||
          object.getFormat() != gpu::CompilationTarget::Assembly)
        return module.emitError("internal error: expected one gpu.binary "
                                "holding PTX");
      ptx = object.getObject().getValue().str();
    }
  }
  // A model without kernels (outputs are inputs or constants) is fine.
  return ptx.value_or("");
}

void setKernelCubin(ModuleOp module, ArrayRef<char> cubin) {
  for (auto binary : module.getOps<gpu::BinaryOp>()) {
    auto object = cast<gpu::ObjectAttr>(binary.getObjects()[0]);
    auto bytes = StringAttr::get(module.getContext(),
                                 StringRef(cubin.data(), cubin.size()));
    binary.setObjectsAttr(ArrayAttr::get(
        module.getContext(),
        {gpu::ObjectAttr::get(object.getTarget(),
                              gpu::CompilationTarget::Binary, bytes)}));
  }
}

} // namespace aotc
