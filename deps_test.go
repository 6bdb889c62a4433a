// The import lattice of STYLE.md §5.1, enforced on every test run. Never loosen it to get a build through.

package tlsport_test

import (
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The lattice ("a < b": b may import a):
//
//	STD < conditions < context < ports < listener < . (the root package tlsport)
//	STD < scheme < scheme/<lib> < scheme/stdlib, scheme/schemetest < repl
//	  (a scheme/<lib> library imports only the core package scheme)
//	scheme, listener < bindings/tlsval < bindings/*
//	github.com/cloudflare/circl < bindings/sagcrypto (Ed448 and X448, which Go lacks; no other package)
//	ports < starttls < bindings/*
//	crypto/*, net, MODULE/... !< scheme (but internal/ctxio)
//	STD < internal/ctxio < context, scheme, bindings/* (opening and reading files under a
//	  context: one implementation for the TLS core and the interpreter; std only)
//	internal/certgen, internal/testpeer, internal/loopback, internal/tmuxtest, internal/fifotest: std only (test support)
//	scheme < internal/refdoc < repl (the reference manual rendered from the binding tables)
//	bindings/bindingtest (test support): as bindings/*, plus internal/testpeer;
//	  imported by _test.go files only (no package of ./... may import it)
//	cmd/..., examples/..., tests/..., bench/...: anything
const module = "github.com/tlsport/tlsport"

// layer says which module packages and third-party modules a package may
// import directly (std is always allowed except where forbidden).
type layer struct {
	module     []string // allowed module package patterns ("x/..." = x and below)
	thirdParty []string // allowed third-party module prefixes
	any        bool     // may import anything
}

var tlsCore = []string{"conditions", "context", "internal/certgen"}

func layerOf(rel string) (layer, bool) {
	under := func(p string) bool { return rel == p || strings.HasPrefix(rel, p+"/") }
	switch {
	case under("cmd"), under("examples"), under("tests"), under("bench"):
		return layer{any: true}, true
	case rel == "":
		return layer{module: []string{"conditions", "context", "ports", "listener"}}, true
	case rel == "conditions":
		return layer{}, true
	case rel == "context":
		return layer{module: []string{"conditions", "internal/certgen", "internal/ctxio"}, thirdParty: []string{"golang.org/x/crypto"}}, true
	case rel == "ports":
		return layer{module: tlsCore, thirdParty: []string{"golang.org/x/"}}, true
	case rel == "starttls":
		return layer{module: append([]string{"ports"}, tlsCore...)}, true
	case rel == "listener":
		return layer{module: append([]string{"ports"}, tlsCore...), thirdParty: []string{"golang.org/x/"}}, true
	case rel == "scheme":
		return layer{module: []string{"internal/ctxio"}}, true
	case rel == "scheme/stdlib", rel == "scheme/schemetest":
		return layer{module: []string{"scheme/..."}}, true
	case rel == "scheme/rnrs": // the core, and Unicode normalization (r6rs-lib §1.3)
		return layer{module: []string{"scheme"}, thirdParty: []string{"golang.org/x/text/unicode/norm"}}, true
	case under("scheme"): // a library: the core only
		return layer{module: []string{"scheme"}}, true
	case under("repl"):
		return layer{module: []string{"scheme/...", "repl/...", "internal/refdoc"}, thirdParty: []string{"github.com/chzyer/readline", "golang.org/x/sys"}}, true
	case rel == "internal/refdoc":
		return layer{module: []string{"scheme/..."}}, true
	case rel == "bindings/bindingtest":
		return layer{module: []string{"scheme/...", "internal/certgen", "internal/testpeer"}}, true
	case rel == "bindings/tlsval":
		return layer{module: append([]string{"scheme/...", "listener", "ports"}, tlsCore...), thirdParty: []string{"golang.org/x/"}}, true
	case under("bindings"):
		l := layer{module: append([]string{"bindings/...", "scheme/...", "listener", "ports", "starttls", "internal/ctxio"}, tlsCore...), thirdParty: []string{"golang.org/x/"}}
		if rel == "bindings/sagcrypto" {
			l.thirdParty = append(l.thirdParty, "github.com/cloudflare/circl/")
		}
		return l, true
	case rel == "internal/certgen":
		return layer{thirdParty: []string{"golang.org/x/crypto"}}, true // OCSP responses for tests
	case rel == "internal/testpeer", rel == "internal/loopback", rel == "internal/tmuxtest", rel == "internal/fifotest", rel == "internal/ctxio":
		return layer{}, true
	}
	return layer{}, false
}

func (l layer) allowsModule(rel string) bool {
	for _, p := range l.module {
		if base, ok := strings.CutSuffix(p, "/..."); ok {
			if rel == base || strings.HasPrefix(rel, base+"/") {
				return true
			}
		} else if rel == p {
			return true
		}
	}
	return false
}

type pkgInfo struct {
	std     bool
	imports []string
}

func TestImportLattice(t *testing.T) {
	out, err := exec.Command("go", "list", "-e", "-deps",
		"-f", "{{.ImportPath}}|{{.Standard}}|{{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Skipf("go list failed (go toolchain not in PATH?): %v", err)
	}
	pkgs := map[string]pkgInfo{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, "|", 3)
		if len(f) != 3 {
			continue
		}
		pkgs[f[0]] = pkgInfo{std: f[1] == "true", imports: strings.Fields(f[2])}
	}
	for _, b := range checkLattice(pkgs) {
		t.Errorf("forbidden import edge: %s", b)
	}
}

