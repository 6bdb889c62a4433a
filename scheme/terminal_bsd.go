//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package scheme

import "syscall"

const ioctlReadTermios = syscall.TIOCGETA
