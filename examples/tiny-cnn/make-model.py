#!/usr/bin/python3
"""Writes model.pbtxt: a tiny CNN (Conv, Relu, MaxPool, Flatten, Gemm,
Softmax) with fixed random weights, in protobuf text format so the example
stays readable and diffable. Regenerate with:

  /usr/bin/python3 examples/tiny-cnn/make-model.py > examples/tiny-cnn/model.pbtxt
"""
import sys

import numpy as np
import onnx
from google.protobuf import text_format
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)


def weight(name, *shape):
    tensor = numpy_helper.from_array(
        rng.standard_normal(shape).astype(np.float32).round(4), name)
    # Typed fields read better than escaped raw bytes in text format.
    values = onnx.numpy_helper.to_array(tensor).flatten().tolist()
    tensor.ClearField("raw_data")
    tensor.float_data.extend(values)
    return tensor


nodes = [
    helper.make_node("Conv", ["image", "conv.w", "conv.b"], ["conv"],
                     name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["conv"], ["relu"], name="relu"),
    helper.make_node("MaxPool", ["relu"], ["pool"], name="pool",
                     kernel_shape=[2, 2], strides=[2, 2]),
    helper.make_node("Flatten", ["pool"], ["flat"], name="flatten"),
    helper.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["logits"], name="fc",
                     transB=1),
    helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax",
                     axis=-1),
]
graph = helper.make_graph(
    nodes, "tiny-cnn",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 8, 8])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 10])],
    [weight("conv.w", 4, 1, 3, 3), weight("conv.b", 4),
     weight("fc.w", 10, 64), weight("fc.b", 10)])
model = helper.make_model(graph, producer_name="aotc-examples",
                          opset_imports=[helper.make_opsetid("", 13)])
onnx.checker.check_model(model)
sys.stdout.write(text_format.MessageToString(model))
