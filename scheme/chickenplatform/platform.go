// CHICKEN's (chicken platform): the machine, the build and the feature list.

// Package chickenplatform is the (chicken platform) library: what CHICKEN
// 5's module of that name reports about the machine and the system, in
// CHICKEN's terms (software-type unix, machine-type x86-64 …), and the
// feature list cond-expand consults, which register-feature! and
// unregister-feature! change for the interpreter they run in.
//
// tlsport is not CHICKEN: chicken-version gives the CHICKEN version whose
// API tlsport follows (5.3.0), chicken-home the directory of the running
// executable, build-platform unknown (Go's toolchain is none of
// CHICKEN's), repository-path the directories import searches for library
// files, and installation-repository #f (tlsport installs no extensions).
// return-to-host raises an error: there is no CHICKEN_run to return to.
package chickenplatform

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken platform)"

// Version is the CHICKEN version whose API tlsport follows.
const Version = "5.3.0"

// platform is the machine tlsport runs on.
var platform = scheme.PlatformOf(runtime.GOOS, runtime.GOARCH)

// featureID accepts what register-feature! and feature? take: a keyword,
// string or symbol.
var featureID = &scheme.Type{Name: "feature identifier (keyword, string or symbol)", Accept: func(v scheme.Value) bool {
	_, ok := featureName(v)
	return ok
}}

// featureName returns the name of feature identifier v.
func featureName(v scheme.Value) (string, bool) {
	switch v := v.(type) {
	case *scheme.Keyword:
		return v.Name, true
	case *scheme.Symbol:
		return v.Name, true
	case *scheme.String:
		return v.String(), true
	}
	return "", false
}

// RepositoryPath is CHICKEN's repository-path parameter.
var RepositoryPath = &scheme.ParamDef{Name: "repository-path", Spec: spec, Sig: "(repository-path [list])",
	Doc: "The directories import searches for library files (after the importing file's and the current one): tlsport's -I options and $TLSPORT_LIBRARY_PATH, a list of strings.",
	Init: func(in *scheme.Interp) scheme.Value {
		var out []scheme.Value
		for _, d := range in.LibraryPath() {
			out = append(out, scheme.NewString(d))
		}
		return scheme.List(out...)
	}}

// InstallationRepository is CHICKEN's installation-repository parameter.
var InstallationRepository = &scheme.ParamDef{Name: "installation-repository", Spec: spec, Sig: "(installation-repository [dir])",
	Doc: "Where chicken-install puts extensions: #f, as tlsport installs none.", Default: scheme.False}

