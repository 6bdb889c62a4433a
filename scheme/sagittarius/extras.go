// The rest of (sagittarius)'s builtins: inexact arithmetic, arity, paths and file times, CPU times, keywords and symbols, string-scan, weak boxes, vectors and hashtables, load paths, uname.

package sagittarius

import (
	"encoding/hex"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/tlsport/tlsport/scheme"
)

// inexactOp is +. -. *. or /.: op over the arguments made inexact.
func inexactOp(th *scheme.Thread, a []scheme.Value, op string) (scheme.Value, error) {
	args := make([]scheme.Value, len(a))
	for i, v := range a {
		if !scheme.IsNumber(v) {
			return nil, scheme.TypeError(op+".", i+1, "number", v)
		}
		args[i] = scheme.ToInexact(v)
	}
	if len(args) == 0 { // (+.) and (*.): the identities, inexact
		identity := scheme.Flonum(0)
		if op == "*" {
			identity = 1
		}
		args = append(args, identity)
	}
	return alias(th, op, args)
}

// addInexact implements +..
func addInexact(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return inexactOp(th, a, "+")
}

// subInexact implements -..
func subInexact(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return inexactOp(th, a, "-")
}

// mulInexact implements *..
func mulInexact(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return inexactOp(th, a, "*")
}

// divInexact implements /..
func divInexact(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return inexactOp(th, a, "/")
}

// arity implements arity: (required . optional?).
func arity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch p := a[0].(type) {
	case *scheme.Primitive:
		args := p.Proc.Params()
		more := len(args.Optional) > 0 || len(args.Keys) > 0 || args.Rest != ""
		return scheme.Cons(scheme.Fixnum(len(args.Required)), scheme.MakeBool(more)), nil
	case *scheme.Closure:
		n := 0
		var l scheme.Value = scheme.Null
		if ll, ok := p.LambdaList().(*scheme.Pair); ok {
			l = ll.Cdr // after the name
		}
		for {
			pr, ok := l.(*scheme.Pair)
			if !ok {
				return scheme.Cons(scheme.Fixnum(n), scheme.MakeBool(l != scheme.Null)), nil
			}
			if _, ok := pr.Car.(*scheme.Symbol); !ok { // #!optional, #!rest, #!key
				return scheme.Cons(scheme.Fixnum(n), scheme.True), nil
			}
			n++
			l = pr.Cdr
		}
	}
	return scheme.Cons(scheme.Fixnum(0), scheme.True), nil // a continuation or parameter
}

// modExpt implements mod-expt: x^e mod m (e negative: of x's inverse).
func modExpt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, e, m := scheme.BigOf(a[0]), scheme.BigOf(a[1]), scheme.BigOf(a[2])
	if m.Sign() <= 0 {
		return nil, scheme.RangeError("mod-expt", 3, "modulus must be positive", a[2])
	}
	if e.Sign() < 0 {
		if x = new(big.Int).ModInverse(x, m); x == nil {
			return nil, scheme.NewError("mod-expt", "no inverse modulo m", []scheme.Value{a[0], a[2]}, "arithmetic")
		}
		e = new(big.Int).Neg(e)
	}
	return scheme.NormBig(new(big.Int).Exp(x, e, m)), nil
}

// modInverse implements mod-inverse.
func modInverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, m := scheme.BigOf(a[0]), scheme.BigOf(a[1])
	if m.Sign() <= 0 {
		return nil, scheme.RangeError("mod-inverse", 2, "modulus must be positive", a[1])
	}
	inv := new(big.Int).ModInverse(new(big.Int).Mod(x, m), m)
	if inv == nil {
		return nil, scheme.NewError("mod-inverse", "no inverse modulo m", []scheme.Value{a[0], a[1]}, "arithmetic")
	}
	return scheme.NormBig(inv), nil
}

// alias tail-calls the global name with the arguments given (those not
// #!default): port-ready? is char-ready?, read/ss read, write/ss
// write-shared.
func alias(th *scheme.Thread, name string, a []scheme.Value) (scheme.Value, error) {
	f, err := scheme.Global(th, "sagittarius", name)
	if err != nil {
		return nil, err
	}
	args := make([]scheme.Value, 0, len(a))
	for _, v := range a {
		if !scheme.IsDefault(v) {
			args = append(args, v)
		}
	}
	return th.TailCall(f, args)
}

