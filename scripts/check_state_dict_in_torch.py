#!/usr/bin/env python3
"""Checks that a state dict saved by Unroll's `StateDict.save` loads into PyTorch's nn.LSTM as is.

    python scripts/check_state_dict_in_torch.py STATE.safetensors [--prefix rnn] [--io IO.safetensors]

The LSTM's configuration (input size, hidden size, layers, bidirectional) is read off the weight names and
shapes; the weights are loaded with `load_state_dict(strict=True)`. With `--io`, a second file holding
`input` (N, T, F), optional `lengths` (I64), and Unroll's `output`, `h_n`, `c_n` on that input, the LSTM is run
(batch_first, packed when lengths are given) and its results are compared within 1e-5 relative.
`StateDictTests.testExportForPyTorchCheck` writes such a pair when UNROLL_STATE_DICT_EXPORT names a folder.
Exits 0 when everything loads and agrees, 1 otherwise.
"""

import argparse
import re
import sys

import torch
from safetensors.torch import load_file


def lstm_for(state):
    """An nn.LSTM whose parameters have exactly the names and shapes in `state`."""
    layers = {int(m.group(1)) for k in state if (m := re.fullmatch(r"weight_ih_l(\d+)(_reverse)?", k))}
    if not layers:
        raise SystemExit("error: no 'weight_ih_l0' key: not a recurrent layer's state dict")
    hidden = state["weight_hh_l0"].shape[1]
    if state["weight_ih_l0"].shape[0] != 4 * hidden:
        raise SystemExit(f"error: weight_ih_l0 has {state['weight_ih_l0'].shape[0]} rows, an LSTM of hidden size "
                         f"{hidden} has {4 * hidden}")
    return torch.nn.LSTM(
        input_size=state["weight_ih_l0"].shape[1], hidden_size=hidden, num_layers=max(layers) + 1,
        bidirectional="weight_ih_l0_reverse" in state, batch_first=True)


def compare(name, ours, theirs):
    diff = (ours - theirs).abs()
    tolerance = 1e-5 * theirs.abs() + 1e-6
    worst = int((diff / tolerance).argmax())
    ok = bool((diff <= tolerance).all())
    index = list(torch.unravel_index(torch.tensor(worst), theirs.shape)) if theirs.numel() else []
    print(f"{name}: shape {list(theirs.shape)}, max |diff| {diff.max().item() if diff.numel() else 0:.3g}, "
          f"worst at {[int(i) for i in index]} -> {'ok' if ok else 'MISMATCH'}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("state")
    parser.add_argument("--prefix", default="rnn", help="the module prefix of the keys ('' for none)")
    parser.add_argument("--io", help="a file with input, optional lengths, and Unroll's output, h_n, c_n")
    args = parser.parse_args()

    raw = load_file(args.state)
    scope = args.prefix + "." if args.prefix else ""
    state = {k[len(scope):]: v for k, v in raw.items() if k.startswith(scope)}
    others = sorted(set(raw) - {scope + k for k in state})
    if others:
        print(f"error: keys outside the prefix '{args.prefix}': {others}")
        return 1
    lstm = lstm_for(state)
    result = lstm.load_state_dict(state, strict=True)
    print(f"loaded {len(state)} tensors into {lstm} (strict): {result}")
    if not args.io:
        return 0

    io = load_file(args.io)
    x = io["input"]
    with torch.no_grad():
        if "lengths" in io:
            packed = torch.nn.utils.rnn.pack_padded_sequence(x, io["lengths"], batch_first=True,
                                                             enforce_sorted=False)
            out, (h_n, c_n) = lstm(packed)
            out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        else:
            out, (h_n, c_n) = lstm(x)
    ok = all([compare("output", io["output"], out), compare("h_n", io["h_n"], h_n), compare("c_n", io["c_n"], c_n)])
    print("all agree" if ok else "disagreement")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
