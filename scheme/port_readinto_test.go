package scheme

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// stepReader is a self-buffering backend (as the TLS engine and the TCP
// pair are) serving one step per read: a piece of data, or an error that
// leaves the backend usable (a timeout).
type stepReader struct{ steps []any } // string or error

// next returns the data of the current step (skipping exhausted ones),
// or its error, which it consumes; io.EOF after the last step.
func (s *stepReader) next() (string, error) {
	for len(s.steps) > 0 {
		switch v := s.steps[0].(type) {
		case error:
			s.steps = s.steps[1:]
			return "", v
		case string:
			if v != "" {
				return v, nil
			}
			s.steps = s.steps[1:]
		}
	}
	return "", io.EOF
}

func (s *stepReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	v, err := s.next()
	if err != nil {
		return 0, err
	}
	n := copy(p, v)
	s.steps[0] = v[n:]
	return n, nil
}

func (s *stepReader) PeekByteContext(ctx context.Context) (byte, error) {
	v, err := s.next()
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

func (s *stepReader) ReadByteContext(ctx context.Context) (byte, error) {
	c, err := s.PeekByteContext(ctx)
	if err == nil {
		s.steps[0] = s.steps[0].(string)[1:]
	}
	return c, err
}

var errStepTimeout = errors.New("read operation timed out")

// TestReadStringIntoFastPaths: read-string! (ReadStringInto) into an ASCII
// string — straight into its storage when the text replaces all of it, by
// a copy otherwise — and into one that non-ASCII input widens: the count
// is in characters, a character split across reads is whole, invalid
// UTF-8 reads as U+FFFD, characters past the count are never touched, a
// timeout in the middle raises and leaves the string as it was, and the
// next call returns what the failed one had read first: nothing is lost.
func TestReadStringIntoFastPaths(t *testing.T) {
	th := New().newThread(context.Background())
	for _, tc := range []struct {
		name  string
		steps []any
		init  string // the string read into
		start int
		n     int
		want  []int    // counts of successive calls (-1: the call fails)
		after []string // the string after each call
	}{
		{"whole string, one read", []any{"abcdefgh"}, "........", 0, 8,
			[]int{8, 0}, []string{"abcdefgh", "abcdefgh"}},
		{"whole string, split reads", []any{"abc", "defgh", "ijklmnop"}, "........", 0, 8,
			[]int{8, 8, 0}, []string{"abcdefgh", "ijklmnop", "ijklmnop"}},
		{"part of the string", []any{"abcdefgh"}, "........", 2, 4,
			[]int{4, 4, 0}, []string{"..abcd..", "..efgh..", "..efgh.."}},
		{"short at end of input", []any{"abc"}, "........", 0, 8,
			[]int{3, 0}, []string{"abc.....", "abc....."}},
		{"non-ASCII split across reads", []any{"a\xc3", "\xa9b\xe2\x82", "\xacc"}, "........", 0, 5,
			[]int{5, 0}, []string{"aéb€c...", "aéb€c..."}},
		{"non-ASCII, short at end of input", []any{"é€x"}, "........", 0, 8,
			[]int{3, 0}, []string{"é€x.....", "é€x....."}},
		{"invalid UTF-8", []any{"a\xffb\xe2\x82"}, "......", 1, 5,
			[]int{5, 0}, []string{".a\uFFFDb\uFFFD\uFFFD", ".a\uFFFDb\uFFFD\uFFFD"}},
		{"timeout in the middle", []any{"abc", errStepTimeout, "defghijk"}, "........", 0, 8,
			[]int{-1, 8, 3, 0}, []string{"........", "abcdefgh", "ijkdefgh", "ijkdefgh"}},
		{"timeout, part of the string", []any{"ab", errStepTimeout, "cdef"}, "........", 4, 4,
			[]int{-1, 4, 2}, []string{"........", "....abcd", "....efcd"}},
		{"timeout after a split character", []any{"a\xc3", errStepTimeout, "\xa9bc"}, "....", 0, 4,
			[]int{-1, 4}, []string{"....", "aébc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := tc.after
			p := NewInputPort("steps", &stepReader{steps: tc.steps}, nil)
			s := NewString(tc.init)
			for i, want := range tc.want {
				got, err := ReadStringInto(th, []Value{p}, 0, s, tc.start, tc.n)
				switch {
				case want < 0 && !errors.Is(err, errStepTimeout):
					t.Fatalf("call %d: err %v, want the timeout", i, err)
				case want >= 0 && (err != nil || got != Value(Fixnum(want))):
					t.Fatalf("call %d: %d, %v; want %d", i, got, err, want)
				}
				if s.String() != after[i] {
					t.Fatalf("call %d: string %q, want %q", i, s.String(), after[i])
				}
			}
		})
	}
}

// TestReadStringIntoStorage: when read-string! replaces a whole string,
// the string takes the buffer it was read into and its old storage is
// reused by later reads: strings read into earlier keep their text.
func TestReadStringIntoStorage(t *testing.T) {
	th := New().newThread(context.Background())
	text := strings.Repeat("0123456789abcdef", 4096) // 64 KiB
	p := NewInputPort("steps", &stepReader{steps: []any{text, strings.ToUpper(text), text[1:] + "!"}}, nil)
	var strs []*String
	for range 3 {
		s := NewString(strings.Repeat(".", len(text)))
		if n, err := ReadStringInto(th, []Value{p}, 0, s, 0, s.Len()); err != nil || n != Value(Fixnum(len(text))) {
			t.Fatalf("read-string!: %d, %v", n, err)
		}
		strs = append(strs, s)
	}
	for i, want := range []string{text, strings.ToUpper(text), text[1:] + "!"} {
		if strs[i].String() != want {
			t.Fatalf("string %d changed by a later read", i)
		}
	}
}

// TestReadBytevectorBangDirect: read-bytevector! on a self-buffering
// backend fills the bytevector straight from it, across short reads; a
// timeout in the middle raises and the next call returns what the failed
// one had read first, the end of input gives a short count and then the
// eof object, and a cancelled thread reads nothing.
func TestReadBytevectorBangDirect(t *testing.T) {
	th := New().newThread(context.Background())
	p := NewInputPort("steps", &stepReader{steps: []any{"ab", "cd", "ef", "gh", errStepTimeout, "ijklm", "no"}}, nil)
	bv := &Bytevector{B: []byte("......")}
	for i, want := range []struct {
		v    Value
		err  error
		text string
	}{
		{Fixnum(6), nil, "abcdef"},
		{nil, errStepTimeout, ""}, // after "gh": the timeout raises, "gh" kept
		{Fixnum(6), nil, "ghijkl"},
		{Fixnum(3), nil, "mnojkl"},
		{EOF, nil, "mnojkl"},
	} {
		v, err := readBytevectorBang(th, []Value{bv, p, Default, Default})
		if !errors.Is(err, want.err) || (want.err == nil && v != want.v) {
			t.Fatalf("call %d = %v, %v; want %v, %v", i, v, err, want.v, want.err)
		}
		if want.text != "" && string(bv.B) != want.text {
			t.Fatalf("call %d: bytevector %q, want %q", i, bv.B, want.text)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cth := New().newThread(ctx)
	q := NewInputPort("steps", &stepReader{steps: []any{"abcdef"}}, nil)
	if _, err := readBytevectorBang(cth, []Value{bv, q, Default, Default}); err == nil {
		t.Fatal("read-bytevector! on a cancelled thread succeeded")
	}
	if r := q.r.(*stepReader); r.steps[0] != "abcdef" {
		t.Fatalf("a cancelled read consumed input: %q left", r.steps)
	}
}
