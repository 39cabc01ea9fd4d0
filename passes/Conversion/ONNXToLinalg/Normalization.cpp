//===- Normalization.cpp - onnx to linalg: normalizations, reductions -----===//
//
// BatchNormalization (inference) is one multiply-add per element with a
// per-channel scale and shift, folded at compile time when its four
// parameters are constants. Softmax and LogSoftmax subtract the maximum
// along the axis before exponentiating. Reductions are `linalg.generic`s
// with reduction iterators over the constant axes; keepdims only reshapes
// the result. LayerNormalization, InstanceNormalization and
// MeanVarianceNormalization compute the mean and variance with the same
// reductions. ArgMax/ArgMin are one reduction with a value and an index
// result (Hardmax compares with the index); CumSum and LRN are generics with
// an extra reduction loop over the axis or the channel window.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

Value addF(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::AddFOp::create(b, loc, x, y);
}

Value maxF(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MaximumFOp::create(b, loc, x, y);
}

/// The maps for reading `x` (identity) and a tensor reduced over `axes`
/// (projection) in loops over `x`.
SmallVector<AffineMap> identityAndProjection(OpBuilder &b, int64_t rank,
                                             ArrayRef<int64_t> axes) {
  return {b.getMultiDimIdentityMap(rank),
          getProjectionMap(b.getContext(), rank, axes)};
}

/// `reduced` divided elementwise by `count`.
Value divideBy(OpBuilder &b, Location loc, Value reduced, int64_t count) {
  auto type = cast<RankedTensorType>(reduced.getType());
  Value divisor = createScalar(b, loc, type.getElementType(), count);
  return buildElementwise(
      b, loc, type, reduced, [&](OpBuilder &nb, Location l, ValueRange args) {
        return (Value)arith::DivFOp::create(nb, l, args[0], divisor);
      });
}

//===----------------------------------------------------------------------===//
// BatchNormalization
//===----------------------------------------------------------------------===//

struct BatchNormalizationLowering
    : OpConversionPattern<onnx::BatchNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::BatchNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (op.getTrainingMode() != 0)
      return emitUnsupported(op, "training mode");
    for (Value stat : {op.getRunningMean(), op.getRunningVar()})
      if (stat && !stat.use_empty())
        return emitUnsupported(op, "the running statistics outputs");
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    Type elementType = resultType.getElementType();
    if (!isa<FloatType>(elementType) || resultType.getRank() < 2)
      return emitUnsupported(op, "non-float or rank-1 inputs");
    int64_t channels = resultType.getDimSize(1);
    double epsilon = op.getEpsilon().convertToDouble();
    auto channelType = RankedTensorType::get({channels}, elementType);

    // y = x * s + t with s = scale / sqrt(var + eps), t = B - mean * s.
    Value scale, shift;
    auto params = {op.getScale(), op.getB(), op.getInputMean(),
                   op.getInputVar()};
    SmallVector<SmallVector<double>> values;
    for (Value param : params)
      if (auto doubles = getConstantDoubles(param))
        values.push_back(doubles->size() == 1
                             ? SmallVector<double>(channels, doubles->front())
                             : *doubles);
    if (values.size() == 4 &&
        llvm::all_of(values, [&](const SmallVector<double> &v) {
          return (int64_t)v.size() == channels;
        })) {
      SmallVector<double> s(channels), t(channels);
      for (int64_t c = 0; c < channels; ++c) {
        s[c] = values[0][c] / std::sqrt(values[3][c] + epsilon);
        t[c] = values[1][c] - values[2][c] * s[c];
      }
      scale = createFloatTensor(rewriter, loc, channelType, s);
      shift = createFloatTensor(rewriter, loc, channelType, t);
    } else {
      Value eps = createScalar(rewriter, loc, elementType, epsilon);
      scale = buildElementwise(
          rewriter, loc, channelType,
          {adaptor.getScale(), adaptor.getInputVar()},
          [&](OpBuilder &b, Location l, ValueRange args) {
            Value root = math::SqrtOp::create(b, l, addF(b, l, args[1], eps));
            return (Value)arith::DivFOp::create(b, l, args[0], root);
          });
      shift = buildElementwise(
          rewriter, loc, channelType,
          {adaptor.getB(), adaptor.getInputMean(), scale},
          [&](OpBuilder &b, Location l, ValueRange args) {
            Value scaledMean = arith::MulFOp::create(b, l, args[1], args[2]);
            return (Value)arith::SubFOp::create(b, l, args[0], scaledMean);
          });
    }

    MLIRContext *context = rewriter.getContext();
    int64_t rank = resultType.getRank();
    AffineMap channel =
        AffineMap::get(rank, 0, {getAffineDimExpr(1, context)}, context);
    Value result =
        buildGeneric(rewriter, loc, resultType, {adaptor.getX(), scale, shift},
                     {rewriter.getMultiDimIdentityMap(rank), channel, channel},
                     [](OpBuilder &b, Location l, ValueRange args) {
                       Value scaled =
                           arith::MulFOp::create(b, l, args[0], args[1]);
                       return addF(b, l, scaled, args[2]);
                     });
    SmallVector<Value> results = {result};
    for (Value stat : {op.getRunningMean(), op.getRunningVar()})
      if (stat)
        results.push_back(createEmpty(
            rewriter, loc, getConvertedTensorType(*getTypeConverter(), stat)));
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Softmax, LogSoftmax
//===----------------------------------------------------------------------===//

