//===- Resize.cpp - onnx to linalg: Resize, Upsample ----------------------===//
//
// Shapes are static, so where each output coordinate reads from is known at
// compile time: per resized dimension the pattern computes a table of source
// indices (nearest) or of the two neighbours and the weight of the upper one
// (linear), following the coordinate transformation of the ONNX reference.
// One `linalg.generic` over the result reads the tables and extracts the
// input elements (nearest: gatherWithTables); dimensions that keep their size
// read their own index.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ONNXToLinalg/LoweringUtils.h"
#include "passes/Conversion/ONNXToLinalg/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

/// How output coordinates map to input coordinates and how they are
/// rounded or interpolated.
struct ResizeMode {
  bool linear = false;
  StringRef transform = "half_pixel";
  StringRef nearest = "round_prefer_floor";
};

/// The input coordinate of output coordinate `x` along a dimension.
double sourceCoordinate(const ResizeMode &mode, int64_t x, double scale,
                        int64_t inSize, int64_t outSize) {
  if (mode.transform == "asymmetric")
    return x / scale;
  // ONNX takes the resized length as inSize * scale, not rounded down (they
  // differ when scales, not sizes, are given).
  double resized = inSize * scale;
  if (mode.transform == "align_corners")
    return std::abs(resized - 1.0) < 1e-9
               ? 0.0
               : x * double(inSize - 1) / (resized - 1.0);
  if (mode.transform == "pytorch_half_pixel")
    return outSize == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
  if (mode.transform == "tf_half_pixel_for_nn")
    return (x + 0.5) / scale;
  return (x + 0.5) / scale - 0.5; // half_pixel
}

int64_t roundNearest(const ResizeMode &mode, double x) {
  if (mode.nearest == "floor")
    return std::floor(x);
  if (mode.nearest == "ceil")
    return std::ceil(x);
  if (mode.nearest == "round_prefer_ceil")
    return std::floor(x + 0.5);
  return std::ceil(x - 0.5); // round_prefer_floor
}

/// One resized dimension: for each output coordinate, the lower and upper
/// source index and the weight of the upper one (nearest: both indices
/// equal, weight 0).
struct DimTable {
  int64_t dim;
  SmallVector<int64_t> lower, upper;
  SmallVector<double> weight;
};

DimTable computeTable(const ResizeMode &mode, int64_t dim, int64_t inSize,
                      int64_t outSize, double scale) {
  DimTable table{dim, {}, {}, {}};
  auto clamp = [&](int64_t i) { return std::clamp<int64_t>(i, 0, inSize - 1); };
  for (int64_t x = 0; x < outSize; ++x) {
    double source = sourceCoordinate(mode, x, scale, inSize, outSize);
    if (!mode.linear) {
      int64_t i = clamp(roundNearest(mode, source));
      table.lower.push_back(i);
      table.upper.push_back(i);
      table.weight.push_back(0.0);
      continue;
    }
    double lowerCoord = std::floor(source);
    table.lower.push_back(clamp((int64_t)lowerCoord));
    table.upper.push_back(clamp((int64_t)lowerCoord + 1));
    table.weight.push_back(source - lowerCoord);
  }
  return table;
}

