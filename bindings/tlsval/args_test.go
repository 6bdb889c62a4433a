// Argument helpers and per-operation limits.

package tlsval

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

func TestMS(t *testing.T) {
	tests := []struct {
		in      scheme.Value
		want    time.Duration
		wantErr bool
	}{
		{scheme.Fixnum(250), 250 * time.Millisecond, false},
		{scheme.Flonum(1.5), 1500 * time.Microsecond, false},
		{scheme.False, 0, false},
		{scheme.Default, 0, false},
		{scheme.Fixnum(-1), 0, true},
		{scheme.NewString("10"), 0, true},
	}
	for _, tt := range tests {
		got, err := MS("t", 1, tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("MS(%s) = %v, %v; want %v, err %v", scheme.WriteString(tt.in), got, err, tt.want, tt.wantErr)
		}
	}
}

func TestArgHelpers(t *testing.T) {
	if !Absent(scheme.Default) || Absent(scheme.False) {
		t.Error("Absent")
	}
	if Given(scheme.False) || Given(scheme.Default) || !Given(scheme.Fixnum(0)) {
		t.Error("Given")
	}
	if !Bool(scheme.Default, true) || Bool(scheme.False, true) || !Bool(scheme.Fixnum(0), false) {
		t.Error("Bool")
	}
	if s := Str(scheme.Intern("tls12")); s != "tls12" {
		t.Errorf("Str(symbol) = %q", s)
	}
	if s := Str(scheme.False); s != "" {
		t.Errorf("Str(#f) = %q", s)
	}
	if n := Num(scheme.Default, 7); n != 7 {
		t.Errorf("Num(default) = %d", n)
	}
	if n := Num(scheme.Fixnum(3), 7); n != 3 {
		t.Errorf("Num(3) = %d", n)
	}
	if TypeName.Accept(scheme.Fixnum(1)) || !TypeName.Accept(scheme.NewString("x")) {
		t.Error("TypeName")
	}
	if TypeFixnum.Accept(scheme.NewString("x")) || !TypeFixnum.Accept(scheme.Fixnum(0)) {
		t.Error("TypeFixnum")
	}
	l := scheme.List(scheme.NewString("h2"), &scheme.Bytevector{B: []byte("http/1.1")}, scheme.Intern("x"))
	if got := StringsOf(l); !TypeStrings.Accept(l) || len(got) != 3 || got[1] != "http/1.1" {
		t.Errorf("StringsOf = %q", got)
	}
	if TypeStrings.Accept(scheme.NewString("h2")) {
		t.Error("TypeStrings accepted a lone string")
	}
	if got := scheme.WriteString(StringList([]string{"a", "b"})); got != `("a" "b")` {
		t.Errorf("StringList = %s", got)
	}
	for _, tt := range []struct {
		in   any
		want string
	}{{nil, "#f"}, {"s", `"s"`}, {3, "3"}, {true, "#t"}, {[]byte{1, 2}, "#u8(1 2)"}, {2.5, `"2.5"`}} {
		if got := scheme.WriteString(FromGo(tt.in)); got != tt.want {
			t.Errorf("FromGo(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestThreadLimit: the limit of an operation comes from the parameters of
// the thread whose context the operation gets, parameterize included.
func TestThreadLimit(t *testing.T) {
	in := scheme.New()
	lib := &scheme.Library{Name: "(tlsval test)", Parameters: []*scheme.ParamDef{TCPReadTimeout, TCPWriteTimeout, SSLHandshakeTimeout},
		Procs: []scheme.Proc{{Name: "limits", Sig: "(limits)", Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			var out []scheme.Value
			h := NewHandle()
			for _, op := range []conditions.Op{conditions.OpHandshake, conditions.OpRead, conditions.OpWrite, conditions.OpFlush} {
				d, ok := h.Limit(th.Context(), op)
				if !ok {
					return scheme.False, nil
				}
				out = append(out, scheme.Fixnum(d/time.Millisecond))
			}
			if h.Thread() != th {
				return scheme.False, nil
			}
			return scheme.List(out...), nil
		}}}}
	if err := in.Register(lib); err != nil {
		t.Fatal(err)
	}
	in.Import(lib.Name)
	v, err := in.EvalString(context.Background(), `(parameterize ((tcp-read-timeout 100) (tcp-write-timeout #f)) (limits))`)
	if err != nil {
		t.Fatal(err)
	}
	if got := scheme.WriteString(v); got != "(120000 100 0 0)" {
		t.Errorf("limits = %s, want (120000 100 0 0)", got)
	}
	if _, ok := ThreadLimit(context.Background(), conditions.OpRead); ok {
		t.Error("ThreadLimit found a thread in context.Background()")
	}
}

func TestStringItems(t *testing.T) {
	bv := &scheme.Bytevector{B: []byte("h2")}
	tests := []struct {
		name           string
		in             scheme.Value
		symbols        bool
		want           string
		isList, wantOK bool
	}{
		{"strings and bytevectors", scheme.List(scheme.NewString("a"), bv), false, "a,h2", true, true},
		{"empty", scheme.Null, false, "", true, true},
		{"symbol allowed", scheme.List(scheme.Intern("x")), true, "x", true, true},
		{"symbol refused", scheme.List(scheme.Intern("x")), false, "", true, false},
		{"bad element", scheme.List(scheme.Fixnum(1)), true, "", true, false},
		{"not a list", scheme.NewString("a"), true, "", false, false},
	}
	for _, tt := range tests {
		got, isList, ok := StringItems(tt.in, tt.symbols)
		if strings.Join(got, ",") != tt.want || isList != tt.isList || ok != tt.wantOK {
			t.Errorf("%s: StringItems = %q, %v, %v; want %q, %v, %v", tt.name, got, isList, ok, tt.want, tt.isList, tt.wantOK)
		}
	}
}
