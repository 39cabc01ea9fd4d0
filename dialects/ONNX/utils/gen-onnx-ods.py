#!/usr/bin/python3
"""Generates ONNXOps.gen.td, the ODS definitions of the ONNX operators, from the
operator schemas of the installed python3-onnx.

Each operator is pinned to the newest schema at or below MAX_OPSET; the
importer upgrades older forms (attributes that later became inputs) to it.
Hand-written extras (ops newer than the installed schemas, traits, folders)
live in the tables below, so the output is fully reproducible:

  dialects/ONNX/utils/gen-onnx-ods.py > dialects/ONNX/IR/ONNXOps.gen.td
  dialects/ONNX/utils/gen-onnx-ods.py --check dialects/ONNX/IR/ONNXOps.gen.td
"""
import sys

from onnx import defs

MAX_OPSET = 17

# Operators we do not model: control flow with subgraphs, sequences,
# optionals, strings, training-only and random-number ops.
EXCLUDED = {
    "If", "Loop", "Scan", "SequenceMap", "SequenceAt", "SequenceConstruct",
    "SequenceEmpty", "SequenceErase", "SequenceInsert", "SequenceLength",
    "SplitToSequence", "ConcatFromSequence", "Optional", "OptionalGetElement",
    "OptionalHasElement", "StringNormalizer", "TfIdfVectorizer",
    "Bernoulli", "Multinomial", "RandomNormal", "RandomNormalLike",
    "RandomUniform", "RandomUniformLike",
    # Hand-written in ONNXOps.td: the importer folds its value_* forms into
    # one `value` attribute.
    "Constant",
}

# Reduce ops take `axes` as an optional input from opset 18 on (ReduceSum
# from 13). The dialect models that newest form for all of them.
REDUCE_WITH_AXES_INPUT = {
    "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax",
    "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSumSquare",
}

# Additions from opset 18 that newer exporters emit.
EXTRA_ATTRIBUTES = {"Split": [("num_outputs", "OptionalAttr<SI64Attr>")]}
EXTRA_INPUTS = {"Pad": [("axes", "Optional<ONNX_TensorOf<[I32, I64]>>")]}

# Ops with a hand-written shape function (dialects/ONNX/ShapeFns/).
WITH_SHAPE_FUNCTION = {
    # elementwise and broadcasting
    "Abs", "Acos", "Acosh", "Add", "And", "Asin", "Asinh", "Atan", "Atanh",
    "BitShift", "Cast", "CastLike", "Ceil", "Celu", "Clip", "Cos", "Cosh",
    "Div", "Dropout", "Elu", "Equal", "Erf", "Exp", "Floor", "Greater",
    "GreaterOrEqual", "HardSigmoid", "HardSwish", "Hardmax", "Identity",
    "IsInf", "IsNaN", "LeakyRelu", "Less", "LessOrEqual", "Log", "LogSoftmax",
    "Max", "Mean", "Min", "Mod", "Mul", "Neg", "Not", "Or", "PRelu", "Pow",
    "Reciprocal", "Relu", "Round", "Selu", "Shrink", "Sigmoid", "Sign", "Sin",
    "Sinh", "Softmax", "Softplus", "Softsign", "Sqrt", "Sub", "Sum", "Tan",
    "Tanh", "ThresholdedRelu", "Where", "Xor", "Trilu", "CumSum",
    "LayerNormalization", "BatchNormalization", "InstanceNormalization",
    "LRN", "MeanVarianceNormalization", "LpNormalization",
    # linear algebra
    "MatMul", "Gemm", "Einsum",
    # convolution and pooling
    "Conv", "ConvTranspose", "MaxPool", "AveragePool", "LpPool",
    "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool",
    # reductions
    "ArgMax", "ArgMin", "ReduceL1", "ReduceL2", "ReduceLogSum",
    "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd",
    "ReduceSum", "ReduceSumSquare",
    # shape manipulation
    "Concat", "Constant", "ConstantOfShape", "DepthToSpace", "Expand",
    "Flatten", "Gather", "GatherElements", "GatherND", "OneHot", "Pad",
    "Range", "Reshape", "Resize", "Shape", "Size", "Slice", "SpaceToDepth",
    "Split", "Squeeze", "Tile", "TopK", "Transpose", "Unsqueeze", "EyeLike",
    # quantization
    "QuantizeLinear", "DequantizeLinear", "ConvInteger", "MatMulInteger",
    "QLinearConv", "QLinearMatMul",
    # recurrent
    "GRU", "LSTM", "RNN",
}

