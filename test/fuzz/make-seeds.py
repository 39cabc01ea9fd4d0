#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora: model/seeds/*.onnx and npy/seeds/*.

Run with /usr/bin/python3 (python3-onnx, numpy) from anywhere; the output is
checked in, so the fuzzers and their regression tests need neither. Seeds are
small valid inputs that reach deep: node-test models of Debian's
libonnx-testdata, models whose shapes fold from initializers, one with
external data (in weights.bin, which ModelFuzzer.cpp writes beside the
model), and for the .npy reader one file per input of NpyFuzzer.c.
"""
import io
import os

import numpy as np
import onnx
from google.protobuf import text_format
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
NODE_TESTS = "/usr/share/libonnx-testdata/data/node"

# One or two per op family, smallest form.
NODE_MODELS = [
    "test_add", "test_matmul_2d", "test_gemm_default_no_bias",
    "test_conv_with_strides_padding", "test_maxpool_2d_pads",
    "test_batchnorm_example", "test_layer_normalization_2d_axis0",
    "test_reduce_mean_keepdims_example", "test_softmax_axis_1",
    "test_gather_0", "test_slice", "test_concat_2d_axis_0",
    "test_reshape_reduced_dims", "test_transpose_default",
    "test_unsqueeze_axis_0", "test_split_equal_parts_1d", "test_expand_dim_changed",
    "test_tile", "test_constant_pad", "test_constantofshape_int_zeros",
    "test_resize_upsample_scales_nearest", "test_where_example", "test_shape",
    "test_einsum_batch_matmul", "test_onehot_with_axis",
]


def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def i64_const(name, values):
    return numpy_helper.from_array(np.array(values, dtype=np.int64), name)


def folded_shapes():
    """Shape -> Gather -> Concat -> Reshape, ConstantOfShape, Expand, Range:
    the shape arithmetic exporters emit, folded from initializers."""
    nodes = [
        helper.make_node("Shape", ["x"], ["s"], name="shape"),
        helper.make_node("Gather", ["s", "i0"], ["d0"], name="gather", axis=0),
        helper.make_node("Concat", ["d0", "m1"], ["t"], name="concat", axis=0),
        helper.make_node("Reshape", ["x", "t"], ["r"], name="reshape"),
        helper.make_node("ConstantOfShape", ["t"], ["c"], name="cos",
                         value=numpy_helper.from_array(
                             np.array([1.5], dtype=np.float32))),
        helper.make_node("Add", ["r", "c"], ["y"], name="add"),
    ]
    graph = helper.make_graph(
        nodes, "folded", [f32("x", [2, 3, 4])], [f32("y", None)],
        [i64_const("i0", [0]), i64_const("m1", [-1])])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def external_data():
    """A MatMul whose weight is external data in weights.bin."""
    w = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4, 2])
    w.data_location = TensorProto.EXTERNAL
    for key, value in (("location", "weights.bin"), ("offset", "64"),
                       ("length", "32")):
        entry = w.external_data.add()
        entry.key, entry.value = key, value
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"], name="matmul")],
        "external", [f32("x", [3, 4])], [f32("y", [3, 2])], [w])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def tiny_cnn():
    model = onnx.ModelProto()
    with open(os.path.join(REPO, "examples/tiny-cnn/model.pbtxt")) as f:
        text_format.Parse(f.read(), model)
    # Its input is symbolic; pin it so that shape inference goes all the way.
    for dim, value in zip(model.graph.input[0].type.tensor_type.shape.dim,
                          [1, 1, 8, 8]):
        dim.Clear()
        dim.dim_value = value
    return model


def folded_node_models():
    """Node tests whose integer inputs (shapes, axes, indices, repeats, pads)
    become initializers, from their first data set: shape functions then see
    constant operands, as in exported models. One per op type, the smallest."""
    smallest = {}
    for test in sorted(os.listdir(NODE_TESTS)):
        folder = os.path.join(NODE_TESTS, test)
        data = os.path.join(folder, "test_data_set_0")
        if not os.path.isdir(data) or test.endswith("_expanded"):
            continue
        model = onnx.load(os.path.join(folder, "model.onnx"))
        graph = model.graph
        if len(graph.node) != 1:
            continue
        moved = False
        for i, info in enumerate(list(graph.input)):
            path = os.path.join(data, "input_%d.pb" % i)
            elem = info.type.tensor_type.elem_type
            if elem not in (TensorProto.INT64, TensorProto.INT32) or not os.path.exists(path):
                continue
            tensor = TensorProto()
            with open(path, "rb") as f:
                tensor.ParseFromString(f.read())
            tensor.name = info.name
            graph.initializer.append(tensor)
            moved = True
        if not moved:
            continue
        names = {t.name for t in graph.initializer}
        inputs = [i for i in graph.input if i.name not in names]
        del graph.input[:]
        graph.input.extend(inputs)
        data = model.SerializeToString()
        op = graph.node[0].op_type
        if len(data) <= 2048 and (op not in smallest or len(data) < len(smallest[op][1])):
            smallest[op] = (test[len("test_"):], data)
    return sorted(smallest.values())


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def model_seeds(out):
    os.makedirs(out, exist_ok=True)
    for name in NODE_MODELS:
        with open(os.path.join(NODE_TESTS, name, "model.onnx"), "rb") as f:
            write(os.path.join(out, name[len("test_"):] + ".onnx"), f.read())
    for name, model in (("folded-shapes", folded_shapes()),
                        ("external-data", external_data()),
                        ("tiny-cnn", tiny_cnn())):
        write(os.path.join(out, name + ".onnx"), model.SerializeToString())
    for name, data in folded_node_models():
        write(os.path.join(out, name + "-folded.onnx"), data)


def npy_bytes(array, version=None):
    buffer = io.BytesIO()
    if version is None:
        np.save(buffer, array)
    else:
        np.lib.format.write_array(buffer, array, version=version)
    return buffer.getvalue()


def npy_seeds(out):
    """The first byte picks NpyFuzzer.c's input: 0 a f32 (2,3), 1 b i64 (4,),
    2 s bool (), 3 z f32 (0,5), 4 h bf16 (1,1,1,1,2), 5 u u8 (4,),
    6 f f16 (4,), 7 d f64 ()."""
    os.makedirs(out, exist_ok=True)
    seeds = {
        "a-f32.npy": (0, npy_bytes(np.arange(6, dtype="<f4").reshape(2, 3))),
        "a-f32-v2.npy": (0, npy_bytes(np.ones((2, 3), "<f4"), (2, 0))),
        "a-f32-v3.npy": (0, npy_bytes(np.ones((2, 3), "<f4"), (3, 0))),
        "a-raw.bin": (0, np.arange(6, dtype="<f4").tobytes()),
        "b-i64.npy": (1, npy_bytes(np.array([1, -2, 3, 4], "<i8"))),
        "s-bool.npy": (2, npy_bytes(np.array(True))),
        "z-empty.npy": (3, npy_bytes(np.zeros((0, 5), "<f4"))),
        "h-bf16-as-u2.npy": (4, npy_bytes(np.ones((1, 1, 1, 1, 2), "<u2"))),
        "u-u8.npy": (5, npy_bytes(np.arange(4, dtype="u1"))),
        "f-f16.npy": (6, npy_bytes(np.ones(4, "<f2"))),
        "d-f64.npy": (7, npy_bytes(np.array(2.5, "<f8"))),
    }
    for name, (selector, data) in seeds.items():
        write(os.path.join(out, name), bytes([selector]) + data)


if __name__ == "__main__":
    model_seeds(os.path.join(HERE, "model", "seeds"))
    npy_seeds(os.path.join(HERE, "npy", "seeds"))
