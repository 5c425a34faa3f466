"""Makes the model fixtures of `atrous rf --model` and the numbers they must give.

Four tiny networks, each built twice, in PyTorch (exported to ONNX) and in Keras 3 (saved as
.keras): a WaveNet-like causal 1-D stack with residual sums, a ResNet-like stem and two blocks
(max pooling, identity and projection skips), a DeepLab-like ASPP head (parallel dilated
branches and an image-pooling branch) and a MobileNet-like depthwise stack. One Keras model is
also written as a bare model JSON (`model.to_json()`) with its input size left open.

The expected path counts are the frameworks' own gradients: the gradient of one output cell
with respect to the input, in float64, of the same network with every weight one and every bias
zero, activations and batch normalisation removed (the identity), max pooling replaced by sum
pooling and global average pooling by a global sum. One channel runs through each branch (the
depthwise layers keep their channels apart), so the gradient counts spatial paths only. The
receptive field and jump come from the gradients too: the field is the span of the non-zero
gradient of an interior cell with the global branch cut, the jump the shift of that span
between the cell and its neighbour.

Run from this directory: python3 make_models.py (PyTorch, ONNX and Keras 3 with TensorFlow).
"""
import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# oneDNN's float64 convolution gradient fails on some shapes; the reference kernels do not.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import keras
from keras import layers, ops
import tensorflow as tf

torch.manual_seed(0)
HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- PyTorch

class SumPool2d(nn.Module):
    """Max pooling's window with every cell summed: a depthwise convolution of ones."""
    def __init__(self, channels, k, s, p):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, k, s, p, groups=channels, bias=False)

    def forward(self, x):
        return self.conv(x)


def act(reference, kind=nn.ReLU):
    return nn.Identity() if reference else kind()


def norm(reference, channels=1):
    return nn.Identity() if reference else nn.BatchNorm2d(channels)


class WaveNet(nn.Module):
    rates = (1, 2, 4, 8)

    def __init__(self, reference):
        super().__init__()
        self.convs = nn.ModuleList(nn.Conv1d(1, 1, 2, dilation=r) for r in self.rates)
        self.act = act(reference, nn.Tanh)

    def forward(self, x):
        h = x
        for i, (conv, r) in enumerate(zip(self.convs, self.rates)):
            y = self.act(conv(F.pad(h, (r, 0))))
            h = h + y if i >= 2 else y
        return h


class ResNetBlock(nn.Module):
    def __init__(self, reference):
        super().__init__()
        r = reference
        self.stem = nn.Sequential(nn.Conv2d(1, 1, 3, 2, 1), norm(r), act(r))
        self.pool = SumPool2d(1, 3, 2, 1) if r else nn.MaxPool2d(3, 2, 1)
        self.a1 = nn.Sequential(nn.Conv2d(1, 1, 3, 1, 1), norm(r), act(r))
        self.b1 = nn.Sequential(nn.Conv2d(1, 1, 3, 1, 1), norm(r))
        self.a2 = nn.Sequential(nn.Conv2d(1, 1, 3, 2, 1), norm(r), act(r))
        self.b2 = nn.Sequential(nn.Conv2d(1, 1, 3, 1, 1), norm(r))
        self.skip2 = nn.Conv2d(1, 1, 1, 2)
        self.act = act(r)

    def forward(self, x):
        x = self.pool(self.stem(x))
        x = self.act(self.b1(self.a1(x)) + x)
        return self.act(self.b2(self.a2(x)) + self.skip2(x))


class ASPP(nn.Module):
    rates = (2, 4, 6)

    def __init__(self, reference, cut_pooling=False):
        super().__init__()
        r = reference
        self.reference, self.cut = reference, cut_pooling
        self.stem = nn.Sequential(nn.Conv2d(1, 1, 3, 2, 1), act(r))
        self.branch0 = nn.Conv2d(1, 1, 1)
        self.branches = nn.ModuleList(nn.Conv2d(1, 1, 3, padding=rate, dilation=rate) for rate in self.rates)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.pool_conv = nn.Sequential(nn.Conv2d(1, 1, 1), act(r))
        self.project = nn.Conv2d(2 + len(self.rates), 1, 1)

    def forward(self, x):
        x = self.stem(x)
        pooled = x.sum((2, 3), keepdim=True) if self.reference else self.pool(x)
        pooled = self.pool_conv(pooled)
        if self.cut:
            pooled = pooled * 0
        pooled = F.interpolate(pooled, size=x.shape[2:], mode="nearest")
        return self.project(torch.cat([self.branch0(x)] + [b(x) for b in self.branches] + [pooled], 1))


