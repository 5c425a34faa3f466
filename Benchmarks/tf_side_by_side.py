#!/usr/bin/env python3
"""Times convolutions in TensorFlow and in atrous, in the same run, and prints each ratio.

First the seed workload: a 1x100x100x32 float32 input through a 3x3x32x64 kernel at rate 2
with SAME padding, in alternating rounds so that both sides see the same neighbours on a
shared machine; the median over rounds is reported. Then a sweep of kernels 1x1 to 7x7,
rates 1 to 16, strides 1 and 2, channels 1 to 256 and inputs 16x16 to 512x512, each timed
on both sides once per round, atrous through `atrous bench --conv` (its default algorithm,
the direct sum of each output's taps), TensorFlow through `tf.nn.convolution` called eagerly,
as a Python program calls it, or inside a `tf.function` with --tf-function, which keeps
Python's per-call cost out of TensorFlow's time.

Usage: Benchmarks/tf_side_by_side.py [--atrous PATH] [--rounds N] [--repetitions N] [--quick] [--tf-function] [--json]
Exit status: 0 when the comparison ran or TensorFlow is not installed; 2 when the atrous
binary is missing or its benchmark failed.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BINARY = os.path.join(HERE, "..", ".build", "release", "atrous")

# (N, H, W, Cin, kernel, Cout, rate, stride, padding)
SEED = (1, 100, 100, 32, 3, 64, 2, 1, "same")
SWEEP = [
    SEED,
    # kernels 1x1 to 7x7
    (1, 64, 64, 64, 1, 64, 1, 1, "same"),
    (1, 64, 64, 64, 3, 64, 1, 1, "same"),
    (1, 64, 64, 64, 5, 64, 1, 1, "same"),
    (1, 64, 64, 64, 7, 64, 1, 1, "same"),
    # rates 1 to 16 on the seed
    (1, 100, 100, 32, 3, 64, 1, 1, "same"),
    (1, 100, 100, 32, 3, 64, 4, 1, "same"),
    (1, 100, 100, 32, 3, 64, 8, 1, "same"),
    (1, 100, 100, 32, 3, 64, 16, 1, "same"),
    (1, 100, 100, 32, 5, 64, 2, 1, "same"),
    # strides 2 (TensorFlow takes no rate above 1 with a stride above 1)
    (1, 100, 100, 32, 3, 64, 1, 2, "same"),
    (1, 128, 128, 16, 7, 32, 1, 2, "valid"),
    # channels 1 to 256
    (1, 128, 128, 1, 3, 1, 2, 1, "same"),
    (1, 128, 128, 1, 3, 16, 2, 1, "same"),
    (1, 128, 128, 3, 3, 8, 2, 1, "same"),
    (1, 64, 64, 16, 3, 16, 2, 1, "same"),
    (1, 32, 32, 128, 3, 128, 2, 1, "same"),
    (1, 32, 32, 256, 3, 256, 2, 1, "same"),
    (1, 16, 16, 256, 3, 256, 1, 1, "same"),
    # inputs 16x16 to 512x512
    (1, 16, 16, 32, 3, 32, 2, 1, "same"),
    (1, 256, 256, 32, 3, 32, 2, 1, "same"),
    (1, 512, 512, 16, 3, 16, 4, 1, "same"),
    (1, 512, 512, 3, 7, 16, 1, 2, "same"),
    (4, 64, 64, 32, 3, 64, 2, 1, "valid"),
]


def spec(workload):
    """The `atrous bench --conv` text of a workload."""
    n, h, w, cin, k, cout, rate, stride, padding = workload
    return f"{n}x{h}x{w}x{cin}:{k}x{k}:{cout}:rate={rate}:stride={stride}:padding={padding}"


def multiply_adds(workload):
    n, h, w, cin, k, cout, rate, stride, padding = workload
    span = rate * (k - 1) + 1
    out_h = -(-h // stride) if padding == "same" else (h - span) // stride + 1
    out_w = -(-w // stride) if padding == "same" else (w - span) // stride + 1
    return n * out_h * out_w * cout * k * k * cin


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atrous", default=DEFAULT_BINARY, help="the atrous binary (default: the release build)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--repetitions", type=int, default=0,
                        help="timed runs per workload and round (default: about a second of work each, at most 200)")
    parser.add_argument("--quick", action="store_true", help="the seed workload only")
    parser.add_argument("--tf-function", action="store_true",
                        help="time TensorFlow inside a tf.function instead of eagerly")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args()


def repetitions_for(workload, requested):
    """Runs per workload: as requested, else about 0.3 s of work at 100 GFLOP/s, 5 to 200."""
    if requested:
        return requested
    return max(5, min(200, int(0.3 * 100e9 / (2 * multiply_adds(workload)))))


def atrous_bench(binary, workloads, requested):
    """Runs `atrous bench --json --conv ...` and returns each workload's median in ms."""
    command = [binary, "bench", "--json"]
    for workload in workloads:
        command += ["--conv", spec(workload)]
    if requested:
        command += ["--repetitions", str(requested)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"atrous bench failed (exit {result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    report = json.loads(result.stdout)
    return report, [entry["median_ms"] for entry in report["conv"]]


def tensorflow_median(tf, np, workload, repetitions, traced):
    """The median time in ms of the workload in TensorFlow, warmed up, waiting for each result."""
    n, h, w, cin, k, cout, rate, stride, padding = workload
    rng = np.random.default_rng(0x5EED)
    value = tf.constant(rng.uniform(-1, 1, (n, h, w, cin)).astype(np.float32))
    filters = tf.constant(rng.uniform(-1, 1, (k, k, cin, cout)).astype(np.float32))

    def convolve(x, f):
        return tf.nn.convolution(x, f, strides=stride, padding=padding.upper(), dilations=rate)

    if traced:
        convolve = tf.function(convolve)

    def run():
        # .numpy() waits for the result, as atrous returns a finished array.
        return convolve(value, filters).numpy()

    for _ in range(max(5, repetitions // 10)):
        run()
    samples = []
    for _ in range(repetitions):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


def main():
    arguments = parse_arguments()
    binary = os.path.abspath(arguments.atrous)
    if not os.path.exists(binary):
        print(f"The atrous binary {binary} does not exist; build it with `swift build -c release`.", file=sys.stderr)
        return 2
    workloads = [SEED] if arguments.quick else SWEEP
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        import numpy as np
        import tensorflow as tf
    except ImportError:
        _, medians = atrous_bench(binary, [SEED], arguments.repetitions)
        print("TensorFlow is not installed here, so there is nothing to compare with "
              "(pip install tensorflow-cpu, then run this again).")
        print(f"atrous alone: seed median {medians[0]:.3f} ms")
        return 0

    tf_rounds = [[] for _ in workloads]
    atrous_rounds = [[] for _ in workloads]
    report = None
    for _ in range(arguments.rounds):
        for index, workload in enumerate(workloads):
            tf_rounds[index].append(tensorflow_median(tf, np, workload, repetitions_for(workload, arguments.repetitions),
                                                      arguments.tf_function))
        report, medians = atrous_bench(binary, workloads, arguments.repetitions)
        for index, median in enumerate(medians):
            atrous_rounds[index].append(median)

    rows = []
    for workload, tf_times, atrous_times in zip(workloads, tf_rounds, atrous_rounds):
        tf_ms, atrous_ms = statistics.median(tf_times), statistics.median(atrous_times)
        rows.append({"spec": spec(workload), "gflop": 2 * multiply_adds(workload) / 1e9, "tf_ms": tf_ms,
                     "atrous_ms": atrous_ms, "ratio": atrous_ms / tf_ms, "tf_rounds_ms": tf_times,
                     "atrous_rounds_ms": atrous_times})
    summary = {
        "machine": {"cores": report["cores"], "cpu": report["cpu"], "os": report["os"],
                    "python": platform.python_version(), "tensorflow": tf.__version__},
        "rounds": arguments.rounds,
        "tensorflow_call": "tf.function" if arguments.tf_function else "eager",
        "seed_ratio": rows[0]["ratio"],
        "largest_ratio": max(row["ratio"] for row in rows),
        "workloads": rows,
    }
    if arguments.json:
        print(json.dumps(summary, indent=1))
        return 0
    print(f"machine: {report['cores']} cores, {report['cpu']}, {report['os']}; TensorFlow {tf.__version__}")
    print(f"float32, medians over {arguments.rounds} rounds; TensorFlow {summary['tensorflow_call']}, "
          "atrous its default (direct) algorithm")
    print(f"{'workload (NxHxWxC:kernel:Cout:...)':<58} {'GFLOP':>7} {'TF ms':>9} {'atrous ms':>10} {'ratio':>6}")
    for row in rows:
        print(f"{row['spec']:<58} {row['gflop']:7.3f} {row['tf_ms']:9.3f} {row['atrous_ms']:10.3f} {row['ratio']:6.2f}")
    print(f"seed atrous / TensorFlow = {summary['seed_ratio']:.2f}; largest ratio {summary['largest_ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
