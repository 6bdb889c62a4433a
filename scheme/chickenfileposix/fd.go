// File positions, locks, fcntl, the creation mask and file-select of (chicken file posix).

package chickenfileposix

import (
	"context"
	"errors"
	"math"
	"os"
	"syscall"
	"time"
	"unsafe"

	"github.com/tlsport/tlsport/scheme"
)

// fdOrPort accepts what file-position and set-file-position! take: a file
// descriptor or a port (one not over a file has no position: csi's
// (exn i/o file) error, see filePort).
var fdOrPort = &scheme.Type{Name: "file descriptor or port", Accept: func(v scheme.Value) bool {
	_, port := v.(*scheme.Port)
	n, fd := v.(scheme.Fixnum)
	return port || fd && n >= 0
}}

// overFile reports whether p is a port over a file: the ports CHICKEN
// gives a file position (its stream ports); a string port, a custom port
// or a network port has none.
func overFile(p *scheme.Port) bool {
	_, ok := p.Host.(*os.File)
	return ok
}

// filePort accepts a port over a file: what the file-lock family takes.
var filePort = &scheme.Type{Name: "port over a file", Accept: func(v scheme.Value) bool {
	p, ok := v.(*scheme.Port)
	return ok && fileArg.Accept(p)
}}

// lockLength accepts a lock's length: a non-negative integer or #t (to
// the end of the file).
var lockLength = &scheme.Type{Name: "length (exact integer or #t)", Accept: func(v scheme.Value) bool {
	n, ok := v.(scheme.Fixnum)
	return v == scheme.True || ok && n >= 0
}}

// fdList accepts file-select's descriptor sets: a list of descriptors, one
// descriptor, or #f.
var fdList = &scheme.Type{Name: "file descriptor, list of them or #f", Accept: func(v scheme.Value) bool {
	if v == scheme.False {
		return true
	}
	if n, ok := v.(scheme.Fixnum); ok {
		return n >= 0 && n < syscall.FD_SETSIZE
	}
	l, ok := scheme.ListToSlice(v)
	if !ok {
		return false
	}
	for _, x := range l {
		if n, ok := x.(scheme.Fixnum); !ok || n < 0 || n >= syscall.FD_SETSIZE {
			return false
		}
	}
	return true
}}

// descriptor returns the file descriptor of a port over a file or a
// descriptor.
func descriptor(v scheme.Value) int {
	if p, ok := v.(*scheme.Port); ok {
		return int(p.Host.(*os.File).Fd())
	}
	return int(v.(scheme.Fixnum))
}

// filePosition implements file-position.
func filePosition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if p, ok := a[0].(*scheme.Port); ok {
		n, err := p.Position()
		if err != nil || !overFile(p) { // csi's message (the port's error is about the port, not a file)
			return nil, scheme.NewError("file-position", "cannot retrieve file position of port", []scheme.Value{p}, "i/o", "file")
		}
		return scheme.Fixnum(n), nil
	}
	n, err := syscall.Seek(descriptor(a[0]), 0, 1)
	if err != nil {
		return nil, fileError("file-position", err, a[0])
	}
	return scheme.Fixnum(n), nil
}

// setFilePositionBang implements set-file-position!.
func setFilePositionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pos, ok := a[1].(scheme.Fixnum)
	if !ok {
		return nil, scheme.RangeError("set-file-position!", 2, "out of range", a[1])
	}
	whence := int(a[2].(scheme.Fixnum))
	if whence > 2 {
		return nil, scheme.RangeError("set-file-position!", 3, "not seek/set, seek/cur or seek/end", a[2])
	}
	p, isPort := a[0].(*scheme.Port)
	if !isPort {
		if _, err := syscall.Seek(descriptor(a[0]), int64(pos), whence); err != nil {
			if errors.Is(err, syscall.EINVAL) {
				return nil, scheme.RangeError("set-file-position!", 2, "before the start of the file", a[1])
			}
			return nil, fileError("set-file-position!", err, a[0], a[1])
		}
		return scheme.Unspecified, nil
	}
	if !overFile(p) {
		return nil, errCannotSet(p, a[1])
	}
	target := int64(pos)
	switch whence {
	case 1:
		cur, err := p.Position()
		if err != nil {
			return nil, errCannotSet(p, a[1])
		}
		target += cur
	case 2:
		if !p.IsInput() {
			if err := p.Flush(th.Context()); err != nil {
				return nil, fileError("set-file-position!", err, p)
			}
		}
		st, err := p.Host.(*os.File).Stat()
		if err != nil {
			return nil, fileError("set-file-position!", err, p)
		}
		target += st.Size()
	}
	if target < 0 {
		return nil, scheme.RangeError("set-file-position!", 2, "before the start of the file", a[1])
	}
	if err := p.SetPosition(th.Context(), target); err != nil {
		return nil, errCannotSet(p, a[1])
	}
	return scheme.Unspecified, nil
}

