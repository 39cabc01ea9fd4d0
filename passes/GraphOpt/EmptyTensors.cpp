//===- EmptyTensors.cpp - The aotc-fold-empty-tensors pass ----------------===//
//
// Zero-size tensors are valid ONNX (a [2, 0] × [0, 4] MatMul is a [2, 4] of
// zeros), but a kernel over an empty dimension divides by it or reads
// nothing. This pass takes them out of the graph before the lowering: a
// value with no elements becomes an empty constant, and an op that makes a
// non-empty result from empty operands becomes what it computes: zeros for
// a contraction over K = 0 (plus its bias), the identity of a reduction over
// an empty set, the non-empty operands of a Concat. Any other op that would
// read an empty operand to make a non-empty result is an error naming it.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <cmath>
#include <limits>

namespace aotc {
#define GEN_PASS_DEF_FOLDEMPTYTENSORSPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

bool isEmpty(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() && type.getNumElements() == 0;
}

/// Whether `operand` is empty data. An empty 1-D constant is attribute-like
/// (axes, a scalar's shape, Resize's unused scales), not data.
bool isEmptyData(Value operand) {
  Operation *producer = operand.getDefiningOp();
  bool attributeLike = producer &&
                       producer->hasTrait<OpTrait::ConstantLike>() &&
                       cast<RankedTensorType>(operand.getType()).getRank() == 1;
  return isEmpty(operand) && !attributeLike;
}

Value createConstant(OpBuilder &b, Location loc, DenseElementsAttr value) {
  return onnx::ConstantOp::create(b, loc, cast<ElementsAttr>(value));
}

/// A tensor of `type` whose elements are all `value` (for floats; integers
/// take it converted, infinities as the type's extremes, NaN as 0).
Value createSplat(OpBuilder &b, Location loc, RankedTensorType type,
                  double value) {
  Type element = type.getElementType();
  if (auto floatType = dyn_cast<FloatType>(element)) {
    bool losesInfo;
    APFloat number(value);
    number.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                   &losesInfo);
    return createConstant(b, loc, DenseElementsAttr::get(type, number));
  }
  unsigned width = element.getIntOrFloatBitWidth();
  bool isUnsigned = element.isUnsignedInteger() || width == 1;
  // Integers have no NaN (an integer ReduceMean over nothing is 0), and an
  // infinity is the type's extreme; converting either would be undefined.
  APInt number(width, 0);
  if (std::isinf(value))
    number = value > 0 ? (isUnsigned ? APInt::getMaxValue(width)
                                     : APInt::getSignedMaxValue(width))
                       : (isUnsigned ? APInt::getMinValue(width)
                                     : APInt::getSignedMinValue(width));
  else if (!std::isnan(value))
    number = APInt(width, (uint64_t)(int64_t)value, /*isSigned=*/!isUnsigned);
  return createConstant(b, loc, DenseElementsAttr::get(type, number));
}

/// What a reduction over an empty set gives, per ONNX; nullopt for other ops.
std::optional<double> getEmptyReduction(Operation *op) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (isa<onnx::ReduceSumOp, onnx::ReduceSumSquareOp, onnx::ReduceL1Op,
          onnx::ReduceL2Op>(op))
    return 0.0;
  if (isa<onnx::ReduceProdOp>(op))
    return 1.0;
  if (isa<onnx::ReduceMaxOp, onnx::ReduceLogSumOp, onnx::ReduceLogSumExpOp>(op))
    return -inf;
  if (isa<onnx::ReduceMinOp>(op))
    return inf;
  if (isa<onnx::ReduceMeanOp>(op))
    return std::numeric_limits<double>::quiet_NaN();
  return std::nullopt;
}

/// `zeros` plus `addend` broadcast (a Gemm's C, a Conv's bias).
Value addTo(OpBuilder &b, Location loc, Value zeros, Value addend) {
  return onnx::AddOp::create(b, loc, zeros.getType(), zeros, addend);
}

