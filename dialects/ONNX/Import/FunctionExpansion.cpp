//===- FunctionExpansion.cpp - Ops replaced by their ONNX function body ---===//

#include "dialects/ONNX/Import/FunctionExpansion.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include "llvm/ADT/STLExtras.h"

#include <map>

namespace aotc::onnx {

namespace {

/// The function body of `node` at `opset`, if its schema has one.
bool getBody(const ::onnx::NodeProto &node, int64_t opset,
             llvm::ArrayRef<int32_t> inputTypes, ::onnx::FunctionProto &body,
             const ::onnx::OpSchema *&schema) {
  schema = ::onnx::OpSchemaRegistry::Schema(node.op_type(),
                                            static_cast<int>(opset), "");
  if (!schema)
    return false;
  if (schema->HasFunction()) {
    body.CopyFrom(*schema->GetFunction());
    return true;
  }
  if (!schema->HasContextDependentFunction())
    return false;
  std::vector<::onnx::TypeProto> types(inputTypes.size());
  for (auto [type, code] : llvm::zip(types, inputTypes))
    if (code)
      type.mutable_tensor_type()->set_elem_type(code);
  ::onnx::FunctionBodyBuildContextImpl context(node, types);
  return schema->BuildContextDependentFunction(context, body);
}

/// The node's attribute named `name`, else the schema's default, else null.
const ::onnx::AttributeProto *findAttribute(const ::onnx::NodeProto &node,
                                            const ::onnx::OpSchema &schema,
                                            const std::string &name) {
  for (const ::onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  auto it = schema.attributes().find(name);
  if (it != schema.attributes().end() &&
      it->second.default_value.type() != ::onnx::AttributeProto::UNDEFINED)
    return &it->second.default_value;
  return nullptr;
}

} // namespace

bool expandFunctionNode(const ::onnx::NodeProto &node, int64_t opset,
                        llvm::ArrayRef<int32_t> inputTypes,
                        const std::string &display,
                        std::vector<::onnx::NodeProto> &out) {
  ::onnx::FunctionProto body;
  const ::onnx::OpSchema *schema = nullptr;
  if (!getBody(node, opset, inputTypes, body, schema))
    return false;

  std::map<std::string, std::string> rename;
  for (int i = 0; i < body.input_size(); ++i)
    rename[body.input(i)] = i < node.input_size() ? node.input(i) : "";
  std::string prefix = display + "/";
  for (int i = 0; i < body.output_size(); ++i)
    rename[body.output(i)] = i < node.output_size() && !node.output(i).empty()
                                 ? node.output(i)
                                 : prefix + body.output(i);
  auto mapName = [&](const std::string &name) -> std::string {
    if (name.empty())
      return name;
    auto it = rename.find(name);
    return it != rename.end() ? it->second : prefix + name;
  };

  for (const ::onnx::NodeProto &inner : body.node()) {
    ::onnx::NodeProto copy = inner;
    for (std::string &name : *copy.mutable_input())
      name = mapName(name);
    for (std::string &name : *copy.mutable_output())
      name = mapName(name);
    copy.set_name(prefix + inner.op_type() + "#" + std::to_string(out.size()));
    // Attributes that refer to the node's attributes take their values.
    copy.clear_attribute();
    for (const ::onnx::AttributeProto &attr : inner.attribute()) {
      if (attr.ref_attr_name().empty()) {
        *copy.add_attribute() = attr;
        continue;
      }
      if (const ::onnx::AttributeProto *value =
              findAttribute(node, *schema, attr.ref_attr_name())) {
        ::onnx::AttributeProto *added = copy.add_attribute();
        *added = *value;
        added->set_name(attr.name());
      }
    }
    out.push_back(std::move(copy));
  }
  return true;
}

} // namespace aotc::onnx
