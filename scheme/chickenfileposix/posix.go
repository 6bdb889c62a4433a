// CHICKEN's (chicken file posix): file status, types, times, owners and permissions, links, FIFOs and file descriptors.

// Package chickenfileposix is the (chicken file posix) library. A FILE
// argument is a file name, a file descriptor or a port over a file.
// Failures raise (exn i/o file). The file-lock family takes advisory
// POSIX record locks (fcntl); file-lock/blocking and file-select wait in
// slices, so that Ctrl-C and a thread's cancellation end the wait.
package chickenfileposix

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken file posix)"

var fileArg = &scheme.Type{Name: "file name, file descriptor or port", Accept: func(v scheme.Value) bool {
	switch x := v.(type) {
	case *scheme.String:
		return true
	case scheme.Fixnum:
		return x >= 0
	case *scheme.Port:
		_, ok := x.Host.(*os.File)
		return ok
	}
	return false
}}

// file1 makes the row of a procedure of one file; being a call with
// constants that returns a literal, the compiler makes the table static
// data (with LazyArgs: nothing built at start-up).
func file1(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: fileParams, Fn: fn}
}

func fileParams() scheme.Params { return scheme.Lambda(scheme.Req("file", fileArg)) }

var (
	str   = scheme.TypeString
	index = scheme.TypeIndex
)

