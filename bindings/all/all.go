// Package all registers every tlsport Scheme library with an interpreter;
// it is the one place where the command (cmd/tlsport) and the tests learn
// which libraries exist.
package all

import (
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/rfctls"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/starttls"
	"github.com/tlsport/tlsport/bindings/tcp"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
)

// Register registers every tlsport library with in and imports it, so its
// names are bound at the REPL and in scripts without an (import …); an
// explicit (import (openssl)) also works. An ImportOnly library (the
// Sagittarius crypto libraries) is bound only where it is imported.
//
// Bindings engineers: add your library to libraries below, one line each,
// e.g. openssl.Library for (openssl) from bindings/openssl. Keep the list
// sorted by library name.
func Register(in *scheme.Interp) error {
	for _, lib := range libraries() {
		if err := in.Register(lib); err != nil {
			return err
		}
		if !lib.ImportOnly { // bound only where a program imports it
			in.Import(lib.Name)
		}
	}
	return nil
}

// libraries returns the binding tables to register, in order.
func libraries() []*scheme.Library {
	return []*scheme.Library{
		tcp.Library,                 // (chicken tcp)
		sagcrypto.CryptoLibrary,     // (crypto)
		openssl.Library,             // (openssl)
		openssl.ExtLibrary,          // (openssl ext)
		sagcrypto.PEMLibrary,        // (rfc pem)
		rfctls.Library,              // (rfc tls)
		x509.DotLibrary,             // (rfc x.509)
		x509.Library,                // (rfc x509)
		sagcrypto.CiphersLibrary,    // (sagittarius crypto ciphers)
		sagcrypto.DigestsLibrary,    // (sagittarius crypto digests)
		sagcrypto.KDFsLibrary,       // (sagittarius crypto kdfs)
		sagcrypto.KeystoresLibrary,  // (sagittarius crypto keystores)
		sagcrypto.Library,           // (sagittarius crypto keys)
		sagcrypto.MACLibrary,        // (sagittarius crypto mac)
		sagcrypto.RandomLibrary,     // (sagittarius crypto random)
		sagcrypto.SignaturesLibrary, // (sagittarius crypto signatures)
		sagcrypto.X509Library,       // (sagittarius crypto x509)
		socket.Library,              // (sagittarius socket)
		socket.Library106,           // (srfi 106)
		starttls.Library,            // (tlsport starttls)
		// One line per library, e.g.:
		//   chickentcp.Library, // (chicken tcp)
		//   openssl.Library,    // (openssl)
		//   rfctls.Library,     // (rfc tls)
	}
}
