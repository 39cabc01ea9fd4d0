// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that Relu is one generic with a max against zero.

// CHECK-LABEL: func.func @relu
// CHECK-SAME:    %[[X:.+]]: tensor<2x3xf32>
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<2x3xf32>
// CHECK:         %[[RELU:.+]] = linalg.generic
// CHECK-SAME:        iterator_types = ["parallel", "parallel"]
// CHECK-SAME:        ins(%[[X]] : tensor<2x3xf32>) outs(%[[EMPTY]] : tensor<2x3xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[MAX:.+]] = arith.maximumf %[[IN]], %[[ZERO]] : f32
// CHECK:           linalg.yield %[[MAX]] : f32
// CHECK:         return %[[RELU]]
func.func @relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "onnx.Relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Tests that the table maps 1:1 unary ops to their math op.

// CHECK-LABEL: func.func @unary_table
// CHECK:         %[[TANH:.+]] = linalg.generic
// CHECK:           math.tanh
// CHECK:         %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[TANH]]
// CHECK:           math.exp
// CHECK:         %[[FLOOR:.+]] = linalg.generic {{.*}} ins(%[[EXP]]
// CHECK:           math.floor
// CHECK:         %[[ABS:.+]] = linalg.generic {{.*}} ins(%[[FLOOR]]
// CHECK:           math.absf
// CHECK:         return %[[ABS]]
func.func @unary_table(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "onnx.Tanh"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "onnx.Exp"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "onnx.Floor"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %3 = "onnx.Abs"(%2) : (tensor<4xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// Tests that Clip with constant bounds (ReLU6) captures them as scalars
// instead of reading them as tensors.

// CHECK-LABEL: func.func @clip_constant
// CHECK-SAME:    %[[X:.+]]: tensor<1x8xf32>
// CHECK-DAG:     %[[LO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[HI:.+]] = arith.constant 6.000000e+00 : f32
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%[[X]] : tensor<1x8xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[CLAMPED_LO:.+]] = arith.maximumf %[[IN]], %[[LO]] : f32
// CHECK:           %[[CLAMPED:.+]] = arith.minimumf %[[CLAMPED_LO]], %[[HI]] : f32
// CHECK:           linalg.yield %[[CLAMPED]] : f32
func.func @clip_constant(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %lo = "onnx.Constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %hi = "onnx.Constant"() {value = dense<6.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "onnx.Clip"(%x, %lo, %hi) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (tensor<1x8xf32>, tensor<f32>, tensor<f32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// Tests that a Clip bound that is not constant is read as a 0-d input, and
// that an absent bound is skipped.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG:   #[[$SCALAR:.+]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @clip_dynamic
// CHECK-SAME:    %[[X:.+]]: tensor<1x8xf32>, %[[HI:.+]]: tensor<f32>
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID]], #[[$SCALAR]], #[[$ID]]]
// CHECK-SAME:        ins(%[[X]], %[[HI]] : tensor<1x8xf32>, tensor<f32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[BOUND:.+]]: f32, %{{.+}}: f32):
// CHECK-NOT:       arith.maximumf
// CHECK:           %[[MIN:.+]] = arith.minimumf %[[IN]], %[[BOUND]] : f32
// CHECK:           linalg.yield %[[MIN]] : f32
func.func @clip_dynamic(%x: tensor<1x8xf32>, %hi: tensor<f32>) -> tensor<1x8xf32> {
  %0 = "onnx.Clip"(%x, %hi) <{operandSegmentSizes = array<i32: 1, 0, 1>}> : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// Tests that Sigmoid computes 1 / (1 + exp(-x)).

// CHECK-LABEL: func.func @sigmoid
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[NEG:.+]] = arith.negf %[[IN]] : f32
// CHECK:           %[[EXP:.+]] = math.exp %[[NEG]] : f32
// CHECK:           %[[DEN:.+]] = arith.addf %[[ONE]], %[[EXP]] : f32
// CHECK:           %[[SIG:.+]] = arith.divf %[[ONE]], %[[DEN]] : f32
// CHECK:           linalg.yield %[[SIG]] : f32
func.func @sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "onnx.Sigmoid"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that LeakyRelu selects alpha * x for negative inputs.

