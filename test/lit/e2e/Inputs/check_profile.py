"""Checks the table of `--bench N --profile`: rows sorted by median time,
each naming an ONNX node, and their sum between half the median run and
10 % above it: kernels run inside the run, and the I/O copies between them
are not timed. The wide band checks the clock's units, not the speed."""
import re
import sys

lines = open(sys.argv[1]).read().splitlines()
median = float(next(l.split()[1] for l in lines if l.startswith("median: ")))
start = next(i for i, l in enumerate(lines) if l.startswith("profile: ")) + 2
rows = [l for l in lines[start:] if not l.startswith("kernels: ")]
times = [float(r.split()[0]) for r in rows]
named = all(re.search(r" /\S+/\S+$|, /\S+$", r) for r in rows)
total = sum(times) / 1000.0
within = 0.5 * median <= total <= 1.1 * median
print(f"rows: {len(rows)}, {'sorted' if times == sorted(times, reverse=True) else 'unsorted'}, "
      f"{'every row names a node' if named else 'a row names no node'}, "
      f"sum {'within' if within else 'outside'} [0.5, 1.1] x the median run"
      + ("" if within else f" ({total:.4f} ms vs median {median:.4f} ms)"))
