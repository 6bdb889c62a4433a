// CHICKEN's (chicken file): creating, copying, moving, deleting and finding files and directories.

// Package chickenfile is the (chicken file) library: CHICKEN 5's file and
// directory operations. A failing operation raises (exn i/o file).
// file-exists? and delete-file are the core's, re-exported (file-exists?
// answers #t where CHICKEN answers the name, both true).
package chickenfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken file)"

var (
	str     = scheme.TypeString
	optStr  = scheme.OrFalse(scheme.TypeString)
	posSize = &scheme.Type{Name: "positive integer", Accept: func(v scheme.Value) bool { n, ok := v.(scheme.Fixnum); return ok && n > 0 }}
)

var procs = []scheme.Proc{
	{Name: "create-directory", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("name", str), scheme.Opt("parents?", nil, scheme.False))
	},
		Doc: "Creates the directory name (and with parents? its missing parents); returns name, also when it exists already.",
		Fn:  createDirectory},
	{Name: "copy-file", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("origfile", str), scheme.Req("newfile", str), scheme.Opt("clobber", nil, scheme.False), scheme.Opt("blocksize", posSize, scheme.Fixnum(1024)))
	},
		Doc: "Copies origfile to newfile blocksize bytes at a time and returns the number of bytes copied; an existing newfile is an error unless clobber is true.",
		Fn:  copyFile},
	{Name: "move-file", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("origfile", str), scheme.Req("newfile", str), scheme.Opt("clobber", nil, scheme.False), scheme.Opt("blocksize", posSize, scheme.Fixnum(1024)))
	},
		Doc: "Moves origfile to newfile (across file systems too) and returns the number of bytes moved; an existing newfile is an error unless clobber is true.",
		Fn:  moveFile},
	{Name: "delete-file*", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", str)) },
		Doc: "Deletes the file and returns #t when it exists; else returns #f.",
		Fn:  deleteFileStar},
	{Name: "delete-directory", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("name", str), scheme.Opt("recursive", nil, scheme.False))
	},
		Doc: "Deletes the directory, which must be empty unless recursive is true.",
		Fn:  deleteDirectory},
	{Name: "directory", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("pathname", str, nil), scheme.Opt("show-dotfiles?", nil, scheme.False))
	},
		Doc: "The names of the files in the directory pathname (default the current directory), sorted; names starting with . only with show-dotfiles?.",
		Fn:  directory},
	{Name: "directory-exists?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", str)) },
		Doc: "string when it names an existing directory, else #f.",
		Fn:  directoryExistsP},
	{Name: "rename-file", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("old", str), scheme.Req("new", str), scheme.Opt("clobber", nil, scheme.False))
	},
		Doc: "Renames the file or directory old to new and returns new; an existing new is an error unless clobber is true.",
		Fn:  renameFile},
	{Name: "file-readable?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("filename", str)) },
		Doc: "May the current user read the file?", Fn: fileReadableP},
	{Name: "file-writable?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("filename", str)) },
		Doc: "May the current user write the file?", Fn: fileWritableP},
	{Name: "file-executable?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("filename", str)) },
		Doc: "May the current user execute the file?", Fn: fileExecutableP},
	{Name: "create-temporary-file", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("extension", str, scheme.NewString("tmp"))) },
		Doc: "Creates an empty file with extension (default tmp) in $TMPDIR, $TEMP, $TMP or /tmp and returns its pathname.",
		Fn:  createTemporaryFile},
	{Name: "create-temporary-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Creates an empty directory in $TMPDIR, $TEMP, $TMP or /tmp and returns its pathname.",
		Fn:  createTemporaryDirectory},
	{Name: "find-files", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("directory", str), scheme.Key("test", nil, nil), scheme.Key("action", nil, nil), scheme.Key("seed", nil, scheme.Null),
				scheme.Key("limit", nil, scheme.False), scheme.Key("dotfiles", nil, scheme.False), scheme.Key("follow-symlinks", nil, scheme.False))
		},
		Doc: "Folds (action pathname seed) (default cons, seed '()) over the files and directories under directory whose full pathname passes test (a procedure, or an irregex, pattern string or SRE matched with irregex-match; default all); directories are entered when limit (#f: always, a depth, or a procedure of the directory) allows; dot files only with dotfiles; symbolic links to directories are followed only with follow-symlinks.",
		Fn:  findFiles},
	{Name: "glob", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("pattern", str)) },
		Doc: "The pathnames of the existing files matching any pattern: its file part is a glob->sre pattern (*, ?, [...] with ranges and a leading - for a complement; a * that starts it does not match a dot file's leading dot), its directory part is literal.",
		Fn:  glob},
	// the core's procedures, re-exported
	{Name: "file-exists?", Spec: spec, Sig: "(file-exists? string)", Args: scheme.Params{Required: []string{"string"}},
		Doc: "Same as the core's file-exists?: string when a file or directory of that name exists, else #f."},
	{Name: "delete-file", Spec: spec, Sig: "(delete-file string)", Args: scheme.Params{Required: []string{"string"}},
		Doc: "Same as the core's delete-file: deletes the file; an error when it does not exist."},
}

