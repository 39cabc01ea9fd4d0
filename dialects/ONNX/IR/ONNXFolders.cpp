//===- ONNXFolders.cpp - Constant folders of ONNX ops --------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using namespace aotc::onnx;

OpFoldResult AddOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult CastOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ConstantOfShapeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult DivOp::fold(FoldAdaptor adaptor) { return {}; }
LogicalResult DropoutOp::fold(FoldAdaptor adaptor, SmallVectorImpl<OpFoldResult> &results) { return failure(); }
OpFoldResult EqualOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ExpandOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult GatherOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult IdentityOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult LessOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult MaxOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult MinOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult MulOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult NegOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult NotOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult RangeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ShapeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult SizeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult SliceOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult SubOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult WhereOp::fold(FoldAdaptor adaptor) { return {}; }
OpFoldResult ConstantOp::fold(FoldAdaptor adaptor) { return {}; }
