#!/usr/bin/python3
"""Times an aotc executable against ONNX Runtime on the same model and input.

    bench/bench.py MODEL [--rounds 5] [--runs 10] [--target native]

MODEL is one of test/lit/utils/torch_models.py's (resnet50, mobilenet_v2,
bert_mini, ...), run on the inputs that script writes. Both run single-threaded; rounds alternate between the two
(aotc, ORT, aotc, ...) so that machine noise hits both alike. Prints each
side's median latency, their ratio, and the fraction of this core's measured
FMA peak that aotc reaches. Needs `npm install` in bench/ (with
ONNXRUNTIME_NODE_INSTALL=skip) for onnxruntime-node.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys

import numpy as np
import onnx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
BUILD = os.path.join(ROOT, "build")


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout


def model_flops(model, shape_flags):
    """2 x multiply-accumulates of Conv, Gemm, MatMul and fused attention
    ops, read off aotc's own shape-inferred graph (so exports with dynamic
    axes count right)."""
    graph = run([os.path.join(BUILD, "bin", "aotc"), model, "--emit=onnx", *shape_flags,
                 "--mlir-elide-resource-strings-if-larger=1"])
    tensor = r"tensor<((?:\d+x)*)f32>"
    flops = 0
    for line in graph.splitlines():
        op = re.search(r'"onnx\.(Conv|Gemm|MatMul|aotc\.Attention)"', line)
        if not op:
            continue
        types = re.search(r": \((.*)\) -> " + tensor, line)
        operands = [[int(d) for d in t.split("x") if d]
                    for t in re.findall(tensor, types.group(1))]
        out = [int(d) for d in types.group(2).split("x") if d]
        if op.group(1) == "Conv":
            macs = math.prod(out) * math.prod(operands[1][1:])
        elif op.group(1) == "Gemm" and "transA = 1" in line:
            macs = math.prod(out) * operands[0][0]
        elif op.group(1) == "aotc.Attention":
            # Q K^T and the product with V: [.., M, D] x [.., N, D], then
            # [.., M, N] x [.., N, E].
            query, key = operands[0], operands[1]
            macs = math.prod(query) * key[-2] + math.prod(out) * key[-2]
        else:
            macs = math.prod(out) * operands[0][-1]
        flops += 2 * macs
    return flops


def fma_peak_gflops():
    exe = os.path.join(BUILD, "bench", "fma-peak")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    run(["clang-22", "-O2", "-march=native", os.path.join(BENCH, "fma-peak.c"), "-o", exe])
    return float(run([exe]).split()[0])


def aotc_median(exe, input_npys, runs):
    out = run([exe, *input_npys, "--bench", str(runs)])
    return float(re.search(r"median: ([0-9.]+) ms", out).group(1))


def ort_median(model, input_npys, runs):
    out = run(["node", os.path.join(BENCH, "ort-time.js"), model, str(runs), *input_npys],
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
    graph = onnx.load(model, load_external_data=False).graph
    initializers = {init.name for init in graph.initializer}
    input_names = [v.name for v in graph.input if v.name not in initializers]
    input_npys = [os.path.join(cache, f"{args.model}.{name}.npy") for name in input_names]
    input_shapes = {name: np.load(npy, mmap_mode="r").shape
                    for name, npy in zip(input_names, input_npys)}
    exe = os.path.join(BUILD, "bench", args.model)
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    shape_flags = [f"--input-shape={name}:{'x'.join(map(str, shape))}"
                   for name, shape in input_shapes.items()]
    run([os.path.join(BUILD, "bin", "aotc"), model, f"--target={args.target}", *shape_flags,
         "-o", exe])

    aotc_times, ort_times = [], []
    for _ in range(args.rounds):
        aotc_times.append(aotc_median(exe, input_npys, args.runs))
        ort_times.append(ort_median(model, input_npys, args.runs))
    aotc_ms, ort_ms = statistics.median(aotc_times), statistics.median(ort_times)
    flops = model_flops(model, shape_flags)
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
