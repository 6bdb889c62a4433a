// Record printers: CHICKEN's set-record-printer!, consulted by write and display.

package scheme

import (
	"context"
	"sync"
)

// recordPrinters maps a record type (*RecordType or ExtRecordType, or its
// name as a string) to the procedure (lambda (record port) …) that prints
// its instances.
type recordPrinters struct {
	mu sync.RWMutex
	m  map[any]Value
}

// printerKey returns the table key of a record type or type name.
func printerKey(t Value) (any, bool) {
	switch x := t.(type) {
	case *RecordType:
		if x.Descriptor != nil {
			return printerKey(x.Descriptor)
		}
		return x, true
	case *Symbol:
		return x.Name, true
	case ExtRecordType:
		return x, true
	}
	return nil, false
}

// ExtRecord is implemented by the records of a type another package
// defines (R6RS's, in rnrsrecords), so that set-record-printer! prints
// them as it prints [*Record]s: RecordType returns the record's type.
type ExtRecord interface {
	Value
	RecordType() ExtRecordType
}

// ExtRecordType is implemented by the record types of an [ExtRecord]:
// set-record-printer! takes one, or its name RecordTypeName as a symbol.
type ExtRecordType interface {
	Value
	RecordTypeName() string
}

// isRecord reports whether v is a record a printer may print.
func isRecord(v Value) bool {
	switch v.(type) {
	case *Record, ExtRecord:
		return true
	}
	return false
}

// SetRecordPrinter makes write and display print the records of type t (a
// record type, an [ExtRecordType], or its name as a symbol) by calling proc
// with the record and an output port; proc #f removes the printer. It
// reports false when t is none of them.
func (in *Interp) SetRecordPrinter(t, proc Value) bool {
	k, ok := printerKey(t)
	if !ok {
		return false
	}
	in.printers.mu.Lock()
	defer in.printers.mu.Unlock()
	if proc == Value(False) {
		delete(in.printers.m, k)
		return true
	}
	if in.printers.m == nil {
		in.printers.m = map[any]Value{}
	}
	in.printers.m[k] = proc
	return true
}

// RecordPrinter returns the printer set for the record type t (a record
// type, an [ExtRecordType], or its name as a symbol) by
// [Interp.SetRecordPrinter], or #f. As in CHICKEN, where a record type is
// its name, a type without a printer of its own has its name's, and a
// name without one has that of a type of that name (one of them, if
// several have one).
func (in *Interp) RecordPrinter(t Value) Value {
	k, ok := printerKey(t)
	if !ok {
		return False
	}
	in.printers.mu.RLock()
	defer in.printers.mu.RUnlock()
	if p, ok := in.printers.m[k]; ok {
		return p
	}
	if name, ok := k.(string); ok {
		for k, p := range in.printers.m {
			if printerTypeName(k) == name {
				return p
			}
		}
	} else if p, ok := in.printers.m[printerTypeName(k)]; ok {
		return p
	}
	return False
}

// printerTypeName returns the name of the record type a printer table key
// is, or "" for a name.
func printerTypeName(k any) string {
	switch t := k.(type) {
	case *RecordType:
		return t.Name
	case ExtRecordType:
		return t.RecordTypeName()
	}
	return ""
}

// recordPrinterOf returns the printer of the type of v (a *Record or an
// ExtRecord), looked up by the type and then by its name.
func (in *Interp) recordPrinterOf(v Value) (Value, bool) {
	var t any
	var name string
	switch r := v.(type) {
	case *Record:
		t, name = r.Type, r.Type.Name
		if r.Type.Descriptor != nil { // an R6RS subtype's record: printers key on its rtd
			t = r.Type.Descriptor
		}
	case ExtRecord:
		et := r.RecordType()
		t, name = et, et.RecordTypeName()
	default:
		return nil, false
	}
	in.printers.mu.RLock()
	defer in.printers.mu.RUnlock()
	if p, ok := in.printers.m[t]; ok {
		return p, true
	}
	p, ok := in.printers.m[name]
	return p, ok
}

// printNeedsInterp reports whether printing needs the interpreter: a
// record printer is set, the flonum print precision is not the default, or
// the interpreter prints as R6RS or R7RS (so the printing procedures take
// [Thread.AppendValue]'s path).
func (in *Interp) printNeedsInterp() bool {
	if in.FlonumPrintPrecision() != DefaultFlonumPrintPrecision || in.r6rsProgram.Load() || in.r7rsProgram.Load() || in.foldCasePrint.Load() {
		return true
	}
	in.printers.mu.RLock()
	defer in.printers.mu.RUnlock()
	return len(in.printers.m) > 0
}

// AppendValue is [AppendValue] for printing procedures (display, write,
// format …): records whose type has a printer (set-record-printer!) are
// printed by calling it on th with a string output port. The error is the
// printer's.
func (th *Thread) AppendValue(dst []byte, v Value, mode PrintMode) ([]byte, error) {
	if !th.interp.printNeedsInterp() {
		return AppendValue(dst, v, mode), nil
	}
	var err error
	hook := func(r Value) ([]byte, bool) {
		proc, ok := th.interp.recordPrinterOf(r)
		if !ok || err != nil {
			return nil, false
		}
		port := newMemOutput("(string)", true)
		if _, err = th.Call(proc, r, port); err != nil {
			return nil, false
		}
		port.mu.Lock()
		defer port.mu.Unlock()
		return append([]byte(nil), port.wbuf...), true
	}
	st := th.interp.printStyle()
	if th.interp.foldCasePrint.Load() {
		st.foldCase = th.lookupParam(th.interp.parameter(CaseSensitive)) == Value(False)
	}
	dst = appendValue(dst, v, mode, hook, st)
	return dst, err
}

// WriteValue returns v as write (mode [ModeWrite]) or display ([ModeDisplay])
// prints it in in: records whose type has a printer (set-record-printer!)
// are printed by calling it on a new thread whose context is ctx. v is
// printed under the interpreter's lock, as [Interp.WithLock] says (the
// REPL prints values background threads may change). Go code running
// inside a Scheme thread uses [Thread.AppendValue].
func (in *Interp) WriteValue(ctx context.Context, v Value, mode PrintMode) (s string, err error) {
	err = in.WithLock(ctx, func(th *Thread) error {
		b, err := th.AppendValue(nil, v, mode)
		s = string(b)
		return err
	})
	return s, err
}

// WithLock runs f on a new thread of in whose context is ctx, holding the
// interpreter's lock (gil.go) as a thread's Scheme code does: Go code
// outside any thread that walks or changes Scheme data another thread
// may change (a REPL command describing a value, a host printing an
// error's irritants) reads it whole, never half-way through a change. f
// calls Scheme procedures with th.Call, which keeps the lock; f itself
// must not block, since no other thread runs Scheme code meanwhile (a
// holder stuck in one state for a second has the lock taken over, and f
// then runs unprotected).
func (in *Interp) WithLock(ctx context.Context, f func(th *Thread) error) error {
	th := in.newThread(ctx)
	defer th.release()
	th.lockRun()
	defer th.unlockRun()
	return f(th)
}