template <typename OpTy, bool isLog>
struct SoftmaxLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    auto type = cast<RankedTensorType>(x.getType());
    Type elementType = type.getElementType();
    if (!isa<FloatType>(elementType))
      return emitUnsupported(op, "non-float element types");
    int64_t rank = type.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    SmallVector<AffineMap> maps = identityAndProjection(rewriter, rank, *axis);

    Value max = buildReduction(rewriter, loc, x, *axis,
                               createLowest(rewriter, loc, elementType), maxF);
    Value exp = buildGeneric(rewriter, loc, type, {x, max}, maps,
                             [](OpBuilder &b, Location l, ValueRange args) {
                               Value shifted = arith::SubFOp::create(
                                   b, l, args[0], args[1]);
                               return (Value)math::ExpOp::create(b, l, shifted);
                             });
    Value sum =
        buildReduction(rewriter, loc, exp, *axis,
                       createScalar(rewriter, loc, elementType, 0.0), addF);
    Value result;
    if constexpr (isLog) {
      // x - max - log(sum)
      maps.push_back(maps.back());
      result = buildGeneric(
          rewriter, loc, type, {x, max, sum}, maps,
          [](OpBuilder &b, Location l, ValueRange args) {
            Value shifted = arith::SubFOp::create(b, l, args[0], args[1]);
            Value logSum = math::LogOp::create(b, l, args[2]);
            return (Value)arith::SubFOp::create(b, l, shifted, logSum);
          });
    } else {
      result = buildGeneric(rewriter, loc, type, {exp, sum}, maps,
                            [](OpBuilder &b, Location l, ValueRange args) {
                              return (Value)arith::DivFOp::create(b, l, args[0],
                                                                  args[1]);
                            });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

enum class ReduceKind {
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  SumSquare,
  L1,
  L2,
  LogSum,
  LogSumExp
};

struct ReduceEntry {
  StringLiteral opName;
  ReduceKind kind;
};

constexpr ReduceEntry kReduceOps[] = {
    {onnx::ReduceSumOp::getOperationName(), ReduceKind::Sum},
    {onnx::ReduceMeanOp::getOperationName(), ReduceKind::Mean},
    {onnx::ReduceMaxOp::getOperationName(), ReduceKind::Max},
    {onnx::ReduceMinOp::getOperationName(), ReduceKind::Min},
    {onnx::ReduceProdOp::getOperationName(), ReduceKind::Prod},
    {onnx::ReduceSumSquareOp::getOperationName(), ReduceKind::SumSquare},
    {onnx::ReduceL1Op::getOperationName(), ReduceKind::L1},
    {onnx::ReduceL2Op::getOperationName(), ReduceKind::L2},
    {onnx::ReduceLogSumOp::getOperationName(), ReduceKind::LogSum},
    {onnx::ReduceLogSumExpOp::getOperationName(), ReduceKind::LogSumExp},
};

/// Lowers the reduction named in its table entry. Operands: data, then the
/// optional constant axes.
class ReduceLowering : public ConversionPattern {
public:
  ReduceLowering(const TypeConverter &converter, MLIRContext *context,
                 const ReduceEntry &entry)
      : ConversionPattern(converter, entry.opName, /*benefit=*/1, context),
        kind(entry.kind) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op->getLoc();
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op->getResult(0));
    Value x = operands[0];
    auto type = cast<RankedTensorType>(x.getType());
    Type elementType = type.getElementType();
    bool isFloat = isa<FloatType>(elementType);
    bool isUnsigned = isUnsignedElement(op->getOperand(0));
    int64_t rank = type.getRank();
    if (!isFloat && kind != ReduceKind::Sum && kind != ReduceKind::Max &&
        kind != ReduceKind::Min && kind != ReduceKind::Prod)
      return emitUnsupported(op, "integer element types");

    // Axes: the constant operand; none or empty means all (or none, with
    // noop_with_empty_axes).
    SmallVector<int64_t> axes;
    if (op->getNumOperands() > 1) {
      std::optional<SmallVector<int64_t>> constant =
          getConstantIntegers(op->getOperand(1));
      if (!constant)
        return emitUnsupported(op, "non-constant axes");
      for (int64_t a : *constant) {
        std::optional<int64_t> axis = normalizeAxis(a, rank);
        if (!axis)
          return emitUnsupported(op, "axis out of range");
        axes.push_back(*axis);
      }
    }
    if (axes.empty()) {
      auto noop = op->getAttrOfType<IntegerAttr>("noop_with_empty_axes");
      if (noop && noop.getInt() != 0) {
        rewriter.replaceOp(op, x);
        return success();
      }
      for (int64_t d = 0; d < rank; ++d)
        axes.push_back(d);
    }
    llvm::sort(axes);
    axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
    int64_t count = 1;
    for (int64_t a : axes)
      count *= type.getDimSize(a);

    Value result;
    if (kind == ReduceKind::LogSumExp) {
      // max + log(sum(exp(x - max)))
      SmallVector<AffineMap> maps = identityAndProjection(rewriter, rank, axes);
      Value max =
          buildReduction(rewriter, loc, x, axes,
                         createLowest(rewriter, loc, elementType), maxF);
      Value exp =
          buildGeneric(rewriter, loc, type, {x, max}, maps,
                       [](OpBuilder &b, Location l, ValueRange args) {
                         Value shifted =
                             arith::SubFOp::create(b, l, args[0], args[1]);
                         return (Value)math::ExpOp::create(b, l, shifted);
                       });
      Value sum =
          buildReduction(rewriter, loc, exp, axes,
                         createScalar(rewriter, loc, elementType, 0.0), addF);
      result = buildElementwise(
          rewriter, loc, cast<RankedTensorType>(sum.getType()), {sum, max},
          [](OpBuilder &b, Location l, ValueRange args) {
            return addF(b, l, math::LogOp::create(b, l, args[0]), args[1]);
          });
    } else {
      result =
          buildReduction(rewriter, loc, x, axes,
                         createInit(rewriter, loc, elementType, isUnsigned),
                         [&](OpBuilder &b, Location l, Value in, Value acc) {
                           return combine(b, l, in, acc, isUnsigned);
                         });
      result = finish(rewriter, loc, result, count);
    }
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, result, resultType));
    return success();
  }

