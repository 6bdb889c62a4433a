// Package sagcrypto is Sagittarius's cryptography libraries over Go's
// crypto and golang.org/x/crypto: the libraries a Sagittarius program doing
// TLS work imports beside (rfc tls).
//
// # Libraries
//
//   - [Library], (sagittarius crypto keys), and [CryptoLibrary], the
//     key-pair part of the older (crypto): key schemes, generate-key-pair
//     for RSA, ECDSA and Ed25519, key pairs and the key predicates. A
//     private key is the same value as (openssl)'s ssl-private-key, so it
//     is accepted wherever (rfc tls) and (openssl) take a private key.
//   - [PEMLibrary], (rfc pem): parse-pem and its file and string forms,
//     with RFC 1421 headers in the parameter alist, and the PEM condition
//     types ([PEMErrorType] …).
//   - [DigestsLibrary], (sagittarius crypto digests): digest descriptors
//     ([DigestDescriptor]) and message digests ([MessageDigest]).
//   - [RandomLibrary], (sagittarius crypto random): PRNG descriptors and
//     random generators ([RandomGenerator]), keyed from crypto/rand.
//   - [MACLibrary], (sagittarius crypto mac): HMAC and KMAC ([MAC]).
//   - [KDFsLibrary], (sagittarius crypto kdfs): PBKDF1, PBKDF2, HKDF, the
//     PKCS #12 KDF and scrypt.
//
// Each library's binding table is its export list and its documentation
// (,help and docs/reference).
//
// # Concurrency
//
// Descriptors and algorithms are immutable. Message digests, MACs and
// random generators lock, so Scheme threads may share one.
//
// # Errors
//
// Wrong argument types and ranges are (exn type assertion) and (exn bounds
// assertion) conditions. An algorithm the document lists but tlsport has
// no Go implementation of (Whirlpool, Tiger, MD2, some RIPEMD, Keccak and
// BLAKE2s sizes, Sober-128, CMAC, GMAC, custom generators, parse-pem's
// :asn1) keeps its descriptor, and using it raises an (exn violation
// implementation-restriction unsupported) condition naming it
// ([Unsupported]). PEM failures are (exn pem-error invalid-pem-format) and
// (exn pem-error pre-eb-as-boundary) conditions, of the R6RS condition
// types &invalid-pem-format and &pre-eb-as-boundary. Long key derivations
// stop when the evaluation is cancelled.
package sagcrypto
