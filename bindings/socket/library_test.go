// Checks of the binding table: exports equal the spec list, rows are complete, Sig agrees with Args, scripts call every procedure.

package socket

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// exported returns every name l exports, sorted.
func exported(l *scheme.Library) []string {
	var out []string
	for _, p := range l.Procs {
		out = append(out, p.Name)
	}
	for _, b := range l.Values {
		out = append(out, b.Name)
	}
	sort.Strings(out)
	return out
}

func checkExports(t *testing.T, l *scheme.Library, want []string) {
	t.Helper()
	want = slices.Clone(want)
	sort.Strings(want)
	got := exported(l)
	for _, n := range want {
		if !slices.Contains(got, n) {
			t.Errorf("%s lacks %s", l.Name, n)
		}
	}
	for _, n := range got {
		if !slices.Contains(want, n) {
			t.Errorf("%s exports %s, not in the spec list", l.Name, n)
		}
	}
}

// sigParams parses a Sagittarius signature "(name req … :optional opt … :key key … . rest)".
func sigParams(sig string) (string, scheme.Params) {
	sig = strings.TrimSuffix(strings.TrimPrefix(sig, "("), ")")
	var toks []string
	depth, cur := 0, ""
	for _, r := range sig {
		switch {
		case r == '(':
			depth++
			if depth == 1 {
				cur = ""
				continue
			}
		case r == ')':
			depth--
			if depth == 0 {
				toks = append(toks, strings.Fields(cur)[0])
				cur = ""
				continue
			}
		case r == ' ' && depth == 0:
			if cur != "" {
				toks = append(toks, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	if cur != "" {
		toks = append(toks, cur)
	}
	var p scheme.Params
	section := "req"
	for _, tok := range toks[1:] {
		switch tok {
		case ":optional":
			section = "opt"
		case ":key":
			section = "key"
		case ".":
			section = "rest"
		default:
			switch section {
			case "req":
				p.Required = append(p.Required, tok)
			case "opt":
				p.Optional = append(p.Optional, tok)
			case "key":
				p.Keys = append(p.Keys, tok)
			case "rest":
				p.Rest = tok
			}
		}
	}
	return toks[0], p
}

func checkTable(t *testing.T, l *scheme.Library) {
	t.Helper()
	eq := func(a, b []string) bool { return slices.Equal(a, b) || (len(a) == 0 && len(b) == 0) }
	for _, p := range l.Procs {
		if p.Sig == "" || p.Doc == "" || p.Spec == "" || p.Fn == nil {
			t.Errorf("%s: row lacks Sig, Doc, Spec or Fn", p.Name)
			continue
		}
		name, sp := sigParams(p.Sig)
		if name != p.Name {
			t.Errorf("%s: Sig names %s", p.Name, name)
		}
		if !eq(sp.Required, p.Args.Required) || !eq(sp.Optional, p.Args.Optional) || !eq(sp.Keys, p.Args.Keys) || sp.Rest != p.Args.Rest {
			t.Errorf("%s: Sig %q disagrees with Args %+v", p.Name, p.Sig, p.Args)
		}
	}
	for _, b := range l.Values {
		if b.Doc == "" || b.Spec == "" {
			t.Errorf("%s: value lacks Doc or Spec", b.Name)
		}
	}
}

func checkCalled(t *testing.T, l *scheme.Library) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "*.scm"))
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, p := range l.Procs {
		re := regexp.MustCompile(`[(\s']` + regexp.QuoteMeta(p.Name) + `[\s)]`)
		if !re.MatchString(text) {
			t.Errorf("no testdata script calls %s", p.Name)
		}
	}
}

// specExports is the export list of spec §1.5 (procedures, constants,
// condition procedures) plus the §1.6 assertion-violation? view.
var specExports = strings.Fields(`make-client-socket make-server-socket make-server-socket* socket?
socket-accept socket-send socket-send/range socket-recv socket-recv! socket-shutdown socket-close
socket-closed? socket-peer socket-name socket-info socket-node socket-service socket-info-values
socket-info-hostname socket-info-ip-address socket-info-port ip-address->string socket-port
socket-input-port socket-output-port call-with-socket socket-set-read-timeout! socket-get-read-timeout
socket-nonblocking! socket-blocking! nonblocking-socket? socket-read-select socket-write-select
socket-error-select AF_INET AF_INET6 AF_UNSPEC SOCK_STREAM SOCK_DGRAM AI_PASSIVE AI_CANONNAME
AI_NUMERICHOST AI_V4MAPPED AI_ALL AI_ADDRCONFIG IPPROTO_TCP SHUT_RD SHUT_WR SHUT_RDWR MSG_NOSIGNAL
MSG_PEEK host-not-found-error? host-not-found-error-node host-not-found-error-service socket-error?
socket-error-socket socket-connection-error? socket-closed-error? socket-read-timeout-error?
socket-port-error? socket-error-port assertion-violation?`)

func TestExportsMatchSpec(t *testing.T) { checkExports(t, Library, specExports) }

func TestTableComplete(t *testing.T) { checkTable(t, Library) }

func TestScriptsCallEveryProcedure(t *testing.T) { checkCalled(t, Library) }
