// RUN: aotc-opt %s --split-input-file --aotc-bufferize | FileCheck %s

// Tests that graph inputs and outputs with no elements become 1-D, which
// the bare-pointer lowering of signatures accepts (a zero-size dimension
// after the first has no contiguous row-major strides): there are no bytes
// behind them either way.

// CHECK-LABEL: func.func @empty_output
// CHECK-SAME:    (%{{.+}}: memref<3x4xf32>) -> (memref<0xf32> {onnx.name = "y"})
func.func @empty_output(%x: tensor<3x4xf32>) -> (tensor<4x0xf32> {onnx.name = "y"}) {
  %y = tensor.empty() : tensor<4x0xf32>
  return %y : tensor<4x0xf32>
}

// -----

// CHECK-LABEL: func.func @empty_input
// CHECK-SAME:    (%{{.+}}: memref<0xf32> {onnx.name = "x"}) -> memref<2xf32>
func.func @empty_input(%x: tensor<3x0xf32> {onnx.name = "x"}) -> tensor<2xf32> {
  %y = tensor.empty() : tensor<2xf32>
  return %y : tensor<2xf32>
}
