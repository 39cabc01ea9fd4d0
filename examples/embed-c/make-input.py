#!/usr/bin/python3
"""Writes main.c's fixed input pattern as a .npy file, so the executable
built from the same model can be checked against the embedded object."""
import sys

import numpy as np

image = np.array([((i * 7) % 13) / 13.0 - 0.5 for i in range(64)],
                 dtype=np.float32).reshape(1, 1, 8, 8)
np.save(sys.argv[1], image)
