#!/usr/bin/env bash
# Span- and file-level quality of personal_data's value detectors on the public labelled PII
# corpus of microsoft/presidio-research (MIT licence; synthetic texts made with Faker and
# templates, labelled with the entity spans): data/synth_dataset_v2.json and
# tests/data/generated_large.json, at a pinned commit. The files are downloaded into a temporary
# folder (or read from PRESIDIO_REPO, a checkout) and never committed.
#
#   bench/quality/presidio.sh              tables on standard output and in
#                                          analysers/target/quality/presidio.md
#   PRESIDIO_REPO=DIR bench/quality/presidio.sh
#   bench/quality/presidio.sh -Dwct.quality.examples=200   (more misses and false alarms, with context)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
commit="${PRESIDIO_COMMIT:-7622dec1e5f7d25dc60b57c28c39f4c4af197018}"
files=(data/synth_dataset_v2.json tests/data/generated_large.json)
work="$(mktemp -d /tmp/wct-quality-presidio.XXXXXX)"
trap 'rm -rf "$work"' EXIT
paths=()
for file in "${files[@]}"; do
  target="$work/$(basename "$file")"
  if [ -n "${PRESIDIO_REPO:-}" ]; then
    git -C "$PRESIDIO_REPO" show "$commit:$file" >"$target"
  else
    curl -fsSL "https://raw.githubusercontent.com/microsoft/presidio-research/$commit/$file" -o "$target"
  fi
  paths+=("$target")
done
cd "$root"
./mvnw -B -o -q -pl analysers -am test -Pquality -Dtest=PublicCorpusQualityBench \
  -Dsurefire.failIfNoSpecifiedTests=false "-Dwct.quality.presidio=$(IFS=,; echo "${paths[*]}")" "$@"
