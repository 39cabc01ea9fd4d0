//===- InputValues.h - Pinning the values of graph inputs -------*- C++ -*-===//

#ifndef AOTC_PASSES_SHAPEINFERENCE_INPUTVALUES_H
#define AOTC_PASSES_SHAPEINFERENCE_INPUTVALUES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace aotc {

/// The function attribute listing the pinned inputs, one string each, as
/// `--info` and the header show them: "NAME: DTYPE [SHAPE] = VALUES".
inline constexpr llvm::StringLiteral kPinnedInputsAttrName =
    "aotc.pinned_inputs";

/// Replaces each input of `func` named in `specs` by a constant: the input
/// leaves the signature and its uses read an `onnx.Constant`. A spec is
/// `NAME=V1,V2,...` (literal values in the input's element type, shape from
/// the model; a rank-1 input of unknown length takes the values' count) or
/// `NAME:FILE.npy` (dtype must match; unknown dimensions take the file's).
/// Emits an error and fails on a malformed spec, an unknown name, a value
/// that does not fit the element type, or a shape that contradicts the
/// model.
llvm::LogicalResult pinInputValues(mlir::func::FuncOp func,
                                   llvm::ArrayRef<std::string> specs);

} // namespace aotc

#endif // AOTC_PASSES_SHAPEINFERENCE_INPUTVALUES_H
