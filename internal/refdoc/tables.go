// tables: reading the binding tables (the one place that knows the shape of scheme.Library rows).

package refdoc

import (
	"sort"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// FromTables turns binding tables into the reference's libraries, sorted
// by name, each with its entries sorted by name. Libraries that export
// nothing are left out. This is the only function that reads the rows of
// a [scheme.Library]: when the tables change shape, only it changes.
func FromTables(tables []*scheme.Library) []Library {
	var out []Library
	for _, t := range tables {
		lib := Library{Name: t.Name, Doc: t.Doc}
		for i := range t.Procs {
			p := &t.Procs[i]
			args := p.Params()
			e := Entry{Name: p.Name, Kind: "procedure", Lib: t.Name, Source: p.Spec, Sig: p.Signature(), Doc: p.Doc,
				Required: args.Required, Optional: args.Optional, Keys: args.Keys, Rest: args.Rest}
			if s, ok := strings.CutPrefix(e.Sig, "syntax "); ok || p.IsSyntax() {
				e.Kind, e.Sig = "syntax", s
			}
			for _, d := range args.Decl() {
				if d.Type != nil {
					e.Types = append(e.Types, Default{Name: d.Name, Value: d.Type.Name})
				}
			}
			e.Defaults = sigDefaults(e.Sig)
			e.Result = result(e.Name, e.Doc)
			if !strings.HasSuffix(e.Name, "?") {
				e.Raises = raises(e.Doc)
			}
			lib.Entries = append(lib.Entries, e)
		}
		for _, pd := range t.Parameters {
			e := Entry{Name: pd.Name, Kind: "parameter", Lib: t.Name, Source: pd.Spec, Sig: pd.Sig, Doc: pd.Doc}
			if e.Sig == "" {
				e.Sig = "(" + pd.Name + " [value])"
			}
			if pd.Default != nil {
				e.Value = scheme.WriteString(pd.Default)
			}
			e.Raises = raises(e.Doc)
			lib.Entries = append(lib.Entries, e)
		}
		for _, b := range t.Values {
			e := Entry{Name: b.Name, Kind: "value", Lib: t.Name, Source: b.Spec, Doc: b.Doc}
			if b.Value != nil {
				e.Value = scheme.WriteString(b.Value)
			}
			lib.Entries = append(lib.Entries, e)
		}
		if len(lib.Entries) == 0 {
			continue
		}
		sort.SliceStable(lib.Entries, func(i, j int) bool { return lib.Entries[i].Name < lib.Entries[j].Name })
		out = append(out, lib)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// sigDefaults reads the defaults a signature gives its #!optional and
// #!key parameters, written "(name default)" as in CHICKEN.
func sigDefaults(sig string) []Default {
	var out []Default
	inner, ok := strings.CutPrefix(strings.TrimSpace(sig), "(")
	if !ok {
		return nil
	}
	depth, start, inStr := 0, -1, false
	for i, r := range inner {
		switch {
		case inStr:
			if r == '"' && inner[i-1] != '\\' {
				inStr = false
			}
		case r == '"':
			inStr = true
		case r == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case r == ')':
			depth--
			if depth == 0 && start >= 0 {
				name, def, ok := strings.Cut(strings.TrimSpace(inner[start:i]), " ")
				if ok && !strings.ContainsAny(name, "()") {
					out = append(out, Default{Name: name, Value: strings.TrimSpace(def)})
				}
				start = -1
			}
			if depth < 0 {
				return out
			}
		}
	}
	return out
}

// result is what the doc text says the procedure returns: its clause
// starting at "return", or "a boolean" for a predicate.
func result(name, doc string) string {
	for _, s := range sentences(doc) {
		l := strings.ToLower(s)
		if i := strings.Index(l, "returns "); i >= 0 {
			return strings.TrimSpace(s[i+len("returns "):])
		}
		if i := strings.Index(l, "return "); i >= 0 && !strings.Contains(l, "return value") {
			return strings.TrimSpace(s[i+len("return "):])
		}
	}
	if strings.HasSuffix(name, "?") {
		return "#t or #f"
	}
	return ""
}

// raises collects the doc sentences that say what the procedure raises.
func raises(doc string) []string {
	var out []string
	for _, s := range sentences(doc) {
		l := strings.ToLower(s)
		if strings.Contains(l, "raise") || strings.Contains(l, "signals") || strings.Contains(l, "(exn") {
			out = append(out, s)
		}
	}
	return out
}

// sentences splits a doc text at ". " and "; " outside parentheses.
func sentences(doc string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(doc); i++ {
		switch doc[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '.', ';':
			if depth == 0 && (i+1 == len(doc) || doc[i+1] == ' ') {
				if s := strings.TrimSpace(doc[start : i+1]); s != "" {
					out = append(out, strings.TrimSuffix(strings.TrimSuffix(s, ";"), "."))
				}
				start = i + 1
			}
		}
	}
	if s := strings.TrimSpace(doc[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
