#!/usr/bin/env python3
"""The worked example of `atrous diagnose`: the seed's custom Keras layer, run in TensorFlow.

The layer means to be one dilated convolution at rate 2 with a bias. It runs a Conv2D with
padding='same' and then tf.nn.atrous_conv2d with the same kernel, and leaves the bias
"implicit". It runs without complaint; `atrous diagnose` tells what it computes.

Writes, next to this file: seed-input-16x16x2.npy (the input, H,W,C), seed-kernel-3x3x2x2.npy
(the layer's kernel, HWIO) and seed-output-16x16x2.npy (what the layer returned).
Needs numpy, tensorflow and keras 3.
"""
import os
import numpy as np
import tensorflow as tf
import keras

here = os.path.dirname(os.path.abspath(__file__))


class SeedAtrousLayer(keras.layers.Layer):
    """A dilated convolution as the seed wrote it."""

    def __init__(self, filters, kernel_size, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.conv = keras.layers.Conv2D(filters, kernel_size, padding="same")

    def call(self, x):
        y = self.conv(x)
        # "The bias is handled implicitly by the Conv2D above."
        return tf.nn.atrous_conv2d(y, self.conv.kernel, rate=self.rate, padding="SAME")


rng = np.random.default_rng(2026)
x = (rng.integers(0, 256, size=(16, 16, 2)) / 255).astype(np.float32)
k = (rng.integers(-64, 65, size=(3, 3, 2, 2)) / 64).astype(np.float32)

layer = SeedAtrousLayer(filters=2, kernel_size=3, rate=2)
layer(x[None])  # builds the inner Conv2D, whose weights exist only after a first call
layer.conv.set_weights([k, np.zeros(2, np.float32)])  # Conv2D's bias starts at zero, as Keras makes it
y = layer(x[None])[0].numpy()

np.save(os.path.join(here, "seed-input-16x16x2.npy"), x)
np.save(os.path.join(here, "seed-kernel-3x3x2x2.npy"), k)
np.save(os.path.join(here, "seed-output-16x16x2.npy"), y)
print("input", x.shape, "kernel", k.shape, "output", y.shape)
