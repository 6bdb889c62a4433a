// make-codec: Sagittarius's codecs made of procedures, which the transcoders of (rnrs io ports) use.

package sagittarius

import "github.com/tlsport/tlsport/scheme"

// makeCodec implements make-codec: the codec is a [scheme.ProcCodec], a
// core type, so that (rnrs io ports) transcodes with it without this
// package and that one importing each other.
func makeCodec(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &scheme.ProcCodec{Name: a[0].(*scheme.Symbol), Getc: a[1], Putc: a[2], Data: a[3]}, nil
}

func codecRows() []scheme.Proc {
	return []scheme.Proc{
		r("make-codec", "A codec named symbol for make-transcoder: (getc binary-input-port error-handling-mode check-bom? data) returns the code point of the next character or the eof object (check-bom? #t on the first call only); (putc binary-output-port char error-handling-mode data) writes char.",
			lam(req("symbol", scheme.TypeSymbol), req("getc", scheme.TypeProcedure), req("putc", scheme.TypeProcedure), req("data", nil)), makeCodec),
	}
}