var procs = []scheme.Proc{
	{Name: "file-stat", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", fileArg), scheme.Opt("link", nil, scheme.False))
	},
		Doc: "A 13-element vector: inode, mode, links, uid, gid, size, access, change and modification times, device, raw device, block size and blocks; with link, of a symbolic link itself.",
		Fn:  fileStat},
	file1("file-size", "The size of the file in bytes.", fileSize),
	{Name: "file-type", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", fileArg), scheme.Opt("link", nil, scheme.False), scheme.Opt("error", nil, scheme.True))
	},
		Doc: "One of regular-file, directory, fifo, socket, symbolic-link (only with link), character-device or block-device; with error #f, #f for a file that does not exist instead of an error.",
		Fn:  fileType},
	file1("directory?", "Is the file a directory?", directoryP),
	file1("regular-file?", "Is the file a regular file (following symbolic links)?", regularFileP),
	file1("symbolic-link?", "Is the file a symbolic link?", symbolicLinkP),
	file1("fifo?", "Is the file a FIFO?", fifoP),
	file1("socket?", "Is the file a socket?", socketP),
	file1("character-device?", "Is the file a character device?", characterDeviceP),
	file1("block-device?", "Is the file a block device?", blockDeviceP),
	file1("file-access-time", "The time of the last access, in seconds since the epoch.", fileAccessTime),
	file1("file-change-time", "The time of the last status change, in seconds since the epoch.", fileChangeTime),
	file1("file-modification-time", "The time of the last modification, in seconds since the epoch.", fileModificationTime),
	file1("file-owner", "The user id of the file's owner.", fileOwner),
	file1("file-group", "The group id of the file.", fileGroup),
	file1("file-permissions", "The permission bits of the file (perm/… values or'ed).", filePermissions),
	{Name: "set-file-permissions!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("file", fileArg), scheme.Req("mode", index)) },
		Doc: "Sets the permission bits of the file.", Fn: setFilePermissionsBang},
	{Name: "set-file-owner!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", fileArg), scheme.Req("uid", scheme.TypeFixnum))
	},
		Doc: "Sets the owner of the file.", Fn: setFileOwnerBang},
	{Name: "set-file-group!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", fileArg), scheme.Req("gid", scheme.TypeFixnum))
	},
		Doc: "Sets the group of the file.", Fn: setFileGroupBang},
	{Name: "set-file-times!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", str), scheme.Opt("mtime", scheme.OrFalse(scheme.TypeNumber), nil), scheme.Opt("atime", scheme.OrFalse(scheme.TypeNumber), nil))
	},
		Doc: "Sets the modification time (default now) and access time (default the modification time) of the file, in seconds since the epoch.",
		Fn:  setFileTimesBang},
	{Name: "file-truncate", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("file", fileArg), scheme.Req("offset", index)) },
		Doc: "Truncates (or extends) the file to offset bytes.", Fn: fileTruncate},
	{Name: "create-symbolic-link", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("old", str), scheme.Req("new", str)) },
		Doc: "Creates the symbolic link new pointing to old.", Fn: createSymbolicLink},
	{Name: "read-symbolic-link", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("filename", str), scheme.Opt("canonicalize", nil, scheme.False))
	},
		Doc: "The target of the symbolic link; with canonicalize, the file it finally names (all links resolved).", Fn: readSymbolicLink},
	{Name: "file-link", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("old", str), scheme.Req("new", str)) },
		Doc: "Creates the hard link new to old.", Fn: fileLink},
	{Name: "create-fifo", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("filename", str), scheme.Opt("mode", index, scheme.Fixnum(0o777)))
	},
		Doc: "Creates a FIFO with the permission bits mode (default perm/irwxu, perm/irwxg and perm/irwxo).", Fn: createFifo},
	{Name: "file-open", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("filename", str), scheme.Req("flags", index), scheme.Opt("mode", index, scheme.Fixnum(0o744)))
	},
		Doc: "Opens the file with flags (open/… values or'ed; exactly one of open/rdonly, open/wronly and open/rdwr) and, for a created file, mode (default perm/irwxu, perm/irgrp and perm/iroth); returns the file descriptor.",
		Fn:  fileOpen},
	{Name: "file-close", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("fileno", index)) },
		Doc: "Closes the file descriptor.", Fn: fileClose},
	{Name: "file-read", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("fileno", index), scheme.Req("size", index), scheme.Opt("buffer", nil, nil))
	},
		Doc: "Reads up to size bytes from the file descriptor into buffer (a string, blob or bytevector, default a new string); returns a list of the buffer and the number of bytes read.",
		Fn:  fileRead},
	{Name: "file-write", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("fileno", index), scheme.Req("buffer", nil), scheme.Opt("size", index, nil))
	},
		Doc: "Writes the bytes of buffer (a string, blob or bytevector; only size of them when given) to the file descriptor; returns the number written.",
		Fn:  fileWrite},
	{Name: "file-mkstemp", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("template-filename", str)) },
		Doc: "Creates a new file from the template, whose last six characters XXXXXX are replaced to make the name unique; returns its file descriptor and name.",
		Fn:  fileMkstemp},
	{Name: "duplicate-fileno", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("old", index), scheme.Opt("new", index, nil)) },
		Doc: "A new file descriptor for the file of old (new itself when given, as dup2).", Fn: duplicateFileno},
	{Name: "open-input-file*", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("fileno", index), scheme.Opt("mode", nil, nil)) },
		Doc: "An input port reading the file descriptor.", Fn: openInputFileStar},
	{Name: "open-output-file*", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("fileno", index), scheme.Opt("mode", nil, nil)) },
		Doc: "An output port writing the file descriptor.", Fn: openOutputFileStar},
	{Name: "port->fileno", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", scheme.TypePort)) },
		Doc: "The file descriptor of a port over a file (the standard ports and those of open-input-file* and open-output-file*).", Fn: portToFileno},
	// fd.go's: positions, locks, fcntl, the creation mask, file-select
	{Name: "file-position", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("file", fdOrPort)) },
		Doc: "The current read/write position of file, a port over a file (buffered data counted) or a file descriptor; another port (a string port, a pipe) has none, an (exn i/o file) error as in csi. Its setter is set-file-position!.",
		Fn:  filePosition},
	{Name: "set-file-position!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("file", fdOrPort), scheme.Req("position", scheme.TypeInteger), scheme.Opt("whence", scheme.TypeIndex, scheme.Fixnum(0)))
	},
		Doc: "Moves the read/write position of file (a port or file descriptor) to position, from the start (seek/set, the default), the current position (seek/cur) or the end (seek/end); a position before the start is an (exn bounds) error, a port not over a file (a string port) an (exn i/o file) one.",
		Fn:  setFilePositionBang},
	{Name: "file-creation-mode", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("mode", scheme.TypeIndex, nil)) },
		Doc: "The permission bits masked off newly created files (the umask); with mode, sets them first. Its setter sets them too.",
		Fn:  fileCreationMode},
	{Name: "file-control", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("fileno", scheme.TypeIndex), scheme.Req("command", scheme.TypeIndex), scheme.Opt("argument", scheme.TypeIndex, scheme.Fixnum(0)))
	},
		Doc: "Performs fcntl command (fcntl/dupfd, fcntl/getfd, fcntl/setfd, fcntl/getfl, fcntl/setfl) on fileno with argument (default 0); returns fcntl's result.",
		Fn:  fileControl},
	{Name: "file-select", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("readfdlist", fdList), scheme.Req("writefdlist", fdList), scheme.Opt("timeout", scheme.OrFalse(scheme.TypeNumber), scheme.False))
	},
		Doc: "Waits until one of the descriptors of readfdlist is ready for input or one of writefdlist for output, or timeout seconds (no limit when #f) have passed, and returns two values: the lists of those ready. Given a single descriptor instead of a list, the value for it is #t or #f; #f stands for (). Ctrl-C and the thread's cancellation end the wait.",
		Fn:  fileSelect},
	{Name: "file-lock", Spec: spec, LazyArgs: lockParams,
		Doc: "Locks len bytes (#t, the default: to the end of the file) of the port's file from start (default 0) for reading (an input port) or writing (an output port), with an advisory POSIX record lock; returns a lock object for file-unlock. A lock held by another process is an (exn i/o file) error.",
		Fn:  fileLock},
	{Name: "file-lock/blocking", Spec: spec, LazyArgs: lockParams,
		Doc: "As file-lock, but waits while another process holds a conflicting lock (only the calling thread waits; Ctrl-C and the thread's cancellation end the wait).",
		Fn:  fileLockWithBlocking},
	{Name: "file-test-lock", Spec: spec, LazyArgs: lockParams,
		Doc: "The process id of a process holding a lock that conflicts with the one file-lock would take, or #f.",
		Fn:  fileTestLock},
	{Name: "file-unlock", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("lock", typeLock)) },
		Doc: "Releases the lock made by file-lock or file-lock/blocking.",
		Fn:  fileUnlock},
}

