//===- IndexChecks.cpp - The aotc-check-indices pass ----------------------===//
//
// An index read from a graph input (a token id, a position) can be anything.
// The lowering clamps every such index so that no read leaves its tensor;
// this pass makes the wrong answer an error instead: for each op that
// indexes with run-time values it returns the largest and the smallest
// index as two extra graph results, which the entry point compares with the
// axis size before it reports success. Both are reductions over the
// indices, so the cost is one pass over them (128 token ids for BERT).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "dialects/ONNX/IR/ConstantValues.h"
#include "dialects/ONNX/IR/NodeLocation.h"
#include "dialects/ONNX/IR/ONNXDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace aotc {
#define GEN_PASS_DEF_CHECKINDICESPASS
#include "passes/Passes.h.inc"
} // namespace aotc

using namespace mlir;
using namespace aotc;

namespace {

/// The ONNX TensorProto code of int64, Cast's `to`.
constexpr int64_t kInt64DataType = 7;

/// An op's run-time index operand and the size of the axis it indexes.
struct IndexedAxis {
  Value indices;
  int64_t size;
};

/// The indices `op` reads with and the axis size they must stay within
/// ([-size, size)), or nullopt when `op` takes no run-time indices.
std::optional<IndexedAxis> getIndexedAxis(Operation *op) {
  Value data, indices;
  int64_t axis;
  if (auto gather = dyn_cast<onnx::GatherOp>(op)) {
    data = gather.getData(), indices = gather.getIndices();
    axis = gather.getAxis();
  } else if (auto gather = dyn_cast<onnx::GatherElementsOp>(op)) {
    data = gather.getData(), indices = gather.getIndices();
    axis = gather.getAxis();
  } else {
    return std::nullopt;
  }
  auto dataType = cast<RankedTensorType>(data.getType());
  auto indicesType = cast<RankedTensorType>(indices.getType());
  // Constant indices were checked at shape inference.
  if (indicesType.getNumElements() == 0 || onnx::getConstantInts(indices))
    return std::nullopt;
  if (axis < 0)
    axis += dataType.getRank();
  return IndexedAxis{indices, dataType.getDimSize(axis)};
}

/// What the entry point needs to say which node failed.
DictionaryAttr describeCheck(Operation *op, int64_t size, StringRef extreme) {
  MLIRContext *context = op->getContext();
  std::string node, opType = op->getName().stripDialect().str();
  std::optional<onnx::NodeLocationInfo> info =
      onnx::findNodeLocation(op->getLoc());
  if (info && !info->opType.empty())
    node = info->nodeName, opType = info->opType;
  Builder b(context);
  return b.getDictionaryAttr({
      b.getNamedAttr("node", b.getStringAttr(node)),
      b.getNamedAttr("op", b.getStringAttr(opType)),
      b.getNamedAttr("size", b.getI64IntegerAttr(size)),
      b.getNamedAttr("extreme", b.getStringAttr(extreme)),
  });
}

struct CheckIndicesPass : aotc::impl::CheckIndicesPassBase<CheckIndicesPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal())
        addChecks(func);
  }

  void addChecks(func::FuncOp func) {
    auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
    SmallVector<Value> results(ret.getOperands());
    SmallVector<DictionaryAttr> checks;
    func.walk([&](Operation *op) {
      std::optional<IndexedAxis> indexed = getIndexedAxis(op);
      if (!indexed)
        return;
      OpBuilder b(op);
      Location loc = op->getLoc();
      Value indices = indexed->indices;
      auto type = cast<RankedTensorType>(indices.getType());
      if (!type.getElementType().isInteger(64))
        indices = onnx::CastOp::create(b, loc, type.clone(b.getI64Type()),
                                       indices, kInt64DataType);
      auto scalar = RankedTensorType::get({}, b.getI64Type());
      results.push_back(onnx::ReduceMaxOp::create(b, loc, scalar, indices,
                                                  Value(), /*keepdims=*/0,
                                                  /*noop_with_empty_axes=*/0));
      checks.push_back(describeCheck(op, indexed->size, "max"));
      results.push_back(onnx::ReduceMinOp::create(b, loc, scalar, indices,
                                                  Value(), /*keepdims=*/0,
                                                  /*noop_with_empty_axes=*/0));
      checks.push_back(describeCheck(op, indexed->size, "min"));
    });
    if (checks.empty())
      return;
    unsigned firstCheck = ret.getNumOperands();
    ret->setOperands(results);
    func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                   ValueRange(results).getTypes()));
    for (auto [i, check] : llvm::enumerate(checks))
      func.setResultAttr(firstCheck + i, "aotc.index_check", check);
  }
};

} // namespace
