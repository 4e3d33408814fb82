#!/usr/bin/env python3
"""Scores personal_data findings on database columns against a hand-made ground truth.

usage: score_columns.py TRUTH_CSV RESULTS_JSON OUTPUT_ID=DATABASE:COLUMNS_FILE...

TRUTH_CSV: database,table,column,category,tier ('#' lines are comments; category alternatives
separated by '|'). RESULTS_JSON: the results document of `wct run --output`. Each OUTPUT_ID (a
personal_data artifact) is scored against the truth rows of DATABASE, restricted to the columns
that exist in that engine's copy (COLUMNS_FILE: one 'table,column' a line, read from the
catalogue), since the engines' variants of a schema differ by a few columns.

Two levels, each with precision, recall and F2 (recall weighs 4x precision):
- column: a column is found when it has a finding of any category; it is personal data when the
  truth lists it (also with the truth's 'extended' rows left out: columns neither counted nor
  missed);
- column and category: a (column, category) pair is found when a finding says so; it is a true
  positive when the truth's alternatives for that column include the category. Per category, true
  positives and misses count under the truth row's first category, false alarms under the
  finding's.
Findings on a table without a column (a table-name match) are listed, not scored. Everything is
scored three times: all findings, those of confidence medium or high, and those of confidence high
(how many columns a reader can trust without looking).
"""
import collections
import csv
import json
import sys


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
    return p, r, f2


def row(name, tp, fp, fn):
    p, r, f2 = prf(tp, fp, fn)
    return f"| {name} | {tp + fn} | {tp + fp} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f2:.3f} |"


HEADER = "| {} | truth | found | TP | FP | FN | precision | recall | F2 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"


def read_truth(path):
    truth = collections.defaultdict(dict)
    with open(path) as f:
        lines = [line for line in f if not line.startswith("#")]
    for r in csv.DictReader(lines):
        truth[r["database"]][(r["table"], r["column"])] = (r["category"].split("|"), r["tier"])
    return truth


RANK = {"low": 0, "medium": 1, "high": 2}


def main(argv):
    truth = read_truth(argv[1])
    results = json.load(open(argv[2]))
    for minimum in ("low", "medium", "high"):
        print(f"\n### Findings of confidence {minimum}{'' if minimum == 'high' else ' or higher'}\n")
        score(truth, results, argv[3:], minimum)


def score(truth, results, specs, minimum):
    outputs = {o["id"]: o for o in results["outputs"]}
    columns_total = collections.Counter()
    pairs_total = collections.Counter()
    core_total = collections.Counter()
    by_category = collections.defaultdict(collections.Counter)
    mistakes = []
    for spec in specs:
        output_id, rest = spec.split("=", 1)
        database, columns_file = rest.split(":", 1)
        existing = {tuple(line.strip().split(",", 1)) for line in open(columns_file) if line.strip()}
        expected = {k: v for k, v in truth[database].items() if k in existing}
        found = collections.defaultdict(set)  # (table, column) -> categories
        via_value = set()
        for finding in outputs[output_id]["content"]["findings"]:
            if RANK[finding.get("confidence", "high")] < RANK[minimum]:
                continue
            loc = finding["location"]
            if "column" not in loc:
                mistakes.append(f"{output_id}: table-level {finding['category']} on {loc.get('table')} (not scored)")
                continue
            key = (loc["table"], loc["column"])
            found[key].add(finding["category"])
            if any(d["kind"] == "value" for d in finding.get("detectors", [])):
                via_value.add((key, finding["category"]))
        counts = collections.Counter()
        for key in set(expected) | set(found):
            if key in expected and key in found:
                counts["tp"] += 1
            elif key in expected:
                counts["fn"] += 1
                mistakes.append(f"{output_id}: missed column {'.'.join(key)} ({'|'.join(expected[key][0])})")
            else:
                counts["fp"] += 1
                mistakes.append(f"{output_id}: false column {'.'.join(key)} ({', '.join(sorted(found[key]))})")
        core = collections.Counter()  # the same, with the extended rows of the truth left out
        for key in set(expected) | set(found):
            if key in expected and expected[key][1] != "core":
                continue
            core["tp" if key in expected and key in found else "fn" if key in expected else "fp"] += 1
        pair_counts = collections.Counter()
        for key, (alternatives, tier) in expected.items():
            hit = found.get(key, set()) & set(alternatives)
            bucket = by_category[(alternatives[0], tier)]
            if hit:
                pair_counts["tp"] += 1
                bucket["tp"] += 1
            else:
                pair_counts["fn"] += 1
                bucket["fn"] += 1
                if key in found:
                    mistakes.append(f"{output_id}: {'.'.join(key)} found as {', '.join(sorted(found[key]))}, truth {'|'.join(alternatives)}")
        for key, categories in found.items():
            alternatives = expected.get(key, ([], ""))[0]
            for category in categories - set(alternatives):
                pair_counts["fp"] += 1
                by_category[(category, expected.get(key, (None, "not personal"))[1])]["fp"] += 1
                if key in expected:
                    mistakes.append(f"{output_id}: extra category {category} on {'.'.join(key)}")
        print(f"\n{output_id} ({database}, {len(existing)} columns read, {len(expected)} personal by the truth):\n")
        print(HEADER.format("level"))
        print(row("column", counts["tp"], counts["fp"], counts["fn"]))
        print(row("column, core truth rows only", core["tp"], core["fp"], core["fn"]))
        print(row("column and category", pair_counts["tp"], pair_counts["fp"], pair_counts["fn"]))
        columns_total.update(counts)
        core_total.update(core)
        pairs_total.update(pair_counts)
    print("\nAll databases:\n")
    print(HEADER.format("level"))
    print(row("column", columns_total["tp"], columns_total["fp"], columns_total["fn"]))
    print(row("column, core truth rows only", core_total["tp"], core_total["fp"], core_total["fn"]))
    print(row("column and category", pairs_total["tp"], pairs_total["fp"], pairs_total["fn"]))
    print("\nAll databases, per category (tier of the truth row; 'not personal' = a column the truth does not list):\n")
    print(HEADER.format("category (tier)"))
    for (category, tier), c in sorted(by_category.items()):
        print(row(f"{category} ({tier})", c["tp"], c["fp"], c["fn"]))
    print("\nDifferences from the truth:\n")
    for m in mistakes:
        print(f"- {m}")


if __name__ == "__main__":
    main(sys.argv)
