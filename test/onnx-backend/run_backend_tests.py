#!/usr/bin/python3
"""Runs the ONNX backend test suite (Debian's libonnx-testdata) through aotc.

    run_backend_tests.py --aotc build/bin/aotc [-j 2] [--timeout 120]
                         [--work build/onnx-backend] [--filter REGEX]
                         [--write-docs docs/onnx-support.md | --check-docs docs/onnx-support.md]

For every test folder under DATA/{node,pytorch-converted,pytorch-operator,simple}
it decides whether the test is in scope (every graph input and output a dense
tensor of a supported element type, only default-domain operators), compiles
model.onnx to a host executable, runs it on each test_data_set_* and compares
the outputs with output_K.pb (|actual - expected| <= atol + rtol * |expected|,
NaN where expected is NaN).

Each test ends as one of:
  pass           every data set matches;
  fail           wrong values, a runtime error, or a compile error that is
                 not a clean "not supported" one;
  not-supported  aotc exits 1 with one `aotc: error:` line saying "not supported";
  out-of-scope   with the reason;
and a crash (a signal, an exit status other than 0/1, or compiler output that
is not a single `aotc: error:` line) is also a failure, listed separately.

Exits non-zero when the in-scope node pass rate is below --min-node-pass-rate
or anything crashed (or, with --check-docs, when the table is stale).
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict

import numpy as np
import onnx
from onnx import numpy_helper

DATA = "/usr/share/libonnx-testdata/data"
FOLDERS = ["node", "pytorch-converted", "pytorch-operator", "simple"]

# Element types the runner treats as supported (TensorProto codes).
SUPPORTED_TYPES = {
    onnx.TensorProto.FLOAT: "f32",
    onnx.TensorProto.DOUBLE: "f64",
    onnx.TensorProto.FLOAT16: "f16",
    onnx.TensorProto.INT8: "i8",
    onnx.TensorProto.UINT8: "u8",
    onnx.TensorProto.INT16: "i16",
    onnx.TensorProto.INT32: "i32",
    onnx.TensorProto.INT64: "i64",
    onnx.TensorProto.BOOL: "bool",
}
TYPE_NAMES = {v: k for k, v in onnx.TensorProto.DataType.items()}

DEFAULT_RTOL = 1e-3
DEFAULT_ATOL = 1e-7

# Per-operator tolerance overrides: op -> (rtol, atol, reason), for the op a
# test is named after (see `test_op`). Empty: every test passes with ONNX's
# defaults (checked for the polynomial approximations and the reassociated
# sums of MatMul, Gemm, Conv, Einsum, LayerNormalization).
TOLERANCES = {}

# Operands that decide a result's shape (or, like CumSum's axis, act as an
# attribute): aotc compiles for static shapes, so when a test feeds one of
# these from a graph input, the runner pins that input to its test value with
# --input-value (as it would be a constant, or computed from shapes, in a real
# model) and counts the test as "pinned". op -> operand indices.
SHAPE_OPERANDS = {
    "Reshape": [1], "Expand": [1], "Tile": [1], "ConstantOfShape": [0],
    "Slice": [1, 2, 3, 4], "Resize": [1, 2, 3], "Upsample": [1],
    "Squeeze": [1], "Unsqueeze": [1], "Split": [1], "Pad": [1, 2, 3],
    "Range": [0, 1, 2], "OneHot": [1], "TopK": [1], "CumSum": [1],
    "Trilu": [1], "Compress": [1], "Dropout": [1, 2], "CenterCropPad": [1],
    "ReduceSum": [1], "ReduceMean": [1], "ReduceMax": [1], "ReduceMin": [1],
    "ReduceProd": [1], "ReduceL1": [1], "ReduceL2": [1], "ReduceLogSum": [1],
    "ReduceLogSumExp": [1], "ReduceSumSquare": [1], "BlackmanWindow": [0],
    "HannWindow": [0], "HammingWindow": [0], "MelWeightMatrix": [0, 1, 2, 3, 4],
    "DFT": [1], "STFT": [1, 3], "Col2Im": [1, 2],
}

# Operator domains that are out of scope, with the reason.
OUT_OF_SCOPE_DOMAINS = {
    "ai.onnx.preview.training": "training-domain operator",
    "ai.onnx.ml": "ONNX-ML domain operator",
}


def snake(name):
    """ONNX op name -> the snake_case the test names use (ReduceL2 -> reduce_l2)."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    s = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", s)
    return s.lower()


