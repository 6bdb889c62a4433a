// CHICKEN's reader settings: the parameters keyword-style, case-sensitive,
// parentheses-synonyms and symbol-escape of (chicken base), and the read
// table of (chicken read-syntax) (set-read-syntax! and the others).

package scheme

import (
	"io"
	"sync"
)

// The reader's parameters, CHICKEN's (chicken base) "Reader settings". The
// reader reads them when it starts on a port (read); the REPL reads their
// global values ([Interp.ReadDatum]).
var (
	// KeywordStyle is CHICKEN's keyword-style: #:suffix reads foo: as a
	// keyword, #:prefix :foo, any other value (#:none) neither; #:foo is
	// always one. tlsport's default, #:both, reads foo: and :foo (the
	// three spellings of the API reference §0.2).
	KeywordStyle = &ParamDef{Name: "keyword-style", Spec: "CHICKEN (chicken base)", Sig: "(keyword-style [style])",
		Doc:     "How read recognizes keywords besides #:foo: #:suffix (foo:), #:prefix (:foo), #:both (either, tlsport's default) or #:none (neither; any other value too). A name of colons only (:, ::, :::) is a symbol in every style, unlike CHICKEN's reader, so that R7RS's custom ellipsis (syntax-rules ::: …) works; |a|: is the keyword a.",
		Default: InternKeyword("both")}
	// CaseSensitive is CHICKEN's case-sensitive: when #f, read folds
	// symbols to lower case, and write puts a symbol with upper-case
	// letters in bars so that it reads back.
	CaseSensitive = &ParamDef{Name: "case-sensitive", Spec: "CHICKEN (chicken base)", Sig: "(case-sensitive [boolean])",
		Doc: "When #f, read folds symbols (and character names) to lower case, as after #!fold-case, and write puts symbols with upper-case letters in bars (|ABC|) so that they read back. Default #t.", Default: True,
		Convert: func(th *Thread, v Value) (Value, error) {
			if v == Value(False) && th != nil {
				th.interp.foldCasePrint.Store(true)
			}
			return v, nil
		}}
	// ParenthesesSynonyms is CHICKEN's parentheses-synonyms: when #f, [ ]
	// and { } are errors instead of list delimiters.
	ParenthesesSynonyms = &ParamDef{Name: "parentheses-synonyms", Spec: "CHICKEN (chicken base)", Sig: "(parentheses-synonyms [boolean])",
		Doc: "When true (the default), read takes [ ] and { } as list delimiters like ( ); when #f they are an error.", Default: True}
	// SymbolEscape is CHICKEN's symbol-escape: when #f, | is an ordinary
	// symbol character instead of the |…| symbol escape.
	SymbolEscape = &ParamDef{Name: "symbol-escape", Spec: "CHICKEN (chicken base)", Sig: "(symbol-escape [boolean])",
		Doc: "When true (the default), read takes |…| as an escaped symbol; when #f, | is an ordinary symbol character.", Default: True}
	// CurrentReadTable is CHICKEN's current-read-table: the [ReadTable]
	// of the read syntax set by set-read-syntax! and the others.
	CurrentReadTable = &ParamDef{Name: "current-read-table", Spec: "CHICKEN (chicken read-syntax)", Sig: "(current-read-table [read-table])",
		Doc:  "The read table holding the procedures of the read syntax defined by set-read-syntax!, set-sharp-read-syntax!, set-parameterized-read-syntax! and define-reader-ctor.",
		Init: func(*Interp) Value { return new(ReadTable) },
		Convert: func(_ *Thread, v Value) (Value, error) {
			if _, ok := v.(*ReadTable); !ok {
				return nil, NewError("current-read-table", "expected a read table", []Value{v}, "type")
			}
			return v, nil
		}}
)

// ReadTable is CHICKEN's read table: the procedures read calls for the read
// syntax a program defines. Safe for concurrent use.
type ReadTable struct {
	mu     sync.Mutex
	chars  map[rune]Value   // set-read-syntax!: C
	sharp  map[rune]Value   // set-sharp-read-syntax!: #C
	param  map[rune]Value   // set-parameterized-read-syntax!: #NC
	marks  map[string]Value // read marks: #!NAME
	ctors  map[string]Value // define-reader-ctor: #,(NAME ...)
	others bool             // some entry was ever set (a fast "no" for the reader)
}

