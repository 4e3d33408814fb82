#!/usr/bin/env bash
# Cold `wct run` of a one-artifact runbook: each run is a fresh JVM that starts the embedded
# Temporal service, runs a filesystem source over a tiny folder and exits. Prints the median wall
# time, CPU time (user + system: steadier than wall time on a shared machine) and peak RSS over N
# runs (default 5), measured with GNU time.
#
#   bench/cold-run.sh [N]            uses client-cli/target/wct.jar (build it first)
#   WCT_JAR=path/to/wct.jar bench/cold-run.sh 10
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
jar="${WCT_JAR:-$root/client-cli/target/wct.jar}"
[ -x /usr/bin/time ] || { echo "cold-run: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
[ -f "$jar" ] || { echo "cold-run: $jar not found; build client-cli first" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files"
printf 'Contact: jane.doe@example.com\n' >"$work/files/contact.txt"
cat >"$work/runbook.yaml" <<'YAML'
name: "Cold start benchmark"
description: "One filesystem source over one small file"
artifacts:
  files:
    source:
      type: filesystem
      properties:
        path: ./files
    output: true
YAML

walls=()
cpus=()
rss=()
for i in $(seq 1 "$runs"); do
  (cd "$work" && /usr/bin/time -v -o "$work/time.txt" \
      java ${WCT_JAVA_OPTS:-} -jar "$jar" run runbook.yaml --quiet --store "$work/.wct" >/dev/null)
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")"
  kib="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
  secs="$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')"
  user="$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")"
  sys="$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")"
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  walls+=("$secs")
  cpus+=("$cpu")
  rss+=("$kib")
  echo "run $i: wall ${secs}s, cpu ${cpu}s, peak RSS $((kib / 1024)) MiB"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median over $runs cold runs: wall $(median "${walls[@]}")s, cpu $(median "${cpus[@]}")s, peak RSS $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB"
