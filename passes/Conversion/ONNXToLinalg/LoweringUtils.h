//===- LoweringUtils.h - Shared onnx to linalg helpers ----------*- C++ -*-===//
//
// Builders for the IR shapes that every pattern family emits (all-parallel
// broadcasting `linalg.generic`s, reductions, filled `tensor.empty`s, static
// reshapes, constant padding), plus readers for constant operands and the
// user-facing diagnostic for configurations the code generator lacks.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_PASSES_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H
#define AOTC_PASSES_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

#include <optional>

namespace aotc {

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// `type` with signless integers in place of `uiN`/`siN`, element-wise for
/// tensors; other types unchanged. This is what the pass's type converter
/// does: arith and linalg only take signless integers.
mlir::Type toSignless(mlir::Type type);

/// The converted (signless) type of `value`, as a ranked tensor type; null
/// when it is not one.
mlir::RankedTensorType getConvertedTensorType(const mlir::TypeConverter &tc,
                                              mlir::Value value);

/// Whether the ONNX element type of `value` (before conversion) is an
/// unsigned integer (`uiN`); its arithmetic then uses unsigned ops.
bool isUnsignedElement(mlir::Value value);

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

/// Emits "operator 'X' is not supported by the code generator: <reason>" on
/// `op` and returns failure. Patterns call it before creating any IR.
llvm::LogicalResult emitUnsupported(mlir::Operation *op,
                                    const llvm::Twine &reason);

/// The ONNX operator name of `op` ("Conv" for `onnx.Conv`).
llvm::StringRef getOperatorName(mlir::Operation *op);

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// The elements of the constant `value` (inline or dense resource) when it
/// has at most `maxElements` elements or is a splat; null otherwise.
mlir::DenseElementsAttr getConstantElements(mlir::Value value,
                                            int64_t maxElements = 1 << 16);

/// The splat element of a constant `value` (a 0-d or splat tensor) as a
/// typed attribute of the signless element type; null otherwise.
mlir::TypedAttr getSplatConstant(mlir::Value value);

/// The elements of a constant integer tensor (axes, pads, starts, ...).
std::optional<llvm::SmallVector<int64_t>>
getConstantIntegers(mlir::Value value);

/// The elements of a constant floating-point tensor.
std::optional<llvm::SmallVector<double>> getConstantDoubles(mlir::Value value);

/// A scalar `arith.constant` of the int or float type `type` holding `value`.
mlir::Value createScalar(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type type, double value);

/// The lowest value of `type`: -inf for floats, the minimum for integers
/// (`isUnsigned` picks the unsigned minimum, 0).
mlir::Value createLowest(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type type, bool isUnsigned = false);

/// The highest value of `type`: +inf for floats, the integer maximum.
mlir::Value createHighest(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Type type, bool isUnsigned = false);

/// An `arith.constant` tensor of `type` with `values` converted to its float
/// element type.
mlir::Value createFloatTensor(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::RankedTensorType type,
                              llvm::ArrayRef<double> values);

//===----------------------------------------------------------------------===//
// Tensors and linalg
//===----------------------------------------------------------------------===//

/// `tensor.empty` of `type`.
mlir::Value createEmpty(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::RankedTensorType type);

/// `tensor.empty` of `type` filled with the scalar `value` (`linalg.fill`).
mlir::Value createFilled(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::RankedTensorType type, mlir::Value value);

/// The map that reads an operand of `operandShape` inside loops over
/// `resultShape` with numpy broadcasting: trailing dimensions line up, and an
/// operand dimension of size 1 under a larger result dimension reads index 0.
mlir::AffineMap getBroadcastMap(mlir::MLIRContext *context,
                                llvm::ArrayRef<int64_t> operandShape,
                                llvm::ArrayRef<int64_t> resultShape);

/// The map from `rank` loops to the loops not in `droppedDims`.
mlir::AffineMap getProjectionMap(mlir::MLIRContext *context, int64_t rank,
                                 llvm::ArrayRef<int64_t> droppedDims);

/// Computes one result element from the operands' elements.
using ScalarBuilderFn = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

/// A `linalg.generic` with one result of `resultType` (its init is a
/// `tensor.empty`), the given input maps, an identity output map and
/// `iterators` (all parallel when empty); `fn` builds the body from the
/// input elements (the init element is not passed).
mlir::Value buildGeneric(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::RankedTensorType resultType,
                         mlir::ValueRange inputs,
                         llvm::ArrayRef<mlir::AffineMap> inputMaps,
                         ScalarBuilderFn fn);

/// An all-parallel `linalg.generic` over `resultType` that reads `inputs`
/// with numpy broadcasting (see getBroadcastMap).
mlir::Value buildElementwise(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::RankedTensorType resultType,
                             mlir::ValueRange inputs, ScalarBuilderFn fn);

/// Combines an input element with the accumulator.
using CombinerFn = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::Value in, mlir::Value acc)>;

/// Reduces `input` over the sorted, unique `axes` with `combine`, starting
/// from `initValue`; the result drops the reduced dimensions.
mlir::Value buildReduction(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, llvm::ArrayRef<int64_t> axes,
                           mlir::Value initValue, CombinerFn combine);

/// `value` reshaped to the static `type` with the same number of elements:
/// nothing when the shapes agree, one `tensor.collapse_shape` or
/// `tensor.expand_shape` when the shapes are related by grouping dimensions,
/// otherwise a collapse to 1-D followed by an expand.
mlir::Value reshapeTo(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                      mlir::RankedTensorType type);

/// `tensor.pad` of `value` by the non-negative `low`/`high` amounts with the
/// scalar `padValue`; `value` itself when all amounts are 0.
mlir::Value padConstant(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value value, llvm::ArrayRef<int64_t> low,
                        llvm::ArrayRef<int64_t> high, mlir::Value padValue);

/// Source indices along one dimension: result coordinate i reads
/// `indices[i]` of dimension `dim`.
struct IndexTable {
  int64_t dim;
  llvm::SmallVector<int64_t> indices;
};

/// `input` gathered into `resultType` by one `linalg.generic`: along each
/// dimension with a table the result reads the tabled index (the tables are
/// i64 constants read as inputs), along the others its own coordinate.
mlir::Value gatherWithTables(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value input,
                             mlir::RankedTensorType resultType,
                             llvm::ArrayRef<IndexTable> tables);

/// Normalizes a possibly negative ONNX axis against `rank`; nullopt when it
/// is out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

} // namespace aotc

#endif // AOTC_PASSES_CONVERSION_ONNXTOLINALG_LOWERINGUTILS_H
