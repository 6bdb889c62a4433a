// End-to-end tests of the REPL in the tlsport command: a real TLS failure
// reads at a glance, ,exn has the rest, ,describe sees into a context, and
// output without a newline survives the prompt.

package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestREPLErrorsAndDescribe(t *testing.T) {
	session := `(display "hello")
(define l (make-server-tls-socket "0" '()))
(define t (thread-start! (make-thread (lambda () (guard (e (#t #f)) (socket-accept l))))))
(define (fetch) (let-values (((i o) (ssl-connect* hostname: "127.0.0.1" port: (socket-info-port (socket-info l))))) (read-line i)))
(fetch)
,exn
(define c (ssl-make-client-context*))
,describe c
(lenght '(1))
`
	out, errs, code := tlsport(t, session)
	if code != 0 {
		t.Fatalf("exit status %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	if !strings.HasPrefix(out, "#;1> hello\n#;2> ") {
		t.Errorf("output without a newline is drawn over by the prompt:\n%s", out)
	}
	// The short report: 2 to 4 lines, with the status, the verification
	// error in words and the peer.
	m := regexp.MustCompile(`(?s)Error: \(read-line\) TLS handshake failed: certificate verify failed.*?\n([^E].*?)(Error|$)`).FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("no TLS error report on stderr:\n%s", errs)
	}
	report := strings.TrimRight(m[0][:len(m[0])-len(m[2])], "\n")
	lines := strings.Split(report, "\n")
	if len(lines) < 2 || len(lines) > 4 {
		t.Errorf("TLS error report has %d lines, want 2 to 4:\n%s", len(lines), report)
	}
	for _, want := range []string{"status ssl", "verify error: self-signed certificate", "peer: "} {
		if !strings.Contains(report, want) {
			t.Errorf("TLS error report lacks %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, "go-type") || strings.Contains(report, "#f") {
		t.Errorf("TLS error report shows the property dump:\n%s", report)
	}
	// ,exn has every property.
	for _, want := range []string{"openssl.verify-code: 18", "openssl.go-type:", "kinds: (exn i/o net openssl)"} {
		if !strings.Contains(out, want) {
			t.Errorf(",exn output lacks %q:\n%s", want, out)
		}
	}
	// ,describe of a context says what it is configured with.
	for _, want := range []string{"is a value of type ssl-client-context", "protocols: TLS 1.2 to TLS 1.3", "verify: on (peer)", "verify hostname: on"} {
		if !strings.Contains(out, want) {
			t.Errorf(",describe output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "did you mean length?") {
		t.Errorf("unbound variable without a suggestion:\n%s", errs)
	}
}

func TestBanner(t *testing.T) {
	b := banner(true)
	if !strings.Contains(b, versionString()) || !strings.Contains(b, ",help") || strings.Contains(b, "\n") {
		t.Errorf("banner(true) = %q, want one line with the version and ,help", b)
	}
	if b := banner(false); b != "" {
		t.Errorf("banner(false) = %q, want none when piped", b)
	}
}

// TestEditCommand: ,e runs $EDITOR on the file with the terminal (here the
// editor writes a definition into it), and the REPL goes on; with
// (editor-command) set, that editor is used.
func TestEditCommand(t *testing.T) {
	dir := t.TempDir()
	editor := script(t, dir, "editor.sh", "#!/bin/sh\necho \"(define edited (quote $(basename \"$0\")))\" > \"$1\"\n")
	other := script(t, dir, "other.sh", "#!/bin/sh\necho \"(define edited 'other)\" > \"$1\"\n")
	file := filepath.Join(dir, "edit-me.scm")
	session := ",e " + file + "\n,l " + file + "\nedited\n(editor-command \"" + other + "\")\n,e " + file + "\n,l " + file + "\nedited\n"
	out, errs, code := tlsportEnv(t, []string{"EDITOR=" + editor, "VISUAL="}, session)
	if code != 0 || !strings.Contains(out, "editor.sh\n") || !strings.Contains(out, "other\n") {
		t.Fatalf("exit status %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}

// TestInitFile: the REPL loads ~/.tlsportrc before its first prompt, as
// csi loads ~/.csirc (a command it defines is there); -n skips it; an error
// in it is printed and the REPL starts anyway; a script does not load it.
func TestInitFile(t *testing.T) {
	home := t.TempDir()
	script(t, home, ".tlsportrc", "(define from-rc 7)\n(import (chicken csi))\n(toplevel-command 'hi (lambda () (print \"hi from rc\")))\n")
	env := []string{"HOME=" + home}
	if out, errs, code := tlsportEnv(t, env, "from-rc\n,hi\n"); code != 0 || out != "#;1> 7\n#;2> hi from rc\n#;2> " {
		t.Errorf("with ~/.tlsportrc: status %d, stdout %q, stderr %q", code, out, errs)
	}
	if out, errs, _ := tlsportEnv(t, env, "from-rc\n", "-n"); !strings.Contains(errs, "unbound variable: from-rc") {
		t.Errorf("-n: stdout %q, stderr %q", out, errs)
	}
	scriptPath := script(t, home, "s.scm", "(display (if (eq? (call/cc (lambda (k) (with-exception-handler (lambda (e) (k 'unbound)) (lambda () from-rc)))) 'unbound) \"no rc\" \"rc\"))")
	if out, errs, _ := tlsportEnv(t, env, "", scriptPath); out != "no rc" {
		t.Errorf("a script loaded ~/.tlsportrc: stdout %q, stderr %q", out, errs)
	}
	script(t, home, ".tlsportrc", "(car 1)\n")
	if out, errs, code := tlsportEnv(t, env, "(+ 1 2)\n"); code != 0 || out != "#;1> 3\n#;2> " || !strings.Contains(errs, ".tlsportrc:1:1: car") {
		t.Errorf("an error in ~/.tlsportrc: status %d, stdout %q, stderr %q", code, out, errs)
	}
}
