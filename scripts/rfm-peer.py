#!/usr/bin/env python3
"""Benchmark peer: RFM quintile scores and segments with pandas/numpy, by the rules of
docs/segmentation.md (CLVModels' RFMBinning and RFMSegment.rules).
Reads IN.csv (customer_id,recency_days,frequency,monetary), writes OUT.csv
(customer_id,r,f,m,segment) and prints one JSON line: customers, rfm_seconds (binning and
labelling only), read_seconds. Run it with the venv from scripts/setup-peers:
`$(scripts/setup-peers | tail -1) scripts/rfm-peer.py IN.csv OUT.csv`."""
import json
import sys
import time

import numpy as np
import pandas as pd

QUINTILES = [0.2, 0.4, 0.6, 0.8]

# RFMSegment.rules in priority order: segment, R range, F + M range (both inclusive). The last
# rule catches everything left, so it is np.select's default.
RULES = [
    ("champions", (4, 5), (8, 10)),
    ("loyal", (3, 5), (6, 10)),
    ("new", (4, 5), (2, 2)),
    ("potential_loyalist", (4, 5), (3, 5)),
    ("promising", (3, 3), (2, 2)),
    ("need_attention", (3, 3), (4, 5)),
    ("about_to_sleep", (2, 3), (3, 5)),
    ("cant_lose_them", (1, 1), (8, 10)),
    ("at_risk", (1, 2), (6, 10)),
    ("lost", (1, 1), (2, 3)),
]
CATCH_ALL = "hibernating"


def scores(values):
    """1 + the number of inverted-CDF quintile cuts strictly below each value."""
    cuts = np.quantile(values, QUINTILES, method="inverted_cdf")
    return 1 + np.searchsorted(cuts, values, side="left")


def segment_codes(r, fm):
    """The rule table applied to scores R and sums F + M, first match wins: indices into NAMES."""
    conditions = [(r >= rl) & (r <= rh) & (fm >= sl) & (fm <= sh) for _, (rl, rh), (sl, sh) in RULES]
    return np.select(conditions, range(len(RULES)), default=len(RULES))


NAMES = [name for name, _, _ in RULES] + [CATCH_ALL]
# The table evaluated once on the whole 5 x 9 grid of (R, F + M), as CLVModels does for its 125
# triples; each customer's segment is then one vectorised look-up, kept as a pandas Categorical
# (no per-customer string copies; to_csv writes the names).
GRID_R, GRID_FM = np.meshgrid(np.arange(1, 6), np.arange(2, 11), indexing="ij")
CODE_GRID = segment_codes(GRID_R, GRID_FM).astype(np.int8)


def segments(r, f, m):
    return pd.Categorical.from_codes(CODE_GRID[r - 1, f + m - 2], categories=NAMES)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: rfm-peer.py IN.csv OUT.csv")
    start = time.perf_counter()
    # round_trip: the correctly rounded parse, so values (and so ties) match Swift's Double(String).
    data = pd.read_csv(sys.argv[1], dtype={"customer_id": str, "recency_days": np.int64, "frequency": np.int64,
                                           "monetary": np.float64}, float_precision="round_trip")
    read_seconds = time.perf_counter() - start

    start = time.perf_counter()
    # Negated so that fewer days since the last purchase (more recent) scores higher.
    r = scores(-data["recency_days"].to_numpy())
    f = scores(data["frequency"].to_numpy())
    m = scores(data["monetary"].to_numpy())
    segment = segments(r, f, m)
    rfm_seconds = time.perf_counter() - start

    pd.DataFrame({"customer_id": data["customer_id"], "r": r, "f": f, "m": m, "segment": segment}).to_csv(
        sys.argv[2], index=False)
    print(json.dumps({"customers": len(data), "rfm_seconds": rfm_seconds, "read_seconds": read_seconds}))


if __name__ == "__main__":
    main()
