//===- KernelTable.h - The outlined kernels and their profile table -*- C++
//-*-===//
//
// aotc-outline-kernels records each kernel call on the module
// (`aotc.kernels`); after translation, the kernels are kept out of line
// and, with --profile, described for the runtime (aotc/profile.h).
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_COMPILER_EMIT_KERNELTABLE_H
#define AOTC_COMPILER_EMIT_KERNELTABLE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <string>

namespace aotc {

/// One call of an outlined kernel, in the graph's order.
struct KernelCall {
  std::string function;
  std::string nodes;
  std::string ops;
  std::string shape;
  /// 0 unless the kernel is a contraction.
  uint64_t flops = 0;
};

/// The calls aotc-outline-kernels recorded on `module`.
llvm::SmallVector<KernelCall> getKernelCalls(mlir::ModuleOp module);

/// Marks the kernel functions noinline: LLVM would otherwise fold each back
/// into the graph (most have one caller).
void keepKernelsOutOfLine(llvm::Module &module,
                          llvm::ArrayRef<KernelCall> calls);

/// The profile table (aotc_profile_t) named `symbol`, over the ticks the
/// timed graph writes.
llvm::Error emitProfileTable(llvm::Module &module,
                             llvm::ArrayRef<KernelCall> calls,
                             llvm::StringRef symbol);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_KERNELTABLE_H
