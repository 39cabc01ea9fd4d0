#!/usr/bin/python3
"""Writes the malformed-model corpus that run-corpus.py feeds to aotc.

    make-corpus.py OUTDIR

Writes about 800 tiny models under OUTDIR/cases/, one file per case, and
OUTDIR/manifest.json, which says for each case what aotc must do:

  "ok"     compile (exit 0): the model is valid;
  "error"  exit 1 with one `aotc: error: PATH: ...` line; when the case has a
           "node", the line must also say `node 'NAME' (OP): `;
  "any"    either of the two (a bit-flipped file may still be a valid model,
           and ONNX leaves some cases to the implementation);

how it is compiled ("emit": "onnx" stops after graph optimization, "obj"
goes through code generation), and, for the few cases that fail today
(KNOWN_FAILURES), why ("xfail").

The cases are the same on every run into the same OUTDIR (one holds an
absolute path): mutations come from a seeded random generator. Categories,
the prefix of each name: valid (the base models), truncated, bitflip,
fieldmut (one integer field of a base model set to an extreme value),
valuemut (one value of an int64 initializer or integer attribute set so),
attr, names, cycle, dims, zero, counts, extdata, opset, domain, tensor,
escape, operands, types, encoding. Base models are built with
test/lit/utils/onnx_builders.py; a few come from Debian's libonnx-testdata
when it is installed.
"""
import json
import os
import random
import sys

import numpy as np
from google.protobuf import text_format
from onnx import AttributeProto, TensorProto, helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lit", "utils"))
from onnx_builders import (FLOAT, INT64, external_initializer, f32, i64,  # noqa: E402
                           initializer, model, node, raw_initializer,
                           typed_initializer, value_info)

SEED = 12
TESTDATA = "/usr/share/libonnx-testdata/data/node"
# Real models of the ONNX backend test suite (each a few hundred bytes).
REAL_MODELS = ["test_relu", "test_conv_with_strides_padding",
               "test_gemm_default_no_bias", "test_softmax_axis_1",
               "test_maxpool_2d_default", "test_gather_0",
               "test_batchnorm_epsilon"]
MUTATIONS_PER_BASE = 7
# Cases that fail today for reasons outside the importer, each with its
# reason. run-corpus.py reports them as XFAIL, and fails when one passes, so
# that the entry is removed with the fix.
KNOWN_FAILURES = {
    "opset-99.onnx":
        "opsets newer than aotc knows are read as the newest it knows",
    "opset-int64-max.onnx":
        "opsets newer than aotc knows are read as the newest it knows",
}
INT64_MAX = 2**63 - 1
INT64_MIN = -2**63


class Corpus:
    """The cases, in order, and the files they need."""

    def __init__(self, folder):
        self.folder = folder
        self.cases = []
        self.names = set()

    def add(self, name, content, expect, node=None, emit="onnx"):
        """Adds one case: `content` is a ModelProto or bytes."""
        assert name not in self.names, name
        self.names.add(name)
        if not isinstance(content, bytes):
            content = content.SerializeToString()
        self.write(name, content)
        case = {"file": name, "expect": expect, "emit": emit}
        if node is not None:
            case["node"] = node
        if name in KNOWN_FAILURES:
            case["xfail"] = KNOWN_FAILURES[name]
        self.cases.append(case)

    def write(self, name, data):
        """Writes an auxiliary file (external data) beside the cases."""
        with open(os.path.join(self.folder, name), "wb") as f:
            f.write(data)


# Base models: valid, tiny, each exercising a few importer paths.

def relu(shape=(2, 3), **kwargs):
    return model([node("Relu", ["x"], ["y"], name="relu")],
                 [f32("x", list(shape))], [f32("y", list(shape))], **kwargs)


def add_weight(weight=None, **kwargs):
    if weight is None:
        weight = initializer("w", np.arange(12, dtype=np.float32).reshape(3, 4))
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [f32("x", [3, 4])], [f32("y", [3, 4])], [weight], **kwargs)


def base_models():
    """(name, ModelProto) of the built base models."""
    w = np.ones((4, 3), dtype=np.float32)
    conv_w = np.ones((2, 1, 3, 3), dtype=np.float32)
    return [
        ("relu", relu()),
        ("add-weight", add_weight()),
        ("add-typed", add_weight(typed_initializer(
            "w", FLOAT, [3, 4], list(range(12))))),
        ("gemm", model(
            [node("Gemm", ["x", "w", "b"], ["y"], name="gemm", transB=1,
                  alpha=0.5)],
            [f32("x", [2, 3])], [f32("y", [2, 4])],
            [initializer("w", w), initializer("b", np.ones(4, np.float32))])),
        ("conv-pool", model(
            [node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1],
                  kernel_shape=[3, 3]),
             node("Relu", ["c"], ["r"], name="relu"),
             node("MaxPool", ["r"], ["y"], name="pool", kernel_shape=[2, 2],
                  strides=[2, 2])],
            [f32("x", [1, 1, 4, 4])], [f32("y", [1, 2, 2, 2])],
            [initializer("w", conv_w)])),
        ("reshape-softmax", model(
            [node("Reshape", ["x", "s"], ["r"], name="reshape"),
             node("Softmax", ["r"], ["y"], name="softmax", axis=-1)],
            [f32("x", [2, 3, 2])], [f32("y", [2, 6])],
            [initializer("s", np.array([2, 6], np.int64))])),
        ("concat-slice", model(
            [node("Concat", ["x", "x"], ["c"], name="concat", axis=1),
             node("Slice", ["c", "st", "en", "ax"], ["y"], name="slice")],
            [f32("x", [2, 3])], [f32("y", [2, 4])],
            [initializer("st", np.array([1], np.int64)),
             initializer("en", np.array([5], np.int64)),
             initializer("ax", np.array([1], np.int64))])),
        ("gather-transpose", model(
            [node("Gather", ["x", "i"], ["g"], name="gather", axis=0),
             node("Transpose", ["g"], ["y"], name="transpose", perm=[1, 0])],
            [f32("x", [4, 3])], [f32("y", [3, 2])],
            [initializer("i", np.array([3, 0], np.int64))])),
        ("reduce-cast", model(
            [node("ReduceMean", ["x"], ["m"], name="mean", axes=[1],
                  keepdims=0),
             node("Cast", ["m"], ["y"], name="cast", to=INT64)],
            [f32("x", [2, 5])], [i64("y", [2])])),
        ("constant-where", model(
            [node("Constant", [], ["c"], name="const",
                  value=helper.make_tensor("v", FLOAT, [3], [1, 2, 3])),
             node("Greater", ["x", "c"], ["m"], name="greater"),
             node("Where", ["m", "x", "c"], ["y"], name="where")],
            [f32("x", [2, 3])], [f32("y", [2, 3])])),
    ]


def real_models():
    """(name, bytes) of the libonnx-testdata models that are installed."""
    found = []
    for test in REAL_MODELS:
        path = os.path.join(TESTDATA, test, "model.onnx")
        if os.path.exists(path):
            with open(path, "rb") as f:
                found.append(("real-" + test[len("test_"):].replace("_", "-"),
                              f.read()))
    return found


