// The standard condition types (r6rs-lib §7.3, §8.1) over CHICKEN condition kinds. Generated table: one constructor and one predicate per type.

package rnrsconditions

import (
	"errors"
	"io/fs"

	"github.com/tlsport/tlsport/scheme"
)

// Standard condition types.
var (
	ctCondition = &CondType{name: "&condition", kinds: []string{}, fields: []field{}, test: func(c *scheme.Condition) bool { return true }}
	ctWarning   = &CondType{name: "&warning", kinds: []string{"warning"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("warning") }}
	ctSerious   = &CondType{name: "&serious", kinds: []string{"serious"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("serious") || isError(c) || violationish(c) }}
	ctError     = &CondType{name: "&error", kinds: []string{"exn"}, fields: []field{}, test: func(c *scheme.Condition) bool { return isError(c) }}
	ctViolation = &CondType{name: "&violation", kinds: []string{"exn", "violation"}, fields: []field{}, test: func(c *scheme.Condition) bool { return violationish(c) }}
	ctAssertion = &CondType{name: "&assertion", kinds: []string{"exn", "assertion"}, fields: []field{}, test: func(c *scheme.Condition) bool {
		return c.Has("assertion") || c.Has("type") || c.Has("bounds") || c.Has("arity") || c.Has("arithmetic") && !c.Has("implementation-restriction") || badCall(c)
	}}
	ctNonContinuable            = &CondType{name: "&non-continuable", kinds: []string{"exn", "violation", "non-continuable"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("non-continuable") }}
	ctImplementationRestriction = &CondType{name: "&implementation-restriction", kinds: []string{"exn", "violation", "implementation-restriction"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("implementation-restriction") }}
	// &no-infinities and &no-nans are (rnrs arithmetic flonums)'s (r6rs-lib
	// §11.3), raised by systems without infinities or NaNs: never here.
	ctNoInfinities = &CondType{name: "&no-infinities", kinds: []string{"exn", "violation", "implementation-restriction", "no-infinities"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("no-infinities") }}
	ctNoNaNs       = &CondType{name: "&no-nans", kinds: []string{"exn", "violation", "implementation-restriction", "no-nans"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("no-nans") }}
	ctLexical      = &CondType{name: "&lexical", kinds: []string{"exn", "violation", "lexical"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("lexical") || c.Has("read") }}
	ctSyntax       = &CondType{name: "&syntax", kinds: []string{"exn", "violation", "syntax"}, fields: []field{{"form", "syntax", "form"}, {"subform", "syntax", "subform"}}, test: func(c *scheme.Condition) bool { return c.Has("syntax") && !c.Has("read") }}
	ctUndefined    = &CondType{name: "&undefined", kinds: []string{"exn", "violation", "undefined"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("undefined") || c.Message() == "unbound variable" }}
	ctMessage      = &CondType{name: "&message", kinds: []string{"message"}, fields: []field{{"message", "message", "message"}}, test: func(c *scheme.Condition) bool {
		return hasProp(c, "message", "message") || exnMessage(c)
	}}
	ctIrritants = &CondType{name: "&irritants", kinds: []string{"irritants"}, fields: []field{{"irritants", "irritants", "irritants"}}, test: func(c *scheme.Condition) bool { return c.Has("irritants") || exnMessage(c) }}
	ctWho       = &CondType{name: "&who", kinds: []string{"who"}, fields: []field{{"who", "who", "who"}}, test: func(c *scheme.Condition) bool {
		return hasProp(c, "who", "who") || (hasProp(c, "exn", "location") && exnLocation(c) != scheme.False)
	}}
	ctIO                = &CondType{name: "&i/o", kinds: []string{"exn", "i/o"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("i/o") }}
	ctIORead            = &CondType{name: "&i/o-read", kinds: []string{"exn", "i/o", "read"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("i/o") && c.Has("read") }}
	ctIOWrite           = &CondType{name: "&i/o-write", kinds: []string{"exn", "i/o", "write"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("i/o") && c.Has("write") }}
	ctIOInvalidPosition = &CondType{name: "&i/o-invalid-position", kinds: []string{"exn", "i/o", "position"}, fields: []field{{"position", "position", "position"}}, test: func(c *scheme.Condition) bool { return c.Has("i/o") && c.Has("position") }}
	ctIOFilename        = &CondType{name: "&i/o-filename", kinds: []string{"exn", "i/o", "file"}, fields: []field{{"filename", "file", "filename"}}, test: func(c *scheme.Condition) bool { return c.Has("i/o") && c.Has("file") }}
	ctIOFileProtection  = &CondType{name: "&i/o-file-protection", kinds: []string{"exn", "i/o", "file", "file-protection"}, fields: []field{}, test: func(c *scheme.Condition) bool {
		return c.Has("file") && (c.Has("file-protection") || errors.Is(c.Cause, fs.ErrPermission))
	}}
	ctIOFileIsReadOnly    = &CondType{name: "&i/o-file-is-read-only", kinds: []string{"exn", "i/o", "file", "file-protection", "file-is-read-only"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("file") && c.Has("file-is-read-only") }}
	ctIOFileAlreadyExists = &CondType{name: "&i/o-file-already-exists", kinds: []string{"exn", "i/o", "file", "file-already-exists"}, fields: []field{}, test: func(c *scheme.Condition) bool {
		return c.Has("file") && (c.Has("file-already-exists") || errors.Is(c.Cause, fs.ErrExist))
	}}
	ctIOFileDoesNotExist = &CondType{name: "&i/o-file-does-not-exist", kinds: []string{"exn", "i/o", "file", "file-does-not-exist"}, fields: []field{}, test: func(c *scheme.Condition) bool {
		return c.Has("file") && (c.Has("file-does-not-exist") || errors.Is(c.Cause, fs.ErrNotExist))
	}}
	ctIOPort     = &CondType{name: "&i/o-port", kinds: []string{"exn", "i/o"}, fields: []field{{"port", "i/o", "port"}}, test: func(c *scheme.Condition) bool { return c.Has("i/o") && hasProp(c, "i/o", "port") }}
	ctIODecoding = &CondType{name: "&i/o-decoding", kinds: []string{"exn", "i/o", "decoding"}, fields: []field{}, test: func(c *scheme.Condition) bool { return c.Has("decoding") }}
	ctIOEncoding = &CondType{name: "&i/o-encoding", kinds: []string{"exn", "i/o", "encoding"}, fields: []field{{"char", "encoding", "char"}}, test: func(c *scheme.Condition) bool { return c.Has("encoding") }}
)

