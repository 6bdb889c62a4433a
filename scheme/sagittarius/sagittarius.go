// Package sagittarius is the part of Sagittarius's own libraries that
// Sagittarius scripts use beyond R6RS: (sagittarius) — integer and
// bytevector conversion, hashtable and file-system helpers, sized port
// I/O, inexact arithmetic, weak boxes, vectors and hashtables — (sagittarius threads) — the core's SRFI-18 threads — and (rfc
// base64).
package sagittarius

import (
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"math/big"
	"os"
	"runtime"
	"sort"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "sagittarius (sagittarius)"

var (
	req = scheme.Req
	opt = scheme.Opt
	lam = scheme.Lambda
	bv  = scheme.TypeBytevector
	str = scheme.TypeString
)

var typeExactInt = scheme.TypeExactInteger

// window returns bytes start..end of a bytevector argument.
func window(a []scheme.Value) ([]byte, error) {
	b := a[0].(*scheme.Bytevector).B
	start, end, err := scheme.ArgRange(len(b), a, 1)
	if err != nil {
		return nil, err
	}
	return b[start:end], nil
}

// istringP implements istring?.
func istringP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ok := a[0].(*scheme.String)
	return scheme.MakeBool(ok && s.Immutable()), nil
}

// stringToIstring implements string->istring.
func stringToIstring(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	start, end, err := scheme.ArgRange(s.Len(), a, 1)
	if err != nil {
		return nil, err
	}
	return scheme.NewImmutableString(s, start, end), nil
}

// bytevectorToUinteger implements bytevector->uinteger: big-endian unsigned.
func bytevectorToUinteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := window(a)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(scheme.BigFromBytes(b, false)), nil
}

// bytevectorToSinteger implements bytevector->sinteger: big-endian two's complement.
func bytevectorToSinteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := window(a)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(scheme.BigFromBytes(b, true)), nil
}

// toBytes encodes n big-endian in size bytes (or as few as needed).
func toBytes(a []scheme.Value, signed bool) (scheme.Value, error) {
	n := scheme.BigOf(a[0])
	if !signed && n.Sign() < 0 {
		return nil, scheme.RangeError("", 1, "negative", a[0])
	}
	size := 0
	if !scheme.IsDefault(a[1]) {
		var err error
		if size, err = scheme.ArgSize(2, a[1], 1); err != nil {
			return nil, err
		}
	}
	bits := n.BitLen()
	if signed {
		m := n
		if n.Sign() < 0 {
			m = new(big.Int).Not(n)
		}
		bits = m.BitLen() + 1
	}
	need := max(1, (bits+7)/8)
	if size == 0 {
		size = need
	}
	out := make([]byte, max(size, need))
	scheme.PutBigBytes(out, n)
	// A size smaller than the integer keeps its rightmost bytes, as
	// Sagittarius documents: (integer->bytevector #x12345678 3) is #vu8(#x34 #x56 #x78).
	return &scheme.Bytevector{B: out[len(out)-size:]}, nil
}

// uintegerToBytevector implements uinteger->bytevector.
func uintegerToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toBytes(a, false)
}

// sintegerToBytevector implements sinteger->bytevector.
func sintegerToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toBytes(a, true)
}

// bytevectorConcatenate implements bytevector-concatenate.
func bytevectorConcatenate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, ok := scheme.ListToSlice(a[0])
	if !ok {
		return nil, scheme.TypeError("", 1, "list of bytevectors", a[0])
	}
	var out []byte
	for _, v := range l {
		b, ok := v.(*scheme.Bytevector)
		if !ok {
			return nil, scheme.TypeError("", 1, "list of bytevectors", a[0])
		}
		out = append(out, b.B...)
	}
	if out == nil {
		out = []byte{}
	}
	return &scheme.Bytevector{B: out}, nil
}

func call(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	return scheme.CallGlobal(th, "sagittarius", name, args...)
}

