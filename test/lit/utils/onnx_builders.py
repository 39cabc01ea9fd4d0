"""Small builders for the ONNX models of the lit tests.

Models are built at test time with Debian's python3-onnx (1.12, opsets up to
17), so no binary model lives in the tree. Typical use in a RUN line:

    RUN: %python -c "from onnx_builders import *; \
    RUN:   save(model([node('Relu', ['x'], ['y'])], [f32('x', [2])], [f32('y')]), \
    RUN:        '%t/relu.onnx')"

or, for longer models, a script cut out of the test with split-file.
"""
import os

import numpy as np
import onnx
from google.protobuf import text_format
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT
INT64 = TensorProto.INT64

# The newest opset python3-onnx 1.12 knows; the checker rejects newer ones.
MAX_CHECKED_OPSET = 17


def value_info(name, elem_type, shape=None):
    """A graph input or output. `shape` entries: ints, strings (dim_param)
    or None (unknown dimension); `shape=None` leaves the rank unknown."""
    return helper.make_tensor_value_info(name, elem_type, shape)


def f32(name, shape=None):
    return value_info(name, FLOAT, shape)


def i64(name, shape=None):
    return value_info(name, INT64, shape)


def node(op_type, inputs, outputs, name=None, domain=None, **attributes):
    """A node; attributes are converted by onnx.helper.make_attribute."""
    return helper.make_node(op_type, inputs, outputs, name=name, domain=domain,
                            **attributes)


def initializer(name, array):
    """An initializer holding `array` (a numpy array) in raw_data."""
    return numpy_helper.from_array(np.asarray(array), name)


def typed_initializer(name, elem_type, dims, values):
    """An initializer holding `values` in the typed field of `elem_type`
    (float_data, int32_data, ...), not in raw_data."""
    return helper.make_tensor(name, elem_type, dims, values, raw=False)


def raw_initializer(name, elem_type, dims, data):
    """An initializer with the given raw bytes, whatever its shape says."""
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = elem_type
    tensor.dims.extend(dims)
    tensor.raw_data = data
    return tensor


def external_initializer(name, elem_type, dims, location, offset=None,
                         length=None):
    """An initializer whose bytes live in file `location`, relative to the
    model's folder."""
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = elem_type
    tensor.dims.extend(dims)
    tensor.data_location = TensorProto.EXTERNAL
    entries = [("location", location)]
    if offset is not None:
        entries.append(("offset", str(offset)))
    if length is not None:
        entries.append(("length", str(length)))
    for key, value in entries:
        entry = tensor.external_data.add()
        entry.key = key
        entry.value = value
    return tensor


def model(nodes, inputs, outputs, initializers=(), opset=13, check=None,
          producer="aotc-lit", extra_opsets=(), name="graph"):
    """A model of one graph. The ONNX checker runs when `check` is true; by
    default whenever python3-onnx knows the opset."""
    graph = helper.make_graph(nodes, name, inputs, outputs,
                              initializer=list(initializers))
    opsets = [helper.make_opsetid("", opset)]
    opsets += [helper.make_opsetid(domain, version)
               for domain, version in extra_opsets]
    result = helper.make_model(graph, opset_imports=opsets,
                               producer_name=producer)
    if check is None:
        check = opset <= MAX_CHECKED_OPSET
    if check:
        onnx.checker.check_model(result)
    return result


def save(proto, path):
    """Writes `proto` as binary protobuf, or as protobuf text format when the
    name ends in .pbtxt or .textproto."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    if path.endswith((".pbtxt", ".textproto")):
        with open(path, "w") as f:
            f.write(text_format.MessageToString(proto))
    else:
        with open(path, "wb") as f:
            f.write(proto.SerializeToString())


def write_bytes(path, data):
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