private:
  Value createInit(OpBuilder &b, Location loc, Type type,
                   bool isUnsigned) const {
    switch (kind) {
    case ReduceKind::Max:
      return createLowest(b, loc, type, isUnsigned);
    case ReduceKind::Min:
      return createHighest(b, loc, type, isUnsigned);
    case ReduceKind::Prod:
      return createScalar(b, loc, type, 1.0);
    default:
      return createScalar(b, loc, type, 0.0);
    }
  }

  Value combine(OpBuilder &b, Location loc, Value in, Value acc,
                bool isUnsigned) const {
    bool isFloat = isa<FloatType>(in.getType());
    switch (kind) {
    case ReduceKind::Max:
      if (isFloat)
        return arith::MaximumFOp::create(b, loc, in, acc);
      return isUnsigned ? (Value)arith::MaxUIOp::create(b, loc, in, acc)
                        : (Value)arith::MaxSIOp::create(b, loc, in, acc);
    case ReduceKind::Min:
      if (isFloat)
        return arith::MinimumFOp::create(b, loc, in, acc);
      return isUnsigned ? (Value)arith::MinUIOp::create(b, loc, in, acc)
                        : (Value)arith::MinSIOp::create(b, loc, in, acc);
    case ReduceKind::Prod:
      if (isFloat)
        return arith::MulFOp::create(b, loc, in, acc);
      return arith::MulIOp::create(b, loc, in, acc);
    case ReduceKind::SumSquare:
    case ReduceKind::L2:
      return addF(b, loc, arith::MulFOp::create(b, loc, in, in), acc);
    case ReduceKind::L1:
      return addF(b, loc, math::AbsFOp::create(b, loc, in), acc);
    default:
      if (isFloat)
        return addF(b, loc, in, acc);
      return arith::AddIOp::create(b, loc, in, acc);
    }
  }

  Value finish(OpBuilder &b, Location loc, Value reduced, int64_t count) const {
    auto type = cast<RankedTensorType>(reduced.getType());
    switch (kind) {
    case ReduceKind::Mean:
      return divideBy(b, loc, reduced, count);
    case ReduceKind::L2:
      return buildElementwise(b, loc, type, reduced,
                              [](OpBuilder &nb, Location l, ValueRange args) {
                                return (Value)math::SqrtOp::create(nb, l,
                                                                   args[0]);
                              });
    case ReduceKind::LogSum:
      return buildElementwise(b, loc, type, reduced,
                              [](OpBuilder &nb, Location l, ValueRange args) {
                                return (Value)math::LogOp::create(nb, l,
                                                                  args[0]);
                              });
    default:
      return reduced;
    }
  }

  ReduceKind kind;
};

