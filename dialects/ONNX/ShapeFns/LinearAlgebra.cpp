//===- LinearAlgebra.cpp - Shape functions of MatMul, Gemm and Einsum -----===//

#include "dialects/ONNX/IR/ONNXDialect.h"
#include "dialects/ONNX/ShapeFns/ShapeHelpers.h"

#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace mlir;
using namespace aotc::onnx;

/// Unifies two sizes of the same dimension; false when both are static and
/// differ.
static bool mergeDim(int64_t &dim, int64_t other) {
  if (isDynamic(dim))
    dim = other;
  return isDynamic(other) || dim == other;
}

/// The shape function MatMul, MatMulInteger and QLinearMatMul share
/// (numpy.matmul on the operands `lhsOperand` and `rhsOperand`).
static LogicalResult inferMatMulShape(Operation *op, Value lhsOperand,
                                      Value rhsOperand) {
  if (failed(inferElementTypesOnly(op)))
    return failure();
  std::optional<ArrayRef<int64_t>> a = getShapeOf(lhsOperand);
  std::optional<ArrayRef<int64_t>> b = getShapeOf(rhsOperand);
  if (!a || !b)
    return success();
  if (a->empty() || b->empty())
    return op->emitOpError() << "operands must have rank 1 or more, got shapes "
                             << formatShape(*a) << " and " << formatShape(*b);

  // numpy.matmul: a 1-D A is a row vector, a 1-D B a column vector; the
  // added dimension is dropped from the result.
  Shape lhs(*a), rhs(*b);
  if (lhs.size() == 1)
    lhs.insert(lhs.begin(), 1);
  if (rhs.size() == 1)
    rhs.push_back(1);
  int64_t k = lhs.back();
  if (!mergeDim(k, rhs[rhs.size() - 2]))
    return op->emitOpError()
           << "operands of shapes " << formatShape(*a) << " and "
           << formatShape(*b) << " have different contraction dimensions ("
           << lhs.back() << " and " << rhs[rhs.size() - 2] << ")";

  FailureOr<Shape> batch = broadcastShapes(op, ArrayRef(lhs).drop_back(2),
                                           ArrayRef(rhs).drop_back(2));
  if (failed(batch))
    return failure();
  Shape shape = std::move(*batch);
  if (a->size() > 1)
    shape.push_back(lhs[lhs.size() - 2]);
  if (b->size() > 1)
    shape.push_back(rhs.back());
  setShape(op->getResult(0), shape);
  return success();
}

LogicalResult MatMulOp::inferShapes() {
  return inferMatMulShape(*this, getA(), getB());
}
LogicalResult MatMulIntegerOp::inferShapes() {
  return inferMatMulShape(*this, getA(), getB());
}
LogicalResult QLinearMatMulOp::inferShapes() {
  return inferMatMulShape(*this, getA(), getB());
}

LogicalResult GemmOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::optional<ArrayRef<int64_t>> a = getShapeOf(getA());
  std::optional<ArrayRef<int64_t>> b = getShapeOf(getB());
  if (!a || !b)
    return success();
  if (a->size() != 2 || b->size() != 2)
    return emitOpError() << "operands A and B must be 2-D, got shapes "
                         << formatShape(*a) << " and " << formatShape(*b);
  int64_t m = getTransA() ? (*a)[1] : (*a)[0];
  int64_t kA = getTransA() ? (*a)[0] : (*a)[1];
  int64_t kB = getTransB() ? (*b)[1] : (*b)[0];
  int64_t n = getTransB() ? (*b)[0] : (*b)[1];
  int64_t k = kA;
  if (!mergeDim(k, kB))
    return emitOpError() << "operands of shapes " << formatShape(*a) << " and "
                         << formatShape(*b) << " (transA = " << getTransA()
                         << ", transB = " << getTransB()
                         << ") have different contraction dimensions (" << kA
                         << " and " << kB << ")";

  // C broadcasts unidirectionally to M x N.
  if (std::optional<ArrayRef<int64_t>> c = getShapeOf(getC())) {
    Shape mn = {m, n};
    bool ok = c->size() <= 2;
    for (size_t i = 0; ok && i < c->size(); ++i) {
      int64_t dim = (*c)[i], target = mn[2 - c->size() + i];
      ok = dim == 1 || isDynamic(dim) || isDynamic(target) || dim == target;
    }
    if (!ok)
      return emitOpError() << "C of shape " << formatShape(*c)
                           << " does not broadcast to the result shape "
                           << formatShape(mn);
  }
  setShape(getY(), {m, n});
  return success();
}

