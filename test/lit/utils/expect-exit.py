#!/usr/bin/python3
"""Runs a command and succeeds only if it exits with the given code.

    expect-exit.py CODE COMMAND [ARGS...]

The command's output passes through. Unlike `not`, this tells an orderly
failure (exit code 1) from a crash (a signal or another code).
"""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write(f"expect-exit: {sys.argv[2]} exited with {code}, expected {expected}\n")
    sys.exit(1)
