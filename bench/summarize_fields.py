#!/usr/bin/env python3
"""Field extraction scores for bench/fields.sh (Python 3, standard library only).

  summarize_fields.py sample GT_DIR PRED_DIR          per-key precision/recall/F1 and docType accuracy on sample-scans,
                                                      ours vs the regex-only baseline (computed here from the same OCR text)
  summarize_fields.py realdev GT_DIR PRED_DIR OUT_DIR writes score.py inputs for real-dev: OUT_DIR/ours and OUT_DIR/baseline
  summarize_fields.py sroie-keys GT_DIR OUT_DIR       per-key SROIE precision/recall/F1 from those inputs

Values are compared the way ../shared/tools/score.py compares fields: NFKC, case-folded, without whitespace or
punctuation. A page's ground truth has at most one value per key; a prediction counts once per key.

Regex-only baseline (documented in bench/README.md): no labels, no layout, only patterns over the page text.
  sample-scans: id_number = first 17 digits + check char; phone = first mainland mobile; email = first address;
    document_date = first date (ISO, day-first); amount = largest amount written with ¥/CNY/RMB/元 or 2 decimals;
    customer_no = first KH + 8 digits. Other keys: nothing.
  SROIE: company = first text line with 4+ letters; date = first dd/mm/yy(yy) (printed form); address = first line
    holding a 5-digit postcode; total = number after the last "TOTAL" (else the largest 2-decimal number).
  FUNSD: every text line "label: value" gives the pair (label, value).
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

KEYS = ["customer_name", "customer_no", "id_number", "phone", "email", "address", "date_of_birth", "gender",
        "document_date", "document_no", "amount", "company_name"]


def norm(s):
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    return "".join(ch for ch in s if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------- regex-only baseline
MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
DATE_RES = [
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?!\d)"), "dmy"),
    (re.compile(r"(?<!\w)(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})", re.I), "dMy"),
]


def first_date(text):
    best = None
    for rx, kind in DATE_RES:
        m = rx.search(text)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if kind == "ymd":
                y, mo, d = int(a), int(b), int(c)
            elif kind == "dmy":
                d, mo, y = int(a), int(b), int(c)
            else:
                d, mo, y = int(a), MONTHS[b[:3].lower()], int(c)
        except (ValueError, KeyError):
            continue
        if 1 <= mo <= 12 and 1 <= d <= 31 and (best is None or m.start() < best[0]):
            best = (m.start(), f"{y:04d}-{mo:02d}-{d:02d}")
    return best[1] if best else None


def baseline_sample(text):
    t = unicodedata.normalize("NFKC", text)
    out = {}
    m = re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", t)
    if m:
        out["id_number"] = m.group(0).upper()
    m = re.search(r"(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)", t)
    if m:
        out["phone"] = re.sub(r"\D", "", m.group(0))
    m = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", t)
    if m:
        out["email"] = m.group(0)
    d = first_date(t)
    if d:
        out["document_date"] = d
    amounts = []
    for m in re.finditer(r"(?:¥|CNY|RMB)\s*([\d,]+(?:\.\d{2})?)|([\d,]+\.\d{2})|([\d,]+(?:\.\d{2})?)\s*元", t):
        v = next(g for g in m.groups() if g)
        try:
            amounts.append(float(v.replace(",", "")))
        except ValueError:
            pass
    if amounts:
        out["amount"] = f"{max(amounts):.2f}"
    m = re.search(r"KH\d{8}", t)
    if m:
        out["customer_no"] = m.group(0)
    return out


def baseline_sroie(text):
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    fields = []
    for l in lines:
        if sum(c.isalpha() for c in l) >= 4:
            fields.append({"key": "company", "value": l})
            break
    m = re.search(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)", text)
    if m:
        fields.append({"key": "date", "value": m.group(0)})
    for l in lines:
        if re.search(r"(?<!\d)\d{5}(?!\d)", l):
            fields.append({"key": "address", "value": l})
            break
    totals = re.findall(r"total\b[^\d\n]*([\d,]+\.\d{2})", text, re.I)
    if totals:
        fields.append({"key": "total", "value": totals[-1]})
    else:
        nums = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\.\d{2}", text)]
        if nums:
            fields.append({"key": "total", "value": f"{max(nums):.2f}"})
    return fields


def baseline_funsd(text):
    fields = []
    for l in text.split("\n"):
        m = re.match(r"^\s*([^:]{1,40}?):\s*(\S.*)$", l)
        if m:
            fields.append({"key": m.group(1).strip() + ":", "value": m.group(2).strip()})
    return fields


# ---------------------------------------------------------------- sample-scans
def sample(gt_dir, pred_dir):
    counts = {"ours": defaultdict(lambda: [0, 0, 0]), "baseline": defaultdict(lambda: [0, 0, 0])}
    split = {"ours": defaultdict(lambda: [0, 0, 0]), "baseline": defaultdict(lambda: [0, 0, 0])}
    types = [0, 0]
    misses = []
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith(".json"):
            continue
        gt = load(os.path.join(gt_dir, name))
        if "fields" not in gt:
            continue
        truth = {f["key"]: f["value"] for f in gt["fields"]}
        pred_path = os.path.join(pred_dir, name)
        pred = load(pred_path) if os.path.exists(pred_path) else {}
        group = "qc" if name.startswith("qc-") else "document"
        ours = {}
        for f in pred.get("fields", []):
            ours.setdefault(f["key"], f["value"])
        systems = {"ours": ours, "baseline": baseline_sample(pred.get("text", ""))}
        for system, values in systems.items():
            for key in KEYS:
                t, p = truth.get(key), values.get(key)
                c = counts[system][key]
                s = split[system][group]
                if t is not None and p is not None and norm(t) == norm(p):
                    c[0] += 1; s[0] += 1
                else:
                    if p is not None:
                        c[1] += 1; s[1] += 1
                    if t is not None:
                        c[2] += 1; s[2] += 1
                    if system == "ours" and (t is not None or p is not None):
                        misses.append(f"  {name[:-5]:42s} {key:14s} truth={t!r} got={p!r}")
        types[1] += 1
        if pred.get("docType") == gt.get("docType"):
            types[0] += 1
        else:
            misses.append(f"  {name[:-5]:42s} {'docType':14s} truth={gt.get('docType')!r} got={pred.get('docType')!r}")

    print("sample-scans: field precision / recall / F1 per key (values compared like score.py)")
    print(f"{'key':16s} {'ours P':>7s} {'R':>6s} {'F1':>6s}   {'regex P':>7s} {'R':>6s} {'F1':>6s}   {'n':>3s}")
    totals = {s: [0, 0, 0] for s in counts}
    for key in KEYS:
        row = []
        for system in ("ours", "baseline"):
            tp, fp, fn = counts[system][key]
            for i, v in enumerate((tp, fp, fn)):
                totals[system][i] += v
            row.append(prf(tp, fp, fn))
        n = counts["ours"][key][0] + counts["ours"][key][2]
        print(f"{key:16s} {row[0][0]:7.3f} {row[0][1]:6.3f} {row[0][2]:6.3f}   {row[1][0]:7.3f} {row[1][1]:6.3f} {row[1][2]:6.3f}   {n:3d}")
    for label, source in (("ALL", totals), ("document pages", {s: split[s]["document"] for s in split}), ("QC pages", {s: split[s]["qc"] for s in split})):
        o, b = prf(*source["ours"]), prf(*source["baseline"])
        print(f"{label:16s} {o[0]:7.3f} {o[1]:6.3f} {o[2]:6.3f}   {b[0]:7.3f} {b[1]:6.3f} {b[2]:6.3f}   {source['ours'][0] + source['ours'][2]:3d}")
    print(f"docType accuracy: {types[0]}/{types[1]}")
    print("\nmisses (ours):")
    print("\n".join(misses))


# ---------------------------------------------------------------- real-dev
def realdev(gt_dir, pred_dir, out_dir):
    for root, _, files in os.walk(gt_dir):
        for fn in files:
            if not fn.endswith(".json") or fn == "manifest.json":
                continue
            rel = os.path.relpath(os.path.join(root, fn), gt_dir)
            dataset = rel.split(os.sep)[0]
            pred_path = os.path.join(pred_dir, rel)
            pred = load(pred_path) if os.path.exists(pred_path) else {}
            text = pred.get("text", "")
            if dataset == "sroie":
                by_key = {f["key"]: f for f in pred.get("fields", [])}
                ours = []
                for ours_key, gt_key in (("company_name", "company"), ("document_date", "date"), ("address", "address"), ("amount", "total")):
                    if ours_key in by_key:
                        # SROIE keeps dates as printed (17/01/2018), so the printed text is what is compared.
                        f = by_key[ours_key]
                        ours.append({"key": gt_key, "value": f["raw"] if ours_key == "document_date" else f["value"]})
                base = baseline_sroie(text)
            elif dataset == "funsd":
                ours = [{"key": p["label"], "value": p["value"]} for p in pred.get("pairs", [])]
                base = baseline_funsd(text)
            else:
                ours, base = [], []
            for system, fields in (("ours", ours), ("baseline", base)):
                path = os.path.join(out_dir, system, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    json.dump({"text": text, "fields": fields}, f, ensure_ascii=False)


def sroie_keys(gt_dir, score_dir):
    """Per-key precision/recall/F1 on SROIE for ours and the baseline (values compared like score.py)."""
    counts = {s: defaultdict(lambda: [0, 0, 0]) for s in ("ours", "baseline")}
    folder = os.path.join(gt_dir, "sroie")
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".json"):
            continue
        truth = {f["key"]: f["value"] for f in load(os.path.join(folder, fn))["fields"]}
        for system in counts:
            path = os.path.join(score_dir, system, "sroie", fn)
            pred = {f["key"]: f["value"] for f in load(path)["fields"]} if os.path.exists(path) else {}
            for key in ("company", "date", "address", "total"):
                t, p = truth.get(key), pred.get(key)
                c = counts[system][key]
                if t is not None and p is not None and norm(t) == norm(p):
                    c[0] += 1
                else:
                    c[1] += p is not None
                    c[2] += t is not None
    print("SROIE per key (ours key -> SROIE key: company_name -> company, document_date raw -> date, address, amount -> total)")
    print(f"{'key':10s} {'ours P':>7s} {'R':>6s} {'F1':>6s}   {'regex P':>7s} {'R':>6s} {'F1':>6s}")
    for key in ("company", "date", "address", "total"):
        o, b = prf(*counts["ours"][key]), prf(*counts["baseline"][key])
        print(f"{key:10s} {o[0]:7.3f} {o[1]:6.3f} {o[2]:6.3f}   {b[0]:7.3f} {b[1]:6.3f} {b[2]:6.3f}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "sample":
        sample(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 5 and sys.argv[1] == "realdev":
        realdev(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "sroie-keys":
        sroie_keys(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
