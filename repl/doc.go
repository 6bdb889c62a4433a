// Package repl is tlsport's interactive read-eval-print loop.
//
// # Session
//
// [Run] reads Scheme text, evaluates every complete datum with the
// interpreter and writes each result with write (several values one per
// line; an unspecified result, such as a definition's or a set!'s, prints
// nothing, as in csi). Input is read with the interpreter's reader
// settings (keyword-style, case-sensitive …). The prompt is CHICKEN's
// "#;N> ", N counting the inputs evaluated so far plus one. Input whose
// datum is not yet complete (an open parenthesis, string or block comment)
// is continued on the next line under the continuation prompt, which is
// the prompt's width of blanks ending in ". "; a real syntax error is
// reported and the pending text dropped. Several datums on one input are
// evaluated in order. [Options.Banner] is written before the first prompt.
//
// A prompt, like an error report, starts on a fresh line: when the program
// displayed text that did not end in a newline (a server's last line, a
// (display "hello")), a newline is written first instead of drawing the
// prompt over it, as Racket and Guile do. For that the REPL must see what
// the interpreter writes: wrap standard output once with [NewOutput] (and
// standard error with [Output.Also]) and give the same writers to the
// interpreter and to [Options].
//
// # Errors
//
// An uncaught TLS condition (kind openssl) prints in 2 to 4 lines: what
// failed and why; the status with the verification error in words, or the
// alert; the peer; where in the program. Other conditions print an
// "Error:" line (location, message, irritants), their kinds and properties
// and the call stack. An unbound variable suggests the closest bound name.
// ,exn prints the last error in full, ,bt its Scheme call stack. The
// session goes on; (exit n) ends it: Run returns the [*scheme.ExitError].
//
// # Commands
//
// A line starting with a comma is a command; csi's and Racket's spellings
// are accepted where they differ (in parentheses):
//
//	,help [NAME] (,h ,?)    the commands; NAME's signature and doc, citing the reference
//	,doc NAME               NAME's entry in the reference manual (docs/reference)
//	,apropos TEXT (,a ,ap)  the bound names containing TEXT
//	,describe EXPR (,d ,desc) what a value is and holds: condition, record,
//	                        hash table, port and TLS connection, context, listener …
//	,pp EXPR (,p)           pretty-print a value
//	,time EXPR (,t)         real and CPU time, allocation and GCs of an evaluation
//	,trace NAME … / ,untrace [NAME …]  print the calls and results of procedures
//	,exn                    the last error: kinds, every property, stack, Go error
//	,bt (,c ,backtrace)     the Scheme call stack of the last error
//	,threads                the live SRFI-18 threads and what each is blocked in
//	,load FILE … (,l ,ld)   load source files
//	,cd [DIR] / ,pwd        the working directory
//	,quit (,q ,exit ,ex)    end the session
//
// A program adds commands as csi's (chicken csi) does: (toplevel-command
// 'NAME proc "help") makes ,NAME call proc with the rest of the line as
// its current input port, listed by ,help; set-describer! gives
// ,describe a procedure for the records of a type.
//
// Host values describe themselves to ,describe by implementing
// [Describer]; for TLS ports, listeners, certificates and sockets
// ,describe also calls the libraries' introspection procedures
// (ssl-connection-info …) when they are bound.
//
// # Terminal and pipe modes
//
// With [Options.Terminal] the line editor is github.com/chzyer/readline:
// history kept in a file across sessions ([Options.HistoryFile], else the
// TLSPORT_HISTORY environment variable, else ~/.tlsport_history); Home and
// End also as tmux, screen and rxvt send them; Tab completes bound names,
// comma commands, and after a keyword procedure's name its keywords
// ("(ssl-connect* ho" → "hostname:"). A datum typed over several lines is
// one history entry kept as typed: recalled, it is one line with its line
// breaks shown as ⏎, restored when it is read (so a string literal keeps
// its newline). Ctrl-C while editing clears the entry; Ctrl-D abandons an
// unfinished entry (on an empty continuation line, or at the end of a
// line) and on an empty line ends the session. Without Terminal plain
// lines are read from [Options.In] and the prompts are written as plain
// text, so a piped session is deterministic; the end of input inside a
// datum is an error.
//
// The line editor: github.com/reeflective/readline (maintained, with
// multi-line buffers) was tried against github.com/chzyer/readline and not
// taken. It reads os.Stdin and writes os.Stdout directly (package
// variables), and queries the cursor position on the terminal, so it cannot
// share the cancellable standard input below with the Scheme program, nor
// run on the writers a test gives it. chzyer/readline takes any reader and
// writer; what it lacks (Home/End under tmux and screen, multi-line
// history, Ctrl-D in an unfinished entry) is supplied here.
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
