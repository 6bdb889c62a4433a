// Package refdoc renders the reference manual of tlsport's Scheme
// libraries from their binding tables: docs/reference/ in the repository
// (one Markdown file per library and an index, built by cmd/refdoc through
// `go generate ./...`) and the text ,doc prints at the REPL.
package refdoc

import (
	"fmt"
	"strings"
)

// Dir is the directory of the generated reference, relative to the
// repository root.
const Dir = "docs/reference"

// Library is one library of the reference.
type Library struct {
	Name    string // as written in import, e.g. "(openssl)"
	Doc     string
	Entries []Entry // sorted by name
}

// Entry is the reference of one exported name.
type Entry struct {
	Name string
	Kind string // "procedure", "syntax", "parameter" or "value"
	Lib  string // the library exporting it
	// Source is the row's citation ("r7rs §6.4", "SRFI-18", "§1.1.2");
	// only citations of published documents are printed (see [Entry.Cites]).
	Source string
	Sig    string
	Doc    string
	// The lambda list, as the runtime checks it.
	Required, Optional, Keys []string
	Rest                     string
	Defaults                 []Default // of optional and keyword parameters, from Sig
	Types                    []Default // the type each declared parameter accepts (Value is its name)
	Result                   string    // what it returns, "" when the doc does not say
	Raises                   []string  // what the doc says it raises
	Value                    string    // a parameter's default or a value's value, written
}

// Default is the default of one optional or keyword parameter.
type Default struct{ Name, Value string }

// Cites returns the citation of a published document (R7RS, an SRFI, the
// CHICKEN or Sagittarius manuals …), or "" when the row cites only a
// section number of tlsport's own specification, which is not part of the
// repository.
func (e *Entry) Cites() string {
	if e.Source == "" || strings.HasPrefix(e.Source, "§") {
		return ""
	}
	return e.Source
}

// FileName is the file of a library in [Dir]: "(chicken tcp)" →
// "chicken-tcp.md".
func FileName(lib string) string {
	s := strings.Trim(lib, "()")
	return strings.Join(strings.Fields(s), "-") + ".md"
}

// anchorWords spells the punctuation of Scheme names in anchors.
var anchorWords = map[rune]string{
	'*': "star", '?': "p", '!': "bang", '>': "gt", '<': "lt", '=': "eq", '+': "plus",
	'/': "slash", ':': "colon", '.': "dot", '%': "pct", '&': "amp", '^': "hat", '~': "tilde",
	'$': "dollar", '@': "at",
}

