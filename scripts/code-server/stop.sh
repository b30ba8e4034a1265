#!/usr/bin/env bash
# Stops what scripts/code-server/start.sh started: its whole process group.
set -euo pipefail
dir=${PLANLINT_CS_DIR:-/tmp/planlint-code-server}
[ -f "$dir/pid" ] || { echo "not running"; exit 0; }
pid=$(cat "$dir/pid")
kill -TERM -- "-$pid" 2>/dev/null || true
for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -KILL -- "-$pid" 2>/dev/null || true
rm -f "$dir/pid"
echo "stopped code-server (pid $pid)"