// portReadyP implements port-ready?.
func portReadyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return alias(th, "char-ready?", a)
}

// readWithSs implements read/ss.
func readWithSs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return alias(th, "read", a)
}

// writeWithSs implements write/ss.
func writeWithSs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return alias(th, "write-shared", a)
}

// buildPath implements build-path.
func buildPath(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p1, p2 := a[0].(*scheme.String).String(), a[1].(*scheme.String).String()
	if p1 == "" {
		return scheme.NewString(p2), nil
	}
	return scheme.NewString(strings.TrimSuffix(p1, string(filepath.Separator)) + string(filepath.Separator) + p2), nil
}

func fileArg(a []scheme.Value) string { return a[0].(*scheme.String).String() }

// changeFileMode implements change-file-mode.
func changeFileMode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Chmod(fileArg(a), os.FileMode(a[1].(scheme.Fixnum))&os.ModePerm); err != nil {
		return nil, fileErr(err, fileArg(a))
	}
	return scheme.Unspecified, nil
}

// timeArg is a timestamp argument of change-file-timestamps!: a time
// object, a real number of nanoseconds since the epoch (as file-stat-mtime
// gives), #f to leave the timestamp as it is (the zero time.Time, which
// os.Chtimes leaves), any other value for now.
func timeArg(v scheme.Value) time.Time {
	switch t := v.(type) {
	case *scheme.Time:
		return t.T
	case scheme.Fixnum:
		return time.Unix(0, int64(t))
	case *scheme.Boolean:
		if v == scheme.Value(scheme.False) {
			return time.Time{}
		}
	default:
		if f, ok := scheme.ToInexact(v).(scheme.Flonum); ok && scheme.IsReal(v) {
			return time.Unix(0, int64(math.Round(float64(f))))
		}
	}
	return time.Now()
}

// changeFileTimestampsBang implements change-file-timestamps!.
func changeFileTimestampsBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Chtimes(fileArg(a), timeArg(a[1]), timeArg(a[2])); err != nil {
		return nil, fileErr(err, fileArg(a))
	}
	return scheme.Unspecified, nil
}

// statTime is the file's access ('a'), status change ('c') or
// modification ('m') time.
func statTime(fi os.FileInfo, which byte) time.Time {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || which == 'm' {
		return fi.ModTime()
	}
	ts := atimespec(st)
	if which == 'c' {
		ts = ctimespec(st)
	}
	return time.Unix(ts.Unix())
}

// fileStatTime is file-stat-atime, -ctime or -mtime (which: 'a', 'c',
// 'm'): nanoseconds since the epoch.
func fileStatTime(a []scheme.Value, which byte) (scheme.Value, error) {
	fi, err := os.Stat(fileArg(a))
	if err != nil {
		return nil, fileErr(err, fileArg(a))
	}
	return scheme.Fixnum(statTime(fi, which).UnixNano()), nil
}

// fileStatAtime implements file-stat-atime.
func fileStatAtime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fileStatTime(a, 'a')
}

// fileStatCtime implements file-stat-ctime.
func fileStatCtime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fileStatTime(a, 'c')
}

// fileStatMtime implements file-stat-mtime.
func fileStatMtime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fileStatTime(a, 'm')
}

// fileSymbolicLinkP implements file-symbolic-link?.
func fileSymbolicLinkP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fi, err := os.Lstat(fileArg(a))
	return scheme.MakeBool(err == nil && fi.Mode()&os.ModeSymlink != 0), nil
}

// getProcessTimes implements get-process-times (and get-thread-times: a
// Scheme thread is a goroutine, which has no CPU clock of its own):
// #(user system tick), the times in ticks of a microsecond.
func getProcessTimes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	u, s, _ := scheme.ProcessCPUTime()
	return &scheme.Vector{Items: []scheme.Value{scheme.Fixnum(u.Microseconds()), scheme.Fixnum(s.Microseconds()), scheme.Fixnum(1000000)}}, nil
}

// keywordToSymbol implements keyword->symbol.
func keywordToSymbol(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(a[0].(*scheme.Keyword).Name), nil
}

