// Sagittarius's (rfc pem): parse-pem and its file and string forms, and the PEM condition types.

package sagcrypto

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/internal/ctxio"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/rnrsconditions"
)

// Condition kinds of (rfc pem): every PEM condition is (exn pem-error …).
const (
	KindPEMError         = "pem-error"          // &pem-error
	KindInvalidPEMFormat = "invalid-pem-format" // &invalid-pem-format
	KindPreEBAsBoundary  = "pre-eb-as-boundary" // &pre-eb-as-boundary
)

// The PEM condition types, R6RS condition types over the kinds above.
var (
	PEMErrorType         = rnrsconditions.NewType("&pem-error", nil)
	InvalidPEMFormatType = rnrsconditions.NewType("&invalid-pem-format", PEMErrorType)
	PreEBAsBoundaryType  = rnrsconditions.NewType("&pre-eb-as-boundary", PEMErrorType)
)

// pemError raises the PEM condition of kind (KindInvalidPEMFormat or
// KindPreEBAsBoundary) located at who.
func pemError(who, kind, msg string, irritants ...scheme.Value) error {
	return scheme.Raise(scheme.MakeError(who, msg, irritants, KindPEMError, kind))
}

// Unsupported is the error of a feature tlsport does not provide: an
// (exn violation implementation-restriction unsupported) condition, so
// R6RS's implementation-restriction-violation? and CHICKEN's (exn
// unsupported) both see it.
func Unsupported(who, msg string, irritants ...scheme.Value) error {
	return scheme.NewError(who, msg, irritants, "violation", "implementation-restriction", "unsupported")
}

// pemBlock is one parsed PEM block: its parameters (name, value) in order
// and its body text (the lines joined without line breaks).
type pemBlock struct {
	params [][2]string
	body   string
}

// lineSource returns the next line without its terminator, io.EOF at the end.
type lineSource func() (string, error)

// pemParser reads PEM blocks from a line source.
type pemParser struct {
	who     string
	next    lineSource
	pending string // a BEGIN line read as the end of the previous block
	hasPend bool
}

func boundary(line, what string) (label string, ok bool) {
	line = strings.TrimRight(line, " \t")
	pre := "-----" + what + " "
	if strings.HasPrefix(line, pre) && strings.HasSuffix(line, "-----") && len(line) >= len(pre)+5 {
		return line[len(pre) : len(line)-5], true
	}
	return "", false
}

