#!/usr/bin/env python3
"""The PyTorch twin of `unroll bench`: the same char-level language-model workload, timed the same way.

Its flags (--cell, --vocab, --embed, --hidden, --layers, --batch, --seq, --steps, --threads, with the same
defaults) and the keys of the one JSON line it prints match `unroll bench`, so that `scripts/bench-vs-torch`
can put the two side by side. The workload: Embedding(V, E) -> LSTM, GRU or tanh RNN (H units, `layers`
stacked, batch first) -> Linear(H, V), cross-entropy over every position, Adam with lr 1e-3, a batch of B
sequences of T random tokens drawn once. Three untimed training steps, then `steps` timed ones; three untimed
forward passes without gradients, then `steps` timed ones. Tokens per second are B * T * steps over the wall
time of the timed loop.

Keys: impl ("pytorch"), torch (its version), cell, hidden, layers, batch, seq, kernels (the CPU code path
PyTorch dispatches to, e.g. "avx512"), threads (intra-op threads), train_tokens_per_s, infer_tokens_per_s.
Peak memory is left to the caller (bench-vs-torch measures both programs with /usr/bin/time).

Set-up: python3 -m venv .venv-torch && .venv-torch/bin/pip install torch   (the CPU build is enough)
"""
import argparse
import json
import time

import torch
from torch import nn

CELLS = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}


def parse_flags():
    parser = argparse.ArgumentParser(description="Time the char-LM workload of `unroll bench` in PyTorch.")
    parser.add_argument("--cell", default="lstm", choices=sorted(CELLS), help="recurrent cell")
    for name, default, meaning in [("vocab", 65, "vocabulary size V"), ("embed", 64, "embedding size E"),
                                   ("hidden", 256, "hidden size H"), ("layers", 1, "stacked layers"),
                                   ("batch", 32, "batch size B"), ("seq", 64, "sequence length T"),
                                   ("steps", 20, "timed steps"), ("threads", 2, "intra-op threads")]:
        parser.add_argument("--" + name, type=int, default=default, help=f"{meaning} (default {default})")
    return parser.parse_args()


class CharModel(nn.Module):
    """Embedding, recurrent layers, then a linear read-out at every position."""

    def __init__(self, flags):
        super().__init__()
        self.embedding = nn.Embedding(flags.vocab, flags.embed)
        self.recurrent = CELLS[flags.cell](flags.embed, flags.hidden, flags.layers, batch_first=True)
        self.readout = nn.Linear(flags.hidden, flags.vocab)

    def forward(self, tokens):
        states, _ = self.recurrent(self.embedding(tokens))
        return self.readout(states)


def tokens_per_second(run_once, tokens, steps):
    """Three untimed calls, then the rate of `steps` timed ones."""
    for _ in range(3):
        run_once()
    start = time.perf_counter()
    for _ in range(steps):
        run_once()
    return steps * tokens / (time.perf_counter() - start)


def code_path():
    """PyTorch's CPU dispatch level in lower case ("avx512", "avx2", "default"), or "unknown"."""
    capability = getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", None)
    return capability().lower() if capability else "unknown"


def main():
    flags = parse_flags()
    torch.manual_seed(0)
    torch.set_num_threads(flags.threads)
    model = CharModel(flags)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    inputs = torch.randint(0, flags.vocab, (flags.batch, flags.seq))
    targets = torch.randint(0, flags.vocab, (flags.batch, flags.seq))
    loss_function = nn.CrossEntropyLoss()

    def train_step():
        optimizer.zero_grad()
        loss = loss_function(model(inputs).reshape(-1, flags.vocab), targets.reshape(-1))
        loss.backward()
        optimizer.step()
        return loss.item()

    tokens = flags.batch * flags.seq
    train = tokens_per_second(train_step, tokens, flags.steps)
    with torch.no_grad():
        infer = tokens_per_second(lambda: model(inputs), tokens, flags.steps)
    print(json.dumps({
        "impl": "pytorch", "torch": torch.__version__, "cell": flags.cell, "hidden": flags.hidden,
        "layers": flags.layers, "batch": flags.batch, "seq": flags.seq, "kernels": code_path(),
        "threads": torch.get_num_threads(), "train_tokens_per_s": round(train), "infer_tokens_per_s": round(infer),
    }))


if __name__ == "__main__":
    main()
