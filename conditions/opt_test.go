// Opt: the zero value is none, 0 is a real value.

package conditions_test

import (
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

func TestOpt(t *testing.T) {
	tests := []struct {
		name string
		o    conditions.Opt
		n    int
		ok   bool
		str  string
	}{
		{"zero value", conditions.Opt{}, 0, false, "none"},
		{"some 0", conditions.Some(0), 0, true, "0"},
		{"some 42", conditions.Some(42), 42, true, "42"},
		{"millis 0", conditions.Millis(0), 0, false, "none"},
		{"millis negative", conditions.Millis(-time.Second), 0, false, "none"},
		{"millis 1.5s", conditions.Millis(1500 * time.Millisecond), 1500, true, "1500"},
		{"millis rounds down", conditions.Millis(2500 * time.Microsecond), 2, true, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := tt.o.Get()
			if n != tt.n || ok != tt.ok || tt.o.String() != tt.str {
				t.Errorf("Get = %d, %v; String = %q; want %d, %v, %q", n, ok, tt.o.String(), tt.n, tt.ok, tt.str)
			}
		})
	}
	if conditions.Some(0) == (conditions.Opt{}) || conditions.Some(3) != conditions.Some(3) {
		t.Error("Opt equality: Some(0) must differ from none, Some(3) equal Some(3)")
	}
}

// TestNoneFields: constructors leave the Opt fields none, and a
// verification failure at the leaf keeps depth 0 (not none).
func TestNoneFields(t *testing.T) {
	none := conditions.Opt{}
	for name, e := range map[string]*conditions.Error{
		"exn":       conditions.Exn("x"),
		"config":    conditions.Config("x", nil),
		"type":      conditions.TypeError("f", "x"),
		"want-read": conditions.Want(conditions.WantRead, conditions.OpRead),
	} {
		if e.Alert != none || e.VerifyCode != none || e.Depth != none || e.TimeoutMS != none {
			t.Errorf("%s: alert %v verify-code %v depth %v timeout.ms %v, want all none", name, e.Alert, e.VerifyCode, e.Depth, e.TimeoutMS)
		}
	}
	e := conditions.VerifyFailure(conditions.VerifyOK, conditions.Some(0), nil, nil)
	if e.VerifyCode != conditions.Some(0) || e.Depth != conditions.Some(0) || e.Alert != conditions.Some(42) || e.TimeoutMS != none {
		t.Errorf("verify failure: verify-code %v depth %v alert %v timeout.ms %v", e.VerifyCode, e.Depth, e.Alert, e.TimeoutMS)
	}
	if e := conditions.VerifyFailure(conditions.VerifyApplication, none, nil, nil); e.Depth != none {
		t.Errorf("no depth from a callback: depth %v, want none", e.Depth)
	}
}
