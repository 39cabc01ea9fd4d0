#!/usr/bin/python3
"""Writes OUTDIR/lstm_lens.onnx: a bidirectional ONNX LSTM with constant
per-batch sequence_lens (4, 2, 3 of 4 steps) and torch's nn.LSTM weights,
with OUTDIR/lstm_lens.x.npy and the oracle OUTDIR/lstm_lens.{Y,Yh,Yc}.npy:
torch run on each batch's own truncated sequence, zeros past its end.

    lstm_sequence_lens.py OUTDIR
"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

os.chdir(sys.argv[1])
torch.manual_seed(0)
S,B,I,H=4,3,5,6
lstm=torch.nn.LSTM(I,H,bidirectional=True)
def onnx_w(d):
    sfx='_reverse' if d else ''
    W=getattr(lstm,'weight_ih_l0'+sfx).detach().numpy(); R=getattr(lstm,'weight_hh_l0'+sfx).detach().numpy()
    b1=getattr(lstm,'bias_ih_l0'+sfx).detach().numpy(); b2=getattr(lstm,'bias_hh_l0'+sfx).detach().numpy()
    perm=lambda a: np.concatenate([a[0:H],a[3*H:4*H],a[H:2*H],a[2*H:3*H]])  # ifgo -> iofc
    return perm(W),perm(R),np.concatenate([perm(b1),perm(b2)])
ws=[onnx_w(d) for d in range(2)]
W=np.stack([w[0] for w in ws]);R=np.stack([w[1] for w in ws]);Bb=np.stack([w[2] for w in ws])
lens=np.array([4,2,3],np.int32)
x=np.random.RandomState(1).randn(S,B,I).astype(np.float32)
inits=[numpy_helper.from_array(W,'W'),numpy_helper.from_array(R,'R'),numpy_helper.from_array(Bb,'B'),numpy_helper.from_array(lens,'L')]
node=helper.make_node('LSTM',['X','W','R','B','L'],['Y','Yh','Yc'],hidden_size=H,direction='bidirectional')
g=helper.make_graph([node],'g',[helper.make_tensor_value_info('X',TensorProto.FLOAT,[S,B,I])],
  [helper.make_tensor_value_info(n,TensorProto.FLOAT,None) for n in ['Y','Yh','Yc']],inits)
m=helper.make_model(g,opset_imports=[helper.make_opsetid('',14)]); onnx.save(m,'lstm_lens.onnx'); np.save('lstm_lens.x.npy',x)
Y=np.zeros((S,2,B,H),np.float32);Yh=np.zeros((2,B,H),np.float32);Yc=np.zeros((2,B,H),np.float32)
with torch.no_grad():
  for b in range(B):
    L=lens[b]; y,(h,c)=lstm(torch.from_numpy(x[:L,b:b+1]))
    y=y.numpy().reshape(L,2,H)
    Y[:L,:,b]=y; Yh[:,b]=h.numpy()[:,0]; Yc[:,b]=c.numpy()[:,0]
np.save('lstm_lens.Y.npy',Y);np.save('lstm_lens.Yh.npy',Yh);np.save('lstm_lens.Yc.npy',Yc)
