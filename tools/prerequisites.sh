#!/usr/bin/env bash
# Native prerequisites of ScanArchive on Debian 12, installed with apt when missing.
# Sourced by ./scanarchive and ./test.sh; safe to run repeatedly (checks before installing).

SCANARCHIVE_APT_PACKAGES=(
  libtesseract5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-osd
  fonts-noto-cjk fonts-arphic-ukai fonts-comic-neue fonts-dejavu-core
  poppler-utils qpdf python3
  libsane1 sane-utils
)

ensure_prerequisites() {
  local missing=()
  local pkg
  for pkg in "${SCANARCHIVE_APT_PACKAGES[@]}"; do
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
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet not found on PATH). See README.md." >&2
    return 1
  fi
}

# Extra packages for benchmarks (peers such as ocrmypdf), installed the same way when missing.
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
