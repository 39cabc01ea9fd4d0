//===- TensorLimits.cpp - Tensor sizes a compiled model may have ----------===//

#include "passes/ShapeInference/TensorLimits.h"

#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;

namespace aotc {

/// Bytes of one element as stored in the arena: sub-byte types (i1) take a
/// whole byte.
static uint64_t getElementBytes(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return 2 * getElementBytes(complex.getElementType());
  if (type.isIntOrIndexOrFloat())
    return (type.getIntOrFloatBitWidth() + 7) / 8;
  return 8;
}

std::optional<uint64_t> getTensorBytes(ShapedType type) {
  std::optional<uint64_t> bytes = getElementBytes(type.getElementType());
  for (int64_t dim : type.getShape()) {
    if (dim < 0)
      return std::nullopt;
    bytes = llvm::checkedMulUnsigned<uint64_t>(*bytes, dim);
    if (!bytes)
      return std::nullopt;
  }
  return bytes;
}

LogicalResult checkTensorSize(Location loc, const llvm::Twine &what,
                              ShapedType type, uint64_t maxBytes) {
  std::optional<uint64_t> bytes = getTensorBytes(type);
  if (bytes && *bytes <= maxBytes)
    return success();
  std::string elementType;
  llvm::raw_string_ostream(elementType) << type.getElementType();
  InFlightDiagnostic diag = emitError(loc);
  diag << what << " of shape " << onnx::formatShape(type.getShape()) << " ("
       << elementType << ")";
  if (!bytes)
    return diag << " overflows 64-bit sizes";
  return diag << " needs " << *bytes
              << " bytes, more than --max-tensor-bytes=" << maxBytes;
}

} // namespace aotc
