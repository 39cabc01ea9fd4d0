//===- DataMovement.cpp - onnx to linalg: constants and data movement -----===//
//
// Constants become `arith.constant`s that keep their attribute (a dense
// resource stays a reference to the weight bytes). Reshape, Flatten, Squeeze
// and Unsqueeze only regroup dimensions, so they become
// `tensor.collapse_shape`/`expand_shape` to the static result type. Slices,
// Gather with a scalar or a contiguous run of constant indices, Split and
// Concat are `tensor` slice ops; Transpose is `linalg.transpose`, and
// DepthToSpace/SpaceToDepth a transpose between reshapes; Expand, Tile,
// Trilu, OneHot, negative-step slices, general Gathers and GatherElements
// are `linalg.generic`s; Pad is `tensor.pad` in constant mode and a gather
// through compile-time index tables in edge and reflect mode. Shape-valued
// ops and EyeLike on static types fold to constants.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace aotc;

namespace {

SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

/// `tensor.extract_slice` of `source` with static offsets, sizes and strides,
/// to `resultType` (which may drop unit dimensions).
Value extractSlice(OpBuilder &b, Location loc, RankedTensorType resultType,
                   Value source, ArrayRef<int64_t> offsets,
                   ArrayRef<int64_t> sizes, ArrayRef<int64_t> strides) {
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, source, indexAttrs(b, offsets), indexAttrs(b, sizes),
      indexAttrs(b, strides));
}

/// The 1-D i64 constant tensor holding `values`.
Value createI64Tensor(OpBuilder &b, Location loc, ArrayRef<int64_t> values,
                      RankedTensorType type) {
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, values));
}

//===----------------------------------------------------------------------===//
// Constant
//===----------------------------------------------------------------------===//

struct ConstantLowering : OpConversionPattern<onnx::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedTensorType(*getTypeConverter(), op.getOutput());
    Attribute value = op.getValue();
    TypedAttr converted;
    if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
      converted = dense.getType() == type
                      ? dense
                      : dense.bitcast(type.getElementType()).reshape(type);
    } else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value);
               resource && resource.getType().getRank() == 0) {
      // A 0-d global is lowered to LLVM through its splat value, which a
      // dense resource cannot give (a scalar quantization scale, say): the
      // one element is copied inline instead.
      DenseElementsAttr dense = onnx::toDenseElements(resource, 1);
      if (!dense)
        return emitUnsupported(op, "a scalar dense resource without its data");
      converted = dense.bitcast(type.getElementType()).reshape(type);
    } else if (resource) {
      // The same blob handle under the signless type: no byte is copied.
      converted =
          resource.getType() == type
              ? resource
              : DenseResourceElementsAttr::get(type, resource.getRawHandle());
    } else {
      return emitUnsupported(op, "a value that is neither dense elements nor "
                                 "a dense resource");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, converted);
    return success();
  }
};

/// Shape, Size and ConstantOfShape on static types: constants.
struct ShapeLowering : OpConversionPattern<onnx::ShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedTensorType(*getTypeConverter(), op.getShape());
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(adaptor.getData().getType()).getShape();
    int64_t rank = shape.size();
    auto clampAxis = [&](int64_t a) {
      a = a < 0 ? a + rank : a;
      return std::clamp<int64_t>(a, 0, rank);
    };
    int64_t start = clampAxis(op.getStart());
    int64_t end = op.getEnd() ? clampAxis(*op.getEnd()) : rank;
    SmallVector<int64_t> values(shape.begin() + start,
                                shape.begin() + std::max(start, end));
    if ((int64_t)values.size() != type.getNumElements())
      return emitUnsupported(op, "a result type that disagrees with start/end");
    rewriter.replaceOp(op,
                       createI64Tensor(rewriter, op.getLoc(), values, type));
    return success();
  }
};

struct SizeLowering : OpConversionPattern<onnx::SizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedTensorType(*getTypeConverter(), op.getSize());
    int64_t size =
        cast<RankedTensorType>(adaptor.getData().getType()).getNumElements();
    rewriter.replaceOp(op, createI64Tensor(rewriter, op.getLoc(), size, type));
    return success();
  }
};

