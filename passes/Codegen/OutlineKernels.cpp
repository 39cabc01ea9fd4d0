//===- OutlineKernels.cpp - The aotc-outline-kernels pass -----------------===//
//
// Gives every fused kernel of the graph its own function, so that profiles
// name nodes, LLVM compiles one kernel at a time, and repeated kernels are
// compiled once.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

namespace aotc {
#define GEN_PASS_DEF_OUTLINEKERNELSPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;

namespace {

/// An ONNX node named by a location: our importer's
/// fused<"OpType">[name, file].
struct Node {
  StringRef name;
  StringRef opType;
  bool operator==(const Node &other) const { return name == other.name; }
};

void collectNodes(Location loc, SmallVectorImpl<Node> &nodes) {
  loc->walk([&](Location part) {
    auto fused = dyn_cast<FusedLoc>(part);
    auto opType = fused ? dyn_cast_or_null<StringAttr>(fused.getMetadata())
                        : StringAttr();
    if (!opType || fused.getLocations().size() != 2)
      return WalkResult::advance();
    auto name = dyn_cast<NameLoc>(fused.getLocations()[0]);
    if (name && !name.getName().getValue().empty() &&
        !llvm::is_contained(nodes, Node{name.getName(), {}}))
      nodes.push_back({name.getName(), opType.getValue()});
    return WalkResult::skip();
  });
}

/// The nodes of `op` and of the ops nested in it, in order of appearance.
SmallVector<Node> getNodes(Operation *op) {
  SmallVector<Node> nodes;
  op->walk<WalkOrder::PreOrder>(
      [&](Operation *nested) { collectNodes(nested->getLoc(), nodes); });
  return nodes;
}

/// A C identifier from a node name: "/layer1/layer1.0/conv1/Conv" ->
/// "layer1_layer1_0_conv1_Conv".
std::string sanitize(StringRef name) {
  std::string result;
  for (char c : name) {
    bool word = llvm::isAlnum(c) || c == '_';
    if (word)
      result.push_back(c);
    else if (!result.empty() && result.back() != '_')
      result.push_back('_');
  }
  while (!result.empty() && result.back() == '_')
    result.pop_back();
  // Symbols stay readable in perf; the index keeps them unique.
  if (result.size() > 48)
    result.resize(48);
  return result.empty() ? "node" : result;
}

/// Ops that stay in the graph function and are rebuilt in each kernel that
/// uses them: constants and views derived by structure. Views of the arena
/// (memref.view) and weights (memref.get_global) are passed instead, so
/// that kernels reading different buffers of the same shapes are equal.
bool isRebuiltInKernels(Operation *op) {
  if (op->getNumRegions() != 0 || !isMemoryEffectFree(op))
    return false;
  return !isa<memref::ViewOp, memref::GetGlobalOp>(op);
}

/// Memrefs cross the call as bare pointers: their layout must be static.
bool canPass(Value value) {
  auto memref = dyn_cast<MemRefType>(value.getType());
  if (!memref)
    return isa<IntegerType, IndexType, FloatType, VectorType>(value.getType());
  if (!memref.hasStaticShape())
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(memref.getStridesAndOffset(strides, offset)))
    return false;
  return !ShapedType::isDynamic(offset) &&
         llvm::none_of(strides, ShapedType::isDynamic);
}

struct Kernel {
  SmallVector<Operation *> ops;
  SmallVector<Node> nodes;
};

/// Consecutive top-level ops with effects, grouped by the node that starts
/// each group: a convolution's padding, im2col, GEMM and fused epilogue all
/// name the Conv node.
SmallVector<Kernel> groupKernels(Block &body) {
  SmallVector<Kernel> kernels;
  for (Operation &op : body.without_terminator()) {
    if (isMemoryEffectFree(&op) && op.getNumRegions() == 0)
      continue;
    SmallVector<Node> nodes = getNodes(&op);
    if (kernels.empty() ||
        (!nodes.empty() && !kernels.back().nodes.empty() &&
         !llvm::is_contained(nodes, kernels.back().nodes.front())))
      kernels.emplace_back();
    Kernel &kernel = kernels.back();
    kernel.ops.push_back(&op);
    for (const Node &node : nodes)
      if (!llvm::is_contained(kernel.nodes, node))
        kernel.nodes.push_back(node);
  }
  return kernels;
}

/// Number of times `op` runs per execution of its kernel: the trip counts
/// of the loops around it (scf.for with constant bounds, linalg bodies).
int64_t getExecutionCount(Operation *op, Operation *root) {
  int64_t count = 1;
  for (Operation *parent = op->getParentOp(); parent && parent != root;
       parent = parent->getParentOp()) {
    if (auto loop = dyn_cast<scf::ForOp>(parent)) {
      std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound());
      std::optional<int64_t> ub = getConstantIntValue(loop.getUpperBound());
      std::optional<int64_t> step = getConstantIntValue(loop.getStep());
      if (lb && ub && step && *step > 0)
        count *= std::max<int64_t>(0, llvm::divideCeil(*ub - *lb, *step));
    } else if (auto linalgOp = dyn_cast<linalg::LinalgOp>(parent)) {
      for (int64_t range : linalgOp.getStaticLoopRanges())
        if (!ShapedType::isDynamic(range))
          count *= range;
    }
  }
  return count;
}

