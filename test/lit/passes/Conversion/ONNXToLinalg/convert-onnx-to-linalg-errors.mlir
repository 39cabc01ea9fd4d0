// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg -verify-diagnostics

// Tests that an operator without a lowering is named in the error.
func.func @unsupported(%x: tensor<3x3xf32>) -> tensor<f32> {
  // expected-error @+1 {{operator 'Det' is not supported by the code generator}}
  %0 = "onnx.Det"(%x) : (tensor<3x3xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Tests that a dynamic type is rejected before conversion.
func.func @dynamic(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{operator 'Relu' has a dynamic or unranked type; the code generator needs static shapes (run aotc-shape-inference first)}}
  %0 = "onnx.Relu"(%x) : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// Tests that an unranked type is rejected before conversion.
func.func @unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{operator 'Sigmoid' has a dynamic or unranked type}}
  %0 = "onnx.Sigmoid"(%x) : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a padding mode the code generator lacks is reported by the
// pattern, without the framework's "failed to legalize".
func.func @pad_wrap(%x: tensor<4xf32>) -> tensor<6xf32> {
  %p = "onnx.Constant"() {value = dense<[1, 1]> : tensor<2xi64>} : () -> tensor<2xi64>
  // expected-error @+1 {{operator 'Pad' is not supported by the code generator: mode 'wrap'}}
  %0 = "onnx.Pad"(%x, %p) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> {mode = "wrap"} : (tensor<4xf32>, tensor<2xi64>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// Tests that reflect padding by at least the input size is reported.
func.func @pad_reflect_too_large(%x: tensor<2xf32>) -> tensor<6xf32> {
  %p = "onnx.Constant"() {value = dense<[2, 2]> : tensor<2xi64>} : () -> tensor<2xi64>
  // expected-error @+1 {{operator 'Pad' is not supported by the code generator: reflect pads as large as the input}}
  %0 = "onnx.Pad"(%x, %p) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> {mode = "reflect"} : (tensor<2xf32>, tensor<2xi64>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// Tests that a 3-D transposed convolution is reported.
func.func @conv_transpose3d(%x: tensor<1x1x2x2x2xf32>, %w: tensor<1x1x3x3x3xf32>) -> tensor<1x1x4x4x4xf32> {
  // expected-error @+1 {{operator 'ConvTranspose' is not supported by the code generator: 3-D convolution}}
  %0 = "onnx.ConvTranspose"(%x, %w) : (tensor<1x1x2x2x2xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x4x4x4xf32>
  return %0 : tensor<1x1x4x4x4xf32>
}

// -----

// Tests that a used Indices output of MaxPool is reported.
func.func @maxpool_indices(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xi64> {
  // expected-error @+1 {{operator 'MaxPool' is not supported by the code generator: the Indices output}}
  %0, %1 = "onnx.MaxPool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %1 : tensor<1x1x2x2xi64>
}

// -----

// Tests that reduction axes that are not constant are reported.
func.func @reduce_dynamic_axes(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<2x1xf32> {
  // expected-error @+1 {{operator 'ReduceSum' is not supported by the code generator: non-constant axes}}
  %0 = "onnx.ReduceSum"(%x, %axes) : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

// Tests that BatchNormalization in training mode is reported.
func.func @batchnorm_training(%x: tensor<1x2x3xf32>, %p: tensor<2xf32>) -> tensor<1x2x3xf32> {
  // expected-error @+1 {{operator 'BatchNormalization' is not supported by the code generator: training mode}}
  %0 = "onnx.BatchNormalization"(%x, %p, %p, %p, %p) <{resultSegmentSizes = array<i32: 1, 0, 0>}> {training_mode = 1 : si64} : (tensor<1x2x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

// Tests that Slice with starts that are not constant is reported.
func.func @slice_dynamic(%x: tensor<4xf32>, %s: tensor<1xi64>) -> tensor<2xf32> {
  %e = "onnx.Constant"() {value = dense<4> : tensor<1xi64>} : () -> tensor<1xi64>
  // expected-error @+1 {{operator 'Slice' is not supported by the code generator: non-constant starts or ends}}
  %0 = "onnx.Slice"(%x, %s, %e) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}> : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
