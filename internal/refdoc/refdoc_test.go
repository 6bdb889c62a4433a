// Tests of reading the tables and rendering the reference.

package refdoc

import (
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

func TestAnchor(t *testing.T) {
	tests := []struct{ name, want string }{
		{"ssl-connect", "ssl-connect"},
		{"ssl-connect*", "ssl-connect-star"},
		{"string->list", "string--gt-list"},
		{"set-car!", "set-car-bang"},
		{"eq?", "eq-p"},
		{"<=", "-lt--eq"},
		{"X509-name", "x509-name"},
		{"λ", "-u3bb"},
	}
	for _, tc := range tests {
		if got := Anchor(tc.name); got != tc.want {
			t.Errorf("Anchor(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFileName(t *testing.T) {
	for lib, want := range map[string]string{"(openssl)": "openssl.md", "(chicken tcp)": "chicken-tcp.md", "(srfi 69)": "srfi-69.md"} {
		if got := FileName(lib); got != want {
			t.Errorf("FileName(%q) = %q, want %q", lib, got, want)
		}
	}
}

func TestSigDefaults(t *testing.T) {
	tests := []struct {
		sig  string
		want []Default
	}{
		{"(ssl-make-client-context #!optional (protocol 'sslv2-or-v3) #!key private-key)", []Default{{"protocol", "'sslv2-or-v3"}}},
		{"(f a #!key (port 443) (verify? #t) (name \"a (b)\"))", []Default{{"port", "443"}, {"verify?", "#t"}, {"name", `"a (b)"`}}},
		{"(car pair)", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if got := sigDefaults(tc.sig); !slices.Equal(got, tc.want) {
			t.Errorf("sigDefaults(%q) = %v, want %v", tc.sig, got, tc.want)
		}
	}
}

func TestResultAndRaises(t *testing.T) {
	tests := []struct {
		name, doc, result string
		raises            []string
	}{
		{"ssl-connect*", "Open a connection (verifying the peer); returns (values in out). Raises (exn i/o net openssl) when the handshake fails.",
			"(values in out)", []string{"Raises (exn i/o net openssl) when the handshake fails"}},
		{"pair?", "Whether obj is a pair.", "#t or #f", nil},
		{"display", "Writes obj.", "", nil},
	}
	for _, tc := range tests {
		if got := result(tc.name, tc.doc); got != tc.result {
			t.Errorf("result(%q) = %q, want %q", tc.doc, got, tc.result)
		}
		if got := raises(tc.doc); !slices.Equal(got, tc.raises) {
			t.Errorf("raises(%q) = %q, want %q", tc.doc, got, tc.raises)
		}
	}
}

// TestRender renders a small table and checks what the reference says of
// each kind of row.
func TestRender(t *testing.T) {
	lib := &scheme.Library{Name: "(demo lib)", Doc: "A demo library. More text.",
		Procs: []scheme.Proc{
			{Name: "demo-connect*", Spec: "§1.1", Sig: "(demo-connect* #!key hostname (port 443))",
				Doc:  "Connect; returns (values in out). Raises (exn i/o net) when refused.",
				Args: scheme.Params{Keys: []string{"hostname", "port"}}},
			{Name: "demo?", Spec: "r7rs §6.1", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Whether obj is a demo."},
			{Name: "demo-open", Doc: "Open host.",
				Args: scheme.Lambda(scheme.Req("host", scheme.TypeString), scheme.Opt("port", scheme.TypeInteger, scheme.Fixnum(443)))},
		},
		Parameters: []*scheme.ParamDef{{Name: "demo-timeout", Sig: "(demo-timeout [ms])", Default: scheme.Fixnum(5), Doc: "Milliseconds."}},
		Values:     []scheme.Binding{{Name: "demo-version", Value: scheme.NewString("1.0"), Doc: "The version."}},
	}
	libs := FromTables([]*scheme.Library{lib, {Name: "(empty)"}})
	if len(libs) != 1 {
		t.Fatalf("FromTables kept %d libraries, want 1 (the empty one left out)", len(libs))
	}
	files := Render(libs)
	if len(files) != 2 {
		t.Fatalf("Render wrote %d files, want README.md and demo-lib.md", len(files))
	}
	idx := string(files["README.md"])
	if !strings.Contains(idx, "| [`(demo lib)`](demo-lib.md) | 5 | A demo library. |") {
		t.Errorf("index row missing:\n%s", idx)
	}
	body := string(files["demo-lib.md"])
	for _, want := range []string{
		`<a id="demo-connect-star"></a>`,
		"procedure · `(demo-connect* #!key hostname (port 443))`",
		"- **Keywords:** hostname: port:",
		"- **Defaults:** port = 443",
		"- **Returns:** (values in out)",
		"- **Raises:** Raises (exn i/o net) when refused",
		"procedure · `(demo? obj)`",
		"- **Returns:** #t or #f",
		"- **Source:** r7rs §6.1",
		"parameter · `(demo-timeout [ms])`",
		"- **Default:** 5",
		"- **Value:** \"1.0\"",
		"procedure · `(demo-open host #!optional (port 443))`",
		"- **Types:** host: string, port: integer",
		"- **Defaults:** port = 443",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("demo-lib.md lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "§1.1") {
		t.Errorf("demo-lib.md cites the unpublished spec section §1.1:\n%s", body)
	}
	e := libs[0].Entries[0]
	if got, want := e.Link(), "docs/reference/demo-lib.md#demo-connect-star"; got != want {
		t.Errorf("Link = %q, want %q", got, want)
	}
	text := e.Text()
	for _, want := range []string{"demo-connect*: procedure in (demo lib)\n", "  Keywords: hostname: port:\n", "  Returns:  (values in out)\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("Text lacks %q:\n%s", want, text)
		}
	}
}
