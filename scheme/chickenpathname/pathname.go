// CHICKEN's (chicken pathname): composing, decomposing and normalising pathnames (UNIX syntax).

// Package chickenpathname is the (chicken pathname) library: CHICKEN 5's
// pathname procedures, with "/" as the separator (normalize-pathname also
// knows the windows syntax).
package chickenpathname

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken pathname)"

var (
	str     = scheme.TypeString
	optStr  = scheme.OrFalse(scheme.TypeString)
	dirType = &scheme.Type{Name: "string, list of strings or #f", Accept: func(v scheme.Value) bool {
		if v == scheme.Value(scheme.False) {
			return true
		}
		if _, ok := v.(*scheme.String); ok {
			return true
		}
		items, ok := scheme.ListToSlice(v)
		for _, it := range items {
			if _, s := it.(*scheme.String); !s {
				return false
			}
		}
		return ok
	}}
)

// pn makes the row of a procedure of one pathname; being a call with
// constants that returns a literal, the compiler makes the table static
// data (with LazyArgs: nothing built at start-up).
func pn(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: pathnameParams, Fn: fn}
}

func pathnameParams() scheme.Params { return scheme.Lambda(scheme.Req("pathname", str)) }

var procs = []scheme.Proc{
	pn("absolute-pathname?", "Does pathname start with a separator?", absolutePathnameP),
	pn("decompose-pathname", "Three values: the directory, the file name and the extension of pathname, #f for each one it lacks; a name starting with a dot and having no other (\".emacs\") has no extension.", decomposePathname),
	{Name: "make-pathname", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("directory", dirType), scheme.Req("filename", optStr), scheme.Opt("extension", optStr, scheme.False))
	},
		Doc: "The pathname of filename (and extension, a dot added unless it has one) in directory: #f, a string or a list of strings joined with separators.",
		Fn:  makePathname},
	{Name: "make-absolute-pathname", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("directory", dirType), scheme.Req("filename", optStr), scheme.Opt("extension", optStr, scheme.False))
	},
		Doc: "As make-pathname, with a leading separator added when the directory is relative.",
		Fn:  makeAbsolutePathname},
	pn("pathname-directory", "The directory of pathname, or #f.", pathnameDirectory),
	pn("pathname-file", "The file name of pathname without extension, or #f.", pathnameFile),
	pn("pathname-extension", "The extension of pathname, or #f.", pathnameExtension),
	{Name: "pathname-replace-directory", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pathname", str), scheme.Req("directory", dirType))
	},
		Doc: "pathname with its directory replaced.", Fn: pathnameReplaceDirectory},
	{Name: "pathname-replace-file", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pathname", str), scheme.Req("filename", optStr))
	},
		Doc: "pathname with its file name replaced.", Fn: pathnameReplaceFile},
	{Name: "pathname-replace-extension", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pathname", str), scheme.Req("extension", optStr))
	},
		Doc: "pathname with its extension replaced.", Fn: pathnameReplaceExtension},
	pn("pathname-strip-directory", "pathname without its directory.", pathnameStripDirectory),
	pn("pathname-strip-extension", "pathname without its extension.", pathnameStripExtension),
	{Name: "normalize-pathname", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pathname", str), scheme.Opt("platform", scheme.TypeSymbol, nil))
	},
		Doc: "pathname with . and .. elements and duplicate separators resolved (textually, nothing is looked up); a trailing separator is kept, an empty result is \".\"; platform is unix (default) or windows.",
		Fn:  normalizePathname},
	{Name: "directory-null?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("directory", dirType)) },
		Doc: "Does directory (a string or a list of strings) consist only of separators and periods?", Fn: directoryNullP},
	{Name: "decompose-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("directory", str)) },
		Doc: "Three values: the origin (a drive; #f on UNIX), the base directory (\"/\" when absolute, else #f) and the list of directory elements (#f when none).",
		Fn:  decomposeDirectory},
}

// Library is the (chicken pathname) binding table.
var Library = &scheme.Library{Name: "(chicken pathname)", Doc: "CHICKEN 5's (chicken pathname): pathname syntax.", Procs: procs}

func isSep(c byte) bool { return c == '/' }

// chop removes trailing separators, keeping a lone root.
func chop(s string) string {
	t := strings.TrimRight(s, "/")
	if t == "" && s != "" {
		return s[:1]
	}
	return t
}

// decompose splits a pathname into directory, file and extension ("" for none).
func decompose(p string) (dir, file, ext string, hasDir, hasFile, hasExt bool) {
	if p == "" {
		return
	}
	i := strings.LastIndexByte(p, '/')
	if i >= 0 {
		dir, hasDir = chop(p[:i+1]), true
	}
	base := p[i+1:]
	if base == "" {
		return
	}
	// base = file "." ext with file non-empty and ext without dots
	if j := strings.LastIndexByte(base, '.'); j > 0 && j < len(base)-1 {
		return dir, base[:j], base[j+1:], hasDir, true, true
	}
	return dir, base, "", hasDir, true, false
}

func orFalse(s string, ok bool) scheme.Value {
	if !ok {
		return scheme.False
	}
	return scheme.NewString(s)
}

func sarg(v scheme.Value) string { return v.(*scheme.String).String() }

// absolutePathnameP implements absolute-pathname?.
func absolutePathnameP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := sarg(a[0])
	return scheme.MakeBool(s != "" && isSep(s[0])), nil
}

// decomposePathname implements decompose-pathname.
func decomposePathname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, f, e, hd, hf, he := decompose(sarg(a[0]))
	return scheme.Values(orFalse(d, hd), orFalse(f, hf), orFalse(e, he)), nil
}