var procs = []scheme.Proc{
	{Name: "build-platform", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The toolset that built the running system, one of CHICKEN's names: unknown (Go's toolchain).", Fn: buildPlatform},
	{Name: "machine-byte-order", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The machine's byte order: little-endian or big-endian.", Fn: machineByteOrder},
	{Name: "machine-type", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The processor: x86-64, x86, arm, arm64, ppc64 … or unknown.", Fn: machineType},
	{Name: "software-type", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The kind of operating system: unix, windows or unknown.", Fn: softwareType},
	{Name: "software-version", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The operating system: linux, macosx, freebsd, netbsd, openbsd …", Fn: softwareVersion},
	{Name: "chicken-home", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The installation directory: for tlsport, the directory of the running executable.",
		Fn:  chickenHome},
	{Name: "chicken-version", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("full", nil, scheme.False)) },
		Doc: "The version of CHICKEN whose API tlsport follows, \"" + Version + "\"; with full true, a longer text naming tlsport and the platform.",
		Fn:  chickenVersion},
	{Name: "system-config-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The directory for configuration files: $XDG_CONFIG_HOME, else $HOME/.config (on Windows %APPDATA%).",
		Fn:  systemConfigDirectory},
	{Name: "system-cache-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The directory for caches: $XDG_CACHE_HOME, else $HOME/.cache (on Windows %LOCALAPPDATA% or %APPDATA%).",
		Fn:  systemCacheDirectory},
	{Name: "features", Spec: spec, Sig: "(features)", LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The feature identifiers cond-expand accepts, as keywords (#:csi …), as CHICKEN's; the core's and (scheme base)'s features give them as symbols.",
		Fn:  features, OnImport: true},
	{Name: "feature?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("ids", featureID)) },
		Doc: "Are all of the features ids (keywords, strings or symbols) registered?",
		Fn:  featureP},
	{Name: "register-feature!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("features", featureID)) },
		Doc: "Registers each feature (a keyword, string or symbol) for cond-expand and features, in this interpreter.",
		Fn:  registerFeatureBang},
	{Name: "unregister-feature!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("features", featureID)) },
		Doc: "Unregisters each feature (a keyword, string or symbol), built-in ones too, in this interpreter.",
		Fn:  unregisterFeatureBang},
	{Name: "return-to-host", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Raises an error: tlsport is not embedded through CHICKEN_run, so there is no host to return to (a Go host regains control when its Eval call returns).",
		Fn:  returnToHost},
}

// Library is the (chicken platform) binding table.
var Library = &scheme.Library{Name: "(chicken platform)", Doc: "CHICKEN 5's (chicken platform): the machine, the build and the feature list.",
	Procs: procs, Parameters: []*scheme.ParamDef{RepositoryPath, InstallationRepository}}

// chickenHome implements chicken-home.
func chickenHome(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, scheme.Errorf("%v", err)
	}
	return scheme.NewString(filepath.Dir(exe)), nil
}

// chickenVersion implements chicken-version.
func chickenVersion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if a[0] == scheme.False {
		return scheme.NewString(Version), nil
	}
	return scheme.NewString(fmt.Sprintf("Version %s (tlsport, %s)\n%s-%s-%s [ %dbit ]", Version, runtime.Version(),
		platform.SoftwareVersion, platform.SoftwareType, platform.MachineType, platform.WordBits)), nil
}

// xdgDir returns $env if set, else $HOME/sub (on Windows the first set of
// the winEnv variables).
func xdgDir(env, sub string, winEnv ...string) (scheme.Value, error) {
	if d := os.Getenv(env); d != "" {
		return scheme.NewString(d), nil
	}
	if runtime.GOOS == "windows" {
		for _, e := range winEnv {
			if d := os.Getenv(e); d != "" {
				return scheme.NewString(d), nil
			}
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, scheme.Errorf("%v", err)
	}
	return scheme.NewString(filepath.Join(home, sub)), nil
}

// featureP implements feature?.
func featureP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	have := map[string]bool{}
	for _, f := range th.Interp().Features() {
		have[f] = true
	}
	for _, v := range a {
		if n, _ := featureName(v); !have[n] {
			return scheme.False, nil
		}
	}
	return scheme.True, nil
}

// features implements (chicken platform)'s features: the core's, as keywords.
func features(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fs := th.Interp().Features()
	out := make([]scheme.Value, len(fs))
	for i, f := range fs {
		out[i] = scheme.InternKeyword(f)
	}
	return scheme.List(out...), nil
}

// setFeatures implements register-feature! (on) and unregister-feature!.
func setFeatures(th *scheme.Thread, a []scheme.Value, on bool) (scheme.Value, error) {
	for _, v := range a {
		n, _ := featureName(v)
		th.Interp().SetFeature(n, on)
	}
	return scheme.Unspecified, nil
}

// buildPlatform implements build-platform.
func buildPlatform(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern("unknown"), nil
}

// machineByteOrder implements machine-byte-order.
func machineByteOrder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(platform.ByteOrder), nil
}

// machineType implements machine-type.
func machineType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(platform.MachineType), nil
}

// softwareType implements software-type.
func softwareType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(platform.SoftwareType), nil
}

// softwareVersion implements software-version.
func softwareVersion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(platform.SoftwareVersion), nil
}

// systemConfigDirectory implements system-config-directory.
func systemConfigDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return xdgDir("XDG_CONFIG_HOME", ".config", "APPDATA")
}

// systemCacheDirectory implements system-cache-directory.
func systemCacheDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return xdgDir("XDG_CACHE_HOME", ".cache", "LOCALAPPDATA", "APPDATA")
}

// registerFeatureBang implements register-feature!.
func registerFeatureBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFeatures(th, a, true)
}

// unregisterFeatureBang implements unregister-feature!.
func unregisterFeatureBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFeatures(th, a, false)
}

// returnToHost implements return-to-host.
func returnToHost(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, scheme.Errorf("no host program to return to (tlsport is not embedded through CHICKEN_run)")
}
