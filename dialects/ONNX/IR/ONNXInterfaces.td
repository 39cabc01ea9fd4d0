//===- ONNXInterfaces.td - ONNX op interfaces --------------*- tablegen -*-===//

#ifndef AOTC_ONNX_INTERFACES_TD
#define AOTC_ONNX_INTERFACES_TD

include "mlir/IR/OpBase.td"

def ONNX_ShapeInferenceOpInterface : OpInterface<"ShapeInferenceOpInterface"> {
  let description = [{
    Shape logic of an ONNX op, shared by the importer (element types), the
    `aotc-shape-inference` pass and the lowerings. `inferShapes` refines the
    result types from the operand types and from constant operand values
    (such as Reshape's `shape`); it leaves a dimension dynamic when the
    operands do not determine it yet, and fails with an error on the op when
    the operands are inconsistent.
  }];
  let cppNamespace = "::aotc::onnx";
  let methods = [
    StaticInterfaceMethod<
      "How each result's element type follows from the operands.",
      "::llvm::ArrayRef<::aotc::onnx::ElementTypeRule>", "getElementTypeRules">,
    StaticInterfaceMethod<"The opset version the op's definition follows.",
      "int64_t", "getOpsetVersion">,
    StaticInterfaceMethod<
      "Whether `inferShapes` derives shapes (not only element types).",
      "bool", "hasShapeFunction">,
    InterfaceMethod<
      "Refines the result types from operand types and constant operands.",
      "::llvm::LogicalResult", "inferShapes">,
  ];
}

#endif // AOTC_ONNX_INTERFACES_TD