/// The value `op` computes from its empty operands, or null when it is not
/// one of the ops this pass knows.
Value foldEmptyOperands(OpBuilder &b, Operation *op) {
  Location loc = op->getLoc();
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  // Only the data operands count: an empty axes, shape or pads operand is an
  // attribute, not data.
  bool emptyData = isEmpty(op->getOperand(0)) ||
                   (op->getNumOperands() > 1 && isEmpty(op->getOperand(1)));
  if (isa<onnx::MatMulOp>(op) && emptyData)
    return createSplat(b, loc, type, 0.0);
  auto gemm = dyn_cast<onnx::GemmOp>(op);
  if (gemm && emptyData) {
    Value zeros = createSplat(b, loc, type, 0.0);
    Value c = gemm.getC();
    if (!c || isEmpty(c))
      return zeros;
    auto cType = cast<RankedTensorType>(c.getType());
    Value beta =
        createSplat(b, loc, RankedTensorType::get({}, cType.getElementType()),
                    gemm.getBeta().convertToDouble());
    return addTo(b, loc, zeros, onnx::MulOp::create(b, loc, cType, c, beta));
  }
  auto conv = dyn_cast<onnx::ConvOp>(op);
  if (conv && emptyData) {
    Value zeros = createSplat(b, loc, type, 0.0);
    Value bias = conv.getB();
    if (!bias || isEmpty(bias))
      return zeros;
    // The bias is per output channel: [M] as [1, M, 1, ...].
    SmallVector<int64_t> shape(type.getRank(), 1);
    shape[1] = type.getDimSize(1);
    auto shapeType = RankedTensorType::get({type.getRank()}, b.getI64Type());
    Value target = createConstant(
        b, loc, DenseElementsAttr::get(shapeType, ArrayRef<int64_t>(shape)));
    Value perChannel = onnx::ReshapeOp::create(b, loc, type.clone(shape), bias,
                                               target, /*allowzero=*/0);
    return addTo(b, loc, zeros, perChannel);
  }
  std::optional<double> identity = getEmptyReduction(op);
  if (identity && isEmpty(op->getOperand(0)))
    return createSplat(b, loc, type, *identity);
  if (auto concat = dyn_cast<onnx::ConcatOp>(op)) {
    SmallVector<Value> kept;
    for (Value input : concat.getInputs())
      if (!isEmpty(input))
        kept.push_back(input);
    return onnx::ConcatOp::create(b, loc, type, kept, concat.getAxis());
  }
  return nullptr;
}

struct FoldEmptyTensorsPass
    : aotc::impl::FoldEmptyTensorsPassBase<FoldEmptyTensorsPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() && failed(fold(func)))
        return signalPassFailure();
  }

  LogicalResult fold(func::FuncOp func) {
    Block &body = func.getBody().front();
    OpBuilder b = OpBuilder::atBlockBegin(&body);
    for (BlockArgument arg : body.getArguments())
      if (isEmpty(arg) && !arg.use_empty())
        arg.replaceAllUsesWith(createEmpty(b, arg.getLoc(), arg.getType()));
    for (Operation &op : llvm::make_early_inc_range(body)) {
      if (op.hasTrait<OpTrait::ConstantLike>() ||
          op.hasTrait<OpTrait::IsTerminator>() || op.getNumResults() == 0)
        continue;
      b.setInsertionPoint(&op);
      if (llvm::all_of(op.getResults(), isEmpty)) {
        for (Value result : op.getResults())
          result.replaceAllUsesWith(
              createEmpty(b, op.getLoc(), result.getType()));
        op.erase();
        continue;
      }
      if (llvm::none_of(op.getOperands(), isEmpty))
        continue;
      Value folded =
          op.getNumResults() == 1 ? foldEmptyOperands(b, &op) : Value();
      if (!folded && llvm::none_of(op.getOperands(), isEmptyData))
        continue;
      if (!folded)
        return op.emitError()
               << "a zero-size operand is not supported by this op (it "
                  "would make a non-empty result from no elements)";
      op.getResult(0).replaceAllUsesWith(folded);
      op.erase();
    }
    // The empty constants that stood in for replaced values.
    for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
      if (isOpTriviallyDead(&op))
        op.erase();
    return success();
  }

  Value createEmpty(OpBuilder &b, Location loc, Type type) {
    return createConstant(
        b, loc,
        DenseElementsAttr::get(cast<ShapedType>(type), ArrayRef<Attribute>()));
  }
};

} // namespace
