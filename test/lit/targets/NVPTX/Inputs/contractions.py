"""Writes contractions.onnx (a matmul with bias and Relu, a Gemm with
transposed weights, a batched matmul of two inputs, a strided padded
convolution, all with sizes that are not multiples of the GPU tiles), its
inputs and the outputs torch computes, into the folder given."""
import sys

import numpy as np
import torch

from onnx_builders import f32, initializer, model, node, save

out = sys.argv[1]
r = np.random.default_rng(0)
w_mm = r.standard_normal((70, 1100), dtype=np.float32)
b_mm = r.standard_normal((1100,), dtype=np.float32)
w_gemm = r.standard_normal((47, 50), dtype=np.float32)
w_conv = r.standard_normal((20, 5, 3, 3), dtype=np.float32)
b_conv = r.standard_normal((20,), dtype=np.float32)
save(model([node('MatMul', ['a', 'w_mm'], ['m']), node('Add', ['m', 'b_mm'], ['s']),
            node('Relu', ['s'], ['mm']),
            node('Gemm', ['g', 'w_gemm'], ['gemm'], transB=1),
            node('MatMul', ['x', 'y'], ['bmm']),
            node('Conv', ['c', 'w_conv', 'b_conv'], ['conv'], pads=[1, 1, 1, 1],
                 strides=[2, 2])],
           [f32('a', [700, 70]), f32('g', [33, 50]), f32('x', [3, 40, 24]),
            f32('y', [3, 24, 72]), f32('c', [2, 5, 19, 17])],
           [f32('mm', [700, 1100]), f32('gemm', [33, 47]), f32('bmm', [3, 40, 72]),
            f32('conv', [2, 20, 10, 9])],
           [initializer('w_mm', w_mm), initializer('b_mm', b_mm),
            initializer('w_gemm', w_gemm), initializer('w_conv', w_conv),
            initializer('b_conv', b_conv)]),
     f'{out}/contractions.onnx')

inputs = {name: r.standard_normal(shape, dtype=np.float32) for name, shape in
          [('a', (700, 70)), ('g', (33, 50)), ('x', (3, 40, 24)),
           ('y', (3, 24, 72)), ('c', (2, 5, 19, 17))]}
for name, value in inputs.items():
    np.save(f'{out}/{name}.npy', value)
t = {name: torch.from_numpy(value) for name, value in inputs.items()}
expected = {
    'mm': torch.relu(t['a'] @ torch.from_numpy(w_mm) + torch.from_numpy(b_mm)),
    'gemm': t['g'] @ torch.from_numpy(w_gemm).T,
    'bmm': t['x'] @ t['y'],
    'conv': torch.nn.functional.conv2d(t['c'], torch.from_numpy(w_conv),
                                       torch.from_numpy(b_conv), stride=2,
                                       padding=1),
}
for name, value in expected.items():
    np.save(f'{out}/{name}.expected.npy', value.numpy())
