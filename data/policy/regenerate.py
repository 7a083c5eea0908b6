#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuilds Tanlu's target library from the policy texts.

Usage: data/policy/regenerate.py [--seeds DIR]

Runs library/extract.py on the seed files (../shared/seeds beside the
source tree, or $TANLU_SHARED_DIR/seeds) with the reviewed decisions in
library/decisions.json, keeps its outputs here (plans.json, targets.json,
joint-plan.json) and writes from them the two tables the dataset build
loads: documents.csv (every plan) and targets.csv (every quantitative
target, with its verbatim quote and offset, and the sentence around the
quote, at most 160 characters either side, so that the window can show the
quote in its place). Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTEXT = 160
sys.path.insert(0, os.path.join(HERE, "library"))


def main():
    import extract  # noqa: E402  (library/extract.py)

    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default=extract.SEEDS)
    args = ap.parse_args()

    subprocess.run([sys.executable, os.path.join(HERE, "library", "extract.py"),
                    "--seeds", args.seeds, "--out", HERE], check=True)

    with open(os.path.join(HERE, "plans.json"), encoding="utf-8") as f:
        plans = json.load(f)
    with open(os.path.join(HERE, "targets.json"), encoding="utf-8") as f:
        targets = json.load(f)

    # Tanlu's registry stops at prefecture level: a district's plan is
    # filed under its prefecture-level unit (the first four digits of its
    # code), with the district's own code kept as the plan's place_code.
    districts = {plan["id"]: plan["region_code"] for plan in plans["plans"]
                 if plan["level"] == "district"}

    def filed_under(plan_id, code):
        return int(str(code)[:4] + "00") if plan_id in districts else code

    with open(os.path.join(HERE, "documents.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "title_zh", "issuer_zh", "level", "region_code", "issued",
                      "seed_file", "seed_offset", "note", "place_code", "place_name_zh"])
        for plan in plans["plans"]:
            out.writerow([plan["id"], plan["title"], plan.get("issuing_body") or "",
                          plan["level"], filed_under(plan["id"], plan["region_code"]),
                          plan.get("issue_date") or "", plan["seed_file"], plan["offset"],
                          plan.get("note") or "", districts.get(plan["id"], ""),
                          plan["region_name"] if plan["id"] in districts else ""])

    seeds = {}

    def context(seed_file, offset, quote):
        """The sentence around a quote, for reading it in its place: from the
        end of the sentence before to the end of the sentence after, at most
        CONTEXT characters either side."""
        if seed_file not in seeds:
            with open(os.path.join(args.seeds, seed_file), encoding="utf-8") as seed:
                seeds[seed_file] = seed.read()
        text = seeds[seed_file]
        start = offset
        while start > 0 and offset - start < CONTEXT and text[start - 1] not in "。；;！？":
            start -= 1
        end = offset + len(quote)
        while end < len(text) and end - offset - len(quote) < CONTEXT and text[end - 1] not in "。；;！？":
            end += 1
        return start, text[start:end]

    with open(os.path.join(HERE, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["document", "region_code", "indicator", "target_year", "base_year",
                      "value", "qualifier", "unit", "quote", "quote_offset", "scope",
                      "value_as_written", "note", "context", "context_offset"])
        for t in targets["targets"]:
            value = t["value_converted"]
            out.writerow([t["plan_id"], filed_under(t["plan_id"], t["region_code"]),
                          t["indicator"], t["target_year"],
                          t["base_year"] if t.get("base_year") is not None else "",
                          repr(float(value)) if not float(value).is_integer() else int(value),
                          t["qualifier"], t["unit_converted"], t["quote"], t["quote_offset"],
                          t.get("scope") or "region", t.get("value_as_written") or "",
                          t.get("note") or ""] +
                         list(reversed(context(t["seed_file"], t["quote_offset"], t["quote"]))))

    n_district_targets = sum(t["plan_id"] in districts for t in targets["targets"])
    print("regenerate.py: %d plans, %d targets; %d district plans with %d targets filed under "
          "their prefecture-level units" % (len(plans["plans"]), len(targets["targets"]),
                                            len(districts), n_district_targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