def add_mutations(corpus, bases, rng):
    """Valid bases as they are, then cut short and with flipped bits."""
    for name, data in bases:
        corpus.add(f"valid-{name}.onnx", data, "ok", emit="obj")
    for name, data in bases:
        cuts = sorted(rng.sample(range(1, len(data)), MUTATIONS_PER_BASE))
        for cut in cuts:
            # Only every third goes through code generation: a file that
            # survives truncation is rarely new to the back end.
            emit = "obj" if cut % 3 == 0 else "onnx"
            corpus.add(f"truncated-{name}-{cut}.onnx", data[:cut], "any",
                       emit=emit)
    for name, data in bases:
        for i in range(MUTATIONS_PER_BASE):
            flipped = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                bit = rng.randrange(len(data) * 8)
                flipped[bit // 8] ^= 1 << (bit % 8)
            emit = "obj" if i % 3 == 0 else "onnx"
            corpus.add(f"bitflip-{name}-{i}.onnx", bytes(flipped), "any",
                       emit=emit)


def raw_attribute(name, attr_type, **fields):
    """An AttributeProto whose type and value fields are set as given, not
    as onnx.helper would."""
    attr = AttributeProto()
    attr.name = name
    attr.type = attr_type
    for key, value in fields.items():
        field = getattr(attr, key)
        if isinstance(value, list):
            field.extend(value)
        elif hasattr(field, "CopyFrom"):
            field.CopyFrom(value)
        else:
            setattr(attr, key, value)
    return attr


def one_node(op, attrs, x_shape=(2, 3), y_shape=None, inputs=None,
             initializers=(), opset=13, name="n", extra_inputs=()):
    """A model of one node named `name` with the given AttributeProtos."""
    n = node(op, ["x"] + list(extra_inputs) if inputs is None else inputs,
             ["y"], name=name)
    n.attribute.extend(attrs)
    return model([n], [f32("x", list(x_shape))],
                 [f32("y", None if y_shape is None else list(y_shape))],
                 initializers, opset=opset, check=False)


def add_attribute_cases(corpus):
    """Attributes of the wrong type, missing, duplicated or out of range."""
    A = AttributeProto
    conv_w = initializer("w", np.ones((1, 1, 3, 3), np.float32))

    def conv(attrs):
        return one_node("Conv", attrs, (1, 1, 4, 4), inputs=["x", "w"],
                        initializers=[conv_w])
    tensor = helper.make_tensor("t", FLOAT, [1], [1.0])
    graph = helper.make_graph([], "g", [], [])
    cases = [
        ("softmax-axis-string", one_node("Softmax", [raw_attribute("axis", A.STRING, s=b"1")])),
        ("softmax-axis-float", one_node("Softmax", [raw_attribute("axis", A.FLOAT, f=1.0)])),
        ("softmax-axis-ints", one_node("Softmax", [raw_attribute("axis", A.INTS, ints=[1])])),
        ("softmax-axis-tensor", one_node("Softmax", [raw_attribute("axis", A.TENSOR, t=tensor)])),
        ("softmax-axis-graph", one_node("Softmax", [raw_attribute("axis", A.GRAPH, g=graph)])),
        ("softmax-axis-huge", one_node("Softmax", [raw_attribute("axis", A.INT, i=2**62)])),
        ("softmax-axis-min", one_node("Softmax", [raw_attribute("axis", A.INT, i=INT64_MIN)])),
        ("softmax-axis-undefined", one_node("Softmax", [raw_attribute("axis", A.UNDEFINED)])),
        ("softmax-axis-type-mismatch", one_node("Softmax", [raw_attribute("axis", A.INT, f=1.0)])),
        ("softmax-axis-twice", one_node("Softmax", [raw_attribute("axis", A.INT, i=1),
                                                    raw_attribute("axis", A.INT, i=0)])),
        ("softmax-attr-empty-name", one_node("Softmax", [raw_attribute("", A.INT, i=1)])),
        ("transpose-perm-int", one_node("Transpose", [raw_attribute("perm", A.INT, i=1)])),
        ("transpose-perm-floats", one_node("Transpose", [raw_attribute("perm", A.FLOATS, floats=[1, 0])])),
        ("transpose-perm-short", one_node("Transpose", [raw_attribute("perm", A.INTS, ints=[0])])),
        ("transpose-perm-repeated", one_node("Transpose", [raw_attribute("perm", A.INTS, ints=[0, 0])])),
        ("transpose-perm-out-of-range", one_node("Transpose", [raw_attribute("perm", A.INTS, ints=[0, 7])])),
        ("transpose-perm-negative", one_node("Transpose", [raw_attribute("perm", A.INTS, ints=[-1, 0])])),
        ("transpose-perm-huge-list", one_node("Transpose", [raw_attribute("perm", A.INTS, ints=list(range(100000)))])),
        ("cast-to-string", one_node("Cast", [raw_attribute("to", A.STRING, s=b"float")])),
        ("cast-to-999", one_node("Cast", [raw_attribute("to", A.INT, i=999)])),
        ("cast-to-negative", one_node("Cast", [raw_attribute("to", A.INT, i=-1)])),
        ("cast-to-undefined", one_node("Cast", [raw_attribute("to", A.INT, i=0)])),
        ("cast-to-string-type", one_node("Cast", [raw_attribute("to", A.INT, i=TensorProto.STRING)])),
        ("leakyrelu-alpha-string", one_node("LeakyRelu", [raw_attribute("alpha", A.STRING, s=b"0.1")])),
        ("leakyrelu-alpha-int", one_node("LeakyRelu", [raw_attribute("alpha", A.INT, i=1)])),
        ("leakyrelu-alpha-nan", one_node("LeakyRelu", [raw_attribute("alpha", A.FLOAT, f=float("nan"))])),
        ("concat-axis-missing", one_node("Concat", [], inputs=["x", "x"])),
        ("concat-axis-out-of-range", one_node("Concat", [raw_attribute("axis", A.INT, i=1000)], inputs=["x", "x"])),
        ("concat-axis-negative", one_node("Concat", [raw_attribute("axis", A.INT, i=-1000)], inputs=["x", "x"])),
        ("gather-axis-out-of-range", one_node(
            "Gather", [raw_attribute("axis", A.INT, i=5)], extra_inputs=["i"],
            initializers=[initializer("i", np.array([0], np.int64))])),
        ("reducemean-keepdims-string", one_node("ReduceMean", [raw_attribute("keepdims", A.STRING, s=b"yes")])),
        ("reducemean-axes-out-of-range", one_node("ReduceMean", [raw_attribute("axes", A.INTS, ints=[9])])),
        ("reducemean-axes-repeated", one_node("ReduceMean", [raw_attribute("axes", A.INTS, ints=[1, 1])])),
        ("split-sizes-wrong-sum", one_node("Split", [raw_attribute("split", A.INTS, ints=[1, 5])])),
        ("split-sizes-negative", one_node("Split", [raw_attribute("split", A.INTS, ints=[-1, 4]),
                                                    raw_attribute("axis", A.INT, i=1)])),
        ("conv-group-zero", conv([raw_attribute("group", A.INT, i=0)])),
        ("conv-group-negative", conv([raw_attribute("group", A.INT, i=-1)])),
        ("conv-group-float", conv([raw_attribute("group", A.FLOAT, f=1.0)])),
        ("conv-strides-zero", conv([raw_attribute("strides", A.INTS, ints=[0, 0])])),
        ("conv-strides-negative", conv([raw_attribute("strides", A.INTS, ints=[-1, 1])])),
        ("conv-strides-short", conv([raw_attribute("strides", A.INTS, ints=[1])])),
        ("conv-dilations-zero", conv([raw_attribute("dilations", A.INTS, ints=[0, 0])])),
        ("conv-dilations-huge", conv([raw_attribute("dilations", A.INTS, ints=[2**62, 1])])),
        ("conv-pads-negative", conv([raw_attribute("pads", A.INTS, ints=[-1, -1, -1, -1])])),
        ("conv-pads-huge", conv([raw_attribute("pads", A.INTS, ints=[2**62, 0, 2**62, 0])])),
        ("conv-pads-strings", conv([raw_attribute("pads", A.STRINGS, strings=[b"1"] * 4)])),
        ("conv-pads-odd", conv([raw_attribute("pads", A.INTS, ints=[1, 1, 1])])),
        ("conv-kernel-mismatch", conv([raw_attribute("kernel_shape", A.INTS, ints=[2, 2])])),
        ("conv-auto-pad-unknown", conv([raw_attribute("auto_pad", A.STRING, s=b"SIDEWAYS")])),
        ("maxpool-kernel-missing", one_node("MaxPool", [], (1, 1, 4, 4))),
        ("maxpool-kernel-zero", one_node("MaxPool", [raw_attribute("kernel_shape", A.INTS, ints=[0, 0])], (1, 1, 4, 4))),
        ("maxpool-kernel-huge", one_node("MaxPool", [raw_attribute("kernel_shape", A.INTS, ints=[2**40, 2**40])], (1, 1, 4, 4))),
        ("maxpool-kernel-negative", one_node("MaxPool", [raw_attribute("kernel_shape", A.INTS, ints=[-2, 2])], (1, 1, 4, 4))),
        ("maxpool-storage-order-5", one_node("MaxPool", [raw_attribute("kernel_shape", A.INTS, ints=[2, 2]),
                                                         raw_attribute("storage_order", A.INT, i=5)], (1, 1, 4, 4))),
        ("constant-no-value", one_node("Constant", [], inputs=[])),
        ("constant-two-values", one_node("Constant", [raw_attribute("value_float", A.FLOAT, f=1.0),
                                                      raw_attribute("value_int", A.INT, i=1)], inputs=[])),
        ("constant-value-int-as-float", one_node("Constant", [raw_attribute("value", A.FLOAT, f=1.0)], inputs=[])),
        ("gemm-transb-string", one_node(
            "Gemm", [raw_attribute("transB", A.STRING, s=b"1")], extra_inputs=["w"],
            initializers=[initializer("w", np.ones((3, 3), np.float32))])),
        ("gemm-alpha-int", one_node(
            "Gemm", [raw_attribute("alpha", A.INT, i=2)], extra_inputs=["w"],
            initializers=[initializer("w", np.ones((3, 3), np.float32))])),
        ("gemm-trans-7", one_node(
            "Gemm", [raw_attribute("transA", A.INT, i=7)], (3, 3), extra_inputs=["w"],
            initializers=[initializer("w", np.ones((3, 3), np.float32))])),
        ("depthtospace-blocksize-zero", one_node("DepthToSpace", [raw_attribute("blocksize", A.INT, i=0)], (1, 4, 2, 2))),
        ("flatten-axis-out-of-range", one_node("Flatten", [raw_attribute("axis", A.INT, i=9)])),
        ("argmax-axis-out-of-range", one_node("ArgMax", [raw_attribute("axis", A.INT, i=-9)])),
        ("topk-axis-out-of-range", one_node(
            "TopK", [raw_attribute("axis", A.INT, i=4)], extra_inputs=["k"],
            initializers=[initializer("k", np.array([1], np.int64))])),
        ("if-no-branches", one_node("If", [], inputs=["c"])),
        ("relu-graph-attr", one_node("Relu", [raw_attribute("body", A.GRAPH, g=graph)])),
    ]
    # ONNX says nothing of these values: ORT reads transA as a boolean,
    # NaN is a float, and storage_order only matters for the Indices output.
    lenient = {"gemm-trans-7", "leakyrelu-alpha-nan", "maxpool-storage-order-5"}
    for name, m in cases:
        if name in lenient:
            corpus.add(f"attr-{name}.onnx", m, "any")
        else:
            corpus.add(f"attr-{name}.onnx", m, "error", node="n")


def add_name_cases(corpus):
    """Dangling and duplicate names, odd graph interfaces."""
    def m(nodes, inputs, outputs, inits=()):
        return model(nodes, inputs, outputs, inits, check=False)
    w = initializer("w", np.ones((2,), np.float32))
    x, y = f32("x", [2]), f32("y", [2])
    untyped = helper.make_value_info("x", helper.TypeProto())
    seq = helper.make_tensor_sequence_value_info("x", FLOAT, [2])
    sparse = helper.make_sparse_tensor_value_info("x", FLOAT, [2])
    cases = [
        ("dangling-input", m([node("Add", ["x", "ghost"], ["y"], name="n")], [x], [y]), "error", "n"),
        ("dangling-later", m([node("Relu", ["x"], ["h"], name="a"),
                              node("Add", ["h", "h2"], ["y"], name="n")], [x], [y]), "error", "n"),
        ("empty-input-name", m([node("Add", ["x", ""], ["y"], name="n")], [x], [y]), "error", "n"),
        ("output-never-produced", m([node("Relu", ["x"], ["h"], name="n")], [x], [y]), "error", None),
        ("output-empty-name", m([node("Relu", ["x"], ["y"], name="n")], [x], [f32("", [2])]), "error", None),
        ("duplicate-graph-input", m([node("Relu", ["x"], ["y"], name="n")], [x, x], [y]), "error", None),
        ("duplicate-graph-output", m([node("Relu", ["x"], ["y"], name="n")], [x], [y, y]), "any", None),
        ("duplicate-initializer", m([node("Add", ["x", "w"], ["y"], name="n")], [x], [y], [w, w]), "error", None),
        ("initializer-shadows-input", m([node("Add", ["x", "w"], ["y"], name="n")], [x, f32("w", [2])], [y], [w]), "any", None),
        ("initializer-is-output", m([node("Relu", ["x"], ["y"], name="n")], [x], [y, f32("w", [2])], [w]), "any", None),
        ("two-producers", m([node("Relu", ["x"], ["y"], name="a"),
                             node("Neg", ["x"], ["y"], name="n")], [x], [y]), "error", None),
        ("output-overwrites-input", m([node("Relu", ["x"], ["x"], name="n")], [x], [x]), "error", None),
        ("output-overwrites-initializer", m([node("Add", ["x", "w"], ["w"], name="n")], [x], [f32("w", [2])], [w]), "error", None),
        ("node-empty-output", m([node("Relu", ["x"], [""], name="n")], [x], [y]), "error", None),
        ("node-no-outputs", m([node("Relu", ["x"], [], name="n"),
                               node("Neg", ["x"], ["y"], name="a")], [x], [y]), "error", "n"),
        ("node-empty-op-type", m([node("", ["x"], ["y"], name="n")], [x], [y]), "error", "n"),
        ("node-unnamed", m([node("Foo", ["x"], ["y"])], [x], [y]), "error", None),
        ("duplicate-node-names", m([node("Relu", ["x"], ["h"], name="n"),
                                    node("Relu", ["h"], ["y"], name="n")], [x], [y]), "any", None),
        ("graph-output-is-input", m([], [x], [x]), "any", None),
        ("no-nodes-no-outputs", m([], [x], []), "any", None),
        ("no-outputs", m([node("Relu", ["x"], ["y"], name="n")], [x], []), "any", None),
        ("no-inputs-no-nodes", m([], [], []), "any", None),
        ("unused-input", m([node("Relu", ["x"], ["y"], name="n")], [x, f32("z", [3])], [y]), "ok", None),
        ("dead-node", m([node("Relu", ["x"], ["y"], name="n"),
                         node("Neg", ["x"], ["dead"], name="d")], [x], [y]), "ok", None),
        ("input-untyped", m([node("Relu", ["x"], ["y"], name="n")], [untyped], [y]), "error", None),
        ("input-elem-undefined", m([node("Relu", ["x"], ["y"], name="n")], [value_info("x", 0, [2])], [y]), "error", None),
        ("input-elem-999", m([node("Relu", ["x"], ["y"], name="n")], [value_info("x", 999, [2])], [y]), "error", None),
        ("input-string", m([node("Relu", ["x"], ["y"], name="n")], [value_info("x", TensorProto.STRING, [2])], [y]), "error", None),
        ("input-sequence", m([node("Relu", ["x"], ["y"], name="n")], [seq], [y]), "error", None),
        ("input-sparse", m([node("Relu", ["x"], ["y"], name="n")], [sparse], [y]), "error", None),
        ("output-type-mismatch", m([node("Relu", ["x"], ["y"], name="n")], [x], [i64("y", [2])]), "error", None),
        ("output-shape-mismatch", m([node("Relu", ["x"], ["y"], name="n")], [x], [f32("y", [5])]), "error", None),
        ("value-info-conflict", _with_value_info(
            m([node("Relu", ["x"], ["h"], name="a"), node("Neg", ["h"], ["y"], name="n")], [x], [y]),
            i64("h", [7])), "any", None),
        ("node-input-is-graph-output-later", m([node("Relu", ["y"], ["z"], name="n"),
                                                node("Neg", ["x"], ["y"], name="a")],
                                               [x], [f32("z", [2])]), "ok", None),
        ("missing-required-input", m([node("Gemm", ["x"], ["y"], name="n")], [f32("x", [2, 2])], [f32("y", [2, 2])]), "error", "n"),
        ("too-many-outputs", m([node("Relu", ["x"], ["y", "z"], name="n")], [x], [y]), "error", "n"),
    ]
    for name, proto, expect, node_name in cases:
        corpus.add(f"names-{name}.onnx", proto, expect, node=node_name)


def _with_value_info(proto, info):
    proto.graph.value_info.append(info)
    return proto


def add_cycle_cases(corpus):
    def m(nodes, outputs=("y",)):
        return model(nodes, [f32("x", [2])], [f32(o, [2]) for o in outputs],
                     check=False)
    cases = [
        ("self-loop", m([node("Add", ["x", "y"], ["y"], name="n")])),
        ("two-nodes", m([node("Add", ["x", "b"], ["a"], name="n1"),
                         node("Relu", ["a"], ["b"], name="n2"),
                         node("Neg", ["b"], ["y"], name="n3")])),
        ("three-nodes", m([node("Add", ["x", "c"], ["a"], name="n1"),
                           node("Relu", ["a"], ["b"], name="n2"),
                           node("Neg", ["b"], ["c"], name="n3"),
                           node("Abs", ["c"], ["y"], name="n4")])),
        ("dead-cycle", m([node("Relu", ["x"], ["y"], name="n0"),
                          node("Relu", ["q"], ["p"], name="n1"),
                          node("Relu", ["p"], ["q"], name="n2")])),
        ("long-cycle", m([node("Relu", [f"v{(i + 1) % 200}"], [f"v{i}"], name=f"n{i}")
                          for i in range(200)] +
                         [node("Add", ["x", "v0"], ["y"], name="out")])),
        ("cycle-through-initializer-name", model(
            [node("Add", ["x", "w"], ["h"], name="n1"),
             node("Relu", ["h"], ["w"], name="n2"),
             node("Neg", ["h"], ["y"], name="n3")],
            [f32("x", [2])], [f32("y", [2])],
            [initializer("w", np.ones(2, np.float32))], check=False)),
    ]
    for name, proto in cases:
        corpus.add(f"cycle-{name}.onnx", proto, "error")


def add_dim_cases(corpus):
    """Huge, negative and overflowing dimensions of inputs, initializers and
    shape-valued operands."""
    def relu_dims(dims):
        # Built by hand: onnx.helper refuses some of these values.
        vi = f32("x", [1] * len(dims))
        for d, value in zip(vi.type.tensor_type.shape.dim, dims):
            d.dim_value = value
        out = f32("y", None)
        return model([node("Relu", ["x"], ["y"], name="relu")], [vi], [out],
                     check=False)
    input_dims = {
        "minus-one": [-1, 3], "minus-two": [2, -2], "int64-min": [INT64_MIN],
        "int64-max": [INT64_MAX], "2e31": [2**31], "2e40": [2**40],
        "2e31-squared": [2**31, 2**31], "2e62-times-4": [2**62, 4],
        "wrap-to-zero": [2**32, 2**32], "rank-64": [1] * 64,
        "rank-1000": [1] * 1000, "large-rank-2": [2] * 40,
    }
    for name, dims in input_dims.items():
        # ONNX sets no limit on the rank.
        expect = "any" if name.startswith(("rank", "large-rank")) else "error"
        corpus.add(f"dims-input-{name}.onnx", relu_dims(dims), expect,
                   emit="obj")
    corpus.add("dims-input-rank-8.onnx", relu_dims([1] * 8), "ok", emit="obj")

    def weight(dims, data):
        return add_weight(raw_initializer("w", FLOAT, dims, data), check=False)
    init_cases = {
        "negative": ([-3, -4], bytes(48)),
        "minus-one-pair": ([-1, -1], bytes(4)),
        "huge-empty": ([2**40, 2**40], b""),
        "wrap-to-zero": ([2**32, 2**32], b""),
        "int64-min-times-2": ([INT64_MIN, 2], b""),
        "huge-short": ([2**40], bytes(8)),
        "int64-max": ([INT64_MAX], bytes(4)),
    }
    for name, (dims, data) in init_cases.items():
        corpus.add(f"dims-initializer-{name}.onnx", weight(dims, data),
                   "error")

    def shape_op(op, extra, x_shape=(2, 3), attrs=None, int_inputs=True):
        inits = [initializer(n, np.array(v, np.int64 if int_inputs else
                                         np.float32))
                 for n, v in extra]
        n = node(op, ["x"] + [n for n, _ in extra], ["y"], name="n",
                 **(attrs or {}))
        return model([n], [f32("x", list(x_shape))], [f32("y", None)], inits,
                     check=False)
    op_cases = [
        ("reshape-two-minus-one", shape_op("Reshape", [("s", [-1, -1])]), "error"),
        ("reshape-minus-two", shape_op("Reshape", [("s", [-2, 3])]), "error"),
        ("reshape-huge", shape_op("Reshape", [("s", [2**40, 2**40])]), "error"),
        ("reshape-wrong-count", shape_op("Reshape", [("s", [7])]), "error"),
        ("reshape-zero-copies", shape_op("Reshape", [("s", [0, 0, 0])]), "error"),
        ("reshape-2d-shape", shape_op("Reshape", [("s", [[2, 3]])]), "error"),
        ("expand-huge", shape_op("Expand", [("s", [2**31, 2**31, 3])]), "error"),
        ("expand-negative", shape_op("Expand", [("s", [-5, 3])]), "error"),
        ("tile-huge", shape_op("Tile", [("r", [2**62, 1])]), "error"),
        ("tile-negative", shape_op("Tile", [("r", [-1, 1])]), "error"),
        ("tile-wrong-length", shape_op("Tile", [("r", [2])]), "error"),
        ("pad-huge", shape_op("Pad", [("p", [0, 2**40, 0, 0])]), "error"),
        ("pad-negative-past-size", shape_op("Pad", [("p", [0, -9, 0, 0])]), "error"),
        ("slice-step-zero", shape_op("Slice", [("s", [0]), ("e", [2]), ("a", [0]), ("t", [0])]), "error"),
        ("slice-int64-bounds", shape_op("Slice", [("s", [INT64_MIN]), ("e", [INT64_MAX])]), "ok"),
        ("slice-axis-out-of-range", shape_op("Slice", [("s", [0]), ("e", [1]), ("a", [5])]), "error"),
        ("constantofshape-huge", model(
            [node("ConstantOfShape", ["s"], ["y"], name="n")], [], [f32("y", None)],
            [initializer("s", np.array([2**40], np.int64))], check=False), "error"),
        ("constantofshape-negative", model(
            [node("ConstantOfShape", ["s"], ["y"], name="n")], [], [f32("y", None)],
            [initializer("s", np.array([-4], np.int64))], check=False), "error"),
        ("range-huge", model(
            [node("Range", ["a", "b", "c"], ["y"], name="n")], [], [f32("y", None)],
            [initializer("a", np.array(0, np.float32)),
             initializer("b", np.array(1e18, np.float32)),
             initializer("c", np.array(1, np.float32))], check=False), "error"),
        ("range-delta-zero", model(
            [node("Range", ["a", "b", "c"], ["y"], name="n")], [], [f32("y", None)],
            [initializer("a", np.array(0, np.float32)),
             initializer("b", np.array(4, np.float32)),
             initializer("c", np.array(0, np.float32))], check=False), "error"),
        ("resize-scales-huge", shape_op(
            "Resize", [("r", []), ("s", [1, 1, 1e12, 1e12])], (1, 1, 2, 2), int_inputs=False), "error"),
        ("onehot-depth-huge", model(
            [node("OneHot", ["i", "d", "v"], ["y"], name="n")], [i64("i", [2])], [f32("y", None)],
            [initializer("d", np.array([2**40], np.int64)),
             initializer("v", np.array([0, 1], np.float32))], check=False), "error"),
        ("topk-k-huge", shape_op("TopK", [("k", [2**40])]), "error"),
    ]
    for name, proto, expect in op_cases:
        corpus.add(f"dims-{name}.onnx", proto, expect,
                   node="n" if expect == "error" else None, emit="obj")


def add_zero_cases(corpus):
    """Zero-size tensors are valid ONNX, and aotc compiles them."""
    def m(nodes, inputs, output, inits=()):
        return model(nodes, inputs, [f32("y", output)], inits, check=False)
    cases = [
        ("relu", m([node("Relu", ["x"], ["y"], name="n")], [f32("x", [0])], [0])),
        ("relu-2d", m([node("Relu", ["x"], ["y"], name="n")], [f32("x", [0, 3])], [0, 3])),
        ("add-broadcast", m([node("Add", ["x", "z"], ["y"], name="n")],
                            [f32("x", [0, 3]), f32("z", [1, 3])], [0, 3])),
        ("matmul-inner", m([node("MatMul", ["a", "b"], ["y"], name="n")],
                           [f32("a", [2, 0]), f32("b", [0, 4])], [2, 4])),
        ("matmul-outer", m([node("MatMul", ["a", "b"], ["y"], name="n")],
                           [f32("a", [0, 3]), f32("b", [3, 4])], [0, 4])),
        ("conv-batch", m([node("Conv", ["x", "w"], ["y"], name="n")],
                         [f32("x", [0, 1, 4, 4])], [0, 1, 2, 2],
                         [initializer("w", np.ones((1, 1, 3, 3), np.float32))])),
        ("concat", m([node("Concat", ["a", "b"], ["y"], name="n", axis=0)],
                     [f32("a", [0, 2]), f32("b", [3, 2])], [3, 2])),
        ("reducesum", m([node("ReduceSum", ["x", "a"], ["y"], name="n", keepdims=0)],
                        [f32("x", [0, 3])], [3],
                        [initializer("a", np.array([0], np.int64))])),
        ("softmax", m([node("Softmax", ["x"], ["y"], name="n")], [f32("x", [0, 5])], [0, 5])),
        ("transpose", m([node("Transpose", ["x"], ["y"], name="n")], [f32("x", [0, 2])], [2, 0])),
        ("gather-no-indices", m([node("Gather", ["x", "i"], ["y"], name="n")],
                                [f32("x", [3, 2])], [0, 2],
                                [initializer("i", np.zeros((0,), np.int64))])),
        ("empty-initializer", m([node("Concat", ["x", "w"], ["y"], name="n", axis=0)],
                                [f32("x", [2])], [2],
                                [initializer("w", np.zeros((0,), np.float32))])),
        ("maxpool", m([node("MaxPool", ["x"], ["y"], name="n", kernel_shape=[2, 2])],
                      [f32("x", [0, 1, 4, 4])], [0, 1, 3, 3])),
        ("gemm", m([node("Gemm", ["a", "b"], ["y"], name="n")],
                   [f32("a", [0, 3]), f32("b", [3, 2])], [0, 2])),
    ]
    for name, proto in cases:
        corpus.add(f"zero-{name}.onnx", proto, "ok", emit="obj")


def add_count_cases(corpus):
    """Many inputs, outputs, nodes, attributes; long and odd names."""
    x = f32("x", [2])
    big_attrs = node("Relu", ["x"], ["y"], name="n")
    big_attrs.attribute.extend(helper.make_attribute(f"a{i}", i)
                               for i in range(1000))
    many_opsets = relu()
    for i in range(1000):
        many_opsets.opset_import.add(domain=f"d{i}", version=1)
    cases = [
        ("sum-2000-inputs", model([node("Sum", ["x"] * 2000, ["y"], name="n")], [x], [f32("y", [2])]), "ok", None, "onnx"),
        ("concat-1000-inputs", model([node("Concat", ["x"] * 1000, ["y"], name="n", axis=0)], [x], [f32("y", [2000])]), "ok", None, "onnx"),
        ("chain-2000-nodes", model([node("Relu", [f"v{i}"], [f"v{i + 1}"], name=f"n{i}") for i in range(2000)],
                                   [f32("v0", [2])], [f32("v2000", [2])]), "ok", None, "onnx"),
        ("split-500-outputs", model([node("Split", ["x"], [f"o{i}" for i in range(500)], name="n")],
                                    [f32("x", [500])], [f32(f"o{i}", [1]) for i in range(500)]), "ok", None, "onnx"),
        ("200-inputs-outputs", model([node("Relu", [f"i{k}"], [f"o{k}"], name=f"n{k}") for k in range(200)],
                                     [f32(f"i{k}", [1]) for k in range(200)],
                                     [f32(f"o{k}", [1]) for k in range(200)]), "ok", None, "obj"),
        ("1000-attributes", model([big_attrs], [x], [f32("y", [2])], check=False), "error", "n", "onnx"),
        ("1000-opset-imports", many_opsets, "any", None, "onnx"),
        ("name-100k", model([node("Foo", ["x"], ["y"], name="n" * 100000)], [x], [f32("y", [2])], check=False),
         "error", "n" * 100000, "onnx"),
        ("input-name-100k", model([node("Relu", ["x" * 100000], ["y"], name="n")], [f32("x" * 100000, [2])],
                                  [f32("y", [2])]), "ok", None, "onnx"),
        ("weights-4mib", add_weight_shape([1024, 1024]), "ok", None, "obj"),
    ]
    for name, proto, expect, node_name, emit in cases:
        corpus.add(f"counts-{name}.onnx", proto, expect, node=node_name,
                   emit=emit)


def add_weight_shape(shape):
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [f32("x", shape)], [f32("y", shape)],
                 [initializer("w", np.ones(shape, np.float32))])