def all_op_names():
    return sorted({s.name for s in onnx.defs.get_all_schemas_with_history()
                   if s.domain in ("", "ai.onnx")})


OP_NAMES = all_op_names()
# Longest snake names first so `reduce_log_sum_exp` wins over `reduce_log_sum`.
SNAKE_OPS = sorted(((snake(op), op) for op in OP_NAMES),
                   key=lambda p: -len(p[0]))
SNAKE_ALIASES = {  # Test names that do not follow snake(op).
    "basic_conv": "Conv", "conv_with": "Conv", "convtranspose": "ConvTranspose",
    "averagepool": "AveragePool", "maxpool": "MaxPool", "globalaveragepool":
    "GlobalAveragePool", "globalmaxpool": "GlobalMaxPool", "maxunpool":
    "MaxUnpool", "lppool": "LpPool", "batchnorm": "BatchNormalization",
    "instancenorm": "InstanceNormalization", "logsoftmax": "LogSoftmax",
    "reduce_log_sum_exp": "ReduceLogSumExp", "argmax": "ArgMax", "argmin":
    "ArgMin", "leakyrelu": "LeakyRelu", "prelu": "PRelu", "thresholdedrelu":
    "ThresholdedRelu", "globallppool": "GlobalLpPool", "depthtospace":
    "DepthToSpace", "spacetodepth": "SpaceToDepth", "nonzero": "NonZero",
    "nonmaxsuppression": "NonMaxSuppression", "roialign": "RoiAlign",
    "hardsigmoid": "HardSigmoid", "hardmax": "Hardmax", "hardswish":
    "HardSwish", "isinf": "IsInf", "isnan": "IsNaN", "layer_normalization":
    "LayerNormalization", "gridsample": "GridSample", "gather_elements":
    "GatherElements", "gathernd": "GatherND", "scatternd": "ScatterND",
    "scatter_elements": "ScatterElements", "quantizelinear": "QuantizeLinear",
    "dequantizelinear": "DequantizeLinear", "dynamicquantizelinear":
    "DynamicQuantizeLinear", "qlinearconv": "QLinearConv", "qlinearmatmul":
    "QLinearMatMul", "matmulinteger": "MatMulInteger", "convinteger":
    "ConvInteger", "simple_rnn": "RNN", "rnn_seq": "RNN", "gru": "GRU",
    "lstm": "LSTM", "sce": "SoftmaxCrossEntropyLoss", "nllloss":
    "NegativeLogLikelihoodLoss", "blackmanwindow": "BlackmanWindow",
    "hannwindow": "HannWindow", "hammingwindow": "HammingWindow", "melweightmatrix":
    "MelWeightMatrix", "stft": "STFT", "dft": "DFT", "tfidfvectorizer":
    "TfIdfVectorizer", "strnormalizer": "StringNormalizer", "bitshift":
    "BitShift", "castlike": "CastLike", "cumsum": "CumSum", "constantofshape":
    "ConstantOfShape", "optional_get_element": "OptionalGetElement",
    "optional_has_element": "OptionalHasElement", "sequence_map": "SequenceMap",
    "edge_pad": "Pad", "reflect_pad": "Pad", "constant_pad": "Pad",
    "momentum": "Momentum", "adagrad": "Adagrad", "adam": "Adam",
    "training_dropout": "Dropout", "shrink": "Shrink", "top_k": "TopK",
    "resize": "Resize", "onehot": "OneHot", "if": "If", "loop": "Loop",
    "scan": "Scan", "bernoulli": "Bernoulli", "mvn": "MeanVarianceNormalization",
    "einsum": "Einsum", "unique": "Unique", "tril": "Trilu", "triu": "Trilu",
    "slice": "Slice", "split": "Split", "squeeze": "Squeeze", "where": "Where",
    "bitwise": "BitwiseAnd",
}


