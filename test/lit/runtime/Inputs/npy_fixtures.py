"""Writes the tensor files the runtime tests feed to the fake model.

    npy_fixtures.py DIR

The fake model takes a: float32 (2, 3) and b: int64 (4,). Good files come
from NumPy itself; broken ones are written byte by byte.
"""
import os
import sys

import numpy as np

out = sys.argv[1]
A = (np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5) * 0.5
B = np.array([1, -2, 3, -4], dtype=np.int64)


def path(name):
    return os.path.join(out, name)


def save(name, array, version=None):
    with open(path(name), "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def raw(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def npy(name, header, data=A.tobytes(), version=(1, 0), length=None):
    """An .npy file with the header text as given, padded like NumPy's."""
    header = header.encode()
    prefix = 10 if version == (1, 0) else 12
    header += b" " * (-(prefix + len(header) + 1) % 64) + b"\n"
    size = len(header) if length is None else length
    size_bytes = size.to_bytes(prefix - 8, "little")
    raw(name, b"\x93NUMPY" + bytes(version) + size_bytes + header + data)


# Good files.
save("a.npy", A)
save("b.npy", B)
save("a_v2.npy", A, version=(2, 0))
save("a_v3.npy", A, version=(3, 0))
raw("a.raw", A.tobytes())
raw("b.raw", B.tobytes())
npy("a_spelling.npy",
    '{"shape": (2L, 3L,), "fortran_order": False, "descr": "<f4"}')

# Files that do not match the model.
save("a_f64.npy", A.astype(np.float64))
save("a_3x2.npy", A.reshape(3, 2))
save("a_scalar.npy", np.float32(1.5))
save("b_3.npy", B[:3])
save("a_big.npy", A.astype(">f4"))
save("a_fortran.npy", np.asfortranarray(A))
save("a_c8.npy", A.astype(np.complex64))
save("nl\nline.npy", A.astype(np.float64))  # a newline in the name
with open(path("a.npy"), "rb") as f:
    good = f.read()
raw("a_truncated.npy", good[:-12])
raw("a_long.npy", good + b"\0" * 4)
raw("a_magic.npy", b"\x93NUMPZ" + good[6:])
raw("a_short.raw", A.tobytes()[:20])

# Broken headers.
raw("a_version.npy", b"\x93NUMPY\x04\x00" + good[8:])
raw("a_prefix.npy", b"\x93NUMPY\x01")
npy("a_header_cut.npy", "{'descr': '<f4', ", data=b"", length=118)
npy("a_not_dict.npy", "[('descr', '<f4')]")
npy("a_no_order.npy", "{'descr': '<f4', 'shape': (2, 3), }")
npy("a_unknown_key.npy",
    "{'descr': '<f4', 'order': 'C', 'fortran_order': False, 'shape': (2, 3), }")
npy("a_duplicate.npy",
    "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }")
npy("a_shape_list.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3], }")
npy("a_negative.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }")
npy("a_paren.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (6), }",
    data=A.tobytes())
npy("a_order_word.npy",
    "{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }")
npy("a_structured.npy",
    "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2, 3), }")
# 2 * (2^64 + 3) wraps around to the input's (2, 3) if parsed carelessly.
npy("a_wrap.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 18446744073709551619), }")
npy("a_2p63.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': (9223372036854775808,), }")
npy("a_junk.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } x")