// consts are the constants of the library: file-open flags, permission
// bits, seek origins and the standard file descriptors (static data).
var consts = []scheme.Binding{
	{Name: "open/rdonly", Spec: spec, Doc: "file-open flag rdonly.", Value: scheme.Fixnum(syscall.O_RDONLY)},
	{Name: "open/wronly", Spec: spec, Doc: "file-open flag wronly.", Value: scheme.Fixnum(syscall.O_WRONLY)},
	{Name: "open/rdwr", Spec: spec, Doc: "file-open flag rdwr.", Value: scheme.Fixnum(syscall.O_RDWR)},
	{Name: "open/read", Spec: spec, Doc: "file-open flag read.", Value: scheme.Fixnum(syscall.O_RDONLY)},
	{Name: "open/write", Spec: spec, Doc: "file-open flag write.", Value: scheme.Fixnum(syscall.O_WRONLY)},
	{Name: "open/creat", Spec: spec, Doc: "file-open flag creat.", Value: scheme.Fixnum(syscall.O_CREAT)},
	{Name: "open/append", Spec: spec, Doc: "file-open flag append.", Value: scheme.Fixnum(syscall.O_APPEND)},
	{Name: "open/excl", Spec: spec, Doc: "file-open flag excl.", Value: scheme.Fixnum(syscall.O_EXCL)},
	{Name: "open/noctty", Spec: spec, Doc: "file-open flag noctty.", Value: scheme.Fixnum(syscall.O_NOCTTY)},
	{Name: "open/nonblock", Spec: spec, Doc: "file-open flag nonblock.", Value: scheme.Fixnum(syscall.O_NONBLOCK)},
	{Name: "open/trunc", Spec: spec, Doc: "file-open flag trunc.", Value: scheme.Fixnum(syscall.O_TRUNC)},
	{Name: "open/sync", Spec: spec, Doc: "file-open flag sync.", Value: scheme.Fixnum(syscall.O_SYNC)},
	{Name: "open/fsync", Spec: spec, Doc: "file-open flag fsync.", Value: scheme.Fixnum(syscall.O_SYNC)},
	{Name: "open/binary", Spec: spec, Doc: "file-open flag binary.", Value: scheme.Fixnum(0)},
	{Name: "open/text", Spec: spec, Doc: "file-open flag text.", Value: scheme.Fixnum(0)},
	{Name: "open/noinherit", Spec: spec, Doc: "file-open flag noinherit.", Value: scheme.Fixnum(syscall.O_CLOEXEC)},
	{Name: "perm/irusr", Spec: spec, Doc: "Permission bit irusr.", Value: scheme.Fixnum(0o400)},
	{Name: "perm/iwusr", Spec: spec, Doc: "Permission bit iwusr.", Value: scheme.Fixnum(0o200)},
	{Name: "perm/ixusr", Spec: spec, Doc: "Permission bit ixusr.", Value: scheme.Fixnum(0o100)},
	{Name: "perm/irgrp", Spec: spec, Doc: "Permission bit irgrp.", Value: scheme.Fixnum(0o40)},
	{Name: "perm/iwgrp", Spec: spec, Doc: "Permission bit iwgrp.", Value: scheme.Fixnum(0o20)},
	{Name: "perm/ixgrp", Spec: spec, Doc: "Permission bit ixgrp.", Value: scheme.Fixnum(0o10)},
	{Name: "perm/iroth", Spec: spec, Doc: "Permission bit iroth.", Value: scheme.Fixnum(0o4)},
	{Name: "perm/iwoth", Spec: spec, Doc: "Permission bit iwoth.", Value: scheme.Fixnum(0o2)},
	{Name: "perm/ixoth", Spec: spec, Doc: "Permission bit ixoth.", Value: scheme.Fixnum(0o1)},
	{Name: "perm/irwxu", Spec: spec, Doc: "Permission bit irwxu.", Value: scheme.Fixnum(0o700)},
	{Name: "perm/irwxg", Spec: spec, Doc: "Permission bit irwxg.", Value: scheme.Fixnum(0o70)},
	{Name: "perm/irwxo", Spec: spec, Doc: "Permission bit irwxo.", Value: scheme.Fixnum(0o7)},
	{Name: "perm/isvtx", Spec: spec, Doc: "Permission bit isvtx.", Value: scheme.Fixnum(0o1000)},
	{Name: "perm/isuid", Spec: spec, Doc: "Permission bit isuid.", Value: scheme.Fixnum(0o4000)},
	{Name: "perm/isgid", Spec: spec, Doc: "Permission bit isgid.", Value: scheme.Fixnum(0o2000)},
	{Name: "seek/set", Spec: spec, Doc: "Seek from the start.", Value: scheme.Fixnum(0)},
	{Name: "seek/cur", Spec: spec, Doc: "Seek from the current position.", Value: scheme.Fixnum(1)},
	{Name: "seek/end", Spec: spec, Doc: "Seek from the end.", Value: scheme.Fixnum(2)},
	{Name: "fileno/stdin", Spec: spec, Doc: "The file descriptor of standard input.", Value: scheme.Fixnum(0)},
	{Name: "fileno/stdout", Spec: spec, Doc: "The file descriptor of standard output.", Value: scheme.Fixnum(1)},
	{Name: "fileno/stderr", Spec: spec, Doc: "The file descriptor of standard error.", Value: scheme.Fixnum(2)},
	// fd.go's: the commands of file-control
	{Name: "fcntl/dupfd", Spec: spec, Doc: "file-control command dupfd.", Value: scheme.Fixnum(syscall.F_DUPFD)},
	{Name: "fcntl/getfd", Spec: spec, Doc: "file-control command getfd.", Value: scheme.Fixnum(syscall.F_GETFD)},
	{Name: "fcntl/setfd", Spec: spec, Doc: "file-control command setfd.", Value: scheme.Fixnum(syscall.F_SETFD)},
	{Name: "fcntl/getfl", Spec: spec, Doc: "file-control command getfl.", Value: scheme.Fixnum(syscall.F_GETFL)},
	{Name: "fcntl/setfl", Spec: spec, Doc: "file-control command setfl.", Value: scheme.Fixnum(syscall.F_SETFL)},
}

