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

var (
	req  = scheme.Req
	opt  = scheme.Opt
	lam  = scheme.Lambda
	none = scheme.Lambda()
	idx  = scheme.TypeIndex
	bv   = scheme.TypeBytevector
	str  = scheme.TypeString
)

func r(name, spec, doc string, args scheme.Params, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, Args: args, Fn: fn}
}

var portRows = []scheme.Proc{
	r("latin-1-codec", "r6rs-lib §8.2.4", "The Latin-1 codec.", none, latin1Codec),
	r("utf-8-codec", "r6rs-lib §8.2.4", "The UTF-8 codec.", none, utf8Codec),
	r("utf-16-codec", "r6rs-lib §8.2.4", "The UTF-16 codec (input: byte order from a BOM, else big-endian; output big-endian).", none, utf16Codec),
	r("native-eol-style", "r6rs-lib §8.2.4", "The native end-of-line style: lf.", none, nativeEolStyle),
	r("make-transcoder", "r6rs-lib §8.2.4", "A transcoder of codec, eol-style (default native) and handling-mode (replace, raise or ignore; default replace).",
		lam(req("codec", typeCodec), opt("eol-style", nil, nil), opt("handling-mode", nil, nil)), makeTranscoder),
	r("native-transcoder", "r6rs-lib §8.2.4", "The native transcoder: UTF-8, lf, replace.", none, nativeTranscoder),
	r("transcoder-codec", "r6rs-lib §8.2.4", "The codec of a transcoder.", lam(req("transcoder", typeTranscoder)), transcoderCodec),
	r("transcoder-eol-style", "r6rs-lib §8.2.4", "The eol style of a transcoder.", lam(req("transcoder", typeTranscoder)), transcoderEolStyle),
	r("transcoder-error-handling-mode", "r6rs-lib §8.2.4", "The error-handling mode of a transcoder.", lam(req("transcoder", typeTranscoder)), transcoderErrorHandlingMode),
	r("buffer-mode?", "r6rs-lib §8.2.2", "Is obj one of the symbols none, line, block?", lam(req("obj", nil)), bufferModeP),
	r("bytevector->string", "r6rs-lib §8.2.4", "Decodes bytevector with transcoder.", lam(req("bytevector", bv), req("transcoder", typeTranscoder)), bytevectorToString),
	r("string->bytevector", "r6rs-lib §8.2.4", "Encodes string with transcoder.", lam(req("string", str), req("transcoder", typeTranscoder)), stringToBytevector),
	r("port-transcoder", "r6rs-lib §8.2.6", "The transcoder of a port made by transcoded-port (or a transcoded file or bytevector port), else #f.", lam(req("port", typePort)), portTranscoder),
	r("transcoded-port", "r6rs-lib §8.2.6", "A textual port reading and writing binary-port through transcoder; closing it closes binary-port.",
		lam(req("binary-port", typePort), req("transcoder", typeTranscoder)), transcodedPort),
	r("port-has-port-position?", "r6rs-lib §8.2.6", "Does port support port-position? (memory, file and custom ports with get-position)", lam(req("port", typePort)), portHasPortPositionP),
	r("port-position", "r6rs-lib §8.2.6", "The port's position (byte offset; for custom ports what get-position returns).", lam(req("port", typePort)), portPosition),
	r("port-has-set-port-position!?", "r6rs-lib §8.2.6", "Does port support set-port-position!?", lam(req("port", typePort)), portHasSetPortPositionBangP),
	r("set-port-position!", "r6rs-lib §8.2.6", "Moves the port to pos; &i/o-invalid-position when out of range.", lam(req("port", typePort), req("pos", nil)), setPortPositionBang),
	r("port-eof?", "r6rs-lib §8.2.8", "Would the next get-u8 (binary port) or get-char return the eof object? Blocks like lookahead.", lam(req("input-port", typeInPort)), portEofP),
	r("open-file-input-port", "r6rs-lib §8.2.7", "Binary input port on the file (textual with a transcoder).",
		lam(req("filename", str), opt("file-options", nil, nil), opt("buffer-mode", nil, nil), opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileInputPort),
	r("open-bytevector-input-port", "r6rs-lib §8.2.7", "Binary input port reading a copy of bytevector (textual with a transcoder).",
		lam(req("bytevector", bv), opt("maybe-transcoder", typeMaybeTc, scheme.False)), openBytevectorInputPort),
	r("open-string-input-port", "r6rs-lib §8.2.7", "Textual input port reading string.", lam(req("string", str)), openStringInputPort),
	r("standard-input-port", "r6rs-lib §8.2.7", "The standard input port (tlsport: the initial current input port, binary and textual).", none, standardInputPort),
	r("make-custom-binary-input-port", "r6rs-lib §8.2.7", "Binary input port calling (read! bytevector start count) for bytes; get-position, set-position! and close may be #f.",
		lam(req("id", str), req("read!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomBinaryInputPort),
	r("make-custom-textual-input-port", "r6rs-lib §8.2.7", "Textual input port calling (read! string start count) for characters.",
		lam(req("id", str), req("read!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomTextualInputPort),
	r("get-u8", "r6rs-lib §8.2.8", "Next byte, or the eof object.", lam(req("binary-input-port", typeInPort)), getU8),
	r("lookahead-u8", "r6rs-lib §8.2.8", "Next byte without consuming it, or the eof object.", lam(req("binary-input-port", typeInPort)), lookaheadU8),
	r("get-bytevector-n", "r6rs-lib §8.2.8", "Up to count bytes (fewer only at the end of input), or the eof object.",
		lam(req("binary-input-port", typeInPort), req("count", idx)), getBytevectorN),
	r("get-bytevector-n!", "r6rs-lib §8.2.8", "Reads up to count bytes into bytevector at start; the number read or the eof object.",
		lam(req("binary-input-port", typeInPort), req("bytevector", bv), req("start", idx), req("count", idx)), getBytevectorNBang),
	r("get-bytevector-some", "r6rs-lib §8.2.8", "The bytes available now (blocking for at least one), or the eof object.",
		lam(req("binary-input-port", typeInPort)), getBytevectorSome),
	r("get-bytevector-all", "r6rs-lib §8.2.8", "All bytes up to the end of input, or the eof object.", lam(req("binary-input-port", typeInPort)), getBytevectorAll),
	r("get-char", "r6rs-lib §8.2.9", "Next character, or the eof object.", lam(req("textual-input-port", typeInPort)), getChar),
	r("lookahead-char", "r6rs-lib §8.2.9", "Next character without consuming it, or the eof object.", lam(req("textual-input-port", typeInPort)), lookaheadChar),
	r("get-string-n", "r6rs-lib §8.2.9", "Up to count characters, or the eof object.", lam(req("textual-input-port", typeInPort), req("count", idx)), getStringN),
	r("get-string-n!", "r6rs-lib §8.2.9", "Reads up to count characters into string at start; the number read or the eof object.",
		lam(req("textual-input-port", typeInPort), req("string", str), req("start", idx), req("count", idx)), getStringNBang),
	r("get-string-all", "r6rs-lib §8.2.9", "All characters up to the end of input, or the eof object.", lam(req("textual-input-port", typeInPort)), getStringAll),
	r("get-line", "r6rs-lib §8.2.9", "The next line without its linefeed, or the eof object.", lam(req("textual-input-port", typeInPort)), getLine),
	r("get-datum", "r6rs-lib §8.2.9", "Reads one datum, or the eof object.", lam(req("textual-input-port", typeInPort)), getDatum),
	r("output-port-buffer-mode", "r6rs-lib §8.2.10", "The buffer mode of the port: block.", lam(req("output-port", typeOutPort)), outputPortBufferMode),
	r("open-file-output-port", "r6rs-lib §8.2.10", "Binary output port on the file (textual with a transcoder); an existing file is an error unless (file-options no-fail).",
		lam(req("filename", str), opt("file-options", nil, nil), opt("buffer-mode", nil, nil), opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileOutputPort),
	r("open-bytevector-output-port", "r6rs-lib §8.2.10", "Two values: a binary output port (textual with a transcoder) and a procedure returning what was written and emptying it.",
		lam(opt("maybe-transcoder", typeMaybeTc, scheme.False)), openBytevectorOutputPort),
	r("call-with-bytevector-output-port", "r6rs-lib §8.2.10", "Calls proc with a bytevector output port; returns what it wrote.",
		lam(req("proc", scheme.TypeProcedure), opt("maybe-transcoder", typeMaybeTc, scheme.False)), callWithBytevectorOutputPort),
	r("open-string-output-port", "r6rs-lib §8.2.10", "Two values: a textual output port and a procedure returning what was written and emptying it.",
		none, openStringOutputPort),
	r("call-with-string-output-port", "r6rs-lib §8.2.10", "Calls proc with a string output port; returns what it wrote.",
		lam(req("proc", scheme.TypeProcedure)), callWithStringOutputPort),
	r("standard-output-port", "r6rs-lib §8.2.10", "The standard output port (tlsport: the initial current output port).", none, standardOutputPort),
	r("standard-error-port", "r6rs-lib §8.2.10", "The standard error port (tlsport: the initial current error port).", none, standardErrorPort),
	r("make-custom-binary-output-port", "r6rs-lib §8.2.10", "Binary output port calling (write! bytevector start count), which returns the count taken.",
		lam(req("id", str), req("write!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomBinaryOutputPort),
	r("make-custom-textual-output-port", "r6rs-lib §8.2.10", "Textual output port calling (write! string start count), which returns the count taken.",
		lam(req("id", str), req("write!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomTextualOutputPort),
	r("put-u8", "r6rs-lib §8.2.11", "Writes the byte.", lam(req("binary-output-port", typeOutPort), req("octet", typeByte)), putU8),
	r("put-bytevector", "r6rs-lib §8.2.11", "Writes count bytes (default: to the end) of bytevector from start (default 0).",
		lam(req("binary-output-port", typeOutPort), req("bytevector", bv), opt("start", idx, nil), opt("count", idx, nil)), putBytevector),
	r("put-char", "r6rs-lib §8.2.12", "Writes the character.", lam(req("textual-output-port", typeOutPort), req("char", scheme.TypeChar)), putChar),
	r("put-string", "r6rs-lib §8.2.12", "Writes count characters (default: to the end) of string from start (default 0).",
		lam(req("textual-output-port", typeOutPort), req("string", str), opt("start", idx, nil), opt("count", idx, nil)), putString),
	r("put-datum", "r6rs-lib §8.2.12", "Writes the external representation of datum.", lam(req("textual-output-port", typeOutPort), req("datum", nil)), putDatum),
	r("open-file-input/output-port", "r6rs-lib §8.2.13", "Binary input/output port on the file (textual with a transcoder).",
		lam(req("filename", str), opt("file-options", nil, nil), opt("buffer-mode", nil, nil), opt("maybe-transcoder", typeMaybeTc, scheme.False)), openFileInputWithOutputPort),
	r("make-custom-binary-input/output-port", "r6rs-lib §8.2.13", "Binary input/output port over read! and write! procedures.",
		lam(req("id", str), req("read!", scheme.TypeProcedure), req("write!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomBinaryInputWithOutputPort),
	r("make-custom-textual-input/output-port", "r6rs-lib §8.2.13", "Textual input/output port over read! and write! procedures.",
		lam(req("id", str), req("read!", scheme.TypeProcedure), req("write!", scheme.TypeProcedure), req("get-position", nil), req("set-position!", nil), req("close", nil)), makeCustomTextualInputWithOutputPort),
}

var condRows = []scheme.Proc{
	r("i/o-read-error?", specCond, "Is obj an i/o read condition (kinds i/o and read)?", lam(req("obj", nil)), iWithOReadErrorP),
	r("i/o-write-error?", specCond, "Is obj an i/o write condition (kinds i/o and write)?", lam(req("obj", nil)), iWithOWriteErrorP),
	r("i/o-invalid-position-error?", specCond, "Is obj an invalid-position condition?", lam(req("obj", nil)), iWithOInvalidPositionErrorP),
	r("i/o-error-position", specCond, "The position of an invalid-position condition.", lam(req("condition", nil)), iWithOErrorPosition),
	r("i/o-filename-error?", specCond, "Is obj a file condition (kinds i/o and file)?", lam(req("obj", nil)), iWithOFilenameErrorP),
	r("i/o-error-filename", specCond, "The file name of a file condition.", lam(req("condition", nil)), iWithOErrorFilename),
	r("i/o-file-protection-error?", specCond, "Is obj a file condition caused by missing permission?", lam(req("obj", nil)), iWithOFileProtectionErrorP),
	r("i/o-file-is-read-only-error?", specCond, "Is obj a file condition caused by a read-only file?", lam(req("obj", nil)), iWithOFileIsReadOnlyErrorP),
	r("i/o-file-already-exists-error?", specCond, "Is obj a file condition caused by an existing file?", lam(req("obj", nil)), iWithOFileAlreadyExistsErrorP),
	r("i/o-file-does-not-exist-error?", specCond, "Is obj a file condition caused by a missing file?", lam(req("obj", nil)), iWithOFileDoesNotExistErrorP),
	r("i/o-port-error?", specCond, "Is obj an i/o condition naming a port?", lam(req("obj", nil)), iWithOPortErrorP),
	r("i/o-error-port", specCond, "The port of an i/o condition, or #f.", lam(req("condition", nil)), iWithOErrorPort),
	r("i/o-decoding-error?", "r6rs-lib §8.2.4", "Is obj a decoding condition?", lam(req("obj", nil)), iWithODecodingErrorP),
	r("i/o-encoding-error?", "r6rs-lib §8.2.4", "Is obj an encoding condition?", lam(req("obj", nil)), iWithOEncodingErrorP),
	r("i/o-encoding-error-char", "r6rs-lib §8.2.4", "The character an encoding condition could not encode.", lam(req("condition", nil)), iWithOEncodingErrorChar),
}

// syntaxRows are the enumeration forms of (rnrs io ports), which
// evaluate to their symbol (file-options: the list of its symbols).
var syntaxRows = []scheme.Proc{
	{Name: "file-options", Spec: "r6rs-lib §8.2.2", Sig: "(file-options file-options-symbol ...)", Doc: "The file options (no-create, no-fail, no-truncate) for open-file-output-port.",
		Syntax: "(syntax-rules () ((_ opt ...) '(opt ...)))"},
	{Name: "buffer-mode", Spec: "r6rs-lib §8.2.2", Sig: "(buffer-mode buffer-mode-symbol)", Doc: "The buffer mode none, line or block.",
		Syntax: "(syntax-rules () ((_ mode) 'mode))"},
	{Name: "eol-style", Spec: "r6rs-lib §8.2.4", Sig: "(eol-style eol-style-symbol)", Doc: "The end-of-line style lf, cr, crlf, nel, crnel, ls or none.",
		Syntax: "(syntax-rules () ((_ style) 'style))"},
	{Name: "error-handling-mode", Spec: "r6rs-lib §8.2.4", Sig: "(error-handling-mode error-handling-mode-symbol)", Doc: "The error-handling mode ignore, raise or replace.",
		Syntax: "(syntax-rules () ((_ mode) 'mode))"},
}

// PortsLibrary is (rnrs io ports); the core's port procedures of the same
// names (close-port, eof-object, flush-output-port, current-input-port …)
// are global already.
var PortsLibrary = &scheme.Library{Name: "(rnrs io ports)", ImportOnly: true,
	Doc: "R6RS binary and textual ports (r6rs-lib §8.2): transcoders, get-/put- procedures, memory, file and custom ports, positions. " +
		"Also: the core's port?, input-port?, output-port?, textual-port?, binary-port?, close-port, call-with-port, eof-object, eof-object?, flush-output-port, current-input-port, current-output-port, current-error-port.",
	Procs: append(append(append([]scheme.Proc{}, portRows...), condRows...), syntaxRows...)}

// SimpleLibrary is (rnrs io simple): the i/o conditions beside the
// core's simple I/O procedures, which are global already.
var SimpleLibrary = &scheme.Library{Name: "(rnrs io simple)", ImportOnly: true,
	Doc: "R6RS simple I/O (" + specSimple + "): the core's call-with-input-file, call-with-output-file, with-input-from-file, with-output-to-file, open-input-file, open-output-file, " +
		"close-input-port, close-output-port, read-char, peek-char, read, write-char, newline, display, write, eof-object, eof-object?, input-port?, output-port?, current-input-port, current-output-port, current-error-port, and the i/o conditions (i/o-error? is (chicken condition)'s).",
	Procs: condRows}

// FilesLibrary is (rnrs files): file-exists? and delete-file, the core's
// (a missing file is &i/o-file-does-not-exist: i/o-file-does-not-exist-error?).
var FilesLibrary = &scheme.Library{Name: "(rnrs files)", ImportOnly: true,
	Doc: "R6RS file system procedures (r6rs-lib §9): the core's file-exists? and delete-file."}

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library {
	return []*scheme.Library{PortsLibrary, SimpleLibrary, FilesLibrary}
}
