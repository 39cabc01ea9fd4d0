//===- ConstantEval.h - Evaluating ONNX ops on constants --------*- C++ -*-===//
//
// The arithmetic behind the ONNX folders: elementwise ops with numpy
// broadcasting, casts, and data movement (gather, slice, concat, transpose,
// reshape) on `DenseElementsAttr`. Integers follow their type's signedness
// (signless and `siN` signed, `uiN` and `i1` unsigned); floats are evaluated in
// their own semantics.
//
// Every function returns null instead of a value it cannot compute: element
// types that do not match, indices out of range, division by zero, or a
// result of more than `kMaxFoldedElements` elements that is not a splat, so
// that weights are never copied into giant attributes.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IR_CONSTANTEVAL_H
#define AOTC_DIALECTS_ONNX_IR_CONSTANTEVAL_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <optional>

namespace aotc::onnx {

/// The most elements a folded result may have unless it is a splat.
constexpr int64_t kMaxFoldedElements = 1 << 16;

enum class UnaryOpKind {
  Neg,
  Not,
  /// Correctly rounded: evaluated in double, which has more than twice the
  /// precision of every narrower float type.
  Sqrt,
};

enum class BinaryOpKind {
  Add,
  Sub,
  Mul,
  /// Integer division truncates toward zero, as in C and onnxruntime.
  Div,
  Max,
  Min,
  /// Floats only (integer powers are left to run time); evaluated in double
  /// and rounded once, like Sqrt.
  Pow,
  // Comparisons, with i1 results.
  Equal,
  Less,
  Greater,
};

/// The numpy broadcast of two shapes; nullopt when they are incompatible.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

/// `kind` applied to each element.
mlir::DenseElementsAttr evalUnary(UnaryOpKind kind,
                                  mlir::DenseElementsAttr operand);

/// `kind` applied to the broadcast operands, which share an element type.
mlir::DenseElementsAttr evalBinary(BinaryOpKind kind,
                                   mlir::DenseElementsAttr lhs,
                                   mlir::DenseElementsAttr rhs);

/// numpy `where(condition, x, y)`, broadcasting all three.
mlir::DenseElementsAttr evalWhere(mlir::DenseElementsAttr condition,
                                  mlir::DenseElementsAttr x,
                                  mlir::DenseElementsAttr y);

/// The elements converted to `elementType` with ONNX Cast semantics: float to
/// integer truncates toward zero (out of range or NaN is not folded), integer
/// to integer wraps, anything to i1 is `!= 0`.
mlir::DenseElementsAttr castElements(mlir::DenseElementsAttr operand,
                                     mlir::Type elementType);

/// The elements broadcast (numpy rules) to `shape`.
mlir::DenseElementsAttr broadcastTo(mlir::DenseElementsAttr operand,
                                    llvm::ArrayRef<int64_t> shape);

/// ONNX Gather: the slices of `data` along `axis` that the integer
/// `indices` select; negative indices count from the end.
mlir::DenseElementsAttr gatherElements(mlir::DenseElementsAttr data,
                                       mlir::DenseElementsAttr indices,
                                       int64_t axis);

/// A strided slice: per dimension, the first index, the step and the number
/// of elements, all already in range (see `normalizeSlice`).
struct SliceBounds {
  llvm::SmallVector<int64_t> starts;
  llvm::SmallVector<int64_t> steps;
  llvm::SmallVector<int64_t> sizes;
};

/// ONNX Slice's parameters resolved against `shape`: negative indices
/// counted from the end, then clamped. `axes` and `steps` may be empty
/// (all axes in order, steps of 1). nullopt for inconsistent lengths, axes
/// out of range or repeated, and zero steps.
std::optional<SliceBounds> normalizeSlice(llvm::ArrayRef<int64_t> shape,
                                          llvm::ArrayRef<int64_t> starts,
                                          llvm::ArrayRef<int64_t> ends,
                                          llvm::ArrayRef<int64_t> axes,
                                          llvm::ArrayRef<int64_t> steps);

/// The elements of `data` within `bounds`.
mlir::DenseElementsAttr sliceElements(mlir::DenseElementsAttr data,
                                      const SliceBounds &bounds);

/// The operands joined along `axis` (non-negative); their other dimensions
/// and element types agree.
mlir::DenseElementsAttr
concatElements(llvm::ArrayRef<mlir::DenseElementsAttr> operands, int64_t axis);

/// The elements with their dimensions permuted: result dimension `i` is
/// operand dimension `perm[i]`.
mlir::DenseElementsAttr transposeElements(mlir::DenseElementsAttr operand,
                                          llvm::ArrayRef<int64_t> perm);

/// The same elements with `type`, which has the same element type and count.
/// A dense resource keeps sharing its blob, so weights are never copied.
mlir::ElementsAttr reshapeElements(mlir::ElementsAttr operand,
                                   mlir::ShapedType type);

/// ONNX Range: the 1-D tensor `start + i * delta` for `i` in
/// `[0, max(ceil((limit - start) / delta), 0))`, evaluated in the element
/// type of the three single-element operands.
mlir::DenseElementsAttr rangeElements(mlir::DenseElementsAttr start,
                                      mlir::DenseElementsAttr limit,
                                      mlir::DenseElementsAttr delta);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IR_CONSTANTEVAL_H
