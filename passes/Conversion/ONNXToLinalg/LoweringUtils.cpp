//===- LoweringUtils.cpp - Shared onnx to linalg helpers ------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"

#include "dialects/ONNX/IR/ConstantValues.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;

namespace aotc {

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

Type toSignless(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    return intType.isSignless()
               ? type
               : IntegerType::get(type.getContext(), intType.getWidth());
  if (auto tensorType = dyn_cast<RankedTensorType>(type))
    return tensorType.clone(toSignless(tensorType.getElementType()));
  return type;
}

RankedTensorType getConvertedTensorType(const TypeConverter &tc, Value value) {
  return dyn_cast_or_null<RankedTensorType>(tc.convertType(value.getType()));
}

bool isUnsignedElement(Value value) {
  return getElementTypeOrSelf(value.getType()).isUnsignedInteger();
}

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

StringRef getOperatorName(Operation *op) {
  return op->getName().stripDialect();
}

LogicalResult emitUnsupported(Operation *op, const Twine &reason) {
  return op->emitError() << "operator '" << getOperatorName(op)
                         << "' is not supported by the code generator: "
                         << reason;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

DenseElementsAttr getConstantElements(Value value, int64_t maxElements) {
  return onnx::getConstantValue(value, maxElements);
}

TypedAttr getSplatConstant(Value value) {
  DenseElementsAttr dense = getConstantElements(value, /*maxElements=*/1);
  if (!dense || !dense.isSplat())
    return {};
  Type elementType = toSignless(dense.getElementType());
  if (auto floatType = dyn_cast<FloatType>(elementType))
    return FloatAttr::get(floatType, dense.getSplatValue<APFloat>());
  if (isa<IntegerType>(elementType))
    return IntegerAttr::get(elementType, dense.getSplatValue<APInt>());
  return {};
}

std::optional<SmallVector<int64_t>> getConstantIntegers(Value value) {
  return onnx::getConstantInts(value);
}

std::optional<SmallVector<double>> getConstantDoubles(Value value) {
  return onnx::getConstantFloats(value);
}

Value createScalar(OpBuilder &b, Location loc, Type type, double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, FloatAttr::get(floatType, value));
  return arith::ConstantOp::create(
      b, loc, IntegerAttr::get(type, static_cast<int64_t>(value)));
}

Value createLowest(OpBuilder &b, Location loc, Type type, bool isUnsigned) {
  if (isa<FloatType>(type))
    return arith::getIdentityValue(arith::AtomicRMWKind::maximumf, type, b,
                                   loc);
  return arith::getIdentityValue(isUnsigned ? arith::AtomicRMWKind::maxu
                                            : arith::AtomicRMWKind::maxs,
                                 type, b, loc);
}

Value createHighest(OpBuilder &b, Location loc, Type type, bool isUnsigned) {
  if (isa<FloatType>(type))
    return arith::getIdentityValue(arith::AtomicRMWKind::minimumf, type, b,
                                   loc);
  return arith::getIdentityValue(isUnsigned ? arith::AtomicRMWKind::minu
                                            : arith::AtomicRMWKind::mins,
                                 type, b, loc);
}

Value createFloatTensor(OpBuilder &b, Location loc, RankedTensorType type,
                        ArrayRef<double> values) {
  auto floatType = cast<FloatType>(type.getElementType());
  SmallVector<APFloat> elements;
  elements.reserve(values.size());
  for (double v : values) {
    APFloat f(v);
    bool losesInfo = false;
    f.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
              &losesInfo);
    elements.push_back(f);
  }
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, elements));
}

//===----------------------------------------------------------------------===//
// Tensors and linalg
//===----------------------------------------------------------------------===//

Value createEmpty(OpBuilder &b, Location loc, RankedTensorType type) {
  return tensor::EmptyOp::create(b, loc, type.getShape(),
                                 type.getElementType());
}

Value createFilled(OpBuilder &b, Location loc, RankedTensorType type,
                   Value value) {
  Value empty = createEmpty(b, loc, type);
  return linalg::FillOp::create(b, loc, ValueRange{value}, ValueRange{empty})
      .getResult(0);
}

AffineMap getBroadcastMap(MLIRContext *context, ArrayRef<int64_t> operandShape,
                          ArrayRef<int64_t> resultShape) {
  int64_t offset = resultShape.size() - operandShape.size();
  SmallVector<AffineExpr> exprs;
  for (auto [i, size] : llvm::enumerate(operandShape)) {
    if (size == 1 && resultShape[offset + i] != 1)
      exprs.push_back(getAffineConstantExpr(0, context));
    else
      exprs.push_back(getAffineDimExpr(offset + i, context));
  }
  return AffineMap::get(resultShape.size(), 0, exprs, context);
}

