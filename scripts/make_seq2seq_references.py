#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures for the Swift `Seq2Seq` model (Tests/UnrollNNTests/Seq2SeqParityTests).

Run from the repository root with a Python that has torch and safetensors:

    /work/.venv-torch/bin/python scripts/make_seq2seq_references.py [--out Tests/UnrollNNTests/Fixtures/seq2seq]

The module below is the reference definition of the architecture (same state_dict names as the Swift model):
source/target embeddings, a recurrent encoder over packed variable-length sources, a tanh bridge from the
encoder's top-layer final hidden state to the initial h of every decoder layer (LSTM c = 0), a decoder run one
step at a time with input feeding ([embedding(y_{t-1}) | context_{t-1}]), attention after the step on the top
hidden state (none / dot / general / additive; padded source positions masked), and an output layer on
[h_t | context_t]. Teacher forcing 1.0, dropout 0.

Each case file (float32 tensors, integer arrays as I64, one `description` metadata key of sorted JSON) holds:
    model.<name>          the initial weights under the state_dict names
    source, source_lengths, target_input, targets     the batch (ids padded with 0)
    logits                (N*T, Vt), row n*T + t
    loss                  cross-entropy, mean over non-pad targets (ignore_index=0)
    grad.<name>           the gradient of the loss for every parameter
    updated.<name>        the weights after one torch.optim.SGD(lr=0.1) step
