#!/usr/bin/env python3
"""Evaluates the TensorFlow expression `atrous diagnose` names for a finding and prints the
largest difference to the actual output.
Usage: eval_call.py INPUT KERNEL ACTUAL BIAS|- EXPRESSION
x is the input with a batch axis (and for a 2-D map a channel axis) added, k the kernel as
HWIO, b the bias; the actual output is read the same way as x."""
import sys
import numpy as np
import tensorflow as tf

def four_d(a):
    return a[None, :, :, None] if a.ndim == 2 else a[None] if a.ndim == 3 else a

x = four_d(np.load(sys.argv[1]).astype(np.float64))
k = np.load(sys.argv[2]).astype(np.float64)
k = k[:, :, None, None] if k.ndim == 2 else k
actual = four_d(np.load(sys.argv[3]).astype(np.float64))
b = None if sys.argv[4] == "-" else np.load(sys.argv[4]).astype(np.float64)
y = np.asarray(eval(sys.argv[5]))
print(float(np.max(np.abs(y - actual))) if y.shape == actual.shape else f"shape {y.shape} != {actual.shape}")
