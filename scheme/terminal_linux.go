package scheme

import "syscall"

const ioctlReadTermios = syscall.TCGETS
