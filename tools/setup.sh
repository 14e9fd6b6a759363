#!/usr/bin/env bash
# Installs the Debian 12 packages Folio needs to build, test and render.
# Idempotent: asks apt-get only for what dpkg says is missing.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config clang-format
  # libraries (one per field, see README "Dependencies")
  libpodofo-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libicu-dev
  libyaml-dev libcmark-dev libhyphen-dev zlib1g-dev libdeflate-dev libpng-dev libjpeg-dev
  libgtest-dev libbenchmark-dev
  # hyphenation patterns
  hyphen-en-us hyphen-de hyphen-fr hyphen-ru hyphen-es hyphen-it
  # fonts: Noto for every script Folio supports out of the box
  fonts-noto-core fonts-noto-cjk fonts-noto-mono fontconfig
  # ICC profiles for PDF/X-4 and PDF/A-2b output (docs/standards.md): sRGB, and
  # Ghostscript's CMYK press profile
  icc-profiles-free libgs-common
  # independent PDF readers used by the tests
  qpdf poppler-utils mupdf-tools ghostscript python3 python3-yaml python3-pikepdf libharfbuzz-bin time
  # the copy-and-paste test's other readers: pdfminer, and Node.js for pdf.js and
  # PDFium (npm modules pinned in tests/e2e/copypaste/package-lock.json)
  python3-pdfminer nodejs
)
# npm comes with Node.js from other sources (NodeSource), which conflict with
# Debian's npm package: ask for it only when there is no npm.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