def add_external_cases(corpus):
    """Initializers whose data lives in another file, and how that goes
    wrong. Data files share the cases folder."""
    corpus.write("ext-good.bin", np.arange(12, dtype=np.float32).tobytes())
    corpus.write("ext-short.bin", bytes(40))
    corpus.write("ext-empty.bin", b"")
    os.makedirs(os.path.join(corpus.folder, "ext-dir"), exist_ok=True)
    for link, target in [("ext-link-out.bin", "../outside.bin"),
                         ("ext-link-up", ".."), ("ext-link-dangling.bin", "nowhere")]:
        path = os.path.join(corpus.folder, link)
        if not os.path.lexists(path):
            os.symlink(target, path)

    def ext(location, offset=None, length=None, dims=(3, 4), keys=None,
            raw=None, elem=FLOAT):
        tensor = external_initializer("w", elem, list(dims), location or "",
                                      offset, length)
        if keys is not None:
            del tensor.external_data[:]
            for key, value in keys:
                entry = tensor.external_data.add()
                entry.key, entry.value = key, value
        if raw is not None:
            tensor.raw_data = raw
        return add_weight(tensor, check=False)
    outside = os.path.abspath(os.path.join(corpus.folder, "..", "outside.bin"))
    cases = [
        ("good", ext("ext-good.bin"), "ok"),
        ("good-offset-length", ext("ext-good.bin", 0, 48), "ok"),
        ("missing", ext("no-such.bin"), "error"),
        ("absolute", ext(outside), "error"),
        ("escape", ext("../outside.bin"), "error"),
        ("escape-deep", ext("ext-dir/../../outside.bin"), "error"),
        ("link-out", ext("ext-link-out.bin"), "error"),
        ("link-folder", ext("ext-link-up/outside.bin"), "error"),
        ("link-dangling", ext("ext-link-dangling.bin"), "error"),
        ("directory", ext("ext-dir"), "error"),
        ("dot", ext("."), "error"),
        ("empty-location", ext(""), "error"),
        ("no-location", ext(None, keys=[("offset", "0")]), "error"),
        ("unknown-key", ext(None, keys=[("location", "ext-good.bin"), ("colour", "red")]), "any"),
        ("two-locations", ext(None, keys=[("location", "ext-good.bin"), ("location", "no-such.bin")]), "any"),
        ("short", ext("ext-short.bin"), "error"),
        ("empty-file", ext("ext-empty.bin"), "error"),
        ("offset-past-end", ext("ext-good.bin", offset=1000), "error"),
        ("offset-negative", ext("ext-good.bin", offset=-4), "error"),
        ("offset-huge", ext("ext-good.bin", offset=2**63 - 8), "error"),
        ("offset-overflow", ext("ext-good.bin", offset=2**64 + 4), "error"),
        ("offset-not-number", ext("ext-good.bin", offset="abc"), "error"),
        ("offset-trailing-junk", ext("ext-good.bin", offset="0x"), "error"),
        ("length-short", ext("ext-good.bin", 0, 20), "error"),
        ("length-long", ext("ext-good.bin", 0, 96), "error"),
        ("length-huge", ext("ext-good.bin", 0, 2**63 - 1), "error"),
        ("length-negative", ext("ext-good.bin", 0, -48), "error"),
        ("offset-plus-length-wraps", ext("ext-good.bin", 2**63, 2**63 + 48), "error"),
        ("raw-data-too", ext("ext-good.bin", raw=bytes(48)), "error"),
        ("nul-in-location", ext("ext-good.bin\0junk"), "error"),
        ("newline-in-location", ext("ext\nfile.bin"), "error"),
        ("huge-dims", ext("ext-good.bin", dims=(2**40, 2**40)), "error"),
        ("string-tensor", ext("ext-good.bin", dims=(3, 4), elem=TensorProto.STRING), "error"),
        ("model-itself", ext("extdata-model-itself.onnx", 0, 48), "any"),
        ("dev-zero", ext("/dev/zero"), "error"),
        ("proc-self", ext("/proc/self/mem"), "error"),
    ]
    for name, proto, expect in cases:
        corpus.add(f"extdata-{name}.onnx", proto, expect,
                   emit="obj" if expect == "ok" else "onnx")


