// Client sessions as objects: inspection, export and import (ssl-session-info, ssl-session->bytevector; spec §1.3.3, §4.4).

package tlsctx

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"time"

	"golang.org/x/crypto/cryptobyte"

	"github.com/tlsport/tlsport/conditions"
)

// MaxTicketLifetime is the longest a session is resumed: Go caps ticket
// lifetimes at 7 days (RFC 8446 §4.6.1), and uses it for TLS 1.2 sessions,
// whose lifetime hint it does not keep.
const MaxTicketLifetime = 7 * 24 * time.Hour

// SessionInfo describes a resumable client session.
type SessionInfo struct {
	ID                   string              // hex SHA-256 of the ticket, truncated to 16 bytes (Go has no session IDs)
	Ticket               []byte              // the ticket (TLS 1.3 PSK identity, TLS 1.2 session ticket)
	Version              uint16              // protocol version
	CipherSuite          uint16              // negotiated suite
	CreatedAt            time.Time           // TLS 1.3: when the ticket arrived; TLS 1.2: when the master secret was made
	Lifetime             time.Duration       // TLS 1.3: the server's ticket_lifetime (capped at 7 days); 0 for TLS 1.2 (Go drops the hint)
	ExtendedMasterSecret bool                // TLS 1.2 extended master secret
	PeerCertificates     []*x509.Certificate // the server's chain as sent, leaf first
	OCSPResponse         []byte              // the staple received with the original handshake
}

// Expires returns when the session stops being offered: CreatedAt plus
// Lifetime, or plus [MaxTicketLifetime] when the lifetime is unknown.
func (i *SessionInfo) Expires() time.Time {
	if i.Lifetime > 0 {
		return i.CreatedAt.Add(i.Lifetime)
	}
	return i.CreatedAt.Add(MaxTicketLifetime)
}

// Resumable reports whether Go would still offer the session at now.
func (i *SessionInfo) Resumable(now time.Time) bool {
	return len(i.Ticket) > 0 && now.Before(i.Expires())
}

// ticketID is the hex SHA-256 of a ticket, truncated to 16 bytes.
func ticketID(ticket []byte) string {
	sum := sha256.Sum256(ticket)
	return hex.EncodeToString(sum[:16])
}

// errSession is the status-#f error of a malformed session.
func errSession(msg string, err error) error {
	return conditions.Config("tlsctx: "+msg, err)
}

// InspectSession decodes s. The fields Go keeps private are read from the
// encoding of [tls.SessionState.Bytes] (Go 1.21+ layout).
func InspectSession(s *tls.ClientSessionState) (*SessionInfo, error) {
	if s == nil {
		return nil, errSession("no session", nil)
	}
	ticket, st, err := s.ResumptionState()
	if err != nil || st == nil {
		return nil, errSession("session has no resumption state", err)
	}
	raw, err := st.Bytes()
	if err != nil {
		return nil, errSession("cannot encode session", err)
	}
	info, err := parseSessionBytes(raw)
	if err != nil {
		return nil, err
	}
	info.Ticket, info.ID = ticket, ticketID(ticket)
	return info, nil
}

// parseSessionBytes reads the fields of an encoded SessionState.
func parseSessionBytes(raw []byte) (*SessionInfo, error) {
	bad := errSession("malformed session state", nil)
	s := cryptobyte.String(raw)
	var (
		info                    SessionInfo
		typ, ems, early         uint8
		created                 uint64
		secret, extra, certList cryptobyte.String
	)
	if !s.ReadUint16(&info.Version) || !s.ReadUint8(&typ) || !s.ReadUint16(&info.CipherSuite) ||
		!s.ReadUint64(&created) || !s.ReadUint8LengthPrefixed(&secret) ||
		!s.ReadUint24LengthPrefixed(&extra) || !s.ReadUint8(&ems) || !s.ReadUint8(&early) ||
		!s.ReadUint24LengthPrefixed(&certList) {
		return nil, bad
	}
	info.CreatedAt = time.Unix(int64(created), 0)
	info.ExtendedMasterSecret = ems == 1
	for first := true; !certList.Empty(); first = false {
		var der, exts cryptobyte.String
		if !certList.ReadUint24LengthPrefixed(&der) || !certList.ReadUint16LengthPrefixed(&exts) {
			return nil, bad
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, errSession("malformed session certificate", err)
		}
		info.PeerCertificates = append(info.PeerCertificates, c)
		for first && !exts.Empty() {
			var typ uint16
			var body cryptobyte.String
			if !exts.ReadUint16(&typ) || !exts.ReadUint16LengthPrefixed(&body) {
				return nil, bad
			}
			var status uint8
			var resp cryptobyte.String
			if typ == 5 && body.ReadUint8(&status) && status == 1 && body.ReadUint24LengthPrefixed(&resp) {
				info.OCSPResponse = []byte(resp)
			}
		}
	}
	var chains cryptobyte.String
	if !s.ReadUint24LengthPrefixed(&chains) {
		return nil, bad
	}
	if early == 1 {
		var alpn cryptobyte.String
		if !s.ReadUint8LengthPrefixed(&alpn) {
			return nil, bad
		}
	}
	if info.Version >= tls.VersionTLS13 && typ == 2 {
		var useBy uint64
		if !s.ReadUint64(&useBy) {
			return nil, bad
		}
		if useBy > created {
			info.Lifetime = time.Duration(useBy-created) * time.Second
		}
	}
	return &info, nil
}

