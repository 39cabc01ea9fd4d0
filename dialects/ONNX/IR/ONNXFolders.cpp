//===- ONNXFolders.cpp - Constant folders of ONNX ops --------------------===//
//
// `aotc-shape-inference` folds each op right after refining its types, so the
// shape arithmetic of exported graphs (Shape, Gather, Concat, Range, ...)
// collapses into constants before its consumers are reached. A folder only
// replaces a result whose type is a static ranked tensor, and only by a
// value or attribute of exactly that type; everything else stays for later.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ConstantEval.h"
#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using namespace aotc::onnx;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The type of `result` when a folder may replace it: a static ranked tensor.
static RankedTensorType getStaticType(Value result) {
  auto type = dyn_cast<RankedTensorType>(result.getType());
  return type && type.hasStaticShape() ? type : RankedTensorType();
}

/// `attr` as the fold of a result of `type`, which it must match exactly.
static OpFoldResult ifTypeIs(Attribute attr, Type type) {
  auto typed = dyn_cast_or_null<TypedAttr>(attr);
  if (!typed || typed.getType() != type)
    return {};
  return attr;
}

/// `value` as the fold of a result of `type`, which it must match exactly.
static OpFoldResult ifTypeIs(Value value, Type type) {
  if (!value || value.getType() != type)
    return {};
  return value;
}

/// A constant operand as dense elements; large non-splat ones are refused.
static DenseElementsAttr getDense(Attribute attr) {
  return toDenseElements(attr, kMaxFoldedElements);
}

static OpFoldResult foldUnary(Operation *op, ArrayRef<Attribute> operands,
                              UnaryOpKind kind) {
  RankedTensorType type = getStaticType(op->getResult(0));
  DenseElementsAttr operand = getDense(operands[0]);
  if (!type || !operand)
    return {};
  return ifTypeIs(evalUnary(kind, operand), type);
}

/// Folds `kind` over the operands from the left, as variadic Max and Min
/// define it; binary ops are the two-operand case.
static OpFoldResult foldBinary(Operation *op, ArrayRef<Attribute> operands,
                               BinaryOpKind kind) {
  RankedTensorType type = getStaticType(op->getResult(0));
  if (!type || operands.empty())
    return {};
  if (operands.size() == 1)
    return ifTypeIs(op->getOperand(0), type);
  DenseElementsAttr result = getDense(operands[0]);
  for (Attribute operand : operands.drop_front()) {
    DenseElementsAttr rhs = getDense(operand);
    if (!result || !rhs)
      return {};
    result = evalBinary(kind, result, rhs);
  }
  return ifTypeIs(result, type);
}

/// Reshape, Squeeze, Unsqueeze and Flatten keep the elements in order: the
/// static result type alone says what they produce.
static OpFoldResult foldReshapeLike(Value data, Attribute dataAttr,
                                    Value result) {
  RankedTensorType type = getStaticType(result);
  if (!type)
    return {};
  if (data.getType() == type)
    return data;
  auto elements = dyn_cast_or_null<ElementsAttr>(dataAttr);
  if (!elements)
    return {};
  return ifTypeIs(reshapeElements(elements, type), type);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Add);
}
OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Sub);
}
OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Mul);
}
OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Div);
}
OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Max);
}
OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Min);
}
OpFoldResult EqualOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Equal);
}
OpFoldResult LessOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Less);
}
OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Greater);
}
OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  return foldUnary(*this, adaptor.getOperands(), UnaryOpKind::Neg);
}
OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  return foldUnary(*this, adaptor.getOperands(), UnaryOpKind::Not);
}
OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  return foldBinary(*this, adaptor.getOperands(), BinaryOpKind::Pow);
}
OpFoldResult SqrtOp::fold(FoldAdaptor adaptor) {
  return foldUnary(*this, adaptor.getOperands(), UnaryOpKind::Sqrt);
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  DenseElementsAttr condition = getDense(adaptor.getCondition());
  DenseElementsAttr x = getDense(adaptor.getX());
  DenseElementsAttr y = getDense(adaptor.getY());
  if (!type || !condition || !x || !y)
    return {};
  return ifTypeIs(evalWhere(condition, x, y), type);
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  if (!type)
    return {};
  if (getInput().getType() == type)
    return getInput();
  DenseElementsAttr input = getDense(adaptor.getInput());
  if (!input)
    return {};
  return ifTypeIs(castElements(input, type.getElementType()), type);
}

