package scheme

import (
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
)

func TestGoName(t *testing.T) {
	for name, want := range map[string]string{
		"ssl-connect*": "sslConnectStar", "quotient&remainder": "quotientAndRemainder", "call/cc": "callWithCc", "call-with-current-continuation": "callWithCurrentContinuation",
		"string->list": "stringToList", "char<=?": "charLeP", "set!": "setBang", "%memv": "internalMemv",
		"error": "errorProc", "append": "appendProc", "+": "add", "string-ci=?": "stringCiEqP",
	} {
		if got := GoName(name); got != want {
			t.Errorf("GoName(%q) = %q, want %q", name, got, want)
		}
	}
}

// rowFunc returns the name of the Go function behind a core row, "" when it
// has none (a boot procedure).
func rowFunc(p *Proc) string {
	var f any
	switch {
	case p.Fn != nil:
		f = p.Fn
	case p.expand != nil:
		f = p.expand
	case p.rewrite != nil:
		f = p.rewrite
	case p.control != nil:
		f = p.control
	default:
		return ""
	}
	full := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
	return full[strings.LastIndex(full, ".")+1:]
}

// TestBuiltinGoNames checks the rule from Scheme name to Go function on the
// core tables: a row's function is GoName(name) (expand+GoName for special
// forms), or that of the row it is an alias of ("Same as X").
func TestBuiltinGoNames(t *testing.T) {
	var bad []string
	for _, l := range builtinLibraries() {
		byName := map[string]*Proc{}
		for i := range l.Procs {
			byName[l.Procs[i].Name] = &l.Procs[i]
		}
		for i := range l.Procs {
			p := &l.Procs[i]
			got := rowFunc(p)
			if got == "" {
				continue
			}
			want := GoName(p.Name)
			if p.IsSyntax() {
				want = "expand" + strings.ToUpper(want[:1]) + strings.TrimSuffix(want[1:], "Proc")
			}
			if alias, ok := strings.CutPrefix(p.Doc, "Same as "); ok && got != want {
				if q := byName[strings.TrimRight(strings.Fields(alias)[0], ".,;:")]; q != nil {
					want = rowFunc(q)
				}
			}
			if got != want {
				bad = append(bad, l.Name+" "+p.Name+": "+got+", want "+want)
			}
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d rows break the naming rule:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}
