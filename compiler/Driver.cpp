//===- Driver.cpp - One compilation, from model file to artifact ----------===//

#include "compiler/Driver.h"

#include "compiler/Diagnostics.h"
#include "compiler/Pipeline.h"
#include "dialects/ONNX/IR/NodeLocation.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/Import/ONNXImporter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

namespace aotc {

void registerCompilerDialects(DialectRegistry &registry) {
  registry.insert<onnx::ONNXDialect, func::FuncDialect>();
}

/// Writes `module` to the output file.
static bool writeModule(ModuleOp module, const CompilerOptions &options) {
  std::string error;
  auto output = openOutputFile(options.outputPath, &error);
  if (!output) {
    emitError(onnx::getFileLocation(module.getContext(), options.outputPath))
        << "cannot write the output: " << error;
    return false;
  }
  module.print(output->os());
  output->os() << "\n";
  output->keep();
  return true;
}

bool compileModel(const CompilerOptions &options, llvm::raw_ostream &errors) {
  DialectRegistry registry;
  registerCompilerDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  ModelDiagnosticHandler diagnostics(&context, errors);

  OwningOpRef<ModuleOp> module = onnx::importModel(options.inputPath, &context);
  if (!module || diagnostics.hadError())
    return false;

  PassManager pm(&context);
  if (failed(applyPassManagerCLOptions(pm)))
    return false;
  buildONNXPipeline(pm, options);
  if (failed(pm.run(*module)) || diagnostics.hadError())
    return false;

  switch (options.emit) {
  case EmitKind::ONNX:
    return writeModule(*module, options);
  }
  return false;
}

} // namespace aotc
