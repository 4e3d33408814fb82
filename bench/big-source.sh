#!/usr/bin/env bash
# Memory bounded by one item: generates GIB GiB of text files (1 MiB each: log lines, prose and
# code, one e-mail address every 40 lines) in /tmp, runs `wct run` (filesystem -> personal_data)
# over them in a JVM capped at -Xmx512m (override with HEAP), and prints the outcome, CPU and wall
# time and peak RSS. Everything generated (source and store) is deleted afterwards.
#
#   bench/big-source.sh [GIB]      default 5; needs client-cli/target/wct.jar
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gib="${1:-5}"
heap="${HEAP:-512m}"
jar="${WCT_JAR:-$root/client-cli/target/wct.jar}"
[ -f "$jar" ] || { echo "big-source: $jar not found; build client-cli first" >&2; exit 2; }
work="$(mktemp -d /tmp/wct-big-source.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
python3 - "$work/src" "$gib" <<'PY'
import os, sys
out, gib = sys.argv[1], float(sys.argv[2])
files = int(gib * 1024)
lines = []
for i in range(4000):
    if i % 40 == 0:
        lines.append(f"2024-05-01T10:00:{i % 60:02d}Z INFO notify user{i}@example.com about order {i}\n")
    elif i % 3 == 0:
        lines.append(f"    return db.query('SELECT id, title FROM items WHERE id = ?', [{i}]);\n")
    elif i % 3 == 1:
        lines.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n")
    else:
        lines.append(f"2024-05-01T10:00:00Z INFO request handled in {i % 900} ms status=200 build=1.{i % 50}.3\n")
block = "".join(lines).encode()
size = 1024 * 1024
for f in range(files):
    data = (block * (size // len(block) + 1))[:size]
    with open(os.path.join(out, f"part-{f:05d}.txt"), "wb") as fh:
        fh.write(data)
PY
echo "source: $(find "$work/src" -type f | wc -l) files, $(du -sb "$work/src" | cut -f1) bytes; heap -Xmx$heap; $(nproc) cores"
cat >"$work/runbook.yaml" <<'YAML'
name: "Big source"
description: "Generated files, far larger than the heap"
config:
  timeout: 14400
artifacts:
  files:
    source:
      type: filesystem
      properties:
        path: ./src
        max_files: 1000000
    timeout: 4h
  personal_data:
    inputs: files
    process:
      type: personal_data
    timeout: 4h
    output: true
YAML
status=0
(cd "$work" && /usr/bin/time -v -o "$work/time.txt" java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError \
    -Xlog:gc:file="$work/gc.log" -jar "$jar" run runbook.yaml --quiet --store "$work/.wct" >"$work/out.txt" 2>&1) || status=$?
cat "$work/out.txt" | head -8
echo "exit status: $status"
grep -E "User time|System time|Elapsed|Maximum resident" "$work/time.txt"
echo "largest heap after a GC (MiB): $(grep -o -- '->[0-9]*M' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)"
echo "store on disk: $(du -sh "$work/.wct" | cut -f1)"
cp "$work/gc.log" "${GC_LOG_COPY:-/tmp/wct-big-source-gc.log}" 2>/dev/null || true
exit "$status"
