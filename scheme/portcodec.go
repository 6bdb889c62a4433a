// ProcCodec: a codec made of Scheme procedures, shared by the library that makes it and the one that transcodes with it.

package scheme

// ProcCodec is a codec made of Scheme procedures, Sagittarius's make-codec
// (its (sagittarius) library makes it): the transcoders of (rnrs io
// ports) accept it beside their own codecs, and a port transcoded with it
// calls Getc for each character it reads and Putc for each it writes, on
// the Scheme thread doing the port operation. It lives in the core so that
// the two libraries need not import each other. Its fields do not change
// once it is made.
type ProcCodec struct {
	Name *Symbol
	// Getc is called as (getc binary-input-port error-handling-mode
	// check-bom? data), check-bom? #t on the first call only; it returns
	// the code point of the next character, or the eof object.
	Getc Value
	// Putc is called as (putc binary-output-port char error-handling-mode
	// data) and writes the encoding of char.
	Putc Value
	// Data is the user data handed to Getc and Putc.
	Data Value
}

// TypeName implements Value.
func (*ProcCodec) TypeName() string { return "codec" }

// Repr implements Repr.
func (c *ProcCodec) Repr() string { return "#<codec " + c.Name.Name + ">" }
