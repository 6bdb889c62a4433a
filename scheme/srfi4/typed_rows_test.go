package srfi4

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

var update = flag.Bool("update", false, "rewrite the typed rows of srfi4.go")

// The lines around the generated rows in srfi4.go.
const (
	typedBegin = "\t\t// BEGIN typed rows\n"
	typedEnd   = "\t\t// END typed rows\n"
)

// TestTypedRows checks that the typed rows of srfi4.go (between its BEGIN
// and END typed rows lines), the rows of the per-type procedures written
// out as static data so that they cost nothing at start-up, are what
// makeTypedRows makes; -update rewrites them.
func TestTypedRows(t *testing.T) {
	var b strings.Builder
	for _, r := range makeTypedRows() {
		fmt.Fprintf(&b, "\t\t{Name: %q, Spec: %s, Sig: %q, Doc: %q},\n", r.Name, specConst(r.Spec), r.Sig, r.Doc)
	}
	src, err := os.ReadFile("srfi4.go")
	if err != nil {
		t.Fatal(err)
	}
	head, rest, ok1 := strings.Cut(string(src), typedBegin)
	have, tail, ok2 := strings.Cut(rest, typedEnd)
	if !ok1 || !ok2 {
		t.Fatalf("srfi4.go has no %q and %q lines", typedBegin, typedEnd)
	}
	if *update {
		if err := os.WriteFile("srfi4.go", []byte(head+typedBegin+b.String()+typedEnd+tail), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if have != b.String() {
		t.Errorf("the typed rows of srfi4.go are out of date: go test -run TypedRows -update ./scheme/srfi4/")
	}
}

func specConst(s string) string {
	if s == chicken {
		return "chicken"
	}
	return "spec"
}

// makeTypedRows makes the typed rows of srfi4.go.
func makeTypedRows() []scheme.Proc {
	tags := []string{"u8", "s8", "u16", "s16", "u32", "s32", "u64", "s64", "f32", "f64"}
	rows := make([]scheme.Proc, 0, 13*len(tags)) // 13 rows per type
	for _, tag := range tags {
		v := tag + "vector"
		el := "an exact integer in the range of " + tag
		if tag[0] == 'f' {
			el = "a flonum, or an exact integer stored inexact"
		}
		row := func(name, sig, s, doc string) {
			rows = append(rows, scheme.Proc{Name: name, Spec: s, Sig: sig, Doc: doc})
		}
		row(v+"?", "("+v+"? obj)", spec, "Is obj a "+v+"?")
		row("make-"+v, "(make-"+v+" n [value nongc finalize])", spec, "A new "+v+" of n elements, each value (default 0; "+el+"); nongc and finalize are accepted and ignored.")
		row(v, "("+v+" value ...)", spec, "A new "+v+" of the values, each "+el+".")
		row(v+"-length", "("+v+"-length "+v+")", spec, "The number of elements of the "+v+".")
		row(v+"-ref", "("+v+"-ref "+v+" i)", spec, "Element i of the "+v+".")
		row(v+"-set!", "("+v+"-set! "+v+" i value)", spec, "Stores value ("+el+") as element i of the "+v+".")
		row(v+"->list", "("+v+"->list "+v+")", spec, "The elements of the "+v+" as a list.")
		row("list->"+v, "(list->"+v+" list)", spec, "A new "+v+" of the elements of list.")
		row(v+"->blob", "("+v+"->blob "+v+")", chicken, "The elements of the "+v+" packed (little-endian) in a new blob.")
		row(v+"->blob/shared", "("+v+"->blob/shared "+v+")", chicken, "As "+v+"->blob, but the blob shares the vector's storage: a change to either is seen in both.")
		row("blob->"+v, "(blob->"+v+" blob)", chicken, "A new "+v+" unpacked (little-endian) from blob.")
		row("blob->"+v+"/shared", "(blob->"+v+"/shared blob)", chicken, "As blob->"+v+", but the vector shares the blob's storage: a change to either is seen in both.")
		row("sub"+v, "(sub"+v+" "+v+" from to)", chicken, "A new "+v+" of the elements from index from up to to.")
	}
	return rows
}
