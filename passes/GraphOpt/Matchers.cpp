//===- Matchers.cpp - Matching helpers of aotc-graph-opt ------------------===//

#include "passes/GraphOpt/Matchers.h"

#include "dialects/ONNX/IR/ConstantValues.h"

#include "mlir/IR/BuiltinTypes.h"

#include <cmath>

using namespace mlir;

namespace aotc {

std::optional<double> getSplatNumber(Value value) {
  DenseElementsAttr dense = onnx::getConstantValue(value);
  if (!dense || dense.getNumElements() == 0)
    return std::nullopt;
  if (dense.getElementType().isInteger()) {
    std::optional<SmallVector<int64_t>> ints = onnx::getInts(dense);
    if (!ints || !llvm::all_equal(*ints))
      return std::nullopt;
    return (double)ints->front();
  }
  if (!isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  if (dense.isSplat())
    return dense.getSplatValue<APFloat>().convertToDouble();
  auto values = dense.getValues<APFloat>();
  double first = (*values.begin()).convertToDouble();
  for (const APFloat &v : values)
    if (v.convertToDouble() != first)
      return std::nullopt;
  return first;
}

bool isSplatNear(Value value, double expected, double tolerance) {
  std::optional<double> actual = getSplatNumber(value);
  return actual &&
         std::abs(*actual - expected) <= tolerance * std::abs(expected);
}

Value getOtherOperand(Operation *op, Value operand) {
  if (op->getNumOperands() != 2)
    return {};
  if (op->getOperand(0) == operand)
    return op->getOperand(1);
  if (op->getOperand(1) == operand)
    return op->getOperand(0);
  return {};
}

std::optional<ScalarOperand> matchScalarOperand(Operation *op,
                                                bool constantRhsOnly) {
  if (op->getNumOperands() != 2 || op->getNumResults() != 1)
    return std::nullopt;
  for (unsigned i : {1u, 0u}) {
    if (i == 0 && constantRhsOnly)
      break;
    Value other = op->getOperand(1 - i);
    if (other.getType() != op->getResult(0).getType())
      continue;
    if (std::optional<double> value = getSplatNumber(op->getOperand(i)))
      return ScalarOperand{other, *value};
  }
  return std::nullopt;
}

Operation *getSingleUser(Value value) {
  if (!value.hasOneUse())
    return nullptr;
  return *value.getUsers().begin();
}

} // namespace aotc
