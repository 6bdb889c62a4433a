// CHICKEN's (chicken process-context posix): process and user identity, sessions, root and working directory by descriptor.

// Package chickenprocesscontextposix is the (chicken process-context
// posix) library. The manual's setters ((set! (current-user-id) uid) …)
// are SRFI-17 setters: %set-current-user-id! and the like.
package chickenprocesscontextposix

import (
	"bufio"
	"os"
	"os/user"
	"strconv"
	"strings"
	"syscall"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken process-context posix)"

func id(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, Fn: fn} // no parameters
}

// setID is the row of the setter of the id getter name: (set! (name) id)
// calls call(id) through fn.
func setID(name, call string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: "%set-" + name + "!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("id", scheme.TypeIndex)) },
		Doc: "The setter of " + name + ": (set! (" + name + ") id) calls " + call + "(id).", Fn: fn}
}

// setIDWith calls set on the id a[0], its error an (exn i/o) of who.
func setIDWith(who string, set func(int) error, a []scheme.Value) (scheme.Value, error) {
	if err := set(int(a[0].(scheme.Fixnum))); err != nil {
		return nil, sysError(who, err, a[0])
	}
	return scheme.Unspecified, nil
}

// internalSetCurrentUserIdBang implements %set-current-user-id!.
func internalSetCurrentUserIdBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setIDWith("current-user-id", syscall.Setuid, a)
}

// internalSetCurrentEffectiveUserIdBang implements %set-current-effective-user-id!.
func internalSetCurrentEffectiveUserIdBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setIDWith("current-effective-user-id", syscall.Seteuid, a)
}

// internalSetCurrentGroupIdBang implements %set-current-group-id!.
func internalSetCurrentGroupIdBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setIDWith("current-group-id", syscall.Setgid, a)
}

// internalSetCurrentEffectiveGroupIdBang implements %set-current-effective-group-id!.
func internalSetCurrentEffectiveGroupIdBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setIDWith("current-effective-group-id", syscall.Setegid, a)
}

var procs = []scheme.Proc{
	{Name: "change-directory*", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("fd", scheme.TypeIndex)) },
		Doc: "Changes the working directory to the directory open on the file descriptor fd.", Fn: changeDirectoryStar},
	{Name: "set-root-directory!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", scheme.TypeString)) },
		Doc: "Changes the root directory of the process (chroot; needs root).", Fn: setRootDirectoryBang},
	id("current-user-id", "The real user id of the process.", currentUserId),
	id("current-user-name", "The login name of the real user id, from the password database.", currentUserName),
	id("current-effective-user-id", "The effective user id of the process.", currentEffectiveUserId),
	id("current-effective-user-name", "The login name of the effective user id, from the password database.", currentEffectiveUserName),
	id("current-group-id", "The real group id of the process.", currentGroupId),
	id("current-effective-group-id", "The effective group id of the process.", currentEffectiveGroupId),
	setID("current-user-id", "setuid", internalSetCurrentUserIdBang),
	setID("current-effective-user-id", "seteuid", internalSetCurrentEffectiveUserIdBang),
	setID("current-group-id", "setgid", internalSetCurrentGroupIdBang),
	setID("current-effective-group-id", "setegid", internalSetCurrentEffectiveGroupIdBang),
	id("current-process-id", "The process id of the process.", currentProcessId),
	id("parent-process-id", "The process id of the parent process.", parentProcessId),
	{Name: "process-group-id", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("pid", scheme.TypeIndex)) },
		Doc: "The process group id of the process pid.", Fn: processGroupId},
	id("create-session", "Makes the process the leader of a new session (setsid) and returns its process id.", createSession),
	{Name: "user-information", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("user", nil), scheme.Opt("as-vector", nil, scheme.False))
	},
		Doc: "The password-database entry of user (a name or a user id) as a list (or, with as-vector, a vector) of name, password, user id, group id, information, home directory and shell; #f when there is no such user.",
		Fn:  userInformation},
}

