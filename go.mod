module github.com/tlsport/tlsport

go 1.26.8
