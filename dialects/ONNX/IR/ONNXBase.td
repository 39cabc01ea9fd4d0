//===- ONNXBase.td - ONNX dialect and op base class --------*- tablegen -*-===//
//
// The `onnx` dialect: one op per ONNX operator, pinned to one opset version.
//
//===----------------------------------------------------------------------===//

#ifndef AOTC_ONNX_BASE_TD
#define AOTC_ONNX_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "dialects/ONNX/IR/ONNXInterfaces.td"

def ONNX_Dialect : Dialect {
  let name = "onnx";
  let summary = "The ONNX operator set, as imported from ModelProto";
  let description = [{
    One operation per ONNX operator of the default domain. Each op models one
    opset version (see its summary); the importer upgrades older forms, such
    as axes given as attributes, to that version. Results may be unranked or
    dynamic after import; `aotc-shape-inference` makes every type static.
  }];
  let cppNamespace = "::aotc::onnx";
  let hasConstantMaterializer = 1;
}

// A tensor of one of the given element types, ranked or not: types are
// refined by shape inference.
class ONNX_TensorOf<list<Type> allowedTypes> : TensorOf<allowedTypes>;

// Base class of every ONNX op. `version` is the opset the op's definition
// follows; `elementTypeRules` says, for each result, how its element type
// follows from the operands (C++ `ElementTypeRule` initializers).
class ONNX_Op<string mnemonic, int opsetVersion, list<Trait> traits = []>
    : Op<ONNX_Dialect, mnemonic,
         !listconcat(traits, [ONNX_ShapeInferenceOpInterface])> {
  int version = opsetVersion;
  code elementTypeRules = "";
  // Whether the op has a hand-written shape function (ShapeFns/); without
  // one, shape inference derives only the element types.
  bit hasShapeFunction = 0;
  code extraDeclarations = "";
  let extraClassDeclaration = [{
    static ::llvm::ArrayRef<::aotc::onnx::ElementTypeRule> getElementTypeRules() {
      static const ::aotc::onnx::ElementTypeRule rules[] = {}] # elementTypeRules # [{};
      return rules;
    }
    static constexpr int64_t getOpsetVersion() { return }] # version # [{; }
    static constexpr bool hasShapeFunction() { return }]
      # !if(hasShapeFunction, "true", "false") # [{; }
  }] # !if(hasShapeFunction, [{
    ::llvm::LogicalResult inferShapes();
  }], [{
    ::llvm::LogicalResult inferShapes() {
      return ::aotc::onnx::inferElementTypesOnly(getOperation());
    }
  }]) # extraDeclarations;
}

#endif // AOTC_ONNX_BASE_TD
