#!/usr/bin/python3
"""Compiles every case of the corpus that make-corpus.py wrote and checks
that aotc never crashes on it.

    run-corpus.py AOTC OUTDIR [--generate] [-j 2] [--timeout 60]
                  [--filter SUBSTRING]

With --generate it first writes the corpus into OUTDIR (emptied) with
make-corpus.py, as the ctest entry `malformed-corpus` does.

Each case of OUTDIR/manifest.json is compiled with
`AOTC CASE --emit=onnx -o /dev/null` or, when its "emit" is "obj", with
`AOTC CASE -c -o OBJ`, in a time limit. A case passes when aotc
  - exits 0, and the case is "ok" or "any"; or
  - exits 1 with exactly one stderr line that starts with `aotc: error: `
    and holds the case's path, and the case is "error" or "any"; when the
    case names a node, the line must also hold `node 'NAME' (`.
Anything else fails: a signal, another exit code, a timeout, several lines,
a line without the path, an "LLVM ERROR" or "PLEASE submit a bug report"
dump. Failures are listed with the case name, the command and the output;
the exit code is 1 when any case failed. A case with an "xfail" reason (a
known bug) is listed as XFAIL when it fails, and fails when it passes
(XPASS: the bug is fixed; remove it from make-corpus.py's KNOWN_FAILURES).
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PREFIX = "aotc: error: "


def escape_path(path):
    """The path as aotc writes it: control bytes as \\xHH."""
    return "".join(f"\\x{ord(c):02X}" if ord(c) < 0x20 or ord(c) == 0x7F
                   else c for c in path)


def check(case, path, result):
    """None when the outcome is allowed, else what is wrong with it."""
    code, stdout, stderr = result
    if code is None:
        return "timed out"
    if code < 0:
        return f"killed by signal {signal.Signals(-code).name}"
    if code == 0:
        if case["expect"] == "error":
            return "compiled, but the model is invalid"
        return None
    if code != 1:
        return f"exit code {code}"
    if case["expect"] == "ok":
        return "refused a valid model"
    lines = stderr.splitlines()
    if len(lines) != 1:
        return f"{len(lines)} lines on stderr, not 1"
    line = lines[0]
    if not line.startswith(PREFIX):
        return f"the line does not start with '{PREFIX}'"
    if escape_path(path) not in line:
        return "the line does not name the file"
    for marker in ("LLVM ERROR", "PLEASE submit a bug report"):
        if marker in line:
            return f"'{marker}'"
    if "node" in case and f"node '{case['node']}' (" not in line:
        return f"the line does not name node '{case['node']}'"
    return None


def compile_case(aotc, folder, scratch, case, timeout):
    path = os.path.join(folder, case["file"])
    if case["emit"] == "obj":
        obj = os.path.join(scratch, case["file"] + ".o")
        command = [aotc, path, "-c", "-o", obj]
    else:
        command = [aotc, path, "--emit=onnx", "-o", os.devnull]
    start = time.monotonic()
    try:
        proc = subprocess.run(command, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
        result = (proc.returncode, proc.stdout.decode(errors="replace"),
                  proc.stderr.decode(errors="replace"))
    except subprocess.TimeoutExpired as expired:
        result = (None, "", (expired.stderr or b"").decode(errors="replace"))
    seconds = time.monotonic() - start
    if case["emit"] == "obj" and os.path.exists(obj):
        os.remove(obj)
    return command, result, seconds, check(case, path, result)


def quote(argument):
    return argument if argument.isprintable() and " " not in argument \
        else ascii(argument)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("aotc")
    parser.add_argument("outdir")
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--filter", default="")
    parser.add_argument("--generate", action="store_true")
    args = parser.parse_args()

    if args.generate:
        shutil.rmtree(args.outdir, ignore_errors=True)
        maker = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "make-corpus.py")
        subprocess.run([sys.executable, maker, args.outdir], check=True)

    with open(os.path.join(args.outdir, "manifest.json")) as f:
        cases = [c for c in json.load(f) if args.filter in c["file"]]
    folder = os.path.join(args.outdir, "cases")
    start = time.monotonic()
    failures, xfails, slowest = [], [], []
    outcomes = {"ok": 0, "error": 0}
    with tempfile.TemporaryDirectory() as scratch, \
            concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        futures = {pool.submit(compile_case, args.aotc, folder, scratch, c,
                               args.timeout): c for c in cases}
        for future in concurrent.futures.as_completed(futures):
            case = futures[future]
            command, (code, _, stderr), seconds, problem = future.result()
            slowest.append((seconds, case["file"]))
            if problem and "xfail" in case:
                xfails.append((case["file"], case["xfail"]))
            elif problem:
                failures.append((case["file"], command, code, stderr,
                                 problem))
            elif "xfail" in case:
                failures.append((case["file"], command, code, stderr,
                                 "XPASS: passes now; remove it from "
                                 "KNOWN_FAILURES"))
            else:
                outcomes["ok" if code == 0 else "error"] += 1
    for name, reason in sorted(xfails):
        print(f"XFAIL {name}: {reason}")
    for name, command, code, stderr, problem in sorted(failures):
        print(f"FAIL {ascii(name)}: {problem}")
        print(f"  $ {' '.join(quote(a) for a in command)}")
        print(f"  exit {code}")
        tail = stderr.splitlines()[:8]
        for line in tail:
            print(f"  | {line[:400]}")
        if len(stderr.splitlines()) > len(tail):
            print(f"  | ... ({len(stderr.splitlines())} lines)")
    slowest.sort(reverse=True)
    print("slowest: " + ", ".join(f"{n} {s:.1f} s" for s, n in slowest[:3]))
    print(f"run-corpus: {len(cases)} cases, {outcomes['ok']} compiled, "
          f"{outcomes['error']} refused in one line, {len(xfails)} known "
          f"failures, {len(failures)} failed "
          f"({time.monotonic() - start:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
