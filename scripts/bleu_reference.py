#!/usr/bin/env python3
"""Reference corpus-BLEU values for Tests/UnrollTrainingTests/CorpusBLEUTests.swift.

Computes BLEU-4 (uniform weights, no smoothing) on two small written-down corpora with NLTK's
`corpus_bleu` and, when installed, sacrebleu's `corpus_bleu` (tokenize='none', smooth_method='none'), and
prints the score, the clipped n-gram counts, the brevity penalty and the lengths to 12 decimals.

Tokens are the whitespace-separated words of each line. Every hypothesis has at least four tokens, so the
two libraries count the same n-gram totals (NLTK counts a hypothesis with no n-grams of some order as one
n-gram in the denominator; sacrebleu and Unroll count zero).

Run: /work/.venv-torch/bin/python scripts/bleu_reference.py
(needs `pip install nltk sacrebleu`).
"""

from nltk.translate.bleu_score import corpus_bleu as nltk_corpus_bleu, modified_precision, closest_ref_length
import math

# Corpus A: one reference per hypothesis; one exact match, partial matches, clipping (pair 7), and a
# short hypothesis (pair 4) that makes the corpus shorter than its references (brevity penalty < 1).
CORPUS_A = [
    ("the cat sat on the mat", ["the cat sat on the mat"]),
    ("a quick brown dog jumps over the lazy fox", ["the quick brown fox jumps over the lazy dog"]),
    ("it is a guide to action which ensures that the military always obeys the commands of the party",
     ["it is a guide to action that ensures that the military will forever heed party commands"]),
    ("he read the book", ["he read the book because he was interested in world history"]),
    ("there is a cat on the mat", ["the cat is on the mat"]),
    ("1 2 3 4 5 6 7 8", ["1 2 3 5 4 6 7 8"]),
    ("the the the the the the the", ["the cat is on the mat"]),
]

# Corpus B: two references per hypothesis (clipping takes the most of any reference; the reference length
# is the one closest to the hypothesis, the shorter on a tie).
CORPUS_B = [
    ("it is a guide to action which ensures that the military always obeys the commands of the party",
     ["it is a guide to action that ensures that the military will forever heed party commands",
      "it is the guiding principle which guarantees the military forces always being under the command of the party"]),
    ("he read the book because he was interested in world history",
     ["he was interested in world history because he read the book",
      "because he was interested in world history he read the book"]),
    ("the cat the cat on the mat", ["the cat is on the mat", "there is a cat on the mat"]),
    ("on the mat sat a small cat", ["a small cat sat on the mat", "the little cat sat on a mat"]),
]


def report(name, corpus):
    hyps = [h.split() for h, _ in corpus]
    refs = [[r.split() for r in rs] for _, rs in corpus]
    score = nltk_corpus_bleu(refs, hyps)
    print(f"{name} nltk corpus_bleu = {score:.12f}")
    for n in range(1, 5):
        num = den = 0
        for rs, h in zip(refs, hyps):
            p = modified_precision(rs, h, n)
            num += p.numerator
            den += p.denominator
        print(f"{name}   p{n} = {num}/{den} = {num / den:.12f}")
    c = sum(len(h) for h in hyps)
    r = sum(closest_ref_length(rs, len(h)) for rs, h in zip(refs, hyps))
    bp = 1.0 if c > r else (0.0 if c == 0 else math.exp(1 - r / c))
    print(f"{name}   hyp_len = {c}, ref_len = {r}, brevity_penalty = {bp:.12f}")
    try:
        import sacrebleu
    except ImportError:
        print(f"{name} sacrebleu not installed")
        return
    streams = [[rs[k] for _, rs in corpus] for k in range(len(corpus[0][1]))]
    result = sacrebleu.corpus_bleu([h for h, _ in corpus], streams, tokenize="none", smooth_method="none", force=True)
    print(f"{name} sacrebleu {sacrebleu.__version__} score/100 = {result.score / 100:.12f}")
    print(f"{name}   counts = {result.counts}, totals = {result.totals}, bp = {result.bp:.12f}, "
          f"sys_len = {result.sys_len}, ref_len = {result.ref_len}")


if __name__ == "__main__":
    report("A", CORPUS_A)
    report("B", CORPUS_B)
