// Cipher suites: the suite table of spec §3.2 and the OpenSSL cipher-string parser.

package tlsctx

import (
	"crypto/tls"
	"strconv"
	"strings"

	"github.com/tlsport/tlsport/conditions"
)

// Suite describes one cipher suite Go implements (spec §3.2 table).
type Suite struct {
	ID         uint16 // IANA suite number (Go tls.TLS_* constant)
	Name       string // OpenSSL name
	IANA       string // IANA / Go name
	MinVersion uint16 // lowest TLS version the suite works with
	MaxVersion uint16 // highest TLS version the suite works with
	Kx         string // "ECDH", "RSA", "any"
	Au         string // "ECDSA", "RSA", "any"
	Enc        string // "AESGCM", "AES", "CHACHA20/POLY1305", "3DES", "RC4"
	Bits       int    // key bits (168 for 3DES)
	Strength   int    // secret (security) bits: 112 for 3DES
	Mac        string // "AEAD", "SHA1", "SHA256"
	GoDefault  bool   // in Go's default list (always true for TLS 1.3 suites)
	TLS13      bool   // a TLS 1.3 suite (not selectable by cipher strings)
	proto      string // OpenSSL "min protocol" column: SSLv3, TLSv1, TLSv1.2, TLSv1.3
}

// Description returns the OpenSSL-style one-line description, e.g.
// "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD".
func (s Suite) Description() string {
	return s.Name + " " + s.proto + " Kx=" + s.Kx + " Au=" + s.Au + " Enc=" + s.Enc + "(" + strconv.Itoa(s.Bits) + ") Mac=" + s.Mac
}

// OpenSSLID is the OpenSSL cipher id: 0x03000000 + the IANA number.
func (s Suite) OpenSSLID() uint32 { return 0x03000000 | uint32(s.ID) }

// MinVersionName is "TLSv1", "TLSv1.2" or "TLSv1.3".
func (s Suite) MinVersionName() string { return VersionName(s.MinVersion) }

// VersionName returns the OpenSSL name of a TLS version ("TLSv1" …
// "TLSv1.3"), or "" if unknown.
func VersionName(v uint16) string { return versionNames(v).openssl }

// versionNames returns the OpenSSL and Racket names of a TLS version, or
// empty names if unknown.
func versionNames(v uint16) (n struct{ openssl, racket string }) {
	switch v {
	case tls.VersionTLS10:
		n.openssl, n.racket = "TLSv1", "tls"
	case tls.VersionTLS11:
		n.openssl, n.racket = "TLSv1.1", "tls11"
	case tls.VersionTLS12:
		n.openssl, n.racket = "TLSv1.2", "tls12"
	case tls.VersionTLS13:
		n.openssl, n.racket = "TLSv1.3", "tls13"
	}
	return n
}

