package scheme

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// A deep recursion holds one frame per level: it must stay 64 bytes (one
// size class below the 80 it was), and a chunk of them with the
// allocator's 8-byte header must fill the 8 KiB size class.
func TestFrameSize(t *testing.T) {
	if s := unsafe.Sizeof(frame{}); s != 64 {
		t.Errorf("frame is %d bytes, want 64", s)
	}
	if s := unsafe.Sizeof(chunk{}) + 8; s > 8192 || s+unsafe.Sizeof(frame{}) <= 8192 {
		t.Errorf("a chunk and its header are %d bytes, want the most frames within 8192", s)
	}
	// chunkOf finds the header of either kind of chunk
	if unsafe.Sizeof(pchunk{}) != unsafe.Sizeof(chunk{}) || unsafe.Offsetof(pchunk{}.f) != unsafe.Offsetof(chunk{}.f) ||
		unsafe.Sizeof(pureFrame{}) != unsafe.Sizeof(frame{}) {
		t.Errorf("a pure chunk is laid out unlike a chunk")
	}
}

// A chunk whose frames have all been resumed is reused: a deep recursion
// repeated cuts its frames from the chunks of the one before, and
// allocates nothing.
func TestFrameChunkReuse(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's sync.Pool drops chunks at random")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // chunkPool keeps its chunks until a collection
	th := New().newThread(context.Background())
	th.depth = chunkDepth
	cut := func() []*frame {
		fs := make([]*frame, 0, 3*frameChunk)
		for range 3 * frameChunk {
			f := th.allocFrame(baseOp{}, nil)
			f.a, f.b, f.i = Fixnum(1), Fixnum(2), 3
			fs = append(fs, f)
		}
		return fs
	}
	resume := func(fs []*frame) {
		for i := len(fs) - 1; i >= 0; i-- { // the innermost (last cut) first
			th.recycleFrame(fs[i])
		}
	}
	fs := cut()
	chunks := map[*chunk]bool{}
	for _, f := range fs {
		c := (*chunk)(unsafe.Pointer(chunkOf(f)))
		if f.slot == 0 || &c.f[f.slot-1] != f {
			t.Fatalf("frame %p: slot %d does not find it in its chunk", f, f.slot)
		}
		chunks[c] = true
	}
	if len(chunks) != 3 {
		t.Fatalf("%d frames in %d chunks, want 3", len(fs), len(chunks))
	}
	for c := range chunks {
		if c.used != frameChunk {
			t.Errorf("a full chunk counts %d frames in use", c.used)
		}
	}
	resume(fs)
	for c := range chunks {
		if c.used != 0 {
			t.Errorf("a chunk counts %d frames in use after all were resumed", c.used)
		}
		for i := range c.f {
			if f := c.f[i]; f != (frame{kind: f.kind}) {
				t.Fatalf("a resumed chunk frame is not zero: %+v", f)
			}
		}
	}
	for _, f := range cut() {
		if !chunks[(*chunk)(unsafe.Pointer(chunkOf(f)))] {
			t.Fatalf("a new chunk while three were free")
		}
	}
	// a frame still in use keeps its chunk from being reused
	held := th.allocFrame(baseOp{}, nil)
	if n := testing.AllocsPerRun(10, func() { resume(cut()) }); n > 1 { // the slice of frames
		t.Errorf("a repeated deep recursion allocates %v objects, want none but the test's slice", n)
	}
	for _, f := range cut() {
		if f == held {
			t.Fatalf("a frame in use was cut again")
		}
	}
}

// A deep recursion links each level's frame on top of the frame cut just
// before it: the link is the frame's place in its chunk, not a pointer,
// except across chunks; walking the continuation finds every frame.
func TestFrameNextAdjacent(t *testing.T) {
	th := New().newThread(context.Background())
	th.depth = chunkDepth
	base := newBaseFrame(th, 0)
	th.k = base
	levels := []*frame{base}
	for range 3 * frameChunk {
		f := th.allocFrame(baseOp{}, nil)
		th.push(f)
		th.link()
		levels = append(levels, f)
	}
	pointers := 0
	f := th.k
	for i := len(levels) - 1; i > 0; i-- {
		if f != levels[i] {
			t.Fatalf("level %d: walking the continuation found %p, want %p", i, f, levels[i])
		}
		if f.next != nil {
			pointers++
		}
		f = f.up()
	}
	if f != base {
		t.Fatalf("the walk ended at %p, not at the base frame", f)
	}
	if pointers > 3 { // the first frame of each chunk points into the one before
		t.Errorf("%d of %d frames hold a pointer to the next one, want at most 3", pointers, len(levels)-1)
	}
	// resumed, a frame is zero again (its link included)
	for th.k != base {
		f := th.k
		th.k = f.up()
		th.recycleFrame(f)
		if *f != (frame{kind: f.kind}) {
			t.Fatalf("a resumed frame is not zero: %+v", *f)
		}
	}
}

