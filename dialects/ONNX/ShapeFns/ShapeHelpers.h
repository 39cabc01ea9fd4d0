//===- ShapeHelpers.h - Shared pieces of the ONNX shape functions -*- C++
//-*-===//
//
// Shapes are `SmallVector<int64_t>` whose unknown dimensions are
// `ShapedType::kDynamic`. Helpers that can fail emit an error on the op and
// return failure, so shape functions just propagate it.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_SHAPEFNS_SHAPEHELPERS_H
#define AOTC_DIALECTS_ONNX_SHAPEFNS_SHAPEHELPERS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"

#include <optional>
#include <string>

namespace aotc::onnx {

using Shape = llvm::SmallVector<int64_t>;

inline bool isDynamic(int64_t dim) { return mlir::ShapedType::isDynamic(dim); }

/// The shape of `value`, or nullopt when it is unranked or absent.
std::optional<llvm::ArrayRef<int64_t>> getShapeOf(mlir::Value value);

/// The element type of the tensor `value`.
mlir::Type getElementType(mlir::Value value);

/// Formats a shape as `2x?x3` (`scalar` for rank 0), as error messages and
/// lit tests spell it.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Formats one dimension: its size, or `?` when dynamic.
std::string formatDim(int64_t dim);

/// Formats integers as `[1, 2]`.
std::string formatList(llvm::ArrayRef<int64_t> values);

/// Sets `result` to a tensor of `shape` and `elementType` (the result's own
/// element type when null). A dimension left dynamic keeps the static size
/// the result already had, if its rank is the same.
void setShape(mlir::Value result, llvm::ArrayRef<int64_t> shape,
              mlir::Type elementType = {});

/// Sets `result` to an unranked tensor of `elementType`, keeping a shape it
/// already has.
void setUnranked(mlir::Value result, mlir::Type elementType);

/// Product of `dims`; dynamic if any of them is, or if it overflows int64
/// (the tensor size check after each shape function reports that).
int64_t getProduct(llvm::ArrayRef<int64_t> dims);

/// Numpy multidirectional broadcasting of `lhs` and `rhs`; emits
/// "operands have incompatible shapes A and B" on `op` when they do not
/// broadcast.
mlir::FailureOr<Shape> broadcastShapes(mlir::Operation *op,
                                       llvm::ArrayRef<int64_t> lhs,
                                       llvm::ArrayRef<int64_t> rhs);

/// Derives the element types of `op` from its rules, then gives result 0 the
/// broadcast shape of `operands` (unranked while one of them is).
mlir::LogicalResult inferBroadcastShape(mlir::Operation *op,
                                        mlir::ValueRange operands);

/// Derives the element types of `op` from its rules and gives every result
/// the shape of operand 0.
mlir::LogicalResult inferSameShape(mlir::Operation *op);

/// Maps `axis` in [-rank, rank) to [0, rank); emits "axis A is out of range
/// for rank R" otherwise. `what` names the attribute in the message.
mlir::FailureOr<int64_t> normalizeAxis(mlir::Operation *op, int64_t axis,
                                       int64_t rank,
                                       llvm::StringRef what = "axis");

/// Normalizes each of `axes` and rejects repeated ones.
mlir::FailureOr<Shape> normalizeAxes(mlir::Operation *op,
                                     llvm::ArrayRef<int64_t> axes, int64_t rank,
                                     llvm::StringRef what = "axis");

/// Checks that `operand` (a shape, repeats, ...: ONNX takes them as 1-D
/// tensors) is 1-D when its shape is known; emits "the NAME operand must be
/// 1-D, not of shape S" otherwise.
mlir::LogicalResult checkOneDimensional(mlir::Operation *op,
                                        mlir::Value operand,
                                        llvm::StringRef name);

/// The length of a 1-D operand whose values are not known yet, or nullopt.
std::optional<int64_t> getStaticLength(mlir::Value value);

/// Sliding-window attributes of Conv, ConvTranspose and the pools, expanded
/// to one entry per spatial dimension.
struct WindowParams {
  Shape kernel;
  Shape strides;
  Shape dilations;
  Shape padsBegin;
  Shape padsEnd;
  enum class AutoPad { NotSet, SameUpper, SameLower, Valid } autoPad;
  bool ceilMode = false;
};

/// Reads and checks the window attributes for `spatialRank` dimensions;
/// omitted ones default to stride 1, dilation 1 and zero padding.
mlir::FailureOr<WindowParams>
getWindowParams(mlir::Operation *op, int64_t spatialRank,
                llvm::ArrayRef<int64_t> kernel,
                std::optional<llvm::ArrayRef<int64_t>> strides,
                std::optional<llvm::ArrayRef<int64_t>> dilations,
                std::optional<llvm::ArrayRef<int64_t>> pads,
                llvm::StringRef autoPad, bool ceilMode = false);

/// The output spatial dimensions of a convolution or pooling window sliding
/// over `input` (spatial dimensions only).
mlir::FailureOr<Shape> getWindowOutputShape(mlir::Operation *op,
                                            llvm::ArrayRef<int64_t> input,
                                            const WindowParams &params);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_SHAPEFNS_SHAPEHELPERS_H
