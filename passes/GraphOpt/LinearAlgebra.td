//===- LinearAlgebra.td - aotc-graph-opt: MatMul, Gemm -----*- tablegen -*-===//
//
// Declarative patterns of the linear algebra fusions: a 2-D MatMul plus a
// bias is a Gemm (whose lowering accumulates onto the bias), and a 2-D
// Transpose of a Gemm operand is Gemm's transA/transB.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_GRAPHOPT_LINEARALGEBRA_TD
#define AOTC_PASSES_GRAPHOPT_LINEARALGEBRA_TD

include "mlir/IR/PatternBase.td"
include "dialects/ONNX/IR/ONNXOps.td"

def IsStatic2D : Constraint<CPred<"::aotc::isStaticRank($0, 2)">,
                            "a static 2-D tensor">;
def HasOneUse : Constraint<CPred<"$0.hasOneUse()">, "used once">;
def IsGemmBias : Constraint<CPred<"::aotc::isRowBias($0, $1)">,
                            "a bias Gemm can broadcast">;
def IsTranspose2D : Constraint<CPred<"::aotc::isTranspose2D($0)">,
                               "a 2-D transposition">;

def F32One : NativeCodeCall<"$_builder.getF32FloatAttr(1.0f)">;
def SI64Zero : NativeCodeCall<
  "$_builder.getIntegerAttr($_builder.getIntegerType(64, true), 0)">;
def SI64Flip : NativeCodeCall<
  "$_builder.getIntegerAttr($_builder.getIntegerType(64, true), "
  "$0.getInt() ? 0 : 1)">;

// MatMul(a, b) + c and c + MatMul(a, b), both 2-D: Gemm(a, b, c).
def FuseMatMulBias : Pat<(ONNX_AddOp (ONNX_MatMulOp:$mm $a, $b), $c),
                         (ONNX_GemmOp $a, $b, $c, (F32One), (F32One),
                          (SI64Zero), (SI64Zero)),
                         [(IsStatic2D $a), (IsStatic2D $b), (HasOneUse $mm),
                          (IsGemmBias $c, $mm)]>;
def FuseBiasMatMul : Pat<(ONNX_AddOp $c, (ONNX_MatMulOp:$mm $a, $b)),
                         (ONNX_GemmOp $a, $b, $c, (F32One), (F32One),
                          (SI64Zero), (SI64Zero)),
                         [(IsStatic2D $a), (IsStatic2D $b), (HasOneUse $mm),
                          (IsGemmBias $c, $mm)]>;

// Gemm(Transpose(a), b) = Gemm(a, b, transA = !transA), and so for b.
def FoldGemmTransposeA
    : Pat<(ONNX_GemmOp (ONNX_TransposeOp:$t $a, $perm), $b, $c, $alpha, $beta,
                       $transA, $transB),
          (ONNX_GemmOp $a, $b, $c, $alpha, $beta, (SI64Flip $transA),
                       $transB),
          [(IsTranspose2D $t), (HasOneUse $t)]>;
def FoldGemmTransposeB
    : Pat<(ONNX_GemmOp $a, (ONNX_TransposeOp:$t $b, $perm), $c, $alpha, $beta,
                       $transA, $transB),
          (ONNX_GemmOp $a, $b, $c, $alpha, $beta, $transA,
                       (SI64Flip $transB)),
          [(IsTranspose2D $t), (HasOneUse $t)]>;

#endif // AOTC_PASSES_GRAPHOPT_LINEARALGEBRA_TD