// Library is the (chicken file) binding table.
var Library = &scheme.Library{Name: "(chicken file)", Doc: "CHICKEN 5's (chicken file): file and directory operations.", Procs: procs}

func s(v scheme.Value) string { return v.(*scheme.String).String() }

// fileError is the (exn i/o file) condition for a failed operation.
func fileError(who string, err error, names ...scheme.Value) error {
	var pe *fs.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Op + ": " + pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		msg = le.Op + ": " + le.Err.Error()
	}
	return scheme.NewError(who, msg, names, "i/o", "file")
}

// createDirectory implements create-directory.
func createDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	name := s(a[0])
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return a[0], nil
	}
	var err error
	if scheme.Truthy(a[1]) {
		err = os.MkdirAll(name, 0o777)
	} else {
		err = os.Mkdir(name, 0o777)
	}
	if err != nil {
		return nil, fileError("create-directory", err, a[0])
	}
	return a[0], nil
}

func copyData(th *scheme.Thread, who string, a []scheme.Value) (int64, error) {
	from, to := s(a[0]), s(a[1])
	if _, err := os.Lstat(to); err == nil && !scheme.Truthy(a[2]) {
		return 0, scheme.NewError(who, "newfile exists", []scheme.Value{a[1]}, "i/o", "file")
	}
	in, err := scheme.OpenFile(th.WaitContext(), from, os.O_RDONLY, 0)
	if err != nil {
		return 0, fileError(who, err, a[0])
	}
	defer in.Close()
	if st, err := in.Stat(); err == nil && st.IsDir() {
		return 0, scheme.NewError(who, "cannot copy a directory", []scheme.Value{a[0]}, "i/o", "file")
	}
	out, err := scheme.OpenFile(th.WaitContext(), to, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return 0, fileError(who, err, a[1])
	}
	n, err := io.CopyBuffer(struct{ io.Writer }{out}, struct{ io.Reader }{in}, make([]byte, int(a[3].(scheme.Fixnum))))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fileError(who, err, a[0], a[1])
	}
	return n, nil
}

// copyFile implements copy-file.
func copyFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := copyData(th, "copy-file", a)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(n), nil
}

// moveFile implements move-file.
func moveFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := copyData(th, "move-file", a)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(s(a[0])); err != nil {
		return nil, fileError("move-file", err, a[0])
	}
	return scheme.Fixnum(n), nil
}

// deleteFileStar implements delete-file*.
func deleteFileStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := os.Lstat(s(a[0])); err != nil {
		return scheme.False, nil
	}
	if err := os.Remove(s(a[0])); err != nil {
		return nil, fileError("delete-file*", err, a[0])
	}
	return scheme.True, nil
}

// deleteDirectory implements delete-directory.
func deleteDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	name := s(a[0])
	st, err := os.Lstat(name)
	if err != nil {
		return nil, fileError("delete-directory", err, a[0])
	}
	if !st.IsDir() {
		return nil, scheme.NewError("delete-directory", "not a directory", []scheme.Value{a[0]}, "i/o", "file")
	}
	if scheme.Truthy(a[1]) {
		err = os.RemoveAll(name)
	} else {
		err = os.Remove(name)
	}
	if err != nil {
		return nil, fileError("delete-directory", err, a[0])
	}
	return scheme.Unspecified, nil
}

func listDir(who string, dir string, dots bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fileError(who, err, scheme.NewString(dir))
	}
	var out []string
	for _, e := range entries {
		if dots || !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

func strList(names []string) scheme.Value {
	out := make([]scheme.Value, len(names))
	for i, n := range names {
		out[i] = scheme.NewString(n)
	}
	return scheme.List(out...)
}

// directory implements directory.
func directory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	dir := "."
	if !scheme.IsDefault(a[0]) {
		dir = s(a[0])
	}
	names, err := listDir("directory", dir, scheme.Truthy(a[1]))
	if err != nil {
		return nil, err
	}
	return strList(names), nil
}

// directoryExistsP implements directory-exists?.
func directoryExistsP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if st, err := os.Stat(s(a[0])); err == nil && st.IsDir() {
		return a[0], nil
	}
	return scheme.False, nil
}

// renameFile implements rename-file.
func renameFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := os.Lstat(s(a[1])); err == nil && !scheme.Truthy(a[2]) {
		return nil, scheme.NewError("rename-file", "new exists", []scheme.Value{a[1]}, "i/o", "file")
	}
	if err := os.Rename(s(a[0]), s(a[1])); err != nil {
		return nil, fileError("rename-file", err, a[0], a[1])
	}
	return a[1], nil
}

// access bits of access(2).
const (
	accessR = 4
	accessW = 2
	accessX = 1
)

func access(a []scheme.Value, mode uint32) (scheme.Value, error) {
	return scheme.MakeBool(syscall.Access(s(a[0]), mode) == nil), nil
}

// fileReadableP implements file-readable?.
func fileReadableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return access(a, accessR)
}

