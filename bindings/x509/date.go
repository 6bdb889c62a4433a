// Date: the documented SRFI-19-like date of (rfc x509) validity values.

package x509

import (
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// Date is an instant printed in UTC (ISO 8601).
type Date struct{ T time.Time }

// TypeName implements scheme.Value.
func (*Date) TypeName() string { return "date" }

// Repr implements scheme.Repr.
func (d *Date) Repr() string { return "#<date " + d.String() + ">" }

// String is the ISO 8601 UTC text, e.g. "2026-01-02T03:04:05Z".
func (d *Date) String() string { return d.T.UTC().Format("2006-01-02T15:04:05Z") }

var _ scheme.Repr = (*Date)(nil)
