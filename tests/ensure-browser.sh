#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright (never a downloaded browser),
# with a CJK font so that screenshots show Chinese, and npm, which fetches axe-core (pinned in
# tests/browser/axe.py) for the accessibility tests, and antiword, which `make import` uses for old
# Word .doc files, and tesseract with its Simplified Chinese data, which `make import --ocr` uses for
# scanned PDFs. Install what is missing; needs root, as on CI.
set -euo pipefail
packages=(chromium fonts-noto-cjk antiword tesseract-ocr tesseract-ocr-chi-sim)
command -v npm > /dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "tests need: ${missing[*]}; run 'sudo apt-get install ${missing[*]}'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
