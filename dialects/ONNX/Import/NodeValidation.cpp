//===- NodeValidation.cpp - Checking nodes against ONNX schemas -----------===//
//
// libonnx is only read here: its schemas give each operator's inputs,
// outputs and attributes per opset. Nothing that may throw (checker, shape
// inference) is called; aotc builds without exceptions.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/Import/NodeValidation.h"

#include "dialects/ONNX/Import/Names.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <climits>

using namespace mlir;

namespace aotc::onnx {

using ::onnx::AttributeProto;
using Option = OpSignature::Option;

const OpSignature::Attribute *OpSignature::findAttribute(StringRef name) const {
  for (const Attribute &attr : attributes)
    if (attr.name == name)
      return &attr;
  return nullptr;
}

int32_t getAttributeType(const AttributeProto &attr) {
  if (attr.type() != AttributeProto::UNDEFINED)
    return attr.type();
  if (attr.has_f())
    return AttributeProto::FLOAT;
  if (attr.has_i())
    return AttributeProto::INT;
  if (attr.has_s())
    return AttributeProto::STRING;
  if (attr.has_t())
    return AttributeProto::TENSOR;
  if (attr.has_g())
    return AttributeProto::GRAPH;
  if (attr.floats_size())
    return AttributeProto::FLOATS;
  if (attr.ints_size())
    return AttributeProto::INTS;
  if (attr.strings_size())
    return AttributeProto::STRINGS;
  if (attr.tensors_size())
    return AttributeProto::TENSORS;
  if (attr.graphs_size())
    return AttributeProto::GRAPHS;
  return AttributeProto::UNDEFINED;
}

/// The types of the value fields that `attr` sets; an empty list sets none.
static SmallVector<int32_t, 1> getValueFields(const AttributeProto &attr) {
  SmallVector<int32_t, 1> fields;
  auto add = [&](bool set, AttributeProto::AttributeType type) {
    if (set)
      fields.push_back(type);
  };
  add(attr.has_f(), AttributeProto::FLOAT);
  add(attr.has_i(), AttributeProto::INT);
  add(attr.has_s(), AttributeProto::STRING);
  add(attr.has_t(), AttributeProto::TENSOR);
  add(attr.has_g(), AttributeProto::GRAPH);
  add(attr.has_sparse_tensor(), AttributeProto::SPARSE_TENSOR);
  add(attr.has_tp(), AttributeProto::TYPE_PROTO);
  add(attr.floats_size(), AttributeProto::FLOATS);
  add(attr.ints_size(), AttributeProto::INTS);
  add(attr.strings_size(), AttributeProto::STRINGS);
  add(attr.tensors_size(), AttributeProto::TENSORS);
  add(attr.graphs_size(), AttributeProto::GRAPHS);
  add(attr.sparse_tensors_size(), AttributeProto::SPARSE_TENSORS);
  add(attr.type_protos_size(), AttributeProto::TYPE_PROTOS);
  return fields;
}

static bool isListType(int32_t type) {
  return (type >= AttributeProto::FLOATS && type <= AttributeProto::GRAPHS) ||
         type == AttributeProto::SPARSE_TENSORS ||
         type == AttributeProto::TYPE_PROTOS;
}

std::string checkAttributeValue(const AttributeProto &attr) {
  SmallVector<int32_t, 1> fields = getValueFields(attr);
  std::string name = escapeName(attr.name());
  if (fields.size() > 1)
    return "attribute '" + name + "' holds both " +
           describeAttributeType(fields[0]) + " and " +
           describeAttributeType(fields[1]) + "; it must hold one value";
  // Old models leave the type out; getAttributeType reads it from the field.
  if (attr.type() == AttributeProto::UNDEFINED)
    return std::string();
  // An empty list sets no field.
  if (fields.empty() && !isListType(attr.type()))
    return "attribute '" + name + "' is declared " +
           describeAttributeType(attr.type()) + " but holds no value";
  if (!fields.empty() && fields[0] != attr.type())
    return "attribute '" + name + "' is declared " +
           describeAttributeType(attr.type()) + " but holds " +
           describeAttributeType(fields[0]);
  return std::string();
}

NodeShape NodeShape::fromProto(const ::onnx::NodeProto &node) {
  NodeShape shape;
  for (const std::string &name : node.input())
    shape.inputs.push_back(!name.empty());
  for (const std::string &name : node.output())
    shape.outputs.push_back(!name.empty());
  for (const AttributeProto &attr : node.attribute())
    shape.attributes.emplace_back(attr.name(), getAttributeType(attr));
  return shape;
}

std::string describeAttributeType(int32_t type) {
  switch (type) {
  case AttributeProto::FLOAT:
    return "a float";
  case AttributeProto::INT:
    return "an integer";
  case AttributeProto::STRING:
    return "a string";
  case AttributeProto::TENSOR:
    return "a tensor";
  case AttributeProto::GRAPH:
    return "a graph";
  case AttributeProto::SPARSE_TENSOR:
    return "a sparse tensor";
  case AttributeProto::TYPE_PROTO:
    return "a type";
  case AttributeProto::FLOATS:
    return "a list of floats";
  case AttributeProto::INTS:
    return "a list of integers";
  case AttributeProto::STRINGS:
    return "a list of strings";
  case AttributeProto::TENSORS:
    return "a list of tensors";
  case AttributeProto::GRAPHS:
    return "a list of graphs";
  case AttributeProto::SPARSE_TENSORS:
    return "a list of sparse tensors";
  case AttributeProto::TYPE_PROTOS:
    return "a list of types";
  default:
    return "untyped";
  }
}

//===----------------------------------------------------------------------===//
// Signatures
//===----------------------------------------------------------------------===//

static Option convertOption(::onnx::OpSchema::FormalParameterOption option) {
  switch (option) {
  case ::onnx::OpSchema::Optional:
    return Option::Optional;
  case ::onnx::OpSchema::Variadic:
    return Option::Variadic;
  default:
    return Option::Single;
  }
}

static std::unique_ptr<OpSignature>
convertSchema(const ::onnx::OpSchema &schema) {
  auto signature = std::make_unique<OpSignature>();
  signature->opType = schema.Name();
  signature->sinceVersion = schema.SinceVersion();
  signature->deprecated = schema.Deprecated();
  for (const auto &param : schema.inputs())
    signature->inputs.push_back({param.GetName(),
                                 convertOption(param.GetOption()),
                                 param.GetTypeStr()});
  for (const auto &param : schema.outputs())
    signature->outputs.push_back(
        {param.GetName(), convertOption(param.GetOption())});
  signature->minInputs = schema.min_input();
  signature->maxInputs = schema.max_input();
  signature->minOutputs = schema.min_output();
  signature->maxOutputs = schema.max_output();
  for (const auto &[name, attr] : schema.attributes())
    signature->attributes.push_back({name, attr.type, attr.required});
  return signature;
}

/// Builds a signature from formal parameters, deriving the count ranges as
/// libonnx does.
static OpSignature makeSignature(std::string opType, int sinceVersion,
                                 std::vector<OpSignature::Param> inputs,
                                 std::vector<OpSignature::Param> outputs,
                                 std::vector<OpSignature::Attribute> attrs) {
  OpSignature signature;
  signature.opType = std::move(opType);
  signature.sinceVersion = sinceVersion;
  auto range = [](const std::vector<OpSignature::Param> &params, int &min,
                  int &max) {
    min = max = 0;
    for (const OpSignature::Param &param : params) {
      if (param.option == Option::Variadic) {
        min = max + 1;
        max = INT_MAX;
        continue;
      }
      if (param.option == Option::Single)
        min = max + 1;
      if (max != INT_MAX)
        ++max;
    }
  };
  range(inputs, signature.minInputs, signature.maxInputs);
  range(outputs, signature.minOutputs, signature.maxOutputs);
  signature.inputs = std::move(inputs);
  signature.outputs = std::move(outputs);
  signature.attributes = std::move(attrs);
  return signature;
}

SignatureTable::SignatureTable() {
  // Forms newer than the installed libonnx (opset <= 17) that the dialect
  // models (see gen-onnx-ods.py and ONNXOps.td).
  constexpr Option single = Option::Single, optional = Option::Optional,
                   variadic = Option::Variadic;
  constexpr int32_t intType = AttributeProto::INT,
                    stringType = AttributeProto::STRING;
  for (const char *reduce :
       {"ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax",
        "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSumSquare"})
    newerForms.push_back(
        makeSignature(reduce, 18, {{"data", single}, {"axes", optional}},
                      {{"reduced", single}},
                      {{"keepdims", intType, false},
                       {"noop_with_empty_axes", intType, false}}));
  newerForms.push_back(makeSignature(
      "Split", 18, {{"input", single}, {"split", optional}},
      {{"outputs", variadic}},
      {{"axis", intType, false}, {"num_outputs", intType, false}}));
  newerForms.push_back(makeSignature("Pad", 18,
                                     {{"data", single},
                                      {"pads", single},
                                      {"constant_value", optional},
                                      {"axes", optional}},
                                     {{"output", single}},
                                     {{"mode", stringType, false}}));
  newerForms.push_back(makeSignature("Gelu", 20, {{"X", single}},
                                     {{"Y", single}},
                                     {{"approximate", stringType, false}}));
}

SignatureTable::~SignatureTable() = default;

const OpSignature *SignatureTable::findNewerForm(StringRef opType,
                                                 int64_t opset) const {
  const OpSignature *best = nullptr;
  for (const OpSignature &form : newerForms)
    if (form.opType == opType && form.sinceVersion <= opset &&
        (!best || form.sinceVersion > best->sinceVersion))
      best = &form;
  return best;
}

const OpSignature *SignatureTable::lookup(StringRef opType, int64_t opset) {
  const ::onnx::OpSchema *schema = ::onnx::OpSchemaRegistry::Schema(
      opType.str(), static_cast<int>(std::min<int64_t>(opset, INT_MAX)), "");
  const OpSignature *newer = findNewerForm(opType, opset);
  if (newer && (!schema || schema->SinceVersion() < newer->sinceVersion))
    return newer;
  if (!schema)
    return nullptr;
  std::string key = opType.str() + "@" + std::to_string(schema->SinceVersion());
  std::unique_ptr<OpSignature> &entry = cache[key];
  if (!entry)
    entry = convertSchema(*schema);
  return entry.get();
}

const OpSignature *SignatureTable::lookupDialectForm(StringRef opType,
                                                     int64_t dialectVersion) {
  // The dialect models the newest form we know of such ops, whatever the
  // version its summary names.
  if (const OpSignature *newer = findNewerForm(opType, INT_MAX))
    return newer;
  return lookup(opType, dialectVersion);
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/// The formal parameter that slot `index` fills, or null past the end.
static const OpSignature::Param *
getFormal(const std::vector<OpSignature::Param> &params, size_t index) {
  if (index < params.size())
    return &params[index];
  if (!params.empty() && params.back().option == Option::Variadic)
    return &params.back();
  return nullptr;
}

static std::string describeCount(int min, int max, const char *noun) {
  std::string text;
  if (min == max)
    text = std::to_string(min);
  else if (max == INT_MAX)
    text = "at least " + std::to_string(min);
  else
    text = std::to_string(min) + " to " + std::to_string(max);
  return text + " " + noun + (min == 1 && max == 1 ? "" : "s");
}

/// Checks the filled slots of one side (inputs or outputs).
static std::string checkSlots(ArrayRef<bool> filled,
                              const std::vector<OpSignature::Param> &params,
                              int min, int max, const OpSignature &signature,
                              bool isInput) {
  const char *noun = isInput ? "input" : "output";
  int count = filled.size();
  if (count > max)
    return std::string("too many ") + noun + "s: '" + signature.opType + "' " +
           (isInput ? "takes " : "produces ") + describeCount(min, max, noun) +
           ", not " + std::to_string(count);
  for (int i = 0, e = std::max(count, min); i < e; ++i) {
    if (i < count && filled[i])
      continue;
    const OpSignature::Param *formal = getFormal(params, i);
    // Empty optional slots are fine; so are missing trailing ones.
    if (!formal || formal->option == Option::Optional)
      continue;
    return std::string("missing required ") + noun + " '" + formal->name +
           "' (#" + std::to_string(i) + ")";
  }
  return std::string();
}

std::string checkTypeVariables(const OpSignature &signature,
                               ArrayRef<Type> inputTypes) {
  // The first input bound to each type string, and its element type.
  llvm::StringMap<std::pair<size_t, Type>> bound;
  auto describe = [&](size_t i, Type type) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "input '" << getFormal(signature.inputs, i)->name << "' (#" << i
       << ") of element type " << type;
    return text;
  };
  for (auto [i, type] : llvm::enumerate(inputTypes)) {
    const OpSignature::Param *formal = getFormal(signature.inputs, i);
    if (!type || !formal || formal->typeString.empty())
      continue;
    Type element = getElementTypeOrSelf(type);
    auto [entry, inserted] =
        bound.try_emplace(formal->typeString, std::pair{i, element});
    if (!inserted && entry->second.second != element)
      return describe(i, element) + " does not match " +
             describe(entry->second.first, entry->second.second) +
             " (both are " + formal->typeString + ")";
  }
  return std::string();
}

std::string checkNodeShape(const NodeShape &node,
                           const OpSignature &signature) {
  std::string error =
      checkSlots(node.inputs, signature.inputs, signature.minInputs,
                 signature.maxInputs, signature, /*isInput=*/true);
  if (error.empty())
    error = checkSlots(node.outputs, signature.outputs, signature.minOutputs,
                       signature.maxOutputs, signature, /*isInput=*/false);
  if (!error.empty())
    return error;

  llvm::StringSet<> seen;
  for (const auto &[name, type] : node.attributes) {
    if (!seen.insert(name).second)
      return "attribute '" + escapeName(name) + "' is given twice";
    const OpSignature::Attribute *expected = signature.findAttribute(name);
    if (!expected)
      return "unknown attribute '" + escapeName(name) + "'";
    if (expected->type != type)
      return "attribute '" + name + "' must be " +
             describeAttributeType(expected->type) + ", not " +
             describeAttributeType(type);
  }
  for (const OpSignature::Attribute &attr : signature.attributes)
    if (attr.required && !seen.contains(attr.name))
      return "missing required attribute '" + attr.name + "'";
  return std::string();
}

} // namespace aotc::onnx
