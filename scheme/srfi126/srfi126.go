// SRFI-126 R6RS-based hashtables: the rows of (srfi 126), over the core's
// R6RS hashtables ((rnrs hashtables), SRFI-69's tables) and srfi126.scm.

// Package srfi126 is SRFI-126, (srfi 126), (srfi :126 r6rs-hashtables)
// or srfi-126: R6RS hashtables extended (hashtable-ref without a default,
// hashtable-update! without one, alist constructors, walk, fold and
// pop procedures, hashtable-intern!, hash-salt). The library is
// ImportOnly, and the procedures R6RS also defines are Go rows calling
// srfi126.scm's %srfi126-<name>, so importing it with a prefix leaves the
// unprefixed R6RS names alone. Weak and ephemeral eq? and eqv? tables
// are R6RS hashtables made weak through [scheme.Weakenable] (their
// associations then live in the core's [scheme.WeakTable], which
// Sagittarius's weak hashtables use too); an ephemeral weakness is a weak
// one. A table with a hash procedure takes no weakness.
package srfi126

import (
	_ "embed"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi126.scm
var source string

const spec = "srfi-126"

// params returns the parameters named: those starting with "?" are
// optional, the rest required; the Scheme body checks their types.
func params(names ...string) func() scheme.Params {
	return func() scheme.Params {
		ps := make([]scheme.Param, len(names))
		for i, n := range names {
			if o, ok := strings.CutPrefix(n, "?"); ok {
				ps[i] = scheme.Opt(o, nil, nil)
			} else {
				ps[i] = scheme.Req(n, nil)
			}
		}
		return scheme.Lambda(ps...)
	}
}

// r6 is the row of fn, a procedure R6RS also defines (or hash-salt,
// which SRFI-128 defines as syntax), and the row of its body, srfi126.scm's
// %srfi126-<name>.
func r6(name, doc string, fn scheme.PrimFn, args ...string) []scheme.Proc {
	body := "%srfi126-" + name
	sig := strings.TrimSpace("(" + body + " " + strings.ReplaceAll(strings.Join(args, " "), "?", ""))
	return []scheme.Proc{
		{Name: name, Spec: spec, Doc: doc, LazyArgs: params(args...), Fn: fn},
		{Name: body, Spec: spec, Sig: sig + ")", Doc: "The Scheme body of " + name + "."},
	}
}

// call tail-calls the body of the row name, srfi126.scm's %srfi126-<name>.
func call(th *scheme.Thread, name string, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, name, "%srfi126-"+name, a)
}

// row is a row for a procedure srfi126.scm defines.
func row(name, sig, doc string) []scheme.Proc {
	return []scheme.Proc{{Name: name, Spec: spec, Sig: sig, Doc: doc}}
}

// Library is the (srfi 126) binding table.
var Library = &scheme.Library{Name: "(srfi 126)", Doc: "SRFI-126: R6RS-based hashtables, weak and ephemeral ones for eq? and eqv?; equal-hash, string-hash and string-ci-hash are SRFI-69's.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi126.scm", source), Reexports: []string{"equal-hash", "string-hash", "string-ci-hash"},
	Build: func(l *scheme.Library) { l.Procs = procs() }} // built when first imported, not at every start

