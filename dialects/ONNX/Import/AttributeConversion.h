//===- AttributeConversion.h - AttributeProto to MLIR attributes -*- C++
//-*-===//
//
// INT -> si64 IntegerAttr, FLOAT -> f32 FloatAttr, STRING -> StringAttr,
// INTS -> DenseI64ArrayAttr, FLOATS -> DenseF32ArrayAttr, STRINGS -> ArrayAttr
// of StringAttr, TENSOR -> ElementsAttr: the ODS types the generator gives
// each ONNX attribute type.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IMPORT_ATTRIBUTECONVERSION_H
#define AOTC_DIALECTS_ONNX_IMPORT_ATTRIBUTECONVERSION_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

namespace onnx {
class AttributeProto;
class NodeProto;
} // namespace onnx

namespace aotc::onnx {

struct TensorReader;

/// Converts `attr` of a node. Tensor values are moved out of it;
/// `resourceName` names the resource of a large one. Errors are emitted at
/// `loc`.
mlir::FailureOr<mlir::Attribute> convertAttribute(::onnx::AttributeProto &attr,
                                                  const TensorReader &tensors,
                                                  mlir::Location loc,
                                                  llvm::StringRef resourceName);

/// The `AttributeProto::AttributeType` that `attr` (as convertAttribute
/// makes them) corresponds to.
int32_t getAttributeTypeOf(mlir::Attribute attr);

/// The value of Constant node `node`, whichever of `value`, `value_float`,
/// `value_floats`, `value_int` or `value_ints` holds it. `resourceName`
/// names the resource of a large value.
mlir::FailureOr<mlir::ElementsAttr>
convertConstantValue(::onnx::NodeProto &node, const TensorReader &tensors,
                     mlir::Location loc, llvm::StringRef resourceName);

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IMPORT_ATTRIBUTECONVERSION_H
