//===- UpstreamPasses.cpp - Pass sequences shared by targets --------------===//

#include "targets/Common/UpstreamPasses.h"

#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace aotc {

LogicalResult addUpstreamPasses(OpPassManager &pm, StringRef pipeline) {
  std::string errors;
  llvm::raw_string_ostream os(errors);
  if (succeeded(parsePassPipeline(pipeline, pm, os)))
    return success();
  llvm::errs() << "aotc: internal error: bad pipeline: " << errors << "\n";
  return failure();
}

LogicalResult addBufferizationPasses(OpPassManager &pm) {
  pm.addPass(createBufferizePass());
  // Canonicalize before out-params: it only hoists an allocation that is
  // returned directly, and CSE exposes self-copies a second round removes.
  return addUpstreamPasses(pm,
                           "canonicalize, cse, canonicalize, "
                           "buffer-results-to-out-params{hoist-static-allocs=1 "
                           "modify-public-functions=1}, canonicalize, cse");
}

} // namespace aotc