def add_opset_cases(corpus):
    def with_opset(version, ir=None, op="Relu"):
        m = model([node(op, ["x"], ["y"], name="n")], [f32("x", [2])],
                  [f32("y", [2])], check=False)
        m.opset_import[0].version = version
        if ir is not None:
            m.ir_version = ir
        return m
    cases = [
        ("0", with_opset(0), "error", None),
        ("1", with_opset(1), "any", None),
        ("6", with_opset(6), "ok", None),
        ("17", with_opset(17), "ok", None),
        ("18", with_opset(18), "any", None),
        ("21", with_opset(21), "any", None),
        ("99", with_opset(99), "error", None),
        ("negative", with_opset(-1), "error", None),
        ("int64-max", with_opset(INT64_MAX), "error", None),
        ("int64-min", with_opset(INT64_MIN), "error", None),
        ("ir-0", with_opset(13, ir=0), "any", None),
        ("ir-negative", with_opset(13, ir=-1), "any", None),
        ("ir-99", with_opset(13, ir=99), "any", None),
        ("gelu-before-20", with_opset(13, op="Gelu"), "error", "n"),
        ("scatter-removed", model([node("Scatter", ["x", "i", "x"], ["y"], name="n")],
                                  [f32("x", [2])], [f32("y", [2])],
                                  [initializer("i", np.array([0, 1], np.int64))], opset=13, check=False), "error", "n"),
        ("upsample-deprecated", model([node("Upsample", ["x", "s"], ["y"], name="n")],
                                      [f32("x", [1, 1, 2, 2])], [f32("y", None)],
                                      [initializer("s", np.array([1, 1, 2, 2], np.float32))],
                                      opset=13, check=False), "any", None),
    ]
    m = with_opset(13)
    del m.opset_import[:]
    cases.append(("none", m, "error", None))
    m = with_opset(13)
    m.opset_import.add(domain="", version=9)
    cases.append(("default-twice", m, "any", None))
    m = with_opset(13)
    m.opset_import[0].domain = "ai.onnx"
    cases.append(("ai-onnx-alias", m, "any", None))
    m = with_opset(13)
    m.opset_import[0].domain = "com.example"
    cases.append(("only-custom-domain", m, "error", None))
    for name, proto, expect, node_name in cases:
        corpus.add(f"opset-{name}.onnx", proto, expect, node=node_name)


