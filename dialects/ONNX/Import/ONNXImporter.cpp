//===- ONNXImporter.cpp - ModelProto to the onnx dialect ------------------===//
//
// The graph walk: graph inputs become the arguments of `@main_graph`,
// initializers `onnx.Constant` ops on dense resources, and each node one op
// (or a few, for legacy forms), created generically from its op name,
// operands and attributes, its result types then set by the op's own shape
// function.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/Import/ONNXImporter.h"
#include "dialects/ONNX/IR/DataTypes.h"

#include "dialects/ONNX/IR/NodeLocation.h"
#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/Import/AttributeConversion.h"
#include "dialects/ONNX/Import/FunctionExpansion.h"
#include "dialects/ONNX/Import/GraphOrder.h"
#include "dialects/ONNX/Import/ModelReader.h"
#include "dialects/ONNX/Import/Names.h"
#include "dialects/ONNX/Import/NodeValidation.h"
#include "dialects/ONNX/Import/OpsetUpgrades.h"
#include "dialects/ONNX/Import/TensorReader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <onnx/onnx_pb.h>

#include <climits>

using namespace mlir;

namespace aotc::onnx {

namespace {

class ModelImporter final : public OpCreator {
public:
  ModelImporter(StringRef path, MLIRContext *context)
      : path(path), context(context), fileLoc(getFileLocation(context, path)),
        nodeLoc(fileLoc), builder(context) {
    StringRef folder = llvm::sys::path::parent_path(path);
    tensors.context = context;
    tensors.modelFolder = folder.empty() ? "." : folder.str();
  }

  OwningOpRef<ModuleOp> run();

  Location getLocation() const override { return nodeLoc; }
  FailureOr<SmallVector<Value>> create(const NodeForm &form) override;
  Value createI64Constant(ArrayRef<int64_t> values) override;
  Value createScalarConstant(Type elementType, double value) override;

private:
  LogicalResult checkModel();
  FailureOr<Type> getValueInfoType(const ::onnx::ValueInfoProto &info);
  FailureOr<func::FuncOp> createFunction(ModuleOp module);
  LogicalResult importInitializers();
  LogicalResult importNode(::onnx::NodeProto &node, size_t index);
  LogicalResult importNode(::onnx::NodeProto &node, const std::string &display,
                           Location loc);
  bool hasShapeFunction(StringRef opType);
  /// Imports `node` as its ONNX function body when aotc has no shape
  /// function for it and its schema has a body; false when it does not.
  FailureOr<bool> importFunctionBody(::onnx::NodeProto &node,
                                     const std::string &display);
  LogicalResult importConstantNode(::onnx::NodeProto &node);
  LogicalResult checkDialectForm(const NodeForm &form,
                                 RegisteredOperationName opName);
  Location getNodeLoc(size_t index) const;
  Value createConstant(ElementsAttr value);