// symbolToKeyword implements make-keyword and symbol->keyword.
func symbolToKeyword(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.InternKeyword(a[0].(*scheme.Symbol).Name), nil
}

// symbolCompare is symbol<? and its kin: ok on each adjacent pair of names.
func symbolCompare(a []scheme.Value, ok func(c int) bool) scheme.Value {
	for i := 1; i < len(a); i++ {
		if !ok(strings.Compare(a[i-1].(*scheme.Symbol).Name, a[i].(*scheme.Symbol).Name)) {
			return scheme.False
		}
	}
	return scheme.True
}

// symbolLtP implements symbol<?.
func symbolLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return symbolCompare(a, func(c int) bool { return c < 0 }), nil
}

// symbolLeP implements symbol<=?.
func symbolLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return symbolCompare(a, func(c int) bool { return c <= 0 }), nil
}

// symbolGtP implements symbol>?.
func symbolGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return symbolCompare(a, func(c int) bool { return c > 0 }), nil
}

// symbolGeP implements symbol>=?.
func symbolGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return symbolCompare(a, func(c int) bool { return c >= 0 }), nil
}

// stringScan implements string-scan.
func stringScan(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String).String()
	var item string
	switch x := a[1].(type) {
	case *scheme.String:
		item = x.String()
	case scheme.Char:
		item = string(rune(x))
	default:
		return nil, scheme.TypeError("string-scan", 2, "string or char", a[1])
	}
	i := strings.Index(s, item)
	ret := "index"
	if sym, ok := a[2].(*scheme.Symbol); ok {
		ret = sym.Name
	}
	if i < 0 {
		if ret == "both" || ret == "before*" || ret == "after*" {
			return scheme.Values(scheme.False, scheme.False), nil
		}
		return scheme.False, nil
	}
	before, after := s[:i], s[i+len(item):]
	switch ret {
	case "index":
		return scheme.Fixnum(len([]rune(before))), nil
	case "before":
		return scheme.NewString(before), nil
	case "after":
		return scheme.NewString(after), nil
	case "before*": // the part before item, and item with the rest
		return scheme.Values(scheme.NewString(before), scheme.NewString(item+after)), nil
	case "after*": // the part up to the end of item, and the rest
		return scheme.Values(scheme.NewString(before+item), scheme.NewString(after)), nil
	case "both":
		return scheme.Values(scheme.NewString(before), scheme.NewString(after)), nil
	}
	return nil, scheme.RangeError("string-scan", 3, "index, before, after, before*, after* or both", a[2])
}

// WeakBox is a Sagittarius weak box.
type WeakBox struct{ r scheme.WeakRef }

// TypeName implements scheme.Value.
func (*WeakBox) TypeName() string { return "weak-box" }

// Repr implements scheme.Repr.
func (*WeakBox) Repr() string { return "#<weak-box>" }

var typeWeakBox = &scheme.Type{Name: "weak-box", Accept: func(v scheme.Value) bool { _, ok := v.(*WeakBox); return ok }}

func makeWeakBox(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &WeakBox{r: scheme.NewWeakRef(a[0])}, nil
}

func weakBoxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeWeakBox.Accept(a[0])), nil
}

func weakBoxEmptyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(*WeakBox).r.Value() == nil), nil
}

func weakBoxRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if v := a[0].(*WeakBox).r.Value(); v != nil {
		return v, nil
	}
	return scheme.OrDefault(a[1], scheme.False), nil
}

func weakBoxSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*WeakBox).r = scheme.NewWeakRef(a[1])
	return scheme.Unspecified, nil
}

// WeakVector is a Sagittarius weak vector: its elements do not keep
// their objects alive.
type WeakVector struct{ items []scheme.WeakRef }

// TypeName implements scheme.Value.
func (*WeakVector) TypeName() string { return "weak-vector" }

// Repr implements scheme.Repr.
func (*WeakVector) Repr() string { return "#<weak-vector>" }

var typeWeakVector = &scheme.Type{Name: "weak-vector", Accept: func(v scheme.Value) bool { _, ok := v.(*WeakVector); return ok }}

func makeWeakVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := scheme.ArgSize(1, a[0], int(unsafe.Sizeof(scheme.WeakRef{})))
	if err != nil {
		return nil, err
	}
	items := make([]scheme.WeakRef, n)
	for i := range items {
		items[i] = scheme.StrongRef(scheme.False)
	}
	return &WeakVector{items: items}, nil
}

func weakVectorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeWeakVector.Accept(a[0])), nil
}

func weakVectorLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(len(a[0].(*WeakVector).items)), nil
}

func weakIndex(who string, a []scheme.Value) (*WeakVector, int, error) {
	w, k := a[0].(*WeakVector), int(a[1].(scheme.Fixnum))
	if k >= len(w.items) {
		return nil, 0, scheme.RangeError(who, 2, "index beyond weak vector length", a[1])
	}
	return w, k, nil
}

func weakVectorRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	w, k, err := weakIndex("weak-vector-ref", a)
	if err != nil {
		if !scheme.IsDefault(a[2]) { // an index out of range gives the fallback when there is one
			return a[2], nil
		}
		return nil, err
	}
	if v := w.items[k].Value(); v != nil {
		return v, nil
	}
	return scheme.OrDefault(a[2], scheme.False), nil
}

func weakVectorSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	w, k, err := weakIndex("weak-vector-set!", a)
	if err != nil {
		return nil, err
	}
	w.items[k] = scheme.NewWeakRef(a[2])
	return scheme.Unspecified, nil
}

// WeakHashtable is a Sagittarius weak hashtable (eq? or eqv? on keys): an
// association goes when its weak key or value (by its weakness) is
// collected. The table is the core's [scheme.WeakTable], which SRFI-126's
// weak hashtables use too.
type WeakHashtable struct {
	t     *scheme.WeakTable
	deflt scheme.Value // make-weak-eq-hashtable's default: the value of a key whose value was collected; nil for none
}

// TypeName implements scheme.Value.
func (*WeakHashtable) TypeName() string { return "weak-hashtable" }

// Repr implements scheme.Repr.
func (*WeakHashtable) Repr() string { return "#<weak-hashtable>" }

var typeWeakHashtable = &scheme.Type{Name: "weak-hashtable", Accept: func(v scheme.Value) bool { _, ok := v.(*WeakHashtable); return ok }}

func makeWeakHashtable(a []scheme.Value, eqv bool) (scheme.Value, error) {
	w, err := weaknessArg(a[1])
	h := &WeakHashtable{t: scheme.NewWeakTable(eqv, w != "value", w != "key")}
	if !scheme.IsDefault(a[2]) {
		h.deflt = a[2]
	}
	return h, err
}

// weaknessArg checks a weakness argument: key, value or both ("" when not given).
func weaknessArg(v scheme.Value) (string, error) {
	if scheme.IsDefault(v) {
		return "", nil
	}
	if w, ok := v.(*scheme.Symbol); ok && (w.Name == "key" || w.Name == "value" || w.Name == "both") {
		return w.Name, nil
	}
	return "", scheme.RangeError("", 2, "weakness must be key, value or both", v)
}

// makeWeakEqHashtable implements make-weak-eq-hashtable.
func makeWeakEqHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeWeakHashtable(a, false)
}

// makeWeakEqvHashtable implements make-weak-eqv-hashtable.
func makeWeakEqvHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeWeakHashtable(a, true)
}

func weakHashtableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeWeakHashtable.Accept(a[0])), nil
}

func weakHashtableRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h := a[0].(*WeakHashtable)
	v, ok, lost := h.t.Get(a[1])
	switch {
	case ok:
		return v, nil
	case lost && h.deflt != nil:
		return h.deflt, nil // the key is there, its value was collected
	}
	return scheme.OrDefault(a[2], scheme.False), nil
}

func weakHashtableSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*WeakHashtable).t.Set(a[1], a[2])
	return scheme.Unspecified, nil
}

func weakHashtableDeleteBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*WeakHashtable).t.Delete(a[1])
	return scheme.Unspecified, nil
}

// weakHashtableKeysList implements weak-hashtable-keys-list.
func weakHashtableKeysList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	keys, _ := a[0].(*WeakHashtable).t.Entries()
	return scheme.List(keys...), nil
}

