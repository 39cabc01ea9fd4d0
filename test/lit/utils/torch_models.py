#!/usr/bin/python3
"""Exports reference models with PyTorch (Debian's python3-torch and
python3-torchvision) and records torch's own outputs as the oracle.

    torch_models.py NAME OUTDIR [--opset N]

writes OUTDIR/NAME.onnx, OUTDIR/NAME.expected.npy and OUTDIR/NAME.INPUT.npy for
each model input.
Weights are random with a fixed seed; exports are cached: an existing,
complete set of files is kept.
"""
import argparse
import math
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


class SelfAttention(nn.Module):
    """Multi-head self-attention as BERT and GPT-2 write it: separate
    projections, scores scaled by 1/sqrt(head size), an additive mask."""

    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(dim, dim)
        self.key = nn.Linear(dim, dim)
        self.value = nn.Linear(dim, dim)
        self.output = nn.Linear(dim, dim)

    def forward(self, x, mask):
        batch, seq, dim = x.shape
        split = lambda t: t.view(batch, seq, self.heads, -1).permute(0, 2, 1, 3)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dim // self.heads)
        probabilities = torch.softmax(scores + mask, dim=-1)
        context = torch.matmul(probabilities, v).permute(0, 2, 1, 3)
        return self.output(context.reshape(batch, seq, dim))


class EncoderLayer(nn.Module):
    """BERT's post-norm layer: attention, residual, LayerNorm, GELU (erf)
    feed-forward, residual, LayerNorm."""

    def __init__(self, dim, heads):
        super().__init__()
        self.attention = SelfAttention(dim, heads)
        self.norm1 = nn.LayerNorm(dim, eps=1e-12)
        self.ffn = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(),
                                 nn.Linear(4 * dim, dim))
        self.norm2 = nn.LayerNorm(dim, eps=1e-12)

    def forward(self, x, mask):
        x = self.norm1(x + self.attention(x, mask))
        return self.norm2(x + self.ffn(x))


class Bert(nn.Module):
    """A BERT-style encoder: token, position and segment embeddings, a
    padding mask from attention_mask, post-norm encoder layers, the last
    hidden state as output."""

    def __init__(self, vocab=1000, dim=64, heads=4, layers=3, max_len=128):
        super().__init__()
        self.tokens = nn.Embedding(vocab, dim)
        self.positions = nn.Embedding(max_len, dim)
        self.segments = nn.Embedding(2, dim)
        self.norm = nn.LayerNorm(dim, eps=1e-12)
        self.layers = nn.ModuleList(EncoderLayer(dim, heads) for _ in range(layers))

    def forward(self, input_ids, attention_mask):
        seq = input_ids.shape[1]
        positions = torch.arange(seq, dtype=torch.long).unsqueeze(0)
        x = self.tokens(input_ids) + self.positions(positions) + \
            self.segments(torch.zeros_like(input_ids))
        x = self.norm(x)
        mask = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, mask)
        return x