  StringRef path;
  MLIRContext *context;
  Location fileLoc;
  /// The location of the node being imported, given to the ops it becomes.
  Location nodeLoc;
  ::onnx::ModelProto model;
  TensorReader tensors;
  SignatureTable signatures;
  /// The opset of the default domain the model imports.
  int64_t opset = 0;
  /// How many function bodies enclose the node being imported.
  int expansionDepth = 0;
  OpBuilder builder;
  /// The value of each ONNX name imported so far.
  llvm::StringMap<Value> values;
};

} // namespace

Location ModelImporter::getNodeLoc(size_t index) const {
  const ::onnx::NodeProto &node = model.graph().node(index);
  return getNodeLocation(context, path, getNodeDisplayName(node, index),
                         escapeName(node.op_type()));
}

static bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

LogicalResult ModelImporter::checkModel() {
  if (!model.has_ir_version())
    return emitError(fileLoc)
           << "not a valid ONNX model (it has no ir_version)";
  if (!model.has_graph())
    return emitError(fileLoc) << "not a valid ONNX model (it has no graph)";
  bool found = false;
  for (const auto &import : model.opset_import()) {
    if (!isDefaultDomain(import.domain()))
      continue;
    opset = import.version();
    found = true;
  }
  // A model of other domains only may do without; its nodes then say
  // which domain they need.
  if (found && opset < 1)
    return emitError(fileLoc) << "the model imports opset " << opset
                              << " of the default domain, which is invalid";
  if (model.graph().sparse_initializer_size())
    return emitError(fileLoc)
           << "sparse initializer '"
           << model.graph().sparse_initializer(0).values().name()
           << "' is not supported";
  return success();
}

FailureOr<Type>
ModelImporter::getValueInfoType(const ::onnx::ValueInfoProto &info) {
  std::string name = escapeName(info.name());
  if (!info.has_type())
    return emitError(fileLoc) << "graph input '" << name << "' has no type";
  const ::onnx::TypeProto &type = info.type();
  switch (type.value_case()) {
  case ::onnx::TypeProto::kTensorType:
    break;
  case ::onnx::TypeProto::kSequenceType:
    return emitError(fileLoc) << "graph input '" << name
                              << "' is a sequence, which is not supported";
  case ::onnx::TypeProto::kMapType:
    return emitError(fileLoc)
           << "graph input '" << name << "' is a map, which is not supported";
  case ::onnx::TypeProto::kOptionalType:
    return emitError(fileLoc) << "graph input '" << name
                              << "' is optional, which is not supported";
  case ::onnx::TypeProto::kSparseTensorType:
    return emitError(fileLoc) << "graph input '" << name
                              << "' is a sparse tensor, which is not supported";
  default:
    return emitError(fileLoc) << "graph input '" << name << "' has no type";
  }
  const ::onnx::TypeProto::Tensor &tensor = type.tensor_type();
  Type elementType = getElementTypeOfDataType(context, tensor.elem_type());
  if (!elementType)
    return emitError(fileLoc)
           << "graph input '" << name << "' has element type '"
           << getDataTypeName(tensor.elem_type())
           << "', which is not supported";
  if (!tensor.has_shape())
    return Type(UnrankedTensorType::get(elementType));
  SmallVector<int64_t> shape;
  for (const auto &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                        ? dim.dim_value()
                        : ShapedType::kDynamic);
  return Type(RankedTensorType::get(shape, elementType));
}

/// The tensor type a graph output declares, as far as it says (element type
/// and, when given, a shape with unknown dimensions dynamic); null when it
/// declares no tensor element type. Shape inference holds the graph to it.
static Type getDeclaredType(MLIRContext *context,
                            const ::onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type())
    return nullptr;
  const ::onnx::TypeProto::Tensor &tensor = info.type().tensor_type();
  Type elementType = getElementTypeOfDataType(context, tensor.elem_type());
  if (!elementType)
    return nullptr;
  if (!tensor.has_shape())
    return UnrankedTensorType::get(elementType);
  SmallVector<int64_t> shape;
  for (const auto &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                        ? dim.dim_value()
                        : ShapedType::kDynamic);
  return RankedTensorType::get(shape, elementType);
}

FailureOr<func::FuncOp> ModelImporter::createFunction(ModuleOp module) {
  const ::onnx::GraphProto &graph = model.graph();
  llvm::StringSet<> initializers;
  for (const auto &initializer : graph.initializer())
    initializers.insert(initializer.name());

  builder.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main_graph",
                                   builder.getFunctionType({}, {}));
  Block *entry = func.addEntryBlock();
  for (const auto &input : graph.input()) {
    // An input with an initializer is a constant with a default value.
    if (initializers.contains(input.name()))
      continue;
    FailureOr<Type> type = getValueInfoType(input);
    if (failed(type))
      return failure();
    Location loc = NameLoc::get(builder.getStringAttr(input.name()), fileLoc);
    values[input.name()] = entry->addArgument(*type, loc);
  }
  func.setFunctionType(builder.getFunctionType(entry->getArgumentTypes(), {}));
  unsigned argIndex = 0;
  for (const auto &input : graph.input())
    if (!initializers.contains(input.name()))
      func.setArgAttr(argIndex++, "onnx.name",
                      builder.getStringAttr(input.name()));
  builder.setInsertionPointToStart(entry);
  return func;
}

LogicalResult ModelImporter::importInitializers() {
  for (auto &initializer : *model.mutable_graph()->mutable_initializer()) {
    const std::string &name = initializer.name();
    nodeLoc = NameLoc::get(builder.getStringAttr(name), fileLoc);
    FailureOr<ElementsAttr> value = tensors.read(
        initializer, fileLoc, "initializer '" + escapeName(name) + "'", name,
        /*allowInline=*/false);
    if (failed(value))
      return failure();
    Value constant = createConstant(*value);
    if (!constant)
      return failure();
    values[name] = constant;
  }
  return success();
}