// block reads the next block; ok is false at the end of the input before
// any BEGIN line. multiple says whether a BEGIN line may end a block.
func (p *pemParser) block(multiple bool) (b pemBlock, ok bool, err error) {
	var label string
	if p.hasPend {
		label, _ = boundary(p.pending, "BEGIN")
		p.hasPend = false
	} else {
		for { // text before the boundary is ignored (RFC 1421 §4.4, RFC 7468 §2)
			line, err := p.next()
			if err == io.EOF {
				return b, false, nil
			} else if err != nil {
				return b, false, err
			}
			if l, ok := boundary(line, "BEGIN"); ok {
				label = l
				break
			}
		}
	}
	b.params = append(b.params, [2]string{"BEGIN", label})
	eof := func() error {
		return pemError(p.who, KindInvalidPEMFormat, "no -----END "+label+"----- line", scheme.NewString(label))
	}
	line, err := p.next()
	if err == io.EOF {
		return b, false, eof()
	} else if err != nil {
		return b, false, err
	}
	if strings.Contains(line, ":") { // RFC 1421 header fields, ended by an empty line
		for {
			if strings.TrimSpace(line) == "" {
				break
			}
			if (line[0] == ' ' || line[0] == '\t') && len(b.params) > 1 {
				b.params[len(b.params)-1][1] += strings.TrimSpace(line)
			} else {
				name, value, found := strings.Cut(line, ":")
				if !found || strings.TrimSpace(name) == "" {
					return b, false, pemError(p.who, KindInvalidPEMFormat, "malformed header line", scheme.NewString(line))
				}
				b.params = append(b.params, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
			}
			if line, err = p.next(); err == io.EOF {
				return b, false, eof()
			} else if err != nil {
				return b, false, err
			}
		}
		if line, err = p.next(); err == io.EOF {
			return b, false, eof()
		} else if err != nil {
			return b, false, err
		}
	}
	var body strings.Builder
	for {
		if end, ok := boundary(line, "END"); ok {
			if end != label {
				return b, false, pemError(p.who, KindInvalidPEMFormat, "-----END "+end+"----- does not match -----BEGIN "+label+"-----", scheme.NewString(label), scheme.NewString(end))
			}
			b.params = append(b.params, [2]string{"END", end})
			break
		}
		if next, ok := boundary(line, "BEGIN"); ok {
			if !multiple {
				return b, false, pemError(p.who, KindPreEBAsBoundary, "-----BEGIN "+next+"----- ends -----BEGIN "+label+"----- (use :multiple #t)", scheme.NewString(label), scheme.NewString(next))
			}
			p.pending, p.hasPend = line, true
			break
		}
		body.WriteString(strings.TrimSpace(line))
		if line, err = p.next(); err == io.EOF {
			return b, false, eof()
		} else if err != nil {
			return b, false, err
		}
	}
	b.body = body.String()
	return b, true, nil
}

// portLines reads lines from a textual input port.
func portLines(ctx context.Context, port *scheme.Port) lineSource {
	return func() (string, error) {
		b, err := port.ReadLineContext(ctx)
		if err == io.EOF && len(b) > 0 {
			err = nil
		}
		return string(b), err
	}
}

// readerLines reads lines from r.
func readerLines(r io.Reader) lineSource {
	s := bufio.NewScanner(r)
	s.Buffer(nil, 1<<30)
	return func() (string, error) {
		if s.Scan() {
			return strings.TrimSuffix(s.Text(), "\r"), nil
		}
		if s.Err() != nil {
			return "", s.Err()
		}
		return "", io.EOF
	}
}

// content converts a block's body: decoder (default Base 64), then builder.
func content(th *scheme.Thread, who string, b pemBlock, builder, decoder scheme.Value) (scheme.Value, error) {
	var v scheme.Value
	if decoder == scheme.Default || decoder == scheme.False {
		bs, err := base64.StdEncoding.DecodeString(b.body)
		if err != nil {
			bs, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(b.body, "="))
		}
		if err != nil {
			return nil, pemError(who, KindInvalidPEMFormat, "invalid Base 64 content in "+b.params[0][1]+": "+err.Error(), scheme.NewString(b.params[0][1]))
		}
		v = &scheme.Bytevector{B: bs}
	} else {
		var err error
		if v, err = th.Call(decoder, &scheme.Bytevector{B: []byte(b.body)}); err != nil {
			return nil, err
		}
	}
	if builder != scheme.Default && builder != scheme.False {
		return th.Call(builder, v)
	}
	return v, nil
}

func paramAlist(b pemBlock) scheme.Value {
	items := make([]scheme.Value, len(b.params))
	for i, p := range b.params {
		items[i] = &scheme.Pair{Car: scheme.NewString(p[0]), Cdr: scheme.NewString(p[1])}
	}
	return scheme.List(items...)
}

// parsePEMFrom is parse-pem over a line source; a[1:4] are the keywords
// multiple, builder, asn1 and decoder.
func parsePEMFrom(th *scheme.Thread, who string, next lineSource, multiple, builder, asn1, decoder scheme.Value) (scheme.Value, error) {
	noBuilder := builder == scheme.Default || builder == scheme.False
	if noBuilder && asn1 != scheme.Default && asn1 != scheme.False {
		return nil, Unsupported(who, ":asn1 is not supported: tlsport has no (asn.1) library; pass a :builder procedure instead")
	}
	p := &pemParser{who: who, next: next}
	if multiple == scheme.Default || multiple == scheme.False {
		b, ok, err := p.block(false)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, pemError(who, KindInvalidPEMFormat, "no -----BEGIN …----- line in the input")
		}
		c, err := content(th, who, b, builder, decoder)
		if err != nil {
			return nil, err
		}
		return scheme.Values(paramAlist(b), c), nil
	}
	var out []scheme.Value
	for {
		b, ok, err := p.block(true)
		if err != nil {
			return nil, err
		}
		if !ok {
			return scheme.List(out...), nil
		}
		c, err := content(th, who, b, builder, decoder)
		if err != nil {
			return nil, err
		}
		out = append(out, &scheme.Pair{Car: paramAlist(b), Cdr: c})
	}
}

