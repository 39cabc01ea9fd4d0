// RUN: aotc-opt %s -split-input-file -verify-diagnostics

// Tests that ODS rejects an element type outside the op's type constraint.
func.func @add_bool(%a: tensor<2xi1>) -> tensor<2xi1> {
  // expected-error @+1 {{'onnx.Add' op operand #0 must be tensor of 8-bit unsigned integer or 16-bit unsigned integer or 32-bit unsigned integer or 64-bit unsigned integer or 8-bit signless integer or 16-bit signless integer or 32-bit signless integer or 64-bit signless integer or 16-bit float or 32-bit float or 64-bit float or bfloat16 type values, but got 'tensor<2xi1>'}}
  %0 = "onnx.Add"(%a, %a) : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

// Tests that ODS rejects a fixed result element type other than the schema's.
func.func @shape_f32(%a: tensor<2xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{'onnx.Shape' op result #0 must be tensor of 64-bit signless integer values, but got 'tensor<1xf32>'}}
  %0 = "onnx.Shape"(%a) <{start = 0 : si64}> : (tensor<2xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// Tests that ODS requires the attributes without a default.
func.func @concat_no_axis(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'onnx.Concat' op requires attribute 'axis'}}
  %0 = "onnx.Concat"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Tests that ODS requires integer attributes to be signed, as ONNX ints are.
func.func @softmax_i64_axis(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'onnx.Softmax' op attribute 'axis' failed to satisfy constraint: 64-bit signed integer attribute}}
  %0 = "onnx.Softmax"(%a) <{axis = 0 : i64}> : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Tests that ODS checks operandSegmentSizes against the operands.
func.func @dropout_segments(%a: tensor<2xf32>, %r: tensor<f32>) -> tensor<2xf32> {
  // expected-error @+1 {{'onnx.Dropout' op operand count (2) does not match with the total size (3) specified in attribute 'operandSegmentSizes'}}
  %0 = "onnx.Dropout"(%a, %r) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Tests that Concat needs at least one input.
func.func @concat_empty() -> tensor<0xf32> {
  // expected-error @+1 {{'onnx.Concat' op requires at least one input}}
  %0 = "onnx.Concat"() <{axis = 0 : si64}> : () -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

// Tests that Concat's axis must name a dimension of its inputs.
func.func @concat_axis(%a: tensor<1x2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Concat' op axis 4 is out of range for inputs of rank 3}}
  %0 = "onnx.Concat"(%a, %a) <{axis = 4 : si64}> : (tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Concat's inputs must have equal ranks.
func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<*xf32>, %c: tensor<2xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Concat' op input #2 has rank 1, but input #0 has rank 2}}
  %0 = "onnx.Concat"(%a, %b, %c) <{axis = 0 : si64}> : (tensor<2x3xf32>, tensor<*xf32>, tensor<2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Concat's inputs must agree outside the axis.
func.func @concat_sizes(%a: tensor<2x3xf32>, %b: tensor<?x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Concat' op input #1 has size 4 in dimension 1, but input #0 has size 3}}
  %0 = "onnx.Concat"(%a, %b) <{axis = 0 : si64}> : (tensor<2x3xf32>, tensor<?x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Gemm's operands are matrices.
func.func @gemm_rank(%a: tensor<2x3x4xf32>, %b: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Gemm' op A must have rank 2, got 3}}
  %0 = "onnx.Gemm"(%a, %b) : (tensor<2x3x4xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Gemm's C broadcasts to a matrix.
func.func @gemm_c_rank(%a: tensor<*xf32>, %b: tensor<*xf32>, %c: tensor<1x2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Gemm' op C must have rank at most 2, got 3}}
  %0 = "onnx.Gemm"(%a, %b, %c) : (tensor<*xf32>, tensor<*xf32>, tensor<1x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Gemm's inner dimensions, after transposition, must agree.
func.func @gemm_inner(%a: tensor<2x3xf32>, %b: tensor<5x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Gemm' op inner dimensions of A (3) and B (4) do not match}}
  %0 = "onnx.Gemm"(%a, %b) <{transB = 1 : si64}> : (tensor<2x3xf32>, tensor<5x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Transpose's perm has one value per input dimension.
func.func @transpose_length(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Transpose' op perm has 3 values for an input of rank 2}}
  %0 = "onnx.Transpose"(%a) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Transpose's perm values are dimensions.
func.func @transpose_range(%a: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Transpose' op perm value 3 is out of range for rank 3}}
  %0 = "onnx.Transpose"(%a) <{perm = array<i64: 0, 3, 1>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Transpose's perm is a permutation.
func.func @transpose_repeat(%a: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Transpose' op perm repeats dimension 1}}
  %0 = "onnx.Transpose"(%a) <{perm = array<i64: 1, 1, 0>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Softmax's axis must name an input dimension.
func.func @softmax_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'onnx.Softmax' op axis 2 is out of range for an input of rank 2}}
  %0 = "onnx.Softmax"(%a) <{axis = 2 : si64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that LogSoftmax's axis must name an input dimension.
func.func @log_softmax_axis(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'onnx.LogSoftmax' op axis -3 is out of range for an input of rank 2}}
  %0 = "onnx.LogSoftmax"(%a) <{axis = -3 : si64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that Gather's axis must name a data dimension.
func.func @gather_axis(%a: tensor<2x3xf32>, %i: tensor<i64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Gather' op axis 2 is out of range for data of rank 2}}
  %0 = "onnx.Gather"(%a, %i) <{axis = 2 : si64}> : (tensor<2x3xf32>, tensor<i64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Flatten's axis may be the rank but not beyond it.
func.func @flatten_axis(%a: tensor<2x3xf32>) -> (tensor<6x1xf32>, tensor<*xf32>) {
  %0 = "onnx.Flatten"(%a) <{axis = 2 : si64}> : (tensor<2x3xf32>) -> tensor<6x1xf32>
  // expected-error @+1 {{'onnx.Flatten' op axis 3 is out of range for an input of rank 2}}
  %1 = "onnx.Flatten"(%a) <{axis = 3 : si64}> : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<6x1xf32>, tensor<*xf32>
}

// -----

// Tests that a Constant's value has exactly the result type.
func.func @constant_type() -> tensor<3xi64> {
  // expected-error @+1 {{'onnx.Constant' op value type 'tensor<2xi64>' does not match result type 'tensor<3xi64>'}}
  %0 = "onnx.Constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// Tests that Cast's `to` must be a data type the dialect models.
func.func @cast_string(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'onnx.Cast' op to = 8 is not a supported data type}}
  %0 = "onnx.Cast"(%a) <{to = 8 : si64}> : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Tests that Cast's result element type is the one `to` names.
func.func @cast_result(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'onnx.Cast' op result element type 'f32' does not match to = 7 ('i64')}}
  %0 = "onnx.Cast"(%a) <{to = 7 : si64}> : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Tests that Split has at least one result.
func.func @split_no_results(%a: tensor<4xf32>) {
  // expected-error @+1 {{'onnx.Split' op requires at least one result}}
  "onnx.Split"(%a) <{axis = 0 : si64}> : (tensor<4xf32>) -> ()
  return
}

// -----

// Tests that Split's axis must name an input dimension.
func.func @split_axis(%a: tensor<4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Split' op axis 1 is out of range for an input of rank 1}}
  %0 = "onnx.Split"(%a) <{axis = 1 : si64}> : (tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Split takes either split or num_outputs.
func.func @split_both(%a: tensor<4xf32>, %s: tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-error @+1 {{'onnx.Split' op split and num_outputs are mutually exclusive}}
  %0:2 = "onnx.Split"(%a, %s) <{axis = 0 : si64, num_outputs = 2 : si64}> : (tensor<4xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that num_outputs is the number of results.
func.func @split_num_outputs(%a: tensor<4xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-error @+1 {{'onnx.Split' op num_outputs is 3, but the op has 2 results}}
  %0:2 = "onnx.Split"(%a) <{axis = 0 : si64, num_outputs = 3 : si64}> : (tensor<4xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Split's split is a 1-D list.
func.func @split_rank(%a: tensor<4xf32>, %s: tensor<1x2xi64>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-error @+1 {{'onnx.Split' op split must be a 1-D tensor, got rank 2}}
  %0:2 = "onnx.Split"(%a, %s) <{axis = 0 : si64}> : (tensor<4xf32>, tensor<1x2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that split has one value per result.
func.func @split_count(%a: tensor<4xf32>, %s: tensor<3xi64>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-error @+1 {{'onnx.Split' op split has 3 values for 2 results}}
  %0:2 = "onnx.Split"(%a, %s) <{axis = 0 : si64}> : (tensor<4xf32>, tensor<3xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that Trilu needs at least a matrix.
func.func @trilu_rank(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'onnx.Trilu' op input must have rank at least 2, got 1}}
  %0 = "onnx.Trilu"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that Trilu's k is a single value.
func.func @trilu_k(%a: tensor<4x4xf32>, %k: tensor<2xi64>) -> tensor<4x4xf32> {
  // expected-error @+1 {{'onnx.Trilu' op k must hold a single value, got 'tensor<2xi64>'}}
  %0 = "onnx.Trilu"(%a, %k) : (tensor<4x4xf32>, tensor<2xi64>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Tests that Squeeze's axes are a 1-D list.
func.func @squeeze_axes(%a: tensor<1x4xf32>, %axes: tensor<i64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Squeeze' op axes must be a 1-D tensor, got rank 0}}
  %0 = "onnx.Squeeze"(%a, %axes) : (tensor<1x4xf32>, tensor<i64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Squeeze cannot add dimensions.
func.func @squeeze_grows(%a: tensor<1x4xf32>) -> tensor<1x4x1xf32> {
  // expected-error @+1 {{'onnx.Squeeze' op result rank 3 exceeds input rank 2}}
  %0 = "onnx.Squeeze"(%a) : (tensor<1x4xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

// Tests that Squeeze removes one dimension per axis.
func.func @squeeze_count(%a: tensor<1x4x1xf32>, %axes: tensor<2xi64>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'onnx.Squeeze' op result rank 2 does not match input rank 3 minus 2 axes}}
  %0 = "onnx.Squeeze"(%a, %axes) : (tensor<1x4x1xf32>, tensor<2xi64>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

// Tests that Unsqueeze inserts one dimension per axis.
func.func @unsqueeze_count(%a: tensor<4xf32>, %axes: tensor<2xi64>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'onnx.Unsqueeze' op result rank 2 does not match input rank 1 plus 2 axes}}
  %0 = "onnx.Unsqueeze"(%a, %axes) : (tensor<4xf32>, tensor<2xi64>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

// Tests that Gelu's approximation is one ONNX defines.
func.func @gelu_approximate(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'onnx.Gelu' op approximate must be "none" or "tanh", got "erf"}}
  %0 = "onnx.Gelu"(%a) <{approximate = "erf"}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