// makeEqualHashtable implements make-equal-hashtable.
func makeEqualHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := weaknessArg(a[1]); err != nil {
		return nil, err
	}
	eq, _ := th.Interp().Lookup("equal?")
	return call(th, "make-hash-table", eq)
}

// makeStringHashtable implements make-string-hashtable.
func makeStringHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := weaknessArg(a[1]); err != nil {
		return nil, err
	}
	eq, _ := th.Interp().Lookup("string=?")
	h, _ := th.Interp().Lookup("string-hash")
	return call(th, "make-hash-table", eq, h)
}

// hashtableKeysList implements hashtable-keys-list.
func hashtableKeysList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hash-table-keys", a[0])
}

// hashtableValuesList implements hashtable-values-list.
func hashtableValuesList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hash-table-values", a[0])
}

// hashtableValues implements hashtable-values.
func hashtableValues(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := call(th, "hash-table-values", a[0])
	if err != nil {
		return nil, err
	}
	l, _ := scheme.ListToSlice(v)
	return &scheme.Vector{Items: l}, nil
}

// acons implements acons.
func acons(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Cons(scheme.Cons(a[0], a[1]), a[2]), nil
}

// portClosedP implements port-closed?.
func portClosedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.Port)
	return scheme.MakeBool(!p.IsOpen()), nil
}

func order(v scheme.Value) binary.ByteOrder {
	if s, ok := v.(*scheme.Symbol); ok && s.Name == "little" {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// getN reads n bytes (the eof object when the input ends first).
func getN(th *scheme.Thread, p *scheme.Port, n int) ([]byte, error) {
	b, err := p.ReadBytesContext(th.Context(), make([]byte, 0, n), n, false)
	if err == nil && len(b) < n {
		err = io.EOF
	}
	return b, err
}

func getInt(th *scheme.Thread, a []scheme.Value, size int, signed bool) (scheme.Value, error) {
	b, err := getN(th, a[0].(*scheme.Port), size)
	if errors.Is(err, io.EOF) {
		return scheme.EOF, nil
	}
	if err != nil {
		return nil, err
	}
	o := order(a[1])
	var u uint64
	if size == 2 {
		u = uint64(o.Uint16(b))
	} else {
		u = uint64(o.Uint32(b))
	}
	if signed {
		shift := 64 - 8*size
		return scheme.Fixnum(int64(u<<shift) >> shift), nil
	}
	return scheme.Fixnum(u), nil
}

func putInt(th *scheme.Thread, a []scheme.Value, size int, signed bool) (scheme.Value, error) {
	f, ok := a[1].(scheme.Fixnum)
	n := int64(f)
	lo, hi := int64(0), int64(1)<<(8*size)
	if signed {
		lo, hi = -hi/2, hi/2
	}
	if !ok || n < lo || n >= hi {
		return nil, scheme.RangeError("", 2, "does not fit", a[1])
	}
	b := make([]byte, size)
	if size == 2 {
		order(a[2]).PutUint16(b, uint16(n))
	} else {
		order(a[2]).PutUint32(b, uint32(n))
	}
	return scheme.Unspecified, a[0].(*scheme.Port).Write(th.Context(), b)
}

// getU16 implements get-u16.
func getU16(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getInt(th, a, 2, false)
}

// getS16 implements get-s16.
func getS16(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return getInt(th, a, 2, true) }

// getU32 implements get-u32.
func getU32(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getInt(th, a, 4, false)
}

// getS32 implements get-s32.
func getS32(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return getInt(th, a, 4, true) }

// putU16 implements put-u16.
func putU16(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return putInt(th, a, 2, false)
}

// putS16 implements put-s16.
func putS16(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return putInt(th, a, 2, true) }

// putU32 implements put-u32.
func putU32(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return putInt(th, a, 4, false)
}

// putS32 implements put-s32.
func putS32(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return putInt(th, a, 4, true) }

// cpuCount implements cpu-count.
func cpuCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(runtime.NumCPU()), nil
}

func fileErr(err error, path string) error {
	c := scheme.MakeError("", err.Error(), []scheme.Value{scheme.NewString(path)}, "i/o", "file")
	c.Set("file", "filename", scheme.NewString(path))
	c.Cause = err
	return scheme.Raise(c)
}

// currentDirectory implements current-directory: with an argument, changes it.
func currentDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if !scheme.IsDefault(a[0]) {
		p := a[0].(*scheme.String).String()
		if err := os.Chdir(p); err != nil {
			return nil, fileErr(err, p)
		}
		return scheme.Unspecified, nil
	}
	d, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return scheme.NewString(d), nil
}