//===----------------------------------------------------------------------===//
// Pass-through ops
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor adaptor) {
  // Constant-like ops fold to their value, which is how `m_Constant` and the
  // folders of their users see it.
  return getValueAttr();
}

OpFoldResult IdentityOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  return type ? ifTypeIs(getInput(), type) : OpFoldResult();
}

LogicalResult DropoutOp::fold(FoldAdaptor adaptor,
                              SmallVectorImpl<OpFoldResult> &results) {
  // Only inference-mode Dropout is the identity: no training_mode, or a
  // constant false one.
  if (getTrainingMode()) {
    DenseElementsAttr mode = getDense(adaptor.getTrainingMode());
    if (!mode || mode.getNumElements() != 1 ||
        !mode.getElementType().isInteger(1) || *mode.value_begin<bool>())
      return failure();
  }
  RankedTensorType type = getStaticType(getOutput());
  if (!type || getData().getType() != type)
    return failure();
  // Every result needs a replacement; the mask keeps every element.
  Attribute mask;
  if (Value maskResult = getMask()) {
    RankedTensorType maskType = getStaticType(maskResult);
    if (!maskType || !maskType.getElementType().isInteger(1))
      return failure();
    mask = DenseElementsAttr::get(maskType, true);
  }
  results.push_back(getData());
  if (mask)
    results.push_back(mask);
  return success();
}

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

OpFoldResult ShapeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getShape());
  auto dataType = dyn_cast<RankedTensorType>(getData().getType());
  if (!type || !dataType)
    return {};
  // Negative axes count from the end; both are then clamped to [0, rank].
  int64_t rank = dataType.getRank();
  auto clampAxis = [&](int64_t axis) {
    return std::clamp<int64_t>(axis < 0 ? axis + rank : axis, 0, rank);
  };
  int64_t start = clampAxis(getStart());
  int64_t end = clampAxis(getEnd().value_or(rank));
  ArrayRef<int64_t> dims =
      dataType.getShape().slice(start, std::max<int64_t>(end - start, 0));
  // Only the selected dimensions need to be static.
  if (ShapedType::isDynamicShape(dims))
    return {};
  auto shapeType = RankedTensorType::get({(int64_t)dims.size()},
                                         IntegerType::get(getContext(), 64));
  return ifTypeIs(DenseElementsAttr::get(shapeType, dims), type);
}

OpFoldResult SizeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getSize());
  auto dataType = dyn_cast<RankedTensorType>(getData().getType());
  if (!type || !dataType || !dataType.hasStaticShape())
    return {};
  auto sizeType = RankedTensorType::get({}, IntegerType::get(getContext(), 64));
  return ifTypeIs(DenseElementsAttr::get(sizeType, dataType.getNumElements()),
                  type);
}

OpFoldResult ConstantOfShapeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  if (!type)
    return {};
  // A constant `input` must agree with the result type.
  if (std::optional<SmallVector<int64_t>> shape = getInts(adaptor.getInput()))
    if (ArrayRef<int64_t>(*shape) != type.getShape())
      return {};
  Attribute value = FloatAttr::get(Float32Type::get(getContext()), 0.0);
  if (std::optional<ElementsAttr> valueAttr = getValue()) {
    DenseElementsAttr dense = getDense(*valueAttr);
    if (!dense || dense.getNumElements() != 1)
      return {};
    value = *dense.value_begin<Attribute>();
  }
  auto typedValue = dyn_cast<TypedAttr>(value);
  if (!typedValue || typedValue.getType() != type.getElementType())
    return {};
  return DenseElementsAttr::get(type, ArrayRef<Attribute>(value));
}

