// The issue-15 ("TLS depth") rows of (openssl ext), gathered from their files.

package openssl

import "github.com/tlsport/tlsport/scheme"

// depthProcs are the tables appended to the (openssl ext) table: revocation,
// sessions, port select, exporters, callbacks, unwrap, serve, ECH. They
// are copied once, into ExtLibrary's rows.
var depthProcs = [][]scheme.Proc{revocationProcs, sessionProcs, selectProcs, exporterProcs, unwrapProcs, serveProcs, validateProcs, traceProcs, echProcs, getterProcs, goFeatureProcs, anchorProcs}