// Suites returns the suite table of spec §3.2 (a fresh slice).
func Suites() []Suite {
	const t10, t12, t13 = tls.VersionTLS10, tls.VersionTLS12, tls.VersionTLS13
	s := func(id uint16, name string, minv uint16, kx, au, enc string, bits, str int, mac string, def bool, proto string) Suite {
		maxv := uint16(t12)
		tls13 := minv == t13
		if tls13 {
			maxv = t13
		}
		return Suite{ID: id, Name: name, IANA: tls.CipherSuiteName(id), MinVersion: minv, MaxVersion: maxv,
			Kx: kx, Au: au, Enc: enc, Bits: bits, Strength: str, Mac: mac, GoDefault: def, TLS13: tls13, proto: proto}
	}
	return []Suite{
		s(0xC02B, "ECDHE-ECDSA-AES128-GCM-SHA256", t12, "ECDH", "ECDSA", "AESGCM", 128, 128, "AEAD", true, "TLSv1.2"),
		s(0xC02F, "ECDHE-RSA-AES128-GCM-SHA256", t12, "ECDH", "RSA", "AESGCM", 128, 128, "AEAD", true, "TLSv1.2"),
		s(0xC02C, "ECDHE-ECDSA-AES256-GCM-SHA384", t12, "ECDH", "ECDSA", "AESGCM", 256, 256, "AEAD", true, "TLSv1.2"),
		s(0xC030, "ECDHE-RSA-AES256-GCM-SHA384", t12, "ECDH", "RSA", "AESGCM", 256, 256, "AEAD", true, "TLSv1.2"),
		s(0xCCA9, "ECDHE-ECDSA-CHACHA20-POLY1305", t12, "ECDH", "ECDSA", "CHACHA20/POLY1305", 256, 256, "AEAD", true, "TLSv1.2"),
		s(0xCCA8, "ECDHE-RSA-CHACHA20-POLY1305", t12, "ECDH", "RSA", "CHACHA20/POLY1305", 256, 256, "AEAD", true, "TLSv1.2"),
		s(0xC009, "ECDHE-ECDSA-AES128-SHA", t10, "ECDH", "ECDSA", "AES", 128, 128, "SHA1", true, "TLSv1"),
		s(0xC013, "ECDHE-RSA-AES128-SHA", t10, "ECDH", "RSA", "AES", 128, 128, "SHA1", true, "TLSv1"),
		s(0xC00A, "ECDHE-ECDSA-AES256-SHA", t10, "ECDH", "ECDSA", "AES", 256, 256, "SHA1", true, "TLSv1"),
		s(0xC014, "ECDHE-RSA-AES256-SHA", t10, "ECDH", "RSA", "AES", 256, 256, "SHA1", true, "TLSv1"),
		s(0x009C, "AES128-GCM-SHA256", t12, "RSA", "RSA", "AESGCM", 128, 128, "AEAD", false, "TLSv1.2"),
		s(0x009D, "AES256-GCM-SHA384", t12, "RSA", "RSA", "AESGCM", 256, 256, "AEAD", false, "TLSv1.2"),
		s(0x002F, "AES128-SHA", t10, "RSA", "RSA", "AES", 128, 128, "SHA1", false, "SSLv3"),
		s(0x0035, "AES256-SHA", t10, "RSA", "RSA", "AES", 256, 256, "SHA1", false, "SSLv3"),
		s(0xC012, "ECDHE-RSA-DES-CBC3-SHA", t10, "ECDH", "RSA", "3DES", 168, 112, "SHA1", false, "TLSv1"),
		s(0x000A, "DES-CBC3-SHA", t10, "RSA", "RSA", "3DES", 168, 112, "SHA1", false, "SSLv3"),
		s(0xC023, "ECDHE-ECDSA-AES128-SHA256", t12, "ECDH", "ECDSA", "AES", 128, 128, "SHA256", false, "TLSv1.2"),
		s(0xC027, "ECDHE-RSA-AES128-SHA256", t12, "ECDH", "RSA", "AES", 128, 128, "SHA256", false, "TLSv1.2"),
		s(0x003C, "AES128-SHA256", t12, "RSA", "RSA", "AES", 128, 128, "SHA256", false, "TLSv1.2"),
		s(0xC007, "ECDHE-ECDSA-RC4-SHA", t10, "ECDH", "ECDSA", "RC4", 128, 128, "SHA1", false, "TLSv1"),
		s(0xC011, "ECDHE-RSA-RC4-SHA", t10, "ECDH", "RSA", "RC4", 128, 128, "SHA1", false, "TLSv1"),
		s(0x0005, "RC4-SHA", t10, "RSA", "RSA", "RC4", 128, 128, "SHA1", false, "SSLv3"),
		s(0x1301, "TLS_AES_128_GCM_SHA256", t13, "any", "any", "AESGCM", 128, 128, "AEAD", true, "TLSv1.3"),
		s(0x1302, "TLS_AES_256_GCM_SHA384", t13, "any", "any", "AESGCM", 256, 256, "AEAD", true, "TLSv1.3"),
		s(0x1303, "TLS_CHACHA20_POLY1305_SHA256", t13, "any", "any", "CHACHA20/POLY1305", 256, 256, "AEAD", true, "TLSv1.3"),
	}
}

// SuiteByID returns the table entry for id.
func SuiteByID(id uint16) (Suite, bool) {
	for _, s := range Suites() {
		if s.ID == id {
			return s, true
		}
	}
	return Suite{}, false
}

// SuiteByName returns the table entry whose OpenSSL or IANA name is name.
func SuiteByName(name string) (Suite, bool) {
	for _, s := range Suites() {
		if s.Name == name || s.IANA == name {
			return s, true
		}
	}
	return Suite{}, false
}