// weakHashtableValuesList implements weak-hashtable-values-list.
func weakHashtableValuesList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, vals := a[0].(*WeakHashtable).t.Entries()
	return scheme.List(vals...), nil
}

func weakHashtableCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h := a[0].(*WeakHashtable)
	return &WeakHashtable{t: h.t.Copy(h.t.Weakness()), deflt: h.deflt}, nil
}

func weakHashtableShrink(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*WeakHashtable).t.Shrink()), nil
}

// hashtableWeakness implements hashtable-weakness.
func hashtableWeakness(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, ok := a[0].(*WeakHashtable)
	if !ok {
		return scheme.False, nil
	}
	switch k, v := h.t.Weakness(); {
	case k && v:
		return scheme.Intern("both"), nil
	case k:
		return scheme.Intern("key"), nil
	}
	return scheme.Intern("value"), nil
}

// hashtableType implements hashtable-type.
func hashtableType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if h, ok := a[0].(*WeakHashtable); ok {
		if h.t.EQV() {
			return scheme.Intern("eqv"), nil
		}
		return scheme.Intern("eq"), nil
	}
	eq, err := scheme.CallGlobal(th, "sagittarius", "hashtable-equivalence-function", a[0])
	if err != nil {
		return nil, err
	}
	for _, kind := range [][2]string{{"eq", "eq?"}, {"eqv", "eqv?"}, {"equal", "equal?"}, {"string", "string=?"}} {
		if f, err := scheme.Global(th, "sagittarius", kind[1]); err == nil && f == eq {
			return scheme.Intern(kind[0]), nil
		}
	}
	return scheme.Intern("general"), nil
}

// loadPath implements load-path: the directories load and import search
// (the interpreter's library path); with paths, sets them.
func loadPath(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in := th.Interp()
	if !scheme.IsDefault(a[0]) {
		l, ok := scheme.ListToSlice(a[0])
		if !ok {
			return nil, scheme.TypeError("load-path", 1, "list of strings", a[0])
		}
		dirs := make([]string, len(l))
		for i, d := range l {
			s, ok := d.(*scheme.String)
			if !ok {
				return nil, scheme.TypeError("load-path", 1, "list of strings", a[0])
			}
			dirs[i] = s.String()
		}
		in.SetLibraryPath(dirs)
	}
	dirs := in.LibraryPath()
	out := make([]scheme.Value, len(dirs))
	for i, d := range dirs {
		out[i] = scheme.NewString(d)
	}
	return scheme.List(out...), nil
}

// addLoadPath implements add-load-path.
func addLoadPath(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in := th.Interp()
	in.SetLibraryPath(addTo(in.LibraryPath(), a))
	return scheme.Unspecified, nil
}

// getMacAddress implements get-mac-address: the hardware address of the
// position-th interface, in the order of their indexes, with a 6-byte one
// other than all zeros (Linux's /sys/class/net; the interpreter does not
// link the net package).
func getMacAddress(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pos := 0
	if !scheme.IsDefault(a[0]) {
		pos = int(a[0].(scheme.Fixnum))
	}
	macs := interfaceMACs("/sys/class/net")
	if pos < len(macs) {
		return &scheme.Bytevector{B: macs[pos]}, nil
	}
	return &scheme.Bytevector{B: make([]byte, 6)}, nil
}

// interfaceMACs reads the 6-byte, non-zero hardware addresses of the
// interfaces under dir (dir/NAME/address and dir/NAME/ifindex), in the
// order of their indexes.
func interfaceMACs(dir string) [][]byte {
	type nic struct {
		index int
		mac   []byte
	}
	var nics []nic
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		addr, err := os.ReadFile(filepath.Join(dir, e.Name(), "address"))
		if err != nil {
			continue
		}
		mac, err := hex.DecodeString(strings.ReplaceAll(strings.TrimSpace(string(addr)), ":", ""))
		if err != nil || len(mac) != 6 || !slices.ContainsFunc(mac, func(b byte) bool { return b != 0 }) {
			continue
		}
		idx, _ := os.ReadFile(filepath.Join(dir, e.Name(), "ifindex"))
		n, _ := strconv.Atoi(strings.TrimSpace(string(idx)))
		nics = append(nics, nic{n, mac})
	}
	slices.SortStableFunc(nics, func(x, y nic) int { return x.index - y.index })
	out := make([][]byte, len(nics))
	for i, n := range nics {
		out[i] = n.mac
	}
	return out
}

