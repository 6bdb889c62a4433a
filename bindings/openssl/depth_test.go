// The export list of the issue-15 rows of (openssl ext) (depth.go).

package openssl

import "strings"

// depthExports are the (openssl ext) names of depthProcs.
var depthExports = strings.Fields(`ssl-load-crl! ssl-set-ocsp-check! ssl-set-ocsp-staple! ssl-set-scts!
ssl-session? ssl-session-info ssl-session-resumable? ssl-session->bytevector bytevector->ssl-session
ssl-write-session ssl-read-session ssl-set-session-ticket-keys! ssl-set-ticket-data-callback! ssl-port-select ssl-export-keying-material
ssl-unwrap-ports ssl-serve ssl-server-stop! ssl-server-info ssl-set-validate-callback!
ssl-set-message-callback! ssl-make-ech-key ssl-set-ech-config-list! ssl-set-ech-keys! ssl-ech-accepted?
ssl-port-context ssl-port-verifier ssl-post-quantum? ssl-fips-mode?
ssl-add-trust-anchor! ssl-abort-handshake! ssl-add-certificate-chain!`)