// Library is the (chicken file posix) binding table.
var Library = &scheme.Library{Name: "(chicken file posix)", Doc: "CHICKEN 5's (chicken file posix): file status, links, FIFOs, file descriptors, positions and locks.",
	Procs: procs, Values: consts}

func fileError(who string, err error, irritants ...scheme.Value) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	return scheme.NewError(who, err.Error(), irritants, "i/o", "file")
}

// stat returns the status of a file name, descriptor or port.
func stat(who string, v scheme.Value, link bool) (*syscall.Stat_t, error) {
	var st syscall.Stat_t
	var err error
	switch x := v.(type) {
	case *scheme.String:
		if link {
			err = syscall.Lstat(x.String(), &st)
		} else {
			err = syscall.Stat(x.String(), &st)
		}
	case scheme.Fixnum:
		err = syscall.Fstat(int(x), &st)
	case *scheme.Port:
		err = syscall.Fstat(int(x.Host.(*os.File).Fd()), &st)
	}
	if err != nil {
		return nil, fileError(who, err, v)
	}
	return &st, nil
}

func num(n int64) scheme.Value { return scheme.Fixnum(n) }

// fileStat implements file-stat.
func fileStat(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st, err := stat("file-stat", a[0], scheme.Truthy(a[1]))
	if err != nil {
		return nil, err
	}
	return &scheme.Vector{Items: []scheme.Value{num(int64(st.Ino)), num(int64(st.Mode)), num(int64(st.Nlink)), num(int64(st.Uid)),
		num(int64(st.Gid)), num(st.Size), num(atime(st)), num(ctime(st)), num(mtime(st)), num(int64(st.Dev)),
		num(int64(st.Rdev)), num(int64(st.Blksize)), num(st.Blocks)}}, nil
}

