// Status: the openssl.status values of spec §2.1.

package conditions

// Status is the openssl.status of a condition (spec §2.1). StatusNone is the
// egg's #f (configuration errors, unsupported features, unclassified errors).
type Status int

// The statuses of spec §2.1, in the egg's order.
const (
	StatusNone Status = iota
	ZeroReturn
	WantRead
	WantWrite
	WantConnect
	WantAccept
	WantX509Lookup
	Syscall
	SSL
)

// String returns the egg spelling of s ("zero-return", "want-read", …,
// "want-X509-lookup", "syscall", "ssl"), or "" for StatusNone.
func (s Status) String() string {
	switch s {
	case ZeroReturn:
		return StatusZeroReturn
	case WantRead:
		return StatusWantRead
	case WantWrite:
		return StatusWantWrite
	case WantConnect:
		return StatusWantConnect
	case WantAccept:
		return StatusWantAccept
	case WantX509Lookup:
		return StatusWantX509Lookup
	case Syscall:
		return StatusSyscall
	case SSL:
		return StatusSSL
	}
	return ""
}

// Symbol returns the status symbol name and true, or ("", false) for
// StatusNone, whose Scheme value is #f.
func (s Status) Symbol() (string, bool) {
	name := s.String()
	return name, name != ""
}

// ParseStatus returns the Status spelt name (as String returns it); ok is
// false for an unknown name. "" parses as StatusNone.
func ParseStatus(name string) (s Status, ok bool) {
	for s := StatusNone; s <= SSL; s++ {
		if s.String() == name {
			return s, true
		}
	}
	return StatusNone, false
}
