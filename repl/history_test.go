// Tests of the history file and the key rewriting of terminal mode.

package repl

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	// A file written by an older version: one entry per line.
	if err := os.WriteFile(path, []byte("(+ 1 2)\n\n(display \"a\\n\")\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries := []string{"(define s \"multi\nline\")", "(let ((x 1))\n  x)", ",help"}
	for _, e := range entries {
		if err := appendHistory(path, e); err != nil {
			t.Fatal(err)
		}
	}
	want := append([]string{"(+ 1 2)", `(display "a\n")`}, entries...)
	if got := loadHistory(path); !slices.Equal(got, want) {
		t.Fatalf("loadHistory = %q, want %q", got, want)
	}
}

func TestHistoryLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	for i := range historyLimit + 10 {
		if err := appendHistory(path, strings.Repeat("x", i%7+1)+"\n y"); err != nil {
			t.Fatal(err)
		}
	}
	if got := loadHistory(path); len(got) != historyLimit {
		t.Fatalf("loadHistory kept %d entries, want %d", len(got), historyLimit)
	}
	if got := readHistory(path); len(got) != historyLimit {
		t.Fatalf("after loadHistory the file holds %d entries, want %d", len(got), historyLimit)
	}
}

func TestEditLine(t *testing.T) {
	entry := "(define s \"a\nb\")"
	if got := toEditLine(entry); got != "(define s \"a⏎b\")" {
		t.Errorf("toEditLine = %q", got)
	}
	if got := fromEditLine(toEditLine(entry)); got != entry {
		t.Errorf("fromEditLine(toEditLine(e)) = %q, want %q", got, entry)
	}
}

// TestKeyReader: the Home/End sequences of tmux, screen and rxvt reach
// readline as the ones it knows, also when a read cuts them.
func TestKeyReader(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		want   string
	}{
		{"home end", []string{"a\x1b[1~b\x1b[4~c"}, "a\x1b[Hb\x1b[Fc"},
		{"rxvt", []string{"\x1b[7~\x1b[8~"}, "\x1b[H\x1b[F"},
		{"cut", []string{"ab\x1b[", "1~c"}, "ab\x1b[Hc"},
		{"others untouched", []string{"\x1b[A\x1b[3~x"}, "\x1b[A\x1b[3~x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := &keyReader{in: NewInput(&chunkReader{chunks: slices.Clone(tc.chunks)})}
			got, err := io.ReadAll(k)
			if err != nil || string(got) != tc.want {
				t.Errorf("read %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
