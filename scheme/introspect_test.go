// Tests of the thread table behind the REPL's ,threads.

package scheme

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestThreads(t *testing.T) {
	in := New()
	defer in.Close()
	ctx := context.Background()
	if got := in.Threads(); len(got) != 0 {
		t.Fatalf("Threads before any thread = %v", got)
	}
	_, err := in.EvalString(ctx, `
(define m (make-mutex 'm))
(mutex-lock! m)
(define sleeper (thread-start! (make-thread (lambda () (thread-sleep! 60)) 'sleeper)))
(define locker (thread-start! (make-thread (lambda () (mutex-lock! m)) 'locker)))
(define quick (thread-start! (make-thread (lambda () 42))))
(thread-join! quick)`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"sleeper": "thread-sleep!", "locker": "mutex-lock!"}
	var got []ThreadInfo
	deadline := time.Now().Add(5 * time.Second)
	for {
		got = in.Threads()
		ok := len(got) == 2
		for _, ti := range got {
			if !strings.HasPrefix(ti.Blocked, want[DisplayString(ti.Name)]) {
				ok = false
			}
		}
		if ok || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(got) != 2 {
		t.Fatalf("Threads = %+v, want sleeper and locker (quick has terminated)", got)
	}
	for _, ti := range got {
		name := DisplayString(ti.Name)
		if ti.State != "runnable" || !strings.HasPrefix(ti.Blocked, want[name]) {
			t.Errorf("%s: state %q blocked %q; want runnable, blocked in %s", name, ti.State, ti.Blocked, want[name])
		}
	}
	if _, err := in.EvalString(ctx, `(thread-terminate! sleeper) (mutex-unlock! m) (thread-join! locker)`); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(5 * time.Second)
	for len(in.Threads()) != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := in.Threads(); len(got) != 0 {
		t.Errorf("Threads after the threads ended = %+v", got)
	}
}

func TestPrimOf(t *testing.T) {
	prims := map[string]string{"m/scheme.threadProcs.func9": "thread-sleep!", "m/ports.readLine": "read-line"}
	tests := []struct{ fn, want string }{
		{"m/scheme.threadProcs.func9", "thread-sleep!"},
		{"m/scheme.threadProcs.func9.1", "thread-sleep!"},
		{"m/scheme.threadProcs.func9.func2", "thread-sleep!"},
		{"m/scheme.threadProcs.func1", ""},
		{"m/ports.readLine", "read-line"},
		{"time.Sleep", ""},
	}
	for _, tc := range tests {
		if got, _ := primOf(tc.fn, prims); got != tc.want {
			t.Errorf("primOf(%q) = %q, want %q", tc.fn, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"%cut", "car", "fact", "length", "list", "string-append", "string-append!"}
	tests := []struct{ name, want string }{
		{"lenght", "length"},
		{"fcat", "fact"}, // a tie with %cut: the same first letter wins
		{"cat", "car"},
		{"strng-apend", "string-append"},
		{"list", ""},
		{"x", ""},
		{"zzzzqqqq", ""},
	}
	for _, tc := range tests {
		if got := Closest(tc.name, names); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
