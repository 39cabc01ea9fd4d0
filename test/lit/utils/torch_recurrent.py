#!/usr/bin/python3
"""Exports recurrent models (nn.LSTM, nn.GRU) with PyTorch and records torch's
own outputs as the oracle: sequences, and single steps whose state is carried
between calls as streaming models (voice-activity detectors) do.

    torch_recurrent.py NAME OUTDIR

writes OUTDIR/NAME.onnx, OUTDIR/NAME.INPUT.npy for each input and
OUTDIR/NAME.OUTPUT.expected.npy for each output. Weights are random with a
fixed seed; an existing, complete set of files is kept.
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn as nn


class LstmSequence(nn.Module):
    """Two bidirectional LSTM layers, hidden 64, over a whole sequence."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 64, num_layers=2, bidirectional=True)

    def forward(self, x, h0, c0):
        return self.lstm(x, (h0, c0))


class LstmStep(nn.Module):
    """A voice-activity detector's shape: features, one LSTM step whose state
    the caller carries to the next call, a probability."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(32, 64)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.decoder = nn.Linear(64, 1)

    def forward(self, x, h, c):
        features = torch.relu(self.encoder(x)).unsqueeze(1)
        out, (hn, cn) = self.lstm(features, (h, c))
        return torch.sigmoid(self.decoder(out[:, -1])), hn, cn


class GruSequence(nn.Module):
    """A batch-first GRU over a sequence, with an initial state."""

    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(16, 48, batch_first=True)

    def forward(self, x, h0):
        return self.gru(x, h0)


class GruStep(nn.Module):
    """One GRU step with its state carried between calls."""

    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(32, 64)

    def forward(self, x, h):
        return self.gru(x, h)


def randn(*shape):
    return lambda generator: torch.randn(*shape, generator=generator)


MODELS = {
    # name: (constructor, {input: maker}, output names)
    "lstm_sequence": (LstmSequence, {"x": randn(10, 2, 16), "h0": randn(4, 2, 64),
                                     "c0": randn(4, 2, 64)}, ["y", "hn", "cn"]),
    "lstm_step": (LstmStep, {"x": randn(1, 32), "h": randn(1, 1, 64),
                             "c": randn(1, 1, 64)}, ["prob", "hn", "cn"]),
    "gru_sequence": (GruSequence, {"x": randn(2, 10, 16), "h0": randn(1, 2, 48)},
                     ["y", "hn"]),
    "gru_step": (GruStep, {"x": randn(1, 1, 32), "h": randn(1, 1, 64)}, ["y", "hn"]),
}


def export(name, outdir):
    base = os.path.join(outdir, name)
    constructor, input_makers, output_names = MODELS[name]
    paths = [base + ".onnx"] + [f"{base}.{i}.npy" for i in input_makers] + \
        [f"{base}.{o}.expected.npy" for o in output_names]
    if all(os.path.exists(p) for p in paths):
        return
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    model = constructor().eval()
    generator = torch.Generator().manual_seed(2)
    inputs = {i: make(generator) for i, make in input_makers.items()}
    args = tuple(inputs.values())
    with torch.no_grad():
        outputs = model(*args)
    # nn.LSTM returns (y, (h, c)); flatten to the exported outputs' order.
    flat = []
    for output in outputs:
        flat.extend(output if isinstance(output, tuple) else [output])
    tmp = base + ".onnx.tmp"
    torch.onnx.export(model, args, tmp, opset_version=14,
                      input_names=list(inputs), output_names=output_names)
    for i, value in inputs.items():
        np.save(f"{base}.{i}.npy", value.numpy())
    for o, value in zip(output_names, flat):
        np.save(f"{base}.{o}.expected.npy", value.numpy())
    os.replace(tmp, base + ".onnx")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("name", choices=sorted(MODELS))
    parser.add_argument("outdir")
    args = parser.parse_args()
    export(args.name, args.outdir)


if __name__ == "__main__":
    sys.exit(main())
