package chickenprocess

import "syscall"

// sysPipe is pipe(2) with both descriptors closed on exec; darwin has no
// pipe2, so the fork lock keeps a concurrent fork from inheriting them.
func sysPipe() ([2]int, error) {
	var fds [2]int
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	if err := syscall.Pipe(fds[:]); err != nil {
		return fds, err
	}
	syscall.CloseOnExec(fds[0])
	syscall.CloseOnExec(fds[1])
	return fds, nil
}
