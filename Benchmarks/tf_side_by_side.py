#!/usr/bin/env python3
"""Times the seed workload in TensorFlow and in atrous, in the same run, and prints the ratio.

The seed workload: a 1x100x100x32 float32 input through a 3x3x32x64 kernel at rate 2 with
SAME padding, as `tf.nn.atrous_conv2d` computes it (eager). Both sides warm up, then run many
times; the medians are compared. On a shared machine, rounds alternate between the two so
that both see the same neighbours, and the median over rounds is reported.

Also times TensorFlow at rates 1, 4 and 8 and with a 5x5 kernel, beside the matching
figures of `atrous bench`.

Usage: Benchmarks/tf_side_by_side.py [--atrous PATH] [--rounds N] [--repetitions N] [--json]
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

# (figure name in `atrous bench`, rate, kernel size); the input is 1x100x100x32, 64 outputs.
WORKLOADS = [("seed_conv", 2, 3), ("rate1_conv", 1, 3), ("rate4_conv", 4, 3), ("rate8_conv", 8, 3),
             ("kernel5_conv", 2, 5)]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atrous", default=DEFAULT_BINARY, help="the atrous binary (default: the release build)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds for the seed workload")
    parser.add_argument("--repetitions", type=int, default=200, help="timed runs per figure and round")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args()


def atrous_bench(binary, figures=None, repetitions=None):
    """Runs `atrous bench --json` and returns its object."""
    command = [binary, "bench", "--json"]
    for figure in figures or []:
        command += ["--figure", figure]
    if repetitions:
        command += ["--repetitions", str(repetitions)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"atrous bench failed (exit {result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return json.loads(result.stdout)


def tensorflow_timer(tf, np, rate, kernel_size, repetitions):
    """Returns a function that times `tf.nn.atrous_conv2d` eagerly and returns the median in ms."""
    rng = np.random.default_rng(0x5EED)
    value = tf.constant(rng.uniform(-1, 1, (1, 100, 100, 32)).astype(np.float32))
    filters = tf.constant(rng.uniform(-1, 1, (kernel_size, kernel_size, 32, 64)).astype(np.float32))

    def run():
        # .numpy() waits for the result, as atrous returns a finished array.
        return tf.nn.atrous_conv2d(value, filters, rate, "SAME").numpy()

    def measure():
        for _ in range(20):
            run()
        samples = []
        for _ in range(repetitions):
            start = time.perf_counter()
            run()
            samples.append(time.perf_counter() - start)
        return statistics.median(samples) * 1e3

    return measure


def main():
    arguments = parse_arguments()
    binary = os.path.abspath(arguments.atrous)
    if not os.path.exists(binary):
        print(f"The atrous binary {binary} does not exist; build it with `swift build -c release`.", file=sys.stderr)
        return 2
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        import numpy as np
        import tensorflow as tf
    except ImportError:
        seed = atrous_bench(binary, ["seed_conv"], arguments.repetitions)
        print("TensorFlow is not installed here, so there is nothing to compare with "
              "(pip install tensorflow-cpu, then run this again).")
        print(f"atrous alone: seed_conv median {seed['seed_conv_median_ms']:.3f} ms")
        return 0

    seed_timer = tensorflow_timer(tf, np, 2, 3, arguments.repetitions)
    rounds = []
    for _ in range(arguments.rounds):
        tf_median = seed_timer()
        atrous_median = atrous_bench(binary, ["seed_conv"], arguments.repetitions)["seed_conv_median_ms"]
        rounds.append({"tf_ms": tf_median, "atrous_ms": atrous_median, "ratio": atrous_median / tf_median})

    full = atrous_bench(binary)
    others = []
    for name, rate, kernel_size in WORKLOADS:
        tf_median = tensorflow_timer(tf, np, rate, kernel_size, arguments.repetitions)()
        atrous_median = full[f"{name}_median_ms"]
        others.append({"figure": name, "rate": rate, "kernel": kernel_size, "tf_ms": tf_median,
                       "atrous_ms": atrous_median, "ratio": atrous_median / tf_median})

    tf_seed = statistics.median(r["tf_ms"] for r in rounds)
    atrous_seed = statistics.median(r["atrous_ms"] for r in rounds)
    summary = {
        "machine": {"cores": full["cores"], "cpu": full["cpu"], "os": full["os"], "python": platform.python_version(),
                    "tensorflow": tf.__version__},
        "seed_tf_median_ms": tf_seed,
        "seed_atrous_median_ms": atrous_seed,
        "seed_ratio": atrous_seed / tf_seed,
        "rounds": rounds,
        "workloads": others,
        "atrous_bench": full,
    }
    if arguments.json:
        print(json.dumps(summary, indent=1))
        return 0
    print(f"machine: {full['cores']} cores, {full['cpu']}, {full['os']}; TensorFlow {tf.__version__}")
    print("seed workload 1x100x100x32 -> 64, kernel 3x3, rate 2, SAME, float32; median over "
          f"{arguments.rounds} rounds of {arguments.repetitions} runs:")
    for index, r in enumerate(rounds, 1):
        print(f"  round {index}: TensorFlow {r['tf_ms']:.3f} ms, atrous {r['atrous_ms']:.3f} ms, ratio {r['ratio']:.2f}")
    print(f"TensorFlow median {tf_seed:.3f} ms, atrous median {atrous_seed:.3f} ms, "
          f"atrous / TensorFlow = {atrous_seed / tf_seed:.2f}")
    print("other workloads (one round):")
    for w in others:
        print(f"  {w['figure']:<13} rate {w['rate']} kernel {w['kernel']}x{w['kernel']}: "
              f"TensorFlow {w['tf_ms']:.3f} ms, atrous {w['atrous_ms']:.3f} ms, ratio {w['ratio']:.2f}")
    print(f"explorer-sized (64x64x1, 3x3, float64): atrous {full['explorer_conv_median_ms'] * 1e3:.1f} us; "
          f"seed on one thread {full['seed_conv_1_thread_median_ms']:.3f} ms, on two "
          f"{full['seed_conv_2_threads_median_ms']:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