func field(who string, a []scheme.Value, f func(st *syscall.Stat_t) int64) (scheme.Value, error) {
	st, err := stat(who, a[0], false)
	if err != nil {
		return nil, err
	}
	return num(f(st)), nil
}

// fileSize implements file-size.
func fileSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-size", a, func(st *syscall.Stat_t) int64 { return st.Size })
}

// fileAccessTime implements file-access-time.
func fileAccessTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-access-time", a, atime)
}

// fileChangeTime implements file-change-time.
func fileChangeTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-change-time", a, ctime)
}

// fileModificationTime implements file-modification-time.
func fileModificationTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-modification-time", a, mtime)
}

// fileOwner implements file-owner.
func fileOwner(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-owner", a, func(st *syscall.Stat_t) int64 { return int64(st.Uid) })
}

// fileGroup implements file-group.
func fileGroup(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-group", a, func(st *syscall.Stat_t) int64 { return int64(st.Gid) })
}

// filePermissions implements file-permissions.
func filePermissions(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field("file-permissions", a, func(st *syscall.Stat_t) int64 { return int64(st.Mode & 0o7777) })
}

// typeName is the file-type symbol of a mode.
func typeName(mode uint32) string {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return "directory"
	case syscall.S_IFIFO:
		return "fifo"
	case syscall.S_IFSOCK:
		return "socket"
	case syscall.S_IFLNK:
		return "symbolic-link"
	case syscall.S_IFCHR:
		return "character-device"
	case syscall.S_IFBLK:
		return "block-device"
	}
	return "regular-file"
}

// fileType implements file-type.
func fileType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st, err := stat("file-type", a[0], scheme.Truthy(a[1]))
	if err != nil {
		if a[2] == scheme.Value(scheme.False) {
			return scheme.False, nil
		}
		return nil, err
	}
	return scheme.Intern(typeName(uint32(st.Mode))), nil
}

func isType(a []scheme.Value, link bool, want string) (scheme.Value, error) {
	st, err := stat("", a[0], link)
	return scheme.MakeBool(err == nil && typeName(uint32(st.Mode)) == want), nil
}

// directoryP implements directory?.
func directoryP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "directory")
}

// regularFileP implements regular-file?.
func regularFileP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "regular-file")
}

// symbolicLinkP implements symbolic-link?.
func symbolicLinkP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, true, "symbolic-link")
}

// fifoP implements fifo?.
func fifoP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "fifo")
}

// socketP implements socket?.
func socketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "socket")
}

// characterDeviceP implements character-device?.
func characterDeviceP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "character-device")
}

// blockDeviceP implements block-device?.
func blockDeviceP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return isType(a, false, "block-device")
}

// onFile applies the name or descriptor variant of an operation.
func onFile(who string, v scheme.Value, byName func(string) error, byFd func(int) error) (scheme.Value, error) {
	var err error
	switch x := v.(type) {
	case *scheme.String:
		err = byName(x.String())
	case scheme.Fixnum:
		err = byFd(int(x))
	case *scheme.Port:
		err = byFd(int(x.Host.(*os.File).Fd()))
	}
	if err != nil {
		return nil, fileError(who, err, v)
	}
	return scheme.Unspecified, nil
}

