#!/usr/bin/env python3
"""Writes Tests/UnrollCheckTests/Fixtures/welch_scipy.json: SciPy's Welch t-test and Student-t CDF on
written-down samples, which WelchTestTests compares with UnrollCheck's own WelchTest and StudentT to 1e-6.

Run once, in a throwaway virtual environment with SciPy (the Swift tests only read the committed file):

    python3 -m venv /tmp/venv-scipy && /tmp/venv-scipy/bin/pip install scipy
    /tmp/venv-scipy/bin/python scripts/make_welch_references.py
"""
import json
import pathlib

import scipy
from scipy import stats

# Written-down samples: K-seed-sized ones like `check --seeds` makes, unequal sizes and spreads (fractional
# degrees of freedom), a shift far beyond the spread (tiny p), identical samples (p = 1), one constant side,
# negative and large-magnitude values.
SAMPLES = [
    ([0.0551302470266819, 0.0587608776986599, 0.05544726271182299, 0.05491764936596155, 0.061986333690583706],
     [0.0551300236773491, 0.0587611776986599, 0.05544701271182299, 0.05491799936596155, 0.061986033690583706]),
    ([0.0551302470266819, 0.0587608776986599, 0.05544726271182299, 0.05491764936596155, 0.061986333690583706],
     [0.10312, 0.09561, 0.11210, 0.09877, 0.10557]),
    ([1.0, 2.0, 3.0], [1.5, 2.5, 3.5, 4.5]),
    ([2.31, 2.52, 2.07, 2.44, 2.18, 2.61, 2.27], [2.91, 3.42, 2.12, 3.88, 2.47]),
    ([10.0, 10.1, 9.9, 10.05, 9.95], [10.0, 10.0, 10.0, 10.0, 10.0]),
    ([-4.2, -3.9, -4.5, -4.1], [-4.0, -4.4, -3.8, -4.6, -4.3, -4.1]),
    ([0.61, 0.63, 0.60, 0.62, 0.64], [0.61, 0.63, 0.60, 0.62, 0.64]),
    ([1e6 + 1.0, 1e6 + 2.0, 1e6 + 4.0], [1e6 + 8.0, 1e6 + 9.5, 1e6 + 11.0, 1e6 + 7.0]),
    ([0.1, 0.2, 0.15, 0.12, 0.18], [5.1, 5.3, 4.9, 5.2, 5.05]),
    ([3.0, 3.1, 2.9], [3.05, 3.2, 2.8, 3.1, 2.95, 3.0, 3.15, 2.85, 3.05]),
]

# Points of the Student-t CDF, with whole and fractional degrees of freedom.
CDF_POINTS = [(t, df) for df in (1.0, 2.0, 2.5, 3.7, 4.0, 8.0, 17.3, 30.0, 120.0, 1000.0)
              for t in (-6.0, -2.5, -1.0, -0.1, 0.0, 0.3, 1.0, 2.0, 4.5, 12.0)]


def main():
    cases = []
    for a, b in SAMPLES:
        result = stats.ttest_ind(a, b, equal_var=False)
        cases.append({"a": a, "b": b, "t": float(result.statistic), "df": float(result.df),
                      "p": float(result.pvalue)})
    cdf = [{"t": t, "df": df, "cdf": float(stats.t.cdf(t, df))} for t, df in CDF_POINTS]
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/UnrollCheckTests/Fixtures/welch_scipy.json"
    document = {"scipy": scipy.__version__, "welch": cases, "student_t_cdf": cdf}
    out.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"wrote {out} ({len(cases)} Welch tests, {len(cdf)} CDF points, SciPy {scipy.__version__})")


if __name__ == "__main__":
    main()
