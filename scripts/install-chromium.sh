#!/usr/bin/env bash
# Installs what the e2e suite needs from Debian's packages, when missing: Chromium (no tool may
# download its own browser here) and the CJK fonts (without them Chinese renders as boxes).
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
# (no grep -q: with pipefail, fc-list's SIGPIPE would count as a miss)
[ -n "$(fc-list :lang=zh family 2>/dev/null | grep -i 'Noto Sans CJK')" ] || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && { echo "e2e browser: $(chromium --version 2>/dev/null || echo "${CHROMIUM_PATH}")"; exit 0; }
if [ -n "${CHROMIUM_PATH:-}" ] && [ "${CHROMIUM_PATH}" != /usr/bin/chromium ]; then
  echo "CHROMIUM_PATH=${CHROMIUM_PATH} is not executable" >&2
  exit 1
fi
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "installing ${need[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
chromium --version 2>/dev/null
