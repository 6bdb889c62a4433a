// CHICKEN's (chicken errno): the errno codes, and errno.

// Package chickenerrno is the (chicken errno) library: the system's error
// codes. tlsport's procedures report a failing system call in the
// condition they raise rather than in a global errno, so errno is 0.
package chickenerrno

import (
	"syscall"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken errno)"

var codes = []struct {
	name  string
	errno syscall.Errno
}{{"errno/perm", syscall.EPERM}, {"errno/noent", syscall.ENOENT}, {"errno/srch", syscall.ESRCH},
	{"errno/intr", syscall.EINTR}, {"errno/io", syscall.EIO}, {"errno/noexec", syscall.ENOEXEC},
	{"errno/badf", syscall.EBADF}, {"errno/child", syscall.ECHILD}, {"errno/nomem", syscall.ENOMEM},
	{"errno/acces", syscall.EACCES}, {"errno/fault", syscall.EFAULT}, {"errno/busy", syscall.EBUSY},
	{"errno/notdir", syscall.ENOTDIR}, {"errno/isdir", syscall.EISDIR}, {"errno/inval", syscall.EINVAL},
	{"errno/mfile", syscall.EMFILE}, {"errno/nospc", syscall.ENOSPC}, {"errno/spipe", syscall.ESPIPE},
	{"errno/pipe", syscall.EPIPE}, {"errno/again", syscall.EAGAIN}, {"errno/rofs", syscall.EROFS},
	{"errno/exist", syscall.EEXIST}, {"errno/wouldblock", syscall.EWOULDBLOCK}}

func values() []scheme.Binding {
	out := make([]scheme.Binding, len(codes))
	for i, c := range codes {
		out[i] = scheme.Binding{Name: c.name, Spec: spec, Doc: "The error code " + c.errno.Error() + ".", Value: scheme.Fixnum(c.errno)}
	}
	return out
}

// Library is the (chicken errno) binding table.
var Library = &scheme.Library{Name: "(chicken errno)", Doc: "CHICKEN 5's (chicken errno): system error codes.", Values: values(),
	Procs: []scheme.Proc{{Name: "errno", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The error code of the last failed system call: always 0 in tlsport, whose procedures put the failure in the condition they raise.",
		Fn:  errno}}}

// errno implements errno.
func errno(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return scheme.Fixnum(0), nil }
