// Non-waiting readiness of a listener, for polling many at once (ssl-port-select).

package listener

import "context"

// TryAcceptReady is [Listener.AcceptReady], but reports false at once when
// another goroutine is accepting on l.
func (l *Listener) TryAcceptReady(ctx context.Context) bool { return l.acc.TryReady(ctx) }
