//go:build !linux && !darwin && !freebsd

package scheme

import (
	"context"
	"errors"
)

// waitFD is thread-wait-for-i/o!'s wait, which needs poll(2).
func waitFD(ctx context.Context, fd int, in, out bool) error {
	return errors.New("scheme: thread-wait-for-i/o! needs poll(2)")
}
