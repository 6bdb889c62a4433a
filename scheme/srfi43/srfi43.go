// SRFI-43 vector library: the rows of (srfi 43). The procedures it shares
// with R7RS and SRFI-133 are re-exported; those whose meaning differs are
// Go rows calling srfi43.scm.

// Package srfi43 is SRFI-43, (srfi 43), (srfi :43 vectors) or srfi-43: the
// vector library that SRFI-133 replaced. Its iterators — vector-map,
// vector-map!, vector-for-each, vector-fold, vector-fold-right and
// vector-count — pass the index as the first argument, vector-copy takes a
// fill for an end past the vector's, and list->vector and
// reverse-list->vector take start and end; the library is ImportOnly, so
// these meanings hold only where a program imports it, and the R7RS and
// SRFI-133 ones everywhere else.
package srfi43

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi43.scm
var source string

const spec = "srfi-43"

var (
	proc = scheme.TypeProcedure
	vec  = scheme.TypeVector
	ix   = scheme.TypeIndex
)

// mapArgs are the parameters of the iterators: a procedure and one or
// more vectors.
func mapArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("f", proc), scheme.Req("vec", vec), scheme.SpreadRest("vecs", vec))
}

// countArgs are vector-count's.
func countArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("pred?", proc), scheme.Req("vec", vec), scheme.SpreadRest("vecs", vec))
}

func foldArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("kons", proc), scheme.Req("knil", nil), scheme.Req("vec", vec), scheme.SpreadRest("vecs", vec))
}

func sliceArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("list", scheme.TypeList), scheme.Opt("start", ix, nil), scheme.Opt("end", ix, nil))
}

// Library is the (srfi 43) binding table.
var Library = &scheme.Library{Name: "(srfi 43)", Doc: "SRFI-43: vector library (iterators passing the index).", ImportOnly: true,
	Source: scheme.LibrarySource("srfi43.scm", source),
	Reexports: []string{"make-vector", "vector", "vector?", "vector-ref", "vector-length", "vector-set!",
		"vector-unfold", "vector-unfold-right", "vector-reverse-copy", "vector-append", "vector-concatenate",
		"vector-empty?", "vector=", "vector-index", "vector-skip", "vector-index-right", "vector-skip-right",
		"vector-binary-search", "vector-any", "vector-every", "vector-swap!", "vector-fill!", "vector-reverse!",
		"vector-copy!", "vector-reverse-copy!", "vector->list", "reverse-vector->list"},
	Procs: []scheme.Proc{
		{Name: "vector-fold", Spec: spec, LazyArgs: foldArgs, Fn: vectorFold,
			Doc: "Left fold with the index: (kons i state e1 e2 ...) from knil, up to the shortest vector (SRFI-133's kons takes no index)."},
		{Name: "vector-fold-right", Spec: spec, LazyArgs: foldArgs, Fn: vectorFoldRight,
			Doc: "vector-fold from the last index of the shortest vector down to 0."},
		{Name: "vector-map", Spec: spec, LazyArgs: mapArgs, Fn: vectorMap,
			Doc: "A new vector of (f i e1 e2 ...), as long as the shortest vector (R7RS's f takes no index)."},
		{Name: "vector-map!", Spec: spec, LazyArgs: mapArgs, Fn: vectorMapBang,
			Doc: "Stores (f i e1 e2 ...) into vec at each index i of the shortest vector."},
		{Name: "vector-for-each", Spec: spec, LazyArgs: mapArgs, Fn: vectorForEach,
			Doc: "Calls (f i e1 e2 ...) for each index i of the shortest vector, in order (R7RS's f takes no index)."},
		{Name: "vector-count", Spec: spec, LazyArgs: countArgs, Fn: vectorCount,
			Doc: "The number of indexes i for which (pred? i e1 e2 ...) is true."},
		{Name: "vector-copy", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("vec", vec), scheme.Opt("start", ix, nil), scheme.Opt("end", ix, nil), scheme.Opt("fill", nil, nil))
		}, Fn: vectorCopy,
			Doc: "A new vector of the elements of vec from start to end; end may pass the end of vec, the rest being fill (unspecified by default)."},
		{Name: "list->vector", Spec: spec, LazyArgs: sliceArgs, Fn: listToVector,
			Doc: "A vector of the elements of list from start (0) to end (its length)."},
		{Name: "reverse-list->vector", Spec: spec, LazyArgs: sliceArgs, Fn: reverseListToVector,
			Doc: "A vector of the elements of list from start (0) to end (its length), in reverse order."},
		{Name: "%srfi43-vector-fold", Spec: spec, Sig: "(%srfi43-vector-fold kons knil vec vec ...)", Doc: "The Scheme body of vector-fold."},
		{Name: "%srfi43-vector-fold-right", Spec: spec, Sig: "(%srfi43-vector-fold-right kons knil vec vec ...)", Doc: "The Scheme body of vector-fold-right."},
		{Name: "%srfi43-vector-map", Spec: spec, Sig: "(%srfi43-vector-map f vec vec ...)", Doc: "The Scheme body of vector-map."},
		{Name: "%srfi43-vector-map!", Spec: spec, Sig: "(%srfi43-vector-map! f vec vec ...)", Doc: "The Scheme body of vector-map!."},
		{Name: "%srfi43-vector-for-each", Spec: spec, Sig: "(%srfi43-vector-for-each f vec vec ...)", Doc: "The Scheme body of vector-for-each."},
		{Name: "%srfi43-vector-count", Spec: spec, Sig: "(%srfi43-vector-count pred? vec vec ...)", Doc: "The Scheme body of vector-count."},
		{Name: "%srfi43-vector-copy", Spec: spec, Sig: "(%srfi43-vector-copy vec [start end fill])", Doc: "The Scheme body of vector-copy."},
		{Name: "%srfi43-list->vector", Spec: spec, Sig: "(%srfi43-list->vector list [start end])", Doc: "The Scheme body of list->vector."},
		{Name: "%srfi43-reverse-list->vector", Spec: spec, Sig: "(%srfi43-reverse-list->vector list [start end])", Doc: "The Scheme body of reverse-list->vector."},
	}}

func call(th *scheme.Thread, name string, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, name, "%srfi43-"+name, a)
}

// vectorFold implements vector-fold.
func vectorFold(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-fold", a)
}

// vectorFoldRight implements vector-fold-right.
func vectorFoldRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-fold-right", a)
}

// vectorMap implements vector-map.
func vectorMap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-map", a)
}

// vectorMapBang implements vector-map!.
func vectorMapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-map!", a)
}

// vectorForEach implements vector-for-each.
func vectorForEach(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-for-each", a)
}

// vectorCount implements vector-count.
func vectorCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-count", a)
}

// vectorCopy implements vector-copy.
func vectorCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "vector-copy", a)
}

// listToVector implements list->vector.
func listToVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "list->vector", a)
}

// reverseListToVector implements reverse-list->vector.
func reverseListToVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "reverse-list->vector", a)
}
