#!/usr/bin/env python3
"""CER tables for bench/quality.sh: skewed/turned pages with and without cleanup, and CER by defect strength."""
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(out):
    modes = ["no-cleanup", "engine-deskew", "cleanup"]
    scores = {m: load(os.path.join(out, f"score-{m}.json"))["summary"] for m in modes}
    groups = sorted(g for g in scores["cleanup"] if g != "ALL")
    print("== CER on skewed and turned pages (whitespace collapsed; CERns without whitespace; lower is better)")
    print("   no-cleanup: engine without any deskew; engine-deskew: the engine as before QC (Leptonica, skews >= 1 deg);")
    print("   cleanup: QC turns the page upright and straightens it, then the same engine")
    print(f"{'group':<14}{'pages':>6}" + "".join(f"{m + ' CER':>20}{'CERns':>8}" for m in modes))
    for g in groups + ["ALL"]:
        row = f"{g:<14}{scores['cleanup'][g]['pages']:>6}"
        for m in modes:
            s = scores[m].get(g)
            row += f"{s['cer_micro']:>20.3f}{s['cer_nospace_micro']:>8.3f}" if s else f"{'-':>28}"
        print(row)

    defects = load(os.path.join(out, "score-defects.json"))["summary"]
    print()
    print("== CER after cleanup by defect strength (same 10 document pages degraded; 'sample' = as scanned)")
    print(f"{'group':<22}{'pages':>6}{'CER':>8}{'CERns':>8}{'BoW-F1':>8}")
    for g in sorted(defects, key=lambda k: (k == "ALL", k)):
        s = defects[g]
        print(f"{g:<22}{s['pages']:>6}{s['cer_micro']:>8.3f}{s['cer_nospace_micro']:>8.3f}{s['bow_f1_micro']:>8.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
