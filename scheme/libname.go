// Library names: the one rule turning every spelling of a library name into
// its canonical form.

package scheme

import (
	"strconv"
	"strings"
)

// LibraryName returns the canonical written form of the library name v, the
// key under which libraries are registered and looked up. It is the one rule
// for every spelling a program may use:
//
//   - an R7RS or CHICKEN name list: (chicken tcp) → "(chicken tcp)";
//   - an egg-style symbol: openssl → "(openssl)", chicken.tcp → "(chicken tcp)";
//   - SRFIs: srfi-1, (srfi 1) and (srfi :1) → "(srfi 1)", and (srfi :1
//     lists) → "(srfi 1 lists)", which import takes for (srfi 1) unless a
//     library of its own name is defined ([srfiAlias]);
//   - an R6RS version reference, the last element when it is a list, is
//     dropped: (rnrs (6)) → "(rnrs)", (foo bar (1 2)) → "(foo bar)".
//
// ok is false when v is not a library name.
func LibraryName(v Value) (name string, ok bool) {
	v = stripSyntax(v)
	if s, isSym := v.(*Symbol); isSym {
		if n, isSRFI := srfiNumber(s.Name, "srfi-"); isSRFI {
			return "(srfi " + n + ")", true
		}
		if s.Name == "" {
			return "", false
		}
		return "(" + strings.ReplaceAll(s.Name, ".", " ") + ")", true
	}
	l, isList := ListToSlice(v)
	if !isList || len(l) == 0 {
		return "", false
	}
	if _, isVersion := l[len(l)-1].(*Pair); isVersion || l[len(l)-1] == Null {
		l = l[:len(l)-1]
	}
	parts := make([]string, 0, len(l))
	for _, e := range l {
		switch e := stripSyntax(e).(type) {
		case *Symbol:
			if n, isNum := srfiNumber(e.Name, ":"); isNum { // (srfi :1) read in R6RS's syntax
				parts = append(parts, n)
				continue
			}
			parts = append(parts, e.Name)
		case Fixnum:
			if e < 0 {
				return "", false
			}
			parts = append(parts, strconv.FormatInt(int64(e), 10))
		case *Keyword: // (srfi :1): the reader made :1 a keyword
			n, isNum := srfiNumber(e.Name, "")
			if !isNum {
				return "", false
			}
			parts = append(parts, n)
		default:
			return "", false
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return "(" + strings.Join(parts, " ") + ")", true
}

// srfiAlias returns (srfi N) for n = (srfi N name), which SRFI 97 makes
// another name of the same library, as (srfi :18 multithreading) is of
// (srfi :18). A file may define the longer name itself (chez-srfi's
// srfi/%3a18/multithreading.sls), so the alias is the fallback when n is
// not known.
func srfiAlias(n string) (string, bool) {
	parts := strings.Fields(strings.Trim(n, "()"))
	if len(parts) != 3 || parts[0] != "srfi" {
		return "", false
	}
	if _, isNum := srfiNumber(parts[1], ""); !isNum {
		return "", false
	}
	return "(srfi " + parts[1] + ")", true
}

// srfiNumber returns the decimal number after prefix in s, if s is exactly
// prefix followed by digits.
func srfiNumber(s, prefix string) (string, bool) {
	n, ok := strings.CutPrefix(s, prefix)
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return "", false
	}
	return n, true
}

// CanonicalLibraryName returns [LibraryName] of the library name written in
// name (e.g. "srfi-1", "(srfi :1)", "(rnrs base (6))"); a string that does
// not read as a library name is returned unchanged.
func CanonicalLibraryName(name string) string {
	if plainLibraryName(name) {
		return name
	}
	ds, err := readAll(name, "", nil)
	if err != nil || len(ds) != 1 {
		return name
	}
	if n, ok := LibraryName(ds[0]); ok {
		return n
	}
	return name
}

// plainLibraryName reports whether name is canonical as written, so that
// registering a library need not read it: "(" and ")" around parts
// separated by single spaces, each a lower-case identifier (a letter, then
// letters, digits and hyphens) or a number without leading zeros, and not a
// SRFI name with more than a number.
func plainLibraryName(name string) bool {
	inner, ok := strings.CutPrefix(name, "(")
	if inner, ok = strings.CutSuffix(inner, ")"); !ok || inner == "" {
		return false
	}
	if strings.HasPrefix(inner, "srfi ") && strings.Count(inner, " ") > 1 {
		return false
	}
	for p := range strings.SplitSeq(inner, " ") { // no allocation: this runs for every library at start-up
		if p == "" || (p[0] == '0' && len(p) > 1) {
			return false
		}
		digits := p[0] >= '0' && p[0] <= '9'
		for i := 0; i < len(p); i++ {
			c := p[i]
			switch {
			case c >= '0' && c <= '9':
			case !digits && (c >= 'a' && c <= 'z' || c == '-' && i > 0):
			default:
				return false
			}
		}
	}
	return true
}