struct ConstantOfShapeLowering : OpConversionPattern<onnx::ConstantOfShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConstantOfShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = getConvertedTensorType(*getTypeConverter(), op.getOutput());
    Type elementType = type.getElementType();
    Attribute element;
    if (std::optional<ElementsAttr> value = op.getValue()) {
      // The value may be a dense resource (a tensor attribute's raw data).
      DenseElementsAttr dense = onnx::toDenseElements(*value, 1);
      if (!dense || dense.getNumElements() != 1)
        return emitUnsupported(op, "a value that is not one dense element");
      if (isa<FloatType>(elementType))
        element = FloatAttr::get(elementType, dense.getSplatValue<APFloat>());
      else
        element = IntegerAttr::get(elementType, dense.getSplatValue<APInt>());
    } else {
      element = rewriter.getZeroAttr(elementType);
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, type, DenseElementsAttr::get(type, element));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

/// Reshape, Flatten, Squeeze, Unsqueeze: operand 0 regrouped to the result
/// type; the other operands (shape, axes) only determined that type.
class ReshapeLikeLowering : public ConversionPattern {
public:
  ReshapeLikeLowering(const TypeConverter &converter, MLIRContext *context,
                      StringRef opName)
      : ConversionPattern(converter, opName, /*benefit=*/1, context) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op->getResult(0));
    auto sourceType = cast<RankedTensorType>(operands[0].getType());
    if (sourceType.getNumElements() != resultType.getNumElements())
      return emitUnsupported(op, "a result with a different element count");
    rewriter.replaceOp(
        op, reshapeTo(rewriter, op->getLoc(), operands[0], resultType));
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<onnx::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getTransposed());
    int64_t rank = resultType.getRank();
    SmallVector<int64_t> perm;
    if (std::optional<ArrayRef<int64_t>> attr = op.getPerm())
      perm.assign(attr->begin(), attr->end());
    else
      for (int64_t d = rank - 1; d >= 0; --d)
        perm.push_back(d);
    if (llvm::equal(perm, llvm::seq<int64_t>(0, rank))) {
      rewriter.replaceOp(op, adaptor.getData());
      return success();
    }
    Value init = createEmpty(rewriter, op.getLoc(), resultType);
    rewriter.replaceOp(op, linalg::TransposeOp::create(rewriter, op.getLoc(),
                                                       adaptor.getData(), init,
                                                       perm)
                               .getResult());
    return success();
  }
};

/// `value` reshaped to `shape`, permuted by `perm`, reshaped to `type`.
Value reshapeTransposeReshape(OpBuilder &b, Location loc, Value value,
                              ArrayRef<int64_t> shape, ArrayRef<int64_t> perm,
                              RankedTensorType type) {
  Type elementType = type.getElementType();
  Value split =
      reshapeTo(b, loc, value, RankedTensorType::get(shape, elementType));
  SmallVector<int64_t> permuted;
  for (int64_t p : perm)
    permuted.push_back(shape[p]);
  Value init =
      createEmpty(b, loc, RankedTensorType::get(permuted, elementType));
  Value transposed =
      linalg::TransposeOp::create(b, loc, split, init, perm).getResult()[0];
  return reshapeTo(b, loc, transposed, type);
}

/// DepthToSpace (DCR or CRD) and SpaceToDepth: a reshape that splits the
/// block out of one dimension, a transpose, and a reshape that merges it
/// into the other.
struct DepthToSpaceLowering : OpConversionPattern<onnx::DepthToSpaceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::DepthToSpaceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    auto type = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t b = op.getBlocksize();
    if (type.getRank() != 4 || b < 1 || type.getDimSize(1) % (b * b))
      return emitUnsupported(op, "a non-4-D input or a bad blocksize");
    int64_t n = type.getDimSize(0), c = type.getDimSize(1) / (b * b);
    int64_t h = type.getDimSize(2), w = type.getDimSize(3);
    bool crd = op.getMode() == "CRD";
    SmallVector<int64_t> shape = crd ? SmallVector<int64_t>{n, c, b, b, h, w}
                                     : SmallVector<int64_t>{n, b, b, c, h, w};
    SmallVector<int64_t> perm = crd ? SmallVector<int64_t>{0, 1, 4, 2, 5, 3}
                                    : SmallVector<int64_t>{0, 3, 4, 1, 5, 2};
    rewriter.replaceOp(op, reshapeTransposeReshape(rewriter, op.getLoc(),
                                                   adaptor.getInput(), shape,
                                                   perm, resultType));
    return success();
  }
};