func stat(a []scheme.Value) (os.FileInfo, error) {
	p := a[0].(*scheme.String).String()
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fileErr(err, p)
	}
	return fi, nil
}

// fileSizeInBytes implements file-size-in-bytes.
func fileSizeInBytes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fi, err := stat(a)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(fi.Size()), nil
}

// fileRegularP implements file-regular?.
func fileRegularP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fi, err := os.Stat(a[0].(*scheme.String).String())
	return scheme.MakeBool(err == nil && fi.Mode().IsRegular()), nil
}

// fileDirectoryP implements file-directory?.
func fileDirectoryP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fi, err := os.Stat(a[0].(*scheme.String).String())
	return scheme.MakeBool(err == nil && fi.IsDir()), nil
}

// createDirectory implements create-directory.
func createDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.String).String()
	if err := os.Mkdir(p, 0o777); err != nil {
		return nil, fileErr(err, p)
	}
	return scheme.Unspecified, nil
}

// deleteDirectory implements delete-directory.
func deleteDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.String).String()
	if err := os.Remove(p); err != nil {
		return nil, fileErr(err, p)
	}
	return scheme.Unspecified, nil
}

// renameFile implements rename-file.
func renameFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	from, to := a[0].(*scheme.String).String(), a[1].(*scheme.String).String()
	if err := os.Rename(from, to); err != nil {
		return nil, fileErr(err, from)
	}
	return scheme.Unspecified, nil
}

// readDirectory implements read-directory: the entry names, sorted.
func readDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.String).String()
	es, err := os.ReadDir(p)
	if errors.Is(err, fs.ErrNotExist) {
		return scheme.False, nil // as documented: #f for a path that does not exist
	}
	if err != nil {
		return nil, fileErr(err, p)
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Name()
	}
	sort.Strings(names)
	out := make([]scheme.Value, len(names))
	for i, n := range names {
		out[i] = scheme.NewString(n)
	}
	return scheme.List(out...), nil
}

var (
	typeInPort  = &scheme.Type{Name: "binary input port", Accept: func(v scheme.Value) bool { p, ok := v.(*scheme.Port); return ok && p.IsInput() }}
	typeOutPort = &scheme.Type{Name: "binary output port", Accept: func(v scheme.Value) bool { p, ok := v.(*scheme.Port); return ok && p.IsOutput() }}
	typePort    = scheme.TypePort
	endian      = opt("endianness", scheme.TypeSymbol, scheme.Intern("big"))
	bvRange     = lam(req("bytevector", bv), opt("start", scheme.TypeIndex, nil), opt("end", scheme.TypeIndex, nil))
	intSize     = lam(req("ei", typeExactInt), opt("size", scheme.TypeIndex, nil))
	hashArgs    = lam(opt("k", nil, nil), opt("weakness", scheme.TypeSymbol, nil))
)

func r(name, doc string, args scheme.Params, fn scheme.PrimFn) scheme.Proc {
	return scheme.Row(name, spec, doc, args, fn)
}

