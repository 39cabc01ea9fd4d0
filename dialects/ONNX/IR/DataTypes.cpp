//===- DataTypes.cpp - ONNX data type codes and MLIR element types --------===//

#include "dialects/ONNX/IR/DataTypes.h"

#include "dialects/ONNX/IR/ElementTypeRule.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace aotc::onnx {

namespace {

struct DataType {
  int64_t code;
  ElementKind kind;
};

// TensorProto.DataType codes of the real element types.
const DataType dataTypes[] = {
    {1, ElementKind::f32},   {2, ElementKind::ui8},   {3, ElementKind::i8},
    {4, ElementKind::ui16},  {5, ElementKind::i16},   {6, ElementKind::i32},
    {7, ElementKind::i64},   {9, ElementKind::i1},    {10, ElementKind::f16},
    {11, ElementKind::f64},  {12, ElementKind::ui32}, {13, ElementKind::ui64},
    {16, ElementKind::bf16},
};
constexpr int64_t complex64Code = 14, complex128Code = 15;

} // namespace

Type getElementTypeOfDataType(MLIRContext *context, int64_t code) {
  for (const DataType &dataType : dataTypes)
    if (dataType.code == code)
      return getElementType(context, dataType.kind);
  if (code == complex64Code)
    return ComplexType::get(Float32Type::get(context));
  if (code == complex128Code)
    return ComplexType::get(Float64Type::get(context));
  return {};
}

int64_t getDataTypeOfElementType(Type type) {
  for (const DataType &dataType : dataTypes)
    if (getElementType(type.getContext(), dataType.kind) == type)
      return dataType.code;
  if (auto complex = dyn_cast<ComplexType>(type)) {
    if (complex.getElementType().isF32())
      return complex64Code;
    if (complex.getElementType().isF64())
      return complex128Code;
  }
  return 0;
}

} // namespace aotc::onnx
