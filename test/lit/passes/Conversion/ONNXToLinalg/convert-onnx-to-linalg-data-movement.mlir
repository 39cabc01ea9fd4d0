// RUN: aotc-opt %s --split-input-file --aotc-convert-onnx-to-linalg | FileCheck %s

// Tests that a weight held in a dense resource becomes an arith.constant of
// the same resource: no byte is copied.

// CHECK-LABEL: func.func @constant_resource
// CHECK:         %[[W:.+]] = arith.constant dense_resource<weights> : tensor<2x2xf32>
// CHECK:         return %[[W]]
// CHECK:       weights: "0x040000000000803F000000400000404000008040"
func.func @constant_resource() -> tensor<2x2xf32> {
  %0 = "onnx.Constant"() {value = dense_resource<weights> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// Tests that a 0-d dense resource (a quantization scale or zero point from a
// raw-data initializer) becomes an inline constant: a 0-d global is lowered
// to LLVM through its splat value, which a resource cannot give.

// CHECK-LABEL: func.func @constant_scalar_resource
// CHECK:         %[[S:.+]] = arith.constant dense<5.000000e-01> : tensor<f32>
// CHECK:         %[[Z:.+]] = arith.constant dense<-56> : tensor<i8>
// CHECK:         return %[[S]], %[[Z]]
func.func @constant_scalar_resource() -> (tensor<f32>, tensor<ui8>) {
  %0 = "onnx.Constant"() {value = dense_resource<scale> : tensor<f32>} : () -> tensor<f32>
  %1 = "onnx.Constant"() {value = dense_resource<zero> : tensor<ui8>} : () -> tensor<ui8>
  return %0, %1 : tensor<f32>, tensor<ui8>
}
{-#
  dialect_resources: {
    builtin: {
      scale: "0x040000000000003F",
      zero: "0x01000000C8"
    }
  }
#-}

// -----

// Tests that an unsigned constant keeps its elements under the signless type.

// CHECK-LABEL: func.func @constant_unsigned() -> tensor<2xi8>
// CHECK:         %[[C:.+]] = arith.constant dense<[1, -1]> : tensor<2xi8>
// CHECK:         return %[[C]]
func.func @constant_unsigned() -> tensor<2xui8> {
  %0 = "onnx.Constant"() {value = dense<[1, 255]> : tensor<2xui8>} : () -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// -----

// Tests that Reshape, Flatten, Squeeze and Unsqueeze regroup dimensions
// with collapse_shape/expand_shape.

// CHECK-LABEL: func.func @reshapes
// CHECK-SAME:    %[[X:.+]]: tensor<1x2x3x4xf32>
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2, 3]] : tensor<1x2x3x4xf32> into tensor<1x24xf32>
// CHECK:         %[[SQUEEZED:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2], [3]] : tensor<1x2x3x4xf32> into tensor<2x3x4xf32>
// CHECK:         %[[UNSQUEEZED:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 2, 3, 1, 4]
// CHECK:         %[[RESHAPED:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2, 3]] : tensor<1x2x3x4xf32> into tensor<2x12xf32>
// CHECK:         return %[[FLAT]], %[[SQUEEZED]], %[[UNSQUEEZED]], %[[RESHAPED]]
func.func @reshapes(%x: tensor<1x2x3x4xf32>) -> (tensor<1x24xf32>, tensor<2x3x4xf32>, tensor<1x2x3x1x4xf32>, tensor<2x12xf32>) {
  %shape = "onnx.Constant"() {value = dense<[2, 12]> : tensor<2xi64>} : () -> tensor<2xi64>
  %a0 = "onnx.Constant"() {value = dense<[0]> : tensor<1xi64>} : () -> tensor<1xi64>
  %a3 = "onnx.Constant"() {value = dense<[3]> : tensor<1xi64>} : () -> tensor<1xi64>
  %0 = "onnx.Flatten"(%x) {axis = 1 : si64} : (tensor<1x2x3x4xf32>) -> tensor<1x24xf32>
  %1 = "onnx.Squeeze"(%x, %a0) : (tensor<1x2x3x4xf32>, tensor<1xi64>) -> tensor<2x3x4xf32>
  %2 = "onnx.Unsqueeze"(%x, %a3) : (tensor<1x2x3x4xf32>, tensor<1xi64>) -> tensor<1x2x3x1x4xf32>
  %3 = "onnx.Reshape"(%x, %shape) : (tensor<1x2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
  return %0, %1, %2, %3 : tensor<1x24xf32>, tensor<2x3x4xf32>, tensor<1x2x3x1x4xf32>, tensor<2x12xf32>
}

// -----

// Tests that a Reshape that no grouping of dimensions explains goes through
// one dimension.

// CHECK-LABEL: func.func @reshape_regroup
// CHECK-SAME:    %[[X:.+]]: tensor<2x3xf32>
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK:         return %[[Y]]
func.func @reshape_regroup(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %shape = "onnx.Constant"() {value = dense<[3, 2]> : tensor<2xi64>} : () -> tensor<2xi64>
  %0 = "onnx.Reshape"(%x, %shape) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Tests that Transpose is linalg.transpose with the permutation.

// CHECK-LABEL: func.func @transpose
// CHECK-SAME:    %[[X:.+]]: tensor<2x3x4xf32>
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK:         %[[T:.+]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[EMPTY]] : tensor<4x2x3xf32>) permutation = [2, 0, 1]
// CHECK:         return %[[T]]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = "onnx.Transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// Tests that Concat inserts each operand at its offset along the axis.

// CHECK-LABEL: func.func @concat
// CHECK-SAME:    %[[A:.+]]: tensor<2x3xf32>, %[[B:.+]]: tensor<2x2xf32>
// CHECK:         %[[EMPTY:.+]] = tensor.empty() : tensor<2x5xf32>
// CHECK:         %[[WITH_A:.+]] = tensor.insert_slice %[[A]] into %[[EMPTY]][0, 0] [2, 3] [1, 1]
// CHECK:         %[[WITH_B:.+]] = tensor.insert_slice %[[B]] into %[[WITH_A]][0, 3] [2, 2] [1, 1]
// CHECK:         return %[[WITH_B]]
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x2xf32>) -> tensor<2x5xf32> {
  %0 = "onnx.Concat"(%a, %b) {axis = -1 : si64} : (tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// Tests that Slice with positive steps is one extract_slice, with negative
// starts counted from the end and ends clamped.

// CHECK-LABEL: func.func @slice
// CHECK-SAME:    %[[X:.+]]: tensor<7x6xf32>
// CHECK:         %[[S:.+]] = tensor.extract_slice %[[X]][2, 1] [3, 2] [2, 2] : tensor<7x6xf32> to tensor<3x2xf32>
// CHECK:         return %[[S]]
func.func @slice(%x: tensor<7x6xf32>) -> tensor<3x2xf32> {
  %starts = "onnx.Constant"() {value = dense<[-5, 1]> : tensor<2xi64>} : () -> tensor<2xi64>
  %ends = "onnx.Constant"() {value = dense<[100, 5]> : tensor<2xi64>} : () -> tensor<2xi64>
  %axes = "onnx.Constant"() {value = dense<[0, 1]> : tensor<2xi64>} : () -> tensor<2xi64>
  %steps = "onnx.Constant"() {value = dense<[2, 2]> : tensor<2xi64>} : () -> tensor<2xi64>
  %0 = "onnx.Slice"(%x, %starts, %ends, %axes, %steps) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<7x6xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Tests that a negative step slices the covered range with the positive
// stride and reverses it with a generic.

// CHECK-DAG:   #[[$FLIP:.+]] = affine_map<(d0, d1) -> (-d0 + 2, d1)>
// CHECK-DAG:   #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @slice_reverse
// CHECK-SAME:    %[[X:.+]]: tensor<6x4xf32>
// CHECK:         %[[S:.+]] = tensor.extract_slice %[[X]][1, 0] [3, 4] [2, 1] : tensor<6x4xf32> to tensor<3x4xf32>
// CHECK:         %[[R:.+]] = linalg.generic {indexing_maps = [#[[$FLIP]], #[[$ID]]]{{.*}} ins(%[[S]] : tensor<3x4xf32>)
// CHECK:         return %[[R]]
func.func @slice_reverse(%x: tensor<6x4xf32>) -> tensor<3x4xf32> {
  %starts = "onnx.Constant"() {value = dense<[-1]> : tensor<1xi64>} : () -> tensor<1xi64>
  %ends = "onnx.Constant"() {value = dense<[-100]> : tensor<1xi64>} : () -> tensor<1xi64>
  %axes = "onnx.Constant"() {value = dense<[0]> : tensor<1xi64>} : () -> tensor<1xi64>
  %steps = "onnx.Constant"() {value = dense<[-2]> : tensor<1xi64>} : () -> tensor<1xi64>
  %0 = "onnx.Slice"(%x, %starts, %ends, %axes, %steps) <{operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}> : (tensor<6x4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Tests that Gather with a constant scalar index is a rank-reducing slice.

// CHECK-LABEL: func.func @gather_scalar
// CHECK-SAME:    %[[X:.+]]: tensor<5x4xf32>
// CHECK:         %[[ROW:.+]] = tensor.extract_slice %[[X]][3, 0] [1, 4] [1, 1] : tensor<5x4xf32> to tensor<4xf32>
// CHECK:         return %[[ROW]]
func.func @gather_scalar(%x: tensor<5x4xf32>) -> tensor<4xf32> {
  %i = "onnx.Constant"() {value = dense<-2> : tensor<i64>} : () -> tensor<i64>
  %0 = "onnx.Gather"(%x, %i) {axis = 0 : si64} : (tensor<5x4xf32>, tensor<i64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Tests that Gather with a runtime index tensor extracts each element at the
// index, wrapping negative indices; an index still outside the axis reads
// element 0 (the entry point reports it), never beside the tensor.

// CHECK-DAG:   #[[$INDICES:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-LABEL: func.func @gather_indices
// CHECK-SAME:    %[[X:.+]]: tensor<5x4xf32>, %[[I:.+]]: tensor<2x3xi64>
// CHECK:         linalg.generic {indexing_maps = [#[[$INDICES]], #{{.+}}]{{.*}} ins(%[[I]] : tensor<2x3xi64>) outs(%{{.+}} : tensor<5x2x3xf32>)
// CHECK:         ^bb0(%[[IDX:.+]]: i64, %{{.+}}: f32):
// CHECK:           %[[CAST:.+]] = arith.index_cast %[[IDX]] : i64 to index
// CHECK-DAG:       %[[ZERO:.+]] = arith.constant 0 : index
// CHECK-DAG:       %[[DIM:.+]] = arith.constant 4 : index
// CHECK:           %[[NEG:.+]] = arith.cmpi slt, %[[CAST]], %[[ZERO]] : index
// CHECK:           %[[WRAPPED:.+]] = arith.addi %[[CAST]], %[[DIM]] : index
// CHECK:           %[[NORMAL:.+]] = arith.select %[[NEG]], %[[WRAPPED]], %[[CAST]] : index
// CHECK:           %[[ABOVE:.+]] = arith.cmpi sge, %[[NORMAL]], %[[ZERO]] : index
// CHECK:           %[[BELOW:.+]] = arith.cmpi slt, %[[NORMAL]], %[[DIM]] : index
// CHECK:           %[[IN:.+]] = arith.andi %[[ABOVE]], %[[BELOW]] : i1
// CHECK:           %[[COL:.+]] = arith.select %[[IN]], %[[NORMAL]], %[[ZERO]] : index
// CHECK:           %[[ROW:.+]] = linalg.index 0 : index
// CHECK:           %[[E:.+]] = tensor.extract %[[X]][%[[ROW]], %[[COL]]] : tensor<5x4xf32>
// CHECK:           linalg.yield %[[E]] : f32
func.func @gather_indices(%x: tensor<5x4xf32>, %i: tensor<2x3xi64>) -> tensor<5x2x3xf32> {
  %0 = "onnx.Gather"(%x, %i) {axis = 1 : si64} : (tensor<5x4xf32>, tensor<2x3xi64>) -> tensor<5x2x3xf32>
  return %0 : tensor<5x2x3xf32>
}

// -----

// Tests that Pad in constant mode is tensor.pad, after cropping negative
// pads.

// CHECK-LABEL: func.func @pad
// CHECK-SAME:    %[[X:.+]]: tensor<2x3xf32>
// CHECK:         %[[CROPPED:.+]] = tensor.extract_slice %[[X]][0, 1] [2, 2] [1, 1] : tensor<2x3xf32> to tensor<2x2xf32>
// CHECK:         %[[VALUE:.+]] = arith.constant 1.500000e+00 : f32
// CHECK:         %[[P:.+]] = tensor.pad %[[CROPPED]] low[1, 0] high[1, 2]
// CHECK:           tensor.yield %[[VALUE]] : f32
// CHECK:         } : tensor<2x2xf32> to tensor<4x4xf32>
// CHECK:         return %[[P]]
func.func @pad(%x: tensor<2x3xf32>) -> tensor<4x4xf32> {
  %pads = "onnx.Constant"() {value = dense<[1, -1, 1, 2]> : tensor<4xi64>} : () -> tensor<4xi64>
  %value = "onnx.Constant"() {value = dense<1.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "onnx.Pad"(%x, %pads, %value) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (tensor<2x3xf32>, tensor<4xi64>, tensor<f32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// Tests that Expand is a broadcasting copy.

// CHECK-DAG:   #[[$BCAST:.+]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-LABEL: func.func @expand
// CHECK-SAME:    %[[X:.+]]: tensor<3x1xf32>
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$BCAST]], #{{.+}}]{{.*}} ins(%[[X]] : tensor<3x1xf32>) outs(%{{.+}} : tensor<2x3x4xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT:      linalg.yield %[[IN]] : f32
// CHECK:         return %[[Y]]
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %shape = "onnx.Constant"() {value = dense<[2, 1, 4]> : tensor<3xi64>} : () -> tensor<3xi64>
  %0 = "onnx.Expand"(%x, %shape) : (tensor<3x1xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Tests that Tile reads the input modulo its size.

// CHECK-DAG:   #[[$MOD:.+]] = affine_map<(d0, d1) -> (d0 mod 2, d1)>
// CHECK-LABEL: func.func @tile
// CHECK-SAME:    %[[X:.+]]: tensor<2x3xf32>
// CHECK:         linalg.generic {indexing_maps = [#[[$MOD]], #{{.+}}]{{.*}} ins(%[[X]] : tensor<2x3xf32>) outs(%{{.+}} : tensor<4x3xf32>)
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %repeats = "onnx.Constant"() {value = dense<[2, 1]> : tensor<2xi64>} : () -> tensor<2xi64>
  %0 = "onnx.Tile"(%x, %repeats) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Tests that Split extracts consecutive slices along the axis.

// CHECK-LABEL: func.func @split
// CHECK-SAME:    %[[X:.+]]: tensor<2x5xf32>
// CHECK:         %[[FIRST:.+]] = tensor.extract_slice %[[X]][0, 0] [2, 2] [1, 1]
// CHECK:         %[[SECOND:.+]] = tensor.extract_slice %[[X]][0, 2] [2, 3] [1, 1]
// CHECK:         return %[[FIRST]], %[[SECOND]]
func.func @split(%x: tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>) {
  %sizes = "onnx.Constant"() {value = dense<[2, 3]> : tensor<2xi64>} : () -> tensor<2xi64>
  %0, %1 = "onnx.Split"(%x, %sizes) {axis = 1 : si64} : (tensor<2x5xf32>, tensor<2xi64>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  return %0, %1 : tensor<2x2xf32>, tensor<2x3xf32>
}

// -----

// Tests that Shape of a static type is a constant.

// CHECK-LABEL: func.func @shape
// CHECK:         %[[SHAPE:.+]] = arith.constant dense<[3, 4]> : tensor<2xi64>
// CHECK:         return %[[SHAPE]]
func.func @shape(%x: tensor<2x3x4xf32>) -> tensor<2xi64> {
  %0 = "onnx.Shape"(%x) {start = 1 : si64} : (tensor<2x3x4xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// Tests that DepthToSpace (DCR) splits the block out of the channels,
// transposes it next to the spatial dimensions and merges it into them.

// CHECK-LABEL: func.func @depth_to_space
// CHECK-SAME:    %[[X:.+]]: tensor<1x8x2x3xf32>
// CHECK:         %[[SPLIT:.+]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2, 3], [4], [5]] output_shape [1, 2, 2, 2, 2, 3]
// CHECK:         %[[T:.+]] = linalg.transpose ins(%[[SPLIT]] : tensor<1x2x2x2x2x3xf32>) outs(%{{.+}} : tensor<1x2x2x2x3x2xf32>) permutation = [0, 3, 4, 1, 5, 2]
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[T]] {{\[}}[0], [1], [2, 3], [4, 5]] : tensor<1x2x2x2x3x2xf32> into tensor<1x2x4x6xf32>
// CHECK:         return %[[Y]]
func.func @depth_to_space(%x: tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32> {
  %0 = "onnx.DepthToSpace"(%x) {blocksize = 2 : si64} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  return %0 : tensor<1x2x4x6xf32>
}

// -----

// Tests that reflect padding gathers through a compile-time table of source
// indices that mirrors at the edges without repeating them.

// CHECK-DAG:   #[[$COL:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @pad_reflect
// CHECK-SAME:    %[[X:.+]]: tensor<2x3xf32>
// CHECK:         %[[TABLE:.+]] = arith.constant dense<[2, 1, 0, 1, 2, 1]> : tensor<6xi64>
// CHECK:         linalg.generic {indexing_maps = [#[[$COL]], #{{.+}}]{{.*}} ins(%[[TABLE]] : tensor<6xi64>) outs(%{{.+}} : tensor<2x6xf32>)
// CHECK:         ^bb0(%[[I:.+]]: i64, %{{.+}}: f32):
// CHECK:           %[[COL_INDEX:.+]] = arith.index_cast %[[I]] : i64 to index
// CHECK:           %[[ROW:.+]] = linalg.index 0 : index
// CHECK:           %[[E:.+]] = tensor.extract %[[X]][%[[ROW]], %[[COL_INDEX]]] : tensor<2x3xf32>
// CHECK:           linalg.yield %[[E]] : f32
func.func @pad_reflect(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %pads = "onnx.Constant"() {value = dense<[0, 2, 0, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %0 = "onnx.Pad"(%x, %pads) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>}> {mode = "reflect"} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// Tests that Trilu compares column - row with k and zeroes the rest.

// CHECK-LABEL: func.func @trilu
// CHECK:         %[[K:.+]] = arith.constant 1 : index
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ROW:.+]] = linalg.index 0 : index
// CHECK:           %[[COL:.+]] = linalg.index 1 : index
// CHECK:           %[[DIAG:.+]] = arith.subi %[[COL]], %[[ROW]] : index
// CHECK:           %[[KEEP:.+]] = arith.cmpi sle, %[[DIAG]], %[[K]] : index
// CHECK:           arith.select %[[KEEP]], %[[IN]], %{{.+}} : f32
func.func @trilu(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %k = "onnx.Constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %0 = "onnx.Trilu"(%x, %k) {upper = 0 : si64} : (tensor<3x4xf32>, tensor<i64>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Tests that GatherElements reads data at its own coordinates with the axis
// coordinate from the indices (clamped as Gather's).

// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME:    %[[X:.+]]: tensor<3x4xf32>, %[[I:.+]]: tensor<3x2xi64>
// CHECK:         linalg.generic {{.*}} ins(%[[I]] : tensor<3x2xi64>) outs(%{{.+}} : tensor<3x2xf32>)
// CHECK:           arith.select
// CHECK:           %[[COL:.+]] = arith.select
// CHECK:           %[[ROW:.+]] = linalg.index 0 : index
// CHECK:           tensor.extract %[[X]][%[[ROW]], %[[COL]]] : tensor<3x4xf32>
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %0 = "onnx.GatherElements"(%x, %i) {axis = 1 : si64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Tests that an op whose results are all empty becomes tensor.empty, and an
// empty part of a Split too (its offset is past the end).

// CHECK-LABEL: func.func @empty_results
// CHECK: %[[E:.*]] = tensor.empty() : tensor<0x4xf32>
// CHECK: %[[P:.*]] = tensor.empty() : tensor<2x0xf32>
// CHECK: return %[[E]], %{{.*}}, %[[P]]
func.func @empty_results(%x: tensor<0x4xf32>, %y: tensor<2x3xf32>) -> (tensor<0x4xf32>, tensor<2x3xf32>, tensor<2x0xf32>) {
  %r = "onnx.Relu"(%x) : (tensor<0x4xf32>) -> tensor<0x4xf32>
  %split = "onnx.Constant"() {value = dense<[3, 0]> : tensor<2xi64>} : () -> tensor<2xi64>
  %a, %b = "onnx.Split"(%y, %split) {axis = 1 : si64} : (tensor<2x3xf32>, tensor<2xi64>) -> (tensor<2x3xf32>, tensor<2x0xf32>)
  return %r, %a, %b : tensor<0x4xf32>, tensor<2x3xf32>, tensor<2x0xf32>
}

// -----

// Tests that OneHot compares the (wrapped) index with the position along
// the axis and selects on/off.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @one_hot
// CHECK: %[[OFF:.*]] = tensor.extract %{{.*}}[%c0
// CHECK: %[[ON:.*]] = tensor.extract %{{.*}}[%c1
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #{{.*}}], iterator_types = ["parallel", "parallel"]}
// CHECK: %[[POS:.*]] = linalg.index 1
// CHECK: arith.cmpi eq
// CHECK: arith.select %{{.*}}, %[[ON]], %[[OFF]]
func.func @one_hot(%i: tensor<3xi64>, %v: tensor<2xf32>) -> tensor<3x5xf32> {
  %depth = "onnx.Constant"() {value = dense<5> : tensor<i64>} : () -> tensor<i64>
  %0 = "onnx.OneHot"(%i, %depth, %v) {axis = -1 : si64} : (tensor<3xi64>, tensor<i64>, tensor<2xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// Tests that an empty constant is not replaced like other empty results:
// ReduceSum reads its empty axes (with noop_with_empty_axes, the identity).

// CHECK-LABEL: func.func @empty_axes
// CHECK-SAME:    (%[[X:.*]]: tensor<3x2xf32>)
// CHECK:         return %[[X]]
func.func @empty_axes(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %axes = "onnx.Constant"() {value = dense<> : tensor<0xi64>} : () -> tensor<0xi64>
  %0 = "onnx.ReduceSum"(%x, %axes) {keepdims = 1 : si64, noop_with_empty_axes = 1 : si64} : (tensor<3x2xf32>, tensor<0xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
