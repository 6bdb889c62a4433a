// Record trace: a net.Conn wrapper between tls.Conn and the framing reader that parses TLS record headers and plaintext handshake messages (tcltls message callback, Python _msg_callback).

package ports

import "net"

// TLS record content types.
const (
	RecordChangeCipherSpec = 20
	RecordAlert            = 21
	RecordHandshake        = 22
	RecordApplicationData  = 23
)

// Record is one TLS record seen by the trace ([Options.OnRecord]).
type Record struct {
	Sent        bool   // written by this side (else received)
	Version     uint16 // record-layer version (TLS 1.3 records say TLS 1.2)
	ContentType uint8  // RecordHandshake, RecordAlert, …
	Length      int    // payload length
	// Handshake lists the types of the handshake messages that start in
	// this record, when it is readable (before this direction's
	// ChangeCipherSpec; TLS 1.3 encrypts all but the hellos, which then
	// travel as application data).
	Handshake []uint8
	// Alert is (level, description) of a plaintext alert; Encrypted says
	// the payload could not be read.
	Alert     [2]uint8
	Encrypted bool
}

// HandshakeName returns the RFC 8446 name of a handshake message type,
// e.g. "client_hello".
func HandshakeName(t uint8) string {
	switch t {
	case 0:
		return "hello_request"
	case 1:
		return "client_hello"
	case 2:
		return "server_hello"
	case 4:
		return "new_session_ticket"
	case 5:
		return "end_of_early_data"
	case 8:
		return "encrypted_extensions"
	case 11:
		return "certificate"
	case 12:
		return "server_key_exchange"
	case 13:
		return "certificate_request"
	case 14:
		return "server_hello_done"
	case 15:
		return "certificate_verify"
	case 16:
		return "client_key_exchange"
	case 20:
		return "finished"
	case 22:
		return "certificate_status"
	case 24:
		return "key_update"
	case 254:
		return "message_hash"
	}
	return "unknown"
}

// ContentTypeName returns the name of a record content type, e.g. "handshake".
func ContentTypeName(t uint8) string {
	switch t {
	case RecordChangeCipherSpec:
		return "change_cipher_spec"
	case RecordAlert:
		return "alert"
	case RecordHandshake:
		return "handshake"
	case RecordApplicationData:
		return "application_data"
	}
	return "unknown"
}

// recordParser follows one direction of the byte stream record by record.
type recordParser struct {
	sent      bool
	emit      func(Record)
	hdr       [5]byte
	nhdr      int
	left      int // payload bytes of the current record still to come
	cur       Record
	encrypted bool // this direction sent ChangeCipherSpec: handshake records are encrypted
	bad       bool // not TLS: stop parsing
	// handshake message framing across records
	msgLeft int // bytes of the current handshake message body still to come
	msgHdr  [4]byte
	nmsg    int
	alert   int // plaintext alert bytes seen in this record
}

func (p *recordParser) feed(b []byte) {
	for len(b) > 0 && !p.bad {
		if p.nhdr < 5 {
			n := copy(p.hdr[p.nhdr:], b)
			p.nhdr += n
			b = b[n:]
			if p.nhdr < 5 {
				return
			}
			ct := p.hdr[0]
			if ct < RecordChangeCipherSpec || ct > RecordApplicationData || p.hdr[1] != 3 {
				p.bad = true
				return
			}
			p.cur = Record{Sent: p.sent, Version: uint16(p.hdr[1])<<8 | uint16(p.hdr[2]), ContentType: ct}
			p.left = int(p.hdr[3])<<8 | int(p.hdr[4])
			p.cur.Length = p.left
			p.alert = 0
			p.cur.Encrypted = ct == RecordApplicationData || (p.encrypted && ct != RecordChangeCipherSpec)
			if p.left == 0 {
				p.finish()
			}
			continue
		}
		n := min(p.left, len(b))
		p.body(b[:n])
		p.left -= n
		b = b[n:]
		if p.left == 0 {
			p.finish()
		}
	}
}

// body parses payload bytes of the current record.
func (p *recordParser) body(b []byte) {
	switch {
	case p.cur.Encrypted:
	case p.cur.ContentType == RecordHandshake:
		for len(b) > 0 {
			if p.msgLeft > 0 {
				n := min(p.msgLeft, len(b))
				p.msgLeft -= n
				b = b[n:]
				continue
			}
			n := copy(p.msgHdr[p.nmsg:], b)
			p.nmsg += n
			b = b[n:]
			if p.nmsg == 4 {
				p.cur.Handshake = append(p.cur.Handshake, p.msgHdr[0])
				p.msgLeft = int(p.msgHdr[1])<<16 | int(p.msgHdr[2])<<8 | int(p.msgHdr[3])
				p.nmsg = 0
			}
		}
	case p.cur.ContentType == RecordAlert:
		for _, c := range b {
			if p.alert < 2 {
				p.cur.Alert[p.alert] = c
			}
			p.alert++
		}
	}
}

func (p *recordParser) finish() {
	if p.cur.ContentType == RecordChangeCipherSpec {
		p.encrypted = true
	}
	p.nhdr = 0
	p.emit(p.cur)
}

// tracer reports the records tls.Conn reads and writes through it.
type tracer struct {
	net.Conn
	rd, wr recordParser
}

func newTracer(c net.Conn, f func(Record)) *tracer {
	return &tracer{Conn: c, rd: recordParser{emit: f}, wr: recordParser{sent: true, emit: f}}
}

// Read is called only by tls.Conn (serialised).
func (t *tracer) Read(b []byte) (int, error) {
	n, err := t.Conn.Read(b)
	t.rd.feed(b[:n])
	return n, err
}

// Write is called only by tls.Conn (serialised).
func (t *tracer) Write(b []byte) (int, error) {
	n, err := t.Conn.Write(b)
	t.wr.feed(b[:n])
	return n, err
}
