//===- ConstantValues.cpp - Reading constant operands ---------------------===//

#include "dialects/ONNX/IR/ConstantValues.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace aotc::onnx {

DenseElementsAttr toDenseElements(Attribute attr, int64_t maxElements) {
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(attr))
    return dense.isSplat() || dense.getNumElements() <= maxElements
               ? dense
               : DenseElementsAttr();
  auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(attr);
  if (!resource)
    return {};
  auto type = cast<ShapedType>(resource.getType());
  if (type.getNumElements() > maxElements)
    return {};
  // An empty tensor (Reduce*'s empty axes) may have no blob at all.
  if (type.getNumElements() == 0)
    return DenseElementsAttr::get(type, ArrayRef<Attribute>{});
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return {};
  ArrayRef<char> data = blob->getData();
  Type elementType = type.getElementType();
  // Booleans are stored one byte per element in both ONNX and the blob.
  if (elementType.isInteger(1)) {
    if ((int64_t)data.size() != type.getNumElements())
      return {};
    SmallVector<bool> values(data.begin(), data.end());
    return DenseElementsAttr::get(type, values);
  }
  if (!elementType.isIntOrFloat())
    return {};
  int64_t bytes =
      type.getNumElements() * (elementType.getIntOrFloatBitWidth() / 8);
  if ((int64_t)data.size() != bytes)
    return {};
  return DenseElementsAttr::getFromRawBuffer(type, data);
}

DenseElementsAttr getConstantValue(Value value, int64_t maxElements) {
  Attribute attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return {};
  return toDenseElements(attr, maxElements);
}

std::optional<SmallVector<int64_t>> getInts(Attribute attr) {
  DenseElementsAttr dense = toDenseElements(attr);
  if (!dense || !dense.getElementType().isIntOrIndex())
    return std::nullopt;
  SmallVector<int64_t> values;
  bool isUnsigned = dense.getElementType().isUnsignedInteger();
  for (const APInt &v : dense.getValues<APInt>())
    values.push_back(isUnsigned ? (int64_t)v.getZExtValue() : v.getSExtValue());
  return values;
}

std::optional<SmallVector<int64_t>> getConstantInts(Value value) {
  DenseElementsAttr dense = getConstantValue(value);
  if (!dense)
    return std::nullopt;
  return getInts(dense);
}

std::optional<SmallVector<double>> getConstantFloats(Value value) {
  DenseElementsAttr dense = getConstantValue(value);
  if (!dense || !isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  SmallVector<double> values;
  for (const APFloat &v : dense.getValues<APFloat>())
    values.push_back(v.convertToDouble());
  return values;
}

} // namespace aotc::onnx
