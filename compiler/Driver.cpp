//===- Driver.cpp - One compilation, from model file to artifact ----------===//

#include "compiler/Driver.h"

#include "aotc/model.h"

#include "compiler/Diagnostics.h"
#include "compiler/Emit/CPUCheck.h"
#include "compiler/Emit/EntryPoint.h"
#include "compiler/Emit/ExecutableLinker.h"
#include "compiler/Emit/GPUProgram.h"
#include "compiler/Emit/HeaderEmitter.h"
#include "compiler/Emit/KernelTable.h"
#include "compiler/Emit/ModelInterface.h"
#include "compiler/Emit/Weights.h"
#include "compiler/PhaseReporter.h"
#include "compiler/Pipeline.h"
#include "compiler/Version.h"
#include "dialects/ONNX/IR/NodeLocation.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/Import/ONNXImporter.h"
#include "passes/ShapeInference/InputValues.h"
#include "targets/Common/ObjectEmitter.h"
#include "targets/NVPTX/NVPTXPipeline.h"
#include "targets/NVPTX/PTXAssembler.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

namespace aotc {

void registerCompilerDialects(DialectRegistry &registry) {
  registry.insert<onnx::ONNXDialect>();
  // Bufferization, tiling and lowering rely on external interface models
  // (e.g. memref's AllocationOpInterface, without which results are copied).
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  // GPU targets: kernels to PTX, gpu.binary and launches to host LLVM IR.
  registerGPUDialectTranslation(registry);
  registerNVVMDialectTranslation(registry);
  gpu::registerOffloadingLLVMTranslationInterfaceExternalModels(registry);
}

namespace {

/// One compilation's state: the context, its diagnostics, the module.
class Compilation {
public:
  Compilation(const CompilerOptions &options, PhaseReporter &reporter)
      : options(options), reporter(reporter), context(makeRegistry()),
        diagnostics(&context, reporter.errors()) {
    // --mlir-timing reports every phase, passes nested in theirs.
    applyDefaultTimingManagerCLOptions(timing);
    rootTimer = timing.getRootScope();
  }

  bool run();

private:
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerCompilerDialects(registry);
    return registry;
  }

  Location fileLoc(StringRef path) {
    return onnx::getFileLocation(&context, path);
  }
  bool fail(StringRef path, const Twine &message) {
    emitError(fileLoc(path)) << message;
    return false;
  }

  bool runPasses(StringRef phase,
                 llvm::function_ref<LogicalResult(PassManager &)> build);
  bool writeText(llvm::function_ref<void(llvm::raw_ostream &)> print);
  bool writeFile(StringRef path, ArrayRef<char> bytes);
  std::string getRuntimeArchive(const TargetDescription &target);
  ObjectLayout getObjectLayout(bool positionIndependent) const;
  void printMemoryPlan(func::FuncOp graph);
  bool readMemoryPlan(ModelInterface &model);
  std::unique_ptr<llvm::Module>
  translateToLLVMIR(llvm::LLVMContext &llvmContext, StringRef name,
                    ArrayRef<WeightData> weights);
  bool checkTotalSizes(uint64_t arenaBytes, ArrayRef<WeightData> weights);
  bool describeBuild(const TargetDescription &target);
  bool generateGPUCode(const TargetDescription &target, ModelInterface &model,
                       StringRef name);

  Phase startPhase(StringRef name) { return Phase(rootTimer, reporter, name); }

  const CompilerOptions &options;
  PhaseReporter &reporter;
  MLIRContext context;
  ModelDiagnosticHandler diagnostics;
  OwningOpRef<ModuleOp> module;
  BuildInfo build;
  DefaultTimingManager timing;
  TimingScope rootTimer;
};

bool Compilation::runPasses(
    StringRef phase, llvm::function_ref<LogicalResult(PassManager &)> build) {
  PassManager pm(&context);
  if (failed(applyPassManagerCLOptions(pm)) || failed(build(pm)))
    return false;
  Phase timedPhase = startPhase(phase);
  pm.enableTiming(timedPhase.getTimer());
  return succeeded(pm.run(*module)) && !diagnostics.hadError();
}

bool Compilation::writeText(
    llvm::function_ref<void(llvm::raw_ostream &)> print) {
  StringRef path = options.outputPath.empty() ? StringRef("-")
                                              : StringRef(options.outputPath);
  std::string error;
  auto output = openOutputFile(path, &error);
  if (!output)
    return fail(path, "cannot write the output: " + error);
  print(output->os());
  output->keep();
  return true;
}

bool Compilation::writeFile(StringRef path, ArrayRef<char> bytes) {
  std::string error;
  auto output = openOutputFile(path, &error);
  if (!output)
    return fail(path, "cannot write the output: " + error);
  output->os().write(bytes.data(), bytes.size());
  output->keep();
  return true;
}

std::string Compilation::getRuntimeArchive(const TargetDescription &target) {
  SmallString<256> dir(options.runtimeDir);
  if (dir.empty()) {
    // build/bin/aotc -> build/lib/aotc-runtime
    std::string tool = llvm::sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&registerCompilerDialects));
    dir = llvm::sys::path::parent_path(llvm::sys::path::parent_path(tool));
    llvm::sys::path::append(dir, "lib", "aotc-runtime");
  }
  llvm::sys::path::append(dir, target.runtimeTriple, target.runtimeArchive);
  return dir.str().str();
}

