//===- ConstantFolding.cpp - aotc-graph-opt: scalar constant arithmetic ---===//
//
// Exporters compute constants in the graph, e.g. torch's attention scale as
// Pow(head_dim, 0.5); the fusions need them as constants. The onnx folders
// cover most arithmetic; Pow of splat constants is folded here.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Matchers.h"
#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

#include <cmath>

using namespace mlir;
using namespace aotc;

namespace {

struct FoldSplatPow : OpRewritePattern<onnx::PowOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::PowOp op,
                                PatternRewriter &rewriter) const override {
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (!type || !type.hasStaticShape() ||
        !isa<FloatType>(type.getElementType()))
      return failure();
    std::optional<double> base = getSplatNumber(op.getX());
    std::optional<double> exponent = getSplatNumber(op.getY());
    if (!base || !exponent)
      return failure();
    double value = std::pow(*base, *exponent);
    rewriter.replaceOpWithNewOp<onnx::ConstantOp>(
        op, DenseElementsAttr::get(
                type, rewriter.getFloatAttr(type.getElementType(), value)));
    return success();
  }
};

} // namespace

void aotc::populateGraphOptConstantFoldingPatterns(
    RewritePatternSet &patterns) {
  patterns.add<FoldSplatPow>(patterns.getContext());
}
