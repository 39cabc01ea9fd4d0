//===- ONNXOps.td - ONNX operators -------------------------*- tablegen -*-===//
//
// The generated operator set plus the hand-written ops newer than the
// installed schemas.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_ONNX_OPS_TD
#define AOTC_ONNX_OPS_TD

include "dialects/ONNX/IR/ONNXBase.td"
include "dialects/ONNX/IR/ONNXOps.gen.td"

def ONNX_ConstantOp : ONNX_Op<"Constant", 13, [Pure, ConstantLike]> {
  let summary = "ONNX Constant operator (opset 13)";
  let description = [{
    A constant tensor. The importer turns every form of the ONNX operator
    (`value`, `value_float`, `value_ints`, ...) and every initializer into
    this op; initializers hold their bytes in a dense resource.
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyTensor:$output);
  let elementTypeRules = [{ElementTypeRule::custom()}];
  let builders = [OpBuilder<(ins "::mlir::ElementsAttr":$value), [{
    build($_builder, $_state, value.getType(), value);
  }]>];
  let hasShapeFunction = 1;
  let hasFolder = 1;
  let hasVerifier = 1;
}

def ONNX_GeluOp : ONNX_Op<"Gelu", 20, [Pure]> {
  let summary = "ONNX Gelu operator (opset 20)";
  let arguments = (ins ONNX_TensorOf<[F16, F32, F64, BF16]>:$X,
                   DefaultValuedStrAttr<StrAttr, "none">:$approximate);
  let results = (outs ONNX_TensorOf<[F16, F32, F64, BF16]>:$Y);
  let elementTypeRules = [{ElementTypeRule::operand(0)}];
  let hasShapeFunction = 1;
  let hasVerifier = 1;
}

// Not an ONNX operator: aotc-graph-opt fuses the decomposed attention that
// exporters emit into it, so that the lowering can compute it as two
// contractions and one softmax without materialising transposed keys.
def ONNX_AotcAttentionOp : ONNX_Op<"aotc.Attention", 1, [Pure]> {
  let summary = "aotc internal: fused scaled-dot-product attention";
  let description = [{
    `Y = softmax(scale * Q K^T + mask) V`, the softmax along the last axis.
    `Q` is `[..., M, D]`, `K` is `[..., N, D]` (keys as rows: the op reads it
    transposed), `V` is `[..., N, E]` with the same batch dimensions, and the
    optional `mask` broadcasts to the scores `[..., M, N]` without changing
    their shape. `Y` is `[..., M, E]`.
  }];
  let arguments = (ins ONNX_TensorOf<[F16, F32, F64, BF16]>:$Q,
                   ONNX_TensorOf<[F16, F32, F64, BF16]>:$K,
                   ONNX_TensorOf<[F16, F32, F64, BF16]>:$V,
                   Optional<ONNX_TensorOf<[F16, F32, F64, BF16]>>:$mask,
                   F64Attr:$scale);
  let results = (outs ONNX_TensorOf<[F16, F32, F64, BF16]>:$Y);
  let elementTypeRules = [{ElementTypeRule::operand(0)}];
  let hasShapeFunction = 1;
  let hasVerifier = 1;
}

#endif // AOTC_ONNX_OPS_TD
