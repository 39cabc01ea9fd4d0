//===- ONNXVerifiers.cpp - Verifiers of ONNX ops ------------------------===//

#include "dialects/ONNX/IR/ONNXDialect.h"

using namespace mlir;
using namespace aotc::onnx;

LogicalResult AveragePoolOp::verify() { return success(); }
LogicalResult CastOp::verify() { return success(); }
LogicalResult ConcatOp::verify() { return success(); }
LogicalResult ConvOp::verify() { return success(); }
LogicalResult FlattenOp::verify() { return success(); }
LogicalResult GatherOp::verify() { return success(); }
LogicalResult GemmOp::verify() { return success(); }
LogicalResult LogSoftmaxOp::verify() { return success(); }
LogicalResult MaxPoolOp::verify() { return success(); }
LogicalResult SoftmaxOp::verify() { return success(); }
LogicalResult SplitOp::verify() { return success(); }
LogicalResult SqueezeOp::verify() { return success(); }
LogicalResult TransposeOp::verify() { return success(); }
LogicalResult TriluOp::verify() { return success(); }
LogicalResult UnsqueezeOp::verify() { return success(); }
LogicalResult ConstantOp::verify() { return success(); }
LogicalResult GeluOp::verify() { return success(); }