// procs returns the rows of (srfi 126).
func procs() []scheme.Proc {
	return concat(
		r6("make-eq-hashtable", "A new hashtable comparing keys with eq?; capacity may be #f, weakness #f (strong) or a weakness symbol: weak-key, weak-value and weak-key-and-value tables drop an association once its weakly held key or value is collected; the ephemeral weaknesses are the weak ones (SRFI-126 allows it).", makeEqHashtable, "?capacity", "?weakness"),
		r6("make-eqv-hashtable", "A new hashtable comparing keys with eqv?; capacity and weakness as make-eq-hashtable's (a number, character or symbol key is never collected).", makeEqvHashtable, "?capacity", "?weakness"),
		r6("make-hashtable", "A new hashtable with hash (a procedure, a pair whose car is one, or #f for eq? and eqv?) and equiv. With hash #f, weakness as make-eq-hashtable's; with a hash procedure a weakness other than #f is an error, \"weakness not supported\" (SRFI-126 lets an implementation support weakness for some tables only; so does its reference on Chez Scheme).", makeHashtable, "hash", "equiv", "?capacity", "?weakness"),
		row("alist->eq-hashtable", "(alist->eq-hashtable [capacity weakness] alist)", "A new eq? hashtable of the entries of alist (the first of equal keys wins)."),
		row("alist->eqv-hashtable", "(alist->eqv-hashtable [capacity weakness] alist)", "A new eqv? hashtable of the entries of alist."),
		row("alist->hashtable", "(alist->hashtable hash equiv [capacity weakness] alist)", "A new hashtable of the entries of alist."),
		row("weakness", "syntax (weakness symbol)", "symbol, which must name a weakness (weak-key, weak-value, weak-key-and-value, ephemeral-key, ephemeral-value or ephemeral-key-and-value)."),
		r6("hashtable?", "Is obj a hashtable?", hashtableP, "obj"),
		r6("hashtable-size", "The number of entries.", hashtableSize, "hashtable"),
		r6("hashtable-ref", "The value for key, or default; without default, an error if there is none.", hashtableRef, "hashtable", "key", "?default"),
		r6("hashtable-set!", "Associates key with obj.", hashtableSetBang, "hashtable", "key", "obj"),
		r6("hashtable-delete!", "Removes the entry for key.", hashtableDeleteBang, "hashtable", "key"),
		r6("hashtable-contains?", "Is there an entry for key?", hashtableContainsP, "hashtable", "key"),
		row("hashtable-lookup", "(hashtable-lookup hashtable key)", "Two values: the value for key and #t, or #f and #f."),
		r6("hashtable-update!", "Sets key's value to (proc value), value defaulting to default; without default, an error if there is none.", hashtableUpdateBang, "hashtable", "key", "proc", "?default"),
		row("hashtable-intern!", "(hashtable-intern! hashtable key default-proc)", "The value for key; if there is none, (default-proc)'s, which is stored."),
		r6("hashtable-copy", "A copy of the hashtable, mutable only when mutable is true, as weak as the hashtable or, given a weakness symbol, as weakness says (not for a table with a hash procedure).", hashtableCopy, "hashtable", "?mutable", "?weakness"),
		r6("hashtable-clear!", "Removes every entry.", hashtableClearBang, "hashtable", "?capacity"),
		row("hashtable-empty-copy", "(hashtable-empty-copy hashtable [capacity])", "A new empty hashtable with the hash and equivalence functions of hashtable."),
		r6("hashtable-keys", "A vector of the keys.", hashtableKeys, "hashtable"),
		row("hashtable-values", "(hashtable-values hashtable)", "A vector of the values."),
		r6("hashtable-entries", "Two values: vectors of the keys and of the values.", hashtableEntries, "hashtable"),
		row("hashtable-key-list", "(hashtable-key-list hashtable)", "A list of the keys."),
		row("hashtable-value-list", "(hashtable-value-list hashtable)", "A list of the values."),
		row("hashtable-entry-lists", "(hashtable-entry-lists hashtable)", "Two values: lists of the keys and of the values."),
		row("hashtable-walk", "(hashtable-walk hashtable proc)", "Calls (proc key value) for each entry."),
		row("hashtable-update-all!", "(hashtable-update-all! hashtable proc)", "Sets each key's value to (proc key value)."),
		row("hashtable-prune!", "(hashtable-prune! hashtable proc)", "Removes the entries for which (proc key value) is true."),
		row("hashtable-merge!", "(hashtable-merge! hashtable-dest hashtable-source)", "Adds the entries of hashtable-source to hashtable-dest (replacing those of the same keys); returns hashtable-dest."),
		row("hashtable-sum", "(hashtable-sum hashtable init proc)", "Folds (proc key value acc) over the entries from init."),
		row("hashtable-map->lset", "(hashtable-map->lset hashtable proc)", "The list of (proc key value) for each entry."),
		row("hashtable-find", "(hashtable-find hashtable proc)", "Three values: the key and value of an entry for which (proc key value) is true and #t, or #f #f #f."),
		row("hashtable-empty?", "(hashtable-empty? hashtable)", "Has the hashtable no entries?"),
		row("hashtable-pop!", "(hashtable-pop! hashtable)", "Removes an entry and returns its key and value; an error when the hashtable is empty."),
		row("hashtable-inc!", "(hashtable-inc! hashtable key [number])", "Adds number (1) to key's value (0 if none)."),
		row("hashtable-dec!", "(hashtable-dec! hashtable key [number])", "Subtracts number (1) from key's value (0 if none)."),
		r6("hashtable-equivalence-function", "The equivalence function.", hashtableEquivalenceFunction, "hashtable"),
		r6("hashtable-hash-function", "The hash function (#f for eq? and eqv? tables).", hashtableHashFunction, "hashtable"),
		[]scheme.Proc{{Name: "hashtable-weakness", Spec: spec, Doc: "The weakness symbol the hashtable was made with (an ephemeral one too), #f for a table holding its entries strongly.", LazyArgs: params("hashtable"), Fn: hashtableWeakness},
			{Name: "%srfi126-weaken!", Spec: spec, Sig: "(%srfi126-weaken! hashtable weak-key? weak-value? weakness)", Doc: "Makes the eq? or eqv? hashtable hold its keys (weak-key?) and values (weak-value?) weakly, hashtable-weakness giving weakness.",
				LazyArgs: params("hashtable", "weak-key?", "weak-value?", "weakness"), Fn: internalSrfi126WeakenBang}},
		r6("hashtable-mutable?", "Is the hashtable mutable? (#f for a copy made without mutable)", hashtableMutableP, "hashtable"),
		r6("hash-salt", "A fixnum for hash functions to mix in: SRFI_126_HASH_SEED's hash, else random, fixed for the run.", hashSalt),
		r6("symbol-hash", "A hash of a symbol.", symbolHash, "symbol"),
	)
}