// setFilePermissionsBang implements set-file-permissions!.
func setFilePermissionsBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := uint32(a[1].(scheme.Fixnum))
	return onFile("set-file-permissions!", a[0], func(n string) error { return syscall.Chmod(n, m) },
		func(fd int) error { return syscall.Fchmod(fd, m) })
}

func chown(who string, a []scheme.Value, uid, gid int) (scheme.Value, error) {
	return onFile(who, a[0], func(n string) error { return syscall.Chown(n, uid, gid) },
		func(fd int) error { return syscall.Fchown(fd, uid, gid) })
}

// setFileOwnerBang implements set-file-owner!.
func setFileOwnerBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chown("set-file-owner!", a, int(a[1].(scheme.Fixnum)), -1)
}

// setFileGroupBang implements set-file-group!.
func setFileGroupBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chown("set-file-group!", a, -1, int(a[1].(scheme.Fixnum)))
}

func timeArg(v scheme.Value, def time.Time) time.Time {
	if scheme.IsDefault(v) || v == scheme.Value(scheme.False) {
		return def
	}
	return time.Unix(0, int64(scheme.ToFloat(v)*1e9))
}

// setFileTimesBang implements set-file-times!.
func setFileTimesBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := timeArg(a[1], time.Now())
	at := timeArg(a[2], m)
	if err := os.Chtimes(a[0].(*scheme.String).String(), at, m); err != nil {
		return nil, fileError("set-file-times!", err, a[0])
	}
	return scheme.Unspecified, nil
}

// fileTruncate implements file-truncate.
func fileTruncate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n := int64(a[1].(scheme.Fixnum))
	return onFile("file-truncate", a[0], func(p string) error { return syscall.Truncate(p, n) },
		func(fd int) error { return syscall.Ftruncate(fd, n) })
}

func s(v scheme.Value) string { return v.(*scheme.String).String() }

// createSymbolicLink implements create-symbolic-link.
func createSymbolicLink(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Symlink(s(a[0]), s(a[1])); err != nil {
		return nil, fileError("create-symbolic-link", err, a[0], a[1])
	}
	return scheme.Unspecified, nil
}

// readSymbolicLink implements read-symbolic-link.
func readSymbolicLink(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := os.Readlink(s(a[0]))
	if err == nil && scheme.Truthy(a[1]) {
		t, err = filepath.EvalSymlinks(s(a[0]))
	}
	if err != nil {
		return nil, fileError("read-symbolic-link", err, a[0])
	}
	return scheme.NewString(t), nil
}

// fileLink implements file-link.
func fileLink(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Link(s(a[0]), s(a[1])); err != nil {
		return nil, fileError("file-link", err, a[0], a[1])
	}
	return scheme.Unspecified, nil
}

// createFifo implements create-fifo.
func createFifo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := syscall.Mkfifo(s(a[0]), uint32(a[1].(scheme.Fixnum))); err != nil {
		return nil, fileError("create-fifo", err, a[0])
	}
	return scheme.Unspecified, nil
}

// fileOpen implements file-open.
func fileOpen(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fd, err := scheme.OpenFd(th.WaitContext(), s(a[0]), int(a[1].(scheme.Fixnum))|syscall.O_CLOEXEC, uint32(a[2].(scheme.Fixnum)))
	if err != nil {
		return nil, fileError("file-open", err, a[0])
	}
	return scheme.Fixnum(fd), nil
}

// fileClose implements file-close.
func fileClose(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := syscall.Close(int(a[0].(scheme.Fixnum))); err != nil {
		return nil, fileError("file-close", err, a[0])
	}
	return scheme.Unspecified, nil
}