/// The resize of `input` to `resultType` with per-dimension `scales`.
Value buildResize(OpBuilder &b, Location loc, Value input,
                  RankedTensorType resultType, ArrayRef<double> scales,
                  const ResizeMode &mode) {
  auto inputType = cast<RankedTensorType>(input.getType());
  MLIRContext *context = b.getContext();
  int64_t rank = inputType.getRank();
  Type elementType = inputType.getElementType();

  SmallVector<DimTable> tables;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t inSize = inputType.getDimSize(d);
    int64_t outSize = resultType.getDimSize(d);
    DimTable table = computeTable(mode, d, inSize, outSize, scales[d]);
    bool identity =
        inSize == outSize &&
        llvm::all_of(llvm::seq<int64_t>(0, outSize), [&](int64_t x) {
          return table.lower[x] == x &&
                 (table.weight[x] == 0.0 || table.upper[x] == x);
        });
    if (!identity)
      tables.push_back(std::move(table));
  }

  if (!mode.linear) {
    SmallVector<IndexTable> indexTables;
    for (DimTable &table : tables)
      indexTables.push_back({table.dim, std::move(table.lower)});
    return gatherWithTables(b, loc, input, resultType, indexTables);
  }

  // Inputs: per resized dimension the lower indices, the upper indices and
  // the weights.
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  auto i64Type = b.getI64Type();
  for (const DimTable &table : tables) {
    int64_t size = table.lower.size();
    auto indexType = RankedTensorType::get({size}, i64Type);
    AffineMap map =
        AffineMap::get(rank, 0, getAffineDimExpr(table.dim, context));
    inputs.push_back(arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(indexType, ArrayRef(table.lower))));
    inputs.push_back(arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(indexType, ArrayRef(table.upper))));
    inputs.push_back(createFloatTensor(
        b, loc, RankedTensorType::get({size}, elementType), table.weight));
    maps.append(3, map);
  }

  return buildGeneric(
      b, loc, resultType, inputs, maps,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        // Dimensions that keep their size read at the output coordinate;
        // resized ones are filled in from the tables.
        SmallVector<Value> coords(rank);
        for (int64_t d = 0; d < rank; ++d)
          if (llvm::none_of(tables,
                            [&](const DimTable &t) { return t.dim == d; }))
            coords[d] = linalg::IndexOp::create(nb, l, d);
        constexpr unsigned perTable = 3;
        auto toIndex = [&](Value v) -> Value {
          return arith::IndexCastOp::create(nb, l, nb.getIndexType(), v);
        };
        // Sum over the 2^k corners of the resized dimensions.
        Value one = createScalar(nb, l, elementType, 1.0);
        Value sum;
        for (unsigned corner = 0; corner < (1u << tables.size()); ++corner) {
          SmallVector<Value> at(coords);
          Value weight;
          for (auto [t, table] : llvm::enumerate(tables)) {
            bool upper = corner & (1u << t);
            at[table.dim] = toIndex(args[t * perTable + (upper ? 1 : 0)]);
            Value w = args[t * perTable + 2];
            if (!upper)
              w = arith::SubFOp::create(nb, l, one, w);
            weight =
                weight ? (Value)arith::MulFOp::create(nb, l, weight, w) : w;
          }
          Value element = tensor::ExtractOp::create(nb, l, input, at);
          Value term = arith::MulFOp::create(nb, l, element, weight);
          sum = sum ? (Value)arith::AddFOp::create(nb, l, sum, term) : term;
        }
        return sum;
      });
}

/// The scale of each dimension: the constant scales operand when given and
/// not empty, else output size over input size.
SmallVector<double> getScales(Value scalesOperand, RankedTensorType inputType,
                              RankedTensorType resultType) {
  if (scalesOperand)
    if (auto scales = getConstantDoubles(scalesOperand);
        scales && (int64_t)scales->size() == inputType.getRank())
      return *scales;
  SmallVector<double> scales;
  for (int64_t d = 0; d < inputType.getRank(); ++d)
    scales.push_back(double(resultType.getDimSize(d)) /
                     double(inputType.getDimSize(d)));
  return scales;
}

struct ResizeLowering : OpConversionPattern<onnx::ResizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    auto inputType = cast<RankedTensorType>(adaptor.getX().getType());
    ResizeMode mode;
    mode.transform = op.getCoordinateTransformationMode();
    mode.nearest = op.getNearestMode();
    StringRef name = op.getMode();
    if (name != "nearest" && name != "linear")
      return emitUnsupported(op, "mode '" + name + "'");
    mode.linear = name == "linear";
    if (mode.transform == "tf_crop_and_resize" ||
        !llvm::is_contained({"half_pixel", "pytorch_half_pixel",
                             "align_corners", "asymmetric",
                             "tf_half_pixel_for_nn"},
                            mode.transform))
      return emitUnsupported(op, "coordinate_transformation_mode '" +
                                     mode.transform + "'");
    if (mode.linear && !isa<FloatType>(inputType.getElementType()))
      return emitUnsupported(op, "linear mode on integers");
    SmallVector<double> scales =
        getScales(op.getScales(), inputType, resultType);
    rewriter.replaceOp(op, buildResize(rewriter, op.getLoc(), adaptor.getX(),
                                       resultType, scales, mode));
    return success();
  }
};

/// Upsample (opset 9): asymmetric coordinates, nearest rounds down.
struct UpsampleLowering : OpConversionPattern<onnx::UpsampleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(onnx::UpsampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getConvertedTensorType(*getTypeConverter(), op.getY());
    auto inputType = cast<RankedTensorType>(adaptor.getX().getType());
    ResizeMode mode;
    mode.transform = "asymmetric";
    mode.nearest = "floor";
    StringRef name = op.getMode();
    if (name != "nearest" && name != "linear")
      return emitUnsupported(op, "mode '" + name + "'");
    mode.linear = name == "linear";
    if (mode.linear && !isa<FloatType>(inputType.getElementType()))
      return emitUnsupported(op, "linear mode on integers");
    SmallVector<double> scales =
        getScales(op.getScales(), inputType, resultType);
    rewriter.replaceOp(op, buildResize(rewriter, op.getLoc(), adaptor.getX(),
                                       resultType, scales, mode));
    return success();
  }
};

} // namespace

void aotc::populateResizePatterns(TypeConverter &converter,
                                  RewritePatternSet &patterns) {
  patterns.add<ResizeLowering, UpsampleLowering>(converter,
                                                 patterns.getContext());
}