ObjectLayout Compilation::getObjectLayout(bool positionIndependent) const {
  ObjectLayout layout;
  layout.relocationModel =
      positionIndependent ? llvm::Reloc::PIC_ : llvm::Reloc::Static;
  layout.functionSections = options.functionSections;
  layout.dataSections = options.dataSections;
  return layout;
}

void Compilation::printMemoryPlan(func::FuncOp graph) {
  auto size = graph->getAttrOfType<IntegerAttr>("aotc.arena_size");
  auto bound = graph->getAttrOfType<IntegerAttr>("aotc.arena_lower_bound");
  if (!size || !bound)
    return;
  double ratio = bound.getInt() ? double(size.getInt()) / bound.getInt() : 1.0;
  llvm::outs() << llvm::format("memory plan: arena %lld bytes, lower bound "
                               "%lld bytes, ratio %.3f\n",
                               (long long)size.getInt(),
                               (long long)bound.getInt(), ratio);
}

bool Compilation::readMemoryPlan(ModelInterface &model) {
  // The memory plan is recorded on the graph function by aotc-plan-memory.
  auto graph = module->lookupSymbol<func::FuncOp>("main_graph");
  auto arenaSize =
      graph ? graph->getAttrOfType<IntegerAttr>("aotc.arena_size") : nullptr;
  auto lowerBound =
      graph ? graph->getAttrOfType<IntegerAttr>("aotc.arena_lower_bound")
            : nullptr;
  if (!arenaSize || !lowerBound)
    return fail(options.inputPath, "internal error: no memory plan");
  layOutArena(model, arenaSize.getInt());
  model.arenaLowerBound = lowerBound.getInt();
  if (options.printMemoryPlan)
    printMemoryPlan(graph);
  return true;
}

/// Each tensor was checked against --max-tensor-bytes at shape inference;
/// the arena and the weights as a whole are held to the same limit.
bool Compilation::checkTotalSizes(uint64_t arenaBytes,
                                  ArrayRef<WeightData> weights) {
  uint64_t weightBytes = 0;
  for (const WeightData &weight : weights)
    weightBytes += weight.bytes.size();
  for (auto [what, bytes] : {std::pair{"the arena", arenaBytes},
                             std::pair{"the weights", weightBytes}})
    if (bytes > options.maxTensorBytes)
      return fail(options.inputPath, Twine(what) + " would take " +
                                         Twine(bytes) +
                                         " bytes, more than "
                                         "--max-tensor-bytes=" +
                                         Twine(options.maxTensorBytes));
  return true;
}

/// The lowered module as LLVM IR, with the detached weights put back.
std::unique_ptr<llvm::Module>
Compilation::translateToLLVMIR(llvm::LLVMContext &llvmContext, StringRef name,
                               ArrayRef<WeightData> weights) {
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmContext, name);
  if (!llvmModule) {
    fail(options.inputPath, "translation to LLVM IR failed");
    return nullptr;
  }
  if (llvm::Error error = attachWeights(*llvmModule, weights)) {
    fail(options.inputPath, llvm::toString(std::move(error)));
    return nullptr;
  }
  return llvmModule;
}