func init() {
	ctWarning.parent = ctCondition
	ctSerious.parent = ctCondition
	ctError.parent = ctSerious
	ctViolation.parent = ctSerious
	ctAssertion.parent = ctViolation
	ctNonContinuable.parent = ctViolation
	ctImplementationRestriction.parent = ctViolation
	ctLexical.parent = ctViolation
	ctSyntax.parent = ctViolation
	ctUndefined.parent = ctViolation
	ctMessage.parent = ctCondition
	ctIrritants.parent = ctCondition
	ctWho.parent = ctCondition
	ctIO.parent = ctError
	ctIORead.parent = ctIO
	ctIOWrite.parent = ctIO
	ctIOInvalidPosition.parent = ctIO
	ctIOFilename.parent = ctIO
	ctIOFileProtection.parent = ctIOFilename
	ctIOFileIsReadOnly.parent = ctIOFileProtection
	ctIOFileAlreadyExists.parent = ctIOFilename
	ctIOFileDoesNotExist.parent = ctIOFilename
	ctIOPort.parent = ctIO
	ctIODecoding.parent = ctIOPort
	ctIOEncoding.parent = ctIOPort
}

// makeWarning implements make-warning.
func makeWarning(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctWarning.make(a), nil
}

// warningP implements warning?.
func warningP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctWarning.is(a[0]), nil
}

