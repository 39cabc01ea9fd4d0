//===- InputValues.cpp - Pinning the values of graph inputs ---------------===//
//
// Exporters turn some model parameters into graph inputs: a sample rate, a
// flag, a shape operand. Pinning one makes it a constant, so shape
// inference folds what depends on it (an `If` on the sample rate, a
// Reshape to a given shape) and the compiled model no longer takes it.
//
//===----------------------------------------------------------------------===//

#include "passes/ShapeInference/InputValues.h"

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "passes/ShapeInference/InputShapes.h"
#include "passes/ShapeInference/NpyFile.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace aotc {

/// The NumPy name of an element type, as `--info` shows dtypes.
static std::string getDTypeName(Type type) {
  if (type.isF32() || type.isF64() || type.isF16())
    return "float" + std::to_string(type.getIntOrFloatBitWidth());
  if (type.isBF16())
    return "bfloat16";
  if (type.isInteger(1))
    return "bool";
  if (auto integer = dyn_cast<IntegerType>(type))
    return (integer.isUnsigned() ? "uint" : "int") +
           std::to_string(integer.getWidth());
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

/// Parses one literal of `type`; emits an error naming `spec` on failure.
static FailureOr<Attribute> parseLiteral(Location loc, StringRef spec,
                                         StringRef text, Type type) {
  auto bad = [&](StringRef why) {
    return emitError(loc) << "invalid --input-value '" << spec << "': '" << text
                          << "' " << why;
  };
  text = text.trim();
  if (type.isInteger(1)) {
    if (text == "1" || text == "true" || text == "True")
      return Attribute(BoolAttr::get(type.getContext(), true));
    if (text == "0" || text == "false" || text == "False")
      return Attribute(BoolAttr::get(type.getContext(), false));
    return bad("is not a bool (0, 1, true or false)");
  }
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    APInt value;
    // getAsInteger reads the text into as many bits as it needs; the range
    // check against the element type follows.
    if (text.getAsInteger(10, value))
      return bad("is not an integer");
    bool negative = text.starts_with("-");
    if (integer.isUnsigned() ? negative || value.getActiveBits() > width
                             : value.getSignificantBits() > width)
      return bad("does not fit in " + getDTypeName(type));
    return Attribute(IntegerAttr::get(type, value.sextOrTrunc(width)));
  }
  auto floatType = cast<FloatType>(type);
  double value;
  if (text.getAsDouble(value))
    return bad("is not a number");
  APFloat converted(value);
  bool losesInfo;
  converted.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
  return Attribute(FloatAttr::get(floatType, converted));
}

/// The shape a value of `count` literals takes for an input of `type`.
static FailureOr<SmallVector<int64_t>>
getLiteralShape(Location loc, StringRef spec, StringRef name, TensorType type,
                int64_t count) {
  if (!type.hasRank())
    return emitError(loc) << "--input-value '" << spec << "': input '" << name
                          << "' has no shape in the model; give it with "
                             "--input-shape="
                          << name << ":...";
  SmallVector<int64_t> shape(type.getShape());
  int64_t known = 1;
  int dynamicDims = 0;
  for (int64_t dim : shape)
    if (ShapedType::isDynamic(dim))
      ++dynamicDims;
    else
      known *= dim;
  if (dynamicDims == 1 && type.getRank() == 1)
    shape[0] = count;
  else if (dynamicDims)
    return emitError(loc) << "--input-value '" << spec << "': input '" << name
                          << "' has a dynamic shape; give it with "
                             "--input-shape="
                          << name << ":...";
  else if (known != count)
    return emitError(loc) << "--input-value '" << spec << "' gives " << count
                          << " values; input '" << name << "' of shape ["
                          << llvm::join(llvm::map_range(type.getShape(),
                                                        [](int64_t d) {
                                                          return std::to_string(
                                                              d);
                                                        }),
                                        ", ")
                          << "] has " << known;
  return shape;
}

/// Checks a file's value against the input's model type.
static LogicalResult checkFileValue(Location loc, StringRef spec,
                                    StringRef name, TensorType type,
                                    DenseElementsAttr value) {
  auto valueType = cast<ShapedType>(value.getType());
  if (valueType.getElementType() != type.getElementType())
    return emitError(loc) << "--input-value '" << spec << "': the file holds "
                          << getDTypeName(valueType.getElementType())
                          << ", input '" << name << "' is "
                          << getDTypeName(type.getElementType());
  if (!type.hasRank())
    return success();
  bool compatible = type.getRank() == valueType.getRank();
  for (int64_t i = 0; compatible && i < type.getRank(); ++i)
    compatible =
        type.isDynamicDim(i) || type.getDimSize(i) == valueType.getDimSize(i);
  if (!compatible)
    return emitError(loc) << "--input-value '" << spec << "': the file's shape "
                          << valueType << " contradicts input '" << name
                          << "' of the model, " << type;
  return success();
}