//===----------------------------------------------------------------------===//
// Einsum
//===----------------------------------------------------------------------===//

namespace {
/// One operand's or the output's subscripts: letters, with the ellipsis (if
/// any) at `ellipsis` among them.
struct EinsumTerm {
  std::string letters;
  std::optional<size_t> ellipsis;
};
} // namespace

static FailureOr<EinsumTerm> parseEinsumTerm(Operation *op, StringRef text) {
  EinsumTerm term;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with("...") && !term.ellipsis) {
      term.ellipsis = term.letters.size();
      i += 2;
    } else if (llvm::isAlpha(text[i])) {
      term.letters.push_back(text[i]);
    } else {
      return op->emitOpError() << "invalid equation term '" << text << "'";
    }
  }
  return term;
}

LogicalResult EinsumOp::inferShapes() {
  if (failed(inferElementTypesOnly(*this)))
    return failure();
  std::string equation;
  for (char c : getEquation())
    if (c != ' ')
      equation.push_back(c);
  auto [lhsText, rhsText] = StringRef(equation).split("->");
  bool explicitOutput = StringRef(equation).contains("->");

  SmallVector<StringRef> inputTexts;
  lhsText.split(inputTexts, ',');
  if (inputTexts.size() != getInputs().size())
    return emitOpError() << "equation '" << getEquation() << "' has "
                         << inputTexts.size() << " input terms but the op has "
                         << getInputs().size() << " operands";

  std::map<char, int64_t> sizes;
  std::map<char, int> counts;
  Shape ellipsisShape;
  for (auto [text, operand] : llvm::zip(inputTexts, getInputs())) {
    FailureOr<EinsumTerm> term = parseEinsumTerm(*this, text);
    if (failed(term))
      return failure();
    for (char letter : term->letters)
      ++counts[letter];
    std::optional<ArrayRef<int64_t>> shape = getShapeOf(operand);
    if (!shape)
      return success();
    int64_t extra = (int64_t)shape->size() - (int64_t)term->letters.size();
    if (extra < 0 || (extra > 0 && !term->ellipsis))
      return emitOpError() << "term '" << text << "' does not match operand "
                           << "shape " << formatShape(*shape);
    size_t ellipsisAt = term->ellipsis.value_or(term->letters.size());
    for (auto [i, letter] : llvm::enumerate(term->letters)) {
      int64_t dim = (*shape)[i < ellipsisAt ? i : i + extra];
      auto [it, inserted] = sizes.try_emplace(letter, dim);
      if (!inserted && !mergeDim(it->second, dim))
        return emitOpError() << "index '" << letter << "' has sizes "
                             << it->second << " and " << dim;
    }
    FailureOr<Shape> broadcast =
        broadcastShapes(*this, ellipsisShape, shape->slice(ellipsisAt, extra));
    if (failed(broadcast))
      return failure();
    ellipsisShape = std::move(*broadcast);
  }

  // Without `->`, the output is the ellipsis followed by the indices used
  // once, in alphabetical order.
  EinsumTerm output;
  if (explicitOutput) {
    FailureOr<EinsumTerm> term = parseEinsumTerm(*this, rhsText);
    if (failed(term))
      return failure();
    output = std::move(*term);
  } else {
    output.ellipsis = 0;
    for (auto [letter, count] : counts)
      if (count == 1)
        output.letters.push_back(letter);
  }

  Shape shape;
  for (auto [i, letter] : llvm::enumerate(output.letters)) {
    if (output.ellipsis == i)
      llvm::append_range(shape, ellipsisShape);
    auto it = sizes.find(letter);
    if (it == sizes.end())
      return emitOpError() << "output index '" << letter
                           << "' does not appear in the inputs";
    shape.push_back(it->second);
  }
  if (output.ellipsis == output.letters.size())
    llvm::append_range(shape, ellipsisShape);
  setShape(getOutput(), shape);
  return success();
}
