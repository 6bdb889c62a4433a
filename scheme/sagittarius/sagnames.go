// (sagittarius)'s own meaning of names the core binds as CHICKEN or R7RS does: get-keyword, vector-copy, copy-file.

package sagittarius

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/tlsport/tlsport/scheme"
)

// getKeyword implements (sagittarius)'s get-keyword: the element after
// keyword in list, else fallback, else an error. The list is read as
// keyword-value pairs; failing that, the element after the first
// occurrence of keyword anywhere, as the documentation's
// (get-keyword :key '(a b c :key d)) ⇒ d needs. A list of odd length
// without keyword is an error even with a fallback, as documented.
func getKeyword(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, ok := scheme.ListToSlice(a[1])
	if !ok {
		return nil, scheme.TypeError("get-keyword", 2, "list", a[1])
	}
	for i := 0; i+1 < len(items); i += 2 {
		if items[i] == a[0] {
			return items[i+1], nil
		}
	}
	for i := 1; i+1 < len(items); i += 2 {
		if items[i] == a[0] {
			return items[i+1], nil
		}
	}
	switch {
	case len(items)%2 != 0:
		return nil, scheme.NewError("get-keyword", "incomplete key list", []scheme.Value{a[1]})
	case scheme.IsDefault(a[2]):
		return nil, scheme.NewError("get-keyword", "value for key is not provided", []scheme.Value{a[0], a[1]})
	}
	return a[2], nil
}

// vectorCopy implements (sagittarius)'s vector-copy (SRFI-43's): elements
// start..end of vector, where end may pass the vector's end: the places
// past it hold fill (default #f).
func vectorCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items := a[0].(*scheme.Vector).Items
	start, end := 0, len(items)
	if !scheme.IsDefault(a[1]) {
		start = int(a[1].(scheme.Fixnum))
		if start > len(items) {
			return nil, scheme.RangeError("vector-copy", 2, "start beyond the vector's end", a[1])
		}
	}
	if !scheme.IsDefault(a[2]) {
		var err error
		if end, err = scheme.ArgSize(3, a[2], scheme.ValueSize); err != nil { // past the vector's end: as much as make-vector may make
			return nil, err
		}
		if end < start {
			return nil, scheme.RangeError("vector-copy", 3, "end before start", a[2])
		}
	}
	fill := scheme.OrDefault(a[3], scheme.False)
	out := make([]scheme.Value, end-start)
	n := copy(out, items[start:min(end, len(items))])
	for i := n; i < len(out); i++ {
		out[i] = fill
	}
	return &scheme.Vector{Items: out}, nil
}

// copyFile implements (sagittarius)'s copy-file: #t once src is copied to
// dst, #f when dst exists and overwrite is not true; a missing src is an
// &i/o error.
func copyFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	src, dst := a[0].(*scheme.String).String(), a[1].(*scheme.String).String()
	in, err := scheme.OpenFile(th.WaitContext(), src, os.O_RDONLY, 0)
	if err != nil {
		return nil, fileErr(err, src)
	}
	defer in.Close()
	fi, err := in.Stat()
	if err == nil && fi.IsDir() {
		err = errors.New("copy-file: cannot copy a directory")
	}
	if err != nil {
		return nil, fileErr(err, src)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if !scheme.Truthy(scheme.OrDefault(a[2], scheme.False)) {
		flags |= os.O_EXCL
	}
	out, err := scheme.OpenFile(th.WaitContext(), dst, flags, fi.Mode().Perm())
	if errors.Is(err, fs.ErrExist) {
		return scheme.False, nil
	}
	if err != nil {
		return nil, fileErr(err, dst)
	}
	_, err = io.Copy(struct{ io.Writer }{out}, struct{ io.Reader }{in})
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fileErr(err, dst)
	}
	return scheme.True, nil
}

func sagNameRows() []scheme.Proc {
	return []scheme.Proc{
		r("format", "Formats the args by string's directives — ~A and ~S (mincol, colinc, minpad, padchar, maxcol), ~D ~B ~O ~X ~x (mincol, padchar, commachar, interval), ~C, ~%, ~&, ~~, ~*, ~? — with the flags @ and :; port #f or none returns the text, #t writes it to the current output port.",
			lam(req("port", nil), scheme.SpreadRest("args", nil)), format),
		r("get-keyword", "The element after keyword in list; else fallback; else an &error (and an &error for a list of odd length without keyword).",
			lam(req("keyword", nil), req("list", nil), opt("fallback", nil, nil)), getKeyword),
		r("vector-copy", "A new vector of the elements start..end of vector (SRFI-43); places past its end hold fill (default #f).",
			lam(req("vector", scheme.TypeVector), opt("start", scheme.TypeIndex, nil), opt("end", scheme.TypeIndex, nil), opt("fill", nil, nil)), vectorCopy),
		r("copy-file", "Copies the file src to dst: #t when copied, #f when dst exists and overwrite is not true.",
			lam(req("src", str), req("dst", str), opt("overwrite", nil, nil)), copyFile),
	}
}
