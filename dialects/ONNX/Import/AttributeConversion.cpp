//===- AttributeConversion.cpp - AttributeProto to MLIR attributes --------===//

#include "dialects/ONNX/Import/AttributeConversion.h"

#include "dialects/ONNX/Import/Names.h"
#include "dialects/ONNX/Import/NodeValidation.h"
#include "dialects/ONNX/Import/TensorReader.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

#include <onnx/onnx_pb.h>

using namespace mlir;

namespace aotc::onnx {

using ::onnx::AttributeProto;

FailureOr<Attribute> convertAttribute(AttributeProto &attr,
                                      const TensorReader &tensors, Location loc,
                                      StringRef resourceName) {
  MLIRContext *context = tensors.context;
  Builder b(context);
  switch (getAttributeType(attr)) {
  case AttributeProto::FLOAT:
    return Attribute(b.getF32FloatAttr(attr.f()));
  case AttributeProto::INT:
    return Attribute(IntegerAttr::get(
        IntegerType::get(context, 64, IntegerType::Signed), attr.i()));
  case AttributeProto::STRING:
    return Attribute(b.getStringAttr(attr.s()));
  case AttributeProto::INTS:
    return Attribute(b.getDenseI64ArrayAttr(
        ArrayRef<int64_t>(attr.ints().data(), attr.ints_size())));
  case AttributeProto::FLOATS:
    return Attribute(b.getDenseF32ArrayAttr(
        ArrayRef<float>(attr.floats().data(), attr.floats_size())));
  case AttributeProto::STRINGS: {
    SmallVector<Attribute> strings;
    for (const std::string &s : attr.strings())
      strings.push_back(b.getStringAttr(s));
    return Attribute(b.getArrayAttr(strings));
  }
  case AttributeProto::TENSOR: {
    FailureOr<ElementsAttr> value = tensors.read(
        *attr.mutable_t(), loc,
        "the tensor of attribute '" + escapeName(attr.name()) + "'",
        resourceName, /*allowInline=*/true);
    if (failed(value))
      return failure();
    return Attribute(*value);
  }
  default:
    return emitError(loc) << "attribute '" << escapeName(attr.name()) << "' is "
                          << describeAttributeType(getAttributeType(attr))
                          << ", which is not supported";
  }
}

int32_t getAttributeTypeOf(Attribute attr) {
  if (isa<IntegerAttr>(attr))
    return AttributeProto::INT;
  if (isa<FloatAttr>(attr))
    return AttributeProto::FLOAT;
  if (isa<StringAttr>(attr))
    return AttributeProto::STRING;
  if (isa<DenseI64ArrayAttr>(attr))
    return AttributeProto::INTS;
  if (isa<DenseF32ArrayAttr>(attr))
    return AttributeProto::FLOATS;
  if (isa<ArrayAttr>(attr))
    return AttributeProto::STRINGS;
  if (isa<ElementsAttr>(attr))
    return AttributeProto::TENSOR;
  return AttributeProto::UNDEFINED;
}

FailureOr<ElementsAttr> convertConstantValue(::onnx::NodeProto &node,
                                             const TensorReader &tensors,
                                             Location loc,
                                             StringRef resourceName) {
  // The schema check has left only Constant's own attributes.
  AttributeProto *valueAttr = nullptr;
  for (AttributeProto &attr : *node.mutable_attribute()) {
    if (valueAttr)
      return emitError(loc) << "a Constant takes one value, but has both '"
                            << escapeName(valueAttr->name()) << "' and '"
                            << escapeName(attr.name()) << "'";
    valueAttr = &attr;
  }
  if (!valueAttr)
    return emitError(loc) << "a Constant needs one of the attributes 'value', "
                             "'value_float', 'value_floats', 'value_int' and "
                             "'value_ints'";

  Builder b(tensors.context);
  StringRef name = valueAttr->name();
  if (name == "value")
    return tensors.read(*valueAttr->mutable_t(), loc,
                        "the value of the Constant", resourceName,
                        /*allowInline=*/true);
  if (name == "value_float")
    return cast<ElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({}, b.getF32Type()), valueAttr->f()));
  if (name == "value_int")
    return cast<ElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({}, b.getI64Type()), valueAttr->i()));
  if (name == "value_floats") {
    ArrayRef<float> values(valueAttr->floats().data(),
                           valueAttr->floats_size());
    return cast<ElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)values.size()}, b.getF32Type()),
        values));
  }
  if (name == "value_ints") {
    ArrayRef<int64_t> values(valueAttr->ints().data(), valueAttr->ints_size());
    return cast<ElementsAttr>(DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)values.size()}, b.getI64Type()),
        values));
  }
  if (name == "sparse_value")
    return emitError(loc)
           << "attribute 'sparse_value' is not supported (sparse tensors)";
  return emitError(loc) << "attribute '" << escapeName(name)
                        << "' is not supported (string tensors)";
}

} // namespace aotc::onnx
