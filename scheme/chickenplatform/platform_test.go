package chickenplatform_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenplatform"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken platform)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenplatform.Library, `build-platform chicken-home chicken-version
		repository-path installation-repository system-config-directory system-cache-directory
		machine-byte-order machine-type software-type software-version features feature?
		register-feature! unregister-feature! return-to-host`)
}

// TestPlatformOf checks CHICKEN's names for Go's platforms, as the manual's
// lists of machine-type, software-type and software-version give them.
func TestPlatformOf(t *testing.T) {
	for _, c := range []struct {
		goos, goarch string
		want         scheme.Platform
	}{
		{"linux", "amd64", scheme.Platform{SoftwareType: "unix", SoftwareVersion: "linux", MachineType: "x86-64", ByteOrder: "little-endian", WordBits: 64}},
		{"darwin", "arm64", scheme.Platform{SoftwareType: "unix", SoftwareVersion: "macosx", MachineType: "arm64", ByteOrder: "little-endian", WordBits: 64}},
		{"windows", "386", scheme.Platform{SoftwareType: "windows", SoftwareVersion: "windows", MachineType: "x86", ByteOrder: "little-endian", WordBits: 32}},
		{"linux", "ppc64le", scheme.Platform{SoftwareType: "unix", SoftwareVersion: "linux", MachineType: "ppc64", ByteOrder: "little-endian", WordBits: 64}},
		{"linux", "s390x", scheme.Platform{SoftwareType: "unix", SoftwareVersion: "linux", MachineType: "s390x", ByteOrder: "big-endian", WordBits: 64}},
		{"freebsd", "loong64", scheme.Platform{SoftwareType: "unix", SoftwareVersion: "freebsd", MachineType: "unknown", ByteOrder: "little-endian", WordBits: 64}},
		{"plan9", "arm", scheme.Platform{SoftwareType: "unknown", SoftwareVersion: "plan9", MachineType: "arm", ByteOrder: "little-endian", WordBits: 32}},
	} {
		if got := scheme.PlatformOf(c.goos, c.goarch); got != c.want {
			t.Errorf("PlatformOf(%q, %q) = %+v, want %+v", c.goos, c.goarch, got, c.want)
		}
	}
}
