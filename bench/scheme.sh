#!/bin/sh
# bench/scheme.sh — time tlsport's Scheme and CHICKEN's csi side by side on
# the programs in bench/scheme/*.scm: the median CPU time (user + system)
# and the best wall time of N runs each (default 3), process start-up
# included, with the load average at the start.
# Usage: bench/scheme.sh [runs]    (needs csi: apt-get install chicken-bin;
# and /usr/bin/time: apt-get install time)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-3}
BIN=$(mktemp -d)/tlsport
trap 'rm -rf "$(dirname "$BIN")"' EXIT
go build -o "$BIN" ./cmd/tlsport
command -v csi >/dev/null 2>&1 || { echo "csi not in PATH; install it (apt-get install chicken-bin)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing; install it (apt-get install time)" >&2; exit 1; }

# measure CMD...: prints "CPU WALL": the median CPU seconds (user + system)
# and the best wall seconds over $RUNS runs, or FAIL
measure() {
	out=$(mktemp)
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -a -o "$out" -f '%U %S %e' "$@" >/dev/null 2>&1 || { rm -f "$out"; echo "FAIL FAIL"; return; }
		i=$((i + 1))
	done
	cpu=$(awk '{ printf "%.2f\n", $1 + $2 }' "$out" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	wall=$(awk '{ print $3 }' "$out" | sort -n | head -1)
	rm -f "$out"
	echo "$cpu $wall"
}

# startup is timed over 20 start-ups per run (one is under the clock's 10 ms
# tick); LOOP20 runs "$0" "$@" 20 times, per20 divides a figure by 20.
LOOP20='i=0; while [ $i -lt 20 ]; do "$0" "$@" >/dev/null 2>&1 || exit 1; i=$((i + 1)); done'
per20() { if [ "$1" = FAIL ]; then echo FAIL; else echo "scale=4; $1 / 20" | bc | sed 's/^\./0./'; fi; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| program | tlsport CPU (s) | csi -s CPU (s) | csi/tlsport (CPU) | tlsport wall (s) | csi -s wall (s) |\n|---|---:|---:|---:|---:|---:|\n'
for p in fib tak string alist-hash vector callcc deep startup; do
	f=bench/scheme/$p.scm
	if [ $p = startup ]; then
		# shellcheck disable=SC2046
		set -- $(measure sh -c "$LOOP20" "$BIN" "$f")
		ac=$(per20 "$1") aw=$(per20 "$2")
		# shellcheck disable=SC2046
		set -- $(measure sh -c "$LOOP20" csi -s "$f")
		bc=$(per20 "$1") bw=$(per20 "$2")
	else
		# shellcheck disable=SC2046
		set -- $(measure "$BIN" "$f")
		ac=$1 aw=$2
		# shellcheck disable=SC2046
		set -- $(measure csi -s "$f")
		bc=$1 bw=$2
	fi
	if [ "$ac" = FAIL ] || [ "$bc" = FAIL ] || [ "$(echo "$ac == 0" | bc)" = 1 ]; then r="-"; else r=$(echo "scale=2; $bc / $ac" | bc); fi
	printf '| %s | %s | %s | %s | %s | %s |\n' "$p" "$ac" "$bc" "$r" "$aw" "$bw"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
