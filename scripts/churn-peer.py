#!/usr/bin/env python3
"""Benchmark peer: trains scikit-learn's logistic regression and histogram gradient boosting on the
train rows of a churn-feature CSV (split,label,<features...>) and scores the validate rows.
Prints one JSON line: row counts, each model's validation AUC, average precision and fit time, and
the CSV read time. Run it with the venv from scripts/setup-peers."""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def timed(model, x, y):
    start = time.perf_counter()
    model.fit(x, y)
    return time.perf_counter() - start


def scored(model, seconds, x, y):
    scores = model.predict_proba(x)[:, 1]
    return {"auc": roc_auc_score(y, scores), "pr_auc": average_precision_score(y, scores), "train_seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=" ".join(__doc__.splitlines()[:2]))
    parser.add_argument("input", help="CSV with header split,label,<feature columns...>")
    parser.add_argument("--l2", type=float, default=1.0, help="penalty on the standardised weights (C = 1 / l2)")
    args = parser.parse_args()
    if not args.l2 > 0:
        sys.exit(f"churn-peer: --l2 must be > 0 (scikit-learn's C = 1 / l2), not {args.l2}")

    start = time.perf_counter()
    data = pd.read_csv(args.input)
    read_seconds = time.perf_counter() - start
    missing = {"split", "label"} - set(data.columns)
    if missing or len(data.columns) < 3:
        sys.exit(f"churn-peer: {args.input} needs columns split,label and at least one feature")
    features = [c for c in data.columns if c not in ("split", "label")]
    train, validate = data[data["split"] == "train"], data[data["split"] == "validate"]
    if train.empty or validate.empty or train["label"].nunique() < 2 or validate["label"].nunique() < 2:
        sys.exit("churn-peer: need train and validate rows, each with both labels")
    x_train, y_train = train[features].to_numpy(dtype=np.float64), train["label"].to_numpy(dtype=np.int64)
    x_validate, y_validate = validate[features].to_numpy(dtype=np.float64), validate["label"].to_numpy(dtype=np.int64)

    # The scaler inside the pipeline: the logistic train time includes standardising, as ours does.
    logistic = make_pipeline(StandardScaler(), LogisticRegression(C=1 / args.l2, solver="lbfgs", max_iter=1000))
    logistic_seconds = timed(logistic, x_train, y_train)
    boosting = HistGradientBoostingClassifier(random_state=0)
    boosting_seconds = timed(boosting, x_train, y_train)

    print(json.dumps({
        "rows_train": len(train),
        "rows_validate": len(validate),
        "logistic": scored(logistic, logistic_seconds, x_validate, y_validate),
        "gradient_boosting": scored(boosting, boosting_seconds, x_validate, y_validate),
        "read_seconds": read_seconds,
    }))


if __name__ == "__main__":
    main()