struct SpaceToDepthLowering : OpConversionPattern<onnx::SpaceToDepthOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SpaceToDepthOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    auto type = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t b = op.getBlocksize();
    if (type.getRank() != 4 || b < 1 || type.getDimSize(2) % b ||
        type.getDimSize(3) % b)
      return emitUnsupported(op, "a non-4-D input or a bad blocksize");
    int64_t n = type.getDimSize(0), c = type.getDimSize(1);
    int64_t h = type.getDimSize(2) / b, w = type.getDimSize(3) / b;
    rewriter.replaceOp(
        op, reshapeTransposeReshape(rewriter, op.getLoc(), adaptor.getInput(),
                                    {n, c, h, b, w, b}, {0, 3, 5, 1, 2, 4},
                                    resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Slicing and joining
//===----------------------------------------------------------------------===//

struct ConcatLowering : OpConversionPattern<onnx::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getConcatResult());
    int64_t rank = resultType.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    Value result = createEmpty(rewriter, loc, resultType);
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      auto type = cast<RankedTensorType>(input.getType());
      int64_t size = type.getDimSize(*axis);
      if (size == 0)
        continue;
      SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
      offsets[*axis] = offset;
      result = tensor::InsertSliceOp::create(
          rewriter, loc, input, result, indexAttrs(rewriter, offsets),
          indexAttrs(rewriter, type.getShape()), indexAttrs(rewriter, strides));
      offset += size;
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SplitLowering : OpConversionPattern<onnx::SplitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    int64_t covered = 0;
    for (Value output : op.getOutputs())
      covered += cast<RankedTensorType>(output.getType()).getDimSize(*axis);
    if (covered != inputType.getDimSize(*axis))
      return emitUnsupported(op, "outputs that do not cover the input");
    SmallVector<Value> results;
    int64_t offset = 0;
    for (Value output : op.getOutputs()) {
      RankedTensorType type =
          getConvertedTensorType(*getTypeConverter(), output);
      SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
      offsets[*axis] = offset;
      offset += type.getDimSize(*axis);
      // An empty part (a zero split): no slice, whose offset may be past
      // the end.
      if (type.getNumElements() == 0) {
        results.push_back(tensor::EmptyOp::create(
            rewriter, loc, type.getShape(), type.getElementType()));
        continue;
      }
      results.push_back(extractSlice(rewriter, loc, type, adaptor.getInput(),
                                     offsets, type.getShape(), strides));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// `value` reversed along `dims` by a generic whose input map reads
/// `size - 1 - d` on those dimensions.
Value reverse(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(value.getType());
  MLIRContext *context = b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    AffineExpr dim = getAffineDimExpr(d, context);
    exprs.push_back(llvm::is_contained(dims, d) ? type.getDimSize(d) - 1 - dim
                                                : dim);
  }
  AffineMap map = AffineMap::get(type.getRank(), 0, exprs, context);
  return buildGeneric(
      b, loc, type, value, map,
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

struct SliceLowering : OpConversionPattern<onnx::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    auto type = cast<RankedTensorType>(adaptor.getData().getType());
    int64_t rank = type.getRank();
    auto starts = getConstantIntegers(op.getStarts());
    auto ends = getConstantIntegers(op.getEnds());
    if (!starts || !ends)
      return emitUnsupported(op, "non-constant starts or ends");
    SmallVector<int64_t> axes, steps(starts->size(), 1);
    if (Value axesValue = op.getAxes()) {
      auto constant = getConstantIntegers(axesValue);
      if (!constant)
        return emitUnsupported(op, "non-constant axes");
      axes = *constant;
    } else {
      for (int64_t a = 0; a < (int64_t)starts->size(); ++a)
        axes.push_back(a);
    }
    if (Value stepsValue = op.getSteps()) {
      auto constant = getConstantIntegers(stepsValue);
      if (!constant)
        return emitUnsupported(op, "non-constant steps");
      steps = *constant;
    }
    if (ends->size() != starts->size() || axes.size() != starts->size() ||
        steps.size() != starts->size())
      return emitUnsupported(op, "starts, ends, axes and steps of different "
                                 "lengths");

    SmallVector<int64_t> offsets(rank, 0), strides(rank, 1), flipped;
    SmallVector<int64_t> sizes(type.getShape());
    for (size_t i = 0; i < starts->size(); ++i) {
      std::optional<int64_t> axis = normalizeAxis(axes[i], rank);
      if (!axis)
        return emitUnsupported(op, "axis out of range");
      int64_t dim = type.getDimSize(*axis);
      int64_t start = (*starts)[i], end = (*ends)[i], step = steps[i];
      if (step == 0)
        return emitUnsupported(op, "a zero step");
      if (start < 0)
        start += dim;
      if (end < 0)
        end += dim;
      int64_t count;
      if (step > 0) {
        start = std::clamp<int64_t>(start, 0, dim);
        end = std::clamp<int64_t>(end, 0, dim);
        count = end > start ? (end - start + step - 1) / step : 0;
      } else {
        start = std::clamp<int64_t>(start, 0, dim - 1);
        end = std::clamp<int64_t>(end, -1, dim - 1);
        count = start > end ? (start - end - step - 1) / -step : 0;
      }
      if (count != resultType.getDimSize(*axis))
        return emitUnsupported(op, "a result type that disagrees with the "
                                   "slice bounds");
      sizes[*axis] = count;
      if (count == 0)
        continue;
      if (step > 0) {
        offsets[*axis] = start;
        strides[*axis] = step;
      } else {
        offsets[*axis] = start + (count - 1) * step;
        strides[*axis] = -step;
        flipped.push_back(*axis);
      }
    }
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op, createEmpty(rewriter, loc, resultType));
      return success();
    }
    Value result = extractSlice(rewriter, loc, resultType, adaptor.getData(),
                                offsets, sizes, strides);
    if (!flipped.empty())
      result = reverse(rewriter, loc, result, flipped);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Maps an ONNX index in [-size, size) to [0, size). Any other index, which
/// can come from a graph input, reads element 0 instead, so that no read
/// leaves the tensor; the entry point reports it (aotc-check-indices).
static Value getClampedIndex(OpBuilder &b, Location loc, Value rawIndex,
                             int64_t size) {
  Value index = arith::IndexCastOp::create(b, loc, b.getIndexType(), rawIndex);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value sizeValue = arith::ConstantIndexOp::create(b, loc, size);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, zero);
  Value wrapped = arith::AddIOp::create(b, loc, index, sizeValue);
  index = arith::SelectOp::create(b, loc, isNegative, wrapped, index);
  Value inRange = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, index, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index,
                            sizeValue));
  return arith::SelectOp::create(b, loc, inRange, index, zero);
}

