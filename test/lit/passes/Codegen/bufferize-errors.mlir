// RUN: aotc-opt %s --split-input-file --aotc-bufferize -verify-diagnostics

// Tests that a graph output empty in an inner dimension is a clean error,
// not a failure of the LLVM lowering of the signature.

// expected-error @+1 {{graph output 'y' of type tensor<4x0xf32> is empty in an inner dimension, which is not supported}}
func.func @empty_output(%x: tensor<3x4xf32>) -> (tensor<4x0xf32> {onnx.name = "y"}) {
  %y = tensor.empty() : tensor<4x0xf32>
  return %y : tensor<4x0xf32>
}

// -----

func.func @empty_input(
    // expected-error @+1 {{graph input 'x' of type tensor<3x0xf32> is empty in an inner dimension}}
    %x: tensor<3x0xf32> {onnx.name = "x"}) -> tensor<2xf32> {
  %y = tensor.empty() : tensor<2xf32>
  return %y : tensor<2xf32>
}
