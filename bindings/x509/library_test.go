// Checks of the binding table: exports equal the spec list, rows are complete, Sig agrees with Args, scripts call every procedure.

package x509

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
)

// specExports is the table of spec §1.2.8 plus the documented [ext] date
// procedures, Sagittarius's certificate builders (issue 13) and its
// x509-certificate-get-… accessors and check-validity.
var specExports = strings.Fields(`make-x509-certificate bytevector->x509-certificate read-x509-certificate
x509-certificate? x509-certificate->bytevector x509-certificate-subject-dn x509-certificate-issuer-dn
x509-name->string x509-certificate-serial-number x509-certificate-expired? x509-certificate-validity
x509-validity-not-before x509-validity-not-after
date? date->string current-date make-date date-year date-month date-day date-hour date-minute date-second
make-x509-issuer make-x509-subject make-validity make-x509-basic-certificate
x509-certificate-get-version x509-certificate-get-serial-number x509-certificate-get-issuer-dn x509-certificate-get-subject-dn
x509-certificate-get-not-before x509-certificate-get-not-after x509-certificate-get-signature
x509-certificate-get-signature-algorithm x509-certificate-get-public-key check-validity`)

func TestLibrary(t *testing.T) { bindingtest.CheckLibrary(t, Library, specExports, "testdata") }
