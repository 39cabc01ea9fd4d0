// RUN: aotc-opt %s --split-input-file --aotc-shape-inference -verify-diagnostics

// Operands go through an unranked Relu where the op has a verifier, so that
// the errors come from shape inference, which sees the shapes.

// Tests that a ConstantOfShape shape with a negative dimension is reported.
func.func @constant_of_shape_negative() -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[2, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.ConstantOfShape' op shape [2, -1] has a negative dimension}}
  %0 = "onnx.ConstantOfShape"(%s) : (tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Reshape shape with two -1 is reported.
func.func @reshape_two_inferred(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[-1, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Reshape' op shape [-1, -1] has more than one -1}}
  %0 = "onnx.Reshape"(%x, %s) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Reshape shape that copies a dimension the input lacks is
// reported.
func.func @reshape_copy_beyond_rank(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[2, 3, 4, 0]> : tensor<4xi64>}> : () -> tensor<4xi64>
  // expected-error @+1 {{'onnx.Reshape' op shape [2, 3, 4, 0] copies dimension 3 of the input of shape 2x3x4, which has rank 3}}
  %0 = "onnx.Reshape"(%x, %s) : (tensor<2x3x4xf32>, tensor<4xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Reshape dimension below -1 is reported.
func.func @reshape_invalid_dim(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[-2, 12]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Reshape' op shape [-2, 12] has invalid dimension -2}}
  %0 = "onnx.Reshape"(%x, %s) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that -1 together with 0 under allowzero is reported.
func.func @reshape_allowzero_inferred(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[0, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Reshape' op shape [0, -1] has both -1 and 0 with allowzero}}
  %0 = "onnx.Reshape"(%x, %s) <{allowzero = 1 : si64}> : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a -1 that cannot divide the element count is reported.
func.func @reshape_indivisible(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[5, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Reshape' op cannot reshape 2x3x4 (24 elements) into shape [5, -1]}}
  %0 = "onnx.Reshape"(%x, %s) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Reshape that changes the element count is reported.
func.func @reshape_count(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[4, 5]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Reshape' op cannot reshape 2x3x4 (24 elements) into 4x5 (20 elements)}}
  %0 = "onnx.Reshape"(%x, %s) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Flatten axis beyond the rank is reported.
func.func @flatten_axis(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Flatten' op axis 3 is out of range for rank 2}}
  %0 = "onnx.Flatten"(%r) <{axis = 3 : si64}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Transpose perm whose length differs from the rank is reported.
func.func @transpose_perm(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Transpose' op perm [1, 0, 2] is not a permutation of the input's 2 dimensions}}
  %0 = "onnx.Transpose"(%r) <{perm = array<i64: 1, 0, 2>}> : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that squeezing a dimension other than 1 is reported.
func.func @squeeze_non_one(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  %a = "onnx.Constant"() <{value = dense<[1]> : tensor<1xi64>}> : () -> tensor<1xi64>
  // expected-error @+1 {{'onnx.Squeeze' op cannot squeeze axis 1 of size 3 in shape 2x3}}
  %0 = "onnx.Squeeze"(%r, %a) : (tensor<*xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Concat operands that differ outside the axis are reported.
func.func @concat_shapes(%x: tensor<2x3xf32>, %y: tensor<2x4xf32>) -> tensor<*xf32> {
  %r = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Concat' op operands have incompatible shapes 2x3 and 2x4 for concatenation along axis 0}}
  %0 = "onnx.Concat"(%r, %y) <{axis = 0 : si64}> : (tensor<*xf32>, tensor<2x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a negative split size is reported.
func.func @split_negative(%x: tensor<6xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %r = "onnx.Relu"(%x) : (tensor<6xf32>) -> tensor<*xf32>
  %s = "onnx.Constant"() <{value = dense<[7, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Split' op split [7, -1] has a negative size}}
  %0:2 = "onnx.Split"(%r, %s) : (tensor<*xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that split sizes that do not add up to the dimension are reported.
func.func @split_sum(%x: tensor<6xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %r = "onnx.Relu"(%x) : (tensor<6xf32>) -> tensor<*xf32>
  %s = "onnx.Constant"() <{value = dense<[2, 3]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Split' op split [2, 3] does not add up to the split dimension's size 6}}
  %0:2 = "onnx.Split"(%r, %s) : (tensor<*xf32>, tensor<2xi64>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that num_outputs chunks that overrun the dimension are reported.
func.func @split_num_outputs_overrun(%x: tensor<5xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %r = "onnx.Relu"(%x) : (tensor<5xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Split' op cannot split dimension of size 5 into 4 outputs}}
  %0:4 = "onnx.Split"(%r) <{num_outputs = 4 : si64}> : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %0#2, %0#3 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that an uneven equal split is reported.
func.func @split_uneven(%x: tensor<5xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %r = "onnx.Relu"(%x) : (tensor<5xf32>) -> tensor<*xf32>
  // expected-error @+1 {{'onnx.Split' op dimension of size 5 does not split evenly into 2 outputs}}
  %0:2 = "onnx.Split"(%r) : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Tests that an Expand shape with a negative dimension is reported.
func.func @expand_negative(%x: tensor<3x1xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[3, -4]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Expand' op shape [3, -4] has a negative dimension}}
  %0 = "onnx.Expand"(%x, %s) : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Tile repeats of the wrong length are reported.
func.func @tile_length(%x: tensor<3x1xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[2]> : tensor<1xi64>}> : () -> tensor<1xi64>
  // expected-error @+1 {{'onnx.Tile' op repeats [2] has 1 values but the input has rank 2}}
  %0 = "onnx.Tile"(%x, %s) : (tensor<3x1xf32>, tensor<1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a negative Tile repeat is reported.
func.func @tile_negative(%x: tensor<3x1xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[2, -1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Tile' op repeats [2, -1] has a negative value}}
  %0 = "onnx.Tile"(%x, %s) : (tensor<3x1xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that pads of the wrong length are reported.
func.func @pad_length(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %p = "onnx.Constant"() <{value = dense<[1, 1]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Pad' op pads [1, 1] has 2 values but 2 padded dimensions need 4}}
  %0 = "onnx.Pad"(%x, %p) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that negative pads that crop below zero are reported.
func.func @pad_crop(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %p = "onnx.Constant"() <{value = dense<[0, -3, 0, -2]> : tensor<4xi64>}> : () -> tensor<4xi64>
  // expected-error @+1 {{'onnx.Pad' op pads [0, -3, 0, -2] crop dimension 1 of the shape 3x4 below zero}}
  %0 = "onnx.Pad"(%x, %p) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<3x4xf32>, tensor<4xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a zero Range delta is reported.
func.func @range_delta() -> tensor<*xf32> {
  %a = "onnx.Constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %b = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  // expected-error @+1 {{'onnx.Range' op delta must not be zero}}
  %0 = "onnx.Range"(%a, %b, %a) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that non-scalar Range operands are reported.
func.func @range_scalars(%a: tensor<2xf32>, %b: tensor<f32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Range' op start, limit and delta must be scalars, got shape 2}}
  %0 = "onnx.Range"(%a, %b, %b) : (tensor<2xf32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a Range too long to represent is reported.
func.func @range_length() -> tensor<*xf32> {
  %a = "onnx.Constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %b = "onnx.Constant"() <{value = dense<1.0e+30> : tensor<f32>}> : () -> tensor<f32>
  %d = "onnx.Constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  // expected-error @+1 {{'onnx.Range' op start 0, limit 1e+30 and delta 1 give too many elements}}
  %0 = "onnx.Range"(%a, %b, %d) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Resize with both scales and sizes is reported.
func.func @resize_both(%x: tensor<1x3x4x4xf32>, %s: tensor<4xf32>, %z: tensor<4xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.Resize' op exactly one of scales and sizes must be given}}
  %0 = "onnx.Resize"(%x, %s, %z) <{operandSegmentSizes = array<i32: 1, 0, 1, 1>}> : (tensor<1x3x4x4xf32>, tensor<4xf32>, tensor<4xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Resize sizes of the wrong length are reported.
func.func @resize_sizes(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  %z = "onnx.Constant"() <{value = dense<[8, 8]> : tensor<2xi64>}> : () -> tensor<2xi64>
  // expected-error @+1 {{'onnx.Resize' op sizes [8, 8] has 2 values but the input has rank 4}}
  %0 = "onnx.Resize"(%x, %z) <{operandSegmentSizes = array<i32: 1, 0, 0, 1>}> : (tensor<1x3x4x4xf32>, tensor<2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Resize scales of the wrong length are reported.
func.func @resize_scales(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[2.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  // expected-error @+1 {{'onnx.Resize' op scales has 2 values but the input has rank 4}}
  %0 = "onnx.Resize"(%x, %s) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>}> : (tensor<1x3x4x4xf32>, tensor<2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a non-positive Resize scale is reported.
func.func @resize_scale_sign(%x: tensor<1x3x4x4xf32>) -> tensor<*xf32> {
  %s = "onnx.Constant"() <{value = dense<[1.0, 1.0, 2.0, -2.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  // expected-error @+1 {{'onnx.Resize' op scale -2 must be positive}}
  %0 = "onnx.Resize"(%x, %s) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>}> : (tensor<1x3x4x4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that DepthToSpace of a 3-D input is reported.
func.func @depth_to_space_rank(%x: tensor<4x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.DepthToSpace' op input of shape 4x4x4 must be 4-D}}
  %0 = "onnx.DepthToSpace"(%x) <{blocksize = 2 : si64}> : (tensor<4x4x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that a non-positive blocksize is reported.
func.func @space_to_depth_blocksize(%x: tensor<1x4x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.SpaceToDepth' op blocksize 0 must be positive}}
  %0 = "onnx.SpaceToDepth"(%x) <{blocksize = 0 : si64}> : (tensor<1x4x4x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that DepthToSpace channels not divisible by blocksize squared are
// reported.
func.func @depth_to_space_channels(%x: tensor<1x6x4x4xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.DepthToSpace' op channels (6) are not divisible by blocksize² (4)}}
  %0 = "onnx.DepthToSpace"(%x) <{blocksize = 2 : si64}> : (tensor<1x6x4x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that SpaceToDepth spatial sizes not divisible by blocksize are
// reported.
func.func @space_to_depth_spatial(%x: tensor<1x3x4x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.SpaceToDepth' op spatial shape 1x3x4x5 is not divisible by blocksize 2}}
  %0 = "onnx.SpaceToDepth"(%x) <{blocksize = 2 : si64}> : (tensor<1x3x4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that an unsupported EyeLike dtype is reported.
func.func @eye_like_dtype(%x: tensor<3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.EyeLike' op unsupported dtype 8}}
  %0 = "onnx.EyeLike"(%x) <{dtype = 8 : si64}> : (tensor<3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that EyeLike of a 3-D input is reported.
func.func @eye_like_rank(%x: tensor<3x3x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.EyeLike' op input of shape 3x3x3 must be 2-D}}
  %0 = "onnx.EyeLike"(%x) : (tensor<3x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that Reshape and Expand take their shape as a 1-D tensor.
func.func @reshape_2d_shape(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %shape = "onnx.Constant"() <{value = dense<[[3, 2]]> : tensor<1x2xi64>}> : () -> tensor<1x2xi64>
  // expected-error @+1 {{'onnx.Reshape' op the shape operand must be 1-D, not of shape 1x2}}
  %0 = "onnx.Reshape"(%x, %shape) : (tensor<2x3xf32>, tensor<1x2xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @expand_2d_shape(%x: tensor<3xf32>) -> tensor<*xf32> {
  %shape = "onnx.Constant"() <{value = dense<[[2], [3]]> : tensor<2x1xi64>}> : () -> tensor<2x1xi64>
  // expected-error @+1 {{'onnx.Expand' op the shape operand must be 1-D, not of shape 2x1}}
  %0 = "onnx.Expand"(%x, %shape) : (tensor<3xf32>, tensor<2x1xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Tests that DepthToSpace knows only the modes DCR and CRD.
func.func @depth_to_space_mode(%x: tensor<1x4x2x2xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'onnx.DepthToSpace' op unknown mode 'XYZ': expected DCR or CRD}}
  %0 = "onnx.DepthToSpace"(%x) <{blocksize = 2 : si64, mode = "XYZ"}> : (tensor<1x4x2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
