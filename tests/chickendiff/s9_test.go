package chickendiff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// s9Dir is where Debian's scheme9 package installs the function library of
// Scheme 9 from Empty Space (Nils M Holm, public domain).
const s9Dir = "/usr/share/scheme9"

// s9Skip lists the files (FILE) and the examples (FILE#N, N counting from 1
// in the file's "Example:" section) that are not run at all, with the reason.
var s9Skip = map[string]string{
	"mode-to-string.scm": "needs S9's sys-unix extension ((require-extension sys-unix), the sys:s-irusr … constants)",
	"parse-optionsb.scm": "needs S9's sys-unix extension ((require-extension sys-unix), sys:exit, sys:access)",
	"s9sos.scm":          "evaluates () (make-class '<type> ()), which S9 takes as '(); R5RS §7.1.3 and R7RS §7.1.3 have no () expression, and both csi and tlsport reject it",
	"read-line.scm#1":    `reads "lib/read-line.scm", a path of S9's source tree`,
}

// s9Departs lists the examples whose documented result relies on S9's own
// behaviour (its results checked with S9 itself, Debian's s9), not on
// R4RS/R5RS/R7RS nor CHICKEN's; csi and tlsport are still compared on them,
// but not with the documented result.
var s9Departs = map[string]string{
	// S9 has no exact rationals: its / of integers gives 3.5. R7RS §6.2.6
	// (and R4RS) make (/ 21 6) the exact 7/2, as csi and tlsport do; the
	// square root of the exact 4/25 is the exact 2/5 in both (R7RS §6.2.6,
	// "sqrt … exact … if the result is exact").
	"mean.scm#1":     "S9's / of integers is inexact: 3.5 where R7RS gives 7/2",
	"stddev.scm#1":   "S9's / of integers is inexact: 0.4 where R7RS gives 2/5",
	"variance.scm#1": "S9's / of integers is inexact: 0.16 where R7RS gives 4/25",
	// The example (mean …) is mean.scm's; median.scm does not load
	// mean.scm. S9's heap image has mean (and list->set) preloaded.
	"median.scm#1": "calls mean, which only S9's preloaded image defines: (error) in both",
	"t-sort.scm#2": "t-sort's 'top-down path calls list->set without loading list-to-set.scm; only S9's preloaded image defines it: (error) in both",
	// random-sort sorts with a predicate that draws a random bit, so the
	// result depends on the order sort.scm's merges call it: S9 evaluates
	// operands right to left, csi and tlsport left to right (R7RS §4.1.3
	// leaves the order unspecified).
	"random-sort.scm#1": "depends on the order of operand evaluation, right to left in S9",
}

// s9CSIWrong lists the examples where csi departs from the documents and
// tlsport follows them; they are left out of the comparison with csi, and
// tlsport's value must be the documented one.
var s9CSIWrong = map[string]string{
	// csi's char<=? takes exactly two characters (the CHICKEN manual,
	// Module scheme: (char<=? char1 char2), R5RS's signature); R7RS §6.6
	// takes any number, as S9 and tlsport.
	"format-time.scm#1": "csi's char<=? takes two arguments, not (char<=? n0 c nn)",
	"regex.scm#8":       "csi's char<=? takes two arguments, not (char<=? #\\0 c #\\9)",
}

// TestS9Diff runs the examples that document the procedures of the S9 function
// library (the "Example:" section of each file's header comment, in the form
// (expr ...)  ==>  result) under csi and tlsport: one program per library file
// loads testdata/s9/driver.scm (S9's load-from-library and the few S9
// primitives the library uses that CHICKEN lacks, the same for both systems),
// then the file, then prints the value of each example, or (error). The two
// must print the same; where they agree, the value must be the documented one
// unless s9Departs says why not. Where csi departs from the documents
// (s9CSIWrong), tlsport must print the documented value.
func TestS9Diff(t *testing.T) {
	csi, err := exec.LookPath("csi")
	if err != nil || testing.Short() {
		t.Skip("csi not in PATH (or -short); apt-get install chicken-bin")
	}
	files, err := filepath.Glob(filepath.Join(s9Dir, "*.scm"))
	if err != nil || len(files) == 0 {
		t.Skip("the S9 function library is not in " + s9Dir + "; apt-get install scheme9")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "s9"))
	if err != nil {
		t.Fatal(err)
	}
	progs := t.TempDir()
	n := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(file)
		given, examples, err := s9Examples(string(src))
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		if len(examples) == 0 {
			continue
		}
		n++
		if _, ok := s9Skip[base]; ok {
			continue
		}
		var prog strings.Builder
		fmt.Fprintf(&prog, "(load-from-library %q)\n%s\n", base, given)
		for i, ex := range examples {
			key := fmt.Sprintf("%s#%d", base, i+1)
			if _, ok := s9Skip[key]; ok {
				continue
			}
			fmt.Fprintf(&prog, "(s9-example %q '%s\n%s)\n", key, ex.doc, ex.expr)
		}
		name := filepath.Join(progs, base)
		if err := os.WriteFile(name, []byte(prog.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(base, ".scm"), func(t *testing.T) {
			t.Parallel()
			want := run(t, dir, csi, "-q", "-s", "driver.scm", name)
			got := run(t, dir, tlsportBin, "driver.scm", name)
			wl, gl := s9Values(want.stdout), s9Values(got.stdout)
			for i, ex := range examples {
				key := fmt.Sprintf("%s#%d", base, i+1)
				if _, ok := s9Skip[key]; ok {
					continue
				}
				w, g := wl[key], gl[key]
				switch {
				case s9CSIWrong[key] != "" && w == g:
					t.Errorf("%s: stale s9CSIWrong entry: csi and tlsport both print %s", key, w)
				case s9CSIWrong[key] != "":
					if !strings.HasPrefix(g, "ok ") {
						t.Errorf("%s: %s\n  tlsport:    %s\n  documented: %s\ntlsport stderr:\n%s", key, ex.expr, g, ex.doc, got.stderr)
					}
				case w == "":
					t.Errorf("%s: csi printed no value for\n%s\ncsi stderr:\n%s", key, ex.expr, want.stderr)
				case g != w:
					t.Errorf("%s: %s\n  csi:     %s\n  tlsport: %s\ntlsport stderr:\n%s", key, ex.expr, w, g, got.stderr)
				case s9Departs[key] == "" && !strings.HasPrefix(w, "ok "):
					t.Errorf("%s: %s\n  both:       %s\n  documented: %s", key, ex.expr, w, ex.doc)
				case s9Departs[key] != "" && strings.HasPrefix(w, "ok "):
					t.Errorf("%s: stale s9Departs entry: both print the documented %s", key, ex.doc)
				}
			}
		})
	}
	if n < 140 {
		t.Errorf("found examples in %d files of %s, want at least 140", n, s9Dir)
	}
}

