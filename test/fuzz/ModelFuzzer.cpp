//===- ModelFuzzer.cpp - Fuzz target: model reader, importer, shapes -----===//
//
// Bytes -> binary ModelProto -> onnx dialect -> aotc-shape-inference and the
// canonicalizations that follow it in a compilation (which run the onnx
// folders): the path every untrusted model takes first. An error is a fine
// outcome; a crash, an abort, a sanitizer report, a leak or a hang is a bug.
//
// The importer takes a path, because external data is read from the model's
// folder, so the bytes are written to model.onnx in a private folder that
// also holds weights.bin: external data can be found there, or not.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/Import/ONNXImporter.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace mlir;

namespace {

/// The private folder, model.onnx in it, and weights.bin beside it.
struct FuzzFolder {
  llvm::SmallString<128> folder, model, weights;
};

FuzzFolder *fuzzFolder = nullptr;

void removeFuzzFolder() {
  llvm::sys::fs::remove(fuzzFolder->model);
  llvm::sys::fs::remove(fuzzFolder->weights);
  llvm::sys::fs::remove(fuzzFolder->folder);
}

bool writeFile(llvm::StringRef path, llvm::StringRef bytes) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return false;
  os << bytes;
  os.close();
  return !os.has_error();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  fuzzFolder = new FuzzFolder;
  if (llvm::sys::fs::createUniqueDirectory("aotc-fuzz-model",
                                           fuzzFolder->folder)) {
    llvm::errs() << "aotc-fuzz-model: cannot create a temporary folder\n";
    std::abort();
  }
  fuzzFolder->model = fuzzFolder->folder;
  llvm::sys::path::append(fuzzFolder->model, "model.onnx");
  fuzzFolder->weights = fuzzFolder->folder;
  llvm::sys::path::append(fuzzFolder->weights, "weights.bin");
  // 4 KiB of distinct bytes: enough for the seeds' external tensors, and any
  // offset or length past it is an error path worth reaching too.
  std::string weights(4096, '\0');
  for (size_t i = 0; i < weights.size(); ++i)
    weights[i] = char(i * 7 + 1);
  if (!writeFile(fuzzFolder->weights, weights)) {
    llvm::errs() << "aotc-fuzz-model: cannot write " << fuzzFolder->weights
                 << "\n";
    std::abort();
  }
  std::atexit(removeFuzzFolder);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!writeFile(fuzzFolder->model,
                 llvm::StringRef(reinterpret_cast<const char *>(data), size)))
    std::abort();

  // A fresh context per input, as aotc has per compilation: nothing uniqued
  // by one input changes how the next one runs.
  DialectRegistry registry;
  registry.insert<aotc::onnx::ONNXDialect, func::FuncDialect>();
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler ignoreErrors(&context,
                                       [](Diagnostic &) { return success(); });
  OwningOpRef<ModuleOp> module =
      aotc::onnx::importModel(fuzzFolder->model, &context);
  if (!module)
    return 0;
  PassManager pm(&context);
  pm.addPass(aotc::createShapeInferencePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  (void)pm.run(*module);
  return 0;
}
