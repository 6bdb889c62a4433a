//go:build !unix

// The low-level socket API needs Unix descriptors; elsewhere its calls fail.

package socket

import (
	"context"
	"errors"
	"net/netip"
	"os"
	"time"
)

var errNoRaw = errors.New("socket: the low-level socket API needs a Unix system")

func sysSocket(family, typ, proto int) (int, error)   { return -1, errNoRaw }
func sysBind(fd, family int, ap netip.AddrPort) error { return errNoRaw }
func sysListen(fd, backlog int) error                 { return errNoRaw }
func sysName(fd int) netip.AddrPort                   { return netip.AddrPort{} }
func setOpt(fd, level, name int, value any) error     { return errNoRaw }
func getOpt(fd, level, name, size int) (any, error)   { return nil, errNoRaw }
func sysClose(fd int) error                           { return errNoRaw }
func sysConnect(ctx context.Context, fd, family int, ap netip.AddrPort, dl time.Time) (*os.File, error) {
	return nil, errNoRaw
}