/// Floating-point additions and multiplications one call of `func` does
/// (an FMA counts two), as GFLOP/s is counted for contractions.
int64_t countFlops(func::FuncOp func) {
  int64_t flops = 0;
  func.walk([&](Operation *op) {
    auto elements = [](Type type) -> int64_t {
      auto vector = dyn_cast<VectorType>(type);
      return vector ? vector.getNumElements() : 1;
    };
    int64_t perRun = 0;
    if (isa<arith::AddFOp, arith::SubFOp, arith::MulFOp>(op))
      perRun = elements(op->getResult(0).getType());
    else if (isa<math::FmaOp, vector::FMAOp, vector::OuterProductOp>(op))
      perRun = 2 * elements(op->getResult(0).getType());
    else if (auto contract = dyn_cast<vector::ContractionOp>(op)) {
      SmallVector<int64_t> bounds;
      contract.getIterationBounds(bounds);
      perRun = 2;
      for (int64_t bound : bounds)
        perRun *= bound;
    } else if (auto reduction = dyn_cast<vector::ReductionOp>(op)) {
      if (isa<FloatType>(reduction.getType()))
        perRun = reduction.getSourceVectorType().getNumElements();
    }
    if (perRun)
      flops += perRun * getExecutionCount(op, func);
  });
  return flops;
}

/// Whether GFLOP/s means something for `kernel`: it runs a matrix product
/// or a convolution.
bool isContraction(const Kernel &kernel) {
  return llvm::any_of(kernel.nodes, [](const Node &node) {
    return llvm::is_contained({"Conv", "ConvTranspose", "ConvInteger", "MatMul",
                               "MatMulInteger", "Gemm", "Einsum", "Attention",
                               "QLinearConv", "QLinearMatMul"},
                              node.opType);
  });
}

/// The shape of the last buffer `func` writes, e.g. "1x64x56x56".
std::string getOutputShape(func::FuncOp func) {
  Value written;
  func.walk([&](MemoryEffectOpInterface op) {
    SmallVector<MemoryEffects::EffectInstance> effects;
    op.getEffects(effects);
    for (const MemoryEffects::EffectInstance &effect : effects)
      if (isa<MemoryEffects::Write>(effect.getEffect()) && effect.getValue())
        written = effect.getValue();
  });
  while (written)
    if (auto view = written.getDefiningOp<ViewLikeOpInterface>())
      written = view.getViewSource();
    else
      break;
  auto type = written ? dyn_cast<MemRefType>(written.getType()) : nullptr;
  if (!type)
    return "";
  std::string shape;
  llvm::raw_string_ostream os(shape);
  llvm::interleave(type.getShape(), os, "x");
  if (type.getRank() == 0)
    os << "scalar";
  return shape;
}

class KernelOutliner {
public:
  KernelOutliner(ModuleOp module, func::FuncOp graph)
      : module(module), graph(graph), symbols(module) {}

  /// Outlines `kernel` as function number `index`; false (the ops stay in
  /// the graph) when its values cannot cross a call.
  bool outline(const Kernel &kernel, unsigned index);

  /// Drops the rebuilt ops the graph no longer uses.
  void eraseDeadOps();

  /// One entry per call, in order: function, nodes, ops, shape, flops
  /// (0 unless a contraction).
  SmallVector<Attribute> kernelInfo;
  SmallVector<func::CallOp> calls;

private:
  func::FuncOp findEquivalent(func::FuncOp func);

  ModuleOp module;
  func::FuncOp graph;
  SymbolTable symbols;
  /// Outlined functions by a hash of their body, for sharing.
  llvm::DenseMap<llvm::hash_code, SmallVector<func::FuncOp>> byHash;
};

