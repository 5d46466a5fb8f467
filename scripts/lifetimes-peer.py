#!/usr/bin/env python3
"""Benchmark peer: fits BG/NBD and Gamma-Gamma with the Python `lifetimes` library on a CSV
(frequency,recency,T,monetary_value) and prints the parameters and fit times as one JSON object.
Run it with the venv from scripts/setup-lifetimes: `$(scripts/setup-lifetimes | tail -1) scripts/lifetimes-peer.py IN.csv`."""
import argparse
import contextlib
import json
import sys
import time
from importlib.metadata import version

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import ConvergenceError


def timed_fit(name, fitter, *columns):
    # lifetimes prints scipy's OptimizeResult to stdout before raising ConvergenceError: keep stdout JSON only.
    try:
        with contextlib.redirect_stdout(sys.stderr):
            start = time.perf_counter()
            fitter.fit(*columns)
            return time.perf_counter() - start
    except (ConvergenceError, ValueError) as error:
        sys.exit(f"lifetimes-peer: {name} fit failed: {type(error).__name__}: {str(error).strip()}")


def main():
    parser = argparse.ArgumentParser(description=" ".join(__doc__.splitlines()[:2]))
    parser.add_argument("input", help="CSV with header frequency,recency,T,monetary_value")
    parser.add_argument("--penalizer", type=float, default=0.0, help="penalizer_coef of both fitters")
    args = parser.parse_args()
    np.seterr(all="ignore")  # overflow/log(0) warnings while the optimiser probes wild steps are noise

    data = pd.read_csv(args.input, dtype=float)
    missing = {"frequency", "recency", "T", "monetary_value"} - set(data.columns)
    if missing:
        sys.exit(f"lifetimes-peer: {args.input} lacks column(s) {', '.join(sorted(missing))}")
    x, t_x, T = data["frequency"].to_numpy(), data["recency"].to_numpy(), data["T"].to_numpy()
    repeat = data[data["frequency"] > 0]
    x_rep, m_rep = repeat["frequency"].to_numpy(), repeat["monetary_value"].to_numpy()

    bg = BetaGeoFitter(penalizer_coef=args.penalizer)
    bg_seconds = timed_fit("BG/NBD", bg, x, t_x, T)
    gg = GammaGammaFitter(penalizer_coef=args.penalizer)
    gg_seconds = timed_fit("Gamma-Gamma", gg, x_rep, m_rep)

    # lifetimes' _negative_log_likelihood_ is the MEAN over customers, plus the penalty, and for BG/NBD
    # in its internally rescaled time unit (T / max T). Re-evaluate its own likelihood function at the
    # fitted parameters on the data as given, without penalty, and sum: the total log-likelihood.
    bg_params = bg.params_[["r", "alpha", "a", "b"]].to_numpy()
    bg_ll = -len(x) * bg._negative_log_likelihood(np.log(bg_params), x, t_x, T, np.ones_like(x), 0.0)
    gg_params = gg.params_[["p", "q", "v"]].to_numpy()
    gg_ll = -len(x_rep) * gg._negative_log_likelihood(np.log(gg_params), x_rep, m_rep, np.ones_like(x_rep), 0.0)

    r, alpha, a, b = bg_params
    p, q, v = gg_params
    print(json.dumps({
        "bgnbd": {"r": r, "alpha": alpha, "a": a, "b": b, "seconds": bg_seconds, "log_likelihood": bg_ll},
        "gamma_gamma": {"p": p, "q": q, "gamma": v, "seconds": gg_seconds, "log_likelihood": gg_ll},
        "customers": len(data),
        "lifetimes_version": version("lifetimes"),
    }))


if __name__ == "__main__":
    main()
