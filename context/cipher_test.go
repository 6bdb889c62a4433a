package tlsctx_test

import (
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"testing"

	tlsctx "github.com/tlsport/tlsport/context"
)

func TestCipherExamples(t *testing.T) {
	all := []uint16{}
	for _, s := range tlsctx.Suites() {
		if !s.TLS13 {
			all = append(all, s.ID)
		}
	}
	without := func(ids []uint16, drop ...uint16) []uint16 {
		return slices.DeleteFunc(slices.Clone(ids), func(x uint16) bool { return slices.Contains(drop, x) })
	}
	def := []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014}
	high := without(all, 0xC012, 0x000A, 0xC007, 0xC011, 0x0005)
	rows := []struct {
		spec string
		want []uint16 // nil = "no cipher match"
	}{
		{"DEFAULT", def},
		{"HIGH:!aNULL", high},
		{"HIGH:!aNULL:!MD5", high},
		{"HIGH:!aNULL:!PSK:!SRP:!MD5:!RC4", high},
		{"DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2", def},
		{"ECDHE+AESGCM", []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030}},
		{"EECDH+AESGCM:EDH+AESGCM", []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030}},
		{"ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384", []uint16{0xC02C, 0xC030}},
		{"AES128-SHA", []uint16{0x002F}},
		{"TLS_RSA_WITH_AES_128_CBC_SHA", []uint16{0x002F}},
		{"kRSA", []uint16{0x009C, 0x009D, 0x002F, 0x0035, 0x000A, 0x003C, 0x0005}},
		{"ALL:!RC4:!3DES", without(all, 0xC012, 0x000A, 0xC007, 0xC011, 0x0005)},
		{"ALL,-kRSA,kRSA+AESGCM", without(all, 0x002F, 0x0035, 0x000A, 0x003C, 0x0005)},
		{"ALL:!kRSA:kRSA", without(all, 0x009C, 0x009D, 0x002F, 0x0035, 0x000A, 0x003C, 0x0005)},
		{"ECDHE+AESGCM @STRENGTH +AES128", []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030}},
		{"DHE-RSA-AES128-GCM-SHA256", nil},
		{"eNULL", nil},
		{"aNULL", nil},
		{"TLS_AES_128_GCM_SHA256", nil},
		{"", nil},
	}
	for _, r := range rows {
		t.Run(r.spec, func(t *testing.T) {
			got, _, err := tlsctx.ParseCipherList(r.spec)
			if r.want == nil {
				if e := cond(t, err); e.Reason != "no cipher match" {
					t.Errorf("reason %q", e.Reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			want := slices.Clone(r.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %04X, want %04X", got, want)
			}
		})
	}
	if _, lvl, _ := tlsctx.ParseCipherList("HIGH:@SECLEVEL=2"); lvl != 2 {
		t.Errorf("seclevel %d", lvl)
	}
	s, _ := tlsctx.SuiteByID(0xC02F)
	if d := s.Description(); d != "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD" {
		t.Errorf("description %q", d)
	}
}

var openSSLLine = regexp.MustCompile(`^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)`)

// opensslCiphers returns the suite IDs OpenSSL selects for spec (TLS ≤1.2).
func opensslCiphers(t *testing.T, spec string) map[uint16]bool {
	out, err := exec.Command("openssl", "ciphers", "-V", spec+":@SECLEVEL=0").Output()
	set := map[uint16]bool{}
	if err != nil {
		return set // "no cipher match"
	}
	for _, line := range regexp.MustCompile(`\n`).Split(string(out), -1) {
		m := openSSLLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		hi, _ := strconv.ParseUint(m[1], 16, 8)
		lo, _ := strconv.ParseUint(m[2], 16, 8)
		id := uint16(hi<<8 | lo)
		if hi != 0x13 {
			set[id] = true
		}
	}
	return set
}

func TestCipherListAgainstOpenSSL(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skipf("openssl not in PATH; install it (apt-get install openssl) to run: %v", err)
	}
	universe := opensslCiphers(t, "ALL:COMPLEMENTOFALL")
	specs := []string{
		"ALL", "HIGH", "MEDIUM", "HIGH:!aNULL", "HIGH:!aNULL:!MD5", "ECDHE+AESGCM", "EECDH+AESGCM:EDH+AESGCM",
		"kRSA", "RSA", "aRSA", "kECDHE", "ECDHE", "EECDH", "ECDH", "aECDSA", "ECDSA", "AESGCM", "AES128",
		"AES256", "AES", "CHACHA20", "SHA1", "SHA", "SHA256", "SHA384", "TLSv1.2", "TLSv1", "SSLv3",
		"SUITEB128", "SUITEB192", "ALL:!RC4:!3DES", "ALL:-kRSA", "ALL:!ECDSA:ECDSA", "ALL:-ECDSA:ECDSA",
		"AES128-SHA", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384", "HIGH+kRSA",
		"ECDHE+CHACHA20:AES256", "kRSA+AES128:ECDSA+SHA1", "eNULL", "aNULL", "DHE-RSA-AES128-GCM-SHA256",
		"ALL:@STRENGTH", "HIGH:!SHA1",
	}
	for _, spec := range specs {
		t.Run(spec, func(t *testing.T) {
			want := opensslCiphers(t, spec)
			ids, _, _ := tlsctx.ParseCipherList(spec)
			got := map[uint16]bool{}
			for _, id := range ids {
				if universe[id] {
					got[id] = true
				}
			}
			for id := range want {
				if _, ok := tlsctx.SuiteByID(id); !ok {
					delete(want, id) // not implemented by Go
				}
			}
			if len(got) != len(want) {
				t.Fatalf("got %v, OpenSSL %v", keys(got), keys(want))
			}
			for id := range want {
				if !got[id] {
					t.Fatalf("got %v, OpenSSL %v", keys(got), keys(want))
				}
			}
		})
	}
	// Documented deviation (spec §A.2 item 2): DEFAULT = Go's default set.
	def, _, _ := tlsctx.ParseCipherList("DEFAULT")
	if len(def) != 10 {
		t.Errorf("DEFAULT has %d suites", len(def))
	}
	comp, _, _ := tlsctx.ParseCipherList("COMPLEMENTOFDEFAULT")
	if want := []uint16{0x009C, 0x009D, 0x002F, 0x0035, 0xC012, 0x000A, 0xC023, 0xC027, 0x003C, 0xC007, 0xC011, 0x0005}; !slices.Equal(comp, want) {
		t.Errorf("COMPLEMENTOFDEFAULT %04X", comp)
	}
}

func keys(m map[uint16]bool) []string {
	var out []string
	for id := range m {
		out = append(out, strconv.FormatUint(uint64(id), 16))
	}
	slices.Sort(out)
	return out
}
