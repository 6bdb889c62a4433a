// Package sagcrypto is Sagittarius's cryptography libraries over Go's
// crypto and golang.org/x/crypto: the libraries a Sagittarius program doing
// TLS work imports beside (rfc tls).
//
// # Libraries
//
//   - [Library], (sagittarius crypto keys), and [CryptoLibrary], the
//     key-pair part of the older (crypto): key schemes, generate-key-pair
//     for RSA, DSA (crypto/dsa), ECDSA, Ed25519, Ed448, X25519 and X448
//     (Ed448 and X448 are github.com/cloudflare/circl's), key pairs, the
//     key predicates, symmetric keys ([SymmetricKey]), EC parameters,
//     import and export of keys (raw, SubjectPublicKeyInfo, PKCS #8), and
//     key agreement (ECDH, X25519, X448). A private key is the same value
//     as (openssl)'s ssl-private-key, so it is accepted wherever (rfc tls)
//     and (openssl) take a private key (X25519 and X448 private keys do not
//     sign).
//   - [PEMLibrary], (rfc pem): parse-pem and its file and string forms,
//     with RFC 1421 headers in the parameter alist, and the PEM condition
//     types ([PEMErrorType] …).
//   - [DigestsLibrary], (sagittarius crypto digests): digest descriptors
//     ([DigestDescriptor]) and message digests ([MessageDigest]).
//   - [RandomLibrary], (sagittarius crypto random): PRNG descriptors and
//     random generators ([RandomGenerator]), keyed from crypto/rand.
//   - [MACLibrary], (sagittarius crypto mac): HMAC, KMAC, CMAC and GMAC
//     ([MAC]).
//   - [KDFsLibrary], (sagittarius crypto kdfs): PBKDF1, PBKDF2, HKDF, the
//     PKCS #12 KDF and scrypt.
//   - [SignaturesLibrary], (sagittarius crypto signatures): signers and
//     verifiers ([SignatureSigner], [SignatureVerifier]) of RSA (PSS and
//     PKCS #1 v1.5), DSA, ECDSA, Ed25519 (with ctx and ph) and Ed448 (with
//     context and ph).
//   - [CiphersLibrary], (sagittarius crypto ciphers): block ciphers in
//     ECB, CBC, CFB, OFB, CTR and GCM, ChaCha20(-Poly1305)
//     ([SymmetricCipher]), cipher parameters, and RSA encryption
//     ([AsymmetricCipher]).
//   - [X509Library], (sagittarius crypto x509): certificates (the
//     [tlsval.Certificate] of (rfc tls) and (openssl)), CSRs ([CSR]),
//     CRLs ([CRL]), names, validities, algorithm identifiers, extensions
//     and attributes, and certificate, CSR and CRL templates signed over
//     crypto/x509 (certificates) or encoded here (CSRs, CRLs).
//   - [KeystoresLibrary], (sagittarius crypto keystores): PKCS #12
//     keystores ([PKCS12Keystore]) read and written here (PBES2, the
//     PKCS #12 3DES and RC2 PBEs, HMAC integrity).
//
// Each library's binding table is its export list and its documentation
// (,help and docs/reference).
//
// # Concurrency
//
// Descriptors and algorithms are immutable. Message digests, MACs, random
// generators, signers, verifiers and ciphers lock, so Scheme threads may
// share one.
//
// # Errors
//
// Wrong argument types and ranges are (exn type assertion) and (exn bounds
// assertion) conditions. An algorithm the document lists but tlsport has
// no Go implementation of (Whirlpool, Tiger, MD2, some RIPEMD, Keccak and
// BLAKE2s sizes, Sober-128, custom generators, parse-pem's :asn1, most EC
// parameters, Camellia, SEED and the other rarer block ciphers, the LRW,
// F8, EAX, OCB, OCB3, GCM-SIV and CCM modes) keeps its descriptor, and
// using it raises an (exn violation implementation-restriction
// unsupported) condition naming it ([Unsupported]). Keys of a scheme other
// than the one asked for (a DSA key given to an Ed448 signer, X448 keys
// to X25519 key agreement) are (exn type) errors; raw keys of the wrong
// size and malformed encodings are errors saying what was expected. PEM failures are (exn pem-error invalid-pem-format) and
// (exn pem-error pre-eb-as-boundary) conditions, of the R6RS condition
// types &invalid-pem-format and &pre-eb-as-boundary. Long key derivations
// stop when the evaluation is cancelled.
package sagcrypto
