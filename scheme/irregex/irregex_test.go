package irregex_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/irregex"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every procedure of the manual page "Module
// (chicken irregex)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, irregex.Library, `glob->sre irregex irregex-extract irregex-fold
		irregex-fold/chunked irregex-match irregex-match-data? irregex-match-end-chunk
		irregex-match-end-index irregex-match-names irregex-match-num-submatches
		irregex-match-start-chunk irregex-match-start-index irregex-match-subchunk
		irregex-match-substring irregex-match-valid-index? irregex-match/chunked irregex-match?
		irregex-names irregex-num-submatches irregex-opt irregex-quote irregex-replace
		irregex-replace/all irregex-search irregex-search/chunked irregex-split irregex?
		make-irregex-chunker maybe-string->sre sre->irregex sre->string string->irregex string->sre`)
}
