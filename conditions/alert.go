// Alert numbers → the alert-description symbols of spec §2.3.

package conditions

// AlertDescription returns the alert-description symbol of TLS alert n
// (Go's alert text with spaces replaced by '-'), or "alert-N" if unknown.
func AlertDescription(n int) string {
	switch n {
	case 0:
		return "close-notify"
	case 10:
		return "unexpected-message"
	case 20:
		return "bad-record-mac"
	case 21:
		return "decryption-failed"
	case 22:
		return "record-overflow"
	case 30:
		return "decompression-failure"
	case 40:
		return "handshake-failure"
	case 42:
		return "bad-certificate"
	case 43:
		return "unsupported-certificate"
	case 44:
		return "certificate-revoked"
	case 45:
		return "certificate-expired"
	case 46:
		return "certificate-unknown"
	case 47:
		return "illegal-parameter"
	case 48:
		return "unknown-ca"
	case 49:
		return "access-denied"
	case 50:
		return "decode-error"
	case 51:
		return "decrypt-error"
	case 60:
		return "export-restriction"
	case 70:
		return "protocol-version"
	case 71:
		return "insufficient-security"
	case 80:
		return "internal-error"
	case 86:
		return "inappropriate-fallback"
	case 90:
		return "user-canceled"
	case 100:
		return "no-renegotiation"
	case 109:
		return "missing-extension"
	case 110:
		return "unsupported-extension"
	case 111:
		return "certificate-unobtainable"
	case 112:
		return "unrecognized-name"
	case 113:
		return "bad-certificate-status-response"
	case 114:
		return "bad-certificate-hash-value"
	case 115:
		return "unknown-psk-identity"
	case 116:
		return "certificate-required"
	case 120:
		return "no-application-protocol"
	case 121:
		return "ech-required"
	}
	return "alert-" + itoa(n)
}
