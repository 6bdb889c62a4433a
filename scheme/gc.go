// GCPercent: the garbage-collector setting recommended for programs that embed the interpreter.

package scheme

// GCPercent is the value programs embedding the interpreter should pass to
// runtime/debug.SetGCPercent (cmd/tlsport does, unless GOGC is set). The
// interpreter allocates many short-lived objects — continuation frames,
// and a fresh string for every read-string from a network port — while its
// live heap stays small, so Go's default of 100 collects far too often:
// 800 trades memory for fewer collections, as csi's nursery does. The
// benchmarks in bench/ run with it.
const GCPercent = 800