// makeSeriousCondition implements make-serious-condition.
func makeSeriousCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctSerious.make(a), nil
}

// seriousConditionP implements serious-condition?.
func seriousConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctSerious.is(a[0]), nil
}

// makeError implements make-error.
func makeError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctError.make(a), nil
}

// errorP implements error?.
func errorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ctError.is(a[0]), nil }

// makeViolation implements make-violation.
func makeViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctViolation.make(a), nil
}

// violationP implements violation?.
func violationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctViolation.is(a[0]), nil
}

// makeAssertionViolation implements make-assertion-violation.
func makeAssertionViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctAssertion.make(a), nil
}

// assertionViolationP implements assertion-violation?.
func assertionViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctAssertion.is(a[0]), nil
}

// makeNonContinuableViolation implements make-non-continuable-violation.
func makeNonContinuableViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNonContinuable.make(a), nil
}

// nonContinuableViolationP implements non-continuable-violation?.
func nonContinuableViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNonContinuable.is(a[0]), nil
}

// makeImplementationRestrictionViolation implements make-implementation-restriction-violation.
func makeImplementationRestrictionViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctImplementationRestriction.make(a), nil
}

// implementationRestrictionViolationP implements implementation-restriction-violation?.
func implementationRestrictionViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctImplementationRestriction.is(a[0]), nil
}

// makeNoInfinitiesViolation implements make-no-infinities-violation.
func makeNoInfinitiesViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNoInfinities.make(a), nil
}

// noInfinitiesViolationP implements no-infinities-violation?.
func noInfinitiesViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNoInfinities.is(a[0]), nil
}

// makeNoNansViolation implements make-no-nans-violation.
func makeNoNansViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNoNaNs.make(a), nil
}

// noNansViolationP implements no-nans-violation?.
func noNansViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctNoNaNs.is(a[0]), nil
}

// makeLexicalViolation implements make-lexical-violation.
func makeLexicalViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctLexical.make(a), nil
}

// lexicalViolationP implements lexical-violation?.
func lexicalViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctLexical.is(a[0]), nil
}

// makeSyntaxViolation implements make-syntax-violation.
func makeSyntaxViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctSyntax.make(a), nil
}

// syntaxViolationP implements syntax-violation?.
func syntaxViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctSyntax.is(a[0]), nil
}

// makeUndefinedViolation implements make-undefined-violation.
func makeUndefinedViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctUndefined.make(a), nil
}

// undefinedViolationP implements undefined-violation?.
func undefinedViolationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctUndefined.is(a[0]), nil
}

// makeMessageCondition implements make-message-condition.
func makeMessageCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctMessage.make(a), nil
}

// messageConditionP implements message-condition?.
func messageConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctMessage.is(a[0]), nil
}

// makeIrritantsCondition implements make-irritants-condition.
func makeIrritantsCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIrritants.make(a), nil
}

// irritantsConditionP implements irritants-condition?.
func irritantsConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIrritants.is(a[0]), nil
}

// makeWhoCondition implements make-who-condition.
func makeWhoCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctWho.make(a), nil
}

// whoConditionP implements who-condition?.
func whoConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctWho.is(a[0]), nil
}

// makeIWithOError implements make-i/o-error.
func makeIWithOError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIO.make(a), nil
}

// makeIWithOReadError implements make-i/o-read-error.
func makeIWithOReadError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIORead.make(a), nil
}

// makeIWithOWriteError implements make-i/o-write-error.
func makeIWithOWriteError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOWrite.make(a), nil
}

// makeIWithOInvalidPositionError implements make-i/o-invalid-position-error.
func makeIWithOInvalidPositionError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOInvalidPosition.make(a), nil
}

// makeIWithOFilenameError implements make-i/o-filename-error.
func makeIWithOFilenameError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOFilename.make(a), nil
}

