package chickenfileposix

import "syscall"

func fdSet(s *syscall.FdSet, fd int)        { setBit(s.Bits[:], fd) }
func fdIsSet(s *syscall.FdSet, fd int) bool { return bitIsSet(s.Bits[:], fd) }
