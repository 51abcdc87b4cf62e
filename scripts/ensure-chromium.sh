#!/usr/bin/env bash
# The browser tests run in Debian's Chromium (Playwright's own browser downloads are never used).
# Exits 0 when the browser is there, installs it with apt-get when running as root, or says what to run.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but no executable browser is there." >&2
  echo "Fix CHROMIUM_PATH, or unset it to use Debian's chromium at /usr/bin/chromium." >&2
  exit 1
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  if [[ -x "$CHROMIUM" ]]; then
    exit 0
  fi
  echo "apt-get finished, but $CHROMIUM is still missing." >&2
  exit 1
fi

echo "Browser tests need Debian's chromium at /usr/bin/chromium: run \`sudo apt-get install -y chromium\`" >&2
echo "(or set CHROMIUM_PATH to another Chromium executable)." >&2
exit 1