# Ops with a constant folder (dialects/ONNX/IR/ONNXFolders.cpp).
WITH_FOLDER = {
    "Add", "Cast", "Concat", "Constant", "ConstantOfShape", "Div", "Dropout",
    "Equal", "Expand", "Gather", "Identity", "Less", "Greater", "Mul", "Not",
    "Range", "Reshape", "Shape", "Size", "Slice", "Squeeze", "Sub",
    "Unsqueeze", "Where", "Neg", "Transpose", "Flatten", "Max", "Min",
    # torch's attention scale: Sqrt(Cast(Shape(q)[-1])) or Pow(d, 0.5).
    "Sqrt", "Pow",
}

# Ops with a custom verifier (dialects/ONNX/IR/ONNXVerifiers.cpp).
WITH_VERIFIER = {
    "Concat", "Conv", "Gemm", "Transpose", "Softmax", "LogSoftmax", "Gather",
    "Flatten", "Constant", "Cast", "Split", "Trilu", "Squeeze", "Unsqueeze",
    "MaxPool", "AveragePool",
}

# Ops with rewrite patterns (dialects/ONNX/IR/ONNXCanonicalize.cpp).
WITH_CANONICALIZER = {"Cast", "Reshape", "Transpose"}

# Ops that read or write nothing but their operands and results; all but
# the random-number ones (excluded) are.
ELEMENT_TYPES = {
    "tensor(float)": "F32", "tensor(double)": "F64", "tensor(float16)": "F16",
    "tensor(bfloat16)": "BF16", "tensor(int8)": "I8", "tensor(int16)": "I16",
    "tensor(int32)": "I32", "tensor(int64)": "I64", "tensor(uint8)": "UI8",
    "tensor(uint16)": "UI16", "tensor(uint32)": "UI32",
    "tensor(uint64)": "UI64", "tensor(bool)": "I1",
    "tensor(complex64)": "Complex<F32>", "tensor(complex128)": "Complex<F64>",
}

# C++ spelling of a single allowed element type, for fixed result types.
CPP_ELEMENT_TYPE = {
    "F32": "f32", "F64": "f64", "F16": "f16", "BF16": "bf16", "I8": "i8",
    "I16": "i16", "I32": "i32", "I64": "i64", "UI8": "ui8", "UI16": "ui16",
    "UI32": "ui32", "UI64": "ui64", "I1": "i1",
}

Opt = defs.OpSchema.FormalParameterOption
AttrType = defs.OpSchema.AttrType


def element_types(schema, type_str):
    """ODS element types allowed for a formal parameter's type string."""
    allowed = [type_str]
    for constraint in schema.type_constraints:
        if constraint.type_param_str == type_str:
            allowed = constraint.allowed_type_strs
    return [ELEMENT_TYPES[t] for t in allowed if t in ELEMENT_TYPES]


def attribute_default(attr):
    value = attr.default_value
    if attr.type == AttrType.INT:
        return str(value.i)
    if attr.type == AttrType.FLOAT:
        return repr(float(value.f))
    if attr.type == AttrType.STRING:
        return value.s.decode()
    return None


def attribute_ods(attr):
    base = {
        AttrType.INT: "SI64Attr", AttrType.FLOAT: "F32Attr",
        AttrType.STRING: "StrAttr", AttrType.INTS: "DenseI64ArrayAttr",
        AttrType.FLOATS: "DenseF32ArrayAttr", AttrType.STRINGS: "StrArrayAttr",
        AttrType.TENSOR: "ElementsAttr",
    }.get(attr.type)
    if base is None:
        return None
    if attr.required:
        return base
    default = attribute_default(attr)
    if default is not None and attr.default_value.name:
        if attr.type == AttrType.STRING:
            return f'DefaultValuedStrAttr<{base}, "{default}">'
        if attr.type == AttrType.FLOAT and "." not in default and "e" not in default:
            default += ".0"
        return f'DefaultValuedAttr<{base}, "{default}">'
    return f"OptionalAttr<{base}>"


def operand_ods(schema, param):
    types = element_types(schema, param.typeStr)
    ods = f"ONNX_TensorOf<[{', '.join(types)}]>"
    if param.option == Opt.Optional:
        return f"Optional<{ods}>"
    if param.option == Opt.Variadic:
        return f"Variadic<{ods}>"
    return ods