// Library is the (chicken process-context posix) binding table.
var Library = &scheme.Library{Name: "(chicken process-context posix)", Doc: "CHICKEN 5's (chicken process-context posix): process and user identity.", Procs: procs}

func sysError(who string, err error, irritants ...scheme.Value) error {
	return scheme.NewError(who, err.Error(), irritants, "i/o")
}

// changeDirectoryStar implements change-directory*.
func changeDirectoryStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := syscall.Fchdir(int(a[0].(scheme.Fixnum))); err != nil {
		return nil, sysError("change-directory*", err, a[0])
	}
	return scheme.Unspecified, nil
}

// setRootDirectoryBang implements set-root-directory!.
func setRootDirectoryBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := syscall.Chroot(a[0].(*scheme.String).String()); err != nil {
		return nil, sysError("set-root-directory!", err, a[0])
	}
	return scheme.Unspecified, nil
}

func fix(n int) (scheme.Value, error) { return scheme.Fixnum(n), nil }

// currentUserId implements current-user-id.
func currentUserId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Getuid())
}

// currentEffectiveUserId implements current-effective-user-id.
func currentEffectiveUserId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Geteuid())
}

// currentGroupId implements current-group-id.
func currentGroupId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Getgid())
}

// currentEffectiveGroupId implements current-effective-group-id.
func currentEffectiveGroupId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Getegid())
}

// currentProcessId implements current-process-id.
func currentProcessId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Getpid())
}

// parentProcessId implements parent-process-id.
func parentProcessId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fix(os.Getppid())
}

// processGroupId implements process-group-id.
func processGroupId(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	g, err := syscall.Getpgid(int(a[0].(scheme.Fixnum)))
	if err != nil {
		return nil, sysError("process-group-id", err, a[0])
	}
	return fix(g)
}

// createSession implements create-session.
func createSession(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pid, err := syscall.Setsid()
	if err != nil {
		return nil, sysError("create-session", err)
	}
	return fix(pid)
}

// passwd returns the /etc/passwd fields of the user named name or with
// uid (when name is ""), falling back to os/user without the shell.
func passwd(name string, uid int) []string {
	if f, err := os.Open("/etc/passwd"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Split(sc.Text(), ":")
			if len(fs) != 7 {
				continue
			}
			if (name != "" && fs[0] == name) || (name == "" && fs[2] == strconv.Itoa(uid)) {
				return fs
			}
		}
	}
	var u *user.User
	var err error
	if name != "" {
		u, err = user.Lookup(name)
	} else {
		u, err = user.LookupId(strconv.Itoa(uid))
	}
	if err != nil {
		return nil
	}
	return []string{u.Username, "x", u.Uid, u.Gid, u.Name, u.HomeDir, ""}
}

func userName(uid int) (scheme.Value, error) {
	if fs := passwd("", uid); fs != nil {
		return scheme.NewString(fs[0]), nil
	}
	return scheme.False, nil
}

// currentUserName implements current-user-name.
func currentUserName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return userName(os.Getuid())
}

// currentEffectiveUserName implements current-effective-user-name.
func currentEffectiveUserName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return userName(os.Geteuid())
}

// userInformation implements user-information.
func userInformation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var fs []string
	switch u := a[0].(type) {
	case *scheme.String:
		fs = passwd(u.String(), 0)
	case scheme.Fixnum:
		fs = passwd("", int(u))
	default:
		return nil, scheme.TypeError("user-information", 1, "user name or id", a[0])
	}
	if fs == nil {
		return scheme.False, nil
	}
	uid, _ := strconv.Atoi(fs[2])
	gid, _ := strconv.Atoi(fs[3])
	vals := []scheme.Value{scheme.NewString(fs[0]), scheme.NewString(fs[1]), scheme.Fixnum(uid), scheme.Fixnum(gid),
		scheme.NewString(fs[4]), scheme.NewString(fs[5]), scheme.NewString(fs[6])}
	if scheme.Truthy(a[1]) {
		return &scheme.Vector{Items: vals}, nil
	}
	return scheme.List(vals...), nil
}
