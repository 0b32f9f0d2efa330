#!/usr/bin/env python3
"""Generates notebooks/data/sine.csv: a time series of two sine waves, one row per step.

Columns `t` (the step, 0 to 399), `x` (sin(2πt/25), the fast wave) and `y` (x plus half of sin(2πt/100), the
slow one), each printed with six decimals, so running the script again gives the same file byte for byte:

    python3 scripts/make_sine_csv.py notebooks/data/sine.csv
"""
import math
import sys

ROWS = 400


def main(path):
    lines = ["t,x,y"]
    for t in range(ROWS):
        x = math.sin(2 * math.pi * t / 25)
        y = x + 0.5 * math.sin(2 * math.pi * t / 100)
        lines.append(f"{t},{x:.6f},{y:.6f}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