// Library is (sagittarius): the procedures scripts use beyond R6RS.
var Library = &scheme.Library{Name: "(sagittarius)", ImportOnly: true,
	Doc: "Sagittarius extras: integer↔bytevector, hashtable and file-system helpers, sized port I/O, inexact arithmetic (+. …), weak boxes, vectors and hashtables, load paths, codecs (make-codec, for make-transcoder); its own format (Gauche's directives with parameters), get-keyword, vector-copy (SRFI-43's, with fill) and copy-file, which a program importing (sagittarius) sees instead of the core's; keywords, receive and the SRFI-1 list procedures are the core's. buffered-port returns its port (tlsport's ports buffer as they need). Immutable strings are those string->istring makes (string literals stay mutable, as CHICKEN's interpreter leaves them: istring? is #f of a literal). disasm writes the procedure's name and lambda list (there is no compiled code to show). Not provided: the time macro is in (time).",
	Build: func(l *scheme.Library) {
		l.Procs = []scheme.Proc{
			r("bytevector->uinteger", "The big-endian unsigned integer of bytes start..end.", bvRange, bytevectorToUinteger),
			r("bytevector->integer", "Same as bytevector->uinteger.", bvRange, bytevectorToUinteger),
			r("bytevector->sinteger", "The big-endian two's-complement integer of bytes start..end.", bvRange, bytevectorToSinteger),
			r("uinteger->bytevector", "Big-endian bytes of a non-negative integer (size bytes, default as few as needed).", intSize, uintegerToBytevector),
			r("integer->bytevector", "Same as uinteger->bytevector.", intSize, uintegerToBytevector),
			r("sinteger->bytevector", "Big-endian two's-complement bytes of an integer.", intSize, sintegerToBytevector),
			r("bytevector-concatenate", "The bytevectors of a list, appended.", lam(req("list", nil)), bytevectorConcatenate),
			r("make-equal-hashtable", "A hashtable comparing keys with equal?; k (a size) is accepted, and weakness (key, value or both) is checked but the table holds its entries strongly.", hashArgs, makeEqualHashtable),
			r("make-string-hashtable", "A hashtable comparing string keys with string=? (see make-equal-hashtable).", hashArgs, makeStringHashtable),
			r("hashtable-keys-list", "The keys as a list.", lam(req("hashtable", nil)), hashtableKeysList),
			r("hashtable-values-list", "The values as a list.", lam(req("hashtable", nil)), hashtableValuesList),
			r("hashtable-values", "The values as a vector.", lam(req("hashtable", nil)), hashtableValues),
			r("acons", "(cons (cons key value) alist).", lam(req("key", nil), req("value", nil), req("alist", nil)), acons),
			r("port-closed?", "Is the port closed?", lam(req("port", typePort)), portClosedP),
			r("get-u16", "Next 2 bytes as an unsigned integer (endianness big or little, default big), or the eof object.", lam(req("in", typeInPort), endian), getU16),
			r("get-s16", "Next 2 bytes as a signed integer, or the eof object.", lam(req("in", typeInPort), endian), getS16),
			r("get-u32", "Next 4 bytes as an unsigned integer, or the eof object.", lam(req("in", typeInPort), endian), getU32),
			r("get-s32", "Next 4 bytes as a signed integer, or the eof object.", lam(req("in", typeInPort), endian), getS32),
			r("put-u16", "Writes an unsigned 16-bit integer.", lam(req("out", typeOutPort), req("v", scheme.TypeInteger), endian), putU16),
			r("put-s16", "Writes a signed 16-bit integer.", lam(req("out", typeOutPort), req("v", scheme.TypeInteger), endian), putS16),
			r("put-u32", "Writes an unsigned 32-bit integer.", lam(req("out", typeOutPort), req("v", scheme.TypeInteger), endian), putU32),
			r("put-s32", "Writes a signed 32-bit integer.", lam(req("out", typeOutPort), req("v", scheme.TypeInteger), endian), putS32),
			r("cpu-count", "Number of CPUs.", lam(), cpuCount),
			r("current-directory", "The working directory; with path, changes it.", lam(opt("path", str, nil)), currentDirectory),
			r("file-size-in-bytes", "Size of the file.", lam(req("file", str)), fileSizeInBytes),
			r("file-regular?", "Is file a regular file?", lam(req("file", str)), fileRegularP),
			r("file-directory?", "Is file a directory?", lam(req("file", str)), fileDirectoryP),
			r("create-directory", "Creates a directory.", lam(req("path", str)), createDirectory),
			r("delete-directory", "Deletes an empty directory.", lam(req("path", str)), deleteDirectory),
			r("rename-file", "Renames a file.", lam(req("old", str), req("new", str)), renameFile),
			r("read-directory", "The names of the directory's entries, sorted.", lam(req("path", str)), readDirectory),
			r("istring?", "Is obj an immutable string (one string->istring made; string literals are mutable here)?", lam(req("obj", nil)), istringP),
			r("string->istring", "An immutable copy of the characters start..end of string: string-set!, string-fill!, string-copy! and the reading procedures refuse it (an (exn type) error).",
				lam(req("string", str), opt("start", scheme.TypeIndex, nil), opt("end", scheme.TypeIndex, nil)), stringToIstring),
		}
		l.Procs = append(l.Procs, extraRows()...)
		l.Procs = append(l.Procs, sagNameRows()...)
		l.Procs = append(l.Procs, codecRows()...)
	}}

