#!/usr/bin/env bash
# Instructions a load takes, counted by valgrind (callgrind runs one thread at a time, and hashing
# is seeded the same every run): the counts of two runs agree within 0.05%, so a change of 1%
# shows, where wall time on this machine moves 10-40% from run to run.
#
#   bash Tests/Benchmarks/instructions.sh [ROWS=50000] QYX...     e.g. .build/release/qyx /tmp/qyx-before
#
# Each binary loads the same synthetic corpus of ROWS indicator rows (generated once under
# Tests/Benchmarks/.cache/) and counts its indicators. Valgrind 3.19 cannot read Swift's DWARF 5,
# so each binary is measured from a copy without debug information.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rows=50000
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rows=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: $0 [ROWS] QYX..." >&2; exit 2; }
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
corpus="$here/.cache/instructions-$rows"
if [ ! -d "$corpus" ]; then
    python3 "$here/generate-corpus.py" --indicators "$rows" --out "$corpus.tmp" >/dev/null
    mv "$corpus.tmp" "$corpus"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for qyx in "$@"; do
    strip --strip-debug -o "$scratch/qyx" "$qyx"
    count=$(SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$scratch/qyx" --no-builtin --docs "$corpus" \
            --timeout 0 -c "select count(*) from indicators" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    printf '%s\t%s instructions (%s rows)\n' "$qyx" "$count" "$rows"
done