/// Collects the values the ops in `in` (and their regions) use from outside
/// them.
void collectUses(Block &graphBody, Operation *op,
                 const llvm::SmallPtrSetImpl<Operation *> &in,
                 llvm::SetVector<Value> &uses) {
  op->walk([&](Operation *nested) {
    for (Value operand : nested->getOperands()) {
      Operation *owner = operand.getDefiningOp();
      if (!owner)
        owner = cast<BlockArgument>(operand).getOwner()->getParentOp();
      Operation *top = graphBody.findAncestorOpInBlock(*owner);
      if (!top || !in.contains(top))
        uses.insert(operand);
    }
  });
}

bool KernelOutliner::outline(const Kernel &kernel, unsigned index) {
  llvm::SmallPtrSet<Operation *, 16> in(kernel.ops.begin(), kernel.ops.end());
  // Values from outside, then how each enters the kernel: rebuilt (and its
  // own operands in turn), or as an argument.
  llvm::SetVector<Value> uses;
  for (Operation *op : kernel.ops)
    collectUses(graph.getBody().front(), op, in, uses);
  SmallVector<Value> arguments;
  SmallVector<Operation *> rebuilt;
  llvm::SmallPtrSet<Operation *, 16> rebuiltSet;
  std::function<bool(Value)> classify = [&](Value value) {
    Operation *def = value.getDefiningOp();
    if (def && in.contains(def))
      return true;
    if (def && isRebuiltInKernels(def)) {
      if (rebuiltSet.contains(def))
        return true;
      for (Value operand : def->getOperands())
        if (!classify(operand))
          return false;
      rebuiltSet.insert(def);
      rebuilt.push_back(def);
      return true;
    }
    if (!canPass(value))
      return false;
    if (!llvm::is_contained(arguments, value))
      arguments.push_back(value);
    return true;
  };
  for (Value value : uses)
    if (!classify(value))
      return false;

  // Results used after the kernel are returned; a memref cannot be, nor a
  // value used between the kernel's ops (the call comes after the last).
  Operation *last = kernel.ops.back();
  SmallVector<Value> results;
  for (Operation *op : kernel.ops)
    for (Value result : op->getResults()) {
      bool usedOutside = false;
      for (Operation *user : result.getUsers()) {
        Operation *top = graph.getBody().front().findAncestorOpInBlock(*user);
        if (in.contains(top))
          continue;
        if (top->isBeforeInBlock(last) || !canPass(result) ||
            isa<MemRefType>(result.getType()))
          return false;
        usedOutside = true;
      }
      if (usedOutside)
        results.push_back(result);
    }

  MLIRContext *context = module.getContext();
  OpBuilder builder(context);
  std::string name;
  llvm::raw_string_ostream(name)
      << llvm::format("aotc_k%03u_", index)
      << sanitize(kernel.nodes.empty() ? StringRef() : kernel.nodes[0].name);
  auto type = FunctionType::get(context, ValueRange(arguments).getTypes(),
                                ValueRange(results).getTypes());
  builder.setInsertionPoint(graph);
  Location loc = kernel.ops.front()->getLoc();
  auto func = func::FuncOp::create(builder, loc, name, type);
  func.setPrivate();
  // Kept out of line by LLVM, and local to the object: two models linked
  // into one firmware each have their own kernels.
  func->setAttr("no_inline", UnitAttr::get(context));
  func->setAttr("llvm.linkage",
                LLVM::LinkageAttr::get(context, LLVM::Linkage::Internal));
  Block *entry = func.addEntryBlock();
  IRMapping mapping;
  for (auto [value, argument] : llvm::zip(arguments, entry->getArguments()))
    mapping.map(value, argument);
  builder.setInsertionPointToStart(entry);
  // `rebuilt` lists definitions after their operands.
  for (Operation *op : rebuilt)
    builder.clone(*op, mapping);
  for (Operation *op : kernel.ops)
    builder.clone(*op, mapping);
  SmallVector<Value> returned;
  for (Value result : results)
    returned.push_back(mapping.lookup(result));
  func::ReturnOp::create(builder, last->getLoc(), returned);

  func::FuncOp callee = findEquivalent(func);
  if (callee != func)
    func.erase();
  else
    symbols.insert(func);

  builder.setInsertionPoint(last);
  auto call = func::CallOp::create(builder, last->getLoc(), callee, arguments);
  for (auto [result, replacement] : llvm::zip(results, call.getResults()))
    result.replaceAllUsesWith(replacement);
  for (Operation *op : llvm::reverse(kernel.ops))
    op->erase();
  calls.push_back(call);

  Builder b(context);
  SmallVector<std::string> names, opTypes;
  for (const Node &node : kernel.nodes) {
    names.push_back(node.name.str());
    if (!llvm::is_contained(opTypes, node.opType.str()))
      opTypes.push_back(node.opType.str());
  }
  kernelInfo.push_back(b.getDictionaryAttr({
      b.getNamedAttr("function", b.getStringAttr(callee.getSymName())),
      b.getNamedAttr("nodes", b.getStringAttr(llvm::join(names, ", "))),
      b.getNamedAttr("ops", b.getStringAttr(llvm::join(opTypes, "+"))),
      b.getNamedAttr("shape", b.getStringAttr(getOutputShape(callee))),
      b.getNamedAttr(
          "flops",
          b.getI64IntegerAttr(isContraction(kernel) ? countFlops(callee) : 0)),
  }));
  return true;
}

