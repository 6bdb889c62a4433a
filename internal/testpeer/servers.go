// The real mail, directory, database, chat and file servers of the STARTTLS tests, each configured from scratch in a temp dir.

package testpeer

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Credentials every server below accepts (PostgreSQL: user tlsport; the
// others: alice; vsftpd: anonymous). The mailbox holds TestMessage.
const (
	User     = "alice"
	Password = "secret"
	// TestMessage is the one message in alice's IMAP/POP3 INBOX.
	TestMessage = "From: bob@localhost\r\nTo: alice@localhost\r\nSubject: tlsport test\r\n\r\nHello from the test mailbox.\r\n"
	// LDAPBase is slapd's suffix; LDAPAdmin its root DN (password Password).
	LDAPBase  = "dc=example,dc=org"
	LDAPAdmin = "cn=admin,dc=example,dc=org"
	// PostgresUser is PostgreSQL's superuser (password Password).
	PostgresUser = "tlsport"
	// FTPFile is the file in vsftpd's anonymous pub/ directory.
	FTPFile = "readme.txt"
)

// setup returns the account a daemon runs as (from its package account
// pkgUser), a fresh directory holding server.crt and server.key copied
// from certFile and keyFile, and nPorts free loopback ports.
func setup(t testing.TB, pkgUser, name, certFile, keyFile string, nPorts int) (account, string, []int) {
	t.Helper()
	a := runAs(t, pkgUser)
	dir := daemonDir(t, name)
	copyTLS(t, dir, certFile, keyFile)
	return a, dir, FreePorts(t, nPorts)
}

// Mail is a Dovecot instance: IMAP and POP3 with STARTTLS, and its SASL
// auth service for Postfix.
type Mail struct {
	*Daemon
	IMAPAddr, POP3Addr, AuthAddr string
}

// Dovecot starts Dovecot with certFile/keyFile (PEM chain and key) on
// loopback ports: IMAP and POP3 require TLS before login (user User,
// password Password), AuthAddr serves Postfix's SASL.
func Dovecot(t testing.TB, certFile, keyFile string) *Mail {
	t.Helper()
	bin := Need(t, "dovecot", "dovecot-imapd dovecot-pop3d")
	a, dir, ports := setup(t, "dovecot", "dovecot", certFile, keyFile, 3)
	imap, pop3, auth := ports[0], ports[1], ports[2]
	conf := `base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
instance_name = tlsport-test-{imap}
protocols = imap pop3
listen = 127.0.0.1
ssl = required
ssl_cert = <{dir}/server.crt
ssl_key = <{dir}/server.key
auth_mechanisms = plain
default_login_user = {user}
default_internal_user = {user}
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = {dir}/passwd
}
userdb {
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}
mail_location = maildir:~/Maildir
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    port = {imap}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    port = {pop3}
  }
  inet_listener pop3s {
    port = 0
  }
}
service auth {
  inet_listener sasl {
    port = {auth}
  }
}
`
	conf = strings.NewReplacer("{dir}", dir, "{user}", a.name, "{uid}", strconv.Itoa(a.uid), "{gid}", strconv.Itoa(a.gid),
		"{imap}", strconv.Itoa(imap), "{pop3}", strconv.Itoa(pop3), "{auth}", strconv.Itoa(auth)).Replace(conf)
	writeFiles(t, dir, map[string]string{
		"dovecot.conf":                        conf,
		"passwd":                              User + ":{PLAIN}" + Password + "\n",
		"home/" + User + "/Maildir/new/1.eml": TestMessage,
	})
	for _, sub := range []string{"cur", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, "home", User, "Maildir", sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	a.own(t, dir)
	d := startDaemon(t, a, dir, bin, "-F", "-c", filepath.Join(dir, "dovecot.conf"))
	m := &Mail{Daemon: d, IMAPAddr: loopback(imap), POP3Addr: loopback(pop3), AuthAddr: loopback(auth)}
	d.Addr = m.IMAPAddr
	for _, addr := range []string{m.IMAPAddr, m.POP3Addr, m.AuthAddr} {
		d.waitListening(t, addr, "dovecot.log")
	}
	return m
}

// Postfix starts a Postfix master (which needs root) with its own
// configuration and queue, smtpd on a loopback port offering STARTTLS
// with certFile/keyFile and AUTH PLAIN (after TLS) through the Dovecot
// auth service at authAddr; accepted mail is discarded.
func Postfix(t testing.TB, certFile, keyFile, authAddr string) *Daemon {
	t.Helper()
	bin := Need(t, "postfix", "postfix")
	if os.Geteuid() != 0 {
		t.Skip("postfix's master runs only as root; run the test as root (as CI does)")
	}
	master := "/usr/lib/postfix/sbin/master"
	if _, err := os.Stat(master); err != nil {
		t.Skipf("%s missing; apt-get install postfix", master)
	}
	pf, dir, ports := setup(t, "postfix", "postfix", certFile, keyFile, 1)
	port := ports[0]
	mainCF := `compatibility_level = 3.6
queue_directory = {dir}/queue
data_directory = {dir}/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = localhost
mydomain = localhost
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
default_transport = discard
local_transport = discard
alias_maps =
alias_database =
maillog_file_prefixes = {dir}
maillog_file = {dir}/maillog
smtpd_banner = $myhostname ESMTP tlsport-test
smtpd_tls_cert_file = {dir}/server.crt
smtpd_tls_key_file = {dir}/server.key
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:{auth}
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
`
	masterCF := `127.0.0.1:{port} inet n - n - - smtpd
postlog   unix-dgram n - n - 1 postlogd
pickup    unix n - n 60 1 pickup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
tlsmgr    unix - - n 1000? 1 tlsmgr
`
	r := strings.NewReplacer("{dir}", dir, "{auth}", authAddr, "{port}", strconv.Itoa(port))
	writeFiles(t, dir, map[string]string{"main.cf": r.Replace(mainCF), "master.cf": r.Replace(masterCF)})
	for _, sub := range []string{"queue", "data"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pf.own(t, filepath.Join(dir, "data"))
	// "postfix check" creates the queue's subdirectories with their owners.
	runOnce(t, account{}, dir, bin, "-c", dir, "check")
	d := startDaemon(t, account{}, dir, master, "-c", dir, "-d")
	d.Addr = loopback(port)
	d.waitListening(t, d.Addr, "maillog")
	return d
}

// Slapd starts OpenLDAP's slapd with StartTLS (certFile/keyFile) on a
// loopback port, an MDB database under LDAPBase holding cn=alice (sn
// Liddell), and LDAPAdmin with password Password.
func Slapd(t testing.TB, certFile, keyFile string) *Daemon {
	t.Helper()
	bin := Need(t, "slapd", "slapd")
	slapadd := Need(t, "slapadd", "slapd")
	a, dir, ports := setup(t, "openldap", "slapd", certFile, keyFile, 1)
	port := ports[0]
	conf := `include /etc/ldap/schema/core.schema
pidfile {dir}/slapd.pid
argsfile {dir}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCertificateFile {dir}/server.crt
TLSCertificateKeyFile {dir}/server.key
database mdb
maxsize 10485760
suffix "` + LDAPBase + `"
rootdn "` + LDAPAdmin + `"
rootpw ` + Password + `
directory {dir}/db
`
	ldif := `dn: ` + LDAPBase + `
objectClass: dcObject
objectClass: organization
dc: example
o: Example

dn: cn=alice,` + LDAPBase + `
objectClass: person
cn: alice
sn: Liddell
`
	writeFiles(t, dir, map[string]string{"slapd.conf": strings.ReplaceAll(conf, "{dir}", dir), "data.ldif": ldif})
	if err := os.Mkdir(filepath.Join(dir, "db"), 0o700); err != nil {
		t.Fatal(err)
	}
	a.own(t, dir)
	runOnce(t, a, dir, slapadd, "-f", filepath.Join(dir, "slapd.conf"), "-l", filepath.Join(dir, "data.ldif"))
	d := startDaemon(t, a, dir, bin, "-f", filepath.Join(dir, "slapd.conf"), "-h", "ldap://"+loopback(port)+"/", "-d", "0")
	d.Addr = loopback(port)
	d.waitListening(t, d.Addr, "slapd.args")
	return d
}

// postgresBin finds a PostgreSQL server program (Debian keeps them in
// /usr/lib/postgresql/N/bin, outside PATH).
func postgresBin(t testing.TB, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("real peer %s skipped under -short", name)
	}
	if p, err := exec.LookPath(name); err == nil {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(m) == 0 {
		t.Skipf("%s not found; apt-get install postgresql", name)
	}
	return m[len(m)-1]
}

// PostgreSQL starts a fresh cluster (initdb) whose superuser PostgresUser
// has password Password, with ssl=on using certFile/keyFile, listening on
// a loopback port (password authentication).
func PostgreSQL(t testing.TB, certFile, keyFile string) *Daemon {
	t.Helper()
	initdb, postgres := postgresBin(t, "initdb"), postgresBin(t, "postgres")
	a, dir, ports := setup(t, "postgres", "postgres", certFile, keyFile, 1)
	port := ports[0]
	writeFiles(t, dir, map[string]string{"pwfile": Password + "\n"})
	a.own(t, dir)
	runOnce(t, a, dir, initdb, "-D", filepath.Join(dir, "data"), "-U", PostgresUser, "-A", "password",
		"--pwfile", filepath.Join(dir, "pwfile"), "--no-sync", "--no-instructions")
	d := startDaemon(t, a, dir, postgres, "-D", filepath.Join(dir, "data"), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-p", strconv.Itoa(port), "-c", "fsync=off",
		"-c", "ssl=on", "-c", "ssl_cert_file="+filepath.Join(dir, "server.crt"),
		"-c", "ssl_key_file="+filepath.Join(dir, "server.key"))
	d.Addr = loopback(port)
	d.waitOutput(t, "database system is ready to accept connections")
	return d
}

// Prosody starts Prosody for the domain localhost (TLS required, with
// certFile/keyFile) on a loopback c2s port, with the account User@localhost
// (password Password).
func Prosody(t testing.TB, certFile, keyFile string) *Daemon {
	t.Helper()
	bin := Need(t, "prosody", "prosody")
	ctl := Need(t, "prosodyctl", "prosody")
	a, dir, ports := setup(t, "prosody", "prosody", certFile, keyFile, 1)
	port := ports[0]
	conf := `pidfile = "{dir}/prosody.pid"
data_path = "{dir}/data"
certificates = "{dir}/certs"
daemonize = false
log = { { levels = { min = "info" }, to = "console" } }
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { {port} }
s2s_ports = { }
c2s_direct_tls_ports = { }
modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; }
modules_disabled = { "s2s"; "http"; "posix"; }
c2s_require_encryption = true
authentication = "internal_plain"
storage = "internal"
VirtualHost "localhost"
  ssl = { certificate = "{dir}/server.crt"; key = "{dir}/server.key"; }
`
	writeFiles(t, dir, map[string]string{"prosody.cfg.lua": strings.NewReplacer("{dir}", dir, "{port}", strconv.Itoa(port)).Replace(conf)})
	for _, sub := range []string{"data", "certs"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o750); err != nil {
			t.Fatal(err)
		}
	}
	a.own(t, dir)
	cfg := filepath.Join(dir, "prosody.cfg.lua")
	runOnce(t, a, dir, ctl, "--config", cfg, "register", User, "localhost", Password)
	d := startDaemon(t, a, dir, bin, "-F", "--config", cfg)
	d.Addr = loopback(port)
	d.waitListening(t, d.Addr, "")
	return d
}

// VSFTPD starts vsftpd as an unprivileged user with explicit FTPS
// (AUTH TLS required for login and data, certFile/keyFile) on a loopback
// port; anonymous users see pub/FTPFile.
func VSFTPD(t testing.TB, certFile, keyFile string) *Daemon {
	t.Helper()
	bin := Need(t, "vsftpd", "vsftpd")
	a, dir, ports := setup(t, "ftp", "vsftpd", certFile, keyFile, 1)
	port := ports[0]
	conf := `listen=YES
listen_address=127.0.0.1
listen_port={port}
background=NO
run_as_launching_user=YES
anonymous_enable=YES
anon_root={dir}/root
no_anon_password=YES
local_enable=NO
write_enable=NO
pasv_enable=YES
pasv_address=127.0.0.1
seccomp_sandbox=NO
secure_chroot_dir={dir}/empty
ssl_enable=YES
allow_anon_ssl=YES
force_anon_logins_ssl=YES
force_anon_data_ssl=YES
require_ssl_reuse=NO
rsa_cert_file={dir}/server.crt
rsa_private_key_file={dir}/server.key
xferlog_enable=NO
vsftpd_log_file={dir}/vsftpd.log
`
	writeFiles(t, dir, map[string]string{
		"vsftpd.conf":         strings.NewReplacer("{dir}", dir, "{port}", strconv.Itoa(port)).Replace(conf),
		"root/pub/" + FTPFile: "Hello over FTPS.\n",
	})
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	a.own(t, dir)
	d := startDaemon(t, a, dir, bin, filepath.Join(dir, "vsftpd.conf"))
	d.Addr = loopback(port)
	d.waitListening(t, d.Addr, "stdin.log")
	return d
}