// Every frame operation has a kind that gives it back (setOp, getOp).
func TestFrameOpKinds(t *testing.T) {
	fn := frameFn(func(th *Thread, f *frame, v Value) Value { return v })
	for _, op := range []frameOp{baseOp{}, &callNode{}, &ifNode{}, &seqNode{}, &letNode{}, &letrecNode{},
		&setLocal{}, &setGlobal{}, &defineGlobal{}, &defaultNode{}, &progNode{}, windOp{}, restoreDynOp{},
		nonContinuableOp{}, fn} {
		f := newOpFrame(op, nil, nil)
		got := f.getOp()
		if _, isFn := op.(frameFn); isFn {
			if g, ok := got.(frameFn); !ok || g(nil, nil, Fixnum(7)) != Value(Fixnum(7)) {
				t.Errorf("frameFn: got %T", got)
			}
			continue
		}
		if got != op {
			t.Errorf("%T: got %T %v", op, got, got)
		}
	}
	// chunk frames: the first three operations of a chunk in its table,
	// others in the frame
	th := New().newThread(context.Background())
	th.depth = chunkDepth
	ops := []frameOp{&callNode{}, &ifNode{}, &callNode{}, &seqNode{}, &callNode{}, baseOp{}}
	var fs []*frame
	for i := range 3 * frameChunk {
		fs = append(fs, th.allocFrame(ops[i%len(ops)], nil))
	}
	first := map[*chunkHdr][]frameOp{} // the first three operations of each chunk
	for i, f := range fs {
		op := ops[i%len(ops)]
		if got := f.getOp(); got != op {
			t.Fatalf("chunk frame %d: got %T %p, want %T %p", i, got, got, op, op)
		}
		c := chunkOf(f)
		if len(first[c]) < 3 && !slices.Contains(first[c], op) {
			first[c] = append(first[c], op)
		}
		if want := slices.Contains(first[c], op); (f.kind>>opShift != 0) != want || (f.op == nil) != want {
			t.Errorf("chunk frame %d: operation in its chunk's table %v, want %v", i, f.kind>>opShift != 0, want)
		}
	}
}

// The thread counts the frames of its continuation (a frame does not hold
// its depth): the count must follow escapes, errors, interruptions and
// re-entered continuations, or the recursion limit would move.
func TestFrameDepthCount(t *testing.T) {
	in := New(WithMaxDepth(10000))
	evalT(t, in, `
(define (d n f) (if (= n 0) (f) (+ 1 (d (- n 1) f))))
(define (spin) (let loop () (loop)))
(define saved #f)
(define (more) (d (call/cc (lambda (k) (set! saved k) 0)) (lambda () 0)))
;; 6000 levels, then re-entered from the top to go m levels further
(define (reenter m)
  (let ((runs 0))
    (let ((r (d 6000 more)))
      (set! runs (+ runs 1))
      (if (= runs 1) (saved m))
      r)))`)
	limit := func(src string) {
		t.Helper()
		_, err := in.EvalString(context.Background(), src)
		if err == nil || !strings.Contains(err.Error(), "recursion too deep") {
			t.Errorf("%s: got %v, want recursion too deep", src, err)
		}
	}
	deep := func(src string, want int) {
		t.Helper()
		if v := evalT(t, in, src); v != Value(Fixnum(want)) {
			t.Errorf("%s = %s, want %d", src, WriteString(v), want)
		}
	}
	deep("(d 9900 (lambda () 0))", 9900)
	limit("(d 10100 (lambda () 0))")
	deep("(d 9900 (lambda () 0))", 9900) // the failed run left nothing counted
	// an error and an escape from deep down
	deep("(guard (e (#t 0)) (d 9000 (lambda () (car 1))))", 0)
	deep("(call/cc (lambda (k) (d 9000 (lambda () (k 0)))))", 0)
	deep("(d 9900 (lambda () 0))", 9900)
	// a continuation 6000 deep, re-entered from the top: its depth comes
	// back with it, so 3900 more levels fit and 4100 do not
	deep("(reenter 3900)", 9900)
	limit("(reenter 4100)")
	deep("(d 9900 (lambda () 0))", 9900)
	// an interruption 5000 deep
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	_, err := in.EvalString(ctx, "(d 5000 spin)")
	cancel()
	if err == nil || !strings.Contains(err.Error(), "interrupted") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("interrupting (d 5000 spin): got %v", err)
	}
	deep("(d 9900 (lambda () 0))", 9900)
}

