// RUN: aotc-opt %s --split-input-file --verify-diagnostics

// Tests that aotc.Attention needs Q's and K's last dimensions to agree.

func.func @bad_keys(%q: tensor<2x16x8xf32>, %k: tensor<2x12x4xf32>, %v: tensor<2x12x4xf32>) -> tensor<2x16x4xf32> {
  // expected-error @+1 {{Q and K must have the same last dimension}}
  %y = "onnx.aotc.Attention"(%q, %k, %v) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<2x12x4xf32>, tensor<2x12x4xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}

// -----

// Tests that K and V need as many rows, and the same batch dimensions.

func.func @bad_values(%q: tensor<2x16x8xf32>, %k: tensor<2x12x8xf32>, %v: tensor<2x10x4xf32>) -> tensor<2x16x4xf32> {
  // expected-error @+1 {{K and V must have as many rows}}
  %y = "onnx.aotc.Attention"(%q, %k, %v) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<2x12x8xf32>, tensor<2x10x4xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}

// -----

func.func @bad_batch(%q: tensor<2x16x8xf32>, %k: tensor<3x12x8xf32>, %v: tensor<2x12x4xf32>) -> tensor<2x16x4xf32> {
  // expected-error @+1 {{Q, K and V must have the same batch dimensions}}
  %y = "onnx.aotc.Attention"(%q, %k, %v) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<3x12x8xf32>, tensor<2x12x4xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}

// -----

// Tests that the mask must broadcast to the scores [..., M, N].

func.func @bad_mask(%q: tensor<2x16x8xf32>, %k: tensor<2x12x8xf32>, %v: tensor<2x12x4xf32>, %m: tensor<16x16xf32>) -> tensor<2x16x4xf32> {
  // expected-error @+1 {{mask does not broadcast to the scores}}
  %y = "onnx.aotc.Attention"(%q, %k, %v, %m) <{scale = 0.5 : f64}> : (tensor<2x16x8xf32>, tensor<2x12x8xf32>, tensor<2x12x4xf32>, tensor<16x16xf32>) -> tensor<2x16x4xf32>
  return %y : tensor<2x16x4xf32>
}