// bufferedPort implements buffered-port: the arguments checked, the port
// returned as it is.
func bufferedPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[1].(*scheme.Symbol).Name {
	case "none", "line", "block":
	default:
		return nil, scheme.NewError("buffered-port", "buffer-mode must be none, line or block", []scheme.Value{a[1]}, "type")
	}
	if a[2] != scheme.False {
		if bv, ok := a[2].(*scheme.Bytevector); !ok || len(bv.B) == 0 {
			return nil, scheme.NewError("buffered-port", "buffer must be a non-empty bytevector", []scheme.Value{a[2]}, "type")
		}
	}
	return a[0], nil
}

// addLoadSuffix implements add-load-suffix.
func addLoadSuffix(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in := th.Interp()
	in.SetLibrarySuffixes(addTo(in.LibrarySuffixes(), a))
	return scheme.Unspecified, nil
}

// addTo is list with a[0] (a string) put in front, or at the end when
// a[1], add-load-path's and add-load-suffix's append:, is true.
func addTo(list []string, a []scheme.Value) []string {
	x := a[0].(*scheme.String).String()
	if scheme.Truthy(a[1]) {
		return append(list, x)
	}
	return append([]string{x}, list...)
}

// uname implements uname: #(system node release version machine).
func uname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	host, _ := os.Hostname()
	sys, release, version := unameRelease()
	items := []string{sys, host, release, version, runtime.GOARCH}
	out := make([]scheme.Value, len(items))
	for i, s := range items {
		out[i] = scheme.NewString(s)
	}
	return &scheme.Vector{Items: out}, nil
}

// vectorReverse implements vector-reverse: a new vector of elements
// start..end in reverse order.
func vectorReverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items := a[0].(*scheme.Vector).Items
	start, end, err := scheme.ArgRange(len(items), a, 1)
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, 0, end-start)
	for i := end - 1; i >= start; i-- {
		out = append(out, items[i])
	}
	return &scheme.Vector{Items: out}, nil
}

