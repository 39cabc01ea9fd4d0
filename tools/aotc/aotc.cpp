//===- aotc.cpp - The aotc command line -----------------------------------===//
//
// Parses the command line and hands it to aotc::compileModel.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "compiler/Driver.h"
#include "compiler/Pipeline.h"
#include "compiler/Version.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/CodeGen/CommandFlags.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"

using namespace llvm;
using aotc::EmitKind;

static cl::OptionCategory aotcCategory("aotc options");
static cl::OptionCategory mlirCategory("MLIR options (printing, timing)");

// A list, so that a missing or second input is aotc's one-line error.
static cl::list<std::string>
    inputPaths(cl::Positional, cl::desc("<model.onnx>"), cl::cat(aotcCategory));
static cl::opt<std::string> outputPath(
    "o",
    cl::desc("Output file; '-' or none: standard output, for text (onnx, "
             "linalg, llvm, asm, ptx)"),
    cl::value_desc("file"), cl::cat(aotcCategory));
static cl::opt<std::string>
    target("target",
           cl::desc("Target: native, x86-64, x86-64-v3, x86-64-v4, znver4, "
                    "aarch64, neoverse-v2, cortex-a78, or another LLVM CPU "
                    "name of x86-64 or AArch64; or an NVIDIA GPU: sm_80, "
                    "sm_86, sm_89, sm_90, sm_90a"),
           cl::init("native"), cl::cat(aotcCategory));
static cl::opt<EmitKind>
    emit("emit", cl::desc("What to produce (default: exe, or obj with -c)"),
         cl::values(clEnumValN(EmitKind::ONNX, "onnx",
                               "the onnx-dialect module after shape inference"),
                    clEnumValN(EmitKind::Linalg, "linalg", "linalg on tensors"),
                    clEnumValN(EmitKind::LLVMIR, "llvm",
                               "LLVM IR of the model object"),
                    clEnumValN(EmitKind::Assembly, "asm", "target assembly"),
                    clEnumValN(EmitKind::Object, "obj",
                               "a relocatable object with aotc_NAME_run"),
                    clEnumValN(EmitKind::Executable, "exe", "an executable"),
                    clEnumValN(EmitKind::PTX, "ptx",
                               "the kernels of a GPU target as PTX")),
         cl::cat(aotcCategory));
static cl::opt<bool>
    compileOnly("c", cl::desc("Emit an object (same as --emit=obj)"),
                cl::cat(aotcCategory));
static cl::opt<std::string>
    headerPath("header", cl::desc("Also write a C header for the object"),
               cl::value_desc("file"), cl::cat(aotcCategory));
static cl::opt<std::string>
    modelName("name",
              cl::desc("Model name in symbols (aotc_NAME_run); default: the "
                       "model file's stem"),
              cl::cat(aotcCategory));
static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Static shape of a graph input, e.g. input:1x3x224x224 "
             "(repeatable)"),
    cl::value_desc("name:shape"), cl::cat(aotcCategory));
static cl::list<std::string> inputValues(
    "input-value",
    cl::desc("Pin a graph input's value at compile time, e.g. sr=16000 or "
             "mel:mel.npy; it leaves the compiled interface (repeatable)"),
    cl::value_desc("name=v1,v2,...|name:file.npy"), cl::cat(aotcCategory));
static cl::opt<std::string> weightsSection(
    "weights-section",
    cl::desc("Put every weight in this section (aligned to 16 or more), for "
             "a firmware linker script to place, e.g. .qspi_flash"),
    cl::value_desc("name"), cl::cat(aotcCategory));
static cl::opt<std::string> weightsFile(
    "weights",
    cl::desc("Write the weights to this file instead of the object (-c): "
             "aotc_NAME_run then takes them as a pointer, e.g. to external "
             "flash"),
    cl::value_desc("file"), cl::cat(aotcCategory));
