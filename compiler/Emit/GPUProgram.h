//===- GPUProgram.h - Host side of a GPU executable -------------*- C++ -*-===//
//
// Turns the lowered host code of a GPU target (a graph function taking
// device pointers and launching kernels) into what the runtime's GPU glue
// runs: the aotc_gpu_program_t descriptor of runtime/include/aotc/gpu.h and
// the model's run function.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_COMPILER_EMIT_GPUPROGRAM_H
#define AOTC_COMPILER_EMIT_GPUPROGRAM_H

#include "compiler/Emit/ModelInterface.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

namespace aotc {

/// Adds to `module`:
/// - `aotc_NAME_launch(device)`, calling `graphFunction` (bare pointers:
///   arena, inputs, outputs, then the weights `weightSymbols`) with
///   pointers into one device allocation laid out as arena, inputs,
///   outputs, weights;
/// - `aotc_NAME_load()`, running the module constructors that load the
///   kernels (taken out of llvm.global_ctors: nothing may touch the GPU
///   before the runtime has opened the driver);
/// - the descriptor `aotc_NAME_gpu_program`, with `ptx` as JIT fallback;
/// - `aotc_NAME_run(arena, arena_size, inputs, outputs)`, calling the
///   runtime's aotc_gpu_run.
llvm::Error emitGPUProgram(llvm::Module &module, const ModelInterface &model,
                           llvm::StringRef graphFunction,
                           llvm::ArrayRef<std::string> weightSymbols,
                           llvm::StringRef ptx);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_GPUPROGRAM_H