class DecoderLayer(nn.Module):
    """GPT-2's pre-norm layer with its tanh-form GELU."""

    def __init__(self, dim, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attention = SelfAttention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.ffn = nn.Sequential(nn.Linear(dim, 4 * dim),
                                 nn.GELU(approximate="tanh"),
                                 nn.Linear(4 * dim, dim))

    def forward(self, x, mask):
        x = x + self.attention(self.norm1(x), mask)
        return x + self.ffn(self.norm2(x))


class Gpt2(nn.Module):
    """A GPT-2-style decoder: causal mask sliced from a lower-triangular
    buffer as GPT-2 does, pre-norm layers, final LayerNorm and a language
    model head tied to the token embedding."""

    def __init__(self, vocab=1000, dim=64, heads=4, layers=3, max_len=128):
        super().__init__()
        self.tokens = nn.Embedding(vocab, dim)
        self.positions = nn.Embedding(max_len, dim)
        self.layers = nn.ModuleList(DecoderLayer(dim, heads) for _ in range(layers))
        self.norm = nn.LayerNorm(dim)
        self.register_buffer("causal", torch.tril(torch.ones(max_len, max_len)).bool())

    def forward(self, input_ids):
        seq = input_ids.shape[1]
        positions = torch.arange(seq, dtype=torch.long).unsqueeze(0)
        x = self.tokens(input_ids) + self.positions(positions)
        allowed = self.causal[:seq, :seq]
        mask = torch.where(allowed, torch.tensor(0.0),
                           torch.tensor(torch.finfo(torch.float32).min))
        for layer in self.layers:
            x = layer(x, mask)
        return torch.matmul(self.norm(x), self.tokens.weight.t())


def vit():
    """torchvision's VisionTransformer at a small size, with a random head
    (torchvision starts it at zero)."""
    from torchvision.models.vision_transformer import VisionTransformer
    model = VisionTransformer(image_size=32, patch_size=8, num_layers=3, num_heads=4,
                              hidden_dim=64, mlp_dim=256, num_classes=10)
    nn.init.normal_(model.heads.head.weight, std=0.1)
    return model


class ConvBatchNorm(nn.Module):
    """Convolutions followed by BatchNorm (a grouped one too), exported with
    the eval-mode peephole off so that BatchNormalization stays in the graph."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 8, 3, groups=2, bias=False), nn.BatchNorm2d(8))

    def forward(self, x):
        return self.layers(x)


def torchvision_model(name):
    import torchvision
    return lambda: getattr(torchvision.models, name)()


def image(*shape):
    return lambda generator: torch.randn(*shape, generator=generator)


def token_ids(batch, seq, vocab=1000):
    return lambda generator: torch.randint(0, vocab, (batch, seq), generator=generator)


def padding_mask(batch, seq):
    """All ones but the second sequence's last quarter: padding."""
    def make(generator):
        mask = torch.ones(batch, seq, dtype=torch.long)
        mask[1:, seq - seq // 4:] = 0
        return mask
    return make


BATCH_AND_SEQUENCE = {0: "batch", 1: "sequence"}

MODELS = {
    # name: (constructor, {input name: maker}, dynamic axes per input)
    "transformer_block": (TransformerBlock, {"input": image(2, 16, 64)},
                          {"input": BATCH_AND_SEQUENCE}),
    "bert": (Bert, {"input_ids": token_ids(2, 16), "attention_mask": padding_mask(2, 16)},
             {"input_ids": BATCH_AND_SEQUENCE, "attention_mask": BATCH_AND_SEQUENCE}),
    # BERT-mini's size (4 layers, 256 wide, 4 heads) at sequence 128: the
    # benchmark's model.
    "bert_mini": (lambda: Bert(vocab=30522, dim=256, heads=4, layers=4, max_len=512),
                  {"input_ids": token_ids(1, 128, 30522), "attention_mask": padding_mask(1, 128)},
                  {"input_ids": BATCH_AND_SEQUENCE, "attention_mask": BATCH_AND_SEQUENCE}),
    "gpt2": (Gpt2, {"input_ids": token_ids(2, 16)}, {"input_ids": BATCH_AND_SEQUENCE}),
    "vit": (vit, {"input": image(2, 3, 32, 32)}, {"input": {0: "batch"}}),
    "lenet": (LeNet, {"input": image(1, 1, 28, 28)}, None),
    "resnet18": (torchvision_model("resnet18"), {"input": image(1, 3, 224, 224)}, None),
    "resnet50": (torchvision_model("resnet50"), {"input": image(1, 3, 224, 224)}, None),
    "mobilenet_v2": (torchvision_model("mobilenet_v2"), {"input": image(1, 3, 224, 224)}, None),
    "conv_bn": (ConvBatchNorm, {"input": image(1, 3, 16, 16)}, None),
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
    """Writes OUTDIR/BASE.onnx, BASE.expected.npy and BASE.INPUT.npy for each
    input (BASE is NAME, or NAME-opsetN when N is not 13)."""
    base = os.path.join(outdir, name if opset == 13 else f"{name}-opset{opset}")
    constructor, input_makers, dynamic_axes = MODELS[name]
    paths = [base + ".onnx", base + ".expected.npy"] + \
        [f"{base}.{input}.npy" for input in input_makers]
    if all(os.path.exists(p) for p in paths):
        return
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    model = constructor().eval()
    with torch.no_grad():
        randomize_batchnorm(model)
    generator = torch.Generator().manual_seed(2)
    inputs = {input: make(generator) for input, make in input_makers.items()}
    args = tuple(inputs.values())
    with torch.no_grad():
        expected = model(*args).numpy()
    tmp = base + ".onnx.tmp"
    # Exported with gradients enabled: torch's fused attention fast path (not
    # exportable) is taken only without them.
    torch.onnx.export(model, args, tmp, opset_version=opset,
                      input_names=list(inputs), output_names=["output"],
                      dynamic_axes=dynamic_axes,
                      # Else torch folds BatchNorm into the Conv itself.
                      training=(torch.onnx.TrainingMode.PRESERVE
                                if name == "conv_bn" else
                                torch.onnx.TrainingMode.EVAL))
    for input, value in inputs.items():
        np.save(f"{base}.{input}.npy", value.numpy())
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