static cl::opt<std::string> maxTensorBytes(
    "max-tensor-bytes",
    cl::desc("The most bytes one tensor, the arena or all weights may take "
             "(default 4G; K, M, G, T are powers of 1024)"),
    cl::value_desc("size"), cl::init("4G"), cl::cat(aotcCategory));
// lld's linker context registers LLVM's codegen flags (--relocation-model
// among them) when it first links; registering them here, before
// keepOnlyOptions, lets it remove them.
static codegen::RegisterCodeGenFlags codegenFlags;
static cl::opt<bool>
    printMemoryPlan("print-memory-plan",
                    cl::desc("Print arena size, lower bound and their ratio"),
                    cl::cat(aotcCategory));
static cl::opt<bool> emulateGPUKernels(
    "emulate-gpu-kernels",
    cl::desc("CPU targets: generate the GPU kernels and run them on the CPU "
             "(tests GPU code generation without a GPU)"),
    cl::Hidden, cl::cat(aotcCategory));
static cl::opt<bool> allowTF32(
    "allow-tf32",
    cl::desc("GPU targets: f32 matrix products and convolutions may run on "
             "tensor cores with inputs rounded to TF32 (10-bit mantissa)"),
    cl::cat(aotcCategory));
static cl::opt<bool> profile(
    "profile",
    cl::desc("Time each kernel: the executable's --bench N --profile prints "
             "a per-kernel table (library mode: aotc_NAME_profile in the "
             "header)"),
    cl::cat(aotcCategory));
static cl::opt<bool> verbose(
    "v",
    cl::desc("Print each phase with its wall time and the compiler's peak "
             "memory"),
    cl::cat(aotcCategory));
static cl::opt<std::string> runtimeDir(
    "runtime-dir",
    cl::desc("Folder of <triple>/libaotc_runtime.a (default: beside aotc)"),
    cl::value_desc("dir"), cl::Hidden, cl::cat(aotcCategory));

/// aotc's options that libLLVM's codegen flags share names with, created
/// once keepOnlyOptions has removed those.
struct CodegenOptions {
  cl::opt<Reloc::Model> relocationModel{
      "relocation-model",
      cl::desc("Relocation model (default: pic for objects, static for "
               "executables)"),
      cl::values(clEnumValN(Reloc::Static, "static", "absolute addressing"),
                 clEnumValN(Reloc::PIC_, "pic", "position-independent code")),
      cl::cat(aotcCategory)};
  cl::opt<bool> functionSections{
      "function-sections",
      cl::desc("One section per function (.text.NAME), for linker scripts "
               "and --gc-sections"),
      cl::cat(aotcCategory)};
  cl::opt<bool> dataSections{
      "data-sections",
      cl::desc("One section per global, each weight tensor included "
               "(.rodata.NAME)"),
      cl::cat(aotcCategory)};

  static CodegenOptions &get() {
    static CodegenOptions options;
    return options;
  }
};

/// Whether `name` can stand in C symbols: [A-Za-z_][A-Za-z0-9_]*.
static bool isCIdentifier(StringRef name) {
  return !name.empty() && !isDigit(name.front()) &&
         all_of(name, [](char c) { return isAlnum(c) || c == '_'; });
}

/// Parses a byte count, optionally with a K, M, G or T (1024-based) suffix.
static std::optional<uint64_t> parseByteSize(StringRef text) {
  uint64_t scale = 1;
  if (!text.empty()) {
    size_t power = StringRef("KMGT").find(toUpper(text.back()));
    if (power != StringRef::npos) {
      scale = uint64_t(1) << (10 * (power + 1));
      text = text.drop_back();
    }
  }
  uint64_t value;
  if (text.empty() || !all_of(text, isDigit) || text.getAsInteger(10, value) ||
      value > UINT64_MAX / scale)
    return std::nullopt;
  return value * scale;
}

