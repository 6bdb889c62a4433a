package chickenfileposix

import "syscall"

func fdSet(s *syscall.FdSet, fd int)        { setBit(s.X__fds_bits[:], fd) }
func fdIsSet(s *syscall.FdSet, fd int) bool { return bitIsSet(s.X__fds_bits[:], fd) }
