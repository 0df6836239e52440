#!/usr/bin/env bash
# Debian packages the tests and the demo need: Chromium for the browser tests, PHP for MediaWiki
# PostgreSQL and Redis for the sync server's scale-out tests (MediaWiki itself is unpacked from Debian's package by scripts/wiki.ts, without Apache).
set -euo pipefail
packages=(chromium php-cli php-sqlite3 php-intl php-mbstring php-xml php-curl mediawiki-classes python3-mwparserfromhell postgresql redis-server)
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
# The tests start their own PostgreSQL, Redis and MediaWiki: keep Debian from starting system services.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy" && made_policy=1
fi
status=0
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" || status=$?
[ "$made_policy" -eq 0 ] || $SUDO rm -f "$policy"
exit "$status"
