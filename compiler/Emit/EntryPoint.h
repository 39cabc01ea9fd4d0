//===- EntryPoint.h - C entry point, executable descriptor ------*- C++ -*-===//

#ifndef AOTC_COMPILER_EMIT_ENTRYPOINT_H
#define AOTC_COMPILER_EMIT_ENTRYPOINT_H

#include "compiler/Emit/BuildInfo.h"
#include "compiler/Emit/ModelInterface.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

namespace aotc {

/// Adds `aotc_NAME_run(void *arena, size_t arena_size, const void *const
/// inputs[], void *const outputs[])`: checks the arena's size and alignment
/// and the tensor pointers, then calls `graphFunction` (bare pointers:
/// arena, inputs, outputs), which becomes internal to the object. With
/// external weights (`weightsBase`, from createWeightsPointer) it takes
/// `const void *weights, size_t weights_size` after the arena, checks them
/// like the arena and stores the pointer in `weightsBase`.
llvm::Error emitRunFunction(llvm::Module &module, const ModelInterface &model,
                            llvm::StringRef graphFunction,
                            llvm::GlobalVariable *weightsBase = nullptr);

/// The internal global through which code reads external weights
/// (--weights=FILE): `aotc_NAME_weights`, set by each run.
llvm::GlobalVariable *createWeightsPointer(llvm::Module &module,
                                           const ModelInterface &model);

/// Adds what an executable's runtime reads (runtime/include/aotc/model.h):
/// the arena and every input and output buffer as zero-initialized, aligned
/// globals, and the constant descriptor `aotc_model` pointing at them and at
/// the run and CPU-check functions (emitCPUCheck), which must exist.
void emitExecutableDescriptor(llvm::Module &module, const ModelInterface &model,
                              const BuildInfo &build);

/// `aotc_NAME_check_cpu`, the CPU-check function's name.
std::string getCheckCPUFunctionName(const ModelInterface &model);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_ENTRYPOINT_H