OpFoldResult RangeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  DenseElementsAttr start = getDense(adaptor.getStart());
  DenseElementsAttr limit = getDense(adaptor.getLimit());
  DenseElementsAttr delta = getDense(adaptor.getDelta());
  if (!type || !start || !limit || !delta)
    return {};
  return ifTypeIs(rangeElements(start, limit, delta), type);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getReshaped());
}
OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getSqueezed());
}
OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getData(), adaptor.getData(), getExpanded());
}
OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getInput(), adaptor.getInput(), getOutput());
}

OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  if (!type)
    return {};
  if (getInput().getType() == type)
    return getInput();
  DenseElementsAttr input = getDense(adaptor.getInput());
  if (!input)
    return {};
  return ifTypeIs(broadcastTo(input, type.getShape()), type);
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getTransposed());
  auto dataType = dyn_cast<RankedTensorType>(getData().getType());
  if (!type || !dataType)
    return {};
  // The default permutation reverses the dimensions.
  SmallVector<int64_t> perm;
  if (std::optional<ArrayRef<int64_t>> attr = getPerm())
    perm.assign(attr->begin(), attr->end());
  else
    perm =
        llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(dataType.getRank())));
  if (llvm::equal(perm, llvm::seq<int64_t>(perm.size())))
    return ifTypeIs(getData(), type);
  DenseElementsAttr data = getDense(adaptor.getData());
  if (!data)
    return {};
  return ifTypeIs(transposeElements(data, perm), type);
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getConcatResult());
  if (!type)
    return {};
  if (getInputs().size() == 1)
    return ifTypeIs(getInputs().front(), type);
  SmallVector<DenseElementsAttr> inputs;
  for (Attribute input : adaptor.getInputs()) {
    inputs.push_back(getDense(input));
    if (!inputs.back())
      return {};
  }
  int64_t axis = getAxis() < 0 ? getAxis() + type.getRank() : getAxis();
  return ifTypeIs(concatElements(inputs, axis), type);
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  DenseElementsAttr data = getDense(adaptor.getData());
  DenseElementsAttr indices = getDense(adaptor.getIndices());
  if (!type || !data || !indices)
    return {};
  return ifTypeIs(gatherElements(data, indices, getAxis()), type);
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  RankedTensorType type = getStaticType(getOutput());
  auto dataType = dyn_cast<RankedTensorType>(getData().getType());
  if (!type || !dataType || !dataType.hasStaticShape())
    return {};
  // Omitted axes and steps are empty lists; present ones must be constant.
  auto readInts = [](Value operand,
                     Attribute attr) -> std::optional<SmallVector<int64_t>> {
    if (!operand)
      return SmallVector<int64_t>();
    return getInts(attr);
  };
  std::optional<SmallVector<int64_t>> starts = getInts(adaptor.getStarts());
  std::optional<SmallVector<int64_t>> ends = getInts(adaptor.getEnds());
  std::optional<SmallVector<int64_t>> axes =
      readInts(getAxes(), adaptor.getAxes());
  std::optional<SmallVector<int64_t>> steps =
      readInts(getSteps(), adaptor.getSteps());
  if (!starts || !ends || !axes || !steps)
    return {};
  std::optional<SliceBounds> bounds =
      normalizeSlice(dataType.getShape(), *starts, *ends, *axes, *steps);
  if (!bounds)
    return {};
  // Taking every element in order is the identity.
  bool isIdentity =
      llvm::all_of(bounds->starts, [](int64_t s) { return s == 0; }) &&
      llvm::all_of(bounds->steps, [](int64_t s) { return s == 1; }) &&
      ArrayRef<int64_t>(bounds->sizes) == dataType.getShape();
  if (isIdentity)
    return ifTypeIs(getData(), type);
  DenseElementsAttr data = getDense(adaptor.getData());
  if (!data)
    return {};
  return ifTypeIs(sliceElements(data, *bounds), type);
}