func extraRows() []scheme.Proc {
	num := scheme.SpreadRest("z", nil)
	name := req("filename", str)
	sym := scheme.TypeSymbol
	cmp := lam(req("symbol1", sym), req("symbol2", sym), scheme.SpreadRest("symbols", sym))
	wb, wv, wh := typeWeakBox, typeWeakVector, typeWeakHashtable
	weakArgs := lam(scheme.Key("init-size", scheme.TypeIndex, nil), scheme.Key("weakness", sym, nil), scheme.Key("default", nil, nil))
	return []scheme.Proc{
		r("+.", "+ over the arguments made inexact.", lam(num), addInexact),
		r("*.", "* over the arguments made inexact.", lam(num), mulInexact),
		r("-.", "- over the arguments made inexact.", lam(req("z1", nil), num), subInexact),
		r("/.", "/ over the arguments made inexact.", lam(req("z1", nil), num), divInexact),
		r("disasm", "Writes what is known of the procedure — its name and lambda list (procedure-information) — as a comment line on the current output port: tlsport compiles to Go closures and has no code to disassemble.", lam(req("closure", scheme.TypeProcedure)), disasm),
		r("arity", "The procedure's arity: (required-count . accepts-more?).", lam(req("procedure", scheme.TypeProcedure)), arity),
		r("build-path", "path1 and path2 joined with the path separator.", lam(req("path1", str), req("path2", str)), buildPath),
		r("change-file-mode", "Sets the file's permission bits (POSIX mode).", lam(name, req("mode", scheme.TypeIndex)), changeFileMode),
		r("change-file-timestamps!", "Sets the file's access and modification times: time objects, real numbers of nanoseconds since the epoch (as file-stat-mtime gives), #f to leave one as it is, another true value for now.", lam(name, req("atime", nil), req("mtime", nil)), changeFileTimestampsBang),
		r("file-stat-atime", "The file's last access time, in nanoseconds since the epoch.", lam(name), fileStatAtime),
		r("file-stat-ctime", "The file's last status change time, in nanoseconds since the epoch.", lam(name), fileStatCtime),
		r("file-stat-mtime", "The file's last modification time, in nanoseconds since the epoch.", lam(name), fileStatMtime),
		r("file-symbolic-link?", "Is the file a symbolic link?", lam(name), fileSymbolicLinkP),
		r("get-process-times", "The process's CPU times: #(user system tick), user and system in ticks (tick: per second).", lam(), getProcessTimes),
		r("get-thread-times", "Same as get-process-times (a Scheme thread is a goroutine, without a CPU clock of its own).", lam(opt("thread", nil, nil)), getProcessTimes),
		r("keyword->symbol", "The symbol of the keyword's name.", lam(req("keyword", scheme.TypeKeyword)), keywordToSymbol),
		r("make-keyword", "Same as symbol->keyword: the keyword named as the symbol.", lam(req("symbol", sym)), symbolToKeyword),
		r("symbol->keyword", "The keyword named as the symbol.", lam(req("symbol", sym)), symbolToKeyword),
		r("symbol<?", "Are the symbols' names increasing?", cmp, symbolLtP),
		r("symbol<=?", "Are the symbols' names non-decreasing?", cmp, symbolLeP),
		r("symbol>?", "Are the symbols' names decreasing?", cmp, symbolGtP),
		r("symbol>=?", "Are the symbols' names non-increasing?", cmp, symbolGeP),
		r("string-scan", "Finds item (a string or char) in string; return (default index) says what to return: index, before, after, before*, after* or both (two values); #f when absent.", lam(req("string", str), req("item", nil), opt("return", sym, nil)), stringScan),
		r("make-weak-box", "A weak box holding obj without keeping it alive.", lam(req("obj", nil)), makeWeakBox),
		r("weak-box?", "Is obj a weak box?", lam(req("obj", nil)), weakBoxP),
		r("weak-box-empty?", "Was the box's object collected?", lam(req("wb", wb)), weakBoxEmptyP),
		r("weak-box-ref", "The box's object, or fallback (default #f) once collected.", lam(req("wb", wb), opt("fallback", nil, nil)), weakBoxRef),
		r("weak-box-set!", "Puts obj in the box.", lam(req("wb", wb), req("obj", nil)), weakBoxSetBang),
		r("make-weak-vector", "A weak vector of size elements (#f).", lam(req("size", scheme.TypeIndex)), makeWeakVector),
		r("weak-vector?", "Is obj a weak vector?", lam(req("obj", nil)), weakVectorP),
		r("weak-vector-length", "The weak vector's length.", lam(req("wvec", wv)), weakVectorLength),
		r("weak-vector-ref", "Element k, or fallback (default #f) once collected.", lam(req("wvec", wv), req("k", scheme.TypeIndex), opt("fallback", nil, nil)), weakVectorRef),
		r("weak-vector-set!", "Sets element k.", lam(req("wvec", wv), req("k", scheme.TypeIndex), req("obj", nil)), weakVectorSetBang),
		r("make-weak-eq-hashtable", "A weak hashtable comparing keys with eq?; the keyword weakness (key, value or both, the default) says which side does not keep its object alive, default is what weak-hashtable-ref gives for a key whose value was collected, init-size is accepted.", weakArgs, makeWeakEqHashtable),
		r("make-weak-eqv-hashtable", "A weak hashtable comparing keys with eqv? (see make-weak-eq-hashtable).", weakArgs, makeWeakEqvHashtable),
		r("weak-hashtable?", "Is obj a weak hashtable?", lam(req("obj", nil)), weakHashtableP),
		r("weak-hashtable-ref", "The value of key, or default (#f).", lam(req("weak-hashtable", wh), req("key", nil), opt("default", nil, nil)), weakHashtableRef),
		r("weak-hashtable-set!", "Associates key with obj.", lam(req("weak-hashtable", wh), req("key", nil), req("obj", nil)), weakHashtableSetBang),
		r("weak-hashtable-delete!", "Removes key's association.", lam(req("weak-hashtable", wh), req("key", nil)), weakHashtableDeleteBang),
		r("weak-hashtable-keys-list", "The live keys as a list.", lam(req("weak-hashtable", wh)), weakHashtableKeysList),
		r("weak-hashtable-values-list", "The live values as a list.", lam(req("weak-hashtable", wh)), weakHashtableValuesList),
		r("weak-hashtable-copy", "A copy of the weak hashtable.", lam(req("weak-hashtable", wh)), weakHashtableCopy),
		r("weak-hashtable-shrink", "Drops the associations whose objects were collected; returns how many.", lam(req("weak-hashtable", wh)), weakHashtableShrink),
		r("hashtable-weakness", "key, value or both for a weak hashtable, else #f.", lam(req("hashtable", nil)), hashtableWeakness),
		r("hashtable-type", "The hashtable's kind: eq, eqv, equal, string or general.", lam(req("hashtable", nil)), hashtableType),
		r("load-path", "The directories searched for libraries (load and import); with paths, sets them.", lam(opt("paths", nil, nil)), loadPath),
		r("add-load-path", "Puts path in front of the library directories (at the end when append is true).", lam(req("path", str), scheme.Key("append", nil, scheme.False)), addLoadPath),
		r("add-load-suffix", "Puts suffix (with its dot, e.g. \".ss\") in front of the extensions import tries for library files (.sld, .scm, .sls; at the end when append is true).", lam(req("suffix", str), scheme.Key("append", nil, scheme.False)), addLoadSuffix),
		r("set-current-directory", "Same as current-directory with a path: changes the working directory.", lam(req("path", str)), currentDirectory),
		r("mod-expt", "x^e mod m (exact integers; e negative uses x's inverse).", lam(req("x", typeExactInt), req("e", typeExactInt), req("m", typeExactInt)), modExpt),
		r("mod-inverse", "x^-1 mod m (an error when x has no inverse).", lam(req("x", typeExactInt), req("m", typeExactInt)), modInverse),
		r("port-ready?", "Are characters ready on port (default the current input port)? As char-ready?.", lam(opt("port", scheme.TypePort, nil)), portReadyP),
		r("read/ss", "read (which reads datum labels, SRFI-38).", lam(opt("port", scheme.TypePort, nil)), readWithSs),
		r("write/ss", "write-shared: writes obj with datum labels for shared and circular structure (SRFI-38).", lam(req("obj", nil), opt("port", scheme.TypePort, nil)), writeWithSs),
		r("uname", "#(system-name node-name release version machine).", lam(), uname),
		r("get-mac-address", "The 6-byte MAC address of the position-th network interface that has one (default 0, in the order of the interfaces' indexes), as a bytevector; #vu8(0 0 0 0 0 0) when there is no such interface (or no /sys/class/net: Linux only).", lam(opt("position", scheme.TypeIndex, nil)), getMacAddress),
		r("buffered-port", "port itself, after checking buffer-mode (none, line or block) and buffer (a non-empty bytevector): tlsport's ports buffer as they need (a socket port sends what each write call wrote), so there is no separate buffered port to make.", lam(req("port", scheme.TypePort), req("buffer-mode", sym), scheme.Key("buffer", nil, scheme.False)), bufferedPort),
		r("vector-reverse", "A new vector of elements start..end in reverse order.", lam(req("vector", scheme.TypeVector), opt("start", scheme.TypeIndex, nil), opt("end", scheme.TypeIndex, nil)), vectorReverse),
	}
}

// disasm implements disasm. tlsport compiles to Go closures and keeps no
// code to disassemble: it writes what it knows of the procedure — its
// name and lambda list, as procedure-information gives them, or the
// signature of a primitive — as a comment line on the current output port.
func disasm(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	info, err := call(th, "procedure-information", a[0])
	if err != nil {
		return nil, err
	}
	if info == scheme.Value(scheme.False) {
		info = a[0] // a parameter, a continuation …: as it prints
	}
	kind := "a procedure"
	switch a[0].(type) {
	case *scheme.Closure:
		kind = "a procedure written in Scheme"
	case *scheme.Primitive:
		kind = "a primitive"
	}
	line := ";; " + scheme.WriteString(info) + ": " + kind + " (tlsport keeps no compiled code to disassemble)\n"
	return scheme.Unspecified, th.Param(scheme.CurrentOutputPort).(*scheme.Port).Write(th.Context(), []byte(line))
}