//===----------------------------------------------------------------------===//
// LayerNormalization, InstanceNormalization
//===----------------------------------------------------------------------===//

/// The normalized tensor and the statistics it used, reduced over the
/// normalized axes.
struct Normalized {
  Value result, mean, invStdDev;
};

/// (x - mean) / sqrt(var + eps) * scale + bias with mean and variance over
/// `axes`; `scale` and `bias` (optional) are read with the given maps.
Normalized normalize(OpBuilder &b, Location loc, Value x,
                     ArrayRef<int64_t> axes, double epsilon, Value scale,
                     AffineMap scaleMap, Value bias, AffineMap biasMap) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elementType = type.getElementType();
  int64_t rank = type.getRank();
  int64_t count = 1;
  for (int64_t a : axes)
    count *= type.getDimSize(a);
  SmallVector<AffineMap> maps = identityAndProjection(b, rank, axes);
  Value zero = createScalar(b, loc, elementType, 0.0);

  Value mean =
      divideBy(b, loc, buildReduction(b, loc, x, axes, zero, addF), count);
  Value squares =
      buildGeneric(b, loc, type, {x, mean}, maps,
                   [](OpBuilder &nb, Location l, ValueRange args) {
                     Value d = arith::SubFOp::create(nb, l, args[0], args[1]);
                     return (Value)arith::MulFOp::create(nb, l, d, d);
                   });
  Value variance = divideBy(
      b, loc, buildReduction(b, loc, squares, axes, zero, addF), count);
  Value eps = createScalar(b, loc, elementType, epsilon);
  Value invStd = buildElementwise(
      b, loc, cast<RankedTensorType>(variance.getType()), variance,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value root = math::SqrtOp::create(nb, l, addF(nb, l, args[0], eps));
        Value one = createScalar(nb, l, root.getType(), 1.0);
        return (Value)arith::DivFOp::create(nb, l, one, root);
      });

  SmallVector<Value> inputs = {x, mean, invStd, scale};
  SmallVector<AffineMap> inputMaps = {maps[0], maps[1], maps[1], scaleMap};
  if (bias) {
    inputs.push_back(bias);
    inputMaps.push_back(biasMap);
  }
  Value result = buildGeneric(
      b, loc, type, inputs, inputMaps,
      [](OpBuilder &nb, Location l, ValueRange args) {
        Value centered = arith::SubFOp::create(nb, l, args[0], args[1]);
        Value normalized = arith::MulFOp::create(nb, l, centered, args[2]);
        Value scaled = arith::MulFOp::create(nb, l, normalized, args[3]);
        if (args.size() < 5)
          return scaled;
        return addF(nb, l, scaled, args[4]);
      });
  return {result, mean, invStd};
}

