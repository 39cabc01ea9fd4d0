//===- ElementTypeRule.h - How a result's element type is derived -*- C++
//-*-===//
//
// Each ONNX op states, per result, whether its element type is that of an
// operand, a fixed type, or computed by the op's own shape function. The
// generator derives these rules from the schema's type constraints.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_DIALECTS_ONNX_IR_ELEMENTTYPERULE_H
#define AOTC_DIALECTS_ONNX_IR_ELEMENTTYPERULE_H

#include "mlir/IR/Types.h"

namespace aotc::onnx {

/// Element types that can be fixed by a rule.
enum class ElementKind {
  f32,
  f64,
  f16,
  bf16,
  i8,
  i16,
  i32,
  i64,
  ui8,
  ui16,
  ui32,
  ui64,
  i1
};

/// Returns the MLIR type of `kind`.
mlir::Type getElementType(mlir::MLIRContext *context, ElementKind kind);

struct ElementTypeRule {
  enum class Kind { Operand, Fixed, Custom };
  Kind kind;
  /// The ODS operand group whose element type the result takes (Operand).
  unsigned operandGroup;
  /// The result's element type (Fixed).
  ElementKind fixedKind;

  static constexpr ElementTypeRule operand(unsigned group) {
    return {Kind::Operand, group, ElementKind::f32};
  }
  static constexpr ElementTypeRule fixed(ElementKind kind) {
    return {Kind::Fixed, 0, kind};
  }
  static constexpr ElementTypeRule custom() {
    return {Kind::Custom, 0, ElementKind::f32};
  }
};

} // namespace aotc::onnx

#endif // AOTC_DIALECTS_ONNX_IR_ELEMENTTYPERULE_H
