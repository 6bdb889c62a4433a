// parse: splitting pending input into complete datums, or "needs more".

package repl

import (
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// eofWatch is a rune source that records whether the reader asked for a
// rune past the end of the text.
type eofWatch struct {
	*strings.Reader
	hitEOF bool
}

func (w *eofWatch) ReadRune() (rune, int, error) {
	r, n, err := w.Reader.ReadRune()
	if err == io.EOF {
		w.hitEOF = true
	}
	return r, n, err
}

// parseInput reads every datum of src with in's reader settings
// (keyword-style and the others, [scheme.Interp.ReadDatum]). incomplete is true when src ends
// inside a datum (open list, string, block comment, after a quote …), so
// more lines are needed; err is a real syntax error, returned with the
// datums read before it. src is expected to
// end with a newline, so a bad token at the end of a line is delimited
// before the end of the text and reported as an error, not as incomplete.
// history, when not nil, gives the results #n and # stand for
// ([scheme.Interp.ReadREPLDatum]).
func parseInput(in *scheme.Interp, src string, history func(int) (scheme.Value, bool)) (datums []scheme.Value, incomplete bool, err error) {
	w := &eofWatch{Reader: strings.NewReader(src)}
	for {
		start := len(src) - w.Len()
		d, err := in.ReadREPLDatum(w, "<stdin>", history)
		if err != nil {
			if w.hitEOF {
				return nil, true, nil
			}
			return datums, false, shiftError(err, src[:start])
		}
		if d == scheme.EOF {
			return datums, false, nil
		}
		datums = append(datums, d)
	}
}

// shiftError makes a reader error's position relative to the whole input
// rather than to the datum where the reader started (after before).
func shiftError(err error, before string) error {
	re, ok := err.(*scheme.ReadError)
	if !ok || re.Pos.Line == 0 {
		return err
	}
	lines := strings.Count(before, "\n")
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:]))
	p := re.Pos
	if p.Line == 1 {
		p.Col += col
	}
	p.Line += lines
	return &scheme.ReadError{Pos: p, Msg: re.Msg}
}