// fileRead implements file-read.
func fileRead(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	size, err := scheme.ArgSize(2, a[1], 1)
	if err != nil {
		return nil, err
	}
	if err := scheme.CheckMutable(a[2]); err != nil {
		return nil, err
	}
	buf := make([]byte, size)
	n, err := syscall.Read(int(a[0].(scheme.Fixnum)), buf)
	if err != nil {
		return nil, fileError("file-read", err, a[0])
	}
	var out scheme.Value
	switch b := a[2].(type) {
	case *scheme.Bytevector:
		copy(b.B, buf[:n])
		out = b
	case *scheme.Blob:
		copy(b.B, buf[:n])
		out = b
	case *scheme.String:
		for i := 0; i < n && i < b.Len(); i++ {
			b.Set(i, rune(buf[i]))
		}
		out = b
	default:
		out = scheme.MakeStringFromBytes(buf[:n])
	}
	return scheme.List(out, scheme.Fixnum(n)), nil
}

// fileWrite implements file-write.
func fileWrite(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b []byte
	if s, ok := a[1].(*scheme.String); ok {
		b = []byte(s.String())
	} else if b, ok = scheme.BytesOf(a[1]); !ok {
		return nil, scheme.TypeError("file-write", 2, "string, blob or bytevector", a[1])
	}
	if n, ok := a[2].(scheme.Fixnum); ok && int(n) < len(b) {
		b = b[:n]
	}
	n, err := syscall.Write(int(a[0].(scheme.Fixnum)), b)
	if err != nil {
		return nil, fileError("file-write", err, a[0])
	}
	return scheme.Fixnum(n), nil
}

// fileMkstemp implements file-mkstemp.
func fileMkstemp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	tmpl := s(a[0])
	prefix, ok := strings.CutSuffix(tmpl, "XXXXXX")
	if !ok {
		return nil, scheme.RangeError("file-mkstemp", 1, "template must end in XXXXXX", a[0])
	}
	dir, base := ".", prefix
	if i := strings.LastIndexByte(prefix, '/'); i >= 0 {
		dir, base = prefix[:i+1], prefix[i+1:]
	}
	f, err := os.CreateTemp(dir, base+"*")
	if err != nil {
		return nil, fileError("file-mkstemp", err, a[0])
	}
	fd, err := syscall.Dup(int(f.Fd()))
	name := f.Name()
	_ = f.Close()
	if err != nil {
		return nil, fileError("file-mkstemp", err, a[0])
	}
	if strings.HasPrefix(name, "./") && !strings.HasPrefix(tmpl, "./") {
		name = name[2:]
	}
	return scheme.Values(scheme.Fixnum(fd), scheme.NewString(name)), nil
}

// duplicateFileno implements duplicate-fileno.
func duplicateFileno(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	old := int(a[0].(scheme.Fixnum))
	if n, ok := a[1].(scheme.Fixnum); ok {
		if err := dup2(old, int(n)); err != nil {
			return nil, fileError("duplicate-fileno", err, a[0])
		}
		return n, nil
	}
	fd, err := syscall.Dup(old)
	if err != nil {
		return nil, fileError("duplicate-fileno", err, a[0])
	}
	return scheme.Fixnum(fd), nil
}

// openInputFileStar implements open-input-file*.
func openInputFileStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := os.NewFile(uintptr(a[0].(scheme.Fixnum)), "(fd)")
	return scheme.NewInputPort(f.Name(), &closingReader{scheme.ReaderBackend(f), f}, f), nil
}

// openOutputFileStar implements open-output-file*.
func openOutputFileStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := os.NewFile(uintptr(a[0].(scheme.Fixnum)), "(fd)")
	return th.Interp().NewFileOutputPort(f.Name(), f), nil
}

// closingReader closes the file with the port.
type closingReader struct {
	scheme.ByteReader
	f *os.File
}

// Close implements io.Closer.
func (r *closingReader) Close() error { return r.f.Close() }

// portToFileno implements port->fileno.
func portToFileno(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.Port)
	if f, ok := p.Host.(*os.File); ok {
		return scheme.Fixnum(f.Fd()), nil
	}
	return nil, scheme.NewError("port->fileno", "port has no file descriptor", []scheme.Value{p}, "i/o")
}

// lockParams declares the parameters of file-lock, file-lock/blocking and
// file-test-lock: (port #!optional (start 0) (len #t)).
func lockParams() scheme.Params {
	return scheme.Lambda(scheme.Req("port", filePort), scheme.Opt("start", scheme.TypeIndex, scheme.Fixnum(0)), scheme.Opt("len", lockLength, scheme.True))
}
