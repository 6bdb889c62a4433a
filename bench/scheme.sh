#!/bin/sh
# bench/scheme.sh — time tlsport's Scheme, CHICKEN's csi and, when racket is
# in PATH, Racket CS side by side on the programs in bench/scheme/*.scm
# (Racket: their translations in bench/scheme/racket/*.rkt, compiled by
# raco make before the runs): the median CPU time (all threads, user +
# system) and the best wall time of N runs each (default 3), process
# start-up included, with the load average at the start and the end.
# The Racket columns compare tlsport with Racket CS both with start-up and
# without it (tlsport: its startup row subtracted from its program rows;
# Racket: the module body timed by Racket itself, see racketnet).
# Usage: bench/scheme.sh [runs]    (needs csi: apt-get install chicken-bin;
# perf (apt-get install linux-perf) or /usr/bin/time (apt-get install
# time); optionally racket: apt-get install racket)
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BIN=$TMP/tlsport
# the static build README installs (and what go build makes where there is
# no C compiler); the row startup-cgo times the default build of a machine
# with one, which links libc for the net and os/user packages
CGO_ENABLED=0 go build -o "$TMP/built" ./cmd/tlsport
BIN_CGO=$TMP/tlsport-cgo
go build -o "$TMP/built-cgo" ./cmd/tlsport
# Each is timed as a copy, as go install leaves it: the file the linker
# wrote itself starts 0.35-0.6 ms slower here while it stays in the page
# cache (bench/HISTORY.md, "Package initialisation (session 12)")
cp "$TMP/built" "$BIN"
cp "$TMP/built-cgo" "$BIN_CGO"
command -v csi >/dev/null 2>&1 || { echo "csi not in PATH; install it (apt-get install chicken-bin)" >&2; exit 1; }
if perf stat -x, -e task-clock true >/dev/null 2>&1; then
	TIMER=perf # task-clock: µs resolution
elif [ -x /usr/bin/time ]; then
	TIMER=time # 10 ms resolution
else
	echo "neither perf nor /usr/bin/time; install one (apt-get install linux-perf or time)" >&2
	exit 1
fi
if command -v racket >/dev/null 2>&1 && command -v raco >/dev/null 2>&1; then
	cp bench/scheme/racket/*.rkt "$TMP/"
	raco make "$TMP"/*.rkt
	RACKET=racket
else
	echo "racket not in PATH: Racket CS columns skipped (apt-get install racket)" >&2
	RACKET=
fi

# measure CMD...: prints "CPU WALL": the median CPU seconds (all threads,
# user + system) and the best wall seconds over $RUNS runs, or "FAIL FAIL"
measure() {
	out=$TMP/times
	: >"$out"
	i=0
	while [ $i -lt "$RUNS" ]; do
		if [ $TIMER = perf ]; then
			perf stat -x, -e task-clock,duration_time -o "$TMP/perf" "$@" >/dev/null 2>&1 || { echo "FAIL FAIL"; return; }
			awk -F, '$3 ~ /^task-clock/ { c = $1 / 1000 } $3 ~ /^duration_time/ { w = $1 / 1e9 } END { print c, 0, w }' "$TMP/perf" >>"$out"
		else
			/usr/bin/time -a -o "$out" -f '%U %S %e' "$@" >/dev/null 2>&1 || { echo "FAIL FAIL"; return; }
		fi
		i=$((i + 1))
	done
	cpu=$(awk '{ printf "%.4f\n", $1 + $2 }' "$out" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	wall=$(awk '{ printf "%.4f\n", $3 }' "$out" | sort -n | head -1)
	echo "$cpu $wall"
}

# racketnet FILE: the median CPU seconds of FILE's module body alone over
# $RUNS runs, by Racket's own time (ms resolution), run in a Racket whose
# racket/base is already instantiated: Racket CS's program time without its
# start-up, which is ~100 times the net time of some programs and would
# drown it if subtracted.
racketnet() {
	: >"$TMP/rnet"
	i=0
	while [ $i -lt "$RUNS" ]; do
		racket -l racket/base -e "(time (dynamic-require (string->path \"$1\") #f))" 2>/dev/null | sed -n 's/^cpu time: \([0-9]*\) .*/\1/p' | tail -1 >>"$TMP/rnet"
		i=$((i + 1))
	done
	sort -n "$TMP/rnet" | awk '{ a[NR] = $1 } END { if (NR == 0) print "FAIL"; else printf "%.4f\n", a[int((NR + 1) / 2)] / 1000 }'
}

