// The boot code (boot/*.scm) and the table of the procedures it defines.

package scheme

import (
	_ "embed" // the boot files
	"sync"
)

// The boot files, in load order (TestBootFiles checks that they are every
// boot/*.scm, sorted): embedded as strings, which cost nothing at
// start-up, where reading an embed.FS copies each file twice.
var (
	//go:embed boot/00-core.scm
	bootCore string
	//go:embed boot/01-sequences.scm
	bootSequences string
	//go:embed boot/data-lists.scm
	bootDataLists string
)

// bootFiles names the boot files, in load order, and bootTexts holds
// their texts.
var (
	bootFiles = []string{"boot/00-core.scm", "boot/01-sequences.scm", "boot/data-lists.scm"}
	bootTexts = []*string{&bootCore, &bootSequences, &bootDataLists}
)

// bootSources lists the boot files in load order, each read once per
// process (see [Source.read]).
var bootSources = sync.OnceValue(func() []*Source {
	out := make([]*Source, len(bootFiles))
	for i, f := range bootFiles {
		out[i] = LibrarySource(f, *bootTexts[i])
	}
	return out
})

// bootFileRows are the numbers of bootLibrary's rows of the procedures
// each boot file but the last defines, in order; the last file's are the
// rest (TestBootRows).
var bootFileRows = []int{2, 6}

// bootFileLibraries are bootLibrary's rows of each boot file, for
// evaluating each file when one of its names is first needed.
var bootFileLibraries = func() []*Library {
	out := make([]*Library, 0, len(bootFiles))
	rows := bootLibrary.Procs
	for _, n := range bootFileRows {
		out = append(out, &Library{Name: bootLibrary.Name, Procs: rows[:n]})
		rows = rows[n:]
	}
	return append(out, &Library{Name: bootLibrary.Name, Procs: rows})
}()

