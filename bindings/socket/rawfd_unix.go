//go:build unix

// The descriptor-level calls of the low-level socket API (make-socket, socket-bind!, socket-connect!, socket-listen!, socket options) on Unix.

package socket

import (
	"context"
	"encoding/binary"
	"net/netip"
	"os"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/tlsport/tlsport/ports"
)

// sysSocket makes a non-blocking, close-on-exec socket.
func sysSocket(family, typ, proto int) (int, error) {
	syscall.ForkLock.RLock()
	fd, err := syscall.Socket(family, typ, proto)
	if err == nil {
		syscall.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		return -1, os.NewSyscallError("setnonblock", err)
	}
	return fd, nil
}

// sockaddrOf converts ap for a socket of family.
func sockaddrOf(family int, ap netip.AddrPort) syscall.Sockaddr {
	ip := ap.Addr()
	if family == AFInet6 {
		return &syscall.SockaddrInet6{Port: int(ap.Port()), Addr: ip.As16()}
	}
	return &syscall.SockaddrInet4{Port: int(ap.Port()), Addr: ip.Unmap().As4()}
}

// addrPortOf converts a socket address (invalid for other families).
func addrPortOf(sa syscall.Sockaddr) netip.AddrPort {
	switch s := sa.(type) {
	case *syscall.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(s.Addr), uint16(s.Port))
	case *syscall.SockaddrInet6:
		return netip.AddrPortFrom(netip.AddrFrom16(s.Addr).Unmap(), uint16(s.Port))
	}
	return netip.AddrPort{}
}

func sysBind(fd, family int, ap netip.AddrPort) error {
	return os.NewSyscallError("bind", syscall.Bind(fd, sockaddrOf(family, ap)))
}

func sysListen(fd, backlog int) error {
	return os.NewSyscallError("listen", syscall.Listen(fd, backlog))
}

// sysName is getsockname of fd.
func sysName(fd int) netip.AddrPort {
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		return netip.AddrPort{}
	}
	return addrPortOf(sa)
}

// sysConnect connects fd (non-blocking) to ap and returns it as an
// *os.File registered with the runtime's poller, waiting for the
// connection until dl (zero: no limit) or until ctx is done. On failure
// the descriptor is closed.
func sysConnect(ctx context.Context, fd, family int, ap netip.AddrPort, dl time.Time) (*os.File, error) {
	err := syscall.Connect(fd, sockaddrOf(family, ap))
	f := os.NewFile(uintptr(fd), "socket")
	if err != nil && err != syscall.EINPROGRESS && err != syscall.EINTR {
		f.Close()
		return nil, os.NewSyscallError("connect", err)
	}
	if err != nil { // in progress: wait until the socket can be written
		rc, rerr := f.SyscallConn()
		if rerr != nil {
			f.Close()
			return nil, rerr
		}
		var werr error
		soerr := 0
		ports.WithDeadline(ctx, f.SetWriteDeadline, dl, func() {
			werr = rc.Write(func(fd uintptr) bool {
				// done: an error is pending, or the socket has a peer
				// (the poller's readiness may have come before the wait)
				n, err := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_ERROR)
				if err != nil || n != 0 {
					soerr = n
					if err != nil {
						soerr = int(err.(syscall.Errno))
					}
					return true
				}
				_, err = syscall.Getpeername(int(fd))
				return err == nil
			})
		})
		if werr == nil && soerr != 0 {
			werr = os.NewSyscallError("connect", syscall.Errno(soerr))
		}
		if werr != nil {
			f.Close()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, werr
		}
	}
	return f, nil
}

// setOpt sets a socket option on fd: an integer, or raw bytes.
func setOpt(fd, level, name int, value any) error {
	var err error
	switch v := value.(type) {
	case int:
		err = syscall.SetsockoptInt(fd, level, name, v)
	case []byte:
		err = syscall.SetsockoptString(fd, level, name, string(v))
	}
	return os.NewSyscallError("setsockopt", err)
}

// getOpt reads a socket option of fd: an integer (size ≤ 0) or, for size
// > 0, size bytes: the option's bytes as the system stores them (for
// SO_LINGER a struct linger, for SO_RCVTIMEO and SO_SNDTIMEO a struct
// timeval, otherwise an int), cut or zero-padded to size.
func getOpt(fd, level, name, size int) (any, error) {
	if size <= 0 {
		v, err := syscall.GetsockoptInt(fd, level, name)
		return v, os.NewSyscallError("getsockopt", err)
	}
	var b []byte
	switch {
	case level == syscall.SOL_SOCKET && name == syscall.SO_LINGER:
		l, err := unix.GetsockoptLinger(fd, level, name)
		if err != nil {
			return nil, os.NewSyscallError("getsockopt", err)
		}
		b = unsafe.Slice((*byte)(unsafe.Pointer(l)), unsafe.Sizeof(*l))
	case level == syscall.SOL_SOCKET && (name == syscall.SO_RCVTIMEO || name == syscall.SO_SNDTIMEO):
		tv, err := unix.GetsockoptTimeval(fd, level, name)
		if err != nil {
			return nil, os.NewSyscallError("getsockopt", err)
		}
		b = unsafe.Slice((*byte)(unsafe.Pointer(tv)), unsafe.Sizeof(*tv))
	default:
		v, err := syscall.GetsockoptInt(fd, level, name)
		if err != nil {
			return nil, os.NewSyscallError("getsockopt", err)
		}
		b = binary.NativeEndian.AppendUint32(nil, uint32(int32(v)))
	}
	out := make([]byte, size)
	copy(out, b)
	return out, nil
}

func sysClose(fd int) error { return syscall.Close(fd) }