/// MLIR's options that act on an aotc compilation (README.md lists them);
/// its other options, and all of libLLVM's, are not accepted.
static constexpr StringRef mlirOptions[] = {
    "mlir-print-ir-before-all",
    "mlir-print-ir-after-all",
    "mlir-print-ir-before",
    "mlir-print-ir-after",
    "mlir-print-ir-after-change",
    "mlir-print-ir-after-failure",
    "mlir-print-debuginfo",
    "mlir-print-local-scope",
    "mlir-elide-elementsattrs-if-larger",
    "mlir-elide-resource-strings-if-larger",
    "mlir-timing",
    "mlir-timing-display",
    "mlir-pass-statistics",
    "mlir-disable-threading",
};

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  // --mlir-print-ir-after=PASS takes the passes registered when the option
  // is created.
  aotc::registerPipelines();
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  aotc::keepOnlyOptions(aotcCategory, mlirCategory, mlirOptions);
  cl::SetVersionPrinter([](raw_ostream &os) { aotc::printVersion(os); });
  CodegenOptions &codegenOptions = CodegenOptions::get();
  if (!aotc::parseCommandLine(
          argc, argv, "aotc: ahead-of-time compiler for ONNX models\n", errs()))
    return 1;
  if (inputPaths.size() != 1) {
    aotc::reportCommandLineError(
        errs(), inputPaths.empty()
                    ? "no input model (usage: aotc [options] <model.onnx>)"
                    : "more than one input model: '" + inputPaths[0] + "', '" +
                          inputPaths[1] + "'");
    return 1;
  }

  // A name derived from the file is made an identifier; a given one must be.
  if (modelName.getNumOccurrences() && !isCIdentifier(modelName)) {
    aotc::reportCommandLineError(errs(),
                                 "--name '" + modelName +
                                     "' is not a C identifier (letters, "
                                     "digits, '_'; not starting with a "
                                     "digit)");
    return 1;
  }

  std::optional<uint64_t> maxBytes = parseByteSize(maxTensorBytes);
  if (!maxBytes || *maxBytes == 0) {
    aotc::reportCommandLineError(errs(), "--max-tensor-bytes: '" +
                                             maxTensorBytes +
                                             "' is not a size (bytes, or "
                                             "with K, M, G or T)");
    return 1;
  }

  if (weightsFile.getNumOccurrences() &&
      (!compileOnly || weightsSection.getNumOccurrences())) {
    aotc::reportCommandLineError(
        errs(), !compileOnly ? "--weights=FILE needs library mode (-c): an "
                               "executable carries its weights"
                             : "--weights and --weights-section exclude each "
                               "other: the weights go to a file or a section");
    return 1;
  }

  aotc::CompilerOptions options;
  options.inputPath = inputPaths[0];
  options.outputPath = outputPath;
  if (emit.getNumOccurrences())
    options.emit = emit;
  else if (compileOnly)
    options.emit = EmitKind::Object;
  options.inputShapes.assign(inputShapes.begin(), inputShapes.end());
  options.inputValues.assign(inputValues.begin(), inputValues.end());
  options.maxTensorBytes = *maxBytes;
  options.target = target;
  options.modelName = modelName;
  options.headerPath = headerPath;
  if (codegenOptions.relocationModel.getNumOccurrences())
    options.positionIndependent = codegenOptions.relocationModel == Reloc::PIC_;
  options.weightsSection = weightsSection;
  options.weightsFile = weightsFile;
  options.functionSections = codegenOptions.functionSections;
  options.dataSections = codegenOptions.dataSections;
  options.printMemoryPlan = printMemoryPlan;
  options.runtimeDir = runtimeDir;
  options.emulateGPUKernels = emulateGPUKernels;
  options.allowTF32 = allowTF32;
  options.profile = profile;
  options.verbose = verbose;
  // Without -v, a terminal sees a progress line on long compiles.
  options.showProgress = !verbose && sys::Process::StandardErrIsDisplayed();
  return aotc::compileModel(options, errs()) ? 0 : 1;
}
