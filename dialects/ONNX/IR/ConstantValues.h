//===- ConstantValues.h - Reading constant operands -------------*- C++ -*-===//
//
// Shape functions and folders look at constant operands (Reshape's shape,
// Slice's starts, ...). Constants may hold inline dense elements or dense
// resources (initializers); these helpers read both.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IR_CONSTANTVALUES_H
#define AOTC_DIALECTS_ONNX_IR_CONSTANTVALUES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Value.h"

#include <optional>

namespace aotc::onnx {

/// Returns `attr` as dense elements, reading a dense resource's bytes when
/// it holds at most `maxElements` elements; null otherwise.
mlir::DenseElementsAttr toDenseElements(mlir::Attribute attr,
                                        int64_t maxElements = 1 << 16);

/// The value of `value` when an `onnx.Constant` (or other constant-like op)
/// defines it, as dense elements; null otherwise or when it is larger than
/// `maxElements`.
mlir::DenseElementsAttr getConstantValue(mlir::Value value,
                                         int64_t maxElements = 1 << 16);

/// The elements of a constant integer tensor (shapes, axes, indices).
std::optional<llvm::SmallVector<int64_t>> getConstantInts(mlir::Value value);

/// The elements of a constant integer tensor attribute.
std::optional<llvm::SmallVector<int64_t>> getInts(mlir::Attribute attr);

/// The elements of a constant floating-point tensor, widened to double.
std::optional<llvm::SmallVector<double>> getConstantFloats(mlir::Value value);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IR_CONSTANTVALUES_H