/// With an empty indexed axis every index is out of range; the result is
/// zeros (reported by the entry point) rather than a read of nothing.
static Value createZeros(OpBuilder &b, Location loc, RankedTensorType type) {
  Value zero =
      arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  return createFilled(b, loc, type, zero);
}

struct GatherLowering : OpConversionPattern<onnx::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(adaptor.getIndices().getType());
    int64_t rank = dataType.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    int64_t dim = dataType.getDimSize(*axis);

    // Constant indices that form one ascending run: a slice.
    if (auto indices = getConstantIntegers(op.getIndices());
        indices && indicesType.getRank() <= 1 && !indices->empty()) {
      SmallVector<int64_t> normalized;
      for (int64_t i : *indices)
        normalized.push_back(i < 0 ? i + dim : i);
      bool contiguous = true;
      for (size_t i = 1; i < normalized.size(); ++i)
        contiguous &= normalized[i] == normalized[0] + (int64_t)i;
      if (contiguous && normalized[0] >= 0 && normalized.back() < dim) {
        SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
        SmallVector<int64_t> sizes(dataType.getShape());
        offsets[*axis] = normalized[0];
        sizes[*axis] = normalized.size();
        rewriter.replaceOp(op, extractSlice(rewriter, loc, resultType, data,
                                            offsets, sizes, strides));
        return success();
      }
    }

    if (dim == 0) {
      rewriter.replaceOp(op, createZeros(rewriter, loc, resultType));
      return success();
    }
    // General case: each result element extracts from `data` at the index
    // read from `indices`.
    int64_t indicesRank = indicesType.getRank();
    int64_t resultRank = resultType.getRank();
    MLIRContext *context = rewriter.getContext();
    SmallVector<AffineExpr> indexExprs;
    for (int64_t i = 0; i < indicesRank; ++i)
      indexExprs.push_back(getAffineDimExpr(*axis + i, context));
    AffineMap indicesMap = AffineMap::get(resultRank, 0, indexExprs, context);
    Value result = buildGeneric(
        rewriter, loc, resultType, adaptor.getIndices(), indicesMap,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value index = getClampedIndex(b, l, args[0], dim);
          SmallVector<Value> coords;
          for (int64_t d = 0; d < rank; ++d) {
            if (d < *axis)
              coords.push_back(linalg::IndexOp::create(b, l, d));
            else if (d == *axis)
              coords.push_back(index);
            else
              coords.push_back(
                  linalg::IndexOp::create(b, l, d - 1 + indicesRank));
          }
          return (Value)tensor::ExtractOp::create(b, l, data, coords);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct PadLowering : OpConversionPattern<onnx::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    StringRef mode = op.getMode();
    if (mode != "constant" && mode != "edge" && mode != "reflect")
      return emitUnsupported(op, "mode '" + mode + "'");
    Value data = adaptor.getData();
    auto type = cast<RankedTensorType>(data.getType());
    int64_t rank = type.getRank();
    auto pads = getConstantIntegers(op.getPads());
    if (!pads)
      return emitUnsupported(op, "non-constant pads");
    SmallVector<int64_t> axes;
    if (Value axesValue = op.getAxes()) {
      auto constant = getConstantIntegers(axesValue);
      if (!constant)
        return emitUnsupported(op, "non-constant axes");
      for (int64_t a : *constant) {
        std::optional<int64_t> axis = normalizeAxis(a, rank);
        if (!axis)
          return emitUnsupported(op, "axis out of range");
        axes.push_back(*axis);
      }
    } else {
      for (int64_t a = 0; a < rank; ++a)
        axes.push_back(a);
    }
    if (pads->size() != 2 * axes.size())
      return emitUnsupported(op, "pads of the wrong size");
    Type elementType = type.getElementType();
    if (mode == "reflect")
      for (auto [i, axis] : llvm::enumerate(axes))
        if (std::max((*pads)[i], (*pads)[i + axes.size()]) >=
            type.getDimSize(axis))
          return emitUnsupported(op, "reflect pads as large as the input");

    // Negative pads crop first.
    SmallVector<int64_t> low(rank, 0), high(rank, 0);
    SmallVector<int64_t> offsets(rank, 0), sizes(type.getShape()),
        strides(rank, 1);
    bool crop = false;
    for (auto [i, axis] : llvm::enumerate(axes)) {
      int64_t before = (*pads)[i], after = (*pads)[i + axes.size()];
      if (before < 0) {
        offsets[axis] = -before;
        sizes[axis] += before;
        crop = true;
      } else {
        low[axis] = before;
      }
      if (after < 0) {
        sizes[axis] += after;
        crop = true;
      } else {
        high[axis] = after;
      }
    }
    if (crop)
      data =
          extractSlice(rewriter, loc, RankedTensorType::get(sizes, elementType),
                       data, offsets, sizes, strides);
    if (mode == "constant") {
      // The value: a splat constant, or read at run time from the scalar.
      Value padValue;
      if (Value constantValue = op.getConstantValue()) {
        if (TypedAttr splat = getSplatConstant(constantValue)) {
          padValue = arith::ConstantOp::create(rewriter, loc, splat);
        } else {
          auto valueType =
              cast<RankedTensorType>(adaptor.getConstantValue().getType());
          SmallVector<Value> zeros(
              valueType.getRank(),
              arith::ConstantIndexOp::create(rewriter, loc, 0));
          padValue = tensor::ExtractOp::create(
              rewriter, loc, adaptor.getConstantValue(), zeros);
        }
      } else {
        padValue = createScalar(rewriter, loc, elementType, 0.0);
      }

      rewriter.replaceOp(op,
                         padConstant(rewriter, loc, data, low, high, padValue));
      return success();
    }

    // edge and reflect: each padded dimension reads a compile-time table of
    // source indices.
    SmallVector<IndexTable> tables;
    SmallVector<int64_t> paddedShape(sizes);
    for (int64_t d = 0; d < rank; ++d) {
      if (low[d] == 0 && high[d] == 0)
        continue;
      int64_t n = sizes[d];
      paddedShape[d] = n + low[d] + high[d];
      IndexTable table{d, {}};
      for (int64_t o = 0; o < paddedShape[d]; ++o) {
        int64_t i = o - low[d];
        if (mode == "edge")
          i = std::clamp<int64_t>(i, 0, n - 1);
        else if (i < 0)
          i = -i;
        else if (i >= n)
          i = 2 * (n - 1) - i;
        table.indices.push_back(i);
      }
      tables.push_back(std::move(table));
    }
    rewriter.replaceOp(
        op, gatherWithTables(rewriter, loc, data,
                             RankedTensorType::get(paddedShape, elementType),
                             tables));
    return success();
  }
};

