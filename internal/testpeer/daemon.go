// Daemons: real servers (Postfix, Dovecot, slapd, PostgreSQL, Prosody, vsftpd) run by a test in a temp dir.

package testpeer

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Daemon is a server process started by a test with its own configuration
// and data under Dir, in its own process group, killed in t.Cleanup.
type Daemon struct {
	Name string // e.g. "dovecot"
	Dir  string // the temp dir holding its configuration, data and logs
	Addr string // "127.0.0.1:port" of its main listener
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
}

// Output returns what the daemon wrote to stdout and stderr so far.
func (d *Daemon) Output() string { return d.out.String() }

// Log returns the contents of the file name in Dir (empty if missing).
func (d *Daemon) Log(name string) string {
	b, _ := os.ReadFile(filepath.Join(d.Dir, name))
	return string(b)
}

// account is the user a daemon runs as: when the test runs as root, the
// system account the Debian package created (daemons refuse root or drop
// to it anyway); otherwise the current user.
type account struct {
	name     string
	uid, gid int
	cred     *syscall.Credential // nil: run as ourselves
}

// runAs returns the account for a daemon whose package account is pkgUser.
func runAs(t testing.TB, pkgUser string) account {
	t.Helper()
	if os.Geteuid() != 0 {
		u, err := user.Current()
		if err != nil {
			t.Fatalf("testpeer: current user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return account{name: u.Username, uid: uid, gid: gid}
	}
	u, err := user.Lookup(pkgUser)
	if err != nil {
		t.Skipf("testpeer: no %s account (is the package installed?): %v", pkgUser, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return account{name: u.Username, uid: uid, gid: gid,
		cred: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}}
}

// own hands every file under dir to a (a no-op when not root).
func (a account) own(t testing.TB, dir string) {
	t.Helper()
	if a.cred == nil {
		return
	}
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, a.uid, a.gid)
	})
	if err != nil {
		t.Fatalf("testpeer: chown %s: %v", dir, err)
	}
}

// daemonDir returns a fresh temp dir readable by other users (a daemon
// account must reach the files inside it). It is removed in t.Cleanup
// (registered before the daemon's own cleanup, so it runs after it).
func daemonDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "tlsport-"+name+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeFiles writes name → content files into dir (keys 0600, others 0644).
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		mode := os.FileMode(0o644)
		if filepath.Ext(name) == ".key" {
			mode = 0o600
		}
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTLS copies the certificate chain and key PEM files into dir as
// server.crt and server.key.
func copyTLS(t testing.TB, dir, certFile, keyFile string) {
	t.Helper()
	cert, err := os.ReadFile(certFile)
	if err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"server.crt": string(cert), "server.key": string(key)})
}

// FreePorts returns n distinct loopback TCP ports that were free a moment
// ago (for daemons that cannot report an OS-chosen port): all n are held
// open together, so none repeats.
func FreePorts(t testing.TB, n int) []int {
	t.Helper()
	ports := make([]int, n)
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports
}

// runOnce runs a setup command as a to completion (30 s at most) and
// fails t with its output when it fails.
func runOnce(t testing.TB, a account, dir, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: a.cred}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("testpeer: %s %v: %v\n%s", name, args, err, out)
	}
}

// daemonLifetime bounds a daemon's life (a hung test cannot leave it running).
const daemonLifetime = 5 * time.Minute

// startDaemon starts name args… as a in its own process group with dir as
// working directory; stdin is dir/stdin.log opened read-write (vsftpd
// reports its fatal errors on fd 0). In t.Cleanup the group gets SIGTERM,
// then SIGKILL after 5 s.
func startDaemon(t testing.TB, a account, dir, name string, args ...string) *Daemon {
	t.Helper()
	stdin, err := os.OpenFile(filepath.Join(dir, "stdin.log"), os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	d := &Daemon{Name: filepath.Base(name), Dir: dir, out: &syncBuffer{}, done: make(chan struct{})}
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdin, cmd.Stdout, cmd.Stderr = dir, stdin, d.out, d.out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Credential: a.cred}
	if err := cmd.Start(); err != nil {
		stdin.Close()
		t.Fatalf("testpeer: start %s: %v", name, err)
	}
	d.cmd = cmd
	go func() {
		_ = cmd.Wait()
		stdin.Close()
		close(d.done)
	}()
	pgid := cmd.Process.Pid
	kill := time.AfterFunc(daemonLifetime, func() { _ = syscall.Kill(-pgid, syscall.SIGKILL) })
	t.Cleanup(func() {
		kill.Stop()
		_ = syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-d.done:
		case <-time.After(5 * time.Second):
		}
		// Children left in the group (a daemon's workers) go too.
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-d.done
		if t.Failed() {
			t.Logf("%s output:\n%s", d.Name, d.Output())
		}
	})
	return d
}

// waitListening waits (15 s at most) until addr accepts connections,
// failing t with the daemon's output and the log file logName otherwise.
func (d *Daemon) waitListening(t testing.TB, addr, logName string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-d.done:
			t.Fatalf("testpeer: %s exited before listening on %s\noutput:\n%s\n%s:\n%s", d.Name, addr, d.Output(), logName, d.Log(logName))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("testpeer: %s not listening on %s after 15 s\noutput:\n%s\n%s:\n%s", d.Name, addr, d.Output(), logName, d.Log(logName))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitOutput waits (15 s at most) until the daemon has printed substr.
func (d *Daemon) waitOutput(t testing.TB, substr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(d.Output(), substr) {
		select {
		case <-d.done:
			t.Fatalf("testpeer: %s exited before printing %q\noutput:\n%s", d.Name, substr, d.Output())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("testpeer: %s printed no %q in 15 s\noutput:\n%s", d.Name, substr, d.Output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func loopback(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }
