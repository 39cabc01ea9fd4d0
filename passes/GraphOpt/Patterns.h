//===- Patterns.h - aotc-graph-opt pattern families -------------*- C++ -*-===//

#ifndef AOTC_PASSES_GRAPHOPT_PATTERNS_H
#define AOTC_PASSES_GRAPHOPT_PATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace aotc {

/// Decomposed LayerNorm -> LayerNormalization.
void populateGraphOptNormalizationPatterns(mlir::RewritePatternSet &patterns);
/// Decomposed GELU (erf and tanh forms) -> Gelu.
void populateGraphOptActivationPatterns(mlir::RewritePatternSet &patterns);
/// MatMul/Scale/Mask/Softmax/MatMul -> aotc.Attention.
void populateGraphOptAttentionPatterns(mlir::RewritePatternSet &patterns);
/// Conv + BatchNormalization with constant parameters -> Conv.
void populateGraphOptConvBatchNormPatterns(mlir::RewritePatternSet &patterns);
/// MatMul + bias -> Gemm (through reshapes with batch dimensions),
/// Transposes into Gemm's transA/transB.
void populateGraphOptLinearAlgebraPatterns(mlir::RewritePatternSet &patterns);

// Constraints of the declarative patterns (LinearAlgebra.td).

/// Whether `value` is a static tensor of rank `rank`.
bool isStaticRank(mlir::Value value, int64_t rank);
/// Whether `bias` broadcasts to the 2-D `product` one way, as Gemm's C.
bool isRowBias(mlir::Value bias, mlir::Value product);
/// Whether `value` is the Transpose of a static 2-D tensor.
bool isTranspose2D(mlir::Value value);

} // namespace aotc

#endif // AOTC_PASSES_GRAPHOPT_PATTERNS_H
