#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures that UnrollNNTests compares the Swift model library against.

Run from the repository root with a Python that has torch, numpy and safetensors:

    python scripts/make_torch_references.py [--out Tests/UnrollNNTests/Fixtures]

Every file is a safetensors file of float32 tensors (integer arrays as I64) plus one metadata key,
`description`, holding sorted JSON that describes the case. Random values come from torch.manual_seed,
so re-running gives byte-identical files for the same torch version. The references are computed in
float64 from float32 inputs and weights and stored rounded to float32, so they carry no float32
rounding error of their own.

Files:
  rnn_{tanh,relu}_*.safetensors, lstm_*.safetensors, gru_*.safetensors
      recurrent layer cases: `single` (1 layer, given h0/c0), `bidir2` (2 layers, bidirectional, zero
      initial state), `varlen` (2 layers, bidirectional, given h0/c0, right-padded sequences of different
      lengths run through pack_padded_sequence / pad_packed_sequence). Keys:
        rnn.<state_dict name>      weights under PyTorch's names
        input, h0, c0, lengths     what the layer is run on (h0/c0/lengths only where the case has them)
        output, h_n, c_n           its results
        loss_weight.{output,h_n,c_n}   fixed tensors W of loss = sum(output*W1) + sum(h_n*W2) [+ sum(c_n*W3)]
        grad.rnn.<name>, grad.input, grad.h0, grad.c0   gradients of that loss
  optim_<case>.safetensors
      a few optimizer steps on fixed parameters a, b, c and fixed per-step gradients (c has no gradient at
      step 1, so its state must not advance then). Keys: init.<p>, grad.<step>.<p> (absent = no gradient),
      param.<step>.<p> (the parameters after that step), lrs (F64: the learning rate used at each step; it
      changes, to test that it is settable). Metadata: the options.
  clip_grad.safetensors
      torch.nn.utils.clip_grad_norm_ (max_norm[0], then max_norm[1] which clips nothing) and
      clip_grad_value_ (clip_value) on gradients of a, b (a third parameter has none).
  dtypes.safetensors
      one small tensor per dtype the reader supports, written by safetensors' own torch writer, each with
      its float32 conversion under `<dtype>.as_f32`.