// checkLattice returns every forbidden edge of the import graph pkgs
// (import path → standard?, direct imports), sorted by importing package.
func checkLattice(pkgs map[string]pkgInfo) []string {
	var bad []string
	names := make([]string, 0, len(pkgs))
	for p := range pkgs {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		rel, ok := strings.CutPrefix(p, module+"/")
		if p == module {
			rel, ok = "", true
		}
		if !ok {
			continue
		}
		l, known := layerOf(rel)
		if !known {
			bad = append(bad, p+": package is not in the lattice (add it to deps_test.go and STYLE.md §5.1)")
			continue
		}
		if l.any {
			continue
		}
		for _, imp := range pkgs[p].imports {
			if irel, ok := strings.CutPrefix(imp, module+"/"); ok || imp == module {
				if !l.allowsModule(irel) || irel == "bindings/bindingtest" {
					bad = append(bad, p+" -> "+imp)
				}
				continue
			}
			info, seen := pkgs[imp]
			if imp == "C" || (seen && info.std) || (!seen && !strings.Contains(strings.Split(imp, "/")[0], ".")) {
				continue
			}
			if !slices.ContainsFunc(l.thirdParty, func(pre string) bool { return strings.HasPrefix(imp, pre) }) {
				bad = append(bad, p+" -> "+imp+" (third-party)")
			}
		}
		if strings.HasPrefix(rel+"/", "scheme/") {
			for _, dep := range closure(pkgs, p) {
				if dep == "net" || dep == "crypto" || strings.HasPrefix(dep, "crypto/") {
					bad = append(bad, p+" -> ... -> "+dep+" (crypto/*, net !< scheme)")
				}
			}
		}
	}
	return bad
}

// TestCheckLattice feeds checkLattice a synthetic graph with one good and
// one bad edge of each rule, so a rule that stops firing is noticed.
func TestCheckLattice(t *testing.T) {
	m := func(rel string) string { return module + "/" + rel }
	std := func(imps ...string) pkgInfo { return pkgInfo{std: true, imports: imps} }
	mod := func(imps ...string) pkgInfo { return pkgInfo{imports: imps} }
	pkgs := map[string]pkgInfo{
		"fmt": std(), "net": std("fmt"), "crypto/tls": std("net"), "bufio": std(),
		"golang.org/x/crypto/pbkdf2": mod(), "github.com/evil/dep": mod(),
		// good edges
		m("conditions"):           mod("fmt", "crypto/tls"),
		m("context"):              mod(m("conditions"), m("internal/certgen"), "golang.org/x/crypto/pbkdf2"),
		m("ports"):                mod(m("context"), m("conditions")),
		m("listener"):             mod(m("ports"), m("context")),
		m("internal/testpeer"):    mod("bufio"),
		module:                    mod(m("listener"), m("ports"), m("context"), m("conditions"), "net"),
		m("cmd/tool"):             mod(m("listener"), "github.com/evil/dep"),
		m("scheme"):               mod("fmt", m("internal/ctxio")),
		m("bindings/bindingtest"): mod(m("scheme"), m("internal/testpeer")),
		m("bindings/sagcrypto"):   mod(m("bindings/tlsval"), "github.com/cloudflare/circl/sign/ed448"),
		// bad edges
		m("internal/certgen"):  mod(m("conditions")),                    // helper must be std only
		m("repl"):              mod(m("scheme"), m("ports")),            // repl below the TLS core
		m("scheme/sub"):        mod(m("scheme"), "bufio", m("x/alien")), // unknown module package
		m("scheme/lib"):        mod(m("scheme"), m("scheme/sub")),       // library beside library
		m("scheme/stdlib"):     mod(m("scheme"), m("scheme/lib")),
		m("scheme/netty"):      mod("bufio", m("scheme/deep")), // net reached transitively
		m("scheme/deep"):       mod("net"),
		m("x/alien"):           mod(),
		m("bindings/tlsval"):   mod(m("listener"), "github.com/evil/dep"),  // third party
		m("bindings/tcp"):      mod(m("bindings/bindingtest")),             // test support outside tests
		m("bindings/x509"):     mod("github.com/cloudflare/circl/dh/x448"), // circl outside sagcrypto
		m("internal/loopback"): mod(module),                                // the root package is above test support
		m("internal/ctxio"):    mod("bufio", m("x/alien")),                 // std only
	}
	got := checkLattice(pkgs)
	want := []string{
		m("bindings/tcp") + " -> " + m("bindings/bindingtest"),
		m("bindings/tlsval") + " -> github.com/evil/dep (third-party)",
		m("bindings/x509") + " -> github.com/cloudflare/circl/dh/x448 (third-party)",
		m("internal/certgen") + " -> " + m("conditions"),
		m("internal/ctxio") + " -> " + m("x/alien"),
		m("internal/loopback") + " -> " + module,
		m("repl") + " -> " + m("ports"),
		m("scheme/deep") + " -> ... -> net (crypto/*, net !< scheme)",
		m("scheme/lib") + " -> " + m("scheme/sub"),
		m("scheme/netty") + " -> " + m("scheme/deep"),
		m("scheme/netty") + " -> ... -> net (crypto/*, net !< scheme)",
		m("scheme/sub") + " -> " + m("x/alien"),
		m("x/alien") + ": package is not in the lattice (add it to deps_test.go and STYLE.md §5.1)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checkLattice found\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// closure returns every package p depends on, transitively.
func closure(pkgs map[string]pkgInfo, p string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(q string) {
		for _, imp := range pkgs[q].imports {
			if !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(p)
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}
