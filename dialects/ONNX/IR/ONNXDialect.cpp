//===- ONNXDialect.cpp - The ONNX dialect ---------------------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace aotc::onnx;

#include "dialects/ONNX/IR/ONNXDialect.cpp.inc"
#include "dialects/ONNX/IR/ONNXInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/ONNX/IR/ONNXOps.cpp.inc"

void ONNXDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/ONNX/IR/ONNXOps.cpp.inc"
      >();
}

Operation *ONNXDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