// dirString renders a directory argument (#f, string or list of strings).
func dirString(v scheme.Value) string {
	var dirs []string
	switch x := v.(type) {
	case *scheme.String:
		dirs = []string{x.String()}
	default:
		items, _ := scheme.ListToSlice(v)
		for _, it := range items {
			dirs = append(dirs, sarg(it))
		}
	}
	var b strings.Builder
	for _, d := range dirs {
		if d != "" {
			b.WriteString(strings.TrimRight(chop(d), "/") + "/")
		}
	}
	return b.String()
}

func optString(v scheme.Value) string {
	if s, ok := v.(*scheme.String); ok {
		return s.String()
	}
	return ""
}

func join(dir, file, ext string) string {
	if dir != "" && file != "" && isSep(file[0]) {
		file = file[1:]
	}
	if ext != "" && ext[0] != '.' {
		ext = "." + ext
	}
	return dir + file + ext
}

// makePathname implements make-pathname.
func makePathname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(join(dirString(a[0]), optString(a[1]), optString(a[2]))), nil
}

// makeAbsolutePathname implements make-absolute-pathname.
func makeAbsolutePathname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	dir := dirString(a[0])
	if dir == "" || !isSep(dir[0]) {
		dir = "/" + dir
	}
	return scheme.NewString(join(dir, optString(a[1]), optString(a[2]))), nil
}

// pathnameDirectory implements pathname-directory.
func pathnameDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, _, _, hd, _, _ := decompose(sarg(a[0]))
	return orFalse(d, hd), nil
}

// pathnameFile implements pathname-file.
func pathnameFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, f, _, _, hf, _ := decompose(sarg(a[0]))
	return orFalse(f, hf), nil
}

// pathnameExtension implements pathname-extension.
func pathnameExtension(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, _, e, _, _, he := decompose(sarg(a[0]))
	return orFalse(e, he), nil
}

// pathnameReplaceDirectory implements pathname-replace-directory.
func pathnameReplaceDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, f, e, _, _, _ := decompose(sarg(a[0]))
	return scheme.NewString(join(dirString(a[1]), f, e)), nil
}

// pathnameReplaceFile implements pathname-replace-file.
func pathnameReplaceFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, _, e, _, _, _ := decompose(sarg(a[0]))
	return scheme.NewString(join(dirString(scheme.NewString(d)), optString(a[1]), e)), nil
}

// pathnameReplaceExtension implements pathname-replace-extension.
func pathnameReplaceExtension(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, f, _, _, _, _ := decompose(sarg(a[0]))
	return scheme.NewString(join(dirString(scheme.NewString(d)), f, optString(a[1]))), nil
}

// pathnameStripDirectory implements pathname-strip-directory.
func pathnameStripDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, f, e, _, _, _ := decompose(sarg(a[0]))
	return scheme.NewString(join("", f, e)), nil
}

// pathnameStripExtension implements pathname-strip-extension.
func pathnameStripExtension(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, f, _, _, _, _ := decompose(sarg(a[0]))
	return scheme.NewString(join(dirString(scheme.NewString(d)), f, "")), nil
}

// normalizePathname implements normalize-pathname, as CHICKEN's.
func normalizePathname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	path := sarg(a[0])
	windows := false
	if s, ok := a[1].(*scheme.Symbol); ok {
		switch s.Name {
		case "windows":
			windows = true
		case "unix":
		default:
			return nil, scheme.RangeError("normalize-pathname", 2, "platform must be unix or windows", a[1])
		}
	}
	sep := byte('/')
	pds := func(c byte) bool { return c == '/' }
	if windows {
		sep = '\\'
		pds = func(c byte) bool { return c == '/' || c == '\\' }
	}
	var parts []string
	add := func(p string) {
		switch {
		case p == ".":
		case p == "..":
			if len(parts) == 0 || parts[len(parts)-1] == ".." {
				parts = append(parts, p)
			} else {
				parts = parts[:len(parts)-1]
			}
		default:
			parts = append(parts, p)
		}
	}
	kind, drive := "", ""
	prev, i := 0, 0
	for ; i < len(path); i++ {
		c := path[i]
		switch {
		case pds(c):
			if kind == "" {
				kind = map[bool]string{true: "abs", false: "rel"}[i == prev]
			}
			if i > prev {
				add(path[prev:i])
			}
			prev = i + 1
		case windows && c == ':' && len(parts) == 0 && drive == "":
			drive, prev = path[:i+1], i+1
		}
	}
	if i > prev {
		add(path[prev:])
	}
	var out string
	if len(parts) == 0 {
		out = "."
		if kind == "abs" {
			out = string(sep)
		}
	} else {
		out = strings.Join(parts, string(sep))
		if i == prev {
			out += string(sep)
		}
		if kind == "abs" {
			out = string(sep) + out
		}
	}
	return scheme.NewString(drive + out), nil
}

// directoryNullP implements directory-null?.
func directoryNullP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var elems []string
	if s, ok := a[0].(*scheme.String); ok {
		elems = strings.Split(s.String(), "/")
	} else {
		items, _ := scheme.ListToSlice(a[0])
		for _, it := range items {
			elems = append(elems, sarg(it))
		}
	}
	for _, e := range elems {
		if e != "" && e != "." {
			return scheme.False, nil
		}
	}
	return scheme.True, nil
}

// decomposeDirectory implements decompose-directory.
func decomposeDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := sarg(a[0])
	var base scheme.Value = scheme.False
	if s != "" && isSep(s[0]) {
		base = scheme.NewString("/")
	}
	var elems []scheme.Value
	for _, e := range strings.Split(s, "/") {
		if e != "" {
			elems = append(elems, scheme.NewString(e))
		}
	}
	var l scheme.Value = scheme.False
	if len(elems) > 0 {
		l = scheme.List(elems...)
	}
	return scheme.Values(scheme.False, base, l), nil
}
