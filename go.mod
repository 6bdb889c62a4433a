module github.com/tlsport/tlsport

go 1.26.8

require (
	github.com/chzyer/readline v1.5.1
	github.com/cloudflare/circl v1.6.5
	golang.org/x/crypto v0.59.0
	golang.org/x/text v0.44.0
)

require golang.org/x/sys v0.50.0
