#!/usr/bin/python3
"""Measures importing torchvision's ViT-B/16 (346 MB of weights): the time
and peak memory of `aotc --emit=onnx`, against the model file's size.

    bench/import-vit.py [BUILD_DIR]

torchvision's ViT exports only with gradients enabled (not under
torch.no_grad()); the weights are random, which does not matter here.
"""
import os
import re
import subprocess
import sys
import time

import torch
import torchvision

build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build")
cache = os.path.join(build, "test-cache")
path = os.path.join(cache, "vit_b_16.onnx")
if not os.path.exists(path):
    os.makedirs(cache, exist_ok=True)
    model = torchvision.models.vit_b_16().eval()
    torch.onnx.export(model, torch.randn(1, 3, 224, 224), path + ".tmp",
                      opset_version=13, input_names=["input"])
    os.replace(path + ".tmp", path)

size = os.path.getsize(path)
# Measured by /usr/bin/time in a process of its own: the export above has
# children of its own that would count in this process's RUSAGE_CHILDREN.
# --mlir-timing splits import from printing: MLIR's printer hex-encodes every
# resource before deciding to elide it, which costs more than the import.
out = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M",
                      os.path.join(build, "bin", "aotc"), path, "--emit=onnx",
                      "-o", os.devnull, "--mlir-timing",
                      "--mlir-elide-resource-strings-if-larger=16"],
                     check=True, capture_output=True, text=True).stderr
importSeconds = float(re.search(r"([0-9.]+) \(\s*[0-9.]+%\)\s+Import", out).group(1))
fields = out.split()
seconds, user, system, peak = float(fields[-4]), float(fields[-3]), float(fields[-2]), int(fields[-1]) * 1024
print(f"vit_b_16.onnx: {size / 1e6:.0f} MB; import {importSeconds:.2f} s; "
      f"whole --emit=onnx run {seconds:.2f} s wall, peak RSS {peak / 1e6:.0f} MB "
      f"({peak / size:.2f}x the model)")