Value ModelImporter::createConstant(ElementsAttr value) {
  NodeForm form{"Constant", {}, {}, {true}};
  form.attributes.set("value", value);
  FailureOr<SmallVector<Value>> results = create(form);
  return succeeded(results) ? (*results)[0] : Value();
}

Value ModelImporter::createI64Constant(ArrayRef<int64_t> values) {
  auto type =
      RankedTensorType::get({(int64_t)values.size()}, builder.getI64Type());
  return createConstant(
      cast<ElementsAttr>(DenseElementsAttr::get(type, values)));
}

Value ModelImporter::createScalarConstant(Type elementType, double value) {
  auto type = RankedTensorType::get({}, elementType);
  Attribute scalar;
  if (isa<FloatType>(elementType))
    scalar = FloatAttr::get(elementType, value);
  else
    scalar = IntegerAttr::get(elementType, static_cast<int64_t>(value));
  return createConstant(
      cast<ElementsAttr>(DenseElementsAttr::get(type, scalar)));
}

/// The sizes of the ODS operand (or result) groups, one per formal
/// parameter, given which slots are filled.
static SmallVector<int32_t>
getSegmentSizes(ArrayRef<bool> filled,
                const std::vector<OpSignature::Param> &formals) {
  SmallVector<int32_t> sizes;
  for (auto [i, formal] : llvm::enumerate(formals)) {
    if (formal.option == OpSignature::Option::Variadic) {
      sizes.push_back(
          i < filled.size() ? llvm::count(filled.drop_front(i), true) : 0);
      break;
    }
    sizes.push_back(i < filled.size() && filled[i] ? 1 : 0);
  }
  return sizes;
}

FailureOr<SmallVector<Value>> ModelImporter::create(const NodeForm &form) {
  std::optional<RegisteredOperationName> opName =
      RegisteredOperationName::lookup("onnx." + form.opType, context);
  if (!opName)
    return emitError(nodeLoc)
           << "operator '" << form.opType << "' is not supported";

  OperationState state(nodeLoc, *opName);
  SmallVector<bool> inputFilled;
  for (Value input : form.inputs) {
    inputFilled.push_back(static_cast<bool>(input));
    if (input)
      state.operands.push_back(input);
  }
  // The element type results start with; the shape function sets the
  // right one.
  Type elementType = builder.getF32Type();
  if (!state.operands.empty())
    elementType =
        cast<ShapedType>(state.operands.front().getType()).getElementType();
  state.types.assign(llvm::count(form.outputs, true),
                     UnrankedTensorType::get(elementType));
  state.attributes.append(form.attributes.begin(), form.attributes.end());

  bool operandSegments = opName->hasTrait<OpTrait::AttrSizedOperandSegments>();
  bool resultSegments = opName->hasTrait<OpTrait::AttrSizedResultSegments>();
  if (operandSegments || resultSegments) {
    auto *shapeInterface = opName->getInterface<ShapeInferenceOpInterface>();
    const OpSignature *signature = signatures.lookupDialectForm(
        form.opType,
        shapeInterface ? shapeInterface->getOpsetVersion() : opset);
    if (!signature)
      return emitError(nodeLoc) << "operator '" << form.opType
                                << "' has no schema to lay out its operands";
    if (operandSegments)
      state.addAttribute(
          OpTrait::AttrSizedOperandSegments<void>::getOperandSegmentSizeAttr(),
          builder.getDenseI32ArrayAttr(
              getSegmentSizes(inputFilled, signature->inputs)));
    if (resultSegments)
      state.addAttribute(
          OpTrait::AttrSizedResultSegments<void>::getResultSegmentSizeAttr(),
          builder.getDenseI32ArrayAttr(
              getSegmentSizes(form.outputs, signature->outputs)));
  }

  Operation *op = builder.create(state);
  if (auto shapeOp = dyn_cast<ShapeInferenceOpInterface>(op))
    if (failed(shapeOp.inferShapes()))
      return failure();

  SmallVector<Value> results;
  unsigned next = 0;
  for (bool produced : form.outputs)
    results.push_back(produced ? op->getResult(next++) : Value());
  return results;
}