// TypeName implements Value.
func (*ReadTable) TypeName() string { return "read-table" }

// Repr implements Repr.
func (*ReadTable) Repr() string { return "#<read-table>" }

// lookupIn returns the procedure the map sel(t) holds for k, nil when
// none (or t is nil).
func lookupIn[K comparable](t *ReadTable, sel func(*ReadTable) map[K]Value, k K) Value {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return sel(t)[k]
}

// The maps of a ReadTable, for lookupIn.
func charsOf(t *ReadTable) map[rune]Value   { return t.chars }
func sharpOf(t *ReadTable) map[rune]Value   { return t.sharp }
func paramOf(t *ReadTable) map[rune]Value   { return t.param }
func marksOf(t *ReadTable) map[string]Value { return t.marks }
func ctorsOf(t *ReadTable) map[string]Value { return t.ctors }

// setIn sets (proc a procedure) or removes (proc #f) the entry k of *m.
func setIn[K comparable](t *ReadTable, m *map[K]Value, k K, proc Value) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if proc == Value(False) {
		delete(*m, k)
		return
	}
	if *m == nil {
		*m = map[K]Value{}
	}
	(*m)[k] = proc
	t.others = true
}

func (t *ReadTable) empty() bool {
	if t == nil {
		return true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return !t.others
}

func copyMap[K comparable](m map[K]Value) map[K]Value {
	if m == nil {
		return nil
	}
	out := make(map[K]Value, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// readSyntaxLibrary is the (chicken read-syntax) table; (chicken base)
// exports its reader parameters too.
var readSyntaxLibrary = &Library{Name: "(chicken read-syntax)", Doc: "CHICKEN 5's (chicken read-syntax): read syntax defined by the program, and the reader settings of (chicken base).",
	Parameters: []*ParamDef{CurrentReadTable, KeywordStyle, CaseSensitive, ParenthesesSynonyms, SymbolEscape},
	Procs: []Proc{
		{Name: "set-read-syntax!", Spec: "CHICKEN (chicken read-syntax)", LazyArgs: func() Params { return Lambda(Req("char-or-symbol", nil), Req("proc", nil)) },
			Doc: "Makes read call (proc port) when it meets the character char (the result is the datum; (values) reads nothing), or, for a symbol, on #!symbol (a read mark); #f removes it.",
			Fn:  setReadSyntaxBang},
		{Name: "set-sharp-read-syntax!", Spec: "CHICKEN (chicken read-syntax)", LazyArgs: func() Params { return Lambda(Req("char-or-symbol", nil), Req("proc", nil)) },
			Doc: "As set-read-syntax! for #char: read calls (proc port) after #char; a symbol sets a read mark.",
			Fn:  setSharpReadSyntaxBang},
		{Name: "set-parameterized-read-syntax!", Spec: "CHICKEN (chicken read-syntax)", LazyArgs: func() Params { return Lambda(Req("char-or-symbol", nil), Req("proc", nil)) },
			Doc: "As set-sharp-read-syntax! for #NUMBERchar: read calls (proc port number); a symbol sets a read mark.",
			Fn:  setParameterizedReadSyntaxBang},
		{Name: "copy-read-table", Spec: "CHICKEN (chicken read-syntax)", LazyArgs: func() Params { return Lambda(Req("read-table", nil)) },
			Doc: "A copy of read-table, e.g. to restore the current one after defining read syntax for a while.",
			Fn:  copyReadTable},
		{Name: "%string-interpolate", Doc: "The string of a #<# multiline string: its parts displayed one after another.",
			Args: Params{Rest: "parts", Spread: true}, Fn: internalStringInterpolate},
		{Name: "define-reader-ctor", Spec: "CHICKEN (chicken read-syntax); SRFI 10", LazyArgs: func() Params { return Lambda(Req("symbol", TypeSymbol), Req("proc", TypeProcedure)) },
			Doc: "Makes read turn #,(symbol datum ...) into (proc datum ...) (SRFI 10).",
			Fn:  defineReaderCtor},
	}}

// internalStringInterpolate implements %string-interpolate.
func internalStringInterpolate(th *Thread, a []Value) (Value, error) {
	var b []byte
	for _, v := range a {
		var err error
		if b, err = th.AppendValue(b, v, ModeDisplay); err != nil {
			return nil, err
		}
	}
	return NewString(string(b)), nil
}

// readTableArgs checks the arguments of the set-…-read-syntax! procedures
// and returns the current read table.
func readTableArgs(th *Thread, who string, a []Value) (*ReadTable, error) {
	switch a[0].(type) {
	case Char, *Symbol:
	default:
		return nil, NewError(who, "expected a character or a symbol", []Value{a[0]}, "type")
	}
	if a[1] != Value(False) && !IsProcedure(a[1]) {
		return nil, NewError(who, "expected a procedure or #f", []Value{a[1]}, "type")
	}
	return th.Param(CurrentReadTable).(*ReadTable), nil
}

// setSyntax implements the three set-…-read-syntax! procedures, whose
// table for characters is chars.
func setSyntax(th *Thread, who string, a []Value, chars func(t *ReadTable) *map[rune]Value) (Value, error) {
	t, err := readTableArgs(th, who, a)
	if err != nil {
		return nil, err
	}
	if s, ok := a[0].(*Symbol); ok {
		setIn(t, &t.marks, s.Name, a[1])
	} else {
		setIn(t, chars(t), rune(a[0].(Char)), a[1])
	}
	return Unspecified, nil
}

// setReadSyntaxBang implements set-read-syntax!.
func setReadSyntaxBang(th *Thread, a []Value) (Value, error) {
	return setSyntax(th, "set-read-syntax!", a, func(t *ReadTable) *map[rune]Value { return &t.chars })
}

// setSharpReadSyntaxBang implements set-sharp-read-syntax!.
func setSharpReadSyntaxBang(th *Thread, a []Value) (Value, error) {
	return setSyntax(th, "set-sharp-read-syntax!", a, func(t *ReadTable) *map[rune]Value { return &t.sharp })
}

// setParameterizedReadSyntaxBang implements set-parameterized-read-syntax!.
func setParameterizedReadSyntaxBang(th *Thread, a []Value) (Value, error) {
	return setSyntax(th, "set-parameterized-read-syntax!", a, func(t *ReadTable) *map[rune]Value { return &t.param })
}

// copyReadTable implements copy-read-table.
func copyReadTable(th *Thread, a []Value) (Value, error) {
	t, ok := a[0].(*ReadTable)
	if !ok {
		return nil, NewError("copy-read-table", "expected a read table", []Value{a[0]}, "type")
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return &ReadTable{chars: copyMap(t.chars), sharp: copyMap(t.sharp), param: copyMap(t.param),
		marks: copyMap(t.marks), ctors: copyMap(t.ctors), others: t.others}, nil
}

// defineReaderCtor implements define-reader-ctor.
func defineReaderCtor(th *Thread, a []Value) (Value, error) {
	t := th.Param(CurrentReadTable).(*ReadTable)
	setIn(t, &t.ctors, a[0].(*Symbol).Name, a[1])
	return Unspecified, nil
}

// readSettings are what the reader takes from the parameters above.
type readSettings struct {
	kwPrefix, kwSuffix bool
	foldCase           bool
	noBrackets         bool
	noSymbolEscape     bool
	table              *ReadTable // nil: no read syntax defined
}

// defaultReadSettings are the settings of a reader outside any thread.
var defaultReadSettings = readSettings{kwPrefix: true, kwSuffix: true}

// settingsFrom returns the settings given by the parameter values get
// returns.
func settingsFrom(get func(*ParamDef) Value) readSettings {
	s := readSettings{
		foldCase:       get(CaseSensitive) == Value(False),
		noBrackets:     get(ParenthesesSynonyms) == Value(False),
		noSymbolEscape: get(SymbolEscape) == Value(False),
	}
	if k, ok := get(KeywordStyle).(*Keyword); ok {
		s.kwPrefix = k.Name == "prefix" || k.Name == "both"
		s.kwSuffix = k.Name == "suffix" || k.Name == "both"
	}
	if t, ok := get(CurrentReadTable).(*ReadTable); ok && !t.empty() {
		s.table = t
	}
	return s
}

// threadReadSettings returns the settings in th's dynamic environment. The
// parameters are read uncached, to leave the thread's parameter cache to
// the port layer's timeouts.
func threadReadSettings(th *Thread) readSettings {
	return settingsFrom(func(pd *ParamDef) Value { return th.lookupParam(th.interp.parameter(pd)) })
}

// ReadDatum reads one datum from src with the reader settings of in: the
// global values of keyword-style, case-sensitive, parentheses-synonyms and
// symbol-escape (read syntax procedures apply to read on a port only). It
// returns EOF at end of input. The REPL reads its input with it.
func (in *Interp) ReadDatum(src io.RuneScanner, file string) (Value, error) {
	return in.ReadREPLDatum(src, file, nil)
}

// ReadREPLDatum is ReadDatum for a REPL with a history of results: #n
// reads as (quote v) of result n (1 the first) and # before a blank or a
// closing parenthesis as that of the last, as csi's toplevel reads them
// (CHICKEN 5 manual, "Using the interpreter", History access); history
// returns result n (0: the last), ok false when there is none.
func (in *Interp) ReadREPLDatum(src io.RuneScanner, file string, history func(n int) (v Value, ok bool)) (Value, error) {
	r := newReader(src, file, nil)
	s := settingsFrom(func(pd *ParamDef) Value { return in.parameter(pd).get() })
	s.table = nil
	r.settings(s)
	r.history = history
	return r.read()
}

// settings applies s to r.
func (r *reader) settings(s readSettings) {
	r.kwPrefix, r.kwSuffix = s.kwPrefix, s.kwSuffix
	r.foldCase = s.foldCase
	r.noBrackets, r.noSymbolEscape = s.noBrackets, s.noSymbolEscape
	r.table = s.table
}

// handler calls the read syntax procedure h with the port being read and
// args; ok is false when h returned no value ((values): nothing read).
func (r *reader) handler(p Pos, h Value, args ...Value) (v Value, ok bool) {
	s, isPort := r.src.(*portRuneScanner)
	if !isPort {
		r.errorf(p, "read syntax procedures apply to read on a port only")
	}
	if len(r.pushback) > 0 {
		if len(r.pushback) > 1 || s.UnreadRune() != nil {
			r.errorf(p, "cannot call a read syntax procedure after reading ahead")
		}
		r.pushback = r.pushback[:0]
	}
	// read holds the port's lock; the procedure reads from the port. The
	// lock is taken back however the call ends, for read's deferred unlock.
	s.p.mu.Unlock()
	v, err := func() (Value, error) {
		defer s.p.mu.Lock()
		return s.th.Call(h, append([]Value{s.p}, args...)...)
	}()
	s.ok = false
	if err != nil {
		panic(readPanic{err})
	}
	if mv, isMV := v.(*MultipleValues); isMV {
		if len(mv.Vals) == 0 {
			return nil, false
		}
		v = mv.Vals[0]
	}
	return v, true
}

// readerCtor returns (ctor datum ...) for the datum d read after #, when
// d is (name datum ...) and define-reader-ctor defined name (SRFI 10).
func (r *reader) readerCtor(p Pos, d Value) (Value, bool) {
	form, isPair := d.(*Pair)
	if !isPair {
		return nil, false
	}
	ctor := lookupIn(r.table, ctorsOf, symName(form.Car))
	s, isPort := r.src.(*portRuneScanner)
	if ctor == nil || !isPort {
		return nil, false
	}
	args, ok := ListToSlice(form.Cdr)
	if !ok {
		r.errorf(p, "expected #,(constructor datum ...)")
	}
	v, err := s.th.Call(ctor, args...)
	if err != nil {
		panic(readPanic{err})
	}
	return v, true
}

// orNext returns v, or the next datum when ok is false (a read syntax
// procedure read nothing); EOF at end of input.
func (r *reader) orNext(v Value, ok bool) Value {
	if ok {
		return v
	}
	d, ok := r.datum()
	if !ok {
		return EOF
	}
	return d
}
