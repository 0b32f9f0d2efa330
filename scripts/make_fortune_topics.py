#!/usr/bin/env python3
"""Builds notebooks/data/fortune-topics.csv, a four-topic text corpus, from Debian's `fortunes` package.

    cd "$(mktemp -d)" && apt-get download fortunes
    dpkg -x fortunes_*.deb root
    python3 /path/to/scripts/make_fortune_topics.py root /path/to/notebooks/data/fortune-topics.csv

The package's topic files are collections of quotations, jokes and aphorisms separated by `%` lines. Four of
them stand in for AG News's four classes (World, Sports, Business, Sci/Tech): `politics`, `sports`, `work` and
`science`. Each entry becomes one row `text,label`: overstrike sequences (`x\\bx`, the files' bold type) are
reduced to the character, attribution lines (starting with `--`) are dropped, whitespace is collapsed to single
spaces, and entries of fewer than 3 or more than 60 words are left out, as are exact duplicates. The rows are
shuffled with a fixed seed so that `split` draws every topic; running the script again gives the same bytes.
"""
import csv
import io
import random
import re
import sys
from pathlib import Path

TOPICS = ["politics", "sports", "work", "science"]
MIN_WORDS, MAX_WORDS = 3, 60


def entries(path: Path) -> list[str]:
    text = path.read_bytes().decode("latin-1")
    while re.search(r".\x08", text):
        text = re.sub(r".\x08", "", text)
    out = []
    for block in re.split(r"^%$", text, flags=re.M):
        lines = [line for line in block.split("\n") if not re.match(r"^\s*--", line)]
        entry = " ".join(" ".join(lines).split())
        if MIN_WORDS <= len(entry.split()) <= MAX_WORDS:
            out.append(entry)
    return out


def main() -> None:
    root, target = Path(sys.argv[1]), Path(sys.argv[2])
    rows, seen = [], set()
    for topic in TOPICS:
        for entry in entries(root / "usr/share/games/fortunes" / topic):
            if entry not in seen:
                seen.add(entry)
                rows.append((entry, topic))
    random.Random(16).shuffle(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["text", "label"])
    writer.writerows(rows)
    target.write_text(buffer.getvalue(), encoding="utf-8")
    counts = {t: sum(1 for _, label in rows if label == t) for t in TOPICS}
    print(f"wrote {target}: {len(rows)} rows {counts}, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