// Anchor is the HTML anchor of a name in its library's file: letters,
// digits and hyphens are kept, other characters spelt as words between
// hyphens ("ssl-connect*" → "ssl-connect-star", "string->list" →
// "string--gt-list").
func Anchor(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
		default:
			w, ok := anchorWords[r]
			if !ok {
				w = fmt.Sprintf("u%x", r)
			}
			b.WriteString("-" + w + "-")
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Link is the path of a name's reference from the repository root, as
// ,help cites it: "docs/reference/openssl.md#ssl-connect-star".
func (e *Entry) Link() string { return Dir + "/" + FileName(e.Lib) + "#" + Anchor(e.Name) }

// details returns the labelled facts of the entry, in order, for both the
// Markdown and the plain-text rendering.
func (e *Entry) details() [][2]string {
	var d [][2]string
	if len(e.Keys) > 0 {
		ks := make([]string, len(e.Keys))
		for i, k := range e.Keys {
			ks[i] = k + ":"
		}
		d = append(d, [2]string{"Keywords", strings.Join(ks, " ")})
	}
	if len(e.Types) > 0 {
		ts := make([]string, len(e.Types))
		for i, x := range e.Types {
			ts[i] = x.Name + ": " + x.Value
		}
		d = append(d, [2]string{"Types", strings.Join(ts, ", ")})
	}
	if len(e.Defaults) > 0 {
		ds := make([]string, len(e.Defaults))
		for i, x := range e.Defaults {
			ds[i] = x.Name + " = " + x.Value
		}
		d = append(d, [2]string{"Defaults", strings.Join(ds, ", ")})
	}
	switch {
	case e.Kind == "parameter" && e.Value != "":
		d = append(d, [2]string{"Default", e.Value})
	case e.Kind == "value" && e.Value != "":
		d = append(d, [2]string{"Value", e.Value})
	}
	if e.Result != "" {
		d = append(d, [2]string{"Returns", e.Result})
	}
	for _, r := range e.Raises {
		d = append(d, [2]string{"Raises", r})
	}
	if c := e.Cites(); c != "" {
		d = append(d, [2]string{"Source", c})
	}
	return d
}

// Text is the plain-text reference of the entry, as ,doc prints it.
func (e *Entry) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s in %s\n", e.Name, e.Kind, e.Lib)
	if e.Sig != "" {
		b.WriteString("  " + e.Sig + "\n")
	}
	for _, d := range e.details() {
		fmt.Fprintf(&b, "  %-9s %s\n", d[0]+":", d[1])
	}
	if e.Doc != "" {
		b.WriteString("\n")
		for _, l := range wrap(e.Doc, 72) {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// markdown writes the entry's section of its library's file.
func (e *Entry) markdown(b *strings.Builder) {
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n### `%s`\n\n", Anchor(e.Name), e.Name)
	fmt.Fprintf(b, "%s", e.Kind)
	if e.Sig != "" {
		fmt.Fprintf(b, " · `%s`", e.Sig)
	}
	b.WriteString("\n\n")
	for _, d := range e.details() {
		fmt.Fprintf(b, "- **%s:** %s\n", d[0], mdEscape(d[1]))
	}
	if len(e.details()) > 0 {
		b.WriteString("\n")
	}
	if e.Doc != "" {
		b.WriteString(mdEscape(e.Doc) + "\n\n")
	}
}

// mdEscape keeps Scheme text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`)
	return r.Replace(s)
}

// Header is the first line of every generated file.
const Header = "<!-- Generated by cmd/refdoc from the binding tables (go generate ./...); DO NOT EDIT. -->\n\n"

// Render renders the reference: the index (README.md) and one file per
// library, keyed by file name within [Dir].
func Render(libs []Library) map[string][]byte {
	files := map[string][]byte{}
	var idx strings.Builder
	idx.WriteString(Header)
	idx.WriteString("# tlsport Scheme reference\n\n")
	idx.WriteString("Every library tlsport binds, with each procedure's signature, keywords, defaults,\n")
	idx.WriteString("result, the conditions it raises and its description — generated from the\n")
	idx.WriteString("binding tables, so it says what the code does. At the REPL, `,doc NAME` prints\n")
	idx.WriteString("the same text and `,help NAME` cites the section here.\n\n")
	idx.WriteString("Conditions: every procedure raises an `(exn arity)` error for a wrong number of arguments\n")
	idx.WriteString("and `(exn type)` for an argument of the wrong type (the runtime\n")
	idx.WriteString("checks calls against the tables); the TLS procedures raise `(exn i/o net openssl)`\n")
	idx.WriteString("when TLS fails and `(exn i/o net timeout)` when a timeout expires. **Raises** lists\n")
	idx.WriteString("what an entry's description says beyond that.\n\n")
	idx.WriteString("| library | names | |\n|---|---|---|\n")
	for _, l := range libs {
		fn := FileName(l.Name)
		fmt.Fprintf(&idx, "| [`%s`](%s) | %d | %s |\n", l.Name, fn, len(l.Entries), mdEscape(firstSentence(l.Doc)))
		var b strings.Builder
		b.WriteString(Header)
		fmt.Fprintf(&b, "# `%s`\n\n", l.Name)
		if l.Doc != "" {
			b.WriteString(mdEscape(l.Doc) + "\n\n")
		}
		b.WriteString("[Index](README.md)\n\n")
		for _, e := range l.Entries {
			fmt.Fprintf(&b, "[`%s`](#%s) ", e.Name, Anchor(e.Name))
		}
		b.WriteString("\n\n")
		for i := range l.Entries {
			l.Entries[i].markdown(&b)
		}
		files[fn] = []byte(strings.TrimRight(b.String(), "\n") + "\n")
	}
	files["README.md"] = []byte(idx.String())
	return files
}

// firstSentence returns the doc up to its first ". ".
func firstSentence(doc string) string {
	doc = strings.TrimSpace(doc)
	if i := strings.Index(doc, ". "); i >= 0 {
		return doc[:i+1]
	}
	return doc
}