# startup is timed over 20 start-ups per run (one tlsport or csi start-up
# is a few ms); LOOP20 runs "$0" "$@" 20 times, per20 divides by 20.
LOOP20='i=0; while [ $i -lt 20 ]; do "$0" "$@" >/dev/null 2>&1 || exit 1; i=$((i + 1)); done'
per20() { if [ "$1" = FAIL ]; then echo FAIL; else echo "scale=4; $1 / 20" | bc | sed 's/^\./0./'; fi; }
fail() { for x in "$@"; do [ "$x" = FAIL ] && return 0; done; return 1; }
# ratio A B: A / B to 2 places, or "-"
ratio() {
	if [ -z "$1" ] || [ -z "$2" ] || fail "$1" "$2" || [ "$(echo "$2 <= 0" | bc)" = 1 ]; then echo "-"; else echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; fi
}
# net A S: A - S (a program's CPU without its start-up), or ""
net() { if [ -z "$1" ] || fail "$1" "$2"; then echo ""; else echo "$1 - $2" | bc | sed 's/^\./0./; s/^-\./-0./'; fi; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (timer: $TIMER)"
printf '| program | tlsport CPU (s) | csi -s CPU (s) | Racket CS CPU (s) | csi/tlsport (CPU) | tlsport/Racket (CPU) | tlsport CPU without start-up (s) | Racket CS CPU without start-up (s) | tlsport/Racket without start-up (CPU) | tlsport wall (s) | csi -s wall (s) | Racket CS wall (s) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
# startup first: tlsport's program rows subtract it; startup-lists (a
# program calling map and for-each) and startup-cgo (startup.scm run by the
# cgo build) are start-ups too, not subtracted
for p in startup startup-lists startup-cgo fib tak string alist-hash vector callcc deep bignum string-keys; do
	f=bench/scheme/$p.scm bin=$BIN
	[ $p = startup-cgo ] && f=bench/scheme/startup.scm bin=$BIN_CGO
	r=$TMP/$p.rkt
	rc="" rw="" rn=""
	case $p in startup*)
		# shellcheck disable=SC2046
		set -- $(measure sh -c "$LOOP20" "$bin" "$f")
		ac=$(per20 "$1") aw=$(per20 "$2")
		# shellcheck disable=SC2046
		set -- $(measure sh -c "$LOOP20" csi -s "$f")
		bc=$(per20 "$1") bw=$(per20 "$2")
		if [ -n "$RACKET" ] && [ -f "$r" ]; then
			# shellcheck disable=SC2046
			set -- $(measure sh -c "$LOOP20" racket "$r")
			rc=$(per20 "$1") rw=$(per20 "$2")
		fi
		[ $p = startup ] && as=$ac
		an="-" rn="-" rr="-"
		;;
	*)
		# shellcheck disable=SC2046
		set -- $(measure "$BIN" "$f")
		ac=$1 aw=$2
		# shellcheck disable=SC2046
		set -- $(measure csi -s "$f")
		bc=$1 bw=$2
		if [ -n "$RACKET" ]; then
			# shellcheck disable=SC2046
			set -- $(measure racket "$r")
			rc=$1 rw=$2
			rn=$(racketnet "$r")
		fi
		an=$(net "$ac" "$as")
		rr=$(ratio "$an" "$rn")
		;;
	esac
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$p" "$ac" "$bc" "${rc:--}" "$(ratio "$bc" "$ac")" "$(ratio "$ac" "$rc")" "${an:--}" "${rn:--}" "$rr" "$aw" "$bw" "${rw:--}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