// s9Values maps each example's key to what the program printed for it: the
// driver prints "KEY ok VALUE" or "KEY no VALUE" (ok when VALUE is equal? to
// the documented result) on one line.
func s9Values(out string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, " "); ok && strings.Contains(k, "#") {
			m[k] = v
		}
	}
	return m
}

// s9Example is one example of a library file: the expression and its
// documented result, as source text.
type s9Example struct{ expr, doc string }

// s9Examples returns the examples of the "; Example:" section of the header
// comment of an S9 library file: the comment lines from the one holding
// "Example:" to the first line that is not a comment, read as a sequence of
// EXPR ==> RESULT (comments inside are skipped). The "(Example):" sections
// show calls with effects (files, terminals, processes) and are not read.
// given is the text of the "; Given:" section before it, the definitions
// the examples use.
func s9Examples(src string) (given string, examples []s9Example, err error) {
	lines := strings.Split(src, "\n")
	var text, giv strings.Builder
	in, inGiven := false, false
	for _, line := range lines {
		if !strings.HasPrefix(line, ";") {
			if in {
				break
			}
			inGiven = false
			continue
		}
		if !in {
			_, after, ok := strings.Cut(line, "; Example:")
			if !ok {
				if _, after, ok := strings.Cut(line, "; Given:"); ok {
					inGiven = true
					giv.WriteString(after)
					giv.WriteByte('\n')
				} else if inGiven {
					giv.WriteString(line[1:])
					giv.WriteByte('\n')
				}
				continue
			}
			in = true
			line = after
		} else {
			line = line[1:]
		}
		text.WriteString(line)
		text.WriteByte('\n')
	}
	given, s := giv.String(), text.String()
	for {
		expr, rest, err := s9Datum(s)
		if err != nil {
			return "", nil, err
		}
		if expr == "" {
			return given, examples, nil
		}
		arrow, rest, err := s9Datum(rest)
		if err != nil || arrow != "==>" {
			return "", nil, fmt.Errorf("no ==> after %s", expr)
		}
		doc, rest, err := s9Datum(rest)
		if err != nil || doc == "" {
			return "", nil, fmt.Errorf("no result after %s ==>", expr)
		}
		examples = append(examples, s9Example{expr, doc})
		s = rest
	}
}

// s9Datum returns the text of the first datum of s (after blanks and
// ;-comments), "" at the end of s, and the rest of s after it.
func s9Datum(s string) (datum, rest string, err error) {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ';':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			goto start
		}
	}
	return "", "", nil
start:
	start, depth := i, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
			if i >= len(s) {
				return "", "", fmt.Errorf("unterminated string in %q", s[start:])
			}
			i++
		case c == '#' && i+1 < len(s) && s[i+1] == '\\':
			i += 3 // #\x, then the rest of a character name as an atom
			for i < len(s) && !strings.ContainsRune(" \t\n()\";", rune(s[i])) {
				i++
			}
		case c == ';' && depth > 0:
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '(' || c == '[':
			depth++
			i++
		case c == ')' || c == ']':
			depth--
			if depth < 0 {
				return "", "", fmt.Errorf("unbalanced ) in %q", s[start:])
			}
			i++
		case c == '\'' || c == '`' || c == ',':
			i++
			if i < len(s) && s[i] == '@' {
				i++
			}
			continue // the quoted datum follows
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		default:
			for i < len(s) && !strings.ContainsRune(" \t\n()\";", rune(s[i])) {
				i++
			}
			if c == '#' && i < len(s) && s[i] == '(' {
				continue // #( or #u8( opens a vector
			}
		}
		if depth == 0 {
			return s[start:i], s[i:], nil
		}
	}
	return "", "", fmt.Errorf("unbalanced ( in %q", s[start:])
}
