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

struct ModelInterface {
  /// C identifier used in symbol names (aotc_NAME_run).
  std::string name;
  llvm::SmallVector<TensorInterface> inputs;
  llvm::SmallVector<TensorInterface> outputs;
  uint64_t arenaSize = 0;
  uint64_t arenaAlignment = 64;
  uint64_t arenaLowerBound = 0;
};

/// Describes the inputs and outputs of the shape-inferred graph function.
/// Fails with an error on the function for an element type the runtime
/// cannot represent.
mlir::FailureOr<ModelInterface> describeModelInterface(mlir::func::FuncOp graph,
                                                       llvm::StringRef name);

/// Returns `text` made into a C identifier (model names come from file names).
std::string makeCIdentifier(llvm::StringRef text);

/// The C type and .npy-style name of an ONNX data type code.
llvm::StringRef getCTypeName(int32_t dtype);
llvm::StringRef getDTypeName(int32_t dtype);

} // namespace aotc

#endif // AOTC_COMPILER_EMIT_MODELINTERFACE_H
