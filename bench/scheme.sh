#!/bin/sh
# bench/scheme.sh — time tlsport's Scheme and CHICKEN's csi side by side on
# the programs in bench/scheme/*.scm (best of N runs each, default 3).
# Usage: bench/scheme.sh [runs]    (needs csi: apt-get install chicken-bin)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-3}
BIN=$(mktemp -d)/tlsport
trap 'rm -rf "$(dirname "$BIN")"' EXIT
go build -o "$BIN" ./cmd/tlsport
command -v csi >/dev/null 2>&1 || { echo "csi not in PATH; install it (apt-get install chicken-bin)" >&2; exit 1; }

# best_of CMD...: prints the best wall time in seconds over $RUNS runs
best_of() {
	best=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || { echo "FAIL"; return; }
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
		i=$((i + 1))
	done
	printf '%.3f' "$best"
}

printf '| program | tlsport (s) | csi -s (s) | csi/tlsport |\n|---|---:|---:|---:|\n'
for p in fib tak string alist-hash vector callcc deep startup; do
	f=bench/scheme/$p.scm
	a=$(best_of "$BIN" "$f")
	b=$(best_of csi -s "$f")
	if [ "$a" = FAIL ] || [ "$b" = FAIL ]; then r="-"; else r=$(echo "scale=2; $b / $a" | bc); fi
	printf '| %s | %s | %s | %s |\n' "$p" "$a" "$b" "$r"
done
