#!/bin/sh
# bench/ab.sh — compare tlsport binaries on one program on a shared
# machine: runs each binary in turn, N rounds, under perf stat (task-clock:
# CPU of all threads), and prints each one's median and minimum CPU ms.
# Alternating puts the binaries under the same load, which moves absolute
# figures by ±30 % here.
# Usage: bench/ab.sh N program.scm binary...   (needs perf: apt-get install linux-perf)
# e.g.   go build -o /tmp/main ./cmd/tlsport   # in main's worktree
#        go build -o /tmp/branch ./cmd/tlsport
#        bench/ab.sh 11 bench/scheme/deep.scm /tmp/main /tmp/branch
set -eu
[ $# -ge 3 ] || { echo "usage: $0 N program.scm binary..." >&2; exit 2; }
N=$1 P=$2
shift 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
i=0
while [ $i -lt "$N" ]; do
	j=0
	for b in "$@"; do
		perf stat -x, -e task-clock -o "$TMP/perf" "$b" "$P" >/dev/null 2>&1 || { echo "$b $P failed" >&2; exit 1; }
		awk -F, '$3 ~ /^task-clock/ { print $1 }' "$TMP/perf" >>"$TMP/t$j"
		j=$((j + 1))
	done
	i=$((i + 1))
done
j=0
for b in "$@"; do
	sort -n "$TMP/t$j" | awk -v b="$b" '{ a[NR] = $1 } END { printf "%s: median %.0f ms, min %.0f ms\n", b, a[int((NR + 1) / 2)], a[1] }'
	j=$((j + 1))
done
