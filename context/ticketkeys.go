// Server session ticket keys shared by a fleet of servers, rotatable (ssl-set-session-ticket-keys!; spec §4.5).

package tlsctx

import "github.com/tlsport/tlsport/conditions"

// SetSessionTicketKeys makes a server encrypt tickets with keys[0] and
// accept tickets made with any of keys, so that servers (or later runs)
// sharing the keys resume each other's sessions; rotate by putting a new
// key first. nil returns to the context's own random key.
func (c *Context) SetSessionTicketKeys(keys [][32]byte) error {
	if c.role != Server {
		return conditions.Config("tlsctx: session ticket keys are for server contexts", nil)
	}
	if keys != nil && len(keys) == 0 {
		return conditions.Config("tlsctx: at least one session ticket key is needed", nil)
	}
	return c.mutate(func(st *state) error {
		st.ticketKeys = append([][32]byte(nil), keys...)
		if keys == nil {
			st.ticketKeys = nil
		}
		return nil
	})
}

// sessionTicketKeys returns the keys a server config uses.
func (st *state) sessionTicketKeys() [][32]byte {
	if st.ticketKeys != nil {
		return st.ticketKeys
	}
	return [][32]byte{st.ticketKey}
}
