package chickentimeposix_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickentimeposix"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm, in the UTC+1 zone of Paris so that local
// time is not UTC.
func TestScripts(t *testing.T) {
	t.Setenv("TZ", "Europe/Paris")
	schemetest.RunDir(t, "testdata", nil)
}

// TestManualExports checks every definition of the manual page "Module
// (chicken time posix)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickentimeposix.Library, `seconds->local-time local-time->seconds
		local-timezone-abbreviation seconds->string seconds->utc-time utc-time->seconds time->string string->time`)
}
