// The names (rnrs io ports), (rnrs io simple) and (rnrs files) export, from r6rs-lib §8–9: the rows of this package and the core's bindings (Library.Reexports).

package rnrsio

import "strings"

// ioNames returns the names of r6rs-lib §8 (ports and simple I/O share the
// condition types), which (rnrs io ports) and (rnrs io simple) export.
func ioNames() []string {
	return strings.Fields(`binary-port? buffer-mode buffer-mode? bytevector->string call-with-bytevector-output-port
call-with-input-file call-with-output-file call-with-port call-with-string-output-port
close-input-port close-output-port close-port current-error-port current-input-port
current-output-port display eof-object eof-object? eol-style error-handling-mode file-options
flush-output-port get-bytevector-all get-bytevector-n get-bytevector-some get-char get-datum
get-line get-string-all get-string-n get-string-n! get-u8 i/o-decoding-error?
i/o-encoding-error-char i/o-encoding-error? i/o-error-filename i/o-error-port i/o-error-position
i/o-error? i/o-file-already-exists-error? i/o-file-does-not-exist-error?
i/o-file-is-read-only-error? i/o-file-protection-error? i/o-filename-error?
i/o-invalid-position-error? i/o-port-error? i/o-read-error? i/o-write-error? input-port?
latin-1-codec lookahead-char lookahead-u8 make-i/o-decoding-error make-i/o-encoding-error
make-i/o-error make-i/o-file-already-exists-error make-i/o-file-does-not-exist-error
make-i/o-file-is-read-only-error make-i/o-file-protection-error make-i/o-filename-error
make-i/o-invalid-position-error make-i/o-port-error make-i/o-read-error make-i/o-write-error
make-transcoder native-eol-style native-transcoder newline open-bytevector-input-port
open-bytevector-output-port open-file-input-port open-file-input/output-port open-file-output-port
open-input-file open-output-file open-string-input-port open-string-output-port
output-port-buffer-mode output-port? peek-char port-eof? port-has-port-position?
port-has-set-port-position!? port-position port-transcoder port? put-bytevector put-char put-datum
put-string put-u8 read read-char set-port-position! standard-error-port standard-input-port
standard-output-port string->bytevector textual-port? transcoded-port transcoder-codec
transcoder-eol-style transcoder-error-handling-mode utf-16-codec utf-8-codec with-input-from-file
with-output-to-file write write-char`)
}
