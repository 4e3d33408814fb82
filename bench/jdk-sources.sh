#!/usr/bin/env bash
# End to end on one machine: `wct run` (filesystem -> personal_data) over the JDK's own sources,
# side by side with ripgrep searching the same keyword and value patterns with one thread.
# Each round runs both, alternating which goes first; CPU time is user + system of the whole
# process (JVM, embedded Temporal, store) from GNU time. The last wct round records a JFR profile
# and prints where the Java samples went (read, encode, store, decode, analyse, Temporal, other).
#
#   bench/jdk-sources.sh [ROUNDS]       (default 3; needs client-cli/target/wct.jar and
#                                        analysers/target/bench/rg-patterns.txt, written by
#                                        PersonalDataThroughputBench)
#   SRC_ZIP=/path/to/src.zip bench/jdk-sources.sh    another JDK's sources
#   CDS=0 bench/jdk-sources.sh     without the class-data archive that the `wct` launcher maps
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
jar="${WCT_JAR:-$root/client-cli/target/wct.jar}"
patterns="$root/analysers/target/bench/rg-patterns.txt"
[ -f "$jar" ] || { echo "jdk-sources: $jar not found; build client-cli first" >&2; exit 2; }
[ -f "$patterns" ] || { echo "jdk-sources: $patterns not found; run PersonalDataThroughputBench" >&2; exit 2; }
command -v rg >/dev/null || { echo "jdk-sources: rg not found (apt-get install ripgrep)" >&2; exit 2; }
zip="${SRC_ZIP:-$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r z; do [ -r "$(readlink -f "$z")" ] && echo "$z"; done | head -1)}"
[ -n "$zip" ] || { echo "jdk-sources: no readable lib/src.zip under /usr/lib/jvm" >&2; exit 2; }

work="$(mktemp -d /tmp/wct-jdk-sources.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
unzip -q "$zip" -d "$work/src"
bytes="$(du -sb "$work/src" | cut -f1)"
files="$(find "$work/src" -type f | wc -l)"
cat >"$work/runbook.yaml" <<'YAML'
name: "JDK sources: personal data"
description: "Every file of a JDK's src.zip, unpacked"
artifacts:
  sources:
    source:
      type: filesystem
      properties:
        path: ./src
        max_files: 1000000
  personal_data:
    inputs: sources
    process:
      type: personal_data
    output: true
YAML

cpu_of() { # GNU time -v output -> user + system seconds
  awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$1"
}
wall_of() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" \
    | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'
}
run_wct() { # $1 = round, $2 = extra JVM options
  rm -rf "$work/.wct"
  (cd "$work" && /usr/bin/time -v -o "$work/wct-time.txt" \
      java $cds $2 ${WCT_JAVA_OPTS:-} -jar "$jar" run runbook.yaml --quiet --store "$work/.wct" >"$work/wct.out" 2>&1) \
    || { echo "wct run failed:" >&2; tail -20 "$work/wct.out" >&2; exit 1; }
  wct_cpu="$(cpu_of "$work/wct-time.txt")"; wct_wall="$(wall_of "$work/wct-time.txt")"
  wct_rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/wct-time.txt")"
}
run_rg() {
  /usr/bin/time -v -o "$work/rg-time.txt" rg -j1 --no-ignore --count-matches --no-filename \
      -f "$patterns" "$work/src" >"$work/rg.out" || true
  rg_cpu="$(cpu_of "$work/rg-time.txt")"
}

cds=""
if [ "${CDS:-1}" = 1 ]; then
  # As the `wct` launcher does: record the loaded classes once (here on a small copy), map them after.
  mkdir -p "$work/warm/src"
  find "$work/src" -type f -name '*.java' | head -200 >"$work/warm.list" || true # head closes the pipe
  while read -r f; do cp "$f" "$work/warm/src/"; done <"$work/warm.list"
  cp "$work/runbook.yaml" "$work/warm/"
  (cd "$work/warm" && java -XX:ArchiveClassesAtExit="$work/wct.jsa" -Xlog:disable -jar "$jar" run runbook.yaml \
      --quiet --store "$work/warm/.wct" >/dev/null 2>&1) || true
  [ -f "$work/wct.jsa" ] && cds="-XX:SharedArchiveFile=$work/wct.jsa -Xlog:disable"
fi
echo "corpus: $zip, $files files, $bytes bytes; $(nproc) cores; $(java -version 2>&1 | head -1); class-data archive: $([ -n "$cds" ] && echo yes || echo no)"
run_rg >/dev/null # page cache
ratios=()
for round in $(seq 1 "$rounds"); do
  jfr=""
  [ "$round" = "$rounds" ] && jfr="-XX:StartFlightRecording=filename=$work/run.jfr,settings=profile"
  if [ $((round % 2)) = 1 ]; then run_wct "$round" "$jfr"; run_rg; else run_rg; run_wct "$round" "$jfr"; fi
  ratio="$(awk -v w="$wct_cpu" -v r="$rg_cpu" 'BEGIN { printf "%.3f", r / w }')"
  ratios+=("$ratio")
  awk -v b="$bytes" -v w="$wct_cpu" -v r="$rg_cpu" -v wall="$wct_wall" -v rss="$wct_rss" -v n="$round" -v q="$ratio" \
    'BEGIN { printf "round %d: wct %.1f CPU-s (%.1f MB/CPU-s), wall %.1f s, peak RSS %d MiB; rg %.2f CPU-s (%.1f MB/CPU-s); wct/rg per CPU-second %.3f\n", n, w, b/1e6/w, wall, rss/1024, r, b/1e6/r, q }'
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "median wct/rg per CPU-second over %d rounds: %.3f\n", NR, m }'
grep -m1 -i "matches\|finding" "$work/wct.out" || true
echo "rg matching lines: $(awk '{ s += $1 } END { print s }' "$work/rg.out")"

echo "where the Java samples of the last wct round went (JFR, jdk.ExecutionSample):"
jfr print --stack-depth 64 --events jdk.ExecutionSample "$work/run.jfr" >"$work/samples.txt"
python3 "$root/bench/jfr-breakdown.py" "$work/samples.txt"
