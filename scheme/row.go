package scheme

// Row is the binding-table row of a procedure written in Go: name, the
// section of the spec it follows, the ,help text, its parameters and its
// function. Library packages build their tables of such rows with it
// instead of spelling out the Proc literal; a row that needs more (Sig,
// Syntax, ValidateKeys …) is written as a literal.
func Row(name, spec, doc string, args Params, fn PrimFn) Proc {
	return Proc{Name: name, Spec: spec, Doc: doc, Args: args, Fn: fn}
}

// IsA is the body of a type predicate such as fixnum? or irregex?: #t when
// v is a T, else #f.
func IsA[T Value](v Value) Value {
	_, ok := v.(T)
	return MakeBool(ok)
}
