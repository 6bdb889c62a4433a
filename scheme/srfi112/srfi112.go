// SRFI-112 environment inquiry: the implementation, the machine and the system.

// Package srfi112 is SRFI-112, (srfi 112) or (srfi :112 inquery):
// implementation-name ("tlsport"), implementation-version (the main
// module's version, #f in a development build), cpu-architecture and
// os-name (Go's names, e.g. "amd64" and "linux"), machine-name (the host
// name) and os-version (#f: not known without the system's uname).
package srfi112

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-112"

// Library is the (srfi 112) binding table.
var Library = &scheme.Library{Name: "(srfi 112)", Doc: "SRFI-112: environment inquiry.", ImportOnly: true,
	Procs: []scheme.Proc{
		scheme.Row("implementation-name", spec, "\"tlsport\".", scheme.Lambda(), implementationName),
		scheme.Row("implementation-version", spec, "The version of the tlsport module the program was built from, or #f (a development build).", scheme.Lambda(), implementationVersion),
		scheme.Row("cpu-architecture", spec, "The processor architecture, as Go names it (\"amd64\", \"arm64\" …).", scheme.Lambda(), cpuArchitecture),
		scheme.Row("machine-name", spec, "The host name, or #f when the system gives none.", scheme.Lambda(), machineName),
		scheme.Row("os-name", spec, "The operating system, as Go names it (\"linux\", \"darwin\" …).", scheme.Lambda(), osName),
		scheme.Row("os-version", spec, "#f: the system's version is not known here.", scheme.Lambda(), osVersion),
	}}

func implementationName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString("tlsport"), nil
}

func implementationVersion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return scheme.NewString(bi.Main.Version), nil
	}
	return scheme.False, nil
}

func cpuArchitecture(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(runtime.GOARCH), nil
}

func machineName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if h, err := os.Hostname(); err == nil && h != "" {
		return scheme.NewString(h), nil
	}
	return scheme.False, nil
}

func osName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(runtime.GOOS), nil
}

func osVersion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.False, nil
}
