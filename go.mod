module github.com/tlsport/tlsport

go 1.26.8

require (
	github.com/chzyer/readline v1.5.1
	golang.org/x/sys v0.49.0 // indirect
)