class MobileNet(nn.Module):
    def __init__(self, reference):
        super().__init__()
        r = reference
        relu6 = lambda: act(r, nn.ReLU6)
        self.layers = nn.Sequential(
            nn.Conv2d(1, 2, 3, 2, 1), norm(r, 2), relu6(),
            nn.Conv2d(2, 2, 3, 1, 1, groups=2), norm(r, 2), relu6(),
            nn.Conv2d(2, 2, 3, 1, 2, dilation=2, groups=2), norm(r, 2), relu6(),
            nn.Conv2d(2, 2, 3, 2, 1, groups=2), relu6())

    def forward(self, x):
        return self.layers(x)


def torch_ones(module):
    with torch.no_grad():
        for m in module.modules():
            if isinstance(m, (nn.Conv1d, nn.Conv2d)):
                m.weight.fill_(1)
                if m.bias is not None:
                    m.bias.zero_()
    return module.double()


def torch_gradient(module, shape, cell):
    x = torch.zeros(shape, dtype=torch.float64, requires_grad=True)
    y = module(x)
    index = (0, 0) + tuple(cell) if y.dim() == 4 else (0, 0, cell[1])
    y[index].backward()
    g = x.grad[0].sum(0).numpy()
    return g.reshape(1, -1) if g.ndim == 1 else g


# ---------------------------------------------------------------- Keras

def k_act(reference, name="relu"):
    return layers.Identity() if reference else layers.Activation(name)


def k_norm(reference):
    return layers.Identity() if reference else layers.BatchNormalization()


def keras_wavenet(reference, length=32):
    inputs = keras.Input((length, 1))
    h = inputs
    for i, r in enumerate(WaveNet.rates):
        y = k_act(reference, "tanh")(layers.Conv1D(1, 2, dilation_rate=r, padding="causal")(h))
        h = layers.Add()([h, y]) if i >= 2 else y
    return keras.Model(inputs, h, name="wavenet")


def keras_resnet(reference):
    r = reference
    inputs = keras.Input((80, 80, 1))
    x = k_act(r)(k_norm(r)(layers.Conv2D(1, 3, strides=2, padding="same")(inputs)))
    if r:
        x = layers.DepthwiseConv2D(3, strides=2, padding="same", use_bias=False)(x)
    else:
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    a = k_act(r)(k_norm(r)(layers.Conv2D(1, 3, padding="same")(x)))
    x = k_act(r)(layers.Add()([k_norm(r)(layers.Conv2D(1, 3, padding="same")(a)), x]))
    a = k_act(r)(k_norm(r)(layers.Conv2D(1, 3, strides=2, padding="same")(x)))
    skip = layers.Conv2D(1, 1, strides=2)(x)
    x = k_act(r)(layers.Add()([k_norm(r)(layers.Conv2D(1, 3, padding="same")(a)), skip]))
    return keras.Model(inputs, x, name="resnet_block")


def keras_aspp(reference, cut_pooling=False):
    r = reference
    inputs = keras.Input((33, 33, 1))
    x = k_act(r)(layers.Conv2D(1, 3, strides=2, padding="same")(inputs))
    size = 17
    branches = [layers.Conv2D(1, 1)(x)]
    branches += [layers.Conv2D(1, 3, dilation_rate=rate, padding="same")(x) for rate in ASPP.rates]
    if r:
        pooled = layers.Lambda(lambda t: ops.sum(t, axis=(1, 2), keepdims=True))(x)
    else:
        pooled = layers.GlobalAveragePooling2D(keepdims=True)(x)
    pooled = k_act(r)(layers.Conv2D(1, 1)(pooled))
    if cut_pooling:
        pooled = layers.Lambda(lambda t: t * 0)(pooled)
    pooled = layers.UpSampling2D(size=(size, size))(pooled)
    x = layers.Conv2D(1, 1)(layers.Concatenate()(branches + [pooled]))
    return keras.Model(inputs, x, name="aspp")


def keras_mobilenet(reference):
    r = reference
    inputs = keras.Input((32, 32, 1))
    x = k_act(r, "relu6")(k_norm(r)(layers.Conv2D(2, 3, strides=2, padding="same")(inputs)))
    x = k_act(r, "relu6")(k_norm(r)(layers.DepthwiseConv2D(3, padding="same")(x)))
    x = k_act(r, "relu6")(k_norm(r)(layers.DepthwiseConv2D(3, dilation_rate=2, padding="same")(x)))
    x = k_act(r, "relu6")(layers.DepthwiseConv2D(3, strides=2, padding="same")(x))
    return keras.Model(inputs, x, name="mobilenet")


def save_keras(model, path):
    """Saves the model, then deflates the archive (Keras stores it uncompressed) so that the
    fixture stays small; Keras loads it back unchanged."""
    import zipfile
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info, data in members:
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    assert keras.models.load_model(path).count_params() == model.count_params()


def keras_ones(model):
    for layer in model.layers:
        weights = layer.get_weights()
        if weights:
            layer.set_weights([np.ones_like(weights[0])] + [np.zeros_like(w) for w in weights[1:]])
    return model


