// cond-expand features: CHICKEN 5's, the platform's, the SRFIs provided, and tlsport.

package scheme

import (
	"runtime"
	"slices"
	"strings"
)

// coreFeatures are the features of the core: CHICKEN 5's language
// features, tlsport, and the SRFIs the core itself provides.
var coreFeatures = []string{"tlsport", "chicken", "chicken-5", "r7rs", "full-unicode", "ratios", "exact-closed", "exact-complex", "ieee-float",
	"srfi-0", "srfi-1", "srfi-6", "srfi-8", "srfi-9", "srfi-10", "srfi-18", "srfi-23", "srfi-30",
	"srfi-34", "srfi-39", "srfi-62", "srfi-87"}

// platformFeatures returns CHICKEN's features for the machine tlsport runs
// on: the operating system (linux, unix …), the machine type (x86-64 …),
// the word size and the byte order.
func platformFeatures(goos, goarch string) []string {
	out := []string{goos}
	if goos != "windows" && goos != "plan9" {
		out = append(out, "unix")
	}
	if goos == "darwin" {
		out = append(out, "macosx")
	}
	machine := map[string]string{"amd64": "x86-64", "386": "x86", "arm64": "arm64", "arm": "arm",
		"ppc64": "ppc64", "ppc64le": "ppc64", "riscv64": "riscv64", "s390x": "s390x", "mips64": "mips64"}
	if m, ok := machine[goarch]; ok {
		out = append(out, m)
	}
	if strings.HasSuffix(goarch, "64") || goarch == "s390x" {
		out = append(out, "64bit")
	} else {
		out = append(out, "32bit")
	}
	switch goarch {
	case "ppc64", "s390x", "mips", "mips64", "sparc64":
		out = append(out, "big-endian")
	default:
		out = append(out, "little-endian")
	}
	return out
}

// Features returns the cond-expand feature identifiers, as (features)
// does: the core's, the platform's, and srfi-N for every registered
// library (srfi N).
func (in *Interp) Features() []string {
	out := append(append([]string(nil), coreFeatures...), platformFeatures(runtime.GOOS, runtime.GOARCH)...)
	in.mu.RLock()
	for _, n := range in.libOrder {
		if num, ok := strings.CutPrefix(n, "(srfi "); ok {
			out = append(out, "srfi-"+strings.TrimSuffix(num, ")"))
		}
	}
	in.mu.RUnlock()
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(f string) bool {
		dup := seen[f]
		seen[f] = true
		return dup
	})
}

// feature evaluates a cond-expand feature requirement.
func (x *expander) feature(req Value) bool {
	if isIdent(req) {
		return slices.Contains(x.in.Features(), symName(req))
	}
	l, ok := ListToSlice(req)
	if !ok || len(l) == 0 {
		return false
	}
	switch symName(l[0]) {
	case "and":
		for _, r := range l[1:] {
			if !x.feature(r) {
				return false
			}
		}
		return true
	case "or":
		for _, r := range l[1:] {
			if x.feature(r) {
				return true
			}
		}
		return false
	case "not":
		return len(l) == 2 && !x.feature(l[1])
	case "library":
		return len(l) == 2 && x.libraryKnown(l[1])
	}
	return false
}