// bootLibrary documents the procedures the boot code (boot/*.scm) defines:
// its rows have no Fn, and registering the table binds nothing.
var bootLibrary = &Library{Name: "(tlsport boot)", Doc: "Procedures written in Scheme (boot/*.scm): higher-order list, vector and string procedures, SRFI-1, sorting, port conveniences.", Procs: []Proc{
	{Name: "map", Spec: "r7rs §6.10", Sig: "(map proc list1 list ...)", Args: Params{Required: []string{"proc", "list1"}, Rest: "list"},
		Doc: "List of proc applied elementwise; stops at the shortest list."},
	{Name: "for-each", Spec: "r7rs §6.10", Sig: "(for-each proc list1 list ...)", Args: Params{Required: []string{"proc", "list1"}, Rest: "list"},
		Doc: "Applies proc elementwise for effect."},
	{Name: "vector-map", Spec: "r7rs §6.10", Sig: "(vector-map proc vector1 vector ...)", Args: Params{Required: []string{"proc", "vector1"}, Rest: "vector"},
		Doc: "Vector of proc applied elementwise (shortest vector)."},
	{Name: "vector-for-each", Spec: "r7rs §6.10", Sig: "(vector-for-each proc vector1 vector ...)", Args: Params{Required: []string{"proc", "vector1"}, Rest: "vector"},
		Doc: "Applies proc elementwise to vectors."},
	{Name: "string-map", Spec: "r7rs §6.10", Sig: "(string-map proc string1 string ...)", Args: Params{Required: []string{"proc", "string1"}, Rest: "string"},
		Doc: "String of proc applied to the characters (shortest string); also SRFI-13's (string-map proc s [start end])."},
	{Name: "string-for-each", Spec: "r7rs §6.10", Sig: "(string-for-each proc string1 string ...)", Args: Params{Required: []string{"proc", "string1"}, Rest: "string"},
		Doc: "Applies proc to the characters of the strings; also SRFI-13's (string-for-each proc s [start end])."},
	{Name: "print", Spec: "CHICKEN (chicken base)", Sig: "(print obj ...)", Args: Params{Rest: "obj"},
		Doc: "Displays the objs then a newline."},
	{Name: "make-list-of-thunk", Spec: "tlsport", Args: Params{Required: []string{"n", "thunk"}},
		Doc: "List of n results of (thunk)."},
	{Name: "call-with-port", Spec: "r7rs §6.13.1", Args: Params{Required: []string{"port", "proc"}},
		Doc: "Calls proc with port, closing it when proc returns."},
	{Name: "call-with-input-file", Spec: "r7rs §6.13.1", Sig: "(call-with-input-file file proc mode ...)", Args: Params{Required: []string{"file", "proc"}, Rest: "mode"},
		Doc: "Calls proc with an input port on file. The modes (CHICKEN's, e.g. #:append) are passed to the open."},
	{Name: "call-with-output-file", Spec: "r7rs §6.13.1", Sig: "(call-with-output-file file proc mode ...)", Args: Params{Required: []string{"file", "proc"}, Rest: "mode"},
		Doc: "Calls proc with an output port on file. The modes (CHICKEN's, e.g. #:append) are passed to the open."},
	{Name: "with-input-from-file", Spec: "r7rs §6.13.1", Sig: "(with-input-from-file file thunk mode ...)", Args: Params{Required: []string{"file", "thunk"}, Rest: "mode"},
		Doc: "Calls thunk with current-input-port reading file. The modes (CHICKEN's, e.g. #:append) are passed to the open."},
	{Name: "with-output-to-file", Spec: "r7rs §6.13.1", Sig: "(with-output-to-file file thunk mode ...)", Args: Params{Required: []string{"file", "thunk"}, Rest: "mode"},
		Doc: "Calls thunk with current-output-port writing file. The modes (CHICKEN's, e.g. #:append) are passed to the open."},
	{Name: "with-output-to-string", Spec: "CHICKEN (chicken port)", Args: Params{Required: []string{"thunk"}},
		Doc: "The output of thunk as a string."},
	{Name: "call-with-output-string", Spec: "CHICKEN (chicken port)", Args: Params{Required: []string{"proc"}},
		Doc: "Calls proc with a string port, returns its contents."},
	{Name: "with-input-from-string", Spec: "CHICKEN (chicken port)", Args: Params{Required: []string{"string", "thunk"}},
		Doc: "Calls thunk reading from string."},
	{Name: "call-with-input-string", Spec: "CHICKEN (chicken port)", Args: Params{Required: []string{"string", "proc"}},
		Doc: "Calls proc with an input port on string."},
	{Name: "fold", Spec: "SRFI-1", Sig: "(fold kons knil list ...)", Args: Params{Required: []string{"kons", "knil"}, Rest: "list"},
		Doc: "Left fold: (kons elem acc)."},
	{Name: "fold-left", Spec: "R6RS", Sig: "(fold-left f init list ...)", Args: Params{Required: []string{"f", "init"}, Rest: "list"},
		Doc: "Left fold: (f acc elem)."},
	{Name: "fold-right", Spec: "SRFI-1", Sig: "(fold-right kons knil list ...)", Args: Params{Required: []string{"kons", "knil"}, Rest: "list"},
		Doc: "Right fold."},
	{Name: "reduce", Spec: "SRFI-1", Args: Params{Required: []string{"f", "ridentity", "list"}},
		Doc: "Left fold without an initial value."},
	{Name: "reduce-right", Spec: "SRFI-1", Args: Params{Required: []string{"f", "ridentity", "list"}},
		Doc: "Right fold without an initial value."},
	{Name: "filter", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "Elements satisfying pred."},
	{Name: "remove", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "Elements not satisfying pred."},
	{Name: "filter!", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "filter, may reuse list."},
	{Name: "remove!", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "remove, may reuse list."},
	{Name: "partition", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "Two values: elements satisfying pred and the others."},
	{Name: "find-tail", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "First pair whose car satisfies pred, or #f."},
	{Name: "find", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "First element satisfying pred, or #f."},
	{Name: "any", Spec: "SRFI-1", Sig: "(any pred list ...)", Args: Params{Required: []string{"pred"}, Rest: "list"},
		Doc: "First true result of pred, or #f."},
	{Name: "every", Spec: "SRFI-1", Sig: "(every pred list ...)", Args: Params{Required: []string{"pred"}, Rest: "list"},
		Doc: "#f if pred fails on some element, else its last result."},
	{Name: "count", Spec: "SRFI-1", Sig: "(count pred list ...)", Args: Params{Required: []string{"pred"}, Rest: "list"},
		Doc: "Number of elements satisfying pred."},
	{Name: "filter-map", Spec: "SRFI-1", Sig: "(filter-map f list ...)", Args: Params{Required: []string{"f"}, Rest: "list"},
		Doc: "The true results of f."},
	{Name: "append-map", Spec: "SRFI-1", Sig: "(append-map f list ...)", Args: Params{Required: []string{"f"}, Rest: "list"},
		Doc: "Appends the results of f."},
	{Name: "append-map!", Spec: "SRFI-1", Sig: "(append-map! f list ...)", Args: Params{Required: []string{"f"}, Rest: "list"},
		Doc: "append-map, may reuse storage."},
	{Name: "map-in-order", Spec: "SRFI-1", Sig: "(map-in-order f list ...)", Args: Params{Required: []string{"f"}, Rest: "list"},
		Doc: "map applying f left to right."},
	{Name: "list-index", Spec: "SRFI-1", Sig: "(list-index pred list ...)", Args: Params{Required: []string{"pred"}, Rest: "list"},
		Doc: "Index of the first element satisfying pred, or #f."},
	{Name: "take-while", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "Longest prefix satisfying pred."},
	{Name: "take-while!", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "take-while, may reuse list."},
	{Name: "drop-while", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "list without its longest prefix satisfying pred."},
	{Name: "span", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "Two values: take-while and drop-while."},
	{Name: "break", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "span with pred negated."},
	{Name: "span!", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "span, may reuse list."},
	{Name: "break!", Spec: "SRFI-1", Args: Params{Required: []string{"pred", "list"}},
		Doc: "break, may reuse list."},
	{Name: "delete", Spec: "SRFI-1", Sig: "(delete x list [=])", Args: Params{Required: []string{"x", "list"}, Optional: []string{"="}},
		Doc: "list without the elements equal to x."},
	{Name: "delete!", Spec: "SRFI-1", Sig: "(delete! x list [=])", Args: Params{Required: []string{"x", "list"}, Optional: []string{"="}},
		Doc: "delete, may reuse list."},
	{Name: "delete-duplicates", Spec: "SRFI-1", Sig: "(delete-duplicates list [=])", Args: Params{Required: []string{"list"}, Optional: []string{"="}},
		Doc: "list without later duplicates."},
	{Name: "delete-duplicates!", Spec: "SRFI-1", Sig: "(delete-duplicates! list [=])", Args: Params{Required: []string{"list"}, Optional: []string{"="}},
		Doc: "delete-duplicates, may reuse list."},
	{Name: "alist-delete", Spec: "SRFI-1", Sig: "(alist-delete key alist [=])", Args: Params{Required: []string{"key", "alist"}, Optional: []string{"="}},
		Doc: "alist without the entries for key."},
	{Name: "alist-delete!", Spec: "SRFI-1", Sig: "(alist-delete! key alist [=])", Args: Params{Required: []string{"key", "alist"}, Optional: []string{"="}},
		Doc: "alist-delete, may reuse alist."},
	{Name: "list-tabulate", Spec: "SRFI-1", Args: Params{Required: []string{"n", "proc"}},
		Doc: "(list (proc 0) ... (proc n-1))."},
	{Name: "unfold", Spec: "SRFI-1", Sig: "(unfold stop? mapper successor seed [tail-gen])", Args: Params{Required: []string{"stop?", "mapper", "successor", "seed"}, Optional: []string{"tail-gen"}},
		Doc: "Builds a list from a seed."},
	{Name: "unfold-right", Spec: "SRFI-1", Sig: "(unfold-right stop? mapper successor seed [tail])", Args: Params{Required: []string{"stop?", "mapper", "successor", "seed"}, Optional: []string{"tail"}},
		Doc: "Builds a list from a seed, right to left."},
	{Name: "pair-for-each", Spec: "SRFI-1", Sig: "(pair-for-each proc list ...)", Args: Params{Required: []string{"proc"}, Rest: "list"},
		Doc: "Applies proc to the successive pairs."},
	{Name: "list=", Spec: "SRFI-1", Sig: "(list= = list ...)", Args: Params{Required: []string{"="}, Rest: "list"},
		Doc: "Lists elementwise equal by =."},
	{Name: "merge", Spec: "CHICKEN (chicken sort)", Args: Params{Required: []string{"list1", "list2", "less?"}},
		Doc: "Merges two sorted lists."},
	{Name: "sort", Spec: "CHICKEN (chicken sort)", Args: Params{Required: []string{"sequence", "less?"}},
		Doc: "Sorted copy of a list or vector (stable)."},
	{Name: "sort!", Spec: "CHICKEN (chicken sort)", Args: Params{Required: []string{"sequence", "less?"}},
		Doc: "Sorts in place."},
	{Name: "list-sort", Spec: "SRFI-132", Args: Params{Required: []string{"less?", "list"}},
		Doc: "Sorted copy of list."},
	{Name: "sorted?", Spec: "CHICKEN (chicken sort)", Args: Params{Required: []string{"sequence", "less?"}},
		Doc: "Is sequence sorted by less??"},
}}