def test_op(folder, name, model):
    """The operator a node test is about: from its name, else its first node."""
    if folder == "node":
        stem = name[len("test_"):] if name.startswith("test_") else name
        for key in sorted(SNAKE_ALIASES, key=len, reverse=True):
            if stem == key or stem.startswith(key + "_"):
                alias = SNAKE_ALIASES[key]
                if key == "bitwise":
                    m = re.match(r"bitwise_(and|or|xor|not)", stem)
                    alias = "Bitwise" + m.group(1).capitalize() if m else alias
                return alias
        for s, op in SNAKE_OPS:
            if stem == s or stem.startswith(s + "_"):
                return op
    nodes = model.graph.node if model is not None else []
    return nodes[0].op_type if len(nodes) == 1 else "(model)"


def value_info_problem(vi):
    """Why a graph input/output is out of scope, or None."""
    t = vi.type
    kind = t.WhichOneof("value")
    if kind != "tensor_type":
        return {"sequence_type": "sequence", "optional_type": "optional",
                "map_type": "map", "sparse_tensor_type": "sparse tensor"}.get(
                    kind, str(kind)) + f" value '{vi.name}'"
    elem = t.tensor_type.elem_type
    if elem not in SUPPORTED_TYPES:
        return f"element type {TYPE_NAMES.get(elem, elem)} of '{vi.name}'"
    return None


def scope_problem(model):
    g = model.graph
    for vi in list(g.input) + list(g.output):
        problem = value_info_problem(vi)
        if problem:
            return problem

    def walk(graph):
        for node in graph.node:
            if node.domain not in ("", "ai.onnx"):
                return OUT_OF_SCOPE_DOMAINS.get(
                    node.domain, f"operator domain '{node.domain}'") + \
                    f" ({node.op_type})"
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.SPARSE_TENSOR:
                    return f"sparse tensor attribute ({node.op_type})"
                if attr.type == onnx.AttributeProto.TENSOR and \
                        attr.t.data_type == onnx.TensorProto.STRING:
                    return f"string tensor attribute ({node.op_type})"
                if attr.type == onnx.AttributeProto.GRAPH:
                    problem = walk(attr.g)
                    if problem:
                        return problem
        return None
    return walk(g)


def shape_inputs(model, inputs):
    """Positions (in `inputs`) of graph inputs whose values reach a shape
    operand, directly or through other ops (not through Shape or Size,
    which read only their operand's shape)."""
    names = {vi.name: i for i, vi in enumerate(inputs)}
    needed = set()
    for node in model.graph.node:
        for k in SHAPE_OPERANDS.get(node.op_type, []):
            if k < len(node.input) and node.input[k]:
                needed.add(node.input[k])
    changed = True
    while changed:
        changed = False
        for node in model.graph.node:
            if node.op_type in ("Shape", "Size") or \
                    not any(o in needed for o in node.output):
                continue
            for name in node.input:
                if name and name not in needed:
                    needed.add(name)
                    changed = True
    return sorted(names[n] for n in needed if n in names)


def pin_inputs(inputs, arrays, positions, work, key):
    """--input-value flags pinning the inputs at `positions` to their test
    values, written as .npy files under `work`."""
    flags = []
    for i in positions:
        path = os.path.join(work, f"pinned{key}_{i}.npy")
        np.save(path, arrays[i])
        flags.append(f"--input-value={inputs[i].name}:{path}")
    return flags


