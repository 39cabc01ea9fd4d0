//===- Patterns.h - onnx to linalg pattern families -------------*- C++ -*-===//

#ifndef AOTC_PASSES_CONVERSION_ONNXTOLINALG_PATTERNS_H
#define AOTC_PASSES_CONVERSION_ONNXTOLINALG_PATTERNS_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace aotc {

/// Unary and broadcasting binary elementwise ops, activations, Where, Cast.
void populateElementwisePatterns(mlir::TypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
/// MatMul, Gemm.
void populateLinearAlgebraPatterns(mlir::TypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
/// Conv (grouped, depthwise), ConvTranspose, MaxPool, AveragePool,
/// GlobalAveragePool, GlobalMaxPool.
void populateConvPoolPatterns(mlir::TypeConverter &converter,
                              mlir::RewritePatternSet &patterns);
/// BatchNormalization (inference), Softmax, Layer/Instance/MeanVariance
/// normalization, LRN, reductions, ArgMax/ArgMin, Hardmax, CumSum.
void populateNormalizationPatterns(mlir::TypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);
/// Constant, Reshape, Flatten, Transpose, Concat, Slice, Gather, Pad, ...
void populateDataMovementPatterns(mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// aotc.Attention, the fused attention of aotc-graph-opt.
void populateAttentionPatterns(mlir::TypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
/// Resize and Upsample (nearest, linear).
void populateResizePatterns(mlir::TypeConverter &converter,
                            mlir::RewritePatternSet &patterns);

} // namespace aotc

#endif // AOTC_PASSES_CONVERSION_ONNXTOLINALG_PATTERNS_H
