//===- Attention.cpp - Shape function of the fused attention op -----------===//
//
// aotc.Attention keeps Q's batch and row dimensions and takes V's columns.
//
//===----------------------------------------------------------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

using namespace mlir;
using namespace aotc::onnx;

LogicalResult AotcAttentionOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> q = getShapeOf(getQ());
  std::optional<ArrayRef<int64_t>> v = getShapeOf(getV());
  if (!q || !v || q->size() < 2 || v->size() != q->size())
    return success();
  Shape shape(q->drop_back());
  shape.push_back(v->back());
  setShape(getY(), shape);
  return success();
}