// errCannotSet is set-file-position!'s error for a port that cannot take
// the position, with csi's message.
func errCannotSet(p *scheme.Port, pos scheme.Value) error {
	return scheme.NewError("set-file-position!", "cannot set file position", []scheme.Value{p, pos}, "i/o", "file")
}

// fileCreationMode implements file-creation-mode.
func fileCreationMode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[0]) {
		old := syscall.Umask(0)
		syscall.Umask(old)
		return scheme.Fixnum(old), nil
	}
	syscall.Umask(int(a[0].(scheme.Fixnum)) & 0o7777)
	return a[0], nil
}

// fileControl implements file-control.
func fileControl(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(a[0].(scheme.Fixnum)), uintptr(a[1].(scheme.Fixnum)), uintptr(a[2].(scheme.Fixnum)))
	if errno != 0 {
		return nil, fileError("file-control", errno, a[0], a[1])
	}
	return scheme.Fixnum(int64(r)), nil
}

// selectSlice is how long one select(2) waits before file-select looks at
// its thread's cancellation again.
const selectSlice = 50 * time.Millisecond

// fileSelect implements file-select.
func fileSelect(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	rfds, wfds := fdsOf(a[0]), fdsOf(a[1])
	var deadline time.Time
	if a[2] != scheme.False {
		secs := scheme.ToFloat(a[2])
		if math.IsNaN(secs) || secs < 0 {
			return nil, scheme.RangeError("file-select", 3, "not a number of seconds", a[2])
		}
		deadline = time.Now().Add(time.Duration(math.Min(secs, 1e9) * float64(time.Second)))
	}
	// thread-signal! reaches a thread waiting here; the wait goes on after
	// the handler, to the same deadline.
	return th.ResumableWait("file-select", func(th *scheme.Thread) (scheme.Value, error) {
		th.WaitBegin() // thread-state: blocked
		defer th.WaitEnd()
		ctx := th.WaitContext()
		for {
			wait := selectSlice
			if !deadline.IsZero() {
				wait = min(wait, time.Until(deadline))
			}
			rready, wready, err := selectOnce(rfds, wfds, max(wait, 0))
			if err != nil {
				return nil, fileError("file-select", err, a[0], a[1])
			}
			if len(rready) > 0 || len(wready) > 0 || !deadline.IsZero() && !time.Now().Before(deadline) {
				return scheme.Values(readyValue(a[0], rready), readyValue(a[1], wready)), nil
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	})
}

// fdsOf returns the descriptors of a file-select argument.
func fdsOf(v scheme.Value) []int {
	if n, ok := v.(scheme.Fixnum); ok {
		return []int{int(n)}
	}
	l, _ := scheme.ListToSlice(v) // #f: none
	out := make([]int, len(l))
	for i, x := range l {
		out[i] = int(x.(scheme.Fixnum))
	}
	return out
}

// readyValue is file-select's value for argument v: #t or #f for a single
// descriptor, else the list of those ready.
func readyValue(v scheme.Value, ready []int) scheme.Value {
	if _, ok := v.(scheme.Fixnum); ok {
		return scheme.MakeBool(len(ready) > 0)
	}
	out := make([]scheme.Value, len(ready))
	for i, fd := range ready {
		out[i] = scheme.Fixnum(fd)
	}
	return scheme.List(out...)
}

// selectOnce runs one select(2) on rfds and wfds for at most wait; EINTR
// counts as nothing ready.
func selectOnce(rfds, wfds []int, wait time.Duration) (rready, wready []int, err error) {
	var rset, wset syscall.FdSet
	top := -1
	for _, fd := range rfds {
		fdSet(&rset, fd)
		top = max(top, fd)
	}
	for _, fd := range wfds {
		fdSet(&wset, fd)
		top = max(top, fd)
	}
	tv := syscall.NsecToTimeval(wait.Nanoseconds())
	if err := selectFds(top+1, &rset, &wset, &tv); err != nil {
		if errors.Is(err, syscall.EINTR) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	for _, fd := range rfds {
		if fdIsSet(&rset, fd) {
			rready = append(rready, fd)
		}
	}
	for _, fd := range wfds {
		if fdIsSet(&wset, fd) {
			wready = append(wready, fd)
		}
	}
	return rready, wready, nil
}

// setBit and bitIsSet are FD_SET and FD_ISSET over an fd_set's words,
// whose field name and width depend on the system (fdSet and fdIsSet).
func setBit[W int32 | uint32 | int64 | uint64](words []W, fd int) {
	n := int(8 * unsafe.Sizeof(words[0]))
	words[fd/n] |= 1 << (fd % n)
}

func bitIsSet[W int32 | uint32 | int64 | uint64](words []W, fd int) bool {
	n := int(8 * unsafe.Sizeof(words[0]))
	return words[fd/n]&(1<<(fd%n)) != 0
}

// lock is what file-lock returns: the port and the region it locked.
type lock struct {
	port       *scheme.Port
	start, len int64
}

// TypeName implements scheme.Value.
func (*lock) TypeName() string { return "lock" }

// Repr implements scheme.Repr.
func (*lock) Repr() string { return "#<lock>" }

var typeLock = &scheme.Type{Name: "lock", Accept: func(v scheme.Value) bool { _, ok := v.(*lock); return ok }}

// region returns the lock region of file-lock's arguments and the lock
// type for the port's direction.
func region(a []scheme.Value) (*lock, *syscall.Flock_t) {
	l := &lock{port: a[0].(*scheme.Port), start: int64(a[1].(scheme.Fixnum))}
	if n, ok := a[2].(scheme.Fixnum); ok {
		l.len = int64(n)
	}
	typ := int16(syscall.F_WRLCK)
	if l.port.IsInput() {
		typ = syscall.F_RDLCK
	}
	return l, &syscall.Flock_t{Type: typ, Whence: 0, Start: l.start, Len: l.len}
}

// fileLock implements file-lock.
func fileLock(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, fl := region(a)
	if err := syscall.FcntlFlock(l.port.Host.(*os.File).Fd(), syscall.F_SETLK, fl); err != nil {
		return nil, fileError("file-lock", err, a[0])
	}
	return l, nil
}

// lockRetry is how often file-lock/blocking tries again.
const lockRetry = 20 * time.Millisecond

// fileLockWithBlocking implements file-lock/blocking: it tries F_SETLK until
// the lock is free, so that the wait ends with the thread's context.
func fileLockWithBlocking(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, fl := region(a)
	fd := l.port.Host.(*os.File).Fd()
	ctx := th.Context()
	for {
		err := syscall.FcntlFlock(fd, syscall.F_SETLK, fl)
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, syscall.EAGAIN) && !errors.Is(err, syscall.EACCES) && !errors.Is(err, syscall.EINTR) {
			return nil, fileError("file-lock/blocking", err, a[0])
		}
		if err := sleepCtx(ctx, lockRetry); err != nil {
			return nil, err
		}
	}
}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// fileTestLock implements file-test-lock.
func fileTestLock(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, fl := region(a)
	if err := syscall.FcntlFlock(l.port.Host.(*os.File).Fd(), syscall.F_GETLK, fl); err != nil {
		return nil, fileError("file-test-lock", err, a[0])
	}
	if fl.Type == syscall.F_UNLCK {
		return scheme.False, nil
	}
	return scheme.Fixnum(fl.Pid), nil
}

// fileUnlock implements file-unlock.
func fileUnlock(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l := a[0].(*lock)
	fl := &syscall.Flock_t{Type: syscall.F_UNLCK, Whence: 0, Start: l.start, Len: l.len}
	if err := syscall.FcntlFlock(l.port.Host.(*os.File).Fd(), syscall.F_SETLK, fl); err != nil {
		return nil, fileError("file-unlock", err, a[0])
	}
	return scheme.Unspecified, nil
}
