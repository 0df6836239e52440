#!/usr/bin/env bash
# Debian packages the tests and the demo need: Chromium for the browser tests, PHP for MediaWiki
# and PostgreSQL for the sync server's shared-deployment store (MediaWiki itself is unpacked from Debian's package by scripts/wiki.ts, without Apache).
set -euo pipefail
packages=(chromium php-cli php-sqlite3 php-intl php-mbstring php-xml php-curl mediawiki-classes python3-mwparserfromhell postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# scripts/wiki.ts unpacks the mediawiki package with `apt-get download`, which needs apt's package lists.
if ! apt-cache policy mediawiki 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  $SUDO apt-get update -q
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
