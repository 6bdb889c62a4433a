// Terminal detection for the libraries that behave differently on one.

package scheme

import "os"

// A Filer reads or writes through an *os.File and says which: a wrapper
// of standard input (the REPL's cancellable one) implements it so that
// [TerminalFile] sees the terminal behind it.
type Filer interface {
	File() *os.File // nil when there is no file behind
}

// TerminalFile returns the *os.File behind x when it is open on a
// terminal, else nil: x is what a port's Host or an interpreter's Stdin
// holds, an *os.File or a [Filer]. A file is a terminal when its terminal
// attributes can be read (isatty), so /dev/null and other character
// devices are not.
func TerminalFile(x any) *os.File {
	if fl, ok := x.(Filer); ok {
		x = fl.File()
	}
	f, ok := x.(*os.File)
	if !ok || f == nil {
		return nil
	}
	if !isTerminal(f) {
		return nil
	}
	return f
}
