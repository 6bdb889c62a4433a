;; (chicken errno), from the CHICKEN 5 manual page (Linux codes).
(import (chicken errno) (tlsport test))
(test 0 (errno))
(test 1 errno/perm) (test 2 errno/noent) (test 13 errno/acces) (test 17 errno/exist) (test 32 errno/pipe)
(test errno/again errno/wouldblock)
