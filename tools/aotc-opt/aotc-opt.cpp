//===- aotc-opt.cpp - mlir-opt with aotc's dialects and passes ------------===//

#include "compiler/Driver.h"
#include "compiler/Pipeline.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  // Upstream passes, aotc's passes and pipelines.
  aotc::registerPipelines();
  mlir::DialectRegistry registry;
  aotc::registerCompilerDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "aotc optimizer driver\n", registry));
}
