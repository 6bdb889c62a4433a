// Chunked matching: make-irregex-chunker and the /chunked procedures, over the chunks' text joined.

package irregex

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// Chunker is the result of make-irregex-chunker: the procedures that walk
// a chunked text.
type Chunker struct {
	getNext, getString, getStart, getEnd, getSubstring, getSubchunk scheme.Value
}

// TypeName implements scheme.Value.
func (*Chunker) TypeName() string { return "irregex-chunker" }

// Repr implements scheme.Repr.
func (*Chunker) Repr() string { return "#<irregex-chunker>" }

// chunk is one chunk of a chunked match: its object, the offset of its
// text in the joined text, its start index and its length used.
type chunk struct {
	v          scheme.Value
	off, start int
	n          int
}

// chunkAt returns the chunk holding position pos of the match's text and
// the index of pos in that chunk's string; end prefers the chunk that pos
// ends. For a string match the chunk is the string itself.
func (m *Match) chunkAt(pos int, end bool) (scheme.Value, int) {
	if m.chunks == nil {
		return m.src, pos
	}
	for i, c := range m.chunks {
		last := i == len(m.chunks)-1
		if pos < c.off+c.n || (end && pos == c.off+c.n) || last {
			return c.v, c.start + pos - c.off
		}
	}
	return m.src, pos
}

func optProc(v scheme.Value) scheme.Value {
	if scheme.IsDefault(v) || v == scheme.Value(scheme.False) {
		return nil
	}
	return v
}

// makeIrregexChunker implements make-irregex-chunker.
func makeIrregexChunker(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &Chunker{getNext: a[0], getString: a[1], getStart: optProc(a[2]), getEnd: optProc(a[3]),
		getSubstring: optProc(a[4]), getSubchunk: optProc(a[5])}, nil
}

// join walks the chunks from first on and returns their text joined.
func (ck *Chunker) join(th *scheme.Thread, first scheme.Value, start scheme.Value) (*scheme.String, []chunk, error) {
	var b strings.Builder
	var chunks []chunk
	off := 0
	for c := first; c != scheme.Value(scheme.False); {
		sv, err := th.Call(ck.getString, c)
		if err != nil {
			return nil, nil, err
		}
		s, ok := sv.(*scheme.String)
		if !ok {
			return nil, nil, scheme.TypeError("irregex chunker get-string", 0, "string", sv)
		}
		lo, hi := 0, s.Len()
		if ck.getStart != nil {
			v, err := th.Call(ck.getStart, c)
			if err != nil {
				return nil, nil, err
			}
			n, _ := v.(scheme.Fixnum)
			lo = int(n)
		}
		if ck.getEnd != nil {
			v, err := th.Call(ck.getEnd, c)
			if err != nil {
				return nil, nil, err
			}
			n, _ := v.(scheme.Fixnum)
			hi = int(n)
		}
		if len(chunks) == 0 && !scheme.IsDefault(start) {
			lo = int(start.(scheme.Fixnum))
		}
		if lo < 0 || hi > s.Len() || lo > hi {
			return nil, nil, scheme.RangeError("irregex chunker", 0, "chunk start or end", c)
		}
		b.WriteString(s.Substring(lo, hi).String())
		chunks = append(chunks, chunk{v: c, off: off, start: lo, n: hi - lo})
		off += hi - lo
		if c, err = th.Call(ck.getNext, c); err != nil {
			return nil, nil, err
		}
	}
	return scheme.NewString(b.String()), chunks, nil
}

func chunked(th *scheme.Thread, a []scheme.Value, anchored bool) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	ck := a[1].(*Chunker)
	s, chunks, err := ck.join(th, a[2], a[3])
	if err != nil {
		return nil, err
	}
	m, err := x.search(s, newText(s), 0, 0, s.Len(), anchored)
	if err != nil || m == nil {
		return scheme.False, err
	}
	m.chunks, m.chunker = chunks, ck
	return m, nil
}

// irregexSearchWithChunked implements irregex-search/chunked.
func irregexSearchWithChunked(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chunked(th, a, false)
}

// irregexMatchWithChunked implements irregex-match/chunked.
func irregexMatchWithChunked(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chunked(th, a, true)
}

// irregexFoldWithChunked implements irregex-fold/chunked.
func irregexFoldWithChunked(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	ck := a[3].(*Chunker)
	s, chunks, err := ck.join(th, a[4], a[6])
	if err != nil {
		return nil, err
	}
	acc := a[2]
	from, err := fold(x, s, 0, s.Len(), func(from int, m *Match) error {
		m.chunks, m.chunker = chunks, ck
		v, err := th.Call(a[1], scheme.Fixnum(from), m, acc)
		acc = v
		return err
	})
	if err != nil {
		return nil, err
	}
	if f := optProc(a[5]); f != nil {
		return th.TailCall(f, []scheme.Value{scheme.Fixnum(from), acc})
	}
	return acc, nil
}
