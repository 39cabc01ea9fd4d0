//===- InputShapes.h - Pinning the shapes of graph inputs -------*- C++ -*-===//

#ifndef AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H
#define AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace aotc {

/// The `onnx.name` of argument `index`, or its position when it has none.
std::string getInputName(mlir::func::FuncOp func, unsigned index);

/// Gives the inputs of `func` (named by their `onnx.name` argument
/// attributes) the shapes in `specs`, each `NAME:D0xD1x...`. Emits an error
/// and fails on a malformed spec, an unknown name or a shape that
/// contradicts the model.
llvm::LogicalResult pinInputShapes(mlir::func::FuncOp func,
                                   llvm::ArrayRef<std::string> specs);

/// Emits an error naming the first input of `func` whose shape is not
/// static, and fails.
llvm::LogicalResult verifyStaticInputs(mlir::func::FuncOp func);

} // namespace aotc

#endif // AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H
