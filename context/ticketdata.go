// Application data carried inside a server's session tickets (ssl-set-ticket-data-callback!; spec §4.5).

package tlsctx

import (
	"bytes"
	"crypto/tls"

	"github.com/tlsport/tlsport/conditions"
)

// ticketDataTag starts the SessionState.Extra entry holding ticket data,
// so that it is recognised among other layers' entries.
const ticketDataTag = "tlsport-ticket-data-1:"

// TicketData are a server's ticket data callbacks. Wrap returns the data
// to seal into a ticket being issued (nil: none); Unwrap sees the data of
// a ticket a client offers (nil if it carries none) and decides whether
// the session may be resumed (false: a full handshake instead). An error
// from either aborts the handshake. Both run on the handshake goroutine.
type TicketData struct {
	Wrap   func(handle any) ([]byte, error)
	Unwrap func(handle any, data []byte) (resume bool, err error)
}

// SetTicketData installs the ticket data callbacks of a server (nil: none).
func (c *Context) SetTicketData(td *TicketData) error {
	if c.role != Server {
		return conditions.Config("tlsctx: ticket data callbacks are for server contexts", nil)
	}
	return c.mutate(func(st *state) error { st.ticketData = td; return nil })
}

// wrap appends the tagged data of Wrap to ss.Extra (td may be nil).
func (td *TicketData) wrap(handle any, ss *tls.SessionState) error {
	if td == nil || td.Wrap == nil {
		return nil
	}
	data, err := td.Wrap(handle)
	if err != nil {
		return &conditions.CallbackError{Cause: err, Name: "ticket data callback (wrap)"}
	}
	if data != nil {
		ss.Extra = append(ss.Extra, append([]byte(ticketDataTag), data...))
	}
	return nil
}

// unwrap asks Unwrap whether the session of ss may be resumed: ss, or nil
// for a full handshake.
func (td *TicketData) unwrap(handle any, ss *tls.SessionState) (*tls.SessionState, error) {
	var data []byte
	for _, e := range ss.Extra {
		if d, ok := bytes.CutPrefix(e, []byte(ticketDataTag)); ok {
			data = d
		}
	}
	resume, err := td.Unwrap(handle, data)
	if err != nil {
		return nil, &conditions.CallbackError{Cause: err, Name: "ticket data callback (unwrap)"}
	}
	if !resume {
		return nil, nil
	}
	return ss, nil
}
