// RUN: aotc-opt %s --split-input-file --aotc-shape-inference -verify-diagnostics

// Operands go through an unranked Relu where the op has a verifier, so that
// the errors come from shape inference, which sees the shapes.

// Tests that Slice starts and ends of different lengths are reported.
func.func @slice_lengths(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %b = "onnx.Constant"() <{value = dense<[0, 1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %e = "onnx.Constant"() <{value = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
  // expected-error @+1 {{'onnx.Slice' op starts [0, 1], ends [2], axes [0, 1] and steps [1, 1] must have the same length}}
  %0 = "onnx.Slice"(%x, %b, %e) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<3x4xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a zero Slice step is reported.
func.func @slice_zero_step(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %b = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %e = "onnx.Constant"() <{value = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %a = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  %s = "onnx.Constant"() <{value = dense<[0]> : tensor<1xi64>}> : () -> tensor<1xi64>
  // expected-error @+1 {{'onnx.Slice' op steps [0] has a zero step}}
  %0 = "onnx.Slice"(%x, %b, %e, %a, %s) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<3x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a constant Gather index out of range is reported.
func.func @gather_index(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<3x4xf32>) -> tensor<*xf32>
  %i = "onnx.Constant"() <{value = dense<[0, 4]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Gather' op index 4 is out of range for axis 1 of size 4}}
  %0 = "onnx.Gather"(%r, %i) <{axis = 1 : si64}> : (tensor<*xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that GatherElements indices of another rank are reported.
func.func @gather_elements_rank(%x: tensor<3x4xf32>, %i: tensor<3xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.GatherElements' op indices of shape 3 must have the rank of data of shape 3x4}}
  %0 = "onnx.GatherElements"(%x, %i) : (tensor<3x4xf32>, tensor<3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that GatherND of a scalar is reported.
func.func @gather_nd_scalar(%x: tensor<f32>, %i: tensor<1xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.GatherND' op data and indices must have rank 1 or more, got shapes scalar and 1}}
  %0 = "onnx.GatherND"(%x, %i) : (tensor<f32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that GatherND batch_dims not below both ranks are reported.
func.func @gather_nd_batch_dims(%x: tensor<3x4xf32>, %i: tensor<3x1xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.GatherND' op batch_dims 2 must be less than the ranks of data and indices}}
  %0 = "onnx.GatherND"(%x, %i) <{batch_dims = 2 : si64}> : (tensor<3x4xf32>, tensor<3x1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that GatherND index tuples longer than the data rank are reported.
func.func @gather_nd_tuple(%x: tensor<3x4xf32>, %i: tensor<2x3xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.GatherND' op index tuples of length 3 do not fit data of shape 3x4 with batch_dims 0}}
  %0 = "onnx.GatherND"(%x, %i) : (tensor<3x4xf32>, tensor<2x3xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a non-positive OneHot depth is reported.
func.func @one_hot_depth(%i: tensor<3xi64>, %v: tensor<2xf32>) -> tensor<*xf32> {
  %d = "onnx.Constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  // expected-error @+1 {{'onnx.OneHot' op depth 0 must be positive}}
  %0 = "onnx.OneHot"(%i, %d, %v) : (tensor<3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a TopK K larger than the axis is reported.
func.func @top_k(%x: tensor<3x4xf32>) -> (tensor<*xf32>, tensor<*xi64>) {
  %k = "onnx.Constant"() <{value = dense<[5]> : tensor<1xi64>}> : () -> tensor<1xi64>
  // expected-error @+1 {{'onnx.TopK' op K (5) is out of range for axis 1 of size 4}}
  %0, %1 = "onnx.TopK"(%x, %k) : (tensor<3x4xf32>, tensor<1xi64>) -> (tensor<*xf32>, tensor<*xi64>)
  return %0, %1 : tensor<*xf32>, tensor<*xi64>
}
