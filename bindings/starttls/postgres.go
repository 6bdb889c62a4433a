// PostgreSQL messages: framing frontend messages and decoding the backend ones a simple query meets.

package starttls

import (
	"bytes"
	"encoding/binary"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

func postgresqlWriteMessage(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "postgresql-write-message"
	var typ byte
	switch t := args[1].(type) {
	case scheme.Char:
		if t < 1 || t > 127 {
			return nil, scheme.RangeError(who, 2, "an ASCII message type", t)
		}
		typ = byte(t)
	case *scheme.Boolean:
		if t != scheme.False {
			return nil, scheme.TypeError(who, 2, "char or #f", t)
		}
	default:
		return nil, scheme.TypeError(who, 2, "char or #f", t)
	}
	var body []byte
	fields, _ := scheme.ListToSlice(args[2])
	for i, f := range fields {
		switch x := f.(type) {
		case *scheme.String:
			body = append(append(body, x.String()...), 0)
		case scheme.Fixnum:
			body = binary.BigEndian.AppendUint32(body, uint32(int32(x)))
		case *scheme.Bytevector:
			body = append(body, x.B...)
		default:
			return nil, scheme.TypeError(who, 3+i, "string, integer or bytevector", f)
		}
	}
	if err := (&portWire{th: th, out: args[0]}).Send(starttls.PostgresMessage(typ, body)); err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return scheme.Unspecified, nil
}

// pgReader walks a message payload.
type pgReader struct {
	b   []byte
	bad bool
}

func (r *pgReader) int32() int {
	if len(r.b) < 4 {
		r.bad = true
		return 0
	}
	n := int(int32(binary.BigEndian.Uint32(r.b)))
	r.b = r.b[4:]
	return n
}

func (r *pgReader) int16() int {
	if len(r.b) < 2 {
		r.bad = true
		return 0
	}
	n := int(binary.BigEndian.Uint16(r.b))
	r.b = r.b[2:]
	return n
}

func (r *pgReader) cstring() string {
	i := bytes.IndexByte(r.b, 0)
	if i < 0 {
		r.bad = true
		return ""
	}
	s := string(r.b[:i])
	r.b = r.b[i+1:]
	return s
}

func (r *pgReader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

// decodePostgres decodes the payload of the backend message typ; unknown
// types stay bytevectors.
func decodePostgres(typ byte, payload []byte) (scheme.Value, bool) {
	r := &pgReader{b: payload}
	var v scheme.Value
	switch typ {
	case 'R': // Authentication: (code extra…)
		vals := []scheme.Value{scheme.Fixnum(r.int32())}
		for len(r.b) > 0 && !r.bad {
			if vals[0] == scheme.Fixnum(10) { // SASL mechanisms
				if s := r.cstring(); s != "" {
					vals = append(vals, scheme.NewString(s))
				}
				continue
			}
			vals = append(vals, &scheme.Bytevector{B: r.bytes(len(r.b))})
		}
		v = scheme.List(vals...)
	case 'S': // ParameterStatus
		v = scheme.List(scheme.NewString(r.cstring()), scheme.NewString(r.cstring()))
	case 'K': // BackendKeyData
		v = scheme.List(scheme.Fixnum(r.int32()), scheme.Fixnum(r.int32()))
	case 'Z': // ReadyForQuery
		v = scheme.NewString(string(r.bytes(1)))
	case 'C': // CommandComplete
		v = scheme.NewString(r.cstring())
	case 'T': // RowDescription: column names
		n := r.int16()
		var names []scheme.Value
		for i := 0; i < n && !r.bad; i++ {
			names = append(names, scheme.NewString(r.cstring()))
			r.bytes(18)
		}
		v = scheme.List(names...)
	case 'D': // DataRow: text values, #f for NULL
		n := r.int16()
		var cols []scheme.Value
		for i := 0; i < n && !r.bad; i++ {
			if k := r.int32(); k < 0 {
				cols = append(cols, scheme.False)
			} else {
				cols = append(cols, scheme.NewString(string(r.bytes(k))))
			}
		}
		v = scheme.List(cols...)
	case 'E', 'N': // ErrorResponse, NoticeResponse: ((#\S . "ERROR") …)
		var fields []scheme.Value
		for len(r.b) > 0 && r.b[0] != 0 && !r.bad {
			code := scheme.Char(r.bytes(1)[0])
			fields = append(fields, scheme.Cons(code, scheme.NewString(r.cstring())))
		}
		v = scheme.List(fields...)
	default:
		return &scheme.Bytevector{B: payload}, true
	}
	return v, !r.bad
}

func postgresqlReadMessage(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "postgresql-read-message"
	typ, payload, err := starttls.ReadPostgres(&portWire{th: th, in: args[0]})
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	v, ok := decodePostgres(typ, payload)
	if !ok {
		return nil, scheme.NewError(who, "malformed PostgreSQL message", []scheme.Value{scheme.Char(typ), &scheme.Bytevector{B: payload}}, "i/o", "net")
	}
	return scheme.Values(scheme.Char(typ), v), nil
}
