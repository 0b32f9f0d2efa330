#!/usr/bin/env python3
"""Rebuilds the two public-domain text corpora in notebooks/data/ from Debian packages.

    cd "$(mktemp -d)" && apt-get download fortunes-zh display-dhammapada
    for f in *.deb; do dpkg -x "$f" root; done
    python3 /path/to/scripts/make_text_corpora.py root /path/to/notebooks/data

poems.txt comes from fortunes-zh's `tang300` (the Three Hundred Tang Poems): the terminal colour codes are
removed, each poem is written as a `《title》author` line, its lines, and a blank line.
dhammapada.txt is the verse part of display-dhammapada's English translation by John Richards (public
domain), from the "The Dhammapada" heading to "The End.", unchanged.
"""
import re
import sys
from pathlib import Path


def poems(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    out = []
    for block in text.split("\n%\n"):
        lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in block.strip("\n%").split("\n")]
        lines = [line for line in lines if line]
        if len(lines) < 3:
            continue
        title, author = lines[0], lines[1]
        if author.startswith("作者："):
            author = author[len("作者："):]
        out.append(title + author + "\n" + "\n".join(lines[2:]) + "\n")
    return "\n".join(out)


def dhammapada(source: Path) -> str:
    text = source.read_text(encoding="ascii")
    start = text.index("The Dhammapada\n(An Anthology of Verses)")
    end = text.index("The End. (Translation by John Richards)")
    body = text[start:end] + "The End. (Translation by John Richards)\n"
    return "\n".join(line.rstrip() for line in body.split("\n"))


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    (out / "poems.txt").write_text(poems(root / "usr/share/games/fortunes/tang300"), encoding="utf-8")
    (out / "dhammapada.txt").write_text(
        dhammapada(root / "usr/share/display-dhammapada/dhammapada-english-transl.txt"), encoding="utf-8")


if __name__ == "__main__":
    main()
