package conditions_test

import (
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/tlsport/tlsport/conditions"
)

func ExampleClassify() {
	// A clean EOF on read is not an error.
	fmt.Println(conditions.Classify(conditions.OpRead, io.EOF, conditions.State{}) == nil)

	// The peer reset the connection.
	err := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	e := conditions.Classify(conditions.OpRead, err, conditions.State{})
	fmt.Println(e.Status, e.ErrnoName)
	// Output:
	// true
	// syscall ECONNRESET
}

func ExampleConfig() {
	e := conditions.Config("no cipher match", nil)
	fmt.Println(e)
	// Output: error: library=tlsport, function=config, reason=no cipher match
}
