#!/usr/bin/python3
"""Times an aotc executable against ONNX Runtime on the same model and input.

    bench/bench.py MODEL [--rounds 5] [--runs 10] [--target native]

MODEL is one of test/lit/utils/torch_models.py's (resnet50, mobilenet_v2,
resnet18, lenet). Both run single-threaded; rounds alternate between the two
(aotc, ORT, aotc, ...) so that machine noise hits both alike. Prints each
side's median latency, their ratio, and the fraction of this core's measured
FMA peak that aotc reaches. Needs `npm install` in bench/ (with
ONNXRUNTIME_NODE_INSTALL=skip) for onnxruntime-node.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

import onnx
from onnx import shape_inference

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
BUILD = os.path.join(ROOT, "build")


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout


def model_flops(path):
    """2 x multiply-accumulates of Conv, Gemm and MatMul nodes."""
    model = shape_inference.infer_shapes(onnx.load(path))
    shapes = {}
    for value in list(model.graph.value_info) + list(model.graph.input) + list(model.graph.output):
        dims = [d.dim_value for d in value.type.tensor_type.shape.dim]
        shapes[value.name] = dims
    for init in model.graph.initializer:
        shapes[init.name] = list(init.dims)
    flops = 0
    for node in model.graph.node:
        if node.op_type == "Conv":
            out = shapes[node.output[0]]
            weight = shapes[node.input[1]]
            macs = 1
            for d in out:
                macs *= d
            for d in weight[1:]:
                macs *= d
            flops += 2 * macs
        elif node.op_type in ("Gemm", "MatMul"):
            a, out = shapes[node.input[0]], shapes[node.output[0]]
            macs = a[-1]
            for d in out:
                macs *= d
            flops += 2 * macs
    return flops


def fma_peak_gflops():
    exe = os.path.join(BUILD, "bench", "fma-peak")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    run(["clang-22", "-O2", "-march=native", os.path.join(BENCH, "fma-peak.c"), "-o", exe])
    return float(run([exe]).split()[0])


def aotc_median(exe, input_npy, runs):
    out = run([exe, input_npy, "--bench", str(runs)])
    return float(re.search(r"median: ([0-9.]+) ms", out).group(1))


def ort_median(model, input_npy, runs):
    out = run(["node", os.path.join(BENCH, "ort-time.js"), model, input_npy, str(runs)],
              cwd=BENCH, env=dict(os.environ, OMP_NUM_THREADS="1"))
    return statistics.median(json.loads(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--target", default="native")
    args = parser.parse_args()

    cache = os.path.join(BUILD, "test-cache")
    run([sys.executable, os.path.join(ROOT, "test/lit/utils/torch_models.py"), args.model, cache])
    model = os.path.join(cache, args.model + ".onnx")
    input_npy = os.path.join(cache, args.model + ".input.npy")
    exe = os.path.join(BUILD, "bench", args.model)
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    run([os.path.join(BUILD, "bin", "aotc"), model, f"--target={args.target}", "-o", exe])

    aotc_times, ort_times = [], []
    for _ in range(args.rounds):
        aotc_times.append(aotc_median(exe, input_npy, args.runs))
        ort_times.append(ort_median(model, input_npy, args.runs))
    aotc_ms, ort_ms = statistics.median(aotc_times), statistics.median(ort_times)
    flops = model_flops(model)
    peak = fma_peak_gflops()
    achieved = flops / (aotc_ms * 1e-3) * 1e-9
    print(f"{args.model}: aotc {aotc_ms:.2f} ms, onnxruntime {ort_ms:.2f} ms "
          f"(1 thread, median of {args.rounds} interleaved rounds x {args.runs} runs)")
    print(f"{args.model}: aotc / onnxruntime = {aotc_ms / ort_ms:.2f} "
          f"({'faster' if aotc_ms < ort_ms else 'slower'})")
    print(f"{args.model}: {flops / 1e9:.2f} GFLOP, aotc {achieved:.1f} GFLOP/s = "
          f"{100 * achieved / peak:.1f}% of this core's FMA peak ({peak:.1f} GFLOP/s)")


if __name__ == "__main__":
    main()
