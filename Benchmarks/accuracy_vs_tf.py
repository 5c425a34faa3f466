#!/usr/bin/env python3
"""Measures the rounding error of atrous and of TensorFlow on the same data, against an
extended-precision sum of each output's taps, and prints one line per case.

Each case draws an input and a kernel, convolves them with `atrous compute` (the default
direct algorithm, and `--algorithm winograd` where it applies) and with `tf.nn.convolution`,
in float32 and in float64, and reports each one's largest absolute error against the
reference (NumPy's long double: a 64-bit significand on x86-64). The spike case also reports
the largest error among the outputs whose taps do not read the spike: leakage.

Usage: Benchmarks/accuracy_vs_tf.py [--atrous PATH] [--json]
Exit status: 0 when the comparison ran or TensorFlow is not installed; 2 when the atrous
binary is missing or failed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BINARY = os.path.join(HERE, "..", ".build", "release", "atrous")


def draw(rng, kind, shape):
    if kind == "normal":
        return rng.standard_normal(shape)
    if kind == "large":
        return 1e3 * rng.standard_normal(shape)
    if kind == "small":
        return 1e-3 * rng.standard_normal(shape)
    if kind == "mixed":
        return rng.choice([-1.0, 1.0], shape) * 10.0 ** rng.uniform(-3, 3, shape)
    raise ValueError(kind)


# (name, input NHWC, kernel size, Cout, rate, stride, padding, values)
CASES = [
    ("N(0,1), 32x32x64 -> 32, 3x3", (1, 32, 32, 64), 3, 32, 1, 1, "SAME", "normal"),
    ("N(0,1), rate 2", (1, 32, 32, 64), 3, 32, 2, 1, "SAME", "normal"),
    ("1e3 scale, rate 4", (1, 24, 24, 32), 3, 16, 4, 1, "SAME", "large"),
    ("1e-3 scale, rate 8", (1, 24, 24, 32), 3, 16, 8, 1, "SAME", "small"),
    ("mixed 10^U(-3,3), 128 channels", (1, 16, 16, 128), 3, 16, 1, 1, "SAME", "mixed"),
    ("N(0,1), 256 channels", (1, 12, 12, 256), 3, 8, 2, 1, "SAME", "normal"),
    ("N(0,1), 512 channels", (1, 10, 10, 512), 3, 4, 1, 1, "SAME", "normal"),
    ("N(0,1), 5x5, stride 2", (1, 32, 32, 32), 5, 32, 1, 2, "VALID", "normal"),
    ("N(0,1), 7x7, 1 output channel", (1, 40, 40, 3), 7, 1, 1, 1, "SAME", "normal"),
    ("spike 1e6 among 1e-3, 12x12x8", (1, 12, 12, 8), 3, 8, 1, 1, "SAME", "spike"),
]


def pads(size, k, rate, stride, padding):
    span = rate * (k - 1) + 1
    if padding == "VALID":
        return 0, 0
    out = -(-size // stride)
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def reference(x, w, rate, stride, padding):
    """The convolution summed in long double, and for each output the input cells it reads."""
    n, h, wd, cin = x.shape
    k, cout = w.shape[0], w.shape[3]
    (top, bottom), (left, right) = pads(h, k, rate, stride, padding), pads(wd, k, rate, stride, padding)
    xp = np.pad(x.astype(np.longdouble), ((0, 0), (top, bottom), (left, right), (0, 0)))
    span = rate * (k - 1) + 1
    out_h, out_w = (xp.shape[1] - span) // stride + 1, (xp.shape[2] - span) // stride + 1
    columns = []
    for ky in range(k):
        for kx in range(k):
            y0, x0 = ky * rate, kx * rate
            columns.append(xp[:, y0:y0 + stride * (out_h - 1) + 1:stride, x0:x0 + stride * (out_w - 1) + 1:stride, :])
    patches = np.concatenate(columns, axis=-1).reshape(-1, k * k * cin)
    result = patches @ w.astype(np.longdouble).reshape(k * k * cin, cout)
    return result.reshape(n, out_h, out_w, cout), (top, left, out_h, out_w)


def readers(spike, geometry, k, rate, stride):
    """A mask over the output's rows and columns: True where some tap reads the spike."""
    top, left, out_h, out_w = geometry
    mask = np.zeros((out_h, out_w), dtype=bool)
    for oy in range(out_h):
        for ox in range(out_w):
            for ky in range(k):
                for kx in range(k):
                    if (oy * stride - top + ky * rate, ox * stride - left + kx * rate) == spike:
                        mask[oy, ox] = True
    return mask