def keras_gradient(model, shape, cell):
    x = tf.Variable(np.zeros(shape, dtype=np.float64))
    with tf.GradientTape() as tape:
        y = model(x)
        out = y[0, cell[1], 0] if len(y.shape) == 3 else y[0, cell[0], cell[1], 0]
    g = tape.gradient(out, x).numpy()[0].sum(-1)
    return g.reshape(1, -1) if g.ndim == 1 else g


# ---------------------------------------------------------------- numbers from gradients

def span(gradient):
    rows, cols = np.nonzero(gradient)
    bounds = (rows.min(), rows.max(), cols.min(), cols.max())
    # A field cut by the input's edge would understate its size.
    height, width = gradient.shape
    assert (height == 1 or (bounds[0] > 0 and bounds[1] < height - 1)) and bounds[2] > 0 and bounds[3] < width - 1, bounds
    return bounds


def field_and_jump(gradient_at, cell, one_dimensional):
    """The field is the non-zero span of an interior cell; the jump its shift to the next cell."""
    a = span(gradient_at(cell))
    step = (0, 1) if one_dimensional else (1, 1)
    b = span(gradient_at((cell[0] + step[0], cell[1] + step[1])))
    field = [int(a[1] - a[0] + 1), int(a[3] - a[2] + 1)]
    jump = [0 if one_dimensional else int(b[0] - a[0]), int(b[2] - a[2])]
    if one_dimensional:
        jump[0] = 1
    return field, jump


CASES = {
    # name: (PyTorch class, input shape NCHW or NCL, Keras builder, the cell analysed, an interior cell)
    "wavenet": (WaveNet, (1, 1, 32), keras_wavenet, (0, 31), (0, 20)),
    "resnet_block": (ResNetBlock, (1, 1, 80, 80), keras_resnet, (2, 1), (4, 4)),
    "aspp": (ASPP, (1, 1, 33, 33), keras_aspp, (8, 8), (8, 8)),
    "mobilenet": (MobileNet, (1, 1, 32, 32), keras_mobilenet, (3, 2), (3, 3)),
}


def main():
    keras.config.set_floatx("float64")
    expected = {}
    for name, (torch_class, shape, keras_builder, cell, interior) in CASES.items():
        one_dimensional = len(shape) == 3
        # ONNX from PyTorch
        model = torch_class(reference=False).eval()
        path = os.path.join(HERE, name + ".onnx")
        torch.onnx.export(model, torch.randn(shape), path, dynamo=False, opset_version=17,
                          input_names=["input"], output_names=["output"])
        reference = torch_ones(torch_class(reference=True)).eval()
        counts = torch_gradient(reference, shape, cell)
        cut = torch_ones(torch_class(reference=True, cut_pooling=True)).eval() if name == "aspp" else reference
        field, jump = field_and_jump(lambda c: torch_gradient(cut, shape, c), interior, one_dimensional)
        np.save(os.path.join(HERE, name + ".onnx.counts.npy"), counts)
        expected[name + ".onnx"] = {"at": list(cell), "receptive_field": field, "jump": jump,
                                    "counts": name + ".onnx.counts.npy"}

        # Keras 3
        keras_shape = (1, shape[2], 1) if one_dimensional else (1, shape[2], shape[3], 1)
        keras.config.set_floatx("float32")
        model = keras_builder(reference=False)
        save_keras(model, os.path.join(HERE, name + ".keras"))
        keras.config.set_floatx("float64")
        reference = keras_ones(keras_builder(reference=True))
        counts = keras_gradient(reference, keras_shape, cell)
        cut = keras_ones(keras_aspp(reference=True, cut_pooling=True)) if name == "aspp" else reference
        field, jump = field_and_jump(lambda c: keras_gradient(cut, keras_shape, c), interior, one_dimensional)
        np.save(os.path.join(HERE, name + ".keras.counts.npy"), counts)
        expected[name + ".keras"] = {"at": list(cell), "receptive_field": field, "jump": jump,
                                     "counts": name + ".keras.counts.npy"}

    # A bare model JSON with the input length left open: the WaveNet stack again.
    keras.config.set_floatx("float32")
    open_model = keras_wavenet_open()
    with open(os.path.join(HERE, "wavenet_open.json"), "w") as f:
        f.write(open_model.to_json())
    expected["wavenet_open.json"] = dict(expected["wavenet.keras"], input_size=[1, 32])

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def keras_wavenet_open():
    """The WaveNet stack on an input of any length."""
    inputs = keras.Input((None, 1))
    h = inputs
    for i, r in enumerate(WaveNet.rates):
        y = layers.Activation("tanh")(layers.Conv1D(1, 2, dilation_rate=r, padding="causal")(h))
        h = layers.Add()([h, y]) if i >= 2 else y
    return keras.Model(inputs, h, name="wavenet_open")


if __name__ == "__main__":
    main()
