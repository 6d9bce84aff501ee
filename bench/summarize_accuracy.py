#!/usr/bin/env python3
"""Side-by-side summary of score.py results for ScanArchive and plain tesseract (bench/accuracy.sh)."""
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def groups_for(name, gt_root, pages):
    """sample-scans are split by language and into document pages vs. QC cases (degraded on purpose)."""
    if name != "sample-scans":
        return {p["page"]: p["group"] for p in pages}
    out = {}
    for p in pages:
        gt = load(os.path.join(gt_root, p["page"]))
        qc = gt.get("qc") or {}
        degraded = qc.get("blank") or qc.get("blurry") or qc.get("lowResolution") or qc.get("lowContrast") \
            or (qc.get("rotation") or 0) != 0 or abs(qc.get("skewDegrees") or 0) > 5
        lang = gt.get("language", "?")
        out[p["page"]] = f"{'qc-cases' if degraded else 'documents'}-{lang}"
    return out


def aggregate(rows):
    ref = sum(r["ref_chars"] for r in rows)
    refn = sum(r["ref_chars_nospace"] for r in rows)
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("bow_tp", "bow_fp", "bow_fn"))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pages": len(rows),
        "cer": sum(r["edits"] for r in rows) / ref if ref else 0.0,
        "cer_ns": sum(r["edits_nospace"] for r in rows) / refn if refn else 0.0,
        "bow": 2 * p * r / (p + r) if p + r else 0.0,
    }


def main(out):
    print(f"{'set / group':32s} {'pages':>5s} | {'ours CER':>8s} {'CERns':>7s} {'BoW-F1':>7s} | {'tess CER':>8s} {'CERns':>7s} {'BoW-F1':>7s} | {'CER ratio':>9s}")
    for name in ("sample-scans", "real-dev", "real-dev-zh"):
        ours_path = os.path.join(out, f"score-ours-{name}.json")
        tess_path = os.path.join(out, f"score-tesseract-{name}.json")
        if not (os.path.exists(ours_path) and os.path.exists(tess_path)):
            continue
        ours, tess = load(ours_path)["pages"], load(tess_path)["pages"]
        gt_root = {"sample-scans": os.path.join(os.path.dirname(out), "..", "..", "sample-scans")}.get(name, "")
        groups = groups_for(name, gt_root, ours)
        names = sorted(set(groups.values())) + ["ALL"]
        for g in names:
            pick = (lambda rows: rows) if g == "ALL" else (lambda rows, g=g: [r for r in rows if groups.get(r["page"]) == g])
            a, b = aggregate(pick(ours)), aggregate(pick(tess))
            ratio = a["cer"] / b["cer"] if b["cer"] else float("nan")
            print(f"{name + ' / ' + g:32s} {a['pages']:5d} | {a['cer']:8.4f} {a['cer_ns']:7.4f} {a['bow']:7.4f} | "
                  f"{b['cer']:8.4f} {b['cer_ns']:7.4f} {b['bow']:7.4f} | {ratio:9.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