def element_type_rule(schema, output):
    """How a result's element type follows from the operands."""
    for index, param in enumerate(schema.inputs):
        if param.typeStr == output.typeStr:
            return f"ElementTypeRule::operand({index})"
    types = element_types(schema, output.typeStr)
    if len(types) == 1 and types[0] in CPP_ELEMENT_TYPE:
        return f"ElementTypeRule::fixed(ElementKind::{CPP_ELEMENT_TYPE[types[0]]})"
    return "ElementTypeRule::custom()"


def cpp_name(name):
    """ONNX parameter names are mostly valid identifiers; fix the rest."""
    return name.replace(".", "_")


def generate_op(schema):
    name = schema.name
    inputs = list(schema.inputs)
    attributes = dict(schema.attributes)
    if name in REDUCE_WITH_AXES_INPUT:
        reduce_sum = defs.get_schema("ReduceSum", 13)
        inputs = [inputs[0], reduce_sum.inputs[1]]
        attributes = dict(reduce_sum.attributes)
    operands = [(cpp_name(p.name), operand_ods(schema if i == 0 or name not in REDUCE_WITH_AXES_INPUT else defs.get_schema("ReduceSum", 13), p)) for i, p in enumerate(inputs)]
    operands += EXTRA_INPUTS.get(name, [])
    args = [f"{ods}:${n}" for n, ods in operands]
    for attr_name in sorted(attributes):
        ods = attribute_ods(attributes[attr_name])
        if ods is not None:
            args.append(f"{ods}:${cpp_name(attr_name)}")
    for attr_name, ods in EXTRA_ATTRIBUTES.get(name, []):
        args.append(f"{ods}:${attr_name}")
    results = [f"{operand_ods(schema, p)}:${cpp_name(p.name)}" for p in schema.outputs]
    rules = [element_type_rule(schema, p) for p in schema.outputs]

    traits = ["Pure"]
    variadic_inputs = sum(1 for _, ods in operands if ods.startswith(("Optional", "Variadic")))
    variadic_outputs = sum(1 for p in schema.outputs if p.option != Opt.Single)
    if variadic_inputs > 1:
        traits.append("AttrSizedOperandSegments")
    if variadic_outputs > 1:
        traits.append("AttrSizedResultSegments")
    if name == "Constant":
        traits.append("ConstantLike")

    version = 18 if name in REDUCE_WITH_AXES_INPUT else schema.since_version
    lines = [f'def ONNX_{name}Op : ONNX_Op<"{name}", {version}, [{", ".join(traits)}]> {{']
    lines.append(f'  let summary = "ONNX {name} operator (opset {version})";')
    lines.append("  let arguments = (ins" + ("\n    " if args else "") + ",\n    ".join(args) + ");")
    lines.append("  let results = (outs\n    " + ",\n    ".join(results) + ");")
    lines.append(f"  let elementTypeRules = [{{{', '.join(rules)}}}];")
    if name in WITH_SHAPE_FUNCTION:
        lines.append("  let hasShapeFunction = 1;")
    if name in WITH_FOLDER:
        lines.append("  let hasFolder = 1;")
    if name in WITH_VERIFIER:
        lines.append("  let hasVerifier = 1;")
    if name in WITH_CANONICALIZER:
        lines.append("  let hasCanonicalizer = 1;")
    lines.append("}")
    return "\n".join(lines)


def generate():
    latest = {}
    for schema in defs.get_all_schemas_with_history():
        if schema.domain != "" or schema.since_version > MAX_OPSET:
            continue
        if schema.name in EXCLUDED or schema.deprecated:
            continue
        if schema.name not in latest or schema.since_version > latest[schema.name].since_version:
            latest[schema.name] = schema
    out = [
        "//===- ONNXOps.gen.td - ONNX operators (generated) ---------*- tablegen -*-===//",
        "//",
        "// GENERATED by dialects/ONNX/utils/gen-onnx-ods.py from the python3-onnx",
        f"// schemas (opset <= {MAX_OPSET}); do not edit by hand.",
        "//",
        "//===----------------------------------------------------------------------===//",
        "",
        "#ifndef AOTC_ONNX_OPS_GEN_TD",
        "#define AOTC_ONNX_OPS_GEN_TD",
        "",
    ]
    for name in sorted(latest):
        out.append(generate_op(latest[name]))
        out.append("")
    out.append("#endif // AOTC_ONNX_OPS_GEN_TD")
    return "\n".join(out) + "\n"


def main():
    text = generate()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2]) as f:
            if f.read() != text:
                sys.exit(f"{sys.argv[2]} is out of date; rerun {sys.argv[0]}")
        return
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
