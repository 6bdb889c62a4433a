// Tests of the record trace: handshake message types, change_cipher_spec, alerts, application data, in both directions.
package ports

import (
	"context"
	"crypto/tls"
	"slices"
	"strings"
	"sync"
	"testing"
)

// traceLog collects records as "sent|received content-type[:messages]".
type traceLog struct {
	mu   sync.Mutex
	recs []string
}

func (l *traceLog) add(r Record) {
	dir := "received"
	if r.Sent {
		dir = "sent"
	}
	s := dir + " " + ContentTypeName(r.ContentType)
	for _, m := range r.Handshake {
		s += ":" + HandshakeName(m)
	}
	if r.ContentType == RecordAlert && !r.Encrypted {
		s += ":" + alertName(r.Alert[1])
	}
	l.mu.Lock()
	l.recs = append(l.recs, s)
	l.mu.Unlock()
}

func alertName(d uint8) string {
	if d == 0 {
		return "close_notify"
	}
	return "alert"
}

func (l *traceLog) has(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Contains(l.recs, s)
}

func TestRecordTrace(t *testing.T) {
	for _, v := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		t.Run(tls.VersionName(v), func(t *testing.T) {
			p := newTestPKI(t)
			var cl, sl traceLog
			c, s := enginePair(t, p, Options{OnRecord: cl.add}, Options{OnRecord: sl.add})
			c.cc.TLS.MaxVersion, s.cc.TLS.MaxVersion = v, v
			ctx := context.Background()
			done := make(chan error, 1)
			go func() {
				b := make([]byte, 5)
				_, err := s.ReadFull(ctx, b)
				done <- err
			}()
			if _, err := c.WriteContext(ctx, []byte("hello")); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			c.Close()
			want := map[*traceLog][]string{
				&cl: {"sent handshake:client_hello", "received handshake:server_hello", "sent application_data"},
				&sl: {"received handshake:client_hello", "sent handshake:server_hello", "received application_data"},
			}
			if v == tls.VersionTLS12 {
				want[&cl] = append(want[&cl], "received handshake:certificate", "received handshake:server_key_exchange", "received handshake:server_hello_done",
					"sent handshake:client_key_exchange", "sent change_cipher_spec", "received change_cipher_spec")
			}
			for l, ws := range want {
				for _, w := range ws {
					if !l.has(w) {
						t.Errorf("trace lacks %q: %s", w, strings.Join(l.recs, ", "))
					}
				}
			}
			// after change_cipher_spec handshake records are encrypted: no finished seen
			if cl.has("sent handshake:finished") {
				t.Errorf("encrypted finished parsed: %v", cl.recs)
			}
		})
	}
}

// TestRecordParserSplit feeds a record byte by byte and two records at once.
func TestRecordParserSplit(t *testing.T) {
	var got []Record
	p := recordParser{emit: func(r Record) { got = append(got, r) }}
	// a handshake record with two messages (client_hello of 2 bytes, finished of 0), then an alert
	stream := []byte{22, 3, 3, 0, 10, 1, 0, 0, 2, 0xaa, 0xbb, 20, 0, 0, 0, 21, 3, 3, 0, 2, 1, 0}
	for i := range stream {
		p.feed(stream[i : i+1])
	}
	if len(got) != 2 || !slices.Equal(got[0].Handshake, []uint8{1, 20}) || got[1].Alert != [2]uint8{1, 0} || got[0].Length != 10 {
		t.Fatalf("%+v", got)
	}
	got = nil
	p = recordParser{emit: func(r Record) { got = append(got, r) }}
	p.feed(stream)
	if len(got) != 2 {
		t.Fatalf("%+v", got)
	}
	// garbage stops the parser
	got = nil
	p = recordParser{emit: func(r Record) { got = append(got, r) }}
	p.feed([]byte("GET / HTTP/1.0\r\n"))
	if len(got) != 0 || !p.bad {
		t.Fatal("garbage parsed")
	}
}
