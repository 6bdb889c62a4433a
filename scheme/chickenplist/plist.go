// CHICKEN's (chicken plist): property lists of symbols.

// Package chickenplist is the (chicken plist) library: a property list per
// symbol, a flat list of alternating keys (compared with eq?) and values.
// The lists belong to the interpreter: each Interp has its own, though
// symbols are shared by all; a symbol with a property list stays in memory
// as long as the interpreter does.
package chickenplist

import (
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken plist)"

// plistType accepts a property list: a list of even length.
var plistType = &scheme.Type{Name: "property list (a list of even length)", Accept: func(v scheme.Value) bool {
	l, ok := scheme.ListToSlice(v)
	return ok && len(l)%2 == 0
}}

var procs = []scheme.Proc{
	{Name: "get", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("property", nil), scheme.Opt("default", nil, scheme.False))
	},
		Doc: "The value stored under the key property (compared with eq?) in the property list of symbol, or default (#f) when there is none. (set! (get symbol property) value) is put!.",
		Fn:  get},
	{Name: "put!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("property", nil), scheme.Req("value", nil))
	},
		Doc: "Stores value under the key property in the property list of symbol, replacing any value stored before.",
		Fn:  putBang},
	{Name: "remprop!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("property", nil))
	},
		Doc: "Deletes the first property property from the property list of symbol: #t when one was deleted, else #f.",
		Fn:  rempropBang},
	{Name: "symbol-plist", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol)) },
		Doc: "The property list of symbol, a flat list of alternating properties and values (not a fresh copy: do not mutate it). (set! (symbol-plist symbol) list) replaces it.",
		Fn:  symbolPlist},
	{Name: "%set-symbol-plist!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("list", plistType))
	},
		Doc: "The setter of symbol-plist: makes list, a flat list of alternating properties and values, the property list of symbol.",
		Fn:  internalSetSymbolPlistBang},
	{Name: "get-properties", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("properties", nil))
	},
		Doc: "Three values for the first property in the property list of symbol whose key is in the list properties (or is properties, when not a list): the key, its value and the tail of the property list after that property (as csi and the manual); #f #f #f when none matches.",
		Fn:  getProperties},
}

// Library is the (chicken plist) binding table.
var Library = &scheme.Library{Name: "(chicken plist)", Doc: "CHICKEN 5's (chicken plist): property lists of symbols.", Procs: procs}

// plists is an interpreter's property lists.
type plists struct {
	mu sync.Mutex
	m  map[*scheme.Symbol]scheme.Value
}

type plistsKey struct{}

func plistsOf(th *scheme.Thread) *plists {
	return th.Interp().HostData(plistsKey{}, func() any { return &plists{m: make(map[*scheme.Symbol]scheme.Value)} }).(*plists)
}

// of returns the property list of sym; call with pl.mu held.
func (pl *plists) of(sym *scheme.Symbol) scheme.Value {
	if l, ok := pl.m[sym]; ok {
		return l
	}
	return scheme.Null
}

// find returns the pair holding property's key in plist, and the pair
// before it (nil when it is the first).
func find(plist, property scheme.Value) (at, before *scheme.Pair) {
	for {
		p, ok := plist.(*scheme.Pair)
		if !ok {
			return nil, nil
		}
		if p.Car == property {
			return p, before
		}
		v, ok := p.Cdr.(*scheme.Pair)
		if !ok {
			return nil, nil
		}
		before, plist = v, v.Cdr
	}
}

// get implements get.
func get(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if at, _ := find(pl.of(a[0].(*scheme.Symbol)), a[1]); at != nil {
		return at.Cdr.(*scheme.Pair).Car, nil
	}
	return a[2], nil
}

// putBang implements put!.
func putBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	sym := a[0].(*scheme.Symbol)
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if at, _ := find(pl.of(sym), a[1]); at != nil {
		at.Cdr.(*scheme.Pair).Car = a[2]
	} else {
		pl.m[sym] = scheme.Cons(a[1], scheme.Cons(a[2], pl.of(sym)))
	}
	return scheme.Unspecified, nil
}

// rempropBang implements remprop!.
func rempropBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	sym := a[0].(*scheme.Symbol)
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	at, before := find(pl.of(sym), a[1])
	switch {
	case at == nil:
		return scheme.False, nil
	case before == nil:
		pl.m[sym] = at.Cdr.(*scheme.Pair).Cdr
		if pl.m[sym] == scheme.Null {
			delete(pl.m, sym)
		}
	default:
		before.Cdr = at.Cdr.(*scheme.Pair).Cdr
	}
	return scheme.True, nil
}

// symbolPlist implements symbol-plist.
func symbolPlist(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return pl.of(a[0].(*scheme.Symbol)), nil
}

// internalSetSymbolPlistBang implements %set-symbol-plist!.
func internalSetSymbolPlistBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	sym := a[0].(*scheme.Symbol)
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if a[1] == scheme.Null {
		delete(pl.m, sym)
	} else {
		pl.m[sym] = a[1]
	}
	return scheme.Unspecified, nil
}

// getProperties implements get-properties.
func getProperties(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	keys, ok := scheme.ListToSlice(a[1])
	if !ok {
		keys = []scheme.Value{a[1]}
	}
	pl := plistsOf(th)
	pl.mu.Lock()
	defer pl.mu.Unlock()
	for l := pl.of(a[0].(*scheme.Symbol)); ; {
		p, ok := l.(*scheme.Pair)
		if !ok {
			return scheme.Values(scheme.False, scheme.False, scheme.False), nil
		}
		tail, ok := p.Cdr.(*scheme.Pair)
		if !ok {
			return scheme.Values(scheme.False, scheme.False, scheme.False), nil
		}
		for _, k := range keys {
			if p.Car == k {
				return scheme.Values(k, tail.Car, tail.Cdr), nil
			}
		}
		l = tail.Cdr
	}
}
