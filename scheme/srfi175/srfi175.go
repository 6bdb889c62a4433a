// SRFI-175 ASCII character library: the reference implementation in
// srfi175.scm.

// Package srfi175 is SRFI-175, (srfi 175) or srfi-175: predicates and
// conversions for ASCII characters, each taking a character or its code.
package srfi175

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi175.scm
var source string

const spec = "srfi-175"

// Library is the (srfi 175) binding table; srfi175.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 175)", Doc: "SRFI-175: ASCII character library.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi175.scm", source), Procs: []scheme.Proc{
		{Name: "ascii-codepoint?", Spec: spec, Sig: "(ascii-codepoint? obj)", Doc: "Is obj an exact integer from 0 to 127?"},
		{Name: "ascii-bytevector?", Spec: spec, Sig: "(ascii-bytevector? obj)", Doc: "Is obj a bytevector of bytes below 128?"},
		{Name: "ascii-char?", Spec: spec, Sig: "(ascii-char? obj)", Doc: "Is obj a character whose code is below 128?"},
		{Name: "ascii-string?", Spec: spec, Sig: "(ascii-string? obj)", Doc: "Is obj a string of ASCII characters?"},
		{Name: "ascii-control?", Spec: spec, Sig: "(ascii-control? char)", Doc: "Is char (a character or code) an ASCII control: 0 to 31 or 127?"},
		{Name: "ascii-non-control?", Spec: spec, Sig: "(ascii-non-control? char)", Doc: "Is char (a character or code) a printable ASCII character, 32 to 126?"},
		{Name: "ascii-whitespace?", Spec: spec, Sig: "(ascii-whitespace? char)", Doc: "Is char (a character or code) ASCII whitespace: tab, newline, vertical tab, form feed, return or space?"},
		{Name: "ascii-space-or-tab?", Spec: spec, Sig: "(ascii-space-or-tab? char)", Doc: "Is char (a character or code) a space or a tab?"},
		{Name: "ascii-other-graphic?", Spec: spec, Sig: "(ascii-other-graphic? char)", Doc: "Is char (a character or code) ASCII punctuation or a symbol: graphic, neither a letter nor a digit?"},
		{Name: "ascii-upper-case?", Spec: spec, Sig: "(ascii-upper-case? char)", Doc: "Is char (a character or code) A to Z?"},
		{Name: "ascii-lower-case?", Spec: spec, Sig: "(ascii-lower-case? char)", Doc: "Is char (a character or code) a to z?"},
		{Name: "ascii-alphabetic?", Spec: spec, Sig: "(ascii-alphabetic? char)", Doc: "Is char (a character or code) an ASCII letter?"},
		{Name: "ascii-alphanumeric?", Spec: spec, Sig: "(ascii-alphanumeric? char)", Doc: "Is char (a character or code) an ASCII letter or digit?"},
		{Name: "ascii-numeric?", Spec: spec, Sig: "(ascii-numeric? char)", Doc: "Is char (a character or code) 0 to 9?"},
		{Name: "ascii-digit-value", Spec: spec, Sig: "(ascii-digit-value char limit)", Doc: "The value of the digit char if it is below limit (at most 10), else #f."},
		{Name: "ascii-upper-case-value", Spec: spec, Sig: "(ascii-upper-case-value char offset limit)", Doc: "offset plus the position of char in A to Z if that is below limit (at most 26), else #f."},
		{Name: "ascii-lower-case-value", Spec: spec, Sig: "(ascii-lower-case-value char offset limit)", Doc: "offset plus the position of char in a to z if that is below limit (at most 26), else #f."},
		{Name: "ascii-nth-digit", Spec: spec, Sig: "(ascii-nth-digit n)", Doc: "The digit character of n (0 to 9), else #f."},
		{Name: "ascii-nth-upper-case", Spec: spec, Sig: "(ascii-nth-upper-case n)", Doc: "The upper-case letter at position n modulo 26."},
		{Name: "ascii-nth-lower-case", Spec: spec, Sig: "(ascii-nth-lower-case n)", Doc: "The lower-case letter at position n modulo 26."},
		{Name: "ascii-upcase", Spec: spec, Sig: "(ascii-upcase char)", Doc: "The upper-case of the ASCII letter char (a character or code); any other char as it is."},
		{Name: "ascii-downcase", Spec: spec, Sig: "(ascii-downcase char)", Doc: "The lower-case of the ASCII letter char (a character or code); any other char as it is."},
		{Name: "ascii-control->graphic", Spec: spec, Sig: "(ascii-control->graphic char)", Doc: "The graphic character (as in ^A) of the control char (a character or code), else #f."},
		{Name: "ascii-graphic->control", Spec: spec, Sig: "(ascii-graphic->control char)", Doc: "The control character of the graphic char (a character or code) @ to _ or ?, else #f."},
		{Name: "ascii-mirror-bracket", Spec: spec, Sig: "(ascii-mirror-bracket char)", Doc: "The bracket matching char (a character or code) among ( ) [ ] { } < >, else #f."},
		{Name: "ascii-ci=?", Spec: spec, Sig: "(ascii-ci=? char1 char2)", Doc: "Are the characters (or codes) equal, ASCII letters' case ignored?"},
		{Name: "ascii-ci<?", Spec: spec, Sig: "(ascii-ci<? char1 char2)", Doc: "Is char1 before char2, ASCII letters' case ignored?"},
		{Name: "ascii-ci>?", Spec: spec, Sig: "(ascii-ci>? char1 char2)", Doc: "Is char1 after char2, ASCII letters' case ignored?"},
		{Name: "ascii-ci<=?", Spec: spec, Sig: "(ascii-ci<=? char1 char2)", Doc: "Is char1 not after char2, ASCII letters' case ignored?"},
		{Name: "ascii-ci>=?", Spec: spec, Sig: "(ascii-ci>=? char1 char2)", Doc: "Is char1 not before char2, ASCII letters' case ignored?"},
		{Name: "ascii-string-ci=?", Spec: spec, Sig: "(ascii-string-ci=? string1 string2)", Doc: "Are the strings equal, ASCII letters' case ignored?"},
		{Name: "ascii-string-ci<?", Spec: spec, Sig: "(ascii-string-ci<? string1 string2)", Doc: "Is string1 before string2, ASCII letters' case ignored?"},
		{Name: "ascii-string-ci>?", Spec: spec, Sig: "(ascii-string-ci>? string1 string2)", Doc: "Is string1 after string2, ASCII letters' case ignored?"},
		{Name: "ascii-string-ci<=?", Spec: spec, Sig: "(ascii-string-ci<=? string1 string2)", Doc: "Is string1 not after string2, ASCII letters' case ignored?"},
		{Name: "ascii-string-ci>=?", Spec: spec, Sig: "(ascii-string-ci>=? string1 string2)", Doc: "Is string1 not before string2, ASCII letters' case ignored?"},
	}}
