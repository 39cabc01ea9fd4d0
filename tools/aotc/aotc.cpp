//===- aotc.cpp - The aotc command line -----------------------------------===//
//
// Parses the command line and hands it to compiler::compileModel.
//
//===----------------------------------------------------------------------===//

#include "compiler/Driver.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"

using namespace llvm;

static cl::OptionCategory aotcCategory("aotc options");
static cl::OptionCategory mlirCategory("MLIR options (printing, timing)");

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.onnx>"),
                                      cl::cat(aotcCategory));
static cl::opt<std::string> outputPath("o", cl::desc("Output file ('-': stdout)"),
                                       cl::value_desc("file"), cl::init("-"),
                                       cl::cat(aotcCategory));
static cl::opt<aotc::EmitKind> emit(
    "emit", cl::desc("What to produce"), cl::init(aotc::EmitKind::ONNX),
    cl::values(clEnumValN(aotc::EmitKind::ONNX, "onnx",
                          "the onnx-dialect module after shape inference")),
    cl::cat(aotcCategory));
static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape of a graph input, e.g. input:1x3x224x224 "
             "(repeatable)"),
    cl::value_desc("name:shape"), cl::cat(aotcCategory));

/// Shows only aotc's options and MLIR's printing, timing and pass-manager
/// options in --help; everything libLLVM registers stays in --help-hidden.
static void organizeOptions() {
  for (auto &entry : cl::getRegisteredOptions()) {
    cl::Option *option = entry.second;
    if (entry.first.starts_with("mlir-"))
      option->addCategory(mlirCategory);
  }
  cl::HideUnrelatedOptions({&aotcCategory, &mlirCategory});
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  organizeOptions();
  cl::ParseCommandLineOptions(
      argc, argv, "aotc: ahead-of-time compiler for ONNX models\n");

  aotc::CompilerOptions options;
  options.inputPath = inputPath;
  options.outputPath = outputPath;
  options.emit = emit;
  options.inputShapes.assign(inputShapes.begin(), inputShapes.end());
  return aotc::compileModel(options, errs()) ? 0 : 1;
}
