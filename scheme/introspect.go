// introspect: the live SRFI-18 threads and what each is blocked on (for the REPL's ,threads).

package scheme

import (
	"bufio"
	"bytes"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// threadTable is the per-Interp set of started, not yet terminated threads,
// and the goroutine of each (by which Threads finds its stack).
type threadTable struct {
	mu    sync.Mutex
	live  map[int64]*Thread
	goids map[int64]uint64
}

type threadTableKey struct{}

func (in *Interp) threadTable() *threadTable {
	return in.HostData(threadTableKey{}, func() any {
		return &threadTable{live: map[int64]*Thread{}, goids: map[int64]uint64{}}
	}).(*threadTable)
}

// startThread runs t on a new goroutine, listed with the goroutine's id in
// the Interp's thread table while it runs.
func (in *Interp) startThread(t *Thread) {
	in.gil.multi.Store(true) // from now on threads meet (gil.go)
	tt := in.threadTable()
	tt.mu.Lock()
	tt.live[t.id] = t
	tt.mu.Unlock()
	go func() {
		t.goid = goroutineID() // once: a spawned thread's run does not look it up (lockRun)
		tt.mu.Lock()
		tt.goids[t.id] = t.goid
		tt.mu.Unlock()
		defer func() {
			tt.mu.Lock()
			delete(tt.live, t.id)
			delete(tt.goids, t.id)
			tt.mu.Unlock()
		}()
		t.runThread()
	}()
}

// ThreadInfo describes one live SRFI-18 thread.
type ThreadInfo struct {
	Thread *Thread
	ID     int64
	Name   Value  // the thread's name, #f when it has none
	State  string // "runnable" while it runs
	// Blocked says what the thread is waiting in: the Scheme procedure
	// (a primitive such as thread-sleep!, mutex-lock! or read-line) and
	// the Go call it blocks in, e.g. "read-line (net.(*conn).Read)"; ""
	// when it is running or the goroutine could not be found.
	Blocked string
}

// Threads lists the threads started with thread-start! that have not
// terminated, in the order they were made.
func (in *Interp) Threads() []ThreadInfo {
	tt := in.threadTable()
	tt.mu.Lock()
	var out []ThreadInfo
	ids := map[uint64]int64{} // goroutine → thread
	for id, t := range tt.live {
		t.mu.Lock()
		out = append(out, ThreadInfo{Thread: t, ID: id, Name: t.name, State: t.state})
		t.mu.Unlock()
		if g, ok := tt.goids[id]; ok {
			ids[g] = id
		}
	}
	tt.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(out) == 0 {
		return out
	}
	stacks := threadStacks(ids)
	prims := in.primitiveFuncs()
	for i := range out {
		out[i].Blocked = blockedOn(stacks[out[i].ID], prims)
	}
	return out
}

// threadStacks returns the function names of the stack (innermost first)
// of the goroutines of ids (goroutine id → thread id), by thread id, from
// the runtime's dump of every goroutine's stack:
//
//	goroutine 18 [chan receive]:
//	net.(*conn).Read(0xc000012345, {0xc000100000, 0x1000, 0x1000})
//		/usr/lib/go/src/net/net.go:194 +0x45
//	created by …
func threadStacks(ids map[uint64]int64) map[int64][]string {
	buf := make([]byte, 64*1024)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) || len(buf) >= 64<<20 {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[int64][]string{}
	id := int64(-1)
	sc := bufio.NewScanner(bytes.NewReader(buf))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "goroutine "):
			id = -1
			rest := line[len("goroutine "):]
			if j := strings.IndexByte(rest, ' '); j >= 0 {
				if g, err := strconv.ParseUint(rest[:j], 10, 64); err == nil {
					if t, ok := ids[g]; ok {
						id = t
					}
				}
			}
		case line == "":
			id = -1
		case id < 0 || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "created by ") || strings.HasPrefix(line, "..."):
		default:
			// "pkg.Func(args)": the name is up to the argument list
			name := line
			if strings.HasSuffix(name, ")") {
				if k := strings.LastIndexByte(name, '('); k > 0 {
					name = name[:k]
				}
			}
			out[id] = append(out[id], name)
		}
	}
	return out
}

// primitiveFuncs maps the Go function of every registered primitive's Fn
// to its Scheme name.
func (in *Interp) primitiveFuncs() map[string]string {
	m := map[string]string{}
	for _, l := range in.Libraries() {
		for i := range l.Procs {
			p := &l.Procs[i]
			if p.Fn == nil {
				continue
			}
			if f := runtime.FuncForPC(reflect.ValueOf(p.Fn).Pointer()); f != nil {
				if _, dup := m[f.Name()]; !dup {
					m[f.Name()] = p.Name
				}
			}
		}
	}
	return m
}

// blockedOn names what a thread's goroutine waits in: the innermost frame
// outside the Go runtime, and the innermost Scheme primitive on the stack.
func blockedOn(stack []string, prims map[string]string) string {
	goCall := ""
	for _, fn := range stack {
		if goCall == "" && !strings.HasPrefix(fn, "runtime.") && !strings.HasPrefix(fn, "internal/") &&
			!strings.HasPrefix(fn, "sync/atomic.") {
			goCall = fn
		}
		if s, ok := primOf(fn, prims); ok {
			if goCall == fn || goCall == "" {
				return s
			}
			return s + " (" + goCall + ")"
		}
		if strings.Contains(fn, "/scheme.(*Thread).run") {
			break // the interpreter itself: the thread is running Scheme code
		}
	}
	return ""
}

// primOf returns the Scheme name of the primitive whose Fn is fn or
// encloses it (closures inside Fn are named Fn.func1, Fn.1 …).
func primOf(fn string, prims map[string]string) (string, bool) {
	for {
		if s, ok := prims[fn]; ok {
			return s, true
		}
		i := strings.LastIndexByte(fn, '.')
		if i < 0 {
			return "", false
		}
		last := strings.TrimPrefix(fn[i+1:], "func")
		if _, err := strconv.Atoi(last); err != nil {
			return "", false
		}
		fn = fn[:i]
	}
}

// Closest returns the candidate nearest to name in edit distance, for
// "did you mean" hints (the REPL's unbound variables and unknown names):
// one within 1 edit of a 3-letter name, 2 of a name up to 8 letters, 3 of
// a longer one (none for shorter names); on a tie one with name's first
// letter, else the first in order; "" when none is that close. name itself
// is never the answer.
func Closest(name string, candidates []string) string {
	limit := 3
	switch n := len(name); {
	case n < 3:
		return ""
	case n == 3:
		limit = 1
	case n <= 8:
		limit = 2
	}
	best, bestD := "", 2*(limit+1)
	for _, c := range candidates {
		if c == name || len(c) > len(name)+limit || len(name) > len(c)+limit {
			continue
		}
		d := editDistance(name, c)
		if d > limit {
			continue
		}
		// on a tie, a name with the same first letter wins
		d *= 2
		if c[0] != name[0] {
			d++
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
