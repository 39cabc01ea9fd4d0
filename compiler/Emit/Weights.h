//===- Weights.h - Weight bytes carried around the LLVM translation -*- C++
//-*-===//
//
// Translating a constant memref.global to LLVM IR builds one LLVM constant
// per element: for ResNet-50's 25 million weights that is minutes and
// gigabytes. Instead the weights' bytes are taken out of the module before
// lowering (the globals become declarations) and put back afterwards as one
// raw byte array per weight, the layout the generated code reads.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_COMPILER_EMIT_WEIGHTS_H
#define AOTC_COMPILER_EMIT_WEIGHTS_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <string>

namespace aotc {

struct WeightData {
  std::string symbol;
  /// Owned by the MLIRContext (dense resource blobs or dense attributes).
  llvm::ArrayRef<char> bytes;
  uint64_t alignment;
};

/// Turns every constant `memref.global` whose data is larger than
/// `minBytes` into a declaration and returns its bytes.
llvm::SmallVector<WeightData> detachWeights(mlir::ModuleOp module,
                                            uint64_t minBytes = 256);

/// The symbols of every constant `memref.global` of `module`, detached or
/// small: the model's weights and folded constants.
llvm::SmallVector<std::string> getWeightSymbols(mlir::ModuleOp module);

/// Puts the weights named by `symbols` in `section` (--weights-section),
/// aligned to at least 16 bytes.
void placeWeights(llvm::Module &module, llvm::ArrayRef<std::string> symbols,
                  llvm::StringRef section);

/// Defines each detached weight in `module` as a private constant byte
/// array, replacing the declaration the translation produced.
llvm::Error attachWeights(llvm::Module &module,
                          llvm::ArrayRef<WeightData> weights);

/// --weights=FILE: where each detached weight lies in one blob.
struct WeightsBlob {
  /// One per weight, a multiple of its alignment.
  llvm::SmallVector<uint64_t> offsets;
  uint64_t size = 0;
  /// The largest weight alignment (at least 64): the blob's.
  uint64_t alignment = 64;
};

WeightsBlob layOutWeightsBlob(llvm::ArrayRef<WeightData> weights);

/// The blob's bytes: each weight at its offset, zeros between.
std::string getWeightsBlobBytes(llvm::ArrayRef<WeightData> weights,
                                const WeightsBlob &blob);

/// Makes each use of a detached weight read it at its offset from the
/// pointer stored in `base` (which the run function sets from its argument),
/// replacing the declaration the translation produced.
llvm::Error addressWeightsInBlob(llvm::Module &module,
                                 llvm::ArrayRef<WeightData> weights,
                                 const WeightsBlob &blob,
                                 llvm::GlobalVariable *base);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_WEIGHTS_H