References are computed in float64 from the float32 weights and stored rounded to float32.
"""

import argparse
import json
import os

import torch
import torch.nn.functional as F
from safetensors.torch import save_file

torch.use_deterministic_algorithms(True)

BOS, EOS = 2, 3
RECURRENT = {"rnn_tanh": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


class Seq2Seq(torch.nn.Module):
    def __init__(self, vs, vt, e, enc_kind, enc_hidden, enc_layers, bidirectional, dec_kind, dec_hidden,
                 dec_layers, attention):
        super().__init__()
        self.attention_kind = attention
        self.enc_lstm, self.dec_lstm = enc_kind == "lstm", dec_kind == "lstm"
        self.bidirectional = bidirectional
        self.dec_layers = dec_layers
        d = enc_hidden * (2 if bidirectional else 1)
        self.d = d
        self.source_embedding = torch.nn.Embedding(vs, e)
        self.target_embedding = torch.nn.Embedding(vt, e)
        self.encoder = RECURRENT[enc_kind](e, enc_hidden, num_layers=enc_layers, bidirectional=bidirectional,
                                           batch_first=True)
        self.bridge = torch.nn.Linear(d, dec_hidden)
        self.decoder = RECURRENT[dec_kind](e + d, dec_hidden, num_layers=dec_layers, batch_first=True)
        if attention == "general":
            self.attention = torch.nn.Module()
            self.attention.key = torch.nn.Linear(d, dec_hidden, bias=False)
        elif attention == "additive":
            self.attention = torch.nn.Module()
            self.attention.query = torch.nn.Linear(dec_hidden, dec_hidden, bias=False)
            self.attention.key = torch.nn.Linear(d, dec_hidden, bias=False)
            self.attention.energy = torch.nn.Linear(dec_hidden, 1, bias=False)
        self.output = torch.nn.Linear(dec_hidden + d, vt)

    def forward(self, source, lengths, target_input):
        n, s = source.shape
        t_steps = target_input.shape[1]
        x = self.source_embedding(source)
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, state = self.encoder(packed)
        keys, _ = torch.nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=s)
        h_n = state[0] if self.enc_lstm else state
        final = torch.cat([h_n[-2], h_n[-1]], 1) if self.bidirectional else h_n[-1]
        h0 = torch.tanh(self.bridge(final)).unsqueeze(0).repeat(self.dec_layers, 1, 1).contiguous()
        hx = (h0, torch.zeros_like(h0)) if self.dec_lstm else h0
        context = final if self.attention_kind == "none" else keys.new_zeros(n, self.d)
        mask = torch.arange(s)[None, :] < lengths[:, None]
        logits = []
        for t in range(t_steps):
            inp = torch.cat([self.target_embedding(target_input[:, t]), context], 1).unsqueeze(1)
            out, hx = self.decoder(inp, hx)
            q = out[:, 0]
            if self.attention_kind != "none":
                if self.attention_kind == "dot":
                    scores = torch.bmm(keys, q.unsqueeze(2)).squeeze(2)
                elif self.attention_kind == "general":
                    scores = torch.bmm(self.attention.key(keys), q.unsqueeze(2)).squeeze(2)
                else:
                    energy = torch.tanh(self.attention.query(q).unsqueeze(1) + self.attention.key(keys))
                    scores = self.attention.energy(energy).squeeze(2)
                alpha = torch.softmax(scores.masked_fill(~mask, float("-inf")), 1)
                context = torch.bmm(alpha.unsqueeze(1), keys).squeeze(1)
            logits.append(self.output(torch.cat([q, context], 1)))
        return torch.stack(logits, 1).reshape(n * t_steps, -1)


CASES = {
    # name: (enc_kind, enc_hidden, enc_layers, bidirectional, dec_kind, dec_hidden, dec_layers, attention)
    "gru_additive": ("gru", 5, 1, True, "gru", 6, 1, "additive"),
    "lstm_general": ("lstm", 6, 2, False, "lstm", 5, 2, "general"),
    "rnn_dot": ("rnn_tanh", 3, 1, True, "gru", 6, 1, "dot"),
    "lstm_none": ("lstm", 6, 1, True, "lstm", 5, 1, "none"),
}
VS, VT, E = 9, 10, 4
N, S, T = 3, 6, 5
SOURCE_LENGTHS = [6, 3, 5]
TARGET_LENGTHS = [5, 2, 4]  # tokens including eos; the rest is padding


def f32(t):
    return t.detach().to(torch.float32).contiguous()


def case(out_dir, name, seed):
    enc_kind, enc_hidden, enc_layers, bidirectional, dec_kind, dec_hidden, dec_layers, attention = CASES[name]
    torch.manual_seed(seed)
    model = Seq2Seq(VS, VT, E, enc_kind, enc_hidden, enc_layers, bidirectional, dec_kind, dec_hidden, dec_layers,
                    attention)
    weights = {k: f32(v) for k, v in model.state_dict().items()}
    source = torch.zeros(N, S, dtype=torch.int64)
    targets = torch.zeros(N, T, dtype=torch.int64)
    for i in range(N):
        source[i, :SOURCE_LENGTHS[i]] = torch.randint(1, VS, (SOURCE_LENGTHS[i],))
        targets[i, :TARGET_LENGTHS[i] - 1] = torch.randint(4, VT, (TARGET_LENGTHS[i] - 1,))
        targets[i, TARGET_LENGTHS[i] - 1] = EOS
    target_input = torch.cat([torch.full((N, 1), BOS, dtype=torch.int64), targets[:, :-1]], 1)
    lengths = torch.tensor(SOURCE_LENGTHS, dtype=torch.int64)

    model = model.double()
    logits = model(source, lengths, target_input)
    loss = F.cross_entropy(logits, targets.reshape(-1), ignore_index=0)
    loss.backward()
    tensors = {"model." + k: v for k, v in weights.items()}
    tensors.update(source=source, source_lengths=lengths, target_input=target_input, targets=targets,
                   logits=f32(logits), loss=f32(loss.reshape(1)))
    for k, p in model.named_parameters():
        tensors["grad." + k] = f32(p.grad)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    optimizer.step()
    for k, p in model.named_parameters():
        tensors["updated." + k] = f32(p)

    metadata = {
        "source_vocabulary": str(VS), "target_vocabulary": str(VT), "embed": str(E),
        "encoder_kind": enc_kind, "encoder_hidden": str(enc_hidden), "encoder_layers": str(enc_layers),
        "bidirectional": str(bidirectional).lower(), "decoder_kind": dec_kind, "decoder_hidden": str(dec_hidden),
        "decoder_layers": str(dec_layers), "attention": attention, "source_steps": str(S), "target_steps": str(T),
        "generator": "scripts/make_seq2seq_references.py", "torch_version": torch.__version__.split("+")[0],
    }
    description = json.dumps(metadata, sort_keys=True, separators=(",", ":"))
    path = os.path.join(out_dir, f"{name}.safetensors")
    save_file({k: v.contiguous() for k, v in tensors.items()}, path, metadata={"description": description})
    size = os.path.getsize(path)
    assert size < 60_000, f"{path} is {size} bytes"
    print(f"wrote {path} ({size} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Tests/UnrollNNTests/Fixtures/seq2seq")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for seed, name in enumerate(sorted(CASES)):
        case(args.out, name, 100 + seed)


if __name__ == "__main__":
    main()