LogicalResult ModelImporter::checkDialectForm(const NodeForm &form,
                                              RegisteredOperationName opName) {
  auto *shapeInterface = opName.getInterface<ShapeInferenceOpInterface>();
  if (!shapeInterface)
    return success();
  int64_t version = shapeInterface->getOpsetVersion();
  const OpSignature *target =
      signatures.lookupDialectForm(form.opType, version);
  if (!target)
    return success();
  NodeShape shape;
  for (Value input : form.inputs)
    shape.inputs.push_back(static_cast<bool>(input));
  shape.outputs.assign(form.outputs.begin(), form.outputs.end());
  for (const NamedAttribute &attr : form.attributes)
    shape.attributes.emplace_back(attr.getName().str(),
                                  getAttributeTypeOf(attr.getValue()));
  std::string problem = checkNodeShape(shape, *target);
  if (problem.empty())
    return success();
  return emitError(nodeLoc)
         << "the opset " << opset << " form of '" << form.opType
         << "' is not supported (aotc models opset " << version
         << "): " << problem;
}

LogicalResult ModelImporter::importConstantNode(::onnx::NodeProto &node) {
  FailureOr<ElementsAttr> value =
      convertConstantValue(node, tensors, nodeLoc, node.output(0));
  if (failed(value))
    return failure();
  Value constant = createConstant(*value);
  if (!constant)
    return failure();
  values[node.output(0)] = constant;
  return success();
}

bool ModelImporter::hasShapeFunction(StringRef opType) {
  std::optional<RegisteredOperationName> name =
      RegisteredOperationName::lookup(("onnx." + opType).str(), context);
  if (!name)
    return false;
  auto *shapeFns = name->getInterface<ShapeInferenceOpInterface>();
  return shapeFns && shapeFns->hasShapeFunction();
}

FailureOr<bool> ModelImporter::importFunctionBody(::onnx::NodeProto &node,
                                                  const std::string &display) {
  // Bodies may use such ops themselves (SoftmaxCrossEntropyLoss uses
  // NegativeLogLikelihoodLoss); this bounds the nesting.
  constexpr int kMaxDepth = 4;
  if (expansionDepth >= kMaxDepth || hasShapeFunction(node.op_type()))
    return false;
  SmallVector<int32_t> inputTypes;
  for (const std::string &name : node.input()) {
    Value value = name.empty() ? Value() : values.lookup(name);
    auto type = value ? dyn_cast<ShapedType>(value.getType()) : ShapedType();
    inputTypes.push_back(type ? static_cast<int32_t>(getDataTypeOfElementType(
                                    type.getElementType()))
                              : 0);
  }
  std::vector<::onnx::NodeProto> body;
  if (!expandFunctionNode(node, opset, inputTypes, display, body))
    return false;
  ++expansionDepth;
  for (::onnx::NodeProto &inner : body) {
    Location loc = getNodeLocation(context, path, inner.name(),
                                   escapeName(inner.op_type()));
    if (failed(importNode(inner, inner.name(), loc))) {
      --expansionDepth;
      return failure();
    }
  }
  --expansionDepth;
  return true;
}

LogicalResult ModelImporter::importNode(::onnx::NodeProto &node, size_t index) {
  return importNode(node, getNodeDisplayName(node, index), getNodeLoc(index));
}

