//===- ObjectEmitter.cpp - LLVM IR to a relocatable object ----------------===//

#include "targets/Common/ObjectEmitter.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"

using namespace llvm;

namespace aotc {

/// The new pass manager's O3 pipeline, tuned by the target machine (its
/// cost model drives the loop and SLP vectorizers).
static void optimize(Module &module, TargetMachine &machine) {
  LoopAnalysisManager lam;
  FunctionAnalysisManager fam;
  CGSCCAnalysisManager cgam;
  ModuleAnalysisManager mam;
  PassBuilder builder(&machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  builder.buildPerModuleDefaultPipeline(OptimizationLevel::O3).run(module, mam);
}

Expected<SmallVector<char, 0>> emitObject(Module &module,
                                          const TargetDescription &target,
                                          const ObjectLayout &layout,
                                          CodeFileKind kind) {
  initializeLLVMTargets();
  std::string error;
  const Target *backend = TargetRegistry::lookupTarget(target.triple, error);
  if (!backend)
    return createStringError(error);
  TargetOptions options;
  // Multiply-adds become FMAs (one rounding instead of two), as with
  // -ffp-contract=fast: the contraction kernels are written as mul + add.
  options.AllowFPOpFusion = FPOpFusion::Fast;
  options.FunctionSections = layout.functionSections;
  options.DataSections = layout.dataSections;
  std::unique_ptr<TargetMachine> machine(backend->createTargetMachine(
      target.triple, target.cpu, target.features, options,
      layout.relocationModel, std::nullopt, CodeGenOptLevel::Aggressive));
  if (!machine)
    return createStringError("cannot create a target machine for " +
                             target.triple.str());
  module.setTargetTriple(target.triple);
  module.setDataLayout(machine->createDataLayout());
  optimize(module, *machine);

  SmallVector<char, 0> buffer;
  raw_svector_ostream os(buffer);
  legacy::PassManager codegen;
  auto fileType = kind == CodeFileKind::Object ? CodeGenFileType::ObjectFile
                                               : CodeGenFileType::AssemblyFile;
  if (machine->addPassesToEmitFile(codegen, os, nullptr, fileType))
    return createStringError("the target cannot emit this file type");
  codegen.run(module);
  return buffer;
}

SmallVector<std::string> getCalledBuiltins(ArrayRef<char> object) {
  SmallVector<std::string> builtins;
  auto file = llvm::object::ObjectFile::createObjectFile(
      llvm::MemoryBufferRef(StringRef(object.data(), object.size()), ""));
  if (!file) {
    llvm::consumeError(file.takeError());
    return builtins;
  }
  for (const llvm::object::SymbolRef &symbol : (*file)->symbols()) {
    Expected<uint32_t> flags = symbol.getFlags();
    Expected<StringRef> name = symbol.getName();
    if (!flags || !name) {
      llvm::consumeError(flags.takeError());
      llvm::consumeError(name.takeError());
      continue;
    }
    if ((*flags & llvm::object::SymbolRef::SF_Undefined) && !name->empty() &&
        !llvm::is_contained({"memcpy", "memset", "memmove"}, *name))
      builtins.push_back(name->str());
  }
  llvm::sort(builtins);
  return builtins;
}

} // namespace aotc