def add_domain_cases(corpus):
    def custom(domain, imports=(), op="Foo"):
        return model([node(op, ["x"], ["y"], name="n", domain=domain)],
                     [f32("x", [2])], [f32("y", [2])],
                     extra_opsets=list(imports), check=False)
    cases = [
        ("custom-imported", custom("com.example", [("com.example", 1)])),
        ("custom-not-imported", custom("com.example")),
        ("ml-domain", custom("ai.onnx.ml", [("ai.onnx.ml", 3)], op="LinearClassifier")),
        ("microsoft", custom("com.microsoft", [("com.microsoft", 1)], op="FusedMatMul")),
        ("training", custom("ai.onnx.preview.training", [("ai.onnx.preview.training", 1)], op="Gradient")),
        ("relu-in-custom-domain", custom("com.example", [("com.example", 1)], op="Relu")),
        ("newline-domain", custom("com.\nexample", [("com.\nexample", 1)])),
        ("nul-domain", custom("com\0x", [("com\0x", 1)])),
    ]
    # A model-local function, called once, and one that calls itself.
    for fname, body_op in [("local-function", "Relu"),
                           ("recursive-function", "Foo")]:
        m = custom("com.example", [("com.example", 1)])
        fn = helper.make_function(
            "com.example", "Foo", ["a"], ["b"],
            [helper.make_node(body_op, ["a"], ["b"], name="body",
                              domain="com.example" if body_op == "Foo" else "")],
            [helper.make_opsetid("", 13), helper.make_opsetid("com.example", 1)])
        m.functions.append(fn)
        cases.append((fname, m))
    for name, proto in cases:
        corpus.add(f"domain-{name}.onnx", proto,
                   "any" if name == "local-function" else "error",
                   node=None if "newline" in name or "nul" in name
                   or name == "local-function" else "n")


