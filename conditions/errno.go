// Errno names: syscall.Errno → the symbol of openssl.errno-name.

package conditions

import "syscall"

// ErrnoName returns the C name of e ("ECONNRESET", "EPIPE", …), or
// "errno-N" for numbers outside the table.
func ErrnoName(e syscall.Errno) string {
	switch e {
	case syscall.ECONNRESET:
		return "ECONNRESET"
	case syscall.EPIPE:
		return "EPIPE"
	case syscall.ECONNABORTED:
		return "ECONNABORTED"
	case syscall.ETIMEDOUT:
		return "ETIMEDOUT"
	case syscall.EHOSTUNREACH:
		return "EHOSTUNREACH"
	case syscall.ENETUNREACH:
		return "ENETUNREACH"
	case syscall.ECONNREFUSED:
		return "ECONNREFUSED"
	case syscall.ENOTCONN:
		return "ENOTCONN"
	case syscall.ENETDOWN:
		return "ENETDOWN"
	case syscall.ENETRESET:
		return "ENETRESET"
	case syscall.EHOSTDOWN:
		return "EHOSTDOWN"
	case syscall.ESHUTDOWN:
		return "ESHUTDOWN"
	case syscall.EADDRINUSE:
		return "EADDRINUSE"
	case syscall.EADDRNOTAVAIL:
		return "EADDRNOTAVAIL"
	case syscall.EBADF:
		return "EBADF"
	case syscall.EINVAL:
		return "EINVAL"
	case syscall.EAGAIN:
		return "EAGAIN"
	case syscall.EINTR:
		return "EINTR"
	case syscall.EIO:
		return "EIO"
	case syscall.ENOBUFS:
		return "ENOBUFS"
	case syscall.ENOMEM:
		return "ENOMEM"
	case syscall.EACCES:
		return "EACCES"
	case syscall.EPERM:
		return "EPERM"
	case syscall.ENOENT:
		return "ENOENT"
	case syscall.EMFILE:
		return "EMFILE"
	}
	return "errno-" + itoa(int(e))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
