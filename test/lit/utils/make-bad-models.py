#!/usr/bin/python3
"""Writes the corpus of malformed models that test/lit/compiler/bad-models.test
feeds to aotc, one file per problem:

    make-bad-models.py OUTDIR

Each model is valid except for the one problem its name says, so that the
error aotc reports can only be about that problem. External data files live
in OUTDIR/models/, beside their models, and OUTDIR/secret.bin is the file an
escaping location would reach.
"""
import os
import sys

import numpy as np
from onnx import TensorProto

from onnx_builders import (FLOAT, external_initializer, f32, i64, initializer,
                           model, node, raw_initializer, save, value_info,
                           write_bytes)


def relu_model(**kwargs):
    """y = Relu(x): the smallest valid model, the base of most entries."""
    return model([node("Relu", ["x"], ["y"], name="relu")],
                 [f32("x", [2, 3])], [f32("y", [2, 3])], **kwargs)


def with_weight(weight, **kwargs):
    """y = x + w, where w is the given initializer of shape 3x4."""
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [f32("x", [3, 4])], [f32("y", [3, 4])], [weight], **kwargs)


def corpus(folder):
    """(file name, model proto or bytes) of each entry."""
    weights = np.arange(12, dtype=np.float32).reshape(3, 4)
    valid = with_weight(initializer("w", weights)).SerializeToString()
    no_graph = relu_model()
    no_graph.ClearField("graph")
    return [
        # The file, not the model.
        ("truncated.onnx", valid[: len(valid) // 2]),
        ("not-protobuf.onnx", b"this is not an ONNX model\n\x00\x01\x02"),
        ("empty.onnx", b""),
        ("no-graph.onnx", no_graph),
        ("bad-syntax.pbtxt", b"ir_version: 8\ngraph { node { op_type: } }\n"),
        # Nodes against their schemas.
        ("unknown-op.onnx", model(
            [node("Foo", ["x"], ["y"], name="foo")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("nl\nline.onnx", model(  # a newline in the file's name
            [node("Foo", ["x"], ["y"], name="foo")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("type-variable.onnx", model(
            [node("Add", ["x", "n"], ["y"], name="add")],
            [f32("x", [2]), i64("n", [2])], [f32("y", [2])], check=False)),
        ("unknown-domain.onnx", model(
            [node("Foo", ["x"], ["y"], name="foo", domain="com.example")],
            [f32("x", [2])], [f32("y", [2])],
            extra_opsets=[("com.example", 1)], check=False)),
        ("unsupported-op.onnx", model(
            [node("RandomNormalLike", ["x"], ["y"], name="noise")],
            [f32("x", [2])], [f32("y", [2])])),
        ("wrong-attr-type.onnx", model(
            [node("Softmax", ["x"], ["y"], name="softmax", axis="1")],
            [f32("x", [2, 3])], [f32("y", [2, 3])], check=False)),
        ("unknown-attr.onnx", model(
            [node("Relu", ["x"], ["y"], name="relu", alpha=0.5)],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("missing-attr.onnx", model(
            [node("Cast", ["x"], ["y"], name="cast")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("missing-input.onnx", model(
            [node("MatMul", ["a", ""], ["y"], name="matmul")],
            [f32("a", [2, 2])], [f32("y", [2, 2])], check=False)),
        ("too-many-inputs.onnx", model(
            [node("Relu", ["x", "x"], ["y"], name="relu")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("constant-string.onnx", model(
            [node("Constant", [], ["y"], name="text", value_string="hi")],
            [], [value_info("y", TensorProto.STRING, [])])),
        ("legacy-form.onnx", model(
            [node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                  name="bn", spatial=0)],
            [f32("x", [1, 2, 3]), f32("s", [2]), f32("b", [2]), f32("m", [2]),
             f32("v", [2])],
            [f32("y", [1, 2, 3])], opset=7)),
        # The graph.
        ("used-before-produced.onnx", model(
            [node("Relu", ["x"], ["h"], name="n1"),
             node("Add", ["h", "x7"], ["y"], name="n2")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("cycle.onnx", model(
            [node("Add", ["x", "c"], ["a"], name="n1"),
             node("Relu", ["a"], ["b"], name="n2"),
             node("Neg", ["b"], ["c"], name="n3")],
            [f32("x", [2])], [f32("b", [2])], check=False)),
        ("duplicate-output.onnx", model(
            [node("Relu", ["x"], ["y"], name="n1"),
             node("Neg", ["x"], ["y"], name="n2")],
            [f32("x", [2])], [f32("y", [2])], check=False)),
        ("output-never-produced.onnx", model(
            [node("Relu", ["x"], ["y"], name="n1")],
            [f32("x", [2])], [f32("z", [2])], check=False)),
        # Initializers and their data.
        ("bad-initializer-size.onnx", with_weight(
            raw_initializer("w", FLOAT, [3, 4], bytes(20)))),
        ("external-escape.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "../secret.bin"), check=False)),
        ("external-absolute.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4],
                                 os.path.abspath(os.path.join(folder, "..",
                                                              "secret.bin"))),
            check=False)),
        ("external-missing.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "weights.bin"),
            check=False)),
        ("external-short.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "short.bin", offset=16,
                                 length=48), check=False)),
        ("short.bin", bytes(40)),
        # Symbolic links inside the folder that lead out of it (see LINKS).
        ("external-link-file.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "secret-link.bin"),
            check=False)),
        ("external-link-folder.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "up/secret.bin"),
            check=False)),
        ("external-link-etc.onnx", with_weight(
            external_initializer("w", FLOAT, [3, 4], "etc/passwd"),
            check=False)),
    ]


# Symbolic links written into the models folder: name -> target.
LINKS = [("secret-link.bin", "../secret.bin"), ("up", ".."), ("etc", "/etc")]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-bad-models.py OUTDIR")
    out = sys.argv[1]
    folder = os.path.join(out, "models")
    write_bytes(os.path.join(out, "secret.bin"), bytes(48))
    for name, content in corpus(folder):
        path = os.path.join(folder, name)
        if isinstance(content, bytes):
            write_bytes(path, content)
        else:
            save(content, path)
    for name, target in LINKS:
        os.symlink(target, os.path.join(folder, name))


if __name__ == "__main__":
    main()
