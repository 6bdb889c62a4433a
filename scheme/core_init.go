// initCore: special forms, control procedures and boot code of a new Interp.

package scheme

func (in *Interp) initCore() {
	in.initSpecials()
	in.initControl()
	in.initWriteString()
	in.loadBoot()
	in.initTestLib()
	in.initBuiltinDocs()
}

// Parameter returns the interp's parameter object made from pd.
func (in *Interp) initWriteString() {
	in.Define("%write-string", simpleProc("%write-string", 1, false, func(th *Thread, a []Value) (Value, error) {
		return NewString(WriteString(a[0])), nil
	}))
}

// Parameter(pd *ParamDef) *Parameter { return in.parameter(pd) }
