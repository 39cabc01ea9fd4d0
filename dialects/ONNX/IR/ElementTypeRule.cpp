//===- ElementTypeRule.cpp - Element types from the op's rules ------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/Builders.h"

using namespace mlir;

namespace aotc::onnx {

Type getElementType(MLIRContext *context, ElementKind kind) {
  Builder b(context);
  switch (kind) {
  case ElementKind::f32:
    return b.getF32Type();
  case ElementKind::f64:
    return b.getF64Type();
  case ElementKind::f16:
    return b.getF16Type();
  case ElementKind::bf16:
    return b.getBF16Type();
  case ElementKind::i8:
    return b.getIntegerType(8);
  case ElementKind::i16:
    return b.getIntegerType(16);
  case ElementKind::i32:
    return b.getIntegerType(32);
  case ElementKind::i64:
    return b.getIntegerType(64);
  case ElementKind::ui8:
    return b.getIntegerType(8, /*isSigned=*/false);
  case ElementKind::ui16:
    return b.getIntegerType(16, /*isSigned=*/false);
  case ElementKind::ui32:
    return b.getIntegerType(32, /*isSigned=*/false);
  case ElementKind::ui64:
    return b.getIntegerType(64, /*isSigned=*/false);
  case ElementKind::i1:
    return b.getI1Type();
  }
  llvm_unreachable("unknown element kind");
}

/// Returns the first operand of ODS operand group `group`, or null when the
/// group is empty (an omitted optional input).
static Value getFirstOperandOfGroup(Operation *op, unsigned group) {
  unsigned index = group;
  if (auto segments = dyn_cast_or_null<DenseI32ArrayAttr>(
          op->getInherentAttr("operandSegmentSizes").value_or(Attribute()))) {
    if (group >= segments.size() || segments[group] == 0)
      return nullptr;
    index = 0;
    for (unsigned i = 0; i < group; ++i)
      index += segments[i];
  }
  return index < op->getNumOperands() ? op->getOperand(index) : nullptr;
}

LogicalResult inferElementTypesOnly(Operation *op) {
  auto shapeOp = cast<ShapeInferenceOpInterface>(op);
  ArrayRef<ElementTypeRule> rules = shapeOp.getElementTypeRules();
  for (OpResult result : op->getResults()) {
    // Results of a variadic group share the group's rule.
    const ElementTypeRule &rule =
        rules[std::min<size_t>(result.getResultNumber(), rules.size() - 1)];
    Type elementType;
    switch (rule.kind) {
    case ElementTypeRule::Kind::Fixed:
      elementType = getElementType(op->getContext(), rule.fixedKind);
      break;
    case ElementTypeRule::Kind::Operand:
      if (Value operand = getFirstOperandOfGroup(op, rule.operandGroup))
        elementType = cast<ShapedType>(operand.getType()).getElementType();
      break;
    case ElementTypeRule::Kind::Custom:
      break;
    }
    // A custom rule without a shape function: the op's result types are
    // not something aotc can derive.
    if (!elementType && rule.kind == ElementTypeRule::Kind::Custom)
      return op->emitError("operator '")
             << op->getName().stripDialect() << "' is not supported";
    if (!elementType)
      return op->emitError("cannot infer the element type of result #")
             << result.getResultNumber();
    auto current = cast<TensorType>(result.getType());
    if (current.hasRank())
      result.setType(RankedTensorType::get(current.getShape(), elementType));
    else
      result.setType(UnrankedTensorType::get(elementType));
  }
  return success();
}

} // namespace aotc::onnx
