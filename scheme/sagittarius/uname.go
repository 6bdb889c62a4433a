package sagittarius

import (
	"os"
	"runtime"
	"strings"
)

// unameRelease is uname's system name, release and version: the kernel's
// (/proc/sys/kernel on Linux), else the system's name alone.
func unameRelease() (sys, release, version string) {
	sys = strings.ToUpper(runtime.GOOS[:1]) + runtime.GOOS[1:]
	read := func(name string) string {
		b, _ := os.ReadFile("/proc/sys/kernel/" + name)
		return strings.TrimSpace(string(b))
	}
	if runtime.GOOS == "linux" {
		if t := read("ostype"); t != "" {
			sys = t
		}
		return sys, read("osrelease"), read("version")
	}
	return sys, "", ""
}