// makeIWithOFileProtectionError implements make-i/o-file-protection-error.
func makeIWithOFileProtectionError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOFileProtection.make(a), nil
}

// makeIWithOFileIsReadOnlyError implements make-i/o-file-is-read-only-error.
func makeIWithOFileIsReadOnlyError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOFileIsReadOnly.make(a), nil
}

// makeIWithOFileAlreadyExistsError implements make-i/o-file-already-exists-error.
func makeIWithOFileAlreadyExistsError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOFileAlreadyExists.make(a), nil
}

// makeIWithOFileDoesNotExistError implements make-i/o-file-does-not-exist-error.
func makeIWithOFileDoesNotExistError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOFileDoesNotExist.make(a), nil
}

// makeIWithOPortError implements make-i/o-port-error.
func makeIWithOPortError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOPort.make(a), nil
}

// makeIWithODecodingError implements make-i/o-decoding-error.
func makeIWithODecodingError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIODecoding.make(a), nil
}

// makeIWithOEncodingError implements make-i/o-encoding-error.
func makeIWithOEncodingError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ctIOEncoding.make(a), nil
}

var standardTypes = []scheme.Binding{
	{Name: "&condition", Spec: specOf("&condition"), Doc: "The root of the condition types: every condition.", Value: ctCondition},
	{Name: "&warning", Spec: specOf("&warning"), Doc: "A warning.", Value: ctWarning},
	{Name: "&serious", Spec: specOf("&serious"), Doc: "A serious condition: errors and violations.", Value: ctSerious},
	{Name: "&error", Spec: specOf("&error"), Doc: "An error (CHICKEN: an exn condition that is not a violation).", Value: ctError},
	{Name: "&violation", Spec: specOf("&violation"), Doc: "A violation of the program's rules.", Value: ctViolation},
	{Name: "&assertion", Spec: specOf("&assertion"), Doc: "An assertion violation (CHICKEN: also the (exn type), (exn bounds), (exn arity) and (exn arithmetic) errors: an exact division by zero).", Value: ctAssertion},
	{Name: "&non-continuable", Spec: specOf("&non-continuable"), Doc: "A handler returned from a non-continuable raise.", Value: ctNonContinuable},
	{Name: "&implementation-restriction", Spec: specOf("&implementation-restriction"), Doc: "An implementation restriction was hit.", Value: ctImplementationRestriction},
	{Name: "&no-infinities", Spec: specFl, Doc: "A flonum operation's result would be an infinity (never raised: tlsport's flonums have them).", Value: ctNoInfinities},
	{Name: "&no-nans", Spec: specFl, Doc: "A flonum operation's result would be a NaN (never raised: tlsport's flonums have them).", Value: ctNoNaNs},
	{Name: "&lexical", Spec: specOf("&lexical"), Doc: "A lexical (reader) violation.", Value: ctLexical},
	{Name: "&syntax", Spec: specOf("&syntax"), Doc: "A syntax violation with form and subform.", Value: ctSyntax},
	{Name: "&undefined", Spec: specOf("&undefined"), Doc: "An unbound variable was referenced.", Value: ctUndefined},
	{Name: "&message", Spec: specOf("&message"), Doc: "A condition carrying a message.", Value: ctMessage},
	{Name: "&irritants", Spec: specOf("&irritants"), Doc: "A condition carrying irritants.", Value: ctIrritants},
	{Name: "&who", Spec: specOf("&who"), Doc: "A condition naming who raised it.", Value: ctWho},
	{Name: "&i/o", Spec: specOf("&i/o"), Doc: "An i/o error.", Value: ctIO},
	{Name: "&i/o-read", Spec: specOf("&i/o-read"), Doc: "An i/o read error.", Value: ctIORead},
	{Name: "&i/o-write", Spec: specOf("&i/o-write"), Doc: "An i/o write error.", Value: ctIOWrite},
	{Name: "&i/o-invalid-position", Spec: specOf("&i/o-invalid-position"), Doc: "An invalid port position.", Value: ctIOInvalidPosition},
	{Name: "&i/o-filename", Spec: specOf("&i/o-filename"), Doc: "A file error naming the file.", Value: ctIOFilename},
	{Name: "&i/o-file-protection", Spec: specOf("&i/o-file-protection"), Doc: "Access to the file was denied.", Value: ctIOFileProtection},
	{Name: "&i/o-file-is-read-only", Spec: specOf("&i/o-file-is-read-only"), Doc: "The file is read-only.", Value: ctIOFileIsReadOnly},
	{Name: "&i/o-file-already-exists", Spec: specOf("&i/o-file-already-exists"), Doc: "The file already exists.", Value: ctIOFileAlreadyExists},
	{Name: "&i/o-file-does-not-exist", Spec: specOf("&i/o-file-does-not-exist"), Doc: "The file does not exist.", Value: ctIOFileDoesNotExist},
	{Name: "&i/o-port", Spec: specOf("&i/o-port"), Doc: "An i/o error naming the port.", Value: ctIOPort},
	{Name: "&i/o-decoding", Spec: specOf("&i/o-decoding"), Doc: "A decoding error.", Value: ctIODecoding},
	{Name: "&i/o-encoding", Spec: specOf("&i/o-encoding"), Doc: "An encoding error, with the character.", Value: ctIOEncoding},
}

func standardRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("make-warning", specOf("&warning"), "Makes a &warning condition.", lam(), makeWarning),
		scheme.Row("warning?", specOf("&warning"), "Is obj a &warning condition?", lam(req("obj", nil)), warningP),
		scheme.Row("make-serious-condition", specOf("&serious"), "Makes a &serious condition.", lam(), makeSeriousCondition),
		scheme.Row("serious-condition?", specOf("&serious"), "Is obj a &serious condition?", lam(req("obj", nil)), seriousConditionP),
		scheme.Row("make-error", specOf("&error"), "Makes a &error condition.", lam(), makeError),
		scheme.Row("error?", specOf("&error"), "Is obj a &error condition?", lam(req("obj", nil)), errorP),
		scheme.Row("make-violation", specOf("&violation"), "Makes a &violation condition.", lam(), makeViolation),
		scheme.Row("violation?", specOf("&violation"), "Is obj a &violation condition?", lam(req("obj", nil)), violationP),
		scheme.Row("make-assertion-violation", specOf("&assertion"), "Makes a &assertion condition.", lam(), makeAssertionViolation),
		scheme.Row("assertion-violation?", specOf("&assertion"), "Is obj a &assertion condition?", lam(req("obj", nil)), assertionViolationP),
		scheme.Row("make-non-continuable-violation", specOf("&non-continuable"), "Makes a &non-continuable condition.", lam(), makeNonContinuableViolation),
		scheme.Row("non-continuable-violation?", specOf("&non-continuable"), "Is obj a &non-continuable condition?", lam(req("obj", nil)), nonContinuableViolationP),
		scheme.Row("make-implementation-restriction-violation", specOf("&implementation-restriction"), "Makes a &implementation-restriction condition.", lam(), makeImplementationRestrictionViolation),
		scheme.Row("implementation-restriction-violation?", specOf("&implementation-restriction"), "Is obj a &implementation-restriction condition?", lam(req("obj", nil)), implementationRestrictionViolationP),
		scheme.Row("make-no-infinities-violation", specFl, "Makes a &no-infinities condition.", lam(), makeNoInfinitiesViolation),
		scheme.Row("no-infinities-violation?", specFl, "Is obj a &no-infinities condition?", lam(req("obj", nil)), noInfinitiesViolationP),
		scheme.Row("make-no-nans-violation", specFl, "Makes a &no-nans condition.", lam(), makeNoNansViolation),
		scheme.Row("no-nans-violation?", specFl, "Is obj a &no-nans condition?", lam(req("obj", nil)), noNansViolationP),
		scheme.Row("make-lexical-violation", specOf("&lexical"), "Makes a &lexical condition.", lam(), makeLexicalViolation),
		scheme.Row("lexical-violation?", specOf("&lexical"), "Is obj a &lexical condition?", lam(req("obj", nil)), lexicalViolationP),
		scheme.Row("make-syntax-violation", specOf("&syntax"), "Makes a &syntax condition.", lam(req("form", nil), req("subform", nil)), makeSyntaxViolation),
		scheme.Row("syntax-violation?", specOf("&syntax"), "Is obj a &syntax condition?", lam(req("obj", nil)), syntaxViolationP),
		scheme.Row("make-undefined-violation", specOf("&undefined"), "Makes a &undefined condition.", lam(), makeUndefinedViolation),
		scheme.Row("undefined-violation?", specOf("&undefined"), "Is obj a &undefined condition?", lam(req("obj", nil)), undefinedViolationP),
		scheme.Row("make-message-condition", specOf("&message"), "Makes a &message condition.", lam(req("message", nil)), makeMessageCondition),
		scheme.Row("message-condition?", specOf("&message"), "Is obj a &message condition?", lam(req("obj", nil)), messageConditionP),
		scheme.Row("make-irritants-condition", specOf("&irritants"), "Makes a &irritants condition.", lam(req("irritants", nil)), makeIrritantsCondition),
		scheme.Row("irritants-condition?", specOf("&irritants"), "Is obj a &irritants condition?", lam(req("obj", nil)), irritantsConditionP),
		scheme.Row("make-who-condition", specOf("&who"), "Makes a &who condition.", lam(req("who", nil)), makeWhoCondition),
		scheme.Row("who-condition?", specOf("&who"), "Is obj a &who condition?", lam(req("obj", nil)), whoConditionP),
		scheme.Row("make-i/o-error", specOf("&i/o"), "Makes a &i/o condition.", lam(), makeIWithOError),
		scheme.Row("make-i/o-read-error", specOf("&i/o-read"), "Makes a &i/o-read condition.", lam(), makeIWithOReadError),
		scheme.Row("make-i/o-write-error", specOf("&i/o-write"), "Makes a &i/o-write condition.", lam(), makeIWithOWriteError),
		scheme.Row("make-i/o-invalid-position-error", specOf("&i/o-invalid-position"), "Makes a &i/o-invalid-position condition.", lam(req("position", nil)), makeIWithOInvalidPositionError),
		scheme.Row("make-i/o-filename-error", specOf("&i/o-filename"), "Makes a &i/o-filename condition.", lam(req("filename", nil)), makeIWithOFilenameError),
		scheme.Row("make-i/o-file-protection-error", specOf("&i/o-file-protection"), "Makes a &i/o-file-protection condition.", lam(req("filename", nil)), makeIWithOFileProtectionError),
		scheme.Row("make-i/o-file-is-read-only-error", specOf("&i/o-file-is-read-only"), "Makes a &i/o-file-is-read-only condition.", lam(req("filename", nil)), makeIWithOFileIsReadOnlyError),
		scheme.Row("make-i/o-file-already-exists-error", specOf("&i/o-file-already-exists"), "Makes a &i/o-file-already-exists condition.", lam(req("filename", nil)), makeIWithOFileAlreadyExistsError),
		scheme.Row("make-i/o-file-does-not-exist-error", specOf("&i/o-file-does-not-exist"), "Makes a &i/o-file-does-not-exist condition.", lam(req("filename", nil)), makeIWithOFileDoesNotExistError),
		scheme.Row("make-i/o-port-error", specOf("&i/o-port"), "Makes a &i/o-port condition.", lam(req("port", nil)), makeIWithOPortError),
		scheme.Row("make-i/o-decoding-error", specOf("&i/o-decoding"), "Makes a &i/o-decoding condition.", lam(req("port", nil)), makeIWithODecodingError),
		scheme.Row("make-i/o-encoding-error", specOf("&i/o-encoding"), "Makes a &i/o-encoding condition.", lam(req("port", nil), req("char", nil)), makeIWithOEncodingError),
	}
}
