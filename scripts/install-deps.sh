#!/usr/bin/env bash
# Installs the system packages the tests need, idempotently: the .NET SDK (checked here), Chromium for
# the browser tests (tests/Browser.Tests drive /usr/bin/chromium through Playwright), npm for the studio
# canvas, and a local PostgreSQL cluster for the PostgreSQL and multi-node tests (scripts/postgres.sh).
set -euo pipefail
if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required: install it first (https://dot.net)." >&2
  exit 1
fi
packages=(chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# The host's build bundles the studio canvas with npm (src/Host/ClientApp). Node may come from another
# source than Debian (NodeSource bundles npm), so ask for Debian's packages only when npm is absent.
command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
bash "$(dirname "$0")/postgres.sh"