struct LayerNormalizationLowering
    : OpConversionPattern<onnx::LayerNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LayerNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto type = cast<RankedTensorType>(x.getType());
    if (!isa<FloatType>(type.getElementType()))
      return emitUnsupported(op, "non-float element types");
    int64_t rank = type.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    SmallVector<int64_t> axes;
    for (int64_t d = *axis; d < rank; ++d)
      axes.push_back(d);
    auto mapFor = [&](Value v) {
      if (!v)
        return AffineMap();
      return getBroadcastMap(rewriter.getContext(),
                             cast<RankedTensorType>(v.getType()).getShape(),
                             type.getShape());
    };
    Normalized normalized =
        normalize(rewriter, loc, x, axes, op.getEpsilon().convertToDouble(),
                  adaptor.getScale(), mapFor(adaptor.getScale()),
                  adaptor.getB(), mapFor(adaptor.getB()));
    // Mean and InvStdDev keep the normalized axes as unit dimensions.
    SmallVector<Value> results = {normalized.result};
    Value statistics[] = {normalized.mean, normalized.invStdDev};
    for (unsigned i = 1; i < op->getNumResults(); ++i)
      results.push_back(reshapeTo(
          rewriter, loc, statistics[i - 1],
          getConvertedTensorType(*getTypeConverter(), op->getResult(i))));
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct InstanceNormalizationLowering
    : OpConversionPattern<onnx::InstanceNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::InstanceNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value x = adaptor.getInput();
    auto type = cast<RankedTensorType>(x.getType());
    if (!isa<FloatType>(type.getElementType()) || type.getRank() < 3)
      return emitUnsupported(op, "non-float or rank below 3 inputs");
    int64_t rank = type.getRank();
    SmallVector<int64_t> axes;
    for (int64_t d = 2; d < rank; ++d)
      axes.push_back(d);
    MLIRContext *context = rewriter.getContext();
    AffineMap channel =
        AffineMap::get(rank, 0, {getAffineDimExpr(1, context)}, context);
    rewriter.replaceOp(op, normalize(rewriter, op.getLoc(), x, axes,
                                     op.getEpsilon().convertToDouble(),
                                     adaptor.getScale(), channel,
                                     adaptor.getB(), channel)
                               .result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// ArgMax, ArgMin
//===----------------------------------------------------------------------===//

/// MeanVarianceNormalization: (x - mean) / (sqrt(variance) + 1e-9) over the
/// axes (default 0, 2, 3), as the ONNX function body defines it.
struct MeanVarianceNormalizationLowering
    : OpConversionPattern<onnx::MeanVarianceNormalizationOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::MeanVarianceNormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getX();
    auto type = cast<RankedTensorType>(x.getType());
    Type elementType = type.getElementType();
    int64_t rank = type.getRank();
    if (!isa<FloatType>(elementType))
      return emitUnsupported(op, "non-float element types");
    static constexpr int64_t kDefaultAxes[] = {0, 2, 3};
    SmallVector<int64_t> axes;
    for (int64_t a : op.getAxes().value_or(ArrayRef<int64_t>(kDefaultAxes))) {
      std::optional<int64_t> axis = normalizeAxis(a, rank);
      if (!axis)
        return emitUnsupported(op, "axis out of range");
      axes.push_back(*axis);
    }
    llvm::sort(axes);
    axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
    int64_t count = 1;
    for (int64_t a : axes)
      count *= type.getDimSize(a);
    SmallVector<AffineMap> maps = identityAndProjection(rewriter, rank, axes);
    Value zero = createScalar(rewriter, loc, elementType, 0.0);
    Value mean =
        divideBy(rewriter, loc,
                 buildReduction(rewriter, loc, x, axes, zero, addF), count);
    Value squares =
        buildGeneric(rewriter, loc, type, {x, mean}, maps,
                     [](OpBuilder &b, Location l, ValueRange args) {
                       Value d = arith::SubFOp::create(b, l, args[0], args[1]);
                       return (Value)arith::MulFOp::create(b, l, d, d);
                     });
    Value variance = divideBy(
        rewriter, loc, buildReduction(rewriter, loc, squares, axes, zero, addF),
        count);
    maps.push_back(maps.back());
    Value result = buildGeneric(
        rewriter, loc, type, {x, mean, variance}, maps,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value centered = arith::SubFOp::create(b, l, args[0], args[1]);
          Value std = math::SqrtOp::create(b, l, args[2]);
          Value denominator =
              addF(b, l, std, createScalar(b, l, elementType, 1e-9));
          return (Value)arith::DivFOp::create(b, l, centered, denominator);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The index of the maximum (`isMax`) or minimum of `x` along `axis`, as
/// i64 without that dimension: one reduction generic with two results, the
/// best value so far and its index; ties keep the first index unless `last`.
Value buildArgReduce(OpBuilder &b, Location loc, Value x, int64_t axis,
                     bool isMax, bool last, bool isUnsigned) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elementType = type.getElementType();
  bool isFloat = isa<FloatType>(elementType);
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<utils::IteratorType> iterators;
  for (int64_t d = 0; d < rank; ++d) {
    iterators.push_back(d == axis ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
    if (d != axis)
      shape.push_back(type.getDimSize(d));
  }
  auto valueType = RankedTensorType::get(shape, elementType);
  auto indexType = RankedTensorType::get(shape, b.getI64Type());
  Value start = isMax ? createLowest(b, loc, elementType, isUnsigned)
                      : createHighest(b, loc, elementType, isUnsigned);
  Value values = createFilled(b, loc, valueType, start);
  Value indices = createFilled(b, loc, indexType,
                               createScalar(b, loc, b.getI64Type(), 0.0));
  AffineMap reducedMap = getProjectionMap(b.getContext(), rank, axis);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{valueType, indexType}, ValueRange{x},
      ValueRange{values, indices},
      {b.getMultiDimIdentityMap(rank), reducedMap, reducedMap}, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value in = args[0], best = args[1], bestIndex = args[2];
        Value better;
        if (isFloat) {
          arith::CmpFPredicate predicate =
              isMax ? (last ? arith::CmpFPredicate::OGE
                            : arith::CmpFPredicate::OGT)
                    : (last ? arith::CmpFPredicate::OLE
                            : arith::CmpFPredicate::OLT);
          better = arith::CmpFOp::create(nb, l, predicate, in, best);
        } else {
          arith::CmpIPredicate predicate =
              isMax ? (last ? (isUnsigned ? arith::CmpIPredicate::uge
                                          : arith::CmpIPredicate::sge)
                            : (isUnsigned ? arith::CmpIPredicate::ugt
                                          : arith::CmpIPredicate::sgt))
                    : (last ? (isUnsigned ? arith::CmpIPredicate::ule
                                          : arith::CmpIPredicate::sle)
                            : (isUnsigned ? arith::CmpIPredicate::ult
                                          : arith::CmpIPredicate::slt));
          better = arith::CmpIOp::create(nb, l, predicate, in, best);
        }
        Value index = arith::IndexCastOp::create(
            nb, l, nb.getI64Type(), linalg::IndexOp::create(nb, l, axis));
        Value newBest = arith::SelectOp::create(nb, l, better, in, best);
        Value newIndex =
            arith::SelectOp::create(nb, l, better, index, bestIndex);
        linalg::YieldOp::create(nb, l, ValueRange{newBest, newIndex});
      });
  return generic.getResult(1);
}

