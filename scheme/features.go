// cond-expand features: CHICKEN 5's, the platform's, the SRFIs provided, and tlsport.

package scheme

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// coreFeatures are the features of the core: CHICKEN 5's language
// features, tlsport, and the SRFIs the core itself provides.
var coreFeatures = []string{"tlsport", "chicken", "chicken-5", "chicken-5.3", "r7rs", "full-unicode", "ratios", "exact-closed", "exact-complex", "ieee-float",
	"full-numeric-tower", "srfi-0", "srfi-1", "srfi-6", "srfi-8", "srfi-9", "srfi-10", "srfi-12", "srfi-15", "srfi-18", "srfi-23", "srfi-30",
	"srfi-34", "srfi-39", "srfi-46", "srfi-55", "srfi-62", "srfi-87", "srfi-88"}

// Platform describes a machine in the terms of CHICKEN's (chicken
// platform) procedures and features.
type Platform struct {
	SoftwareType    string // software-type: unix, windows or unknown
	SoftwareVersion string // software-version: linux, macosx, freebsd … (Go's GOOS where CHICKEN has no name)
	MachineType     string // machine-type: x86-64, x86, arm, arm64 …, or unknown
	ByteOrder       string // machine-byte-order: little-endian or big-endian
	WordBits        int    // 64 or 32
}

// PlatformOf returns the Platform of Go's goos and goarch; tlsport's own
// is PlatformOf(runtime.GOOS, runtime.GOARCH).
func PlatformOf(goos, goarch string) Platform {
	p := Platform{SoftwareType: "unix", SoftwareVersion: goos, MachineType: "unknown", ByteOrder: "little-endian", WordBits: 32}
	switch goos {
	case "windows":
		p.SoftwareType = "windows"
	case "plan9", "js", "wasip1":
		p.SoftwareType = "unknown"
	case "darwin":
		p.SoftwareVersion = "macosx"
	case "illumos":
		p.SoftwareVersion = "solaris"
	}
	machine := map[string]string{"amd64": "x86-64", "386": "x86", "arm64": "arm64", "arm": "arm",
		"ppc64": "ppc64", "ppc64le": "ppc64", "riscv64": "riscv64", "s390x": "s390x", "mips64": "mips64"}
	if m, ok := machine[goarch]; ok {
		p.MachineType = m
	}
	if strings.HasSuffix(goarch, "64") || strings.HasSuffix(goarch, "64le") || goarch == "s390x" {
		p.WordBits = 64
	}
	switch goarch {
	case "ppc64", "s390x", "mips", "mips64", "sparc64":
		p.ByteOrder = "big-endian"
	}
	return p
}

// features returns CHICKEN's features for p — the operating system (linux,
// unix …), the machine type (x86-64 …), the word size and the byte order —
// and R7RS appendix B's names for them: posix, gnu-linux, lp64 or ilp32.
func (p Platform) features() []string {
	out := []string{p.SoftwareVersion}
	switch p.SoftwareVersion {
	case "macosx":
		out = append(out, "darwin")
	case "linux":
		out = append(out, "gnu-linux")
	}
	if p.SoftwareType == "unix" {
		out = append(out, "unix", "posix")
	}
	if p.MachineType != "unknown" {
		out = append(out, p.MachineType)
	}
	model := "ilp32"
	if p.WordBits == 64 {
		model = "lp64"
	}
	return append(out, strconv.Itoa(p.WordBits)+"bit", model, p.ByteOrder)
}

// Features returns the cond-expand feature identifiers, as (features)
// does: those given to [Interp.SetFeature] (CHICKEN's register-feature!),
// the last first, as CHICKEN lists them; then the core's, the platform's
// and srfi-N for every registered library (srfi N); less those it removed.
func (in *Interp) Features() []string {
	in.mu.RLock()
	var out []string
	for i := len(in.featureOrder) - 1; i >= 0; i-- { // registered ones first, the last first, as CHICKEN lists them
		if f := in.featureOrder[i]; in.featureSet[f] {
			out = append(out, f)
		}
	}
	out = append(append(out, coreFeatures...), PlatformOf(runtime.GOOS, runtime.GOARCH).features()...)
	for _, n := range in.libOrder {
		if num, ok := strings.CutPrefix(n, "(srfi "); ok {
			out = append(out, "srfi-"+strings.TrimSuffix(num, ")"))
		}
	}
	seen := map[string]bool{}
	out = slices.DeleteFunc(out, func(f string) bool {
		on, set := in.featureSet[f]
		drop := seen[f] || set && !on
		seen[f] = true
		return drop
	})
	in.mu.RUnlock()
	return out
}

// SetFeature registers feature name (on) or unregisters it (off) for
// cond-expand and (features), as CHICKEN's register-feature! and
// unregister-feature! do; a built-in feature can be unregistered too.
func (in *Interp) SetFeature(name string, on bool) {
	in.mu.Lock()
	if in.featureSet == nil {
		in.featureSet = map[string]bool{}
	}
	in.featureSet[name] = on
	in.featureOrder = append(slices.DeleteFunc(in.featureOrder, func(f string) bool { return f == name }), name)
	in.mu.Unlock()
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