func::FuncOp KernelOutliner::findEquivalent(func::FuncOp func) {
  llvm::hash_code hash = hash_value(func.getFunctionType());
  func.getBody().walk([&](Operation *op) {
    hash =
        llvm::hash_combine(hash, OperationEquivalence::computeHash(
                                     op, OperationEquivalence::ignoreHashValue,
                                     OperationEquivalence::ignoreHashValue,
                                     OperationEquivalence::IgnoreLocations));
  });
  SmallVector<func::FuncOp> &candidates = byHash[hash];
  for (func::FuncOp candidate : candidates) {
    if (candidate.getFunctionType() != func.getFunctionType())
      continue;
    // Values correspond when defined at the same place: the arguments, then
    // results and block arguments as the comparison pairs them.
    llvm::DenseMap<Value, Value> equivalent;
    for (auto [lhs, rhs] :
         llvm::zip(candidate.getArguments(), func.getArguments()))
      equivalent[lhs] = rhs;
    if (OperationEquivalence::isRegionEquivalentTo(
            &candidate.getBody(), &func.getBody(),
            [&](Value lhs, Value rhs) {
              return success(equivalent.lookup(lhs) == rhs);
            },
            [&](Value lhs, Value rhs) { equivalent[lhs] = rhs; },
            OperationEquivalence::IgnoreLocations))
      return candidate;
  }
  candidates.push_back(func);
  return func;
}

void KernelOutliner::eraseDeadOps() {
  Block &body = graph.getBody().front();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (op.use_empty() && isMemoryEffectFree(&op) && op.getNumRegions() == 0 &&
        !op.hasTrait<OpTrait::IsTerminator>())
      op.erase();
}

/// Times each call: one clock read before the first and one after each,
/// so that the kernels' times add up to the graph's.
void instrument(ModuleOp module, func::FuncOp graph,
                ArrayRef<func::CallOp> calls) {
  MLIRContext *context = module.getContext();
  OpBuilder builder(context);
  builder.setInsertionPoint(graph);
  Type i64 = builder.getI64Type();
  auto ticksType = MemRefType::get({int64_t(calls.size())}, i64);
  memref::GlobalOp::create(builder, graph.getLoc(), "aotc_profile_ticks",
                           builder.getStringAttr("private"), ticksType,
                           UnitAttr::get(context), /*constant=*/false,
                           builder.getI64IntegerAttr(64));
  auto clock =
      func::FuncOp::create(builder, graph.getLoc(), "aotc_profile_clock",
                           FunctionType::get(context, {}, {i64}));
  clock.setPrivate();

  builder.setInsertionPoint(calls.front());
  Location loc = graph.getLoc();
  Value ticks = memref::GetGlobalOp::create(builder, loc, ticksType,
                                            "aotc_profile_ticks");
  Value before = func::CallOp::create(builder, loc, clock).getResult(0);
  for (auto [i, call] : llvm::enumerate(calls)) {
    builder.setInsertionPointAfter(call);
    Value after = func::CallOp::create(builder, loc, clock).getResult(0);
    Value time = arith::SubIOp::create(builder, loc, after, before);
    Value slot = arith::ConstantIndexOp::create(builder, loc, i);
    memref::StoreOp::create(builder, loc, time, ticks, slot);
    before = after;
  }
}

struct OutlineKernelsPass
    : aotc::impl::OutlineKernelsPassBase<OutlineKernelsPass> {
  using OutlineKernelsPassBase::OutlineKernelsPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto graph = module.lookupSymbol<func::FuncOp>("main_graph");
    if (!graph || graph.isExternal())
      return;
    KernelOutliner outliner(module, graph);
    unsigned index = 0;
    for (const Kernel &kernel : groupKernels(graph.getBody().front()))
      if (outliner.outline(kernel, index))
        ++index;
    outliner.eraseDeadOps();
    module->setAttr("aotc.kernels",
                    ArrayAttr::get(&getContext(), outliner.kernelInfo));
    if (profile && !outliner.calls.empty())
      instrument(module, graph, outliner.calls);
  }
};

} // namespace