def run_atrous(binary, directory, x, w, rate, stride, padding, algorithm):
    paths = [os.path.join(directory, name) for name in ("x.npy", "w.npy", "y.npy")]
    np.save(paths[0], x)
    np.save(paths[1], w)
    command = [binary, "compute", "--input", paths[0], "--kernel", paths[1], "--rate", str(rate),
               "--stride", str(stride), "--padding", padding.lower(), "--output", paths[2], "--force",
               "--algorithm", algorithm]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"atrous compute failed: {result.stderr.strip()}")
    return np.load(paths[2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atrous", default=DEFAULT_BINARY, help="the atrous binary (default: the release build)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.atrous)
    if not os.path.exists(binary):
        print(f"The atrous binary {binary} does not exist; build it with `swift build -c release`.", file=sys.stderr)
        return 2
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        import tensorflow as tf
    except ImportError:
        print("TensorFlow is not installed here, so there is nothing to compare with "
              "(pip install tensorflow-cpu, then run this again).")
        return 0

    rows = []
    with tempfile.TemporaryDirectory() as directory:
        for index, (name, shape, k, cout, rate, stride, padding, kind) in enumerate(CASES):
            rng = np.random.default_rng(1000 + index)
            if kind == "spike":
                x64 = draw(rng, "small", shape)
                spike = (5, 6)
                x64[0, spike[0], spike[1], 3] = 1e6
                w64 = draw(rng, "normal", (k, k, shape[3], cout))
            else:
                x64 = draw(rng, kind, shape)
                w64 = draw(rng, kind, (k, k, shape[3], cout))
            for dtype in (np.float32, np.float64):
                x, w = x64.astype(dtype), w64.astype(dtype)
                exact, geometry = reference(x, w, rate, stride, padding)
                mask = readers(spike, geometry, k, rate, stride) if kind == "spike" else None

                def error(result):
                    difference = np.abs(result.astype(np.longdouble) - exact)
                    largest = float(difference.max())
                    leak = float(difference[:, ~mask, :].max()) if mask is not None else None
                    return largest, leak

                tf_result = tf.nn.convolution(tf.constant(x), tf.constant(w), strides=stride, padding=padding,
                                              dilations=rate).numpy()
                row = {"case": name, "dtype": np.dtype(dtype).name}
                row["tf"], row["tf_leak"] = error(tf_result)
                row["atrous"], row["atrous_leak"] = error(
                    run_atrous(binary, directory, x, w, rate, stride, padding, "direct"))
                if k == 3 and stride == 1:
                    row["winograd"], row["winograd_leak"] = error(
                        run_atrous(binary, directory, x, w, rate, stride, padding, "winograd"))
                rows.append(row)
    if arguments.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("largest absolute error against a long-double sum of the taps; ratio = atrous / TensorFlow")
    print(f"{'case':<34} {'dtype':<8} {'TensorFlow':>10} {'atrous':>10} {'ratio':>6} {'Winograd':>10}")
    for row in rows:
        winograd = f"{row['winograd']:10.2e}" if "winograd" in row else f"{'-':>10}"
        print(f"{row['case']:<34} {row['dtype']:<8} {row['tf']:10.2e} {row['atrous']:10.2e} "
              f"{row['atrous'] / row['tf']:6.2f} {winograd}")
        if row["tf_leak"] is not None:
            winograd_leak = f"{row['winograd_leak']:10.2e}" if "winograd" in row else f"{'-':>10}"
            print(f"{'  ... outputs that do not read it':<34} {row['dtype']:<8} {row['tf_leak']:10.2e} "
                  f"{row['atrous_leak']:10.2e} {row['atrous_leak'] / row['tf_leak']:6.2f} {winograd_leak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
