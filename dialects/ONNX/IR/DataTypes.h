//===- DataTypes.h - ONNX data type codes and MLIR element types -*- C++
//-*-===//
//
// ONNX names element types by TensorProto.DataType codes (1 float, 7 int64,
// 9 bool, ...): in tensors, in Cast's `to`, in ConstantOfShape's value, and
// in the runtime's descriptors. This is the one table between the two.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IR_DATATYPES_H
#define AOTC_DIALECTS_ONNX_IR_DATATYPES_H

#include "mlir/IR/Types.h"

namespace aotc::onnx {

/// The element type of data type `code`: signed integers are signless,
/// unsigned ones `uiN`, bool `i1`. Null for codes aotc does not model
/// (strings, 8-bit floats, unknown codes).
mlir::Type getElementTypeOfDataType(mlir::MLIRContext *context, int64_t code);

/// The data type code of `type`, or 0 (UNDEFINED) for a type ONNX cannot
/// name.
int64_t getDataTypeOfElementType(mlir::Type type);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IR_DATATYPES_H
