#!/usr/bin/env python3
"""Reference values for the echo state network tests, computed independently in NumPy (float64).

Writes Tests/UnrollNNTests/Fixtures/echo_state_reference.json with
  - ridge: a written-down design X (40 x 6, two nearly collinear columns), targets Y (40 x 2), lambda, and the
    weights W (2 x 6) that numpy.linalg.lstsq gives for the augmented system [X; sqrt(lambda) I] W^T = [Y; 0];
  - eigen: two matrices (a dense 12 x 12 and a sparse 40 x 40) with the moduli of their eigenvalues from
    numpy.linalg.eigvals (LAPACK dgeev), sorted, and the spectral radius;
and prints, as Swift literals for Tests/UnrollDataTests/TimeSeriesTaskTests.swift, samples of the Mackey-Glass
series (Euler step 0.1, every 10th step kept, history 1.2, first 1000 samples dropped) and the NARMA-10 targets
of 40 written-down inputs.

Run once: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy &&
          /tmp/venv/bin/python scripts/make_echo_state_references.py
"""

import json
import os
import numpy as np


def mackey_glass(count, tau=17, skip=0, step=0.1, subsampling=10, transient=1000):
    delay = tau * subsampling
    history = [1.2] * (delay + 1)
    samples = []
    total = (transient + skip + count) * subsampling
    for n in range(total):
        x, lagged = history[n + delay], history[n]
        l2 = lagged * lagged
        l4 = l2 * l2
        l8 = l4 * l4
        nxt = x + step * (0.2 * lagged / (1 + l8 * l2) - 0.1 * x)
        history.append(nxt)
        if (n + 1) % subsampling == 0 and (n + 1) // subsampling - 1 >= transient + skip:
            samples.append(nxt)
    return samples


def narma(u, order=10):
    y = [0.0] * (len(u) + 1)
    for t in range(len(u)):
        window = 0.0
        for i in range(order):
            if t - i >= 0:
                window += y[t - i]
        delayed = u[t - order + 1] if t - order + 1 >= 0 else 0.0
        y[t + 1] = 0.3 * y[t] + 0.05 * y[t] * window + 1.5 * delayed * u[t] + 0.1
    return y[1:]


def main():
    rng = np.random.RandomState(20260101)
    x = rng.uniform(-1, 1, size=(40, 6))
    x[:, 5] = x[:, 4] + 1e-4 * rng.uniform(-1, 1, size=40)  # nearly collinear: the ridge matters
    x[:, 0] = 1.0
    y = np.stack([x @ np.array([0.5, -1.0, 2.0, 0.25, 1.0, -1.0]) + 0.01 * rng.uniform(-1, 1, size=40),
                  np.sin(3 * x[:, 1]) + x[:, 2] * x[:, 3]], axis=1)
    lam = 1e-3
    augmented = np.vstack([x, np.sqrt(lam) * np.eye(6)])
    targets = np.vstack([y, np.zeros((6, 2))])
    w, *_ = np.linalg.lstsq(augmented, targets, rcond=None)

    dense = rng.uniform(-1, 1, size=(12, 12))
    sparse = rng.uniform(-1, 1, size=(40, 40)) * (rng.uniform(0, 1, size=(40, 40)) < 0.15)
    eigen = []
    for m in (dense, sparse):
        moduli = np.sort(np.abs(np.linalg.eigvals(m)))
        eigen.append({"n": m.shape[0], "matrix": m.ravel().tolist(), "moduli": moduli.tolist(),
                      "radius": float(moduli[-1])})

    reference = {
        "ridge": {"rows": 40, "features": 6, "outputs": 2, "lambda": lam, "x": x.ravel().tolist(),
                  "y": y.ravel().tolist(), "weights": w.T.ravel().tolist()},
        "eigen": eigen,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "UnrollNNTests", "Fixtures", "echo_state_reference.json")
    with open(path, "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(path))

    series = mackey_glass(600)
    print("// Mackey-Glass tau 17: samples 0, 1, 2, 100, 599")
    print([repr(series[i]) for i in (0, 1, 2, 100, 599)])
    shifted = mackey_glass(5, skip=37)
    print("// skip 37: samples 0..4 (= samples 37..41 above)")
    print([repr(v) for v in shifted])
    print("// tau 30: samples 0, 250")
    series30 = mackey_glass(251, tau=30)
    print([repr(series30[i]) for i in (0, 250)])
    u = [round(float(v), 6) for v in np.random.RandomState(7).uniform(0, 0.5, size=40)]
    print("// NARMA-10 inputs")
    print(", ".join(repr(v) for v in u))
    print("// NARMA-10 targets y(t+1)")
    print(", ".join(repr(v) for v in narma(u)))


if __name__ == "__main__":
    main()