// aliasMatch reports whether suite s (TLS ≤ 1.2) is in the set named by
// alias; known is false for a name that is neither an alias nor a suite
// name (it then matches nothing, as in OpenSSL).
func aliasMatch(alias string, s Suite) (match, known bool) {
	kRSA := s.Kx == "RSA"
	aes := s.Enc == "AES" || s.Enc == "AESGCM"
	switch alias {
	case "DEFAULT":
		return s.GoDefault, true
	case "ALL":
		return true, true
	case "COMPLEMENTOFDEFAULT":
		return !s.GoDefault, true
	case "HIGH":
		return aes || s.Enc == "CHACHA20/POLY1305", true
	case "MEDIUM":
		return s.Enc == "3DES" || s.Enc == "RC4", true
	case "kRSA", "RSA":
		return kRSA, true
	case "aRSA":
		return s.Au == "RSA", true
	case "kECDHE", "kEECDH", "ECDHE", "EECDH", "ECDH":
		return s.Kx == "ECDH", true
	case "aECDSA", "ECDSA":
		return s.Au == "ECDSA", true
	case "AESGCM":
		return s.Enc == "AESGCM", true
	case "AES128":
		return aes && s.Bits == 128, true
	case "AES256":
		return aes && s.Bits == 256, true
	case "AES":
		return aes, true
	case "CHACHA20":
		return s.Enc == "CHACHA20/POLY1305", true
	case "3DES":
		return s.Enc == "3DES", true
	case "RC4":
		return s.Enc == "RC4", true
	case "SHA1", "SHA":
		return s.Mac == "SHA1", true
	case "SHA256":
		return s.Mac == "SHA256", true
	case "SHA384":
		return s.Mac == "SHA384", true
	case "TLSv1.2":
		return s.proto == "TLSv1.2", true
	case "TLSv1", "TLSv1.0":
		return s.proto == "TLSv1", true
	case "SSLv3":
		return s.proto == "SSLv3", true
	case "SUITEB128":
		return s.ID == 0xC02B || s.ID == 0xC02C, true
	case "SUITEB192":
		return s.ID == 0xC02C, true
	}
	if s.Name == alias || s.IANA == alias {
		return true, true
	}
	return false, false
}

// ParseCipherList parses an OpenSSL cipher string (spec §3.2) into the set
// of Go suite IDs it selects (TLS ≤ 1.2 only, in table order). secLevel is
// the @SECLEVEL=n value, or -1 if absent. An empty selection is a
// status-#f condition "no cipher match".
func ParseCipherList(spec string) (ids []uint16, secLevel int, err error) {
	secLevel = -1
	table := Suites()
	in := map[uint16]bool{}
	banned := map[uint16]bool{}
	elems := strings.FieldsFunc(spec, func(r rune) bool { return r == ':' || r == ',' || r == ' ' || r == '\t' })
	for _, el := range elems {
		if strings.HasPrefix(el, "@") {
			if v, ok := strings.CutPrefix(el, "@SECLEVEL="); ok {
				n, perr := strconv.Atoi(v)
				if perr != nil || n < 0 || n > 5 {
					return nil, -1, conditions.Config("invalid security level in cipher string: "+el, nil)
				}
				secLevel = n
			}
			continue // @STRENGTH and other commands: order is ignored by Go
		}
		op := byte(0)
		if el[0] == '!' || el[0] == '-' || el[0] == '+' {
			op, el = el[0], el[1:]
		}
		terms := strings.Split(el, "+")
		for _, s := range table {
			if s.TLS13 {
				continue
			}
			all := true
			for _, t := range terms {
				if m, _ := aliasMatch(t, s); !m {
					all = false
					break
				}
			}
			if !all || len(terms) == 0 || el == "" {
				continue
			}
			switch op {
			case 0:
				if !banned[s.ID] {
					in[s.ID] = true
				}
			case '-':
				delete(in, s.ID)
			case '!':
				delete(in, s.ID)
				banned[s.ID] = true
			}
		}
	}
	for _, s := range table {
		if in[s.ID] {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		return nil, secLevel, conditions.Config("no cipher match", nil)
	}
	return ids, secLevel, nil
}

// defaultSuiteIDs returns the Go default TLS ≤1.2 suite IDs.
func defaultSuiteIDs() []uint16 {
	var ids []uint16
	for _, s := range Suites() {
		if s.GoDefault && !s.TLS13 {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// parseTLS13Suites parses the colon-separated TLS 1.3 suite list of
// ssl-set-ciphersuites!. Empty → (nil, true): TLS 1.3 disabled.
func parseTLS13Suites(spec string) (ids []uint16, disable bool, err error) {
	if strings.TrimSpace(spec) == "" {
		return nil, true, nil
	}
	for _, n := range strings.Split(spec, ":") {
		n = strings.TrimSpace(n)
		switch n {
		case "TLS_AES_128_GCM_SHA256":
			ids = append(ids, tls.TLS_AES_128_GCM_SHA256)
		case "TLS_AES_256_GCM_SHA384":
			ids = append(ids, tls.TLS_AES_256_GCM_SHA384)
		case "TLS_CHACHA20_POLY1305_SHA256":
			ids = append(ids, tls.TLS_CHACHA20_POLY1305_SHA256)
		case "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256", "":
		default:
			return nil, false, conditions.Config("unknown TLS 1.3 cipher suite: "+n, nil)
		}
	}
	if len(ids) == 0 {
		return nil, true, nil
	}
	return ids, false, nil
}
