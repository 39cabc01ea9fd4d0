#!/usr/bin/python3
"""Exports reference models with PyTorch (Debian's python3-torch and
python3-torchvision) and records torch's own outputs as the oracle.

    torch_models.py NAME OUTDIR [--opset N]

writes OUTDIR/NAME.onnx, OUTDIR/NAME.input.npy and OUTDIR/NAME.expected.npy.
Weights are random with a fixed seed; exports are cached: an existing,
complete set of files is kept.
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn as nn


class LeNet(nn.Module):
    """A small LeNet-style CNN: conv, pool, relu, linear, softmax."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2))
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
            nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10), nn.Softmax(dim=1))

    def forward(self, x):
        return self.classifier(self.features(x))


class TransformerBlock(nn.Module):
    """A BERT-style encoder block: multi-head self-attention, LayerNorm,
    GELU feed-forward. Exported with dynamic batch and sequence axes, torch
    computes every reshape from Shape ops at run time."""

    def __init__(self, dim=64, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.norm1 = nn.LayerNorm(dim)
        self.norm2 = nn.LayerNorm(dim)
        self.ffn = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(),
                                 nn.Linear(4 * dim, dim))

    def forward(self, x):
        batch, seq, dim = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        split = lambda t: t.reshape(batch, seq, self.heads, -1).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        scores = q @ k.transpose(-2, -1) / (q.shape[-1] ** 0.5)
        attention = torch.softmax(scores, dim=-1) @ v
        x = self.norm1(x + self.proj(attention.transpose(1, 2).reshape(batch, seq, dim)))
        return self.norm2(x + self.ffn(x))


def torchvision_model(name):
    import torchvision
    return lambda: getattr(torchvision.models, name)()


MODELS = {
    # name: (constructor, input shape)
    "transformer_block": (TransformerBlock, (2, 16, 64)),
    "lenet": (LeNet, (1, 1, 28, 28)),
    "resnet18": (torchvision_model("resnet18"), (1, 3, 224, 224)),
    "resnet50": (torchvision_model("resnet50"), (1, 3, 224, 224)),
    "mobilenet_v2": (torchvision_model("mobilenet_v2"), (1, 3, 224, 224)),
}


def randomize_batchnorm(model):
    """Fresh BatchNorm layers are identities; give them real statistics so
    the test exercises them."""
    generator = torch.Generator().manual_seed(1)
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            n = module.num_features
            module.running_mean.copy_(torch.randn(n, generator=generator) * 0.1)
            module.running_var.copy_(torch.rand(n, generator=generator) + 0.5)
            module.weight.data.copy_(torch.rand(n, generator=generator) + 0.5)
            module.bias.data.copy_(torch.randn(n, generator=generator) * 0.1)


def export(name, outdir, opset):
    base = os.path.join(outdir, name if opset == 13 else f"{name}-opset{opset}")
    paths = [base + ".onnx", base + ".input.npy", base + ".expected.npy"]
    if all(os.path.exists(p) for p in paths):
        return
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    constructor, shape = MODELS[name]
    model = constructor().eval()
    with torch.no_grad():
        randomize_batchnorm(model)
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        expected = model(x).numpy()
    tmp = base + ".onnx.tmp"
    # Transformers get symbolic batch and sequence axes, as real exports do.
    dynamic_axes = ({"input": {0: "batch", 1: "sequence"}}
                    if name.startswith("transformer") else None)
    torch.onnx.export(model, x, tmp, opset_version=opset,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes=dynamic_axes)
    np.save(base + ".input.npy", x.numpy())
    np.save(base + ".expected.npy", expected)
    os.replace(tmp, base + ".onnx")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("name", choices=sorted(MODELS))
    parser.add_argument("outdir")
    parser.add_argument("--opset", type=int, default=13)
    args = parser.parse_args()
    export(args.name, args.outdir, args.opset)


if __name__ == "__main__":
    sys.exit(main())