func concat(rows ...[]scheme.Proc) []scheme.Proc {
	var out []scheme.Proc
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// makeEqHashtable implements make-eq-hashtable.
func makeEqHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "make-eq-hashtable", a)
}

// makeEqvHashtable implements make-eqv-hashtable.
func makeEqvHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "make-eqv-hashtable", a)
}

// makeHashtable implements make-hashtable.
func makeHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "make-hashtable", a)
}

// hashtableP implements hashtable?.
func hashtableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable?", a)
}

// hashtableSize implements hashtable-size.
func hashtableSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-size", a)
}

// hashtableRef implements hashtable-ref.
func hashtableRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-ref", a)
}

// hashtableSetBang implements hashtable-set!.
func hashtableSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-set!", a)
}

// hashtableDeleteBang implements hashtable-delete!.
func hashtableDeleteBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-delete!", a)
}

// hashtableContainsP implements hashtable-contains?.
func hashtableContainsP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-contains?", a)
}

// hashtableUpdateBang implements hashtable-update!.
func hashtableUpdateBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-update!", a)
}

// hashtableCopy implements hashtable-copy.
func hashtableCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-copy", a)
}

// hashtableClearBang implements hashtable-clear!.
func hashtableClearBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-clear!", a)
}

// hashtableKeys implements hashtable-keys.
func hashtableKeys(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-keys", a)
}

// hashtableEntries implements hashtable-entries.
func hashtableEntries(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-entries", a)
}

// hashtableEquivalenceFunction implements hashtable-equivalence-function.
func hashtableEquivalenceFunction(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-equivalence-function", a)
}

// hashtableHashFunction implements hashtable-hash-function.
func hashtableHashFunction(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-hash-function", a)
}

// hashtableMutableP implements hashtable-mutable?.
func hashtableMutableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hashtable-mutable?", a)
}

// symbolHash implements symbol-hash.
func symbolHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "symbol-hash", a)
}

// hashSalt implements hash-salt.
func hashSalt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "hash-salt", a)
}

// hashtableWeakness implements hashtable-weakness.
func hashtableWeakness(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if w, ok := a[0].(scheme.Weakenable); ok {
		return w.Weakness(), nil
	}
	return nil, scheme.TypeError("hashtable-weakness", 1, "hashtable", a[0])
}

// internalSrfi126WeakenBang implements %srfi126-weaken!, which srfi126.scm's
// constructors and hashtable-copy call on a table they made.
func internalSrfi126WeakenBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	w, ok := a[0].(scheme.Weakenable)
	if !ok {
		return nil, scheme.TypeError("", 1, "hashtable", a[0])
	}
	if f, ok := w.(scheme.Freezable); ok && f.Frozen() {
		return nil, scheme.ImmutableError("", w)
	}
	if !w.SetWeakness(scheme.Truthy(a[1]), scheme.Truthy(a[2]), a[3]) {
		return nil, scheme.NewError("", "weakness not supported", []scheme.Value{a[3]})
	}
	return scheme.Unspecified, nil
}
