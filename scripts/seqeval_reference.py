#!/usr/bin/env python3
"""Writes the seqeval reference scores that Tests/UnrollTrainingTests/ChunkScoresTests.swift compares
Unroll's EntityF1 and SegmentationF1 with.

Every case is a list of true and a list of predicted tag sequences (one per sentence), written down below.
The scores are seqeval's in its default, conlleval-compatible mode (no `mode=` and no `scheme=`):
`classification_report(output_dict=True)` per entity type, with the micro and macro averages, and
`precision_score` / `recall_score` / `f1_score` (micro). BMES word segmentation is scored as seqeval scores
`B I E S` chunks of one type: B stays B, M becomes I, E stays E and S stays S, each as `X-word`.

Run from the repository root (seqeval needs a virtual environment of its own):

    python3 -m venv /tmp/seqeval-venv && /tmp/seqeval-venv/bin/pip install seqeval
    /tmp/seqeval-venv/bin/python scripts/seqeval_reference.py [--out Tests/UnrollTrainingTests/Fixtures/seqeval_reference.json]
"""

import argparse
import json
import warnings

from importlib.metadata import version

from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

ENTITY_CASES = {
    # Well-formed BIO: one entity missed, one with a wrong end, one with a wrong type.
    "bio_basic": (
        [["B-PER", "I-PER", "O", "B-LOC", "O"], ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER"]],
        [["B-PER", "I-PER", "O", "B-LOC", "O"], ["B-ORG", "I-ORG", "O", "O", "B-LOC"]],
    ),
    # Invalid sequences: an I- without a B- starts an entity; a type change inside a run splits it;
    # B- after B- starts a new one; an entity at the end of a sentence does not join the next sentence.
    "bio_invalid": (
        [["O", "I-PER", "I-PER", "O", "B-LOC"], ["I-LOC", "O", "B-PER", "I-LOC", "O"], ["B-PER", "B-PER", "I-PER"]],
        [["O", "B-PER", "I-PER", "O", "I-LOC"], ["I-LOC", "O", "B-PER", "I-PER", "O"], ["B-PER", "I-PER", "I-PER"]],
    ),
    # IOB1 style (entities start with I-, B- only between two of the same type).
    "iob1": (
        [["I-PER", "I-PER", "B-PER", "O", "I-MISC"], ["O", "I-ORG", "O", "I-ORG", "I-ORG"]],
        [["I-PER", "I-PER", "I-PER", "O", "I-MISC"], ["O", "I-ORG", "O", "I-ORG", "B-ORG"]],
    ),
    # BIOES, valid and not: E- after E- starts an entity, S- after B-, E- without B-.
    "bioes": (
        [["B-PER", "E-PER", "O", "S-LOC", "O"], ["B-ORG", "I-ORG", "E-ORG", "S-PER", "O", "B-LOC", "E-LOC"]],
        [["B-PER", "E-PER", "E-PER", "S-LOC", "O"], ["B-ORG", "S-ORG", "E-ORG", "S-PER", "O", "E-LOC", "E-LOC"]],
    ),
    # Nothing predicted: precision 0 by seqeval's zero division; a type only predicted has support 0.
    "empty_prediction": (
        [["B-PER", "O", "O"], ["O", "B-LOC", "I-LOC"]],
        [["O", "O", "O"], ["O", "O", "B-ORG"]],
    ),
}

SEGMENTATION_CASES = {
    "bmes_basic": (
        [["B", "E", "S", "B", "M", "E"], ["S", "S", "B", "E"]],
        [["B", "E", "S", "B", "E", "S"], ["S", "S", "B", "E"]],
    ),
    # Invalid predictions: M or E without B, B B, E E, a word left open at the end of a sentence.
    "bmes_invalid": (
        [["B", "M", "E", "S", "B", "E"], ["B", "E", "B", "M", "M", "E"]],
        [["M", "M", "E", "B", "B", "E"], ["E", "E", "B", "M", "M", "B"]],
    ),
}

BMES_TO_CHUNK = {"B": "B-word", "M": "I-word", "E": "E-word", "S": "S-word"}


def scores(gold, predicted):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = classification_report(gold, predicted, output_dict=True, digits=12)
        out = {
            "precision": precision_score(gold, predicted),
            "recall": recall_score(gold, predicted),
            "f1": f1_score(gold, predicted),
            "types": {},
        }
    for name, row in report.items():
        entry = {k: float(row[k]) for k in ["precision", "recall", "f1-score"]}
        entry["support"] = int(row["support"])
        if name in ("micro avg", "macro avg"):
            out[name.replace(" avg", "")] = entry
        elif name != "weighted avg":
            out["types"][name] = entry
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Tests/UnrollTrainingTests/Fixtures/seqeval_reference.json")
    args = parser.parse_args()
    cases = []
    for name, (gold, predicted) in ENTITY_CASES.items():
        cases.append({"name": name, "kind": "entities", "gold": gold, "predicted": predicted, **scores(gold, predicted)})
    for name, (gold, predicted) in SEGMENTATION_CASES.items():
        chunked = [[[BMES_TO_CHUNK[t] for t in s] for s in side] for side in (gold, predicted)]
        cases.append({"name": name, "kind": "segmentation", "gold": gold, "predicted": predicted,
                      **scores(chunked[0], chunked[1])})
    with open(args.out, "w") as f:
        f.write('{"source": %s,\n "cases": [\n' % json.dumps(f"seqeval {version('seqeval')}, default mode"))
        f.write(",\n".join("  " + json.dumps(case, sort_keys=True) for case in cases))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
