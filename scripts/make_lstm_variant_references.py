#!/usr/bin/env python3
"""Writes the reference fixtures for the LSTM variants of Greff et al. (2017), which PyTorch has no module for.

Run from the repository root with a Python that has torch and safetensors (CPU only is enough):

    python scripts/make_lstm_variant_references.py [--out Tests/UnrollNNTests/Fixtures]

Each variant's equations are written out below in PyTorch (float64, from float32 weights and inputs, stored
rounded to float32), one time step at a time, with PyTorch's gate order (i, f, g, o, the missing gates left
out) and two biases:

    a = W_ih x + b_ih + W_hh h + b_hh, split into the variant's gates
    i = sigmoid(a_i + p_i * c_prev)           (p only in the peephole variant)
    f = sigmoid(a_f + p_f * c_prev)           coupled: 1 - i; no_forget: 1
    g = tanh(a_g)
    c = f * c_prev + i * g
    o = sigmoid(a_o + p_o * c)                no_output: 1
    h = o * tanh(c)

Every case is 2 layers, bidirectional, with given h0/c0 and right-padded sequences of lengths 5, 2, 4: a
sequence of length L takes no step at t >= L (its state is carried, its output is zero), so the reverse
direction starts at L - 1, as PyTorch's packed sequences do. Files lstm_<variant>.safetensors hold the same
keys as make_torch_references.py's recurrent cases (rnn.<name>, input, h0, c0, lengths, output, h_n, c_n,
loss_weight.*, grad.*), the description metadata naming the variant.
"""

import argparse
import json
import os

import torch
from safetensors.torch import save_file

N, T, F, H, LAYERS = 3, 5, 4, 6, 2
LENGTHS = [5, 2, 4]
GATES = {
    "peephole": "ifgo",
    "coupled": "igo",
    "no_forget": "igo",
    "no_output": "ifg",
}

torch.use_deterministic_algorithms(True)


def f32(t):
    return t.detach().to(torch.float32).contiguous()


def step(variant, w, x, h, c):
    """One step of `variant` with the weights `w` of one layer and direction."""
    gates = GATES[variant]
    a = x @ w["weight_ih"].T + w["bias_ih"] + h @ w["weight_hh"].T + w["bias_hh"]
    block = {name: a[:, k * H:(k + 1) * H] for k, name in enumerate(gates)}
    peep = variant == "peephole"
    i = torch.sigmoid(block["i"] + (w["weight_peephole_i"] * c if peep else 0))
    if variant == "coupled":
        f = 1 - i
    elif variant == "no_forget":
        f = torch.ones_like(c)
    else:
        f = torch.sigmoid(block["f"] + (w["weight_peephole_f"] * c if peep else 0))
    g = torch.tanh(block["g"])
    c_new = f * c + i * g
    if "o" in gates:
        o = torch.sigmoid(block["o"] + (w["weight_peephole_o"] * c_new if peep else 0))
    else:
        o = torch.ones_like(c_new)
    return o * torch.tanh(c_new), c_new


def direction(variant, w, x, h, c, reverse):
    """Runs one direction over x (N, T, F) with the lengths' masking; returns the output and final state."""
    active = torch.tensor([[1.0 if t < L else 0.0 for t in range(T)] for L in LENGTHS], dtype=torch.float64)
    outputs = [None] * T
    for t in (reversed(range(T)) if reverse else range(T)):
        h_new, c_new = step(variant, w, x[:, t], h, c)
        m = active[:, t:t + 1]
        outputs[t] = h_new * m
        h = h_new * m + h * (1 - m)
        c = c_new * m + c * (1 - m)
    return torch.stack(outputs, dim=1), h, c


def case(out_dir, variant, seed):
    torch.manual_seed(seed)
    bound = 1 / H ** 0.5
    g = len(GATES[variant])
    weights = {}
    for layer in range(LAYERS):
        for suffix in ("", "_reverse"):
            inputs = F if layer == 0 else 2 * H
            shapes = {"weight_ih": (g * H, inputs), "weight_hh": (g * H, H), "bias_ih": (g * H,), "bias_hh": (g * H,)}
            if variant == "peephole":
                shapes.update({f"weight_peephole_{k}": (H,) for k in "ifo"})
            for name, shape in shapes.items():
                weights[f"{name}_l{layer}{suffix}"] = (torch.rand(shape) * 2 - 1) * bound
    x32 = torch.randn(N, T, F)
    h032 = torch.randn(2 * LAYERS, N, H) * 0.5
    c032 = torch.randn(2 * LAYERS, N, H) * 0.5
    w_out = torch.randn(N, T, 2 * H)
    w_h = torch.randn(2 * LAYERS, N, H)
    w_c = torch.randn(2 * LAYERS, N, H)

    params = {k: v.double().requires_grad_(True) for k, v in weights.items()}
    x = x32.double().requires_grad_(True)
    h0 = h032.double().requires_grad_(True)
    c0 = c032.double().requires_grad_(True)
    layer_input, h_n, c_n = x, [], []
    for layer in range(LAYERS):
        outs = []
        for d, suffix in enumerate(("", "_reverse")):
            w = {name: params[f"{name}_l{layer}{suffix}"]
                 for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_peephole_i",
                              "weight_peephole_f", "weight_peephole_o") if f"{name}_l{layer}{suffix}" in params}
            index = layer * 2 + d
            out, h, c = direction(variant, w, layer_input, h0[index], c0[index], reverse=d == 1)
            outs.append(out)
            h_n.append(h)
            c_n.append(c)
        layer_input = torch.cat(outs, dim=2)
    out, h_n, c_n = layer_input, torch.stack(h_n), torch.stack(c_n)
    loss = (out * w_out.double()).sum() + (h_n * w_h.double()).sum() + (c_n * w_c.double()).sum()
    loss.backward()

    tensors = {"rnn." + k: v for k, v in weights.items()}
    tensors.update({
        "input": x32, "h0": h032, "c0": c032, "lengths": torch.tensor(LENGTHS, dtype=torch.int64),
        "output": f32(out), "h_n": f32(h_n), "c_n": f32(c_n),
        "loss_weight.output": w_out, "loss_weight.h_n": w_h, "loss_weight.c_n": w_c,
        "grad.input": f32(x.grad), "grad.h0": f32(h0.grad), "grad.c0": f32(c0.grad),
    })
    for name, p in params.items():
        tensors["grad.rnn." + name] = f32(p.grad)
    metadata = {
        "kind": "lstm", "variant": variant, "num_layers": str(LAYERS), "bidirectional": "true",
        "input_size": str(F), "hidden_size": str(H), "batch_first": "true",
        "generator": "scripts/make_lstm_variant_references.py", "torch_version": torch.__version__.split("+")[0],
        "loss": "sum(output*loss_weight.output) + sum(h_n*loss_weight.h_n) + sum(c_n*loss_weight.c_n)",
    }
    path = os.path.join(out_dir, f"lstm_{variant}.safetensors")
    description = json.dumps(metadata, sort_keys=True, separators=(",", ":"))
    save_file({k: v.contiguous() for k, v in tensors.items()}, path, metadata={"description": description})
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Tests/UnrollNNTests/Fixtures")
    args = parser.parse_args()
    for seed, variant in enumerate(GATES, start=110):
        case(args.out, variant, seed)


if __name__ == "__main__":
    main()
