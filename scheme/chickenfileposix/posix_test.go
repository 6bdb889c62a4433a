package chickenfileposix_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenfileposix"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm in a temporary directory of their own,
// with another process holding a write lock on bytes 0-9 of the file
// $LOCKED_FILE (its pid in $LOCK_HOLDER_PID) for locks.scm.
func TestScripts(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	name := filepath.Join(dir, "locked")
	if err := os.WriteFile(name, []byte("0123456789abcdef"), 0o644); err != nil {
		t.Fatal(err)
	}
	holder := startHolder(t, name)
	t.Setenv("LOCKED_FILE", name)
	t.Setenv("LOCK_HOLDER_PID", strconv.Itoa(holder.Process.Pid))
	schemetest.RunDir(t, "testdata", nil)
}

// TestManualExports checks every definition of the manual page "Module
// (chicken file posix)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenfileposix.Library, `seek/cur seek/set seek/end fileno/stdin fileno/stdout
		fileno/stderr open/rdonly open/wronly open/rdwr open/read open/write open/creat open/append open/excl
		open/noctty open/nonblock open/trunc open/sync open/fsync open/binary open/text open/noinherit
		perm/irusr perm/iwusr perm/ixusr perm/irgrp perm/iwgrp perm/ixgrp perm/iroth perm/iwoth perm/ixoth
		perm/irwxu perm/irwxg perm/irwxo perm/isvtx perm/isuid perm/isgid directory? file-type
		character-device? block-device? socket? regular-file? create-fifo fifo? file-access-time
		file-change-time file-modification-time set-file-times! file-stat file-size file-owner
		set-file-owner! file-group set-file-group! file-permissions set-file-permissions! file-truncate
		file-link symbolic-link? create-symbolic-link read-symbolic-link duplicate-fileno file-close
		file-open file-mkstemp file-read file-write open-input-file* open-output-file* port->fileno
		file-position set-file-position! file-select file-control fcntl/dupfd fcntl/getfd fcntl/setfd
		fcntl/getfl fcntl/setfl file-lock file-lock/blocking file-test-lock file-unlock file-creation-mode`)
}
