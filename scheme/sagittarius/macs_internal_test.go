package sagittarius

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestInterfaceMACs: the addresses of a /sys/class/net tree, in the order
// of the interfaces' indexes, without the loopback's zeros, a short
// (non-Ethernet) address or an unreadable one.
func TestInterfaceMACs(t *testing.T) {
	dir := t.TempDir()
	for _, nic := range []struct{ name, addr, index string }{
		{"lo", "00:00:00:00:00:00", "1"},
		{"wlan0", "02:42:ac:11:00:03\n", "3"},
		{"eth0", "02:42:ac:11:00:02\n", "2"},
		{"ib0", "80:00:00:48:fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:01", "4"},
		{"bad", "zz:zz", "5"},
	} {
		d := filepath.Join(dir, nic.name)
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "address"), []byte(nic.addr), 0o644)
		os.WriteFile(filepath.Join(d, "ifindex"), []byte(nic.index), 0o644)
	}
	got := interfaceMACs(dir)
	want := [][]byte{{0x02, 0x42, 0xac, 0x11, 0, 2}, {0x02, 0x42, 0xac, 0x11, 0, 3}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("interfaceMACs = %x, want %x", got, want)
	}
	if got := interfaceMACs(filepath.Join(dir, "none")); len(got) != 0 {
		t.Fatalf("no directory: %x, want none", got)
	}
}