def data_sets(test_dir):
    return sorted(d for d in os.listdir(test_dir)
                  if d.startswith("test_data_set_"))


def read_tensors(data_dir, prefix):
    files = sorted((f for f in os.listdir(data_dir) if f.startswith(prefix)
                    and f.endswith(".pb")),
                   key=lambda f: int(f[len(prefix):-3]))
    tensors = []
    for f in files:
        t = onnx.TensorProto()
        with open(os.path.join(data_dir, f), "rb") as fh:
            t.ParseFromString(fh.read())
        tensors.append(numpy_helper.to_array(t))
    return tensors


def is_static(vi):
    shape = vi.type.tensor_type.shape if vi.type.tensor_type.HasField(
        "shape") else None
    if shape is None:
        return False
    return all(d.HasField("dim_value") for d in shape.dim)


class Result:
    def __init__(self, folder, name, op, status, detail="", crash=False,
                 pinned=False):
        self.folder, self.name, self.op = folder, name, op
        self.status, self.detail, self.crash = status, detail, crash
        self.pinned = pinned


NOT_SUPPORTED = re.compile(r"not supported|unsupported")


def run_cmd(cmd, timeout, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, cwd=cwd)
        return p.returncode, p.stdout.decode(errors="replace"), \
            p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


def compare(actual, expected, rtol, atol):
    if actual.dtype != expected.dtype:
        return f"dtype {actual.dtype} != expected {expected.dtype}"
    if actual.shape != expected.shape:
        return f"shape {actual.shape} != expected {expected.shape}"
    if expected.dtype.kind in "biu":
        bad = int(np.count_nonzero(actual != expected))
        return f"{bad} of {expected.size} elements differ" if bad else None
    a = actual.astype(np.float64)
    e = expected.astype(np.float64)
    nan = np.isnan(e)
    if np.any(np.isnan(a) != nan):
        return "NaN positions differ"
    with np.errstate(invalid="ignore"):
        same_inf = np.isinf(e) & (a == e)
        ok = nan | same_inf | (np.abs(a - e) <= atol + rtol * np.abs(e))
    if np.all(ok):
        return None
    diff = np.where(ok, 0, np.abs(a - e))
    i = np.unravel_index(np.argmax(diff), diff.shape)
    return (f"{int(np.count_nonzero(~ok))} of {e.size} elements off; worst at "
            f"{tuple(int(x) for x in i)}: {a[i]:.6g} vs {e[i]:.6g} "
            f"(rtol {rtol:g}, atol {atol:g})")


def one_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[0] if lines else ""