// A continuation per call/cc: it must stay 32 bytes.
func TestContinuationSize(t *testing.T) {
	if s := unsafe.Sizeof(Continuation{}); s != 32 {
		t.Errorf("Continuation is %d bytes, want 32", s)
	}
}

// A continuation knows its thread through its run's base frame.
func TestContinuationOtherThread(t *testing.T) {
	in := New()
	v := evalT(t, in, `
(import (scheme base) (srfi 18))
(define k0 #f)
(call/cc (lambda (k) (set! k0 k)))
(define t (make-thread (lambda () (guard (e (#t e)) (k0 1)))))
(thread-start! t)
(thread-join! t)`)
	if c, ok := v.(*Condition); !ok || !strings.Contains(c.Message(), "another thread") {
		t.Errorf("got %s", WriteString(v))
	}
}

// Pure frames hold no pointer (their operation in their chunk's table, a
// fixnum unboxed, the next frame the adjacent one or the chunk's below),
// the pure chunk is a stack reused by the next recursion, a pure frame
// followed by another queued frame becomes an ordinary one, and pure
// frames alternating with ordinary ones do not take a chunk each.
func TestFramePure(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // pchunkPool keeps its chunks until a collection
	th := New().newThread(context.Background())
	th.depth = chunkDepth
	base := newBaseFrame(th, 0)
	th.k = base
	n := &callNode{}
	descend := func(levels int) []*frame {
		fs := make([]*frame, 0, levels)
		for i := range levels {
			if !th.cutPure(n, 1, true, Fixnum(1<<40)+Fixnum(i)) {
				t.Fatalf("level %d: no pure frame", i)
			}
			fs = append(fs, th.pTop)
			th.link()
		}
		return fs
	}
	ascend := func() {
		for th.k != base {
			f := th.k
			th.k = f.up()
			th.depth--
			pure := f.kind&kPure != 0
			th.recycleFrame(f)
			if pure && *(*pureFrame)(unsafe.Pointer(f)) != (pureFrame{}) {
				t.Fatalf("a resumed pure frame is not zero")
			}
		}
	}
	fs := descend(3 * frameChunk)
	chunks := map[*chunkHdr]bool{}
	for i, f := range fs {
		chunks[chunkOf(f)] = true
		if f.next != nil || f.op != nil || f.env != nil || f.a != nil || *(*unsafe.Pointer)(unsafe.Pointer(&f.b)) != nil {
			t.Fatalf("pure frame %d holds a pointer", i)
		}
		if got := *f.pureFix(); got != Fixnum(1<<40)+Fixnum(i) || f.site() != n || f.i != 1 {
			t.Fatalf("pure frame %d: fixnum %d, site %p, argument %d", i, got, f.site(), f.i)
		}
	}
	if len(chunks) != 3 {
		t.Fatalf("%d pure frames in %d chunks, want 3", len(fs), len(chunks))
	}
	runtime.GC() // the chunks are reachable from th.k alone
	f := th.k
	for i := len(fs) - 1; i >= 0; i-- {
		if f != fs[i] {
			t.Fatalf("level %d: walking the continuation found %p, want %p", i, f, fs[i])
		}
		f = f.up()
	}
	if f != base {
		t.Fatalf("the walk ended at %p, not at the base frame", f)
	}
	ascend()
	if n := testing.AllocsPerRun(10, func() { descend(3 * frameChunk); ascend() }); n > 1 { // the slice of frames
		t.Errorf("a repeated deep recursion allocates %v objects, want none but the test's slice", n)
	}

	// a frame queued after a pure one: the pure one becomes ordinary, its
	// place in the chunk given back
	top := th.pchunkN
	th.cutPure(n, 1, true, 5000)
	th.push(th.newFrame(n, nil))
	if p := th.pTop; p.kind&kPure != 0 || p.site() != n || p.i != 1 || p.b != Value(Fixnum(5000)) || th.pchunkN != top {
		t.Fatalf("after a second frame was queued: %+v, chunk top %d (want %d)", *p, th.pchunkN, top)
	}
	th.link()
	ascend()

	// alternating with ordinary frames: one pure frame, the others ordinary
	pure := 0
	for i := range 1000 {
		if th.cutPure(n, 1, false, 0) {
			pure++
		} else {
			th.push(th.newFrame(n, nil))
		}
		th.link()
		if i%2 == 0 {
			th.push(th.newFrame(n, nil))
			th.link()
		}
	}
	if pure != 1 {
		t.Errorf("%d pure frames among ordinary ones, want 1 (a chunk each)", pure)
	}
	ascend()
}