// CHECK-LABEL: func.func @leaky_relu
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK-DAG:       %[[ALPHA:.+]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG:       %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[NEG:.+]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK:           %[[SCALED:.+]] = arith.mulf %[[IN]], %[[ALPHA]] : f32
// CHECK:           %[[SEL:.+]] = arith.select %[[NEG]], %[[SCALED]], %[[IN]] : f32
// CHECK:           linalg.yield %[[SEL]] : f32
func.func @leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "onnx.LeakyRelu"(%x) {alpha = 0.25 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that HardSwish multiplies x by max(0, min(1, x / 6 + 0.5)).

// CHECK-LABEL: func.func @hard_swish
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[SIXTH:.+]] = arith.constant 0.166666672 : f32
// CHECK:           %[[SCALED:.+]] = arith.mulf %[[IN]], %[[SIXTH]] : f32
// CHECK:           %[[SHIFTED:.+]] = arith.addf %[[SCALED]], %{{.+}} : f32
// CHECK:           %[[UPPER:.+]] = arith.minimumf %[[SHIFTED]], %{{.+}} : f32
// CHECK:           %[[GATE:.+]] = arith.maximumf %[[UPPER]], %{{.+}} : f32
// CHECK:           %[[Y:.+]] = arith.mulf %[[IN]], %[[GATE]] : f32
// CHECK:           linalg.yield %[[Y]] : f32
func.func @hard_swish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "onnx.HardSwish"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that Add broadcasts both operands in one generic: leading
// dimensions are dropped and size-1 dimensions read index 0.

// CHECK-DAG:   #[[$A:.+]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG:   #[[$B:.+]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK-SAME:    %[[A:.+]]: tensor<2x1x4xf32>, %[[B:.+]]: tensor<3x1xf32>
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$A]], #[[$B]], #[[$ID]]]
// CHECK-SAME:        ins(%[[A]], %[[B]] : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%[[EMPTY]] : tensor<2x3x4xf32>)
// CHECK:           arith.addf
func.func @add_broadcast(%a: tensor<2x1x4xf32>, %b: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = "onnx.Add"(%a, %b) : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Tests that unsigned integers become signless in the signature and divide
// with divui, and signed ones with divsi.

// CHECK-LABEL: func.func @div_integers
// CHECK-SAME:    %{{.+}}: tensor<4xi8>, %{{.+}}: tensor<4xi8>, %{{.+}}: tensor<4xi32>) -> (tensor<4xi8>, tensor<4xi32>)
// CHECK:         linalg.generic
// CHECK:           arith.divui %{{.+}}, %{{.+}} : i8
// CHECK:         linalg.generic
// CHECK:           arith.divsi %{{.+}}, %{{.+}} : i32
func.func @div_integers(%a: tensor<4xui8>, %b: tensor<4xui8>, %c: tensor<4xi32>) -> (tensor<4xui8>, tensor<4xi32>) {
  %0 = "onnx.Div"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %1 = "onnx.Div"(%c, %c) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0, %1 : tensor<4xui8>, tensor<4xi32>
}

// -----

// Tests that Pow with a constant exponent of 2 is a multiplication.

// CHECK-LABEL: func.func @pow_square
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT:      %[[SQ:.+]] = arith.mulf %[[IN]], %[[IN]] : f32
// CHECK-NEXT:      linalg.yield %[[SQ]] : f32
// CHECK-NOT:     math.powf
func.func @pow_square(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = "onnx.Constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "onnx.Pow"(%x, %e) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that variadic Sum folds its operands left to right in one generic.

// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG:   #[[$FIRST:.+]] = affine_map<(d0) -> (0)>
// CHECK-LABEL: func.func @sum3
// CHECK-SAME:    %[[A:.+]]: tensor<4xf32>, %[[B:.+]]: tensor<4xf32>, %[[C:.+]]: tensor<1xf32>
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID]], #[[$ID]], #[[$FIRST]], #[[$ID]]]
// CHECK-SAME:        ins(%[[A]], %[[B]], %[[C]] :
// CHECK:         ^bb0(%[[IA:.+]]: f32, %[[IB:.+]]: f32, %[[IC:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[AB:.+]] = arith.addf %[[IA]], %[[IB]] : f32
// CHECK:           %[[ABC:.+]] = arith.addf %[[AB]], %[[IC]] : f32
// CHECK:           linalg.yield %[[ABC]] : f32
func.func @sum3(%a: tensor<4xf32>, %b: tensor<4xf32>, %c: tensor<1xf32>) -> tensor<4xf32> {
  %0 = "onnx.Sum"(%a, %b, %c) : (tensor<4xf32>, tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that a comparison yields i1 and Where selects with it.

// CHECK-LABEL: func.func @where_less
// CHECK-SAME:    %[[A:.+]]: tensor<4xf32>, %[[B:.+]]: tensor<4xf32>
// CHECK:         %[[COND:.+]] = linalg.generic {{.*}} ins(%[[A]], %[[B]] : {{.*}}) outs(%{{.+}} : tensor<4xi1>)
// CHECK:           arith.cmpf olt
// CHECK:         linalg.generic {{.*}} ins(%[[COND]], %[[A]], %[[B]] : tensor<4xi1>, tensor<4xf32>, tensor<4xf32>)
// CHECK:         ^bb0(%[[C:.+]]: i1, %[[X:.+]]: f32, %[[Y:.+]]: f32, %{{.+}}: f32):
// CHECK:           arith.select %[[C]], %[[X]], %[[Y]] : f32
func.func @where_less(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %c = "onnx.Less"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %0 = "onnx.Where"(%c, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that Equal on signed integers compares with cmpi eq and Greater on
// unsigned ones with ugt.

// CHECK-LABEL: func.func @compare_integers
// CHECK:         arith.cmpi eq, %{{.+}}, %{{.+}} : i64
// CHECK:         arith.cmpi ugt, %{{.+}}, %{{.+}} : i16
func.func @compare_integers(%a: tensor<4xi64>, %b: tensor<4xui16>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = "onnx.Equal"(%a, %a) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %1 = "onnx.Greater"(%b, %b) : (tensor<4xui16>, tensor<4xui16>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}

// -----

// Tests that Cast picks the conversion from both ONNX element types.

// CHECK-LABEL: func.func @cast
// CHECK-SAME:    %{{.+}}: tensor<4xf32>, %{{.+}}: tensor<4xi8>
// CHECK:         arith.fptosi %{{.+}} : f32 to i64
// CHECK:         arith.uitofp %{{.+}} : i8 to f32
// CHECK:         arith.cmpf une
func.func @cast(%x: tensor<4xf32>, %u: tensor<4xui8>) -> (tensor<4xi64>, tensor<4xf32>, tensor<4xi1>) {
  %0 = "onnx.Cast"(%x) {to = 7 : si64} : (tensor<4xf32>) -> tensor<4xi64>
  %1 = "onnx.Cast"(%u) {to = 1 : si64} : (tensor<4xui8>) -> tensor<4xf32>
  %2 = "onnx.Cast"(%x) {to = 9 : si64} : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi64>, tensor<4xf32>, tensor<4xi1>
}

// -----

// Tests that Identity and inference Dropout forward their operand and that
// Dropout's mask is an all-true constant.

// CHECK-LABEL: func.func @identity_dropout
// CHECK-SAME:    %[[X:.+]]: tensor<4xf32>
// CHECK:         %[[MASK:.+]] = arith.constant dense<true> : tensor<4xi1>
// CHECK:         return %[[X]], %[[MASK]]
func.func @identity_dropout(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0 = "onnx.Identity"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1, %mask = "onnx.Dropout"(%0) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>)
  return %1, %mask : tensor<4xf32>, tensor<4xi1>
}

// -----

// Tests that CastLike casts its first operand only: the second one carries
// the element type.

// CHECK-LABEL: func.func @cast_like
// CHECK-SAME:    %[[X:.+]]: tensor<4xf32>, %{{.+}}: tensor<1xi32>
// CHECK:         linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>) outs(%{{.+}} : tensor<4xi32>)
// CHECK:           arith.fptosi %{{.+}} : f32 to i32
func.func @cast_like(%x: tensor<4xf32>, %like: tensor<1xi32>) -> tensor<4xi32> {
  %0 = "onnx.CastLike"(%x, %like) : (tensor<4xf32>, tensor<1xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Tests that Abs of an unsigned integer is the integer itself, and of a
// signed one math.absi.

// CHECK-LABEL: func.func @abs_unsigned
// CHECK:         ^bb0(%[[U:.+]]: i8, %{{.+}}: i8):
// CHECK-NEXT:      linalg.yield %[[U]] : i8
// CHECK:         math.absi %{{.+}} : i8
func.func @abs_unsigned(%x: tensor<4xui8>, %y: tensor<4xi8>) -> (tensor<4xui8>, tensor<4xi8>) {
  %0 = "onnx.Abs"(%x) : (tensor<4xui8>) -> tensor<4xui8>
  %1 = "onnx.Abs"(%y) : (tensor<4xi8>) -> tensor<4xi8>
  return %0, %1 : tensor<4xui8>, tensor<4xi8>
}

// -----

// Tests that ThresholdedRelu keeps x above alpha and that IsInf compares
// with +inf only when detect_negative = 0.

// CHECK-LABEL: func.func @thresholded_relu_is_inf
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ALPHA:.+]] = arith.constant 2.000000e+00 : f32
// CHECK:           %[[ABOVE:.+]] = arith.cmpf ogt, %[[IN]], %[[ALPHA]] : f32
// CHECK:           arith.select %[[ABOVE]], %[[IN]], %{{.+}} : f32
// CHECK:         ^bb0(%[[IN2:.+]]: f32, %{{.+}}: i1):
// CHECK-NEXT:      %[[INF:.+]] = arith.constant 0x7F800000 : f32
// CHECK-NEXT:      %[[EQ:.+]] = arith.cmpf oeq, %[[IN2]], %[[INF]] : f32
// CHECK-NEXT:      linalg.yield %[[EQ]] : i1
func.func @thresholded_relu_is_inf(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>) {
  %0 = "onnx.ThresholdedRelu"(%x) {alpha = 2.0 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "onnx.IsInf"(%x) {detect_negative = 0 : si64} : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xf32>, tensor<4xi1>
}

// -----

// Tests that QuantizeLinear rounds half to even, adds the zero point and
// saturates to the u8 range; the per-axis scale is read along axis 1.

// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @quantize_per_axis
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[AXIS]], #[[AXIS]], #{{.*}}]
// CHECK: arith.uitofp
// CHECK: arith.divf
// CHECK: math.roundeven
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: arith.fptoui %{{.*}} : f32 to i8
func.func @quantize_per_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %z: tensor<3xui8>) -> tensor<2x3xui8> {
  %0 = "onnx.QuantizeLinear"(%x, %s, %z) {axis = 1 : si64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}

// -----

// Tests that DequantizeLinear is (x - zero_point) * scale, the difference
// exact in i64 (an int32 bias's is not in f32), the product in f32.

// CHECK-LABEL: func.func @dequantize
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: arith.subi
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: arith.mulf
func.func @dequantize(%x: tensor<4xi32>, %s: tensor<f32>, %z: tensor<i32>) -> tensor<4xf32> {
  %0 = "onnx.DequantizeLinear"(%x, %s, %z) : (tensor<4xi32>, tensor<f32>, tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that QuantizeLinear without a zero point adds nothing and saturates
// to the u8 range; DequantizeLinear without one reads a uint8 as unsigned.

// CHECK-LABEL: func.func @quantize_no_zero_point
// CHECK: arith.divf
// CHECK-NEXT: math.roundeven
// CHECK-NEXT: arith.constant 0.0
// CHECK-NEXT: arith.maximumf
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: arith.uitofp %{{.*}} : i8 to f32
// CHECK-NEXT: arith.mulf
func.func @quantize_no_zero_point(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf32> {
  %0 = "onnx.QuantizeLinear"(%x, %s) : (tensor<4xf32>, tensor<f32>) -> tensor<4xui8>
  %1 = "onnx.DequantizeLinear"(%0, %s) : (tensor<4xui8>, tensor<f32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