def run_test(args, folder, name):
    test_dir = os.path.join(args.data, folder, name)
    model_path = os.path.join(test_dir, "model.onnx")
    try:
        model = onnx.load(model_path)
    except Exception as e:  # pylint: disable=broad-except
        return Result(folder, name, "(model)", "out-of-scope",
                      f"model does not load with onnx: {e}")
    op = test_op(folder, name, model)
    problem = scope_problem(model)
    if problem:
        return Result(folder, name, op, "out-of-scope", problem)

    initializers = {i.name for i in model.graph.initializer}
    inputs = [vi for vi in model.graph.input if vi.name not in initializers]
    outputs = list(model.graph.output)
    sets = data_sets(test_dir)
    if not sets:
        return Result(folder, name, op, "out-of-scope", "no test data sets")
    loaded = []
    for s in sets:
        d = os.path.join(test_dir, s)
        try:
            ins, outs = read_tensors(d, "input_"), read_tensors(d, "output_")
        except Exception as e:  # pylint: disable=broad-except
            return Result(folder, name, op, "out-of-scope",
                          f"test data is not plain tensors: {e}")
        if len(ins) != len(inputs) or len(outs) != len(outputs):
            return Result(folder, name, op, "out-of-scope",
                          "test data does not match the graph's inputs "
                          "(omitted optional inputs)")
        loaded.append((s, ins, outs))

    work = os.path.join(args.work, folder, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rtol, atol, _ = TOLERANCES.get(op, (DEFAULT_RTOL, DEFAULT_ATOL, ""))
    pinned = shape_inputs(model, inputs)
    exes = {}  # Input shapes and pinned values -> executable.
    for s, ins, outs in loaded:
        pins = []
        for k, (vi, arr) in enumerate(zip(inputs, ins)):
            if k not in pinned and not is_static(vi):
                pins.append(f"--input-shape={vi.name}:" +
                            "x".join(str(d) for d in arr.shape))
        key = tuple(pins) + tuple(ins[k].tobytes() for k in pinned)
        if key not in exes:
            exe = os.path.join(work, f"model{len(exes)}")
            compiled = model_path
            pins += pin_inputs(inputs, ins, pinned, work, len(exes))
            rc, _, err = run_cmd([args.aotc, compiled, "-o", exe] + pins,
                                 args.timeout)
            lines = [l for l in err.strip().splitlines() if l.strip()]
            if rc is None:
                return Result(folder, name, op, "fail", "compile timeout")
            if rc not in (0, 1) or (rc == 1 and (
                    len(lines) != 1 or not lines[0].startswith("aotc: error:"))):
                return Result(folder, name, op, "fail",
                              f"compiler crash (exit {rc}): {one_line(err)}",
                              crash=True)
            if rc == 1:
                msg = lines[0].replace(compiled + ": ", "")
                msg = msg[len("aotc: error: "):]
                if NOT_SUPPORTED.search(msg):
                    return Result(folder, name, op, "not-supported", msg)
                return Result(folder, name, op, "fail", "compile error: " + msg)
            exes[key] = exe
        exe = exes[key]
        in_files, out_files = [], []
        for k, arr in enumerate(ins):
            if k in pinned:
                continue
            f = os.path.join(work, f"{s}_in{k}.npy")
            np.save(f, arr)
            in_files.append(f)
        cmd = [exe] + in_files
        for k in range(len(outs)):
            f = os.path.join(work, f"{s}_out{k}.npy")
            out_files.append(f)
            cmd += ["-o", f]
        rc, _, err = run_cmd(cmd, args.timeout)
        if rc is None:
            return Result(folder, name, op, "fail", f"{s}: run timeout")
        if rc != 0:
            crash = rc < 0 or rc > 1
            return Result(folder, name, op, "fail",
                          f"{s}: executable {'crashed' if crash else 'failed'}"
                          f" (exit {rc}): {one_line(err)}", crash=crash)
        for k, (f, expected) in enumerate(zip(out_files, outs)):
            try:
                actual = np.load(f)
            except Exception as e:  # pylint: disable=broad-except
                return Result(folder, name, op, "fail",
                              f"{s}: output {k} unreadable: {e}")
            why = compare(actual, expected, rtol, atol)
            if why:
                return Result(folder, name, op, "fail",
                              f"{s}: output {k}: {why}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return Result(folder, name, op, "pass",
                  "shape inputs pinned" if pinned else "", pinned=bool(pinned))


STATUSES = ["pass", "fail", "not-supported", "out-of-scope"]


def summarize(results):
    per_folder = defaultdict(Counter)
    for r in results:
        per_folder[r.folder][r.status] += 1
    return per_folder


def node_pass_rate(per_folder):
    c = per_folder.get("node", Counter())
    in_scope = c["pass"] + c["fail"] + c["not-supported"]
    return (c["pass"] / in_scope if in_scope else 0.0), in_scope


def short_reason(detail):
    """Failure/out-of-scope detail without per-test specifics, for the table."""
    d = re.sub(r"test_data_set_\d+: ", "", detail)
    d = re.sub(r"node '[^']*' ", "", d)
    d = re.sub(r"'[^']*' ?", "", d) if d.startswith("element type") else d
    d = re.sub(r"of\s*$", "", d).strip()
    d = re.sub(r"\d+ of \d+ elements off; worst at .*", "wrong values", d)
    d = re.sub(r"\d+ of \d+ elements differ", "wrong values", d)
    d = re.sub(r"value '[^']*'", "value", d)
    return d[:140]


def render_docs(results, per_folder, command):
    lines = [
        "# ONNX operator support",
        "",
        "<!-- Generated; do not edit. Regenerate with:",
        f"     {command}",
        "-->",
        "",
        "Generated by `test/onnx-backend/run_backend_tests.py` from the ONNX "
        "backend test data (Debian libonnx-testdata): every test model is "
        "compiled with aotc for the host, run on each data set and compared "
        f"with the expected outputs (rtol {DEFAULT_RTOL:g}, atol "
        f"{DEFAULT_ATOL:g} unless overridden below).",
        "",
        "## Overall",
        "",
        "| data folder | pass | fail | not supported | out of scope | "
        "in-scope pass rate |",
        "|---|---|---|---|---|---|",
    ]
    for folder in FOLDERS:
        c = per_folder.get(folder, Counter())
        in_scope = c["pass"] + c["fail"] + c["not-supported"]
        rate = f"{100.0 * c['pass'] / in_scope:.1f} %" if in_scope else "-"
        lines.append(f"| {folder} | {c['pass']} | {c['fail']} | "
                     f"{c['not-supported']} | {c['out-of-scope']} | {rate} |")
    pinned = sum(1 for r in results if r.pinned)
    lines += [
        "",
        f"{pinned} of the passing tests feed a shape operand (Reshape's "
        "shape, Slice's starts, Resize's sizes, Reduce*'s axes, ...) from a "
        "graph input; aotc compiles for static shapes, so the runner pins "
        "those inputs to their test values with `--input-value` "
        "(`SHAPE_OPERANDS` in the runner); the notes say \"shape inputs "
        "pinned\".",
        "",
        "## Tolerance overrides",
        "",
        "| op | rtol | atol | why |",
        "|---|---|---|---|",
    ]
    for op, (rtol, atol, why) in sorted(TOLERANCES.items()):
        lines.append(f"| {op} | {rtol:g} | {atol:g} | {why} |")
    if not TOLERANCES:
        lines.append("| (none) | | | every test passes with the defaults |")

    by_op = defaultdict(list)
    for r in results:
        if r.folder == "node":
            by_op[r.op].append(r)
    lines += [
        "",
        "## Operators (node tests)",
        "",
        "A test counts for the operator it is named after. Status: *yes* all "
        "in-scope tests pass, *partial* some pass, *no* none pass, "
        "*not supported* aotc reports the operator (or a form of it) as not "
        "supported, *out of scope* no test is in scope, *untested* no node "
        "test.",
        "",
        "| op | status | pass | fail | not supported | out of scope | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for op in sorted(set(OP_NAMES) | set(by_op)):
        rs = by_op.get(op, [])
        c = Counter(r.status for r in rs)
        in_scope = c["pass"] + c["fail"] + c["not-supported"]
        if not rs:
            status = "untested"
        elif not in_scope:
            status = "out of scope"
        elif c["pass"] == in_scope:
            status = "yes"
        elif c["pass"]:
            status = "partial"
        elif c["not-supported"] and not c["fail"]:
            status = "not supported"
        else:
            status = "no"
        notes = Counter(short_reason(r.detail) for r in rs
                        if r.status != "pass" or r.pinned)
        note = "; ".join(f"{n} ({k})" if k > 1 else n
                         for n, k in notes.most_common(3))
        note = note.replace("|", "\\|")
        lines.append(f"| {op} | {status} | {c['pass']} | {c['fail']} | "
                     f"{c['not-supported']} | {c['out-of-scope']} | {note} |")

    lines += ["", "## Tests that do not pass (other data folders)", ""]
    lines += ["| folder | test | status | detail |", "|---|---|---|---|"]
    for r in sorted(results, key=lambda r: (r.folder, r.name)):
        if r.folder != "node" and r.status != "pass":
            detail = short_reason(r.detail).replace("|", "\\|")
            lines.append(f"| {r.folder} | {r.name} | {r.status} | {detail} |")
    lines.append("")
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aotc", default=os.path.join(root, "build/bin/aotc"))
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--work", default=os.path.join(root, "build/onnx-backend"))
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=120,
                        help="seconds per compile and per run")
    parser.add_argument("--filter", default="",
                        help="only tests whose folder/name matches this regex")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folders of passing tests")
    parser.add_argument("--min-node-pass-rate", type=float, default=0.85)
    parser.add_argument("--write-docs", metavar="FILE")
    parser.add_argument("--check-docs", metavar="FILE",
                        help="fail when FILE differs from the generated table")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every test's result")
    args = parser.parse_args()

    tests = []
    pattern = re.compile(args.filter)
    for folder in FOLDERS:
        base = os.path.join(args.data, folder)
        for name in sorted(os.listdir(base)):
            if os.path.isdir(os.path.join(base, name)) and \
                    pattern.search(f"{folder}/{name}"):
                tests.append((folder, name))

    start = time.time()
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_test, args, f, n) for f, n in tests]
        for fut in concurrent.futures.as_completed(futures):
            r = fut.result()
            results.append(r)
            if args.verbose:
                print(f"{r.status:13} {r.folder}/{r.name}: {r.detail}",
                      flush=True)
    wall = time.time() - start
    results.sort(key=lambda r: (FOLDERS.index(r.folder), r.name))

    if not args.verbose:
        for r in results:
            if r.status == "fail":
                print(f"FAIL {r.folder}/{r.name} [{r.op}]: {r.detail}")
    crashes = [r for r in results if r.crash]
    for r in crashes:
        print(f"CRASH {r.folder}/{r.name} [{r.op}]: {r.detail}")

    per_folder = summarize(results)
    print()
    for folder in FOLDERS:
        c = per_folder.get(folder)
        if c:
            print(f"{folder:18} pass {c['pass']:4}  fail {c['fail']:4}  "
                  f"not-supported {c['not-supported']:4}  "
                  f"out-of-scope {c['out-of-scope']:4}")
    rate, in_scope = node_pass_rate(per_folder)
    total = Counter(r.status for r in results)
    print(f"summary: {len(results)} tests, pass {total['pass']}, fail "
          f"{total['fail']}, not-supported {total['not-supported']}, "
          f"out-of-scope {total['out-of-scope']}, crashes {len(crashes)}, "
          f"passes with pinned shape inputs {sum(r.pinned for r in results)}; "
          f"node in-scope pass rate {100 * rate:.1f} % of {in_scope}; "
          f"{wall:.0f} s with -j{args.jobs}")

    status = 0
    if rate < args.min_node_pass_rate and "node" in per_folder:
        print(f"error: node pass rate below {100 * args.min_node_pass_rate:g} %")
        status = 1
    if crashes:
        print(f"error: {len(crashes)} crashes")
        status = 1
    command = ("/usr/bin/python3 test/onnx-backend/run_backend_tests.py "
               "--write-docs docs/onnx-support.md")
    if args.write_docs or args.check_docs:
        text = render_docs(results, per_folder, command)
        if args.write_docs:
            os.makedirs(os.path.dirname(os.path.abspath(args.write_docs)),
                        exist_ok=True)
            with open(args.write_docs, "w") as fh:
                fh.write(text)
        if args.check_docs:
            with open(args.check_docs) as fh:
                if fh.read() != text:
                    print(f"error: {args.check_docs} is stale; regenerate: "
                          f"{command}")
                    status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
