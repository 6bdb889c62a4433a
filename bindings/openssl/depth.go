// The issue-15 ("TLS depth") rows of (openssl ext), gathered from their files.

package openssl

import "slices"

// depthProcs are appended to the (openssl ext) table: revocation,
// sessions, port select, exporters, callbacks, unwrap, serve, ECH.
var depthProcs = slices.Concat(revocationProcs, sessionProcs, selectProcs, exporterProcs, unwrapProcs, serveProcs, validateProcs, traceProcs, echProcs, getterProcs, goFeatureProcs, anchorProcs)