def add_tensor_cases(corpus):
    """Initializers and Constant values whose data disagrees with them."""
    def weight(tensor):
        return add_weight(tensor, check=False)
    t = TensorProto
    def typed(elem, field, values, dims=(3, 4)):
        tensor = t(name="w", data_type=elem, dims=list(dims))
        getattr(tensor, field).extend(values)
        return tensor
    no_name = raw_initializer("", FLOAT, [3, 4], bytes(48))
    both = raw_initializer("w", FLOAT, [3, 4], bytes(48))
    both.float_data.extend([1.0] * 12)
    segment = raw_initializer("w", FLOAT, [3, 4], bytes(48))
    segment.segment.begin, segment.segment.end = 0, 6
    cases = [
        ("raw-short", weight(raw_initializer("w", FLOAT, [3, 4], bytes(47))), "error"),
        ("raw-long", weight(raw_initializer("w", FLOAT, [3, 4], bytes(49))), "error"),
        ("float-data-short", weight(typed(FLOAT, "float_data", [1.0] * 11)), "error"),
        ("float-data-long", weight(typed(FLOAT, "float_data", [1.0] * 13)), "error"),
        ("int64-data-for-float", weight(typed(FLOAT, "int64_data", [1] * 12)), "error"),
        ("no-data", weight(typed(FLOAT, "float_data", [])), "error"),
        ("raw-and-typed", weight(both), "error"),
        ("elem-undefined", weight(raw_initializer("w", 0, [3, 4], bytes(48))), "error"),
        ("elem-999", weight(raw_initializer("w", 999, [3, 4], bytes(48))), "error"),
        ("elem-string", weight(typed(t.STRING, "string_data", [b"a"] * 12)), "error"),
        ("elem-int64-for-float-add", weight(raw_initializer("w", INT64, [3, 4], bytes(96))), "error"),
        ("no-name", model([node("Add", ["x", "w"], ["y"], name="add")],
                          [f32("x", [3, 4])], [f32("y", [3, 4])], [no_name], check=False), "error"),
        ("segment", weight(segment), "error"),
        ("double-data-short", weight(typed(t.DOUBLE, "double_data", [1.0] * 3)), "error"),
        ("bool-int32-data-2", weight(typed(t.BOOL, "int32_data", [2] * 12)), "any"),
        ("float16-odd-raw", weight(raw_initializer("w", t.FLOAT16, [3, 4], bytes(23))), "error"),
        ("constant-short", model([node("Constant", [], ["y"], name="n",
                                       value=raw_initializer("v", FLOAT, [4], bytes(8)))],
                                 [], [f32("y", [4])], check=False), "error"),
        ("constant-negative-dims", model([node("Constant", [], ["y"], name="n",
                                               value=raw_initializer("v", FLOAT, [-2, -2], bytes(16)))],
                                         [], [f32("y", None)], check=False), "error"),
        ("constant-sparse", model([node("Constant", [], ["y"], name="n", sparse_value=helper.make_sparse_tensor(
            helper.make_tensor("v", FLOAT, [1], [1.0]), helper.make_tensor("i", INT64, [1], [0]), [4]))],
            [], [f32("y", [4])], check=False), "error"),
        ("sparse-initializer", _with_sparse(add_weight(check=False)), "any"),
    ]
    for name, proto, expect in cases:
        node_name = "n" if name.startswith("constant-") else None
        corpus.add(f"tensor-{name}.onnx", proto, expect, node=node_name,
                   emit="obj" if expect == "any" else "onnx")


def _with_sparse(proto):
    proto.graph.sparse_initializer.append(helper.make_sparse_tensor(
        helper.make_tensor("sp", FLOAT, [1], [1.0]),
        helper.make_tensor("spi", INT64, [1], [0]), [4]))
    return proto


def add_escape_cases(corpus):
    """Control bytes in names, which the one error line must escape."""
    x, y = f32("x", [2]), f32("y", [2])
    cases = [
        ("newline-node-name", model([node("Foo", ["x"], ["y"], name="a\nb")], [x], [y], check=False), "a\\x0Ab"),
        ("newline-op-type", model([node("Fo\no", ["x"], ["y"], name="n")], [x], [y], check=False), "n"),
        ("cr-node-name", model([node("Foo", ["x"], ["y"], name="a\rb")], [x], [y], check=False), None),
        ("escape-node-name", model([node("Foo", ["x"], ["y"], name="a\x1b[2Jb")], [x], [y], check=False), None),
        ("newline-attr-name", _with_attr(model([node("Relu", ["x"], ["y"], name="n")], [x], [y], check=False),
                                         helper.make_attribute("al\npha", 1.0)), "n"),
        ("newline-dangling-input", model([node("Add", ["x", "gh\nost"], ["y"], name="n")], [x], [y], check=False), "n"),
        ("newline-output-name", model([node("Relu", ["x"], ["y"], name="n")], [x], [f32("z\nz", [2])], check=False), None),
        ("invalid-utf8-node-name", _with_node_name_bytes(
            model([node("Foo", ["x"], ["y"], name="n")], [x], [y], check=False)), None),
    ]
    for name, proto, node_name in cases:
        corpus.add(f"escape-{name}.onnx", proto, "error", node=node_name)


def _with_attr(proto, attr):
    proto.graph.node[0].attribute.append(attr)
    return proto


def _with_node_name_bytes(proto):
    # protobuf's Python API refuses invalid UTF-8 in strings, so the name
    # (field 3 of NodeProto, "n") is patched in the serialized bytes.
    data = proto.SerializeToString()
    assert data.count(b"\x1a\x01n") == 1
    return data.replace(b"\x1a\x01n", b"\x1a\x01\xff")


