#!/usr/bin/python3
"""Prints a .npy tensor's values one per line (as examples/embed-c/main.c
prints its outputs)."""
import sys

import numpy as np

for value in np.load(sys.argv[1]).flatten():
    print(f"{value:.5f}")
