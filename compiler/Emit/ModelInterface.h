//===- ModelInterface.h - A compiled model's inputs, outputs, arena -*- C++
//-*-===//
//
// What the outside world sees of a compiled model: the names, element types
// and shapes of its inputs and outputs, and the arena it needs. Read from
// the shape-inferred graph function and the memory plan; used to emit the
// entry point, the executable's descriptor and the C header.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_COMPILER_EMIT_MODELINTERFACE_H
#define AOTC_COMPILER_EMIT_MODELINTERFACE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace aotc {

struct TensorInterface {
  std::string name;
  /// ONNX TensorProto data type code (the runtime's aotc_dtype_t).
  int32_t dtype;
  llvm::SmallVector<int64_t> shape;
  uint64_t byteSize;
};

/// A run-time index check (aotc-check-indices): the graph returns the largest
/// and the smallest index the node reads with, which must lie in
/// [-size, size).
struct IndexCheck {
  std::string node;
  std::string opType;
  int64_t size;
};

struct ModelInterface {
  /// C identifier used in symbol names (aotc_NAME_run).
  std::string name;
  llvm::SmallVector<TensorInterface> inputs;
  llvm::SmallVector<TensorInterface> outputs;
  /// Each adds two results (largest, smallest index) after the outputs.
  llvm::SmallVector<IndexCheck> indexChecks;
  /// The memory plan's bytes, then (with index checks) the error record and
  /// one int64 slot per check result.
  uint64_t arenaSize = 0;
  uint64_t arenaAlignment = 64;
  uint64_t arenaLowerBound = 0;
  uint64_t errorOffset = 0;
  /// --weights=FILE: the run function takes the weights blob, of this many
  /// bytes at this alignment, as an argument.
  bool externalWeights = false;
  uint64_t weightsSize = 0;
  uint64_t weightsAlignment = 64;
};

/// Describes the inputs and outputs of the shape-inferred graph function.
/// Fails with an error on the function for an element type the runtime
/// cannot represent.
mlir::FailureOr<ModelInterface> describeModelInterface(mlir::func::FuncOp graph,
                                                       llvm::StringRef name);

/// Reads the index checks that aotc-check-indices appended to the results of
/// `graph` after `model`'s outputs, and drops their attributes.
void describeIndexChecks(mlir::func::FuncOp graph, ModelInterface &model);

/// Reserves the error record and the check result slots after the memory
/// plan's `planBytes` of arena.
void layOutArena(ModelInterface &model, uint64_t planBytes);

/// Returns `text` made into a C identifier (model names come from file names).
std::string makeCIdentifier(llvm::StringRef text);

/// The C type and .npy-style name of an ONNX data type code.
llvm::StringRef getCTypeName(int32_t dtype);
llvm::StringRef getDTypeName(int32_t dtype);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_MODELINTERFACE_H