def add_operand_cases(corpus):
    """Nodes whose operands disagree with each other or with the op: the
    shape functions' checks, through code generation."""
    def m(nodes, inputs, inits=(), opset=13):
        return model(nodes, inputs, [f32("y", None)], inits, opset=opset,
                     check=False)

    def einsum(equation, *shapes):
        names = [f"x{i}" for i in range(len(shapes))]
        return m([node("Einsum", names, ["y"], name="n", equation=equation)],
                 [f32(n, list(shape)) for n, shape in zip(names, shapes)],
                 opset=12)

    def index(name, values):
        return initializer(name, np.array(values, np.int64))
    x23 = f32("x", [2, 3])
    cases = [
        ("add-broadcast-mismatch", m([node("Add", ["x", "z"], ["y"], name="n")],
                                     [x23, f32("z", [4])]), "error"),
        ("matmul-inner-mismatch", m([node("MatMul", ["x", "z"], ["y"], name="n")],
                                    [x23, f32("z", [4, 2])]), "error"),
        ("matmul-vectors", m([node("MatMul", ["x", "z"], ["y"], name="n")],
                             [f32("x", [3]), f32("z", [3])]), "ok"),
        ("matmul-scalar", m([node("MatMul", ["x", "z"], ["y"], name="n")],
                            [f32("x", []), f32("z", [3])]), "error"),
        ("concat-rank-mismatch", m([node("Concat", ["x", "z"], ["y"], name="n", axis=0)],
                                   [x23, f32("z", [3])]), "error"),
        ("concat-dim-mismatch", m([node("Concat", ["x", "z"], ["y"], name="n", axis=0)],
                                  [x23, f32("z", [2, 4])]), "error"),
        ("concat-type-mismatch", m([node("Concat", ["x", "z"], ["y"], name="n", axis=0)],
                                   [x23, i64("z", [2, 3])]), "error"),
        ("where-float-condition", m([node("Where", ["x", "x", "x"], ["y"], name="n")],
                                    [x23]), "error"),
        ("conv-rank-2", m([node("Conv", ["x", "w"], ["y"], name="n")], [x23],
                          [initializer("w", np.ones((1, 1), np.float32))]), "error"),
        ("conv-channels-mismatch", m([node("Conv", ["x", "w"], ["y"], name="n")],
                                     [f32("x", [1, 3, 4, 4])],
                                     [initializer("w", np.ones((1, 2, 3, 3), np.float32))]), "error"),
        ("conv-kernel-larger", m([node("Conv", ["x", "w"], ["y"], name="n")],
                                 [f32("x", [1, 1, 2, 2])],
                                 [initializer("w", np.ones((1, 1, 5, 5), np.float32))]), "error"),
        ("conv-1d", m([node("Conv", ["x", "w"], ["y"], name="n")], [f32("x", [1, 1, 8])],
                      [initializer("w", np.ones((1, 1, 3), np.float32))]), "any"),
        ("conv-3d", m([node("Conv", ["x", "w"], ["y"], name="n")], [f32("x", [1, 1, 4, 4, 4])],
                      [initializer("w", np.ones((1, 1, 2, 2, 2), np.float32))]), "any"),
        ("squeeze-non-one", m([node("Squeeze", ["x", "a"], ["y"], name="n")], [x23],
                              [index("a", [1])]), "error"),
        ("unsqueeze-repeated", m([node("Unsqueeze", ["x", "a"], ["y"], name="n")], [x23],
                                 [index("a", [0, 0])]), "error"),
        ("unsqueeze-out-of-range", m([node("Unsqueeze", ["x", "a"], ["y"], name="n")], [x23],
                                     [index("a", [9])]), "error"),
        ("gather-index-out-of-range", m([node("Gather", ["x", "i"], ["y"], name="n")], [x23],
                                        [index("i", [5])]), "error"),
        ("gather-index-negative", m([node("Gather", ["x", "i"], ["y"], name="n")], [x23],
                                    [index("i", [-3])]), "error"),
        ("gather-index-int64-min", m([node("Gather", ["x", "i"], ["y"], name="n")], [x23],
                                     [index("i", [INT64_MIN])]), "error"),
        ("gather-float-indices", m([node("Gather", ["x", "i"], ["y"], name="n")], [x23],
                                   [initializer("i", np.array([0.0], np.float32))]), "error"),
        ("topk-k-larger", m([node("TopK", ["x", "k"], ["y", "i"], name="n")], [x23],
                            [index("k", [7])]), "error"),
        ("topk-k-negative", m([node("TopK", ["x", "k"], ["y", "i"], name="n")], [x23],
                              [index("k", [-1])]), "error"),
        ("slice-negative-steps", m([node("Slice", ["x", "s", "e", "a", "t"], ["y"], name="n")], [x23],
                                   [index("s", [-1]), index("e", [INT64_MIN]), index("a", [1]),
                                    index("t", [-1])]), "ok"),
        ("split-uneven", m([node("Split", ["x", "s"], ["y", "z"], name="n", axis=1)], [x23],
                           [index("s", [1, 1])]), "error"),
        ("reshape-from-input", m([node("Reshape", ["x", "s"], ["y"], name="n")],
                                 [x23, i64("s", [2])]), "error"),
        ("reshape-allowzero", m([node("Reshape", ["x", "s"], ["y"], name="n", allowzero=1)],
                                [x23], [index("s", [0, 6])], opset=14), "error"),
        ("expand-incompatible", m([node("Expand", ["x", "s"], ["y"], name="n")], [x23],
                                  [index("s", [4, 3])]), "error"),
        ("softmax-scalar", m([node("Softmax", ["x"], ["y"], name="n", axis=0)],
                             [f32("x", [])]), "any"),
        ("reducesum-axes-from-input", m([node("ReduceSum", ["x", "a"], ["y"], name="n")],
                                        [x23, i64("a", [1])]), "error"),
        ("symbolic-dim", m([node("Relu", ["x"], ["y"], name="n")],
                           [f32("x", ["batch", 3])]), "error"),
        ("unknown-dim", m([node("Relu", ["x"], ["y"], name="n")],
                          [f32("x", [None, 3])]), "error"),
        ("unranked-input", m([node("Relu", ["x"], ["y"], name="n")], [f32("x", None)]), "error"),
        ("lstm-hidden-mismatch", m([node("LSTM", ["x", "w", "r"], ["y"], name="n", hidden_size=3)],
                                   [f32("x", [2, 1, 4])],
                                   [initializer("w", np.zeros((1, 8, 4), np.float32)),
                                    initializer("r", np.zeros((1, 8, 2), np.float32))]), "error"),
        ("pad-mode-unknown", m([node("Pad", ["x", "p"], ["y"], name="n", mode="sideways")], [x23],
                               [index("p", [0, 1, 0, 1])]), "error"),
        ("resize-mode-unknown", m([node("Resize", ["x", "", "s"], ["y"], name="n", mode="bicubic")],
                                  [f32("x", [1, 1, 2, 2])],
                                  [initializer("s", np.array([1, 1, 2, 2], np.float32))]), "error"),
        ("depthtospace-mode-unknown", m([node("DepthToSpace", ["x"], ["y"], name="n", blocksize=2,
                                              mode="XYZ")], [f32("x", [1, 4, 2, 2])]), "error"),
        ("depthtospace-channels", m([node("DepthToSpace", ["x"], ["y"], name="n", blocksize=2)],
                                    [f32("x", [1, 3, 2, 2])]), "error"),
        ("cast-to-complex", m([node("Cast", ["x"], ["y"], name="n", to=TensorProto.COMPLEX64)],
                              [x23]), "error"),
        ("if-valid", m([node("If", ["c"], ["y"], name="n",
                             then_branch=helper.make_graph(
                                 [node("Relu", ["x"], ["t"], name="t")], "then", [], [f32("t", [2, 3])]),
                             else_branch=helper.make_graph(
                                 [node("Neg", ["x"], ["e"], name="e")], "else", [], [f32("e", [2, 3])]))],
                       [x23, value_info("c", TensorProto.BOOL, [])]), "any"),
        ("if-branch-outer-ghost", m([node("If", ["c"], ["y"], name="n",
                                          then_branch=helper.make_graph(
                                              [node("Relu", ["ghost"], ["t"], name="t")], "then", [],
                                              [f32("t", [2, 3])]),
                                          else_branch=helper.make_graph(
                                              [], "else", [], [f32("x", [2, 3])]))],
                                    [x23, value_info("c", TensorProto.BOOL, [])]), "error"),
        ("loop-no-body", m([node("Loop", ["n", ""], ["y"], name="n")], [i64("n", [])]), "error"),
        ("sequence-construct", m([node("SequenceConstruct", ["x"], ["y"], name="n")], [x23]), "error"),
    ]
    einsums = [
        ("einsum-valid", "ij,jk->ik", [(2, 3), (3, 4)], "any"),
        ("einsum-empty", "", [(2, 3)], "error"),
        ("einsum-arrow-only", "->", [(2, 3)], "error"),
        ("einsum-implicit", "ij,jk", [(2, 3), (3, 4)], "any"),
        ("einsum-too-few-operands", "ij,jk->ik", [(2, 3)], "error"),
        ("einsum-rank-mismatch", "ijk->i", [(2, 3)], "error"),
        ("einsum-dim-mismatch", "ij,jk->ik", [(2, 3), (4, 4)], "error"),
        ("einsum-output-repeated", "ij->ii", [(2, 2)], "error"),
        ("einsum-output-unknown", "ij->k", [(2, 3)], "error"),
        ("einsum-bad-chars", "i-j->j", [(2, 3)], "error"),
        ("einsum-two-arrows", "ij->j->i", [(2, 3)], "error"),
        ("einsum-ellipsis", "...ij,...jk->...ik", [(5, 2, 3), (5, 3, 4)], "any"),
        ("einsum-two-ellipses", "......->", [(2,)], "error"),
        ("einsum-diagonal", "ii->i", [(3, 3)], "any"),
        ("einsum-53-letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZa->a",
         [(1,) * 53], "any"),
        ("einsum-non-ascii", "i\u00e9->i", [(2, 3)], "error"),
    ]
    for name, equation, shapes, expect in einsums:
        cases.append((name, einsum(equation, *shapes), expect))
    # These are about the graph's inputs, not a node.
    graph_level = {"symbolic-dim", "unknown-dim", "unranked-input"}
    for name, proto, expect in cases:
        named = expect == "error" and name not in graph_level
        corpus.add(f"operands-{name}.onnx", proto, expect,
                   node="n" if named else None, emit="obj")


