#!/usr/bin/env python3
"""Writes the `atrous diagnose` reference cases: small arrays computed by TensorFlow, Keras and
PyTorch with one convention each, and cases.json naming what the diagnosis must find first.
Usage: make_cases.py   (run from anywhere; writes next to this file). Needs numpy, tensorflow,
and torch for the PyTorch cases."""
import json, os
import numpy as np
import tensorflow as tf
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(14)
cases = []

def arr(*shape):
    return rng.integers(-100, 101, size=shape).astype(np.float32) / 50

def save(name, x, k, y, expect, b=None):
    for part, a in (("input", x), ("kernel", k), ("actual", y), ("bias", b)):
        if a is not None:
            np.save(os.path.join(here, f"{name}_{part}.npy"), np.asarray(a, dtype=np.float32))
    case = {"name": name, "input": f"{name}_input.npy", "kernel": f"{name}_kernel.npy",
            "actual": f"{name}_actual.npy", "expect": expect}
    if b is not None:
        case["bias"] = f"{name}_bias.npy"
    cases.append(case)

# TensorFlow's standard call, with its bias.
x, k, b = arr(12, 11, 2), arr(3, 3, 2, 3), arr(3)
y = tf.nn.atrous_conv2d(x[None], k, 2, "SAME")[0].numpy() + b
save("tf_atrous_same", x, k, y, {"padding": "same", "rate": [2, 2], "stride": [1, 1], "bias": "used",
                                 "tensorflow_standard": True}, b)

# tf.nn.conv2d with a stride and different rates per axis, VALID.
x, k = arr(15, 14, 2), arr(3, 2, 2, 2)
y = tf.nn.conv2d(x[None], k, strides=[2, 1], padding="VALID", dilations=[1, 3])[0].numpy()
save("tf_conv2d_strided_valid", x, k, y, {"padding": "valid", "rate": [1, 3], "stride": [2, 1],
                                          "tensorflow_standard": True})

# PyTorch: channels first, symmetric padding=1 at dilation 2 (TensorFlow SAME would pad 2).
x, k = arr(2, 12, 12), arr(3, 3, 2, 2)
w = torch.from_numpy(k).permute(3, 2, 0, 1)  # HWIO -> OIHW
y = F.conv2d(torch.from_numpy(x)[None], w, padding=1, dilation=2)[0].numpy()
save("torch_nchw_symmetric", x, k, y, {"input_layout": "nchw", "padding": "symmetric", "pads": [1, 1, 1, 1],
                                       "rate": [2, 2]})

# PyTorch: reflect padding through F.pad, then a dilated convolution.
x, k = arr(2, 10, 11), arr(3, 3, 2, 1)
w = torch.from_numpy(k).permute(3, 2, 0, 1)
y = F.conv2d(F.pad(torch.from_numpy(x)[None], (2, 2, 2, 2), mode="reflect"), w, dilation=2)[0].numpy()
save("torch_reflect", x, k, y, {"input_layout": "nchw", "fill": "reflect", "pads": [2, 2, 2, 2], "rate": [2, 2]})

# Keras Conv1D with causal padding at dilation 3: one row of 20 steps.
x, k = arr(1, 20, 2), arr(1, 3, 2, 2)
layer = tf.keras.layers.Conv1D(2, 3, padding="causal", dilation_rate=3, use_bias=False)
layer.build((1, 20, 2))
layer.set_weights([k[0]])
y = layer(x)[0].numpy()[None]
save("keras_conv1d_causal", x, k, y, {"padding": "causal", "pads": [0, 0, 6, 0], "rate": [1, 3]})

# scipy-style true convolution: the kernel turned by 180 degrees, SAME.
x, k = arr(11, 12, 2), arr(3, 3, 2, 2)
y = tf.nn.conv2d(x[None], k[::-1, ::-1], strides=1, padding="SAME")[0].numpy()
save("tf_true_convolution", x, k, y, {"kernel": "flipped", "padding": "same"})

# A kernel saved as (kw, kh) but meant as (kh, kw).
x, k = arr(12, 12, 1), arr(2, 4, 1, 2)
y = tf.nn.conv2d(x[None], np.transpose(k, (1, 0, 2, 3)), strides=1, padding="VALID", dilations=2)[0].numpy()
save("tf_swapped_axes", x, k, y, {"kernel": "swapped-axes", "padding": "valid", "rate": [2, 2]})

# A kernel saved as HWOI (Cout before Cin) but read as HWIO.
x, k = arr(10, 10, 3), arr(3, 3, 2, 3)
y = tf.nn.conv2d(x[None], np.transpose(k, (0, 1, 3, 2)), strides=1, padding="SAME", dilations=3)[0].numpy()
save("tf_swapped_channels", x, k, y, {"kernel": "swapped-channels", "padding": "same", "rate": [3, 3]})

with open(os.path.join(here, "cases.json"), "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print(f"{len(cases)} cases")
