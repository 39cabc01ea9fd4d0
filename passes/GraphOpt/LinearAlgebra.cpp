//===- LinearAlgebra.cpp - aotc-graph-opt: MatMul, Gemm -------------------===//
//
// The declarative patterns of LinearAlgebra.td, plus the form they cannot
// express: MatMul([..., M, K], [K, N]) + bias[N] with batch dimensions is
// Reshape(Gemm(Reshape(A, [B*M, K]), W, bias)), so that the bias is added by
// the contraction (Gemm accumulates onto it) instead of a second pass over
// the product. The reshapes only regroup dimensions and cost nothing.
//
//===----------------------------------------------------------------------===//

#include "passes/GraphOpt/Matchers.h"
#include "passes/GraphOpt/Patterns.h"

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace aotc;

bool aotc::isStaticRank(Value value, int64_t rank) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && type.hasStaticShape() && type.getRank() == rank;
}

bool aotc::isRowBias(Value bias, Value product) {
  auto biasType = dyn_cast<RankedTensorType>(bias.getType());
  auto productType = dyn_cast<RankedTensorType>(product.getType());
  if (!biasType || !productType || !biasType.hasStaticShape() ||
      !productType.hasStaticShape() || biasType.getRank() > 2 ||
      biasType.getElementType() != productType.getElementType())
    return false;
  // Gemm broadcasts C to [M, N] one way: C's dimensions are 1 or equal.
  for (auto [b, p] : llvm::zip(llvm::reverse(biasType.getShape()),
                               llvm::reverse(productType.getShape())))
    if (b != 1 && b != p)
      return false;
  return true;
}

bool aotc::isTranspose2D(Value value) {
  auto transpose = value.getDefiningOp<onnx::TransposeOp>();
  if (!transpose || !isStaticRank(transpose.getData(), 2))
    return false;
  std::optional<ArrayRef<int64_t>> perm = transpose.getPerm();
  return !perm || (*perm)[0] == 1;
}

namespace {

#include "passes/GraphOpt/LinearAlgebra.inc"

/// An `onnx.Constant` holding the i64 `values`.
Value createShape(PatternRewriter &rewriter, Location loc,
                  ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({(int64_t)values.size()},
                                    rewriter.getIntegerType(64));
  return onnx::ConstantOp::create(rewriter, loc,
                                  DenseElementsAttr::get(type, values));
}

/// Rooted at the Add: MatMul(A, W) + bias with A of rank 3 or more, W 2-D
/// and a bias along the last dimension.
struct FuseBatchedMatMulBias : OpRewritePattern<onnx::AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(onnx::AddOp add,
                                PatternRewriter &rewriter) const override {
    for (unsigned i : {0u, 1u}) {
      auto matmul = add->getOperand(i).getDefiningOp<onnx::MatMulOp>();
      Value bias = add->getOperand(1 - i);
      if (!matmul || !matmul->hasOneUse() || !isStaticRank(matmul.getB(), 2))
        continue;
      auto aType = dyn_cast<RankedTensorType>(matmul.getA().getType());
      auto yType = dyn_cast<RankedTensorType>(matmul.getType());
      auto biasType = dyn_cast<RankedTensorType>(bias.getType());
      if (!aType || !aType.hasStaticShape() || aType.getRank() < 3 ||
          add.getType() != yType || !biasType || !isRowBias(bias, matmul) ||
          (biasType.getRank() == 2 && biasType.getDimSize(0) != 1))
        continue;
      int64_t k = aType.getShape().back();
      int64_t rows = aType.getNumElements() / k;
      int64_t n = yType.getShape().back();
      Location loc = add.getLoc();
      auto rowsType = RankedTensorType::get({rows, k}, aType.getElementType());
      auto gemmType = RankedTensorType::get({rows, n}, yType.getElementType());
      Value a2D =
          onnx::ReshapeOp::create(rewriter, loc, rowsType, matmul.getA(),
                                  createShape(rewriter, loc, {rows, k}), 0);
      Value gemm =
          onnx::GemmOp::create(rewriter, loc, gemmType, a2D, matmul.getB(),
                               bias, APFloat(1.0f), APFloat(1.0f), 0, 0);
      rewriter.replaceOpWithNewOp<onnx::ReshapeOp>(
          add, yType, gemm, createShape(rewriter, loc, yType.getShape()), 0);
      return success();
    }
    return failure();
  }
};

} // namespace

void aotc::populateGraphOptLinearAlgebraPatterns(RewritePatternSet &patterns) {
  populateWithGenerated(patterns);
  patterns.add<FuseBatchedMatMulBias>(patterns.getContext());
}
