// Package rnrsio is R6RS's (rnrs io ports), (rnrs io simple) and (rnrs
// files) over the core's ports: transcoders and codecs, the get-/put-
// procedures, memory, file and custom ports, port positions and the i/o
// condition predicates. A port of the core is binary and textual at once
// (UTF-8), so TLS, socket and (chicken tcp) ports work with both families;
// transcoded-port gives a textual port in another codec or line-end style.
package rnrsio

import "github.com/tlsport/tlsport/scheme"

const (
	specPorts  = "r6rs-lib §8.2"
	specCond   = "r6rs-lib §8.1"
	specSimple = "r6rs-lib §8.3"
)

func portRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("latin-1-codec", "r6rs-lib §8.2.4", "The Latin-1 codec.", scheme.Lambda(), latin1Codec),
		scheme.Row("utf-8-codec", "r6rs-lib §8.2.4", "The UTF-8 codec.", scheme.Lambda(), utf8Codec),
		scheme.Row("utf-16-codec", "r6rs-lib §8.2.4", "The UTF-16 codec (input: byte order from a BOM, else big-endian; output big-endian).", scheme.Lambda(), utf16Codec),
		scheme.Row("native-eol-style", "r6rs-lib §8.2.4", "The native end-of-line style: lf.", scheme.Lambda(), nativeEolStyle),
		scheme.Row("make-transcoder", "r6rs-lib §8.2.4", "A transcoder of codec, eol-style (default native) and handling-mode (replace, raise or ignore; default replace).",
			scheme.Lambda(scheme.Req("codec", typeCodec), scheme.Opt("eol-style", nil, nil), scheme.Opt("handling-mode", nil, nil)), makeTranscoder),
		scheme.Row("native-transcoder", "r6rs-lib §8.2.4", "The native transcoder: UTF-8, lf, replace.", scheme.Lambda(), nativeTranscoder),
		scheme.Row("transcoder-codec", "r6rs-lib §8.2.4", "The codec of a transcoder.", scheme.Lambda(scheme.Req("transcoder", typeTranscoder)), transcoderCodec),
		scheme.Row("transcoder-eol-style", "r6rs-lib §8.2.4", "The eol style of a transcoder.", scheme.Lambda(scheme.Req("transcoder", typeTranscoder)), transcoderEolStyle),
		scheme.Row("transcoder-error-handling-mode", "r6rs-lib §8.2.4", "The error-handling mode of a transcoder.", scheme.Lambda(scheme.Req("transcoder", typeTranscoder)), transcoderErrorHandlingMode),
		scheme.Row("buffer-mode?", "r6rs-lib §8.2.2", "Is obj one of the symbols none, line, block?", scheme.Lambda(scheme.Req("obj", nil)), bufferModeP),
		scheme.Row("bytevector->string", "r6rs-lib §8.2.4", "Decodes bytevector with transcoder.", scheme.Lambda(scheme.Req("bytevector", scheme.TypeBytevector), scheme.Req("transcoder", typeTranscoder)), bytevectorToString),
		scheme.Row("string->bytevector", "r6rs-lib §8.2.4", "Encodes string with transcoder.", scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Req("transcoder", typeTranscoder)), stringToBytevector),
		scheme.Row("port-transcoder", "r6rs-lib §8.2.6", "The transcoder of a port made by transcoded-port (or a transcoded file or bytevector port), else #f.", scheme.Lambda(scheme.Req("port", typePort)), portTranscoder),
		scheme.Row("transcoded-port", "r6rs-lib §8.2.6", "A textual port reading and writing binary-port through transcoder; closing it closes binary-port.",
			scheme.Lambda(scheme.Req("binary-port", typePort), scheme.Req("transcoder", typeTranscoder)), transcodedPort),
		scheme.Row("port-has-port-position?", "r6rs-lib §8.2.6", "Does port support port-position? (memory, file and custom ports with get-position)", scheme.Lambda(scheme.Req("port", typePort)), portHasPortPositionP),
		scheme.Row("port-position", "r6rs-lib §8.2.6", "The port's position: on a string port the index of the next character (as Chez Scheme and Sagittarius count), on a binary or transcoded port a byte offset, on a custom port what get-position returns.", scheme.Lambda(scheme.Req("port", typePort)), portPosition),
		scheme.Row("port-has-set-port-position!?", "r6rs-lib §8.2.6", "Does port support set-port-position!?", scheme.Lambda(scheme.Req("port", typePort)), portHasSetPortPositionBangP),
		scheme.Row("set-port-position!", "r6rs-lib §8.2.6", "Moves the port to pos (characters on a string port, bytes on a binary or transcoded one); &i/o-invalid-position when out of range. An output string or bytevector port may go beyond its end: the next write fills the gap with NULs (zeros).", scheme.Lambda(scheme.Req("port", typePort), scheme.Req("pos", nil)), setPortPositionBang),
		scheme.Row("port-eof?", "r6rs-lib §8.2.8", "Would the next get-u8 (binary port) or get-char return the eof object? Blocks like lookahead.", scheme.Lambda(scheme.Req("input-port", typeInPort)), portEofP),
		scheme.Row("open-file-input-port", "r6rs-lib §8.2.7", "Binary input port on the file (textual with a transcoder).",
			scheme.Lambda(scheme.Req("filename", scheme.TypeString), scheme.Opt("file-options", nil, nil), scheme.Opt("buffer-mode", nil, nil), scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileInputPort),
		scheme.Row("open-bytevector-input-port", "r6rs-lib §8.2.7", "Binary input port reading a copy of bytevector (textual with a transcoder).",
			scheme.Lambda(scheme.Req("bytevector", scheme.TypeBytevector), scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), openBytevectorInputPort),
		scheme.Row("open-string-input-port", "r6rs-lib §8.2.7", "Textual input port reading string.", scheme.Lambda(scheme.Req("string", scheme.TypeString)), openStringInputPort),
		scheme.Row("standard-input-port", "r6rs-lib §8.2.7", "The standard input port (tlsport: the initial current input port, binary and textual).", scheme.Lambda(), standardInputPort),
		scheme.Row("make-custom-binary-input-port", "r6rs-lib §8.2.7", "Binary input port calling (read! bytevector start count) for bytes; get-position, set-position! and close may be #f.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("read!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomBinaryInputPort),
		scheme.Row("make-custom-textual-input-port", "r6rs-lib §8.2.7", "Textual input port calling (read! string start count) for characters.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("read!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomTextualInputPort),
		scheme.Row("get-u8", "r6rs-lib §8.2.8", "Next byte, or the eof object.", scheme.Lambda(scheme.Req("binary-input-port", typeInPort)), getU8),
		scheme.Row("lookahead-u8", "r6rs-lib §8.2.8", "Next byte without consuming it, or the eof object.", scheme.Lambda(scheme.Req("binary-input-port", typeInPort)), lookaheadU8),
		scheme.Row("get-bytevector-n", "r6rs-lib §8.2.8", "Up to count bytes (fewer only at the end of input), or the eof object.",
			scheme.Lambda(scheme.Req("binary-input-port", typeInPort), scheme.Req("count", scheme.TypeIndex)), getBytevectorN),
		scheme.Row("get-bytevector-n!", "r6rs-lib §8.2.8", "Reads up to count bytes into bytevector at start; the number read or the eof object.",
			scheme.Lambda(scheme.Req("binary-input-port", typeInPort), scheme.Req("bytevector", scheme.TypeBytevector), scheme.Req("start", scheme.TypeIndex), scheme.Req("count", scheme.TypeIndex)), getBytevectorNBang),
		scheme.Row("get-bytevector-some", "r6rs-lib §8.2.8", "The bytes available now (blocking for at least one), or the eof object.",
			scheme.Lambda(scheme.Req("binary-input-port", typeInPort)), getBytevectorSome),
		scheme.Row("get-bytevector-all", "r6rs-lib §8.2.8", "All bytes up to the end of input, or the eof object.", scheme.Lambda(scheme.Req("binary-input-port", typeInPort)), getBytevectorAll),
		scheme.Row("get-char", "r6rs-lib §8.2.9", "Next character, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort)), getChar),
		scheme.Row("lookahead-char", "r6rs-lib §8.2.9", "Next character without consuming it, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort)), lookaheadChar),
		scheme.Row("get-string-n", "r6rs-lib §8.2.9", "Up to count characters, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort), scheme.Req("count", scheme.TypeIndex)), getStringN),
		scheme.Row("get-string-n!", "r6rs-lib §8.2.9", "Reads up to count characters into string at start; the number read or the eof object.",
			scheme.Lambda(scheme.Req("textual-input-port", typeInPort), scheme.Req("string", scheme.TypeString), scheme.Req("start", scheme.TypeIndex), scheme.Req("count", scheme.TypeIndex)), getStringNBang),
		scheme.Row("get-string-all", "r6rs-lib §8.2.9", "All characters up to the end of input, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort)), getStringAll),
		scheme.Row("get-line", "r6rs-lib §8.2.9", "The next line without its linefeed, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort)), getLine),
		scheme.Row("get-datum", "r6rs-lib §8.2.9", "Reads one datum, or the eof object.", scheme.Lambda(scheme.Req("textual-input-port", typeInPort)), getDatum),
		scheme.Row("output-port-buffer-mode", "r6rs-lib §8.2.10", "The buffer mode of the port: none, line or block (that of open-file-output-port's buffer-mode argument, block for a memory port).", scheme.Lambda(scheme.Req("output-port", typeOutPort)), outputPortBufferMode),
		scheme.Row("open-file-output-port", "r6rs-lib §8.2.10", "Binary output port on the file (textual with a transcoder); an existing file is an error unless (file-options no-fail).",
			scheme.Lambda(scheme.Req("filename", scheme.TypeString), scheme.Opt("file-options", nil, nil), scheme.Opt("buffer-mode", nil, nil), scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileOutputPort),
		scheme.Row("open-bytevector-output-port", "r6rs-lib §8.2.10", "Two values: a binary output port (textual with a transcoder) and a procedure returning what was written and emptying it.",
			scheme.Lambda(scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), openBytevectorOutputPort),
		scheme.Row("call-with-bytevector-output-port", "r6rs-lib §8.2.10", "Calls proc with a bytevector output port; returns what it wrote.",
			scheme.Lambda(scheme.Req("proc", scheme.TypeProcedure), scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), callWithBytevectorOutputPort),
		scheme.Row("open-string-output-port", "r6rs-lib §8.2.10", "Two values: a textual output port and a procedure returning what was written and emptying it.",
			scheme.Lambda(), openStringOutputPort),
		scheme.Row("call-with-string-output-port", "r6rs-lib §8.2.10", "Calls proc with a string output port; returns what it wrote.",
			scheme.Lambda(scheme.Req("proc", scheme.TypeProcedure)), callWithStringOutputPort),
		scheme.Row("standard-output-port", "r6rs-lib §8.2.10", "The standard output port (tlsport: the initial current output port).", scheme.Lambda(), standardOutputPort),
		scheme.Row("standard-error-port", "r6rs-lib §8.2.10", "The standard error port (tlsport: the initial current error port).", scheme.Lambda(), standardErrorPort),
		scheme.Row("make-custom-binary-output-port", "r6rs-lib §8.2.10", "Binary output port calling (write! bytevector start count), which returns the count taken.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("write!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomBinaryOutputPort),
		scheme.Row("make-custom-textual-output-port", "r6rs-lib §8.2.10", "Textual output port calling (write! string start count), which returns the count taken.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("write!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomTextualOutputPort),
		scheme.Row("put-u8", "r6rs-lib §8.2.11", "Writes the byte.", scheme.Lambda(scheme.Req("binary-output-port", typeOutPort), scheme.Req("octet", typeByte)), putU8),
		scheme.Row("put-bytevector", "r6rs-lib §8.2.11", "Writes count bytes (default: to the end) of bytevector from start (default 0).",
			scheme.Lambda(scheme.Req("binary-output-port", typeOutPort), scheme.Req("bytevector", scheme.TypeBytevector), scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("count", scheme.TypeIndex, nil)), putBytevector),
		scheme.Row("put-char", "r6rs-lib §8.2.12", "Writes the character.", scheme.Lambda(scheme.Req("textual-output-port", typeOutPort), scheme.Req("char", scheme.TypeChar)), putChar),
		scheme.Row("put-string", "r6rs-lib §8.2.12", "Writes count characters (default: to the end) of string from start (default 0).",
			scheme.Lambda(scheme.Req("textual-output-port", typeOutPort), scheme.Req("string", scheme.TypeString), scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("count", scheme.TypeIndex, nil)), putString),
		scheme.Row("put-datum", "r6rs-lib §8.2.12", "Writes the external representation of datum.", scheme.Lambda(scheme.Req("textual-output-port", typeOutPort), scheme.Req("datum", nil)), putDatum),
		scheme.Row("open-file-input/output-port", "r6rs-lib §8.2.13", "Binary input/output port on the file (textual with a transcoder).",
			scheme.Lambda(scheme.Req("filename", scheme.TypeString), scheme.Opt("file-options", nil, nil), scheme.Opt("buffer-mode", nil, nil), scheme.Opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileInputWithOutputPort),
		scheme.Row("make-custom-binary-input/output-port", "r6rs-lib §8.2.13", "Binary input/output port over read! and write! procedures.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("read!", scheme.TypeProcedure), scheme.Req("write!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomBinaryInputWithOutputPort),
		scheme.Row("make-custom-textual-input/output-port", "r6rs-lib §8.2.13", "Textual input/output port over read! and write! procedures.",
			scheme.Lambda(scheme.Req("id", scheme.TypeString), scheme.Req("read!", scheme.TypeProcedure), scheme.Req("write!", scheme.TypeProcedure), scheme.Req("get-position", nil), scheme.Req("set-position!", nil), scheme.Req("close", nil)), makeCustomTextualInputWithOutputPort),
	}
}

func condRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("i/o-read-error?", specCond, "Is obj an i/o read condition (kinds i/o and read)?", scheme.Lambda(scheme.Req("obj", nil)), iWithOReadErrorP),
		scheme.Row("i/o-write-error?", specCond, "Is obj an i/o write condition (kinds i/o and write)?", scheme.Lambda(scheme.Req("obj", nil)), iWithOWriteErrorP),
		scheme.Row("i/o-invalid-position-error?", specCond, "Is obj an invalid-position condition?", scheme.Lambda(scheme.Req("obj", nil)), iWithOInvalidPositionErrorP),
		scheme.Row("i/o-error-position", specCond, "The position of an invalid-position condition.", scheme.Lambda(scheme.Req("condition", nil)), iWithOErrorPosition),
		scheme.Row("i/o-filename-error?", specCond, "Is obj a file condition (kinds i/o and file)?", scheme.Lambda(scheme.Req("obj", nil)), iWithOFilenameErrorP),
		scheme.Row("i/o-error-filename", specCond, "The file name of a file condition.", scheme.Lambda(scheme.Req("condition", nil)), iWithOErrorFilename),
		scheme.Row("i/o-file-protection-error?", specCond, "Is obj a file condition caused by missing permission?", scheme.Lambda(scheme.Req("obj", nil)), iWithOFileProtectionErrorP),
		scheme.Row("i/o-file-is-read-only-error?", specCond, "Is obj a file condition caused by a read-only file?", scheme.Lambda(scheme.Req("obj", nil)), iWithOFileIsReadOnlyErrorP),
		scheme.Row("i/o-file-already-exists-error?", specCond, "Is obj a file condition caused by an existing file?", scheme.Lambda(scheme.Req("obj", nil)), iWithOFileAlreadyExistsErrorP),
		scheme.Row("i/o-file-does-not-exist-error?", specCond, "Is obj a file condition caused by a missing file?", scheme.Lambda(scheme.Req("obj", nil)), iWithOFileDoesNotExistErrorP),
		scheme.Row("i/o-port-error?", specCond, "Is obj an i/o condition naming a port?", scheme.Lambda(scheme.Req("obj", nil)), iWithOPortErrorP),
		scheme.Row("i/o-error-port", specCond, "The port of an i/o condition, or #f.", scheme.Lambda(scheme.Req("condition", nil)), iWithOErrorPort),
		scheme.Row("i/o-decoding-error?", "r6rs-lib §8.2.4", "Is obj a decoding condition?", scheme.Lambda(scheme.Req("obj", nil)), iWithODecodingErrorP),
		scheme.Row("i/o-encoding-error?", "r6rs-lib §8.2.4", "Is obj an encoding condition?", scheme.Lambda(scheme.Req("obj", nil)), iWithOEncodingErrorP),
		scheme.Row("i/o-encoding-error-char", "r6rs-lib §8.2.4", "The character an encoding condition could not encode.", scheme.Lambda(scheme.Req("condition", nil)), iWithOEncodingErrorChar),
	}
}

// simpleRows are the procedures of (rnrs io simple) that differ from the
// core's: open-output-file opens with empty file options, so an existing
// file is an &i/o-file-already-exists error (r6rs-lib §8.3, §8.2.2); the
// core's call-with-output-file and with-output-to-file open with it.
func simpleRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("open-output-file", specSimple, "A textual output port on a new file; an existing file is &i/o-file-already-exists.",
			scheme.Lambda(scheme.Req("filename", scheme.TypeString)), openOutputFile),
	}
}

// syntaxRows are the enumeration forms of (rnrs io ports), which
// evaluate to their symbol (file-options: an enum set).
func syntaxRows() []scheme.Proc {
	return []scheme.Proc{
		{Name: "file-options", Spec: "r6rs-lib §8.2.2", Sig: "(file-options file-options-symbol ...)", Doc: "The enum set of file options (no-create, no-fail, no-truncate) for open-file-output-port.",
			Transform: fileOptionsSyntax},
		{Name: "buffer-mode", Spec: "r6rs-lib §8.2.2", Sig: "(buffer-mode buffer-mode-symbol)", Doc: "The buffer mode none, line or block.",
			Syntax: `(syntax-rules (none line block) ((_ none) 'none) ((_ line) 'line) ((_ block) 'block) ((_ other) (syntax-error "invalid buffer mode (expected none, line or block)" other)))`},
		{Name: "eol-style", Spec: "r6rs-lib §8.2.4", Sig: "(eol-style eol-style-symbol)", Doc: "The end-of-line style lf, cr, crlf, nel, crnel, ls or none.",
			Syntax: `(syntax-rules (lf cr crlf nel crnel ls none) ((_ lf) 'lf) ((_ cr) 'cr) ((_ crlf) 'crlf) ((_ nel) 'nel) ((_ crnel) 'crnel) ((_ ls) 'ls) ((_ none) 'none) ((_ other) (syntax-error "invalid eol style (expected lf, cr, crlf, nel, crnel, ls or none)" other)))`},
		{Name: "error-handling-mode", Spec: "r6rs-lib §8.2.4", Sig: "(error-handling-mode error-handling-mode-symbol)", Doc: "The error-handling mode ignore, raise or replace.",
			Syntax: `(syntax-rules (ignore raise replace) ((_ ignore) 'ignore) ((_ raise) 'raise) ((_ replace) 'replace) ((_ other) (syntax-error "invalid error handling mode (expected ignore, raise or replace)" other)))`},
	}
}

// PortsLibrary is (rnrs io ports); the core's port procedures of the same
// names (close-port, eof-object, flush-output-port, current-input-port …)
// are global already.
var PortsLibrary = &scheme.Library{Name: "(rnrs io ports)", ImportOnly: true,
	Doc: "R6RS binary and textual ports (r6rs-lib §8.2): transcoders, get-/put- procedures, memory, file and custom ports, positions. " +
		"Also: the core's port?, input-port?, output-port?, textual-port?, binary-port?, close-port, call-with-port, eof-object, eof-object?, flush-output-port, current-input-port, current-output-port, current-error-port.",
	Build: func(l *scheme.Library) {
		l.Procs = append(append(append(portRows(), condRows()...), syntaxRows()...), simpleRows()...)
		l.Reexports = ioNames()
	}}

// SimpleLibrary is (rnrs io simple): the i/o conditions beside the
// core's simple I/O procedures, which are global already.
var SimpleLibrary = &scheme.Library{Name: "(rnrs io simple)", ImportOnly: true,
	Doc: "R6RS simple I/O (" + specSimple + "): open-output-file, which does not replace a file (nor call-with-output-file and with-output-to-file, which open with it); the core's call-with-input-file, call-with-output-file, with-input-from-file, with-output-to-file, open-input-file, " +
		"close-input-port, close-output-port, read-char, peek-char, read, write-char, newline, display, write, eof-object, eof-object?, input-port?, output-port?, current-input-port, current-output-port, current-error-port, and the i/o conditions (i/o-error? is (chicken condition)'s).",
	Build: func(l *scheme.Library) { l.Procs, l.Reexports = append(condRows(), simpleRows()...), ioNames() }}

// FilesLibrary is (rnrs files): file-exists? and delete-file, the core's
// (a missing file is &i/o-file-does-not-exist: i/o-file-does-not-exist-error?).
var FilesLibrary = &scheme.Library{Name: "(rnrs files)", ImportOnly: true,
	Doc:   "R6RS file system procedures (r6rs-lib §9): the core's file-exists? and delete-file.",
	Build: func(l *scheme.Library) { l.Reexports = []string{"delete-file", "file-exists?"} }}

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library {
	return []*scheme.Library{PortsLibrary, SimpleLibrary, FilesLibrary}
}