/// "NAME: DTYPE [SHAPE] = V1, V2, ..." with at most 16 values shown.
static std::string describePinnedValue(StringRef name,
                                       DenseElementsAttr value) {
  constexpr int64_t kShown = 16;
  auto type = cast<ShapedType>(value.getType());
  std::string text =
      (name + ": " + getDTypeName(type.getElementType()) + " [" +
       llvm::join(llvm::map_range(type.getShape(),
                                  [](int64_t d) { return std::to_string(d); }),
                  ", ") +
       "] = ")
          .str();
  llvm::raw_string_ostream os(text);
  int64_t index = 0;
  for (Attribute element : value.getValues<Attribute>()) {
    if (index == kShown) {
      os << ", ... (" << value.getNumElements() << " values)";
      break;
    }
    if (index++)
      os << ", ";
    if (auto integer = dyn_cast<IntegerAttr>(element))
      type.getElementType().isInteger(1)
          ? void(os << (integer.getValue().isZero() ? "false" : "true"))
          : integer.getValue().print(
                os, !type.getElementType().isUnsignedInteger());
    else if (auto boolean = dyn_cast<BoolAttr>(element))
      os << (boolean.getValue() ? "true" : "false");
    else
      os << cast<FloatAttr>(element).getValue();
  }
  return text;
}

/// The value `spec` gives input `name` of model type `type`.
static FailureOr<DenseElementsAttr>
readSpecValue(Location loc, StringRef spec, StringRef name, StringRef valueText,
              bool fromFile, TensorType type) {
  if (fromFile) {
    FailureOr<DenseElementsAttr> value =
        readNpyFile(loc, valueText, type.getContext());
    if (failed(value) || failed(checkFileValue(loc, spec, name, type, *value)))
      return failure();
    return value;
  }
  Type elementType = type.getElementType();
  if (!elementType.isIntOrFloat())
    return emitError(loc) << "--input-value '" << spec << "': input '" << name
                          << "' of element type " << elementType
                          << " cannot be given as literals";
  SmallVector<StringRef> parts;
  // Commas, or spaces (a pass option's list splits at commas).
  valueText.split(parts, ',');
  SmallVector<StringRef> words;
  for (StringRef part : parts)
    part.trim().split(words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  parts = words;
  SmallVector<Attribute> elements;
  for (StringRef part : parts) {
    FailureOr<Attribute> element = parseLiteral(loc, spec, part, elementType);
    if (failed(element))
      return failure();
    elements.push_back(*element);
  }
  FailureOr<SmallVector<int64_t>> shape =
      getLiteralShape(loc, spec, name, type, elements.size());
  if (failed(shape))
    return failure();
  return DenseElementsAttr::get(RankedTensorType::get(*shape, elementType),
                                elements);
}

LogicalResult pinInputValues(func::FuncOp func, ArrayRef<std::string> specs) {
  if (specs.empty())
    return success();
  Location loc = func.getLoc();
  OpBuilder builder(func.getBody());
  SmallVector<Attribute> pinned;
  if (auto previous = func->getAttrOfType<ArrayAttr>(kPinnedInputsAttrName))
    pinned.append(previous.begin(), previous.end());
  for (const std::string &spec : specs) {
    // NAME=V1,V2,... or NAME:FILE. Names may hold ':' or '=' themselves
    // (TensorFlow's "input:0"): the first separator that leaves the name of
    // an input wins.
    SmallVector<std::string> names;
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
      names.push_back(getInputName(func, i));
    std::optional<unsigned> index;
    size_t split = 0;
    for (size_t at = 0; at < spec.size() && !index; ++at) {
      if (spec[at] != '=' && spec[at] != ':')
        continue;
      split = at;
      for (unsigned i = 0, e = names.size(); i < e && !index; ++i)
        if (names[i] == StringRef(spec).take_front(at))
          index = i;
    }
    if (!split || split + 1 == spec.size())
      return emitError(loc) << "invalid --input-value '" << spec
                            << "': expected NAME=V1,V2,... or NAME:FILE.npy";
    if (!index)
      return emitError(loc)
             << "--input-value '" << spec
             << "' names no graph input (inputs: " << llvm::join(names, ", ")
             << ")";
    StringRef name = StringRef(spec).take_front(split);
    StringRef valueText = StringRef(spec).drop_front(split + 1);
    bool fromFile = spec[split] == ':';
    BlockArgument arg = func.getArgument(*index);
    auto type = cast<TensorType>(arg.getType());
    FailureOr<DenseElementsAttr> value =
        readSpecValue(arg.getLoc(), spec, name, valueText, fromFile, type);
    if (failed(value))
      return failure();
    pinned.push_back(builder.getStringAttr(describePinnedValue(name, *value)));
    Value constant = onnx::ConstantOp::create(builder, arg.getLoc(),
                                              cast<ElementsAttr>(*value));
    arg.replaceAllUsesWith(constant);
    if (failed(func.eraseArgument(*index)))
      return failure();
  }
  func->setAttr(kPinnedInputsAttrName, builder.getArrayAttr(pinned));
  return success();
}

} // namespace aotc
