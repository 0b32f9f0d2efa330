#!/usr/bin/env python3
"""Checks that the weights notebooks/pytorch-weights.md saved load back into PyTorch and agree with it.

Run from the repository root after `unroll run notebooks/pytorch-weights.md`:

    /work/.venv-torch/bin/python scripts/check_notebook_weights_in_torch.py [--out output] [--data notebooks/data]

Loads OUT/pytorch-weights/trained.safetensors into the torch module of scripts/make_torch_notebook_weights.py
with load_state_dict(strict=True), runs it on the saved `x` and compares its outputs with Unroll's `y_trained`
(OUT/pytorch-weights/outputs.safetensors); also compares every trained weight with PyTorch's own SGD step
(`after_sgd.*` in DATA/torch-lstm-io.safetensors). Differences are the largest |a - b| divided by the largest
|b|, as the notebook's max_rel_diff. Exits 0 when all are at most 1e-5, 1 otherwise.
"""

import argparse
import os
import sys

import torch
from safetensors.torch import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_torch_notebook_weights import Regressor  # noqa: E402

TOLERANCE = 1e-5


def rel_diff(a, b):
    scale = b.abs().max().item()
    worst = (a - b).abs().max().item()
    return 0.0 if worst == 0 else worst / scale


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="output")
    parser.add_argument("--data", default="notebooks/data")
    args = parser.parse_args()
    folder = os.path.join(args.out, "pytorch-weights")
    trained = load_file(os.path.join(folder, "trained.safetensors"))
    saved = load_file(os.path.join(folder, "outputs.safetensors"))
    reference = load_file(os.path.join(args.data, "torch-lstm-io.safetensors"))

    model = Regressor().double()
    result = model.load_state_dict({k: v.double() for k, v in trained.items()}, strict=True)
    print(f"loaded {len(trained)} tensors (strict): {result}")
    with torch.no_grad():
        y = model(saved["x"].double())
    results = [("outputs y_trained", rel_diff(saved["y_trained"].double(), y))]
    for name in sorted(trained):
        results.append((f"weight {name}", rel_diff(trained[name].double(), reference["after_sgd." + name].double())))
    worst = max(d for _, d in results)
    for name, d in results:
        print(f"{name}: max relative difference {d:.3g}")
    print(f"worst {worst:.3g} {'<=' if worst <= TOLERANCE else '>'} {TOLERANCE:g}: {'ok' if worst <= TOLERANCE else 'MISMATCH'}")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
