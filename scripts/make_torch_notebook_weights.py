#!/usr/bin/env python3
"""Writes the PyTorch files that notebooks/pytorch-weights.md starts from.

Run from the repository root with a Python that has torch and safetensors:

    /work/.venv-torch/bin/python scripts/make_torch_notebook_weights.py [--out notebooks/data]

The torch module `Regressor` below is Unroll's `Regressor(inputs: 3, outputs: 2, rnn: LSTM(hidden: 8,
layers: 2))`: an nn.LSTM (batch_first) named `rnn`, then an nn.Linear named `head` on the last layer's final
hidden state, so its state_dict names are Unroll's (`rnn.weight_ih_l0`, …, `head.weight`, `head.bias`).

Files (float32, torch.manual_seed(0), byte-identical from run to run for the same torch version):
  torch-lstm-weights.safetensors   the module's freshly initialised state_dict
  torch-lstm-io.safetensors        x (4, 5, 3) inputs, target (4, 2), y (4, 2) the module's outputs on x,
                                   loss (1) the mean squared error of y against target, and
                                   after_sgd.<name> every weight after one SGD(lr=0.1) step on that loss
                                   over the full batch
The outputs, the loss and the step are computed in float64 from the float32 weights and inputs and stored
rounded to float32, so the references carry no float32 rounding error of their own.
"""

import argparse
import json
import os

import torch
from safetensors.torch import save_file

INPUTS, OUTPUTS, HIDDEN, LAYERS = 3, 2, 8, 2
N, T = 4, 5
LR = 0.1


class Regressor(torch.nn.Module):
    """Unroll's many-to-one Regressor: LSTM stack, then a linear head on the last layer's final h."""

    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.LSTM(INPUTS, HIDDEN, num_layers=LAYERS, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN, OUTPUTS)

    def forward(self, x):
        _, (h_n, _) = self.rnn(x)
        return self.head(h_n[-1])


def f32(t):
    return t.detach().to(torch.float32).contiguous()


def write(path, tensors, description):
    # safetensors writes metadata in hash order, so everything goes into one key as sorted JSON.
    metadata = {"description": json.dumps(description, sort_keys=True, separators=(",", ":"))}
    save_file({k: f32(v) for k, v in tensors.items()}, path, metadata=metadata)
    print(f"wrote {path} ({os.path.getsize(path)} bytes, {len(tensors)} tensors)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="notebooks/data")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)

    model = Regressor()
    weights = {k: f32(v) for k, v in model.state_dict().items()}
    x = torch.randn(N, T, INPUTS)
    target = torch.randn(N, OUTPUTS)

    exact = Regressor().double()
    exact.load_state_dict({k: v.double() for k, v in weights.items()}, strict=True)
    y = exact(x.double())
    loss = torch.nn.functional.mse_loss(y, target.double())
    optimizer = torch.optim.SGD(exact.parameters(), lr=LR)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    description = {"generator": "scripts/make_torch_notebook_weights.py",
                   "module": "LSTM(3, 8, num_layers=2, batch_first=True) -> Linear(8, 2) on h_n[-1]",
                   "torch_version": torch.__version__.split("+")[0]}
    write(os.path.join(args.out, "torch-lstm-weights.safetensors"), weights, description)
    io = {"x": x, "target": target, "y": y, "loss": loss.reshape(1)}
    for name, value in exact.state_dict().items():
        io["after_sgd." + name] = value
    write(os.path.join(args.out, "torch-lstm-io.safetensors"), io,
          dict(description, step=f"one SGD(lr={LR}) step on mse_loss(y, target), full batch of {N}"))


if __name__ == "__main__":
    main()