// parsePEM implements parse-pem.
func parsePEM(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "parse-pem"
	port, ok := a[0].(*scheme.Port)
	if !ok || !port.IsInput() || !port.IsTextual() {
		return nil, scheme.TypeError(who, 1, "textual input port", a[0])
	}
	if !port.InputOpen() {
		return nil, scheme.NewError(who, "input port is closed", []scheme.Value{port}, "i/o")
	}
	return parsePEMFrom(th, who, portLines(th.Context(), port), a[1], a[2], a[3], a[4])
}

// keywordOptions returns the values of the keywords names in options, a
// rest list of keyword/value pairs (absent ones: #!default); another
// keyword or an odd list is a type error of who.
func keywordOptions(who string, options scheme.Value, names ...string) ([]scheme.Value, error) {
	return readOptions(who, options, false, names)
}

// lenientOptions is keywordOptions for the procedures the documents say
// ignore the keywords they do not support (make-signer …): another
// keyword is skipped, an odd list or a non-keyword is still an error.
func lenientOptions(who string, options scheme.Value, names ...string) ([]scheme.Value, error) {
	return readOptions(who, options, true, names)
}

func readOptions(who string, options scheme.Value, lenient bool, names []string) ([]scheme.Value, error) {
	out := make([]scheme.Value, len(names))
	for i := range out {
		out[i] = scheme.Default
	}
	expected := ":" + strings.Join(names, ", :")
	l, ok := scheme.ListToSlice(options)
	if !ok || len(l)%2 != 0 {
		return out, scheme.NewError(who, "options must be keyword/value pairs ("+expected+")", l, "type")
	}
	for i := 0; i < len(l); i += 2 {
		k, ok := l[i].(*scheme.Keyword)
		j := -1
		if ok {
			j = slices.Index(names, k.Name)
		}
		if j < 0 && (!ok || !lenient) {
			return out, scheme.NewError(who, "unknown option (expected "+expected+")", []scheme.Value{l[i]}, "type")
		}
		if j < 0 {
			continue
		}
		out[j] = l[i+1]
	}
	return out, nil
}

// pemOptions are the parse-pem keywords of options: multiple, builder,
// asn1 and decoder.
func pemOptions(who string, options scheme.Value) ([]scheme.Value, error) {
	return keywordOptions(who, options, "multiple", "builder", "asn1", "decoder")
}

// parsePEMFile implements parse-pem-file.
func parsePEMFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "parse-pem-file"
	o, err := pemOptions(who, a[1])
	if err != nil {
		return nil, err
	}
	name := a[0].(*scheme.String).String()
	// read whole under the thread's context: a FIFO never waits past a
	// timeout or Ctrl-C; thread-signal!, which could not make the call
	// again without reading a FIFO twice, is handled once it is read
	data, err := ctxio.ReadFile(th.Context(), name)
	if err != nil {
		kinds := []string{"i/o", "file"}
		if errors.Is(err, os.ErrNotExist) {
			kinds = append(kinds, "file-does-not-exist")
		}
		c := scheme.MakeError(who, "cannot open "+name+": "+err.Error(), []scheme.Value{a[0]}, kinds...)
		c.Set("file", "filename", a[0])
		c.Cause = err
		return nil, scheme.Raise(c)
	}
	return parsePEMFrom(th, who, readerLines(bytes.NewReader(data)), o[0], o[1], o[2], o[3])
}

// parsePEMString implements parse-pem-string.
func parsePEMString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "parse-pem-string"
	o, err := pemOptions(who, a[1])
	if err != nil {
		return nil, err
	}
	return parsePEMFrom(th, who, readerLines(strings.NewReader(a[0].(*scheme.String).String())), o[0], o[1], o[2], o[3])
}

func kindP(kind string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		c, ok := a[0].(*scheme.Condition)
		return scheme.MakeBool(ok && c.Has(kind)), nil
	}
}

var (
	invalidPEMFormatP = kindP(KindInvalidPEMFormat)
	preEBAsBoundaryP  = kindP(KindPreEBAsBoundary)
)

const pemSpec = "sagittarius (rfc pem) §3"

