// The Scheme test scripts of (rfc tls): every testdata/*.scm file is a subtest.

package rfctls

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs every testdata/*.scm script against real peers over
// loopback, in a fresh interpreter with the certificate fixture bound.
func TestScripts(t *testing.T) {
	set := certgen.MustSet(t)
	files, err := filepath.Glob(filepath.Join("testdata", "*.scm"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.scm scripts: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".scm"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			needPeers(t, string(src))
			schemetest.RunFile(t, newTestInterp(t, set), f)
		})
	}
}