// ThreadsLibrary is (sagittarius threads): SRFI-18, the core's.
var ThreadsLibrary = &scheme.Library{Name: "(sagittarius threads)", ImportOnly: true,
	Doc: "Sagittarius threads: SRFI-18's make-thread, thread-start!, thread-join!, thread-yield!, thread-sleep!, thread-terminate!, mutexes and condition variables — the core's —, thread-suspend!, thread-resume!, thread-interrupt! and semaphores (within the process).",
	// SRFI-18's procedures, the core's, are re-exported, so that
	// (environment '(sagittarius threads)) has them too
	Reexports: []string{"thread?", "current-thread", "make-thread", "thread-name", "thread-state", "thread-specific",
		"thread-specific-set!", "thread-start!", "thread-yield!", "thread-sleep!", "thread-terminate!", "thread-join!",
		"mutex?", "make-mutex", "mutex-name", "mutex-specific", "mutex-specific-set!", "mutex-state", "mutex-lock!",
		"mutex-unlock!", "condition-variable?", "make-condition-variable", "condition-variable-name",
		"condition-variable-specific", "condition-variable-specific-set!", "condition-variable-signal!",
		"condition-variable-broadcast!", "current-time", "time?", "time->seconds", "seconds->time",
		"join-timeout-exception?", "abandoned-mutex-exception?", "terminated-thread-exception?",
		"uncaught-exception?", "uncaught-exception-reason"},
	Build: func(l *scheme.Library) { l.Procs = append(threadRows(), semaphoreRows()...) }}

// ObjectLibrary is (sagittarius object), importable so that scripts naming
// it load; of its generic procedures only ->string (display to a string,
// the core's) is provided: Sagittarius's CLOS-based ones (ref, ~,
// object-equal? …) are not.
var ObjectLibrary = &scheme.Library{Name: "(sagittarius object)", ImportOnly: true,
	Doc:       "Sagittarius object utilities: ->string (the core's); the CLOS generic procedures (ref, ~, object-equal?, object-compare) are not provided.",
	Reexports: []string{"->string"}}

// TimeLibrary is (time): Sagittarius's time macro, which is CHICKEN's
// (chicken time) time here: it writes the elapsed real and CPU time and the
// garbage collections to the current error port and returns the values of
// its last expression.
var TimeLibrary = &scheme.Library{Name: "(time)", ImportOnly: true,
	Doc: "Sagittarius's (time): the time macro, (chicken time)'s.", Reexports: []string{"time"}}

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library {
	return []*scheme.Library{Library, ThreadsLibrary, ObjectLibrary, Base64Library, TimeLibrary, ControlLibrary, IOLibrary}
}