// pemKeys are parse-pem's keyword parameters.
func pemKeys() []scheme.Param {
	return []scheme.Param{scheme.Key("multiple", nil, nil), scheme.Key("builder", scheme.OrFalse(scheme.TypeProcedure), nil),
		scheme.Key("asn1", nil, nil), scheme.Key("decoder", scheme.OrFalse(scheme.TypeProcedure), nil)}
}

// fillFrom is the Build of a library whose rows table makes (called when a
// program first imports it rather than at every start): it fills l from t.
func fillFrom(l, t *scheme.Library) {
	l.Procs, l.Values, l.Reexports = t.Procs, t.Values, t.Reexports
}

// PEMLibrary is (rfc pem).
var PEMLibrary = &scheme.Library{Name: "(rfc pem)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's PEM parser (RFC 1421 encapsulation). The parameter alist of a block is a list of string pairs, in order: " +
		`("BEGIN" . label), the RFC 1421 header fields as written (e.g. ("Proc-Type" . "4,ENCRYPTED"), ("DEK-Info" . "DES-EDE3-CBC,…"); ` +
		`a folded field's continuation lines are appended without their leading white space), then ("END" . label) ` +
		"(absent when, with :multiple, the next BEGIN line ended the block). Text outside the boundaries is ignored. " +
		"The conditions are R6RS condition types whose conditions are also CHICKEN (exn pem-error …) conditions. " +
		":asn1 #t is not supported (tlsport has no (asn.1) library): it raises an (exn unsupported) implementation-restriction violation.",
	Build: func(l *scheme.Library) { fillFrom(l, pemTable()) }}

// pemTable returns the rows of (rfc pem), made when a program first
// imports the library rather than at every start.
func pemTable() *scheme.Library {
	return &scheme.Library{
		Values: []scheme.Binding{
			{Name: "&pem-error", Spec: pemSpec, Doc: "The condition type of every PEM failure (kind pem-error; parent &error).", Value: PEMErrorType},
			{Name: "&invalid-pem-format", Spec: pemSpec, Doc: "The input is not PEM: no BEGIN line, no END line, END label not matching BEGIN, a malformed header, or invalid Base 64 (parent &pem-error).", Value: InvalidPEMFormatType},
			{Name: "&pre-eb-as-boundary", Spec: pemSpec, Doc: "A BEGIN line ended a block while :multiple was #f (parent &pem-error).", Value: PreEBAsBoundaryType},
		},
		Procs: []scheme.Proc{
			{Name: "invalid-pem-format?", Spec: pemSpec, Sig: "(invalid-pem-format? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj an &invalid-pem-format condition?", Fn: invalidPEMFormatP},
			{Name: "pre-eb-as-boundary?", Spec: pemSpec, Sig: "(pre-eb-as-boundary? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a &pre-eb-as-boundary condition?", Fn: preEBAsBoundaryP},
			{Name: "parse-pem", Spec: pemSpec, Sig: "(parse-pem in :key multiple builder asn1 decoder)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(append([]scheme.Param{scheme.Req("in", scheme.TypePort)}, pemKeys()...)...)
				},
				Doc: "Read the first PEM block from the textual input port in; returns (values parameter-alist content). " +
					"content is the body decoded by decoder (a procedure of the body's bytevector, the Base 64 text without line breaks; default Base 64 decoding), then passed to builder when given. " +
					"With :multiple #t, returns a list of (parameter-alist . content), one per block to the end of the input ('() for none). " +
					"Raises &invalid-pem-format or &pre-eb-as-boundary.",
				Fn: parsePEM},
			{Name: "parse-pem-file", Spec: pemSpec, Sig: "(parse-pem-file file . options)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("file", scheme.TypeString), scheme.Rest("options", nil))
				},
				Doc: "parse-pem on the contents of file; options are parse-pem's keywords (:multiple, :builder, :asn1, :decoder).", Fn: parsePEMFile},
			{Name: "parse-pem-string", Spec: pemSpec, Sig: "(parse-pem-string pem-string . options)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("pem-string", scheme.TypeString), scheme.Rest("options", nil))
				},
				Doc: "parse-pem on pem-string; options are parse-pem's keywords.", Fn: parsePEMString},
		},
	}
}
