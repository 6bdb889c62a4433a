// Package repl is tlsport's interactive read-eval-print loop.
//
// # Session
//
// [Run] reads Scheme text, evaluates every complete datum with the
// interpreter and writes each result with write (several values one per
// line; an unspecified result prints nothing). The prompt is CHICKEN's
// "#;N> ", N counting the inputs evaluated so far plus one. Input whose
// datum is not yet complete (an open parenthesis, string or block comment)
// is continued on the next line under the continuation prompt, which is
// the prompt's width of blanks ending in ". "; a real syntax error is
// reported and the pending text dropped. Several datums on one input are
// evaluated in order.
//
// An uncaught condition prints an "Error:" line (location, message,
// irritants) followed by its kinds, the openssl status when it has one and
// the source position, and the session goes on. (exit n) ends the session:
// Run returns the [*scheme.ExitError].
//
// # Commands
//
// A line starting with a comma is a command: ,help lists them; ,help NAME
// prints the binding-table signature, spec section and doc of NAME;
// ,apropos TEXT lists the bound names containing TEXT; ,load FILE loads a
// file; ,quit (or ,q) ends the session.
//
// # Terminal and pipe modes
//
// With [Options.Terminal] the line editor is github.com/chzyer/readline:
// history kept in a file across sessions ([Options.HistoryFile], else the
// TLSPORT_HISTORY environment variable, else ~/.tlsport_history), Tab
// completion of bound names, Ctrl-C while editing clears the line, Ctrl-D
// exits. Without it plain lines are read from [Options.In] and the prompts
// are written as plain text, so a piped session is deterministic.
//
// With [Options.HandleInterrupt], a SIGINT handler is installed only while
// an evaluation runs: Ctrl-C cancels the context given to Eval, which stops
// any blocked read, connect or handshake, and the REPL returns to the
// prompt.
//
// # Standard input
//
// The REPL and the Scheme program share standard input: wrap it once with
// [NewInput] and give the same [*Input] to the interpreter (as its Stdin)
// and to the REPL (as [Options.In]). Input reads on demand and hands the
// Scheme port one byte at a time, so (read-line) at the prompt reads the
// next line of the session, and a read cancelled by Ctrl-C loses no input.
package repl