template <typename OpTy, bool isMax>
struct ArgReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*this->getTypeConverter(), op.getReduced());
    Value x = adaptor.getData();
    int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    Value indices = buildArgReduce(rewriter, op.getLoc(), x, *axis, isMax,
                                   op.getSelectLastIndex() != 0,
                                   isUnsignedElement(op.getData()));
    rewriter.replaceOp(op,
                       reshapeTo(rewriter, op.getLoc(), indices, resultType));
    return success();
  }
};

/// Hardmax: 1 at the first maximum along the axis, 0 elsewhere.
struct HardmaxLowering : OpConversionPattern<onnx::HardmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::HardmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    auto type = cast<RankedTensorType>(x.getType());
    int64_t rank = type.getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    Value indices = buildArgReduce(rewriter, loc, x, *axis, /*isMax=*/true,
                                   /*last=*/false, /*isUnsigned=*/false);
    AffineMap reduced = getProjectionMap(rewriter.getContext(), rank, *axis);
    Type elementType = type.getElementType();
    Value result = buildGeneric(
        rewriter, loc, type, indices, reduced,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value index = arith::IndexCastOp::create(
              b, l, b.getI64Type(), linalg::IndexOp::create(b, l, *axis));
          Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                            index, args[0]);
          return (Value)arith::SelectOp::create(
              b, l, hit, createScalar(b, l, elementType, 1.0),
              createScalar(b, l, elementType, 0.0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// CumSum as a generic with an extra reduction loop j over the axis:
/// y[..i..] = sum over j of (j <= i ? x[..j..] : 0), with < for exclusive
/// and the comparison reversed for reverse. Quadratic in the axis length.
struct CumSumLowering : OpConversionPattern<onnx::CumSumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value x = adaptor.getX();
    auto type = cast<RankedTensorType>(x.getType());
    Type elementType = type.getElementType();
    int64_t rank = type.getRank();
    auto axisValues = getConstantIntegers(op.getAxis());
    if (!axisValues || axisValues->size() != 1)
      return emitUnsupported(op, "a non-constant axis");
    std::optional<int64_t> axis = normalizeAxis(axisValues->front(), rank);
    if (!axis)
      return emitUnsupported(op, "axis out of range");
    bool exclusive = op.getExclusive() != 0, reverse = op.getReverse() != 0;

    // Loops: the result's dimensions, then j.
    SmallVector<AffineExpr> inputExprs, outputExprs;
    for (int64_t d = 0; d < rank; ++d) {
      outputExprs.push_back(getAffineDimExpr(d, context));
      inputExprs.push_back(getAffineDimExpr(d == *axis ? rank : d, context));
    }
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value init = createFilled(rewriter, loc, type,
                              createScalar(rewriter, loc, elementType, 0.0));
    arith::CmpIPredicate predicate =
        reverse ? (exclusive ? arith::CmpIPredicate::sgt
                             : arith::CmpIPredicate::sge)
                : (exclusive ? arith::CmpIPredicate::slt
                             : arith::CmpIPredicate::sle);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{type}, ValueRange{x}, ValueRange{init},
        {AffineMap::get(rank + 1, 0, inputExprs, context),
         AffineMap::get(rank + 1, 0, outputExprs, context)},
        iterators, [&](OpBuilder &b, Location l, ValueRange args) {
          Value i = linalg::IndexOp::create(b, l, *axis);
          Value j = linalg::IndexOp::create(b, l, rank);
          Value take = arith::CmpIOp::create(b, l, predicate, j, i);
          Value zero = createScalar(b, l, elementType, 0.0);
          Value term = arith::SelectOp::create(b, l, take, args[0], zero);
          Value sum = isa<FloatType>(elementType)
                          ? (Value)arith::AddFOp::create(b, l, args[1], term)
                          : (Value)arith::AddIOp::create(b, l, args[1], term);
          linalg::YieldOp::create(b, l, sum);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// LRN: x / (bias + alpha / size * (sum of x^2 over a window of channels))
/// ^ beta. The squares are padded with zeros along the channels and summed
/// by a generic with a reduction loop over the window.
struct LRNLowering : OpConversionPattern<onnx::LRNOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::LRNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value x = adaptor.getX();
    auto type = cast<RankedTensorType>(x.getType());
    Type elementType = type.getElementType();
    int64_t rank = type.getRank();
    int64_t size = op.getSize();
    if (!isa<FloatType>(elementType) || rank < 3 || size < 1)
      return emitUnsupported(op, "non-float or rank below 3 inputs");
    Value squares = buildElementwise(
        rewriter, loc, type, x, [](OpBuilder &b, Location l, ValueRange args) {
          return (Value)arith::MulFOp::create(b, l, args[0], args[0]);
        });
    SmallVector<int64_t> low(rank, 0), high(rank, 0);
    low[1] = (size - 1) / 2;
    high[1] = size - 1 - low[1];
    Value padded = padConstant(rewriter, loc, squares, low, high,
                               createScalar(rewriter, loc, elementType, 0.0));
    // Loops: the result's dimensions, then the window position k.
    SmallVector<AffineExpr> inputExprs, outputExprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr dim = getAffineDimExpr(d, context);
      outputExprs.push_back(dim);
      inputExprs.push_back(d == 1 ? dim + getAffineDimExpr(rank, context)
                                  : dim);
    }
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value init = createFilled(rewriter, loc, type,
                              createScalar(rewriter, loc, elementType, 0.0));
    // The window tensor only gives the reduction loop its extent.
    Value window = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{size}, elementType);
    auto sums = linalg::GenericOp::create(
        rewriter, loc, TypeRange{type}, ValueRange{padded, window},
        ValueRange{init},
        {AffineMap::get(rank + 1, 0, inputExprs, context),
         AffineMap::get(rank + 1, 0, getAffineDimExpr(rank, context)),
         AffineMap::get(rank + 1, 0, outputExprs, context)},
        iterators, [&](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(b, l, addF(b, l, args[2], args[0]));
        });
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    double bias = op.getBias().convertToDouble();
    Value result = buildElementwise(
        rewriter, loc, type, {x, sums.getResult(0)},
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value scaled = arith::MulFOp::create(
              b, l, args[1], createScalar(b, l, elementType, alpha / size));
          Value base =
              addF(b, l, scaled, createScalar(b, l, elementType, bias));
          Value denominator = math::PowFOp::create(
              b, l, base, createScalar(b, l, elementType, beta));
          return (Value)arith::DivFOp::create(b, l, args[0], denominator);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void aotc::populateNormalizationPatterns(TypeConverter &converter,
                                         RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<
      BatchNormalizationLowering, SoftmaxLowering<onnx::SoftmaxOp, false>,
      SoftmaxLowering<onnx::LogSoftmaxOp, true>, LayerNormalizationLowering,
      InstanceNormalizationLowering, ArgReduceLowering<onnx::ArgMaxOp, true>,
      ArgReduceLowering<onnx::ArgMinOp, false>, HardmaxLowering, CumSumLowering,
      LRNLowering, MeanVarianceNormalizationLowering>(converter, context);
  for (const ReduceEntry &entry : kReduceOps)
    patterns.add<ReduceLowering>(converter, context, entry);
}
