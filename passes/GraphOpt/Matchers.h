//===- Matchers.h - Matching helpers of aotc-graph-opt ----------*- C++ -*-===//
//
// The fusions match chains of ONNX ops whose constants are scalars given in
// any operand order; these helpers read such scalars and walk single-use
// chains.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_GRAPHOPT_MATCHERS_H
#define AOTC_PASSES_GRAPHOPT_MATCHERS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include <optional>

namespace aotc {

/// The value of a numeric constant whose elements are all equal.
std::optional<double> getSplatNumber(mlir::Value value);

/// Whether `value` is a numeric splat constant within a relative
/// `tolerance` of `expected` (exporters round constants such as sqrt(2) to
/// the tensor's precision).
bool isSplatNear(mlir::Value value, double expected, double tolerance = 1e-5);

/// The operand of the binary `op` that is not `operand`; null when `operand`
/// is not one of them.
mlir::Value getOtherOperand(mlir::Operation *op, mlir::Value operand);

/// For a binary `op` with a numeric splat constant operand and a
/// result of the other operand's type (the constant does not widen it): the
/// other operand and the constant. `constantRhsOnly` restricts the constant
/// to the right (Sub, Div).
struct ScalarOperand {
  mlir::Value other;
  double value;
};
std::optional<ScalarOperand> matchScalarOperand(mlir::Operation *op,
                                                bool constantRhsOnly = false);

/// The only user of `value`, when it has exactly one use.
mlir::Operation *getSingleUser(mlir::Value value);

} // namespace aotc

#endif // AOTC_PASSES_GRAPHOPT_MATCHERS_H
