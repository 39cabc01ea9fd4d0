//===- InputShapes.h - Pinning the shapes of graph inputs -------*- C++ -*-===//

#ifndef AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H
#define AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace aotc {

/// The `onnx.name` of argument `index`, or its position when it has none.
std::string getInputName(mlir::func::FuncOp func, unsigned index);

/// Gives the inputs of `func` (named by their `onnx.name` argument
/// attributes) the shapes in `specs`, each `NAME:D0xD1x...`; then checks that
/// every input is static. Emits an error and fails on a malformed spec, an
/// unknown name, a shape that contradicts the model, or an input left dynamic.
llvm::LogicalResult pinInputShapes(mlir::func::FuncOp func,
                                   llvm::ArrayRef<std::string> specs);

} // namespace aotc

#endif // AOTC_PASSES_SHAPEINFERENCE_INPUTSHAPES_H
