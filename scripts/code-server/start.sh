#!/usr/bin/env bash
# Starts code-server for a look by hand at PlanLint in a real VS Code (see ../../test/support/codeServer.ts
# for what the tests do). Usage: scripts/code-server/start.sh [folder] [code-server flags…]
# Without a folder it opens a fresh copy of test/fixtures/workspace.
# Installs planlint-<version>.vsix when it exists (else loads the repo as a development extension),
# keeps everything in $PLANLINT_CS_DIR (default /tmp/planlint-code-server), prints the URL.
# Stop it with scripts/code-server/stop.sh.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${PLANLINT_CS_DIR:-/tmp/planlint-code-server}
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  folder=$(cd "$1" && pwd); shift
else
  # A fresh copy of the fixture workspace, so saves never touch the repository.
  rm -rf "$dir/workspace" && mkdir -p "$dir" && cp -r "$repo/test/fixtures/workspace" "$dir/workspace"
  folder=$dir/workspace
fi
port=${PORT:-8931}
bash "$repo/scripts/install-code-server.sh" >/dev/null
cs=${PLANLINT_CACHE:-$HOME/.cache/planlint}/code-server-4.100.3/node_modules/.bin/code-server
if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
  echo "already running (pid $(cat "$dir/pid")): http://127.0.0.1:$port/"; exit 0
fi
mkdir -p "$dir"/{user-data/User,extensions,xdg/config,xdg/data,xdg/cache,tmp}
export XDG_CONFIG_HOME=$dir/xdg/config XDG_DATA_HOME=$dir/xdg/data XDG_CACHE_HOME=$dir/xdg/cache TMPDIR=$dir/tmp
export EXTENSIONS_GALLERY='{}'
version=$(node -p "require('$repo/package.json').version")
vsix=$repo/planlint-$version.vsix
url="http://127.0.0.1:$port/?folder=$folder"
if [ -f "$vsix" ]; then
  "$cs" --install-extension "$vsix" --force --extensions-dir "$dir/extensions" --user-data-dir "$dir/user-data" >/dev/null
else
  echo "no $vsix (npm run package): loading the repo as a development extension"
  url="$url&payload=$(node -p "encodeURIComponent(JSON.stringify([['extensionDevelopmentPath','vscode-remote://127.0.0.1:$port$repo']]))")"
fi
setsid "$cs" --auth none --bind-addr "127.0.0.1:$port" --user-data-dir "$dir/user-data" --extensions-dir "$dir/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override "$@" \
  >"$dir/code-server.log" 2>&1 </dev/null &
echo $! >"$dir/pid"
for _ in $(seq 1 100); do
  node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "http://127.0.0.1:$port/healthz" && break
  sleep 0.2
done
echo "code-server (pid $(cat "$dir/pid"), log $dir/code-server.log): $url"