/// What the artifact says about its build: compiler, target, model hash.
bool Compilation::describeBuild(const TargetDescription &target) {
  auto file = llvm::MemoryBuffer::getFile(options.inputPath);
  if (!file)
    return fail(options.inputPath,
                "cannot read the model: " + file.getError().message());
  build.compiler = getVersionLine();
  build.target = target.name;
  build.cpu = target.cpu;
  build.cpuFeatures = llvm::join(target.cpuFeatures, " ");
  build.weightsSection = options.weightsSection;
  build.profile = options.profile;
  build.modelSHA256 = llvm::toHex(
      llvm::SHA256::hash(llvm::arrayRefFromStringRef((*file)->getBuffer())),
      /*LowerCase=*/true);
  return true;
}

/// GPU targets: kernels to PTX and a cubin, the host to launches, linked
/// against libc (the runtime loads the driver at run time).
bool Compilation::generateGPUCode(const TargetDescription &target,
                                  ModelInterface &model, StringRef name) {
  if (options.emit == EmitKind::Object || options.emit == EmitKind::Assembly)
    return fail(options.inputPath,
                "a GPU target produces an executable, PTX (--emit=ptx) or "
                "LLVM IR (--emit=llvm), not an object or assembly");
  // The CUDA Toolkit's parts are looked for before any work.
  if (options.emit == EmitKind::Executable)
    if (llvm::Error error = checkPTXAssembler())
      return fail(options.inputPath, llvm::toString(std::move(error)));
  llvm::Expected<std::string> toolkit = getCUDAToolkitPath();
  if (!toolkit)
    return fail(options.inputPath, llvm::toString(toolkit.takeError()));
  if (!runPasses("Code generation", [&](PassManager &pm) {
        return buildNVPTXCodegenPipeline(pm, target);
      }))
    return false;
  if (!readMemoryPlan(model))
    return false;
  SmallVector<std::string> weightSymbols;
  auto graph = module->lookupSymbol<func::FuncOp>("main_graph");
  if (auto symbols = graph->getAttrOfType<ArrayAttr>("aotc.weights"))
    for (auto symbol : symbols.getAsRange<FlatSymbolRefAttr>())
      weightSymbols.push_back(symbol.getValue().str());
  // With --weights=FILE every weight goes to the file, however small.
  SmallVector<WeightData> weights =
      detachWeights(*module, options.weightsFile.empty() ? 256 : 1);
  if (!checkTotalSizes(model.arenaSize, weights))
    return false;
  if (!runPasses("Lowering to NVVM and PTX", [&](PassManager &pm) {
        return buildNVPTXLoweringPipeline(pm, target, *toolkit);
      }))
    return false;
  FailureOr<std::string> ptx = getKernelPTX(*module);
  if (failed(ptx))
    return false;
  if (options.emit == EmitKind::PTX)
    return writeText([&](llvm::raw_ostream &os) { os << *ptx; });
  if (!ptx->empty()) {
    Phase ptxasPhase = startPhase("ptxas");
    auto cubin = assemblePTX(*ptx, target.gpu->chip);
    if (!cubin)
      return fail(options.inputPath, llvm::toString(cubin.takeError()));
    setKernelCubin(*module, *cubin);
  }

  Phase translatePhase = startPhase("Translation to LLVM IR");
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateToLLVMIR(llvmContext, name, weights);
  if (!llvmModule)
    return false;
  if (llvm::Error error =
          emitGPUProgram(*llvmModule, model, "main_graph", weightSymbols, *ptx))
    return fail(options.inputPath, llvm::toString(std::move(error)));
  emitCPUCheck(*llvmModule, target, getCheckCPUFunctionName(model));
  emitExecutableDescriptor(*llvmModule, model, build);
  if (options.emit == EmitKind::LLVMIR)
    return writeText(
        [&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); });
  translatePhase.stop();

  Phase objectPhase = startPhase("LLVM optimization and codegen");
  auto code =
      emitObject(*llvmModule, target,
                 getObjectLayout(options.positionIndependent.value_or(false)),
                 CodeFileKind::Object);
  if (!code)
    return fail(options.inputPath, llvm::toString(code.takeError()));
  objectPhase.stop();
  Phase linkPhase = startPhase("Linking");
  if (llvm::Error error = linkLibCExecutable(*code, getRuntimeArchive(target),
                                             options.outputPath))
    return fail(options.outputPath, llvm::toString(std::move(error)));
  return true;
}

