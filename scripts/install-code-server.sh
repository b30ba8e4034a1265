#!/usr/bin/env bash
# Installs code-server (a full VS Code 1.100.3) and Debian's Chromium for the extension-host
# and UI tests. Idempotent: a cached install is reused. See ARCHITECTURE.md, "Tests".
set -euo pipefail
CS_VERSION=4.100.3
CACHE=${PLANLINT_CACHE:-$HOME/.cache/planlint}
CS_DIR=$CACHE/code-server-$CS_VERSION

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# Chinese text in the screenshots needs a CJK font (Chromium draws boxes without one).
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "code-server $CS_VERSION cached at $CS_DIR"
  exit 0
fi
echo "installing code-server $CS_VERSION into $CS_DIR (about 90 s)"
rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
export TMPDIR=${TMPDIR:-/tmp}
# @vscode/ripgrep's postinstall would download rg: give it Debian's from its local cache path.
RG_CACHE=$TMPDIR/vscode-ripgrep-cache-1.15.11
mkdir -p "$RG_CACHE"
tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg
rm -rf "$tmp"
cd "$CS_DIR.tmp"
echo '{"name":"planlint-code-server","private":true}' > package.json
npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
cd / && rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
echo "code-server installed"