/// GatherElements: each result element reads `data` at its own coordinates
/// with the one along `axis` taken from `indices`.
struct GatherElementsLowering : OpConversionPattern<onnx::GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    int64_t rank = dataType.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    int64_t dim = dataType.getDimSize(*axis);
    if (dim == 0) {
      rewriter.replaceOp(op, createZeros(rewriter, op.getLoc(), resultType));
      return success();
    }
    Value result = buildGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getIndices(),
        rewriter.getMultiDimIdentityMap(rank),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value index = getClampedIndex(b, l, args[0], dim);
          SmallVector<Value> coords;
          for (int64_t d = 0; d < rank; ++d)
            coords.push_back(
                d == *axis ? index : (Value)linalg::IndexOp::create(b, l, d));
          return (Value)tensor::ExtractOp::create(b, l, data, coords);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Trilu keeps the elements on and above (upper) or on and below the k-th
/// diagonal of the last two dimensions and zeroes the others.
struct TriluLowering : OpConversionPattern<onnx::TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    int64_t rank = resultType.getRank();
    if (rank < 2)
      return emitUnsupported(op, "inputs of rank below 2");
    bool upper = op.getUpper() != 0;
    // k: a constant, or read at run time from the scalar.
    Value k;
    if (Value kOperand = op.getK()) {
      if (auto constant = getConstantIntegers(kOperand);
          constant && constant->size() == 1) {
        k = arith::ConstantIndexOp::create(rewriter, loc, constant->front());
      } else {
        auto kType = cast<RankedTensorType>(adaptor.getK().getType());
        SmallVector<Value> zeros(
            kType.getRank(), arith::ConstantIndexOp::create(rewriter, loc, 0));
        Value scalar =
            tensor::ExtractOp::create(rewriter, loc, adaptor.getK(), zeros);
        k = arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(),
                                       scalar);
      }
    } else {
      k = arith::ConstantIndexOp::create(rewriter, loc, 0);
    }
    Value result = buildElementwise(
        rewriter, loc, resultType, adaptor.getInput(),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value row = linalg::IndexOp::create(b, l, rank - 2);
          Value col = linalg::IndexOp::create(b, l, rank - 1);
          Value diagonal = arith::SubIOp::create(b, l, col, row);
          Value keep = arith::CmpIOp::create(b, l,
                                             upper ? arith::CmpIPredicate::sge
                                                   : arith::CmpIPredicate::sle,
                                             diagonal, k);
          Value zero = createScalar(b, l, args[0].getType(), 0.0);
          return (Value)arith::SelectOp::create(b, l, keep, args[0], zero);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// EyeLike on a static shape: a constant with ones on the k-th diagonal.
struct EyeLikeLowering : OpConversionPattern<onnx::EyeLikeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::EyeLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    if (type.getRank() != 2)
      return emitUnsupported(op, "a result of rank other than 2");
    Type elementType = type.getElementType();
    Attribute zero = rewriter.getZeroAttr(elementType);
    Attribute one = isa<FloatType>(elementType)
                        ? (Attribute)rewriter.getFloatAttr(elementType, 1.0)
                        : (Attribute)rewriter.getIntegerAttr(elementType, 1);
    int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
    SmallVector<Attribute> elements(rows * cols, zero);
    for (int64_t i = 0; i < rows; ++i) {
      int64_t j = i + op.getK();
      if (j >= 0 && j < cols)
        elements[i * cols + j] = one;
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, type, DenseElementsAttr::get(type, elements));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Broadcasting copies
//===----------------------------------------------------------------------===//

Value copyElement(OpBuilder &, Location, ValueRange args) { return args[0]; }

struct ExpandLowering : OpConversionPattern<onnx::ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    rewriter.replaceOp(op, buildElementwise(rewriter, op.getLoc(), resultType,
                                            adaptor.getInput(), copyElement));
    return success();
  }
};

