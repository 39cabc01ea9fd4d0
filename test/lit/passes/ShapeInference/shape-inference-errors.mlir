// RUN: aotc-opt %s --split-input-file --aotc-shape-inference -verify-diagnostics

// Tests that operands that do not broadcast are reported with both shapes.
func.func @broadcast(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Add' op operands have incompatible shapes 2x3 and 4x3}}
  %0 = "onnx.Add"(%a, %b) : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an axis outside [-rank, rank) is reported once shape inference
// knows the rank (the verifier cannot see it in the unranked input).
func.func @axis_range(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Softmax' op axis 3 is out of range for rank 2}}
  %0 = "onnx.Softmax"(%r) <{axis = 3 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an axis given twice (once negative) is reported.
func.func @axis_repeated(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %axes = "onnx.Constant"() <{value = dense<[1, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.ReduceSum' op axis -1 is repeated in [1, -1]}}
  %0 = "onnx.ReduceSum"(%x, %axes) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a slope that does not broadcast to PRelu's input is reported.
func.func @prelu_slope(%x: tensor<2x3xf32>, %slope: tensor<2x2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.PRelu' op slope of shape 2x2x3 does not broadcast to the input shape 2x3}}
  %0 = "onnx.PRelu"(%x, %slope) : (tensor<2x3xf32>, tensor<2x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Trilu of a vector is reported.
func.func @trilu_rank(%x: tensor<4xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<4xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Trilu' op input of shape 4 has rank less than 2}}
  %0 = "onnx.Trilu"(%r) <{operandSegmentSizes = array<i32: 1, 0>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that MatMul of a scalar is reported.
func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.MatMul' op operands must have rank 1 or more, got shapes scalar and 3}}
  %0 = "onnx.MatMul"(%a, %b) : (tensor<f32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that MatMul operands with different contraction sizes are reported.
func.func @matmul_k(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.MatMul' op operands of shapes 2x3 and 4x5 have different contraction dimensions (3 and 4)}}
  %0 = "onnx.MatMul"(%a, %b) : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Gemm operand that is not 2-D is reported.
func.func @gemm_rank(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%a) : (tensor<2x3x4xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Gemm' op operands A and B must be 2-D, got shapes 2x3x4 and 4x5}}
  %0 = "onnx.Gemm"(%r, %b) : (tensor<*xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Gemm operands whose (transposed) contraction sizes differ are
// reported.
func.func @gemm_k(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%a) : (tensor<2x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Gemm' op operands of shapes 2x3 and 3x5 (transA = 0, transB = 1) have different contraction dimensions (3 and 5)}}
  %0 = "onnx.Gemm"(%r, %b) <{transB = 1 : si64}> : (tensor<*xf32>, tensor<3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Gemm bias that does not broadcast to M x N is reported.
func.func @gemm_c(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>, %c: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Gemm' op C of shape 3 does not broadcast to the result shape 2x5}}
  %0 = "onnx.Gemm"(%a, %b, %c) : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an Einsum term with a character that is no index is reported.
func.func @einsum_term(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Einsum' op invalid equation term 'i1'}}
  %0 = "onnx.Einsum"(%a) <{equation = "i1->i"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an Einsum equation with the wrong number of terms is reported.
func.func @einsum_count(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Einsum' op equation 'ij,jk->ik' has 2 input terms but the op has 1 operands}}
  %0 = "onnx.Einsum"(%a) <{equation = "ij,jk->ik"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an Einsum term with the wrong number of indices is reported.
func.func @einsum_rank(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Einsum' op term 'ijk' does not match operand shape 2x3}}
  %0 = "onnx.Einsum"(%a) <{equation = "ijk->i"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an Einsum index bound to two sizes is reported.
func.func @einsum_sizes(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Einsum' op index 'j' has sizes 3 and 4}}
  %0 = "onnx.Einsum"(%a, %b) <{equation = "ij,jk->ik"}> : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an Einsum output index absent from the inputs is reported.
func.func @einsum_output(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Einsum' op output index 'k' does not appear in the inputs}}
  %0 = "onnx.Einsum"(%a) <{equation = "ij->ik"}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a per-channel parameter of the wrong size is reported.
func.func @batch_norm_channels(%x: tensor<2x3x4xf32>, %c: tensor<3xf32>, %d: tensor<4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.BatchNormalization' op input_mean of shape 4 does not match the input's 3 channels}}
  %0 = "onnx.BatchNormalization"(%x, %c, %c, %d, %c) <{resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that normalizing a tensor without a channel dimension is reported.
func.func @instance_norm_rank(%x: tensor<3xf32>, %c: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.InstanceNormalization' op input of shape 3 has no channel dimension}}
  %0 = "onnx.InstanceNormalization"(%x, %c, %c) : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an unsupported LayerNormalization stash_type is reported.
func.func @layer_norm_stash(%x: tensor<2x3xf32>, %s: tensor<3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LayerNormalization' op unsupported stash_type 8}}
  %0 = "onnx.LayerNormalization"(%x, %s) <{stash_type = 8 : si64, operandSegmentSizes = array<i32: 1, 1, 0>, resultSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an LRN window size below one is reported.
func.func @lrn_size(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LRN' op size 0 must be positive}}
  %0 = "onnx.LRN"(%x) <{size = 0 : si64}> : (tensor<1x3x4x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an LpNormalization order other than 1 and 2 is reported.
func.func @lp_norm_p(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.LpNormalization' op p 3 must be 1 or 2}}
  %0 = "onnx.LpNormalization"(%x) <{p = 3 : si64}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Reshape by a shape known only at run time still gets its
// rank from the shape's length, and that the pass then reports its sizes.
func.func @reshape_runtime_shape(%x: tensor<12xf32>, %shape: tensor<2xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{result #0 has a dynamic shape 'tensor<?x?xf32>' after shape inference}}
  %0 = "onnx.Reshape"(%x, %shape) : (tensor<12xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// An op aotc has no shape function for is reported as not supported, once.

func.func @no_shape_function(%x: tensor<2x3x3xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-error @+1 {{operator 'Det' is not supported (aotc has no shape function for it)}}
  %d = "onnx.Det"(%x) : (tensor<2x3x3xf32>) -> tensor<*xf32>
  %e = "onnx.Det"(%x) : (tensor<2x3x3xf32>) -> tensor<*xf32>
  return %d, %e : tensor<*xf32>, tensor<*xf32>
}