"""

import argparse
import json
import os

import torch
from safetensors.torch import save_file

N, T, F, H = 3, 5, 4, 6
LENGTHS = [5, 2, 4]

torch.use_deterministic_algorithms(True)


def f32(t):
    return t.detach().to(torch.float32).contiguous()


def write(path, tensors, metadata):
    metadata = dict(metadata)
    metadata["generator"] = "scripts/make_torch_references.py"
    metadata["torch_version"] = torch.__version__.split("+")[0]
    # safetensors writes its metadata map in hash order, so everything goes into one key, as sorted JSON,
    # to keep the files byte-identical from run to run.
    description = json.dumps(metadata, sort_keys=True, separators=(",", ":"))
    save_file({k: v.contiguous() for k, v in tensors.items()}, path, metadata={"description": description})
    size = os.path.getsize(path)
    assert size < 100_000, f"{path} is {size} bytes"
    print(f"wrote {path} ({size} bytes)")


# ---------------------------------------------------------------------------------------------------
# Recurrent layers


def recurrent_case(out_dir, kind, case, seed):
    torch.manual_seed(seed)
    layers, bidirectional = (1, False) if case == "single" else (2, True)
    with_state = case in ("single", "varlen")
    varlen = case == "varlen"
    directions = 2 if bidirectional else 1
    if kind.startswith("rnn_"):
        module = torch.nn.RNN(F, H, num_layers=layers, nonlinearity=kind[4:], bidirectional=bidirectional,
                              batch_first=True)
    elif kind == "lstm":
        module = torch.nn.LSTM(F, H, num_layers=layers, bidirectional=bidirectional, batch_first=True)
    else:
        module = torch.nn.GRU(F, H, num_layers=layers, bidirectional=bidirectional, batch_first=True)
    weights = {name: f32(p) for name, p in module.state_dict().items()}

    x32 = torch.randn(N, T, F)
    state_shape = (layers * directions, N, H)
    h032 = torch.randn(state_shape) * 0.5 if with_state else None
    c032 = torch.randn(state_shape) * 0.5 if with_state and kind == "lstm" else None
    w_out = torch.randn(N, T, directions * H)
    w_h = torch.randn(state_shape)
    w_c = torch.randn(state_shape) if kind == "lstm" else None

    module = module.double()
    x = x32.double().requires_grad_(True)
    h0 = h032.double().requires_grad_(True) if h032 is not None else None
    c0 = c032.double().requires_grad_(True) if c032 is not None else None
    hx = None
    if h0 is not None:
        hx = (h0, c0) if kind == "lstm" else h0

    if varlen:
        lengths = torch.tensor(LENGTHS, dtype=torch.int64)
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        packed_out, state = module(packed, hx)
        out, _ = torch.nn.utils.rnn.pad_packed_sequence(packed_out, batch_first=True, total_length=T)
    else:
        out, state = module(x, hx)
    h_n, c_n = state if kind == "lstm" else (state, None)

    loss = (out * w_out.double()).sum() + (h_n * w_h.double()).sum()
    if c_n is not None:
        loss = loss + (c_n * w_c.double()).sum()
    loss.backward()

    tensors = {"rnn." + k: v for k, v in weights.items()}
    tensors["input"] = x32
    tensors["output"] = f32(out)
    tensors["h_n"] = f32(h_n)
    tensors["loss_weight.output"] = w_out
    tensors["loss_weight.h_n"] = w_h
    tensors["grad.input"] = f32(x.grad)
    for name, p in module.named_parameters():
        tensors["grad.rnn." + name] = f32(p.grad)
    if h0 is not None:
        tensors["h0"] = h032
        tensors["grad.h0"] = f32(h0.grad)
    if c0 is not None:
        tensors["c0"] = c032
        tensors["grad.c0"] = f32(c0.grad)
    if c_n is not None:
        tensors["c_n"] = f32(c_n)
        tensors["loss_weight.c_n"] = w_c
    if varlen:
        tensors["lengths"] = lengths
    metadata = {
        "kind": kind, "case": case, "num_layers": str(layers), "bidirectional": str(bidirectional).lower(),
        "input_size": str(F), "hidden_size": str(H), "batch_first": "true",
        "loss": "sum(output*loss_weight.output) + sum(h_n*loss_weight.h_n) [+ sum(c_n*loss_weight.c_n)]",
    }
    write(os.path.join(out_dir, f"{kind}_{case}.safetensors"), tensors, metadata)


# ---------------------------------------------------------------------------------------------------
# Optimizers

OPTIMIZER_CASES = {
    "sgd": (torch.optim.SGD, dict(lr=0.1)),
    "sgd_momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, weight_decay=0.01)),
    "sgd_nesterov": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    "adam": (torch.optim.Adam, dict(lr=0.01)),
    "adam_weight_decay": (torch.optim.Adam, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    "rmsprop": (torch.optim.RMSprop, dict(lr=0.01)),
    "rmsprop_centered_momentum": (torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-6, momentum=0.5,
                                                             centered=True, weight_decay=0.01)),
    "adagrad": (torch.optim.Adagrad, dict(lr=0.1)),
    "adagrad_decay": (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.05, initial_accumulator_value=0.1,
                                                 eps=1e-6, weight_decay=0.01)),
    "adamw": (torch.optim.AdamW, dict(lr=0.01)),
    "adamw_options": (torch.optim.AdamW, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
}
STEPS = 4
LR_SCALE = [1.0, 1.0, 0.5, 0.5]


def optimizer_case(out_dir, name, seed):
    cls, options = OPTIMIZER_CASES[name]
    torch.manual_seed(seed)
    init = {"a": torch.randn(3, 4), "b": torch.randn(5), "c": torch.randn(2, 2)}
    grads = []
    for step in range(STEPS):
        g = {k: torch.randn(v.shape) for k, v in init.items()}
        if step == 1:
            del g["c"]
        grads.append(g)
    params = {k: v.double().clone().requires_grad_(True) for k, v in init.items()}
    optimizer = cls(list(params.values()), foreach=False, **options)
    tensors = {f"init.{k}": v for k, v in init.items()}
    lrs = []
    for step in range(STEPS):
        lr = options["lr"] * LR_SCALE[step]
        lrs.append(lr)
        for group in optimizer.param_groups:
            group["lr"] = lr
        for k, p in params.items():
            p.grad = grads[step][k].double().clone() if k in grads[step] else None
        optimizer.step()
        for k, g in grads[step].items():
            tensors[f"grad.{step}.{k}"] = g
        for k, p in params.items():
            tensors[f"param.{step}.{k}"] = f32(p)
    tensors["lrs"] = torch.tensor(lrs, dtype=torch.float64)
    metadata = {"optimizer": cls.__name__, "steps": str(STEPS), "params": "a,b,c"}
    for k, v in options.items():
        metadata[k] = repr(v)
    write(os.path.join(out_dir, f"optim_{name}.safetensors"), tensors, metadata)


# ---------------------------------------------------------------------------------------------------
# Gradient clipping


def clipping_case(out_dir, seed):
    torch.manual_seed(seed)
    grads = {"a": torch.randn(3, 4), "b": torch.randn(5) * 3}
    tensors = {f"grad.{k}": v for k, v in grads.items()}
    tensors["max_norm"] = torch.tensor([1.5, 100.0], dtype=torch.float64)
    tensors["clip_value"] = torch.tensor([0.8], dtype=torch.float64)
    metadata = {}

    def fresh():
        ps = {k: torch.zeros(v.shape, dtype=torch.float64, requires_grad=True) for k, v in grads.items()}
        for k, p in ps.items():
            p.grad = grads[k].double().clone()
        c = torch.zeros(2, dtype=torch.float64, requires_grad=True)  # no gradient: skipped
        return ps, list(ps.values()) + [c]

    ps, all_params = fresh()
    total = torch.nn.utils.clip_grad_norm_(all_params, max_norm=1.5)
    tensors["total_norm"] = f32(total.reshape(1))
    for k, p in ps.items():
        tensors[f"norm_clipped.{k}"] = f32(p.grad)

    ps, all_params = fresh()
    total = torch.nn.utils.clip_grad_norm_(all_params, max_norm=100.0)
    tensors["large.total_norm"] = f32(total.reshape(1))
    for k, p in ps.items():
        tensors[f"large.norm_clipped.{k}"] = f32(p.grad)

    ps, all_params = fresh()
    torch.nn.utils.clip_grad_value_(all_params, clip_value=0.8)
    for k, p in ps.items():
        tensors[f"value_clipped.{k}"] = f32(p.grad)
    write(os.path.join(out_dir, "clip_grad.safetensors"), tensors, metadata)


# ---------------------------------------------------------------------------------------------------
# Data types


def dtypes_case(out_dir, seed):
    torch.manual_seed(seed)
    base = torch.randn(2, 3) * 4
    tensors = {
        "f32": base.clone(),
        "f64": base.double() / 3,
        "f16": base.half(),
        "bf16": base.bfloat16(),
        "i64": torch.tensor([[-3, 0, 7], [2**40, -(2**40), 1]], dtype=torch.int64),
        "i32": torch.tensor([5, -6, 2**30], dtype=torch.int32),
        "scalar": torch.tensor(2.5),
        "empty": torch.zeros(0, 4),
    }
    for k in ["f32", "f64", "f16", "bf16", "i64", "i32"]:
        tensors[f"{k}.as_f32"] = tensors[k].to(torch.float32).clone()
    # A few exact half-precision corner cases: subnormals, the largest finite value, infinities, -0.
    tensors["f16_special"] = torch.tensor([6.0e-8, -6.1e-5, 65504.0, float("inf"), float("-inf"), -0.0, 1.0],
                                          dtype=torch.float16)
    tensors["f16_special.as_f32"] = tensors["f16_special"].to(torch.float32)
    write(os.path.join(out_dir, "dtypes.safetensors"), tensors, {"source": "safetensors.torch.save_file"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Tests/UnrollNNTests/Fixtures")
    parser.add_argument("--only", nargs="*", metavar="NAME",
                        help="write only these optimizer cases (e.g. adamw adamw_options); seeds stay as in a full run")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    seed = 1000
    for kind in ["rnn_tanh", "rnn_relu", "lstm", "gru"]:
        for case in ["single", "bidir2", "varlen"]:
            seed += 1
            if args.only is None:
                recurrent_case(args.out, kind, case, seed)
    for name in OPTIMIZER_CASES:
        seed += 1
        if args.only is None or name in args.only:
            optimizer_case(args.out, name, seed)
    if args.only is not None:
        return
    clipping_case(args.out, 2000)
    dtypes_case(args.out, 2001)


if __name__ == "__main__":
    main()