// sessionMagic starts an exported session: name and format version.
const sessionMagic = "tlsport-session-1\x00"

// ExportSession encodes s for [ImportSession] in another process: the
// ticket and the Go session state. The bytes hold the session's secret
// (anyone holding them can resume it) and are tied to the Go version's
// session encoding.
func ExportSession(s *tls.ClientSessionState) ([]byte, error) {
	if s == nil {
		return nil, errSession("no session", nil)
	}
	ticket, st, err := s.ResumptionState()
	if err != nil || st == nil {
		return nil, errSession("session has no resumption state", err)
	}
	state, err := st.Bytes()
	if err != nil {
		return nil, errSession("cannot encode session", err)
	}
	var b cryptobyte.Builder
	b.AddBytes([]byte(sessionMagic))
	b.AddUint24LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(ticket) })
	b.AddUint24LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(state) })
	return b.Bytes()
}

// ImportSession decodes the bytes of [ExportSession].
func ImportSession(data []byte) (*tls.ClientSessionState, error) {
	s := cryptobyte.String(data)
	var magic []byte
	var ticket, state cryptobyte.String
	if !s.ReadBytes(&magic, len(sessionMagic)) || string(magic) != sessionMagic {
		return nil, errSession("not an exported tlsport session", nil)
	}
	if !s.ReadUint24LengthPrefixed(&ticket) || !s.ReadUint24LengthPrefixed(&state) || !s.Empty() || len(ticket) == 0 {
		return nil, errSession("truncated or malformed exported session", nil)
	}
	st, err := tls.ParseSessionState(state)
	if err != nil {
		return nil, errSession("malformed session state: "+err.Error(), err)
	}
	if _, err := parseSessionBytes(state); err != nil {
		return nil, err
	}
	cs, err := tls.NewResumptionState(append([]byte(nil), ticket...), st)
	if err != nil {
		return nil, errSession("cannot rebuild session", err)
	}
	return cs, nil
}

// SessionEvent reports a new resumable session: on a client, a session
// (ticket) stored in the session cache; on a server, a ticket issued.
type SessionEvent struct {
	Server   bool
	ID       string                  // as SessionInfo.ID (derived from the ticket)
	Ticket   []byte                  // the ticket
	Lifetime time.Duration           // client TLS 1.3: the ticket lifetime; server: MaxTicketLifetime; 0 = unknown
	Session  *tls.ClientSessionState // client: the session stored
}

// SessionCallback is told of each [SessionEvent] of a connection; handle
// is the ConnParams.Handle. It runs on the goroutine reading the ticket
// (client) or running the handshake (server) and must not block for long.
type SessionCallback func(handle any, ev SessionEvent)

// SetSessionCallback installs the session callback (nil: none). Like the
// info callback it belongs to, it may be set on a sealed context.
func (c *Context) SetSessionCallback(f SessionCallback) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.sessionCB, c.snap = f, nil
	return nil
}

// observedCache is a client session cache reporting each stored session.
type observedCache struct {
	tls.ClientSessionCache
	put func(cs *tls.ClientSessionState)
}

// Put stores cs and reports it (Go also calls Put with nil to evict).
func (o observedCache) Put(key string, cs *tls.ClientSessionState) {
	o.ClientSessionCache.Put(key, cs)
	if cs != nil {
		o.put(cs)
	}
}

// observeSessions makes cfg report new sessions to the session callback
// and, on servers, carry ticket data (ticketdata.go).
func (s *snapshot) observeSessions(cfg *tls.Config, p ConnParams) {
	cb, td := s.sessionCB, s.ticketData
	if s.role == Client {
		if cb != nil && cfg.ClientSessionCache != nil {
			cfg.ClientSessionCache = observedCache{cfg.ClientSessionCache, func(cs *tls.ClientSessionState) {
				ev := SessionEvent{Session: cs}
				if info, err := InspectSession(cs); err == nil {
					ev.ID, ev.Ticket, ev.Lifetime = info.ID, info.Ticket, info.Lifetime
				}
				cb(p.Handle, ev)
			}}
		}
		return
	}
	if cfg.SessionTicketsDisabled || (cb == nil && td == nil) {
		return
	}
	cfg.WrapSession = func(cs tls.ConnectionState, ss *tls.SessionState) ([]byte, error) {
		if err := td.wrap(p.Handle, ss); err != nil {
			return nil, err
		}
		b, err := cfg.EncryptTicket(cs, ss)
		if err == nil && cb != nil {
			cb(p.Handle, SessionEvent{Server: true, ID: ticketID(b), Ticket: b, Lifetime: MaxTicketLifetime})
		}
		return b, err
	}
	if td != nil && td.Unwrap != nil {
		cfg.UnwrapSession = func(identity []byte, cs tls.ConnectionState) (*tls.SessionState, error) {
			ss, err := cfg.DecryptTicket(identity, cs)
			if err != nil || ss == nil {
				return ss, err
			}
			return td.unwrap(p.Handle, ss)
		}
	}
}