LogicalResult ModelImporter::importNode(::onnx::NodeProto &node,
                                        const std::string &display,
                                        Location loc) {
  nodeLoc = loc;
  const std::string &opType = node.op_type();
  std::string opTypeText = escapeName(opType);
  if (opType.empty())
    return emitError(nodeLoc) << "the node has no operator type (op_type)";
  if (!isDefaultDomain(node.domain()))
    return emitError(nodeLoc)
           << "domain '" << escapeName(node.domain()) << "' is not supported";
  if (opset == 0)
    return emitError(nodeLoc)
           << "the model imports no opset of the default domain";
  const OpSignature *signature = signatures.lookup(opType, opset);
  if (!signature) {
    InFlightDiagnostic diag = emitError(nodeLoc)
                              << "unknown operator '" << opTypeText
                              << "' in opset " << opset;
    if (const OpSignature *later = signatures.lookup(opType, INT_MAX))
      diag << " (it was introduced in opset " << later->sinceVersion << ")";
    return diag;
  }
  if (signature->deprecated)
    return emitError(nodeLoc)
           << "operator '" << opTypeText << "' is deprecated since opset "
           << signature->sinceVersion;
  for (const ::onnx::AttributeProto &attr : node.attribute()) {
    std::string problem = checkAttributeValue(attr);
    if (!problem.empty())
      return emitError(nodeLoc) << problem;
  }
  // Ops aotc has no shape function for are imported as their ONNX function
  // body where they have one.
  FailureOr<bool> expanded = importFunctionBody(node, display);
  if (failed(expanded) || *expanded)
    return failure(failed(expanded));
  nodeLoc = loc;
  std::optional<RegisteredOperationName> opName =
      RegisteredOperationName::lookup("onnx." + opType, context);
  if (!opName)
    return emitError(nodeLoc)
           << "operator '" << opTypeText << "' is not supported";
  std::string problem = checkNodeShape(NodeShape::fromProto(node), *signature);
  if (!problem.empty())
    return emitError(nodeLoc) << problem;

  if (opType == "Constant")
    return importConstantNode(node);

  NodeForm form;
  form.opType = opType;
  for (const std::string &name : node.input())
    form.inputs.push_back(name.empty() ? Value() : values.lookup(name));
  for (const std::string &name : node.output())
    form.outputs.push_back(!name.empty());
  SmallVector<Type> inputTypes;
  for (Value input : form.inputs)
    inputTypes.push_back(input ? input.getType() : Type());
  problem = checkTypeVariables(*signature, inputTypes);
  if (!problem.empty())
    return emitError(nodeLoc) << problem;
  for (auto &attr : *node.mutable_attribute()) {
    std::string resourceName = display + "." + attr.name();
    FailureOr<Attribute> converted =
        convertAttribute(attr, tensors, nodeLoc, resourceName);
    if (failed(converted))
      return failure();
    form.attributes.append(attr.name(), *converted);
  }

  std::optional<SmallVector<Value>> results;
  if (failed(upgradeNode(form, opset, *this, results)))
    return failure();
  if (!results) {
    if (failed(checkDialectForm(form, *opName)))
      return failure();
    FailureOr<SmallVector<Value>> created = create(form);
    if (failed(created))
      return failure();
    results = std::move(*created);
  }
  for (auto [name, value] : llvm::zip(node.output(), *results))
    if (!name.empty())
      values[name] = value;
  return success();
}

OwningOpRef<ModuleOp> ModelImporter::run() {
  if (failed(readModelFile(path, fileLoc, model)) || failed(checkModel()))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (opset)
    (*module)->setAttr("onnx.opset", builder.getI64IntegerAttr(opset));
  if (!model.producer_name().empty())
    (*module)->setAttr("onnx.producer_name",
                       builder.getStringAttr(model.producer_name()));

  auto order = orderNodes(model.graph(), fileLoc,
                          [&](size_t index) { return getNodeLoc(index); });
  if (failed(order))
    return nullptr;
  FailureOr<func::FuncOp> func = createFunction(*module);
  if (failed(func) || failed(importInitializers()))
    return nullptr;
  for (size_t index : *order)
    if (failed(importNode(*model.mutable_graph()->mutable_node(index), index)))
      return nullptr;

  SmallVector<Value> outputs;
  for (const auto &output : model.graph().output())
    outputs.push_back(values.lookup(output.name()));
  func::ReturnOp::create(builder, fileLoc, outputs);
  func->setFunctionType(builder.getFunctionType(
      func->getArgumentTypes(), ValueRange(outputs).getTypes()));
  for (auto [i, output] : llvm::enumerate(model.graph().output())) {
    func->setResultAttr(i, "onnx.name", builder.getStringAttr(output.name()));
    if (Type declared = getDeclaredType(context, output))
      func->setResultAttr(i, "onnx.declared_type", TypeAttr::get(declared));
  }

  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> importModel(StringRef path, MLIRContext *context) {
  context->getOrLoadDialect<ONNXDialect>();
  context->getOrLoadDialect<func::FuncDialect>();
  return ModelImporter(path, context).run();
}

} // namespace aotc::onnx
