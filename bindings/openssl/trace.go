// (openssl ext) ssl-set-message-callback!: the record trace as tcltls message calls and connect/accept loop info steps (spec §1.3.1).

package openssl

import (
	"context"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// traceProcs are the (openssl ext) rows of this file.
var traceProcs = []scheme.Proc{
	{Name: "ssl-set-message-callback!", Spec: "§1.3.1", Sig: "(ssl-set-message-callback! obj proc-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "proc-or-#f", typeCallback) },
		Doc: "Trace the records of later connections (tcltls -command message, Python _msg_callback): proc gets (message conn direction version content-type message) per record — direction sent or received, version the record-layer string (\"TLSv1.2\" also for TLS 1.3 records), " +
			"content-type handshake, alert, change_cipher_spec or application_data, message the handshake message name (one call each, e.g. \"client_hello\"), the alert description, \"encrypted\" or \"\" — " +
			"and, for each readable handshake message, the OpenSSL state-machine step (info conn connect|accept \"loop\" \"SSLv3/TLS write client hello\" \"\"). TLS 1.3 encrypts everything after the hellos, so later messages show as encrypted application_data. Runs on a fresh thread per call; a raise goes to ssl-callback-error-handler.",
		Fn: contextSetter("ssl-set-message-callback!", setMessageCallback)},
}

// messageKey is the tlsctx user-data key of the message callback.
type messageKey struct{}

func setMessageCallback(th *scheme.Thread, who string, ctx *tlsctx.Context, proc scheme.Value) error {
	if !tlsval.Given(proc) {
		ctx.SetUserData(messageKey{}, nil)
	} else {
		ctx.SetUserData(messageKey{}, proc)
	}
	return nil
}

// withMessages sets o.OnRecord when ctx has a message callback.
func withMessages(th *scheme.Thread, h *tlsval.Handle, c *tlsval.Context, o ports.Options) ports.Options {
	if c == nil {
		return o
	}
	ctx := c.Ctx
	proc, _ := ctx.UserData(messageKey{}).(scheme.Value)
	if proc == nil {
		return o
	}
	in, fallback := th.Interp(), th.Param(sslCallbackErrorHandler)
	step := scheme.Intern("connect")
	if ctx.Role() == tlsctx.Server {
		step = scheme.Intern("accept")
	}
	call := func(args ...scheme.Value) {
		if _, err := tlsval.CallFresh(in, context.Background(), proc, args...); err != nil {
			reportCallbackError(in, h, fallback, err, true)
		}
	}
	str := scheme.NewString
	o.OnRecord = func(r ports.Record) {
		conn := h.Port()
		dir := "received"
		if r.Sent {
			dir = "sent"
		}
		head := []scheme.Value{scheme.Intern("message"), conn, scheme.Intern(dir), str(tlsctx.VersionName(r.Version)),
			scheme.Intern(ports.ContentTypeName(r.ContentType))}
		switch {
		case r.Encrypted:
			call(append(head, str("encrypted"))...)
		case r.ContentType == ports.RecordHandshake:
			for _, m := range r.Handshake {
				name := ports.HandshakeName(m)
				call(append(head, str(name))...)
				verb := "read"
				if r.Sent {
					verb = "write"
				}
				call(scheme.Intern("info"), conn, step, str("loop"),
					str("SSLv3/TLS "+verb+" "+strings.ReplaceAll(name, "_", " ")), str(""))
			}
		case r.ContentType == ports.RecordAlert:
			call(append(head, str(conditions.AlertDescription(int(r.Alert[1]))))...)
		default:
			call(append(head, str(""))...)
		}
	}
	return o
}
