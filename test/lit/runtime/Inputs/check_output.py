"""Checks the fake model's output file against NumPy: y == a + 1.

    check_output.py A.npy Y.npy

Prints one line for FileCheck; exits 1 on a mismatch.
"""
import sys

import numpy as np

a = np.load(sys.argv[1])
with open(sys.argv[2], "rb") as f:
    data = f.read()
y = np.load(sys.argv[2])
header_end = 10 + int.from_bytes(data[8:10], "little")
print(f"version {data[6]}.{data[7]}, data at {header_end} "
      f"(aligned: {header_end % 64 == 0}), {y.dtype} {y.shape}, "
      f"equal: {np.array_equal(y, a + np.float32(1))}")
sys.exit(0 if np.array_equal(y, a + np.float32(1)) else 1)
