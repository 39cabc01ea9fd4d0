#!/usr/bin/python3
"""Writes a fixed 1x1x8x8 input pattern for the tiny CNN as a .npy file
(the same pattern examples/embed-c/main.c builds in C)."""
import sys

import numpy as np

image = np.array([((i * 7) % 13) / 13.0 - 0.5 for i in range(64)],
                 dtype=np.float32).reshape(1, 1, 8, 8)
np.save(sys.argv[1], image)