bool Compilation::run() {
  {
    Phase importPhase = startPhase("Import");
    module = onnx::importModel(options.inputPath, &context);
  }
  if (!module || diagnostics.hadError())
    return false;
  if (!runPasses("Shape inference", [&](PassManager &pm) {
        buildShapeInferencePipeline(pm, options);
        return success();
      }))
    return false;
  if (!runPasses("Graph optimization", [&](PassManager &pm) {
        buildGraphOptPipeline(pm);
        return success();
      }))
    return false;
  if (options.emit == EmitKind::ONNX) {
    Phase outputPhase = startPhase("Output");
    return writeText([&](llvm::raw_ostream &os) { module->print(os); });
  }

  // Errors in the model come first; then, before generating code, this.
  bool binaryOutput =
      options.emit == EmitKind::Object || options.emit == EmitKind::Executable;
  if (binaryOutput && options.outputPath.empty())
    return fail(options.inputPath, "an object or executable needs an output "
                                   "file: give -o FILE");
  if (binaryOutput && options.outputPath == "-")
    return fail(options.inputPath, "an object or executable is not written to "
                                   "standard output: give -o FILE");

  auto graph = module->lookupSymbol<func::FuncOp>("main_graph");
  if (!graph)
    return fail(options.inputPath, "the model has no graph function");
  std::string name = options.modelName.empty()
                         ? llvm::sys::path::stem(options.inputPath).str()
                         : options.modelName;
  FailureOr<ModelInterface> model = describeModelInterface(graph, name);
  if (failed(model))
    return false;
  if (options.emit == EmitKind::Executable)
    for (auto [kind, count] : {std::pair{"inputs", model->inputs.size()},
                               std::pair{"outputs", model->outputs.size()}})
      if (count > AOTC_MODEL_MAX_TENSORS)
        return fail(options.inputPath,
                    Twine("the model has ") + Twine(count) + " " + kind +
                        "; an executable takes at most " +
                        Twine(AOTC_MODEL_MAX_TENSORS) +
                        " (library mode, -c, has no such limit)");

  llvm::Expected<TargetDescription> target = lookupTarget(options.target);
  if (!target)
    return fail(options.inputPath, llvm::toString(target.takeError()));
  if (options.allowTF32) {
    if (!target->gpu)
      return fail(options.inputPath, "--allow-tf32 needs a GPU target "
                                     "(--target=sm_80, sm_90, ...)");
    target->gpu->allowTF32 = true;
  }
  if (options.profile && (target->gpu || options.emulateGPUKernels))
    return fail(options.inputPath, "--profile needs a CPU target: GPU "
                                   "kernels are not timed");
  if (!options.weightsFile.empty() &&
      (target->gpu || options.emulateGPUKernels))
    return fail(options.inputPath, "--weights=FILE needs a CPU target");
  if (options.emit == EmitKind::PTX && !target->gpu)
    return fail(options.inputPath, "--emit=ptx needs a GPU target "
                                   "(--target=sm_80, sm_90, ...)");
  if (!describeBuild(*target))
    return false;
  if (auto pinned = graph->getAttrOfType<ArrayAttr>(kPinnedInputsAttrName)) {
    for (auto line : pinned.getAsValueRange<StringAttr>())
      build.pinnedInputs.push_back(line.str());
    graph->removeAttr(kPinnedInputsAttrName);
  }

  // Names now live in the model interface; LLVM has no use for them.
  for (unsigned i = 0, e = graph.getNumArguments(); i < e; ++i)
    graph.removeArgAttr(i, "onnx.name");
  for (unsigned i = 0, e = graph.getNumResults(); i < e; ++i)
    graph.removeResultAttr(i, StringAttr::get(&context, "onnx.name"));

  // Indices read at run time are checked by the CPU entry point; GPU
  // kernels only clamp them (the lowering does), so reads stay in bounds.
  if (target->strategy != CodegenStrategy::GPUKernels &&
      !options.emulateGPUKernels) {
    if (!runPasses("Index checks", [&](PassManager &pm) {
          buildIndexChecksPipeline(pm);
          return success();
        }))
      return false;
    describeIndexChecks(graph, *model);
  }

  if (!runPasses("Lowering to linalg", [&](PassManager &pm) {
        buildLinalgPipeline(pm);
        return success();
      }))
    return false;
  if (options.emit == EmitKind::Linalg)
    return writeText([&](llvm::raw_ostream &os) { module->print(os); });
  if (target->strategy == CodegenStrategy::GPUKernels)
    return generateGPUCode(*target, *model, name);

  if (!runPasses("Code generation", [&](PassManager &pm) {
        return options.emulateGPUKernels
                   ? buildGPUEmulationPipeline(pm, *target)
                   : buildCPUCodegenPipeline(pm, *target, options.profile);
      }))
    return false;
  if (!readMemoryPlan(*model))
    return false;
  SmallVector<KernelCall> kernels = getKernelCalls(*module);
  // Only --weights-section needs to know every weight's symbol.
  SmallVector<std::string> weightSymbols;
  if (!options.weightsSection.empty())
    weightSymbols = getWeightSymbols(*module);
  SmallVector<WeightData> weights = detachWeights(*module);
  if (!checkTotalSizes(model->arenaSize, weights))
    return false;
  // --weights=FILE: the detached weights go to the file, not the object.
  std::optional<WeightsBlob> blob;
  if (!options.weightsFile.empty()) {
    blob = layOutWeightsBlob(weights);
    model->externalWeights = true;
    model->weightsSize = blob->size;
    model->weightsAlignment = blob->alignment;
    if (!writeFile(options.weightsFile, getWeightsBlobBytes(weights, *blob)))
      return false;
  }
  if (!runPasses("Lowering to LLVM", buildLLVMLoweringPipeline))
    return false;

  Phase translatePhase = startPhase("Translation to LLVM IR");
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateToLLVMIR(
      llvmContext, name, blob ? ArrayRef<WeightData>() : weights);
  if (!llvmModule)
    return false;
  llvm::GlobalVariable *weightsBase = nullptr;
  if (blob) {
    weightsBase = createWeightsPointer(*llvmModule, *model);
    if (llvm::Error error =
            addressWeightsInBlob(*llvmModule, weights, *blob, weightsBase))
      return fail(options.inputPath, llvm::toString(std::move(error)));
  }
  if (llvm::Error error =
          emitRunFunction(*llvmModule, *model, "main_graph", weightsBase))
    return fail(options.inputPath, llvm::toString(std::move(error)));
  keepKernelsOutOfLine(*llvmModule, kernels);
  bool executable = options.emit == EmitKind::Executable;
  if (options.profile)
    if (llvm::Error error = emitProfileTable(
            *llvmModule, kernels,
            executable ? "aotc_profile" : "aotc_" + name + "_profile"))
      return fail(options.inputPath, llvm::toString(std::move(error)));
  if (!options.weightsSection.empty())
    placeWeights(*llvmModule, weightSymbols, options.weightsSection);
  emitCPUCheck(*llvmModule, *target, getCheckCPUFunctionName(*model));
  if (executable)
    emitExecutableDescriptor(*llvmModule, *model, build);

  // The header says which builtins the object calls, so it is written once
  // the object exists (for text emits, without that).
  auto writeHeader = [&](ArrayRef<std::string> builtins) {
    return options.headerPath.empty() ||
           writeFile(options.headerPath,
                     emitModelHeader(*model, build, builtins));
  };
  if (options.emit == EmitKind::LLVMIR)
    return writeHeader({}) && writeText([&](llvm::raw_ostream &os) {
             llvmModule->print(os, nullptr);
           });

  translatePhase.stop();
  Phase objectPhase = startPhase("LLVM optimization and codegen");
  auto code = emitObject(
      *llvmModule, *target,
      getObjectLayout(options.positionIndependent.value_or(!executable)),
      options.emit == EmitKind::Assembly ? CodeFileKind::Assembly
                                         : CodeFileKind::Object);
  if (!code)
    return fail(options.inputPath, llvm::toString(code.takeError()));
  if (options.emit == EmitKind::Assembly)
    return writeHeader({}) && writeText([&](llvm::raw_ostream &os) {
             os.write(code->data(), code->size());
           });
  if (!writeHeader(getCalledBuiltins(*code)))
    return false;
  if (!executable)
    return writeFile(options.outputPath, *code);

  objectPhase.stop();
  Phase linkPhase = startPhase("Linking");
  if (llvm::Error error =
          linkExecutable(*code, getRuntimeArchive(*target), options.outputPath))
    return fail(options.outputPath, llvm::toString(std::move(error)));
  return true;
}

} // namespace

bool compileModel(const CompilerOptions &options, llvm::raw_ostream &errors) {
  registerPipelines();
  PhaseReporter reporter(options.verbose        ? PhaseReporter::Mode::Verbose
                         : options.showProgress ? PhaseReporter::Mode::Progress
                                                : PhaseReporter::Mode::Quiet,
                         errors);
  Compilation compilation(options, reporter);
  bool succeeded = compilation.run();
  // Before the compilation's end prints --mlir-timing's report.
  reporter.finish();
  return succeeded;
}

} // namespace aotc
