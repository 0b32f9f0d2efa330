#!/usr/bin/env python3
"""Writes the PyTorch references for the classifier's pooled readouts (`Classifier(readout: "mean" | "max")`).

Run from the repository root with a Python that has torch and safetensors:

    .venv-torch/bin/python scripts/make_readout_references.py [--out Tests/UnrollNNTests/Fixtures]

Each case is a module with three children, as `SequenceClassifier` names them: `embedding` (nn.Embedding),
`rnn` (nn.RNN / nn.GRU, batch_first) and `head` (nn.Linear), run on right-padded token sequences of
different lengths through pack_padded_sequence / pad_packed_sequence. The readout pools the last layer's
outputs over each sequence's own length: `mean` is their sum divided by the length, `max` their element-wise
maximum with padded steps masked to -inf. The loss is the mean cross-entropy of the logits against fixed
targets. As in make_torch_references.py, the forward and backward passes run in float64 from float32 weights
and the results are stored rounded to float32.

Keys: model.<state_dict name> (weights), tokens and lengths (I64, tokens (N, T) with 0 past each length),
targets (I64), logits, loss, grad.model.<name>. Metadata `description`: sorted JSON of the configuration.

Files:
  readout_mean_rnn.safetensors         Embedding(9, 4) -> RNN(tanh, 5) -> mean -> Linear(5, 3)
  readout_max_gru_bidir2.safetensors   Embedding(9, 4) -> GRU(5, 2 layers, bidirectional) -> max -> Linear(10, 3)
  readout_mean_lstm_bidir.safetensors  Embedding(9, 4) -> LSTM(5, bidirectional) -> mean -> Linear(10, 3)
"""

import argparse
import json
import os

import torch
from safetensors.torch import save_file

V, E, H, C = 9, 4, 5, 3
LENGTHS = [6, 2, 4, 1]
T = max(LENGTHS)

torch.use_deterministic_algorithms(True)


class Classifier(torch.nn.Module):
    def __init__(self, kind, layers, bidirectional, readout):
        super().__init__()
        self.embedding = torch.nn.Embedding(V, E)
        recurrent = {"rnn_tanh": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}[kind]
        self.rnn = recurrent(E, H, num_layers=layers, bidirectional=bidirectional, batch_first=True)
        self.head = torch.nn.Linear(H * (2 if bidirectional else 1), C)
        self.readout = readout

    def forward(self, tokens, lengths):
        x = self.embedding(tokens)
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.rnn(packed)
        out, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=tokens.shape[1])
        steps = torch.arange(tokens.shape[1]).unsqueeze(0)
        valid = (steps < lengths.unsqueeze(1)).unsqueeze(2)
        if self.readout == "mean":
            features = (out * valid).sum(dim=1) / lengths.unsqueeze(1).to(out.dtype)
        else:
            features = out.masked_fill(~valid, float("-inf")).max(dim=1).values
        return self.head(features)


def f32(t):
    return t.detach().to(torch.float32).contiguous()


def write_case(out_dir, name, kind, layers, bidirectional, readout, seed):
    torch.manual_seed(seed)
    model = Classifier(kind, layers, bidirectional, readout)
    weights = {k: f32(v) for k, v in model.state_dict().items()}
    lengths = torch.tensor(LENGTHS, dtype=torch.int64)
    tokens = torch.randint(1, V, (len(LENGTHS), T), dtype=torch.int64)
    for n, length in enumerate(LENGTHS):
        tokens[n, length:] = 0
    targets = torch.randint(0, C, (len(LENGTHS),), dtype=torch.int64)

    model = model.double()
    logits = model(tokens, lengths)
    loss = torch.nn.functional.cross_entropy(logits, targets)
    loss.backward()

    tensors = {"model." + k: v for k, v in weights.items()}
    tensors["tokens"] = tokens
    tensors["lengths"] = lengths
    tensors["targets"] = targets
    tensors["logits"] = f32(logits)
    tensors["loss"] = f32(loss.reshape(1))
    for k, p in model.named_parameters():
        tensors["grad.model." + k] = f32(p.grad)
    metadata = {
        "generator": "scripts/make_readout_references.py",
        "torch_version": torch.__version__.split("+")[0],
        "kind": kind, "num_layers": str(layers), "bidirectional": str(bidirectional).lower(),
        "readout": readout, "vocabulary": str(V), "embed": str(E), "hidden_size": str(H), "classes": str(C),
        "loss": "cross_entropy(logits, targets), mean over the batch",
    }
    description = json.dumps(metadata, sort_keys=True, separators=(",", ":"))
    path = os.path.join(out_dir, name + ".safetensors")
    save_file(tensors, path, metadata={"description": description})
    size = os.path.getsize(path)
    assert size < 100_000, f"{path} is {size} bytes"
    print(f"wrote {path} ({size} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="Tests/UnrollNNTests/Fixtures")
    args = parser.parse_args()
    write_case(args.out, "readout_mean_rnn", "rnn_tanh", 1, False, "mean", seed=121)
    write_case(args.out, "readout_max_gru_bidir2", "gru", 2, True, "max", seed=122)
    write_case(args.out, "readout_mean_lstm_bidir", "lstm", 1, True, "mean", seed=123)


if __name__ == "__main__":
    main()
