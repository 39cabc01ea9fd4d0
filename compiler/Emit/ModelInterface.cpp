//===- ModelInterface.cpp - A compiled model's inputs, outputs, arena -----===//

#include "compiler/Emit/ModelInterface.h"

#include "aotc/model.h"
#include "dialects/ONNX/IR/DataTypes.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace aotc {

namespace {

struct DTypeInfo {
  int32_t code;
  StringRef cType;
  StringRef name;
};

const DTypeInfo dtypes[] = {
    {AOTC_DTYPE_F32, "float", "float32"},
    {AOTC_DTYPE_F64, "double", "float64"},
    {AOTC_DTYPE_I8, "int8_t", "int8"},
    {AOTC_DTYPE_U8, "uint8_t", "uint8"},
    {AOTC_DTYPE_I16, "int16_t", "int16"},
    {AOTC_DTYPE_U16, "uint16_t", "uint16"},
    {AOTC_DTYPE_I32, "int32_t", "int32"},
    {AOTC_DTYPE_U32, "uint32_t", "uint32"},
    {AOTC_DTYPE_I64, "int64_t", "int64"},
    {AOTC_DTYPE_U64, "uint64_t", "uint64"},
    {AOTC_DTYPE_BOOL, "bool", "bool"},
    {AOTC_DTYPE_F16, "uint16_t", "float16"},
    {AOTC_DTYPE_BF16, "uint16_t", "bfloat16"},
};

const DTypeInfo *findDType(int32_t code) {
  for (const DTypeInfo &info : dtypes)
    if (info.code == code)
      return &info;
  return nullptr;
}

FailureOr<TensorInterface> describeTensor(Location loc, StringRef name,
                                          Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  int32_t code =
      tensor ? onnx::getDataTypeOfElementType(tensor.getElementType()) : 0;
  // The runtime's dtypes are ONNX's codes, less complex numbers.
  if (!tensor || !tensor.hasStaticShape() || !findDType(code))
    return emitError(loc) << "'" << name << "' has type " << type
                          << ", which a compiled model cannot take or return";
  Type element = tensor.getElementType();
  uint64_t elementBytes =
      element.isInteger(1) ? 1 : element.getIntOrFloatBitWidth() / 8;
  return TensorInterface{name.str(), code, llvm::to_vector(tensor.getShape()),
                         elementBytes * tensor.getNumElements()};
}

} // namespace

StringRef getCTypeName(int32_t dtype) {
  const DTypeInfo *info = findDType(dtype);
  return info ? info->cType : "void";
}

StringRef getDTypeName(int32_t dtype) {
  const DTypeInfo *info = findDType(dtype);
  return info ? info->name : "unknown";
}

std::string makeCIdentifier(StringRef text) {
  std::string id;
  for (char c : text)
    id += llvm::isAlnum(c) ? c : '_';
  if (id.empty() || llvm::isDigit(id[0]))
    id = "m" + id;
  return id;
}

FailureOr<ModelInterface> describeModelInterface(func::FuncOp graph,
                                                 StringRef name) {
  ModelInterface model;
  model.name = makeCIdentifier(name);
  auto nameOf = [](DictionaryAttr attrs, StringRef fallback) -> std::string {
    if (auto value = attrs ? attrs.getAs<StringAttr>("onnx.name") : nullptr)
      return value.str();
    return fallback.str();
  };
  for (auto [i, type] : llvm::enumerate(graph.getArgumentTypes())) {
    std::string inputName =
        nameOf(graph.getArgAttrDict(i), "input" + std::to_string(i));
    auto tensor = describeTensor(graph.getLoc(), inputName, type);
    if (failed(tensor))
      return failure();
    model.inputs.push_back(*tensor);
  }
  for (auto [i, type] : llvm::enumerate(graph.getResultTypes())) {
    std::string outputName =
        nameOf(graph.getResultAttrDict(i), "output" + std::to_string(i));
    auto tensor = describeTensor(graph.getLoc(), outputName, type);
    if (failed(tensor))
      return failure();
    model.outputs.push_back(*tensor);
  }
  return model;
}

void describeIndexChecks(func::FuncOp graph, ModelInterface &model) {
  auto key = StringAttr::get(graph.getContext(), "aotc.index_check");
  for (unsigned i = model.outputs.size(), e = graph.getNumResults(); i < e;
       ++i) {
    auto check = graph.getResultAttrOfType<DictionaryAttr>(i, key);
    if (!check)
      continue;
    // The results come in pairs (max, then min) per check.
    if (check.getAs<StringAttr>("extreme").getValue() == "max")
      model.indexChecks.push_back({check.getAs<StringAttr>("node").str(),
                                   check.getAs<StringAttr>("op").str(),
                                   check.getAs<IntegerAttr>("size").getInt()});
    graph.removeResultAttr(i, key);
  }
}

void layOutArena(ModelInterface &model, uint64_t planBytes) {
  model.arenaSize = planBytes;
  if (model.indexChecks.empty())
    return;
  model.errorOffset = llvm::alignTo(planBytes, 16);
  model.arenaSize = model.errorOffset + 16 + 16 * model.indexChecks.size();
}

} // namespace aotc