AffineMap getProjectionMap(MLIRContext *context, int64_t rank,
                           ArrayRef<int64_t> droppedDims) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(droppedDims, d))
      exprs.push_back(getAffineDimExpr(d, context));
  return AffineMap::get(rank, 0, exprs, context);
}

Value buildGeneric(OpBuilder &b, Location loc, RankedTensorType resultType,
                   ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                   ScalarBuilderFn fn) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmpty(b, loc, resultType);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = fn(nested, nestedLoc, args.drop_back());
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

Value buildElementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                       ValueRange inputs, ScalarBuilderFn fn) {
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(getBroadcastMap(
        b.getContext(), cast<RankedTensorType>(input.getType()).getShape(),
        resultType.getShape()));
  return buildGeneric(b, loc, resultType, inputs, maps, fn);
}

Value buildReduction(OpBuilder &b, Location loc, Value input,
                     ArrayRef<int64_t> axes, Value initValue,
                     CombinerFn combine) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t rank = inputType.getRank();
  SmallVector<int64_t> shape;
  SmallVector<utils::IteratorType> iterators;
  for (int64_t d = 0; d < rank; ++d) {
    bool reduced = llvm::is_contained(axes, d);
    iterators.push_back(reduced ? utils::IteratorType::reduction
                                : utils::IteratorType::parallel);
    if (!reduced)
      shape.push_back(inputType.getDimSize(d));
  }
  auto resultType = RankedTensorType::get(shape, inputType.getElementType());
  Value init = createFilled(b, loc, resultType, initValue);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank),
                                 getProjectionMap(b.getContext(), rank, axes)};
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, ValueRange{input}, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = combine(nested, nestedLoc, args[0], args[1]);
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

Value reshapeTo(OpBuilder &b, Location loc, Value value,
                RankedTensorType type) {
  auto sourceType = cast<RankedTensorType>(value.getType());
  if (sourceType.getShape() == type.getShape())
    return value;
  ArrayRef<int64_t> from = sourceType.getShape();
  ArrayRef<int64_t> to = type.getShape();
  if (to.empty())
    return tensor::CollapseShapeOp::create(b, loc, type, value,
                                           ArrayRef<ReassociationIndices>{});
  if (from.empty())
    return tensor::ExpandShapeOp::create(b, loc, type, value,
                                         ArrayRef<ReassociationIndices>{});
  if (from.size() > to.size())
    if (auto groups = getReassociationIndicesForCollapse(from, to))
      return tensor::CollapseShapeOp::create(b, loc, type, value, *groups);
  if (from.size() < to.size())
    if (auto groups = getReassociationIndicesForCollapse(to, from))
      return tensor::ExpandShapeOp::create(b, loc, type, value, *groups);
  // No grouping relates the shapes: go through one dimension.
  auto flatType =
      RankedTensorType::get({type.getNumElements()}, type.getElementType());
  Value flat = reshapeTo(b, loc, value, flatType);
  return reshapeTo(b, loc, flat, type);
}

Value padConstant(OpBuilder &b, Location loc, Value value,
                  ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                  Value padValue) {
  if (llvm::all_of(low, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(high, [](int64_t p) { return p == 0; }))
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  SmallVector<OpFoldResult> lowSizes, highSizes;
  for (size_t d = 0; d < shape.size(); ++d) {
    shape[d] += low[d] + high[d];
    lowSizes.push_back(b.getIndexAttr(low[d]));
    highSizes.push_back(b.getIndexAttr(high[d]));
  }
  auto paddedType = RankedTensorType::get(shape, type.getElementType());
  return tensor::PadOp::create(b, loc, paddedType, value, lowSizes, highSizes,
                               padValue);
}

Value gatherWithTables(OpBuilder &b, Location loc, Value input,
                       RankedTensorType resultType,
                       ArrayRef<IndexTable> tables) {
  MLIRContext *context = b.getContext();
  int64_t rank = resultType.getRank();
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (const IndexTable &table : tables) {
    auto type =
        RankedTensorType::get({(int64_t)table.indices.size()}, b.getI64Type());
    inputs.push_back(arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(type, ArrayRef(table.indices))));
    maps.push_back(
        AffineMap::get(rank, 0, getAffineDimExpr(table.dim, context)));
  }
  return buildGeneric(
      b, loc, resultType, inputs, maps,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        SmallVector<Value> coords(rank);
        for (auto [t, table] : llvm::enumerate(tables))
          coords[table.dim] =
              arith::IndexCastOp::create(nb, l, nb.getIndexType(), args[t]);
        for (int64_t d = 0; d < rank; ++d)
          if (!coords[d])
            coords[d] = linalg::IndexOp::create(nb, l, d);
        return (Value)tensor::ExtractOp::create(nb, l, input, coords);
      });
}

std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

} // namespace aotc