/// Tile reads the input at `d mod size` along every dimension.
struct TileLowering : OpConversionPattern<onnx::TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    MLIRContext *context = rewriter.getContext();
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < inputType.getRank(); ++d) {
      int64_t size = inputType.getDimSize(d);
      if (size == 0)
        return emitUnsupported(op, "empty inputs");
      AffineExpr dim = getAffineDimExpr(d, context);
      exprs.push_back(size == resultType.getDimSize(d) ? dim : dim % size);
    }
    AffineMap map = AffineMap::get(inputType.getRank(), 0, exprs, context);
    rewriter.replaceOp(op, buildGeneric(rewriter, op.getLoc(), resultType,
                                        adaptor.getInput(), map, copyElement));
    return success();
  }
};

} // namespace

namespace {

/// OneHot: a generic over the result that compares the index read at the
/// other dimensions (negative ones count from depth) with the position along
/// `axis`, selecting values[1] (on) or values[0] (off).
struct OneHotLowering : OpConversionPattern<onnx::OneHotOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getOutput());
    int64_t rank = resultType.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    int64_t depth = resultType.getDimSize(*axis);
    auto valuesType = cast<RankedTensorType>(adaptor.getValues().getType());
    if (valuesType.getNumElements() != 2)
      return emitUnsupported(op, "values with other than two elements");
    Value values =
        reshapeTo(rewriter, loc, adaptor.getValues(),
                  RankedTensorType::get({2}, valuesType.getElementType()));
    auto extract = [&](int64_t i) -> Value {
      Value index = arith::ConstantIndexOp::create(rewriter, loc, i);
      return tensor::ExtractOp::create(rewriter, loc, values, index);
    };
    Value off = extract(0), on = extract(1);
    bool isUnsigned = isUnsignedElement(op.getIndices());
    Type i64 = rewriter.getI64Type();
    MLIRContext *context = rewriter.getContext();
    Value result = buildGeneric(
        rewriter, loc, resultType, adaptor.getIndices(),
        getProjectionMap(context, rank, {*axis}),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value index = args[0];
          Type type = index.getType();
          if (isa<FloatType>(type))
            index = arith::FPToSIOp::create(b, l, i64, index);
          else if (type.getIntOrFloatBitWidth() < 64)
            index = isUnsigned
                        ? arith::ExtUIOp::create(b, l, i64, index).getResult()
                        : arith::ExtSIOp::create(b, l, i64, index).getResult();
          Value zero = arith::ConstantIntOp::create(b, l, i64, 0);
          Value negative = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::slt, index, zero);
          Value wrapped = arith::AddIOp::create(
              b, l, index, arith::ConstantIntOp::create(b, l, i64, depth));
          index = arith::SelectOp::create(b, l, negative, wrapped, index);
          Value position = arith::IndexCastOp::create(
              b, l, i64, linalg::IndexOp::create(b, l, *axis));
          Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                            index, position);
          return arith::SelectOp::create(b, l, hit, on, off);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void aotc::populateDataMovementPatterns(TypeConverter &converter,
                                        RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ConstantLowering, ShapeLowering, SizeLowering,
               ConstantOfShapeLowering, TransposeLowering, ConcatLowering,
               SplitLowering, SliceLowering, GatherLowering, PadLowering,
               ExpandLowering, TileLowering, DepthToSpaceLowering,
               SpaceToDepthLowering, GatherElementsLowering, TriluLowering,
               EyeLikeLowering, OneHotLowering>(converter, context);
  for (StringRef name : {onnx::ReshapeOp::getOperationName(),
                         onnx::FlattenOp::getOperationName(),
                         onnx::SqueezeOp::getOperationName(),
                         onnx::UnsqueezeOp::getOperationName()})
    patterns.add<ReshapeLikeLowering>(converter, context, name);
}