// fileWritableP implements file-writable?.
func fileWritableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return access(a, accessW)
}

// fileExecutableP implements file-executable?.
func fileExecutableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return access(a, accessX)
}

// tempDir is where temporary files go: $TMPDIR, $TEMP, $TMP, /tmp or ".".
func tempDir() string {
	for _, v := range []string{"TMPDIR", "TEMP", "TMP"} {
		if d := os.Getenv(v); d != "" {
			return d
		}
	}
	if st, err := os.Stat("/tmp"); err == nil && st.IsDir() {
		return "/tmp"
	}
	return "."
}

// createTemporaryFile implements create-temporary-file.
func createTemporaryFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ext := strings.TrimPrefix(s(a[0]), ".")
	f, err := os.CreateTemp(tempDir(), "temp*."+ext)
	if err != nil {
		return nil, fileError("create-temporary-file", err)
	}
	_ = f.Close()
	return scheme.NewString(f.Name()), nil
}

// createTemporaryDirectory implements create-temporary-directory.
func createTemporaryDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, err := os.MkdirTemp(tempDir(), "temp")
	if err != nil {
		return nil, fileError("create-temporary-directory", err)
	}
	return scheme.NewString(d), nil
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// findFiles implements find-files, as CHICKEN's.
func findFiles(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	test, action, acc, limit := a[1], a[2], a[3], a[4]
	dots, follow := scheme.Truthy(a[5]), scheme.Truthy(a[6])
	pass := func(f scheme.Value) (bool, error) {
		switch {
		case scheme.IsDefault(test):
			return true, nil
		case scheme.IsProcedure(test):
			v, err := th.Call(test, f)
			return scheme.Truthy(v), err
		}
		m, ok := th.Interp().Lookup("irregex-match")
		if !ok {
			return false, scheme.NewError("find-files", "irregex-match is unbound", nil)
		}
		v, err := th.Call(m, test, f)
		return scheme.Truthy(v), err
	}
	act := func(f scheme.Value) error {
		if scheme.IsDefault(action) {
			acc = scheme.Cons(f, acc)
			return nil
		}
		v, err := th.Call(action, f, acc)
		acc = v
		return err
	}
	visit := func(f scheme.Value) error {
		ok, err := pass(f)
		if err == nil && ok {
			err = act(f)
		}
		return err
	}
	enter := func(f scheme.Value, depth int) (bool, error) {
		switch l := limit.(type) {
		case scheme.Fixnum:
			return depth < int(l), nil
		case *scheme.Boolean:
			return true, nil
		}
		v, err := th.Call(limit, f)
		return scheme.Truthy(v), err
	}
	var walk func(dir string, depth int) error
	walk = func(dir string, depth int) error {
		names, err := listDir("find-files", dir, dots)
		if err != nil {
			return err
		}
		for _, n := range names {
			path := join(dir, n)
			f := scheme.NewString(path)
			st, err := os.Stat(path)
			if err != nil || !st.IsDir() {
				if err := visit(f); err != nil {
					return err
				}
				continue
			}
			lst, _ := os.Lstat(path)
			if lst != nil && lst.Mode()&fs.ModeSymlink != 0 && !follow {
				if err := visit(f); err != nil {
					return err
				}
				continue
			}
			in, err := enter(f, depth)
			if err != nil {
				return err
			}
			if err := visit(f); err != nil {
				return err
			}
			if in {
				if err := walk(path, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(s(a[0]), 0); err != nil {
		return nil, err
	}
	return acc, nil
}

// glob implements glob as CHICKEN's: each pattern's last component is
// made an irregex with glob->sre and matched against the names of its
// directory, dot files included (glob->sre's * does not match a leading
// dot).
func glob(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var procs [3]scheme.Value
	for i, n := range []string{"glob->sre", "irregex", "irregex-match"} {
		p, ok := th.Interp().Lookup(n)
		if !ok {
			return nil, scheme.NewError("glob", n+" is unbound", nil)
		}
		procs[i] = p
	}
	pats, _ := scheme.ListToSlice(a[0])
	var out []string
	for _, p := range pats {
		pat := s(p)
		dir, file := "", pat
		if i := strings.LastIndexByte(pat, '/'); i >= 0 {
			dir, file = pat[:i+1], pat[i+1:]
		}
		if file == "" {
			file = "*"
		}
		sre, err := th.Call(procs[0], scheme.NewString(file))
		if err != nil {
			return nil, err
		}
		rx, err := th.Call(procs[1], sre)
		if err != nil {
			return nil, err
		}
		lookIn := dir
		if lookIn == "" {
			lookIn = "."
		}
		names, err := listDir("glob", lookIn, true)
		if err != nil {
			continue // a directory that does not exist matches nothing
		}
		for _, n := range names {
			if m, err := th.Call(procs[2], rx, scheme.NewString(n)); err != nil {
				return nil, err
			} else if scheme.Truthy(m) {
				out = append(out, dir+n)
			}
		}
	}
	return strList(out), nil
}
