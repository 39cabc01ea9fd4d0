#!/usr/bin/python3
"""Compares an output .npy with the expected one.

    compare.py ACTUAL.npy EXPECTED.npy [--rel-to-max 1e-4]

Passes when dtype and shape match and max |actual - expected| <=
rel_to_max * max |expected|. Prints one line with the figures either way.
"""
import argparse
import sys

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("actual")
parser.add_argument("expected")
parser.add_argument("--rel-to-max", type=float, default=1e-4)
args = parser.parse_args()

actual = np.load(args.actual)
expected = np.load(args.expected)
if actual.dtype != expected.dtype or actual.shape != expected.shape:
    print(f"MISMATCH: {actual.dtype}{actual.shape} vs {expected.dtype}{expected.shape}")
    sys.exit(1)
diff = float(np.max(np.abs(actual.astype(np.float64) - expected))) if actual.size else 0.0
scale = float(np.max(np.abs(expected))) if expected.size else 0.0
bound = args.rel_to_max * scale
verdict = "OK" if diff <= bound else "MISMATCH"
print(f"{verdict}: max |diff| {diff:.3g} <= {args.rel_to_max:g} x max |ref| {scale:.3g}"
      if verdict == "OK" else
      f"{verdict}: max |diff| {diff:.3g} > {args.rel_to_max:g} x max |ref| {scale:.3g}")
sys.exit(0 if verdict == "OK" else 1)