def add_element_type_cases(corpus):
    """Relu and Add over every element type: compiled or refused in one
    line (bfloat16 has a known link problem, for executables only)."""
    types = ["FLOAT16", "BFLOAT16", "DOUBLE", "INT8", "UINT8", "INT16",
             "UINT16", "INT32", "UINT32", "INT64", "UINT64", "BOOL",
             "COMPLEX64", "COMPLEX128", "STRING"]
    for name in types:
        elem = getattr(TensorProto, name)
        for op in ["Relu", "Add"]:
            inputs = ["x"] if op == "Relu" else ["x", "x"]
            corpus.add(f"types-{op.lower()}-{name.lower()}.onnx",
                       model([node(op, inputs, ["y"], name="n")],
                             [value_info("x", elem, [2, 3])],
                             [value_info("y", elem, [2, 3])], check=False),
                       "any", emit="obj")


def nested_if(depth):
    """A model whose If node nests `depth` graphs in its then_branch."""
    leaf = helper.make_graph([], "g", [], [f32("x0", [2])])
    graph = leaf
    for _ in range(depth):
        graph = helper.make_graph(
            [node("If", ["c"], ["x"], name="n", then_branch=graph,
                  else_branch=leaf)], "g", [], [f32("x", [2])])
    return model(list(graph.node), [f32("x0", [2]),
                                    value_info("c", TensorProto.BOOL, [])],
                 [f32("x", [2])], check=False)


def add_encoding_cases(corpus, bases):
    """Protobuf-level oddities: deep nesting, text format, varints."""
    relu_bytes = dict(bases)["relu"]
    cases = [
        ("nested-if-10", nested_if(10).SerializeToString(), "any"),
        ("nested-if-150", nested_if(150).SerializeToString(), "error"),
        # A length prefix larger than the file.
        ("length-past-end", b"\x3a\xff\xff\xff\xff\x07" + bytes(8), "error"),
        # A 10-byte varint with the high bit set in the last byte.
        ("varint-overlong", b"\x08" + b"\xff" * 11, "error"),
        ("group-tag", b"\x0b\x0c", "error"),
        ("tag-zero", b"\x00" + relu_bytes, "error"),
        ("valid-then-garbage", relu_bytes + b"\xff\xff\xff", "error"),
        ("valid-twice", relu_bytes + relu_bytes, "any"),
        ("unknown-field", relu_bytes + b"\xf8\x07\x01", "any"),
        ("all-zeros", bytes(64), "error"),
        ("all-ones", b"\xff" * 64, "error"),
    ]
    for name, data, expect in cases:
        corpus.add(f"encoding-{name}.onnx", data, expect)
    text = text_format.MessageToString(
        model([node("Relu", ["x"], ["y"], name="relu")], [f32("x", [2])],
              [f32("y", [2])])).encode()
    text_cases = [
        ("valid", text, "ok"),
        ("truncated", text[: len(text) // 2], "error"),
        ("huge-dim", text.replace(b"dim_value: 2", b"dim_value: 99999999999999999999999", 1), "error"),
        ("negative-ir", text.replace(b"ir_version: ", b"ir_version: -", 1), "any"),
        ("unknown-field", text + b"no_such_field: 1\n", "error"),
        ("binary-in-text", b"\x08\x07\x12\x00", "error"),
        ("nested-braces", b"graph " + b"{ node " * 5000, "error"),
        ("nul-byte", text + b"\0", "error"),
        ("utf8-bom", b"\xef\xbb\xbf" + text, "any"),
    ]
    for name, data, expect in text_cases:
        corpus.add(f"encoding-text-{name}.pbtxt", data, expect)


# Values that a mutated integer field takes: the edges of every check.
EXTREMES = [0, -1, 1, 2, 3, 255, 2**31 - 1, 2**31, 2**32, 2**62, INT64_MAX,
            INT64_MIN]


def integer_fields(message, path=()):
    """(message, field name, index or None) of every int32/int64 field set
    in `message` and the messages below it."""
    found = []
    for field, value in message.ListFields():
        if field.type == field.TYPE_MESSAGE:
            values = value if field.label == field.LABEL_REPEATED else [value]
            for item in values:
                found += integer_fields(item)
        elif field.cpp_type in (field.CPPTYPE_INT32, field.CPPTYPE_INT64):
            if field.label == field.LABEL_REPEATED:
                found += [(message, field, i) for i in range(len(value))]
            else:
                found.append((message, field, None))
    return found


def add_field_mutations(corpus, built, rng, count=120):
    """Valid base models with one integer field (a dim, an attribute, an
    opset, a data type, ...) set to an extreme value."""
    done = 0
    while done < count:
        name, base = built[done % len(built)]
        mutated = type(base)()
        mutated.CopyFrom(base)
        fields = [f for f in integer_fields(mutated) if f[1].enum_type is None]
        message, field, index = rng.choice(fields)
        value = rng.choice(EXTREMES)
        if field.cpp_type == field.CPPTYPE_INT32:
            value = max(-2**31, min(2**31 - 1, value))
        if index is None:
            setattr(message, field.name, value)
        else:
            getattr(message, field.name)[index] = value
        emit = "obj" if done % 2 else "onnx"
        corpus.add(f"fieldmut-{name}-{done}-{field.name}.onnx", mutated,
                   "any", emit=emit)
        done += 1


def add_value_mutations(corpus, built, rng, count=60):
    """Valid base models with one value of an int64 initializer (a shape,
    slice bounds, indices) or of an integer attribute set to an extreme."""
    targets = []
    for name, base in built:
        for i, tensor in enumerate(base.graph.initializer):
            if tensor.data_type == INT64:
                targets.append((name, base, "init", i))
        for i, n in enumerate(base.graph.node):
            for j, attr in enumerate(n.attribute):
                if attr.type in (AttributeProto.INT, AttributeProto.INTS):
                    targets.append((name, base, "attr", (i, j)))
    for done in range(count):
        name, base, kind, where = rng.choice(targets)
        mutated = type(base)()
        mutated.CopyFrom(base)
        value = rng.choice(EXTREMES)
        if kind == "init":
            tensor = mutated.graph.initializer[where]
            values = np.frombuffer(tensor.raw_data, np.int64).copy()
            values[rng.randrange(len(values))] = value
            tensor.raw_data = values.tobytes()
            what = tensor.name
        else:
            attr = mutated.graph.node[where[0]].attribute[where[1]]
            if attr.type == AttributeProto.INT:
                attr.i = value
            else:
                attr.ints[rng.randrange(len(attr.ints))] = value
            what = attr.name
        corpus.add(f"valuemut-{name}-{done}-{what}.onnx", mutated, "any",
                   emit="obj" if done % 2 else "onnx")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-corpus.py OUTDIR")
    out = sys.argv[1]
    folder = os.path.join(out, "cases")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(out, "outside.bin"), "wb") as f:
        f.write(bytes(48))
    corpus = Corpus(folder)
    rng = random.Random(SEED)
    built = base_models()
    bases = [(n, m.SerializeToString()) for n, m in built]
    bases += real_models()
    add_mutations(corpus, bases, rng)
    add_field_mutations(corpus, built, rng)
    add_value_mutations(corpus, built, rng)
    add_attribute_cases(corpus)
    add_name_cases(corpus)
    add_cycle_cases(corpus)
    add_dim_cases(corpus)
    add_zero_cases(corpus)
    add_count_cases(corpus)
    add_external_cases(corpus)
    add_opset_cases(corpus)
    add_domain_cases(corpus)
    add_tensor_cases(corpus)
    add_escape_cases(corpus)
    add_operand_cases(corpus)
    add_element_type_cases(corpus)
    add_encoding_cases(corpus, bases)
    unknown = set(KNOWN_FAILURES) - corpus.names
    assert not unknown, f"KNOWN_FAILURES names no case: {sorted(unknown)}"
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(corpus.cases, f, indent=1)
        f.write("\n")
    print(f"make-corpus: {len(corpus.cases)} cases in {folder}")


if __name__ == "__main__":
    main()
