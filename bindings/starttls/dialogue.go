// The seven upgrade procedures: smtp-starttls … ftp-starttls, each the protocol's dialogue then ssl-start*.

package starttls

import (
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
	"sync"
)

// sslStartRow is the (openssl) row of ssl-start*, whose keywords every
// upgrade procedure accepts and hands over.
var sslStartRow = openssl.Library.Lookup("ssl-start*")

// sslStart returns ssl-start* as a procedure object.
var sslStart = sync.OnceValue(func() *scheme.Primitive { return scheme.NewPrimitive(openssl.Library, sslStartRow) })

// startKeys are ssl-start*'s keywords.
var startKeys = sync.OnceValue(func() []string { return sslStartRow.Params().Keys })

// ownKeys returns the dialogue keywords of protocol p, before startKeys.
func ownKeys(p starttls.Protocol) []string {
	switch p {
	case starttls.SMTP:
		return smtpKeys
	case starttls.XMPP:
		return xmppKeys
	}
	return nil
}

var (
	smtpKeys = []string{"ehlo-name"}
	xmppKeys = []string{"domain"}
)

// upgradeParams declares the parameters of p's upgrade procedure:
// (sni-name tcp-in tcp-out #!key own… ssl-start*-keys…), the dialogue
// keywords names (strings or symbols), ssl-start*'s keywords as it
// declares them.
func upgradeParams(p starttls.Protocol) []scheme.Param {
	ps := []scheme.Param{scheme.Req("sni-name", nil), scheme.Req("tcp-in", nil), scheme.Req("tcp-out", nil)}
	for _, k := range ownKeys(p) {
		ps = append(ps, scheme.Key(k, tlsval.TypeName, nil))
	}
	// ssl-start*'s keyword declarations: in layout order, after its
	// required and optional parameters
	a := sslStartRow.Params()
	from := len(a.Required) + len(a.Optional)
	return append(ps, a.Decl()[from:from+len(startKeys())]...)
}

func smtpStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.SMTP)
}

func imapStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.IMAP)
}

func pop3Starttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.POP3)
}

func ldapStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.LDAP)
}

func postgresqlStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.PostgreSQL)
}

func xmppStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.XMPP)
}

func ftpStarttls(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return upgrade(th, args, starttls.FTP)
}

// upgrade is the body of p's upgrade procedure:
// (P-starttls sni-name tcp-in tcp-out #!key own… ssl-start*-keys…).
func upgrade(th *scheme.Thread, args []scheme.Value, p starttls.Protocol) (scheme.Value, error) {
	who := string(p) + "-starttls"
	own := ownKeys(p)
	t := tlsval.TCPPort(args[1])
	if t == nil || tlsval.TCPPort(args[2]) != t {
		return nil, conditions.TypeError(who, "expected the TCP ports of one connection, got", args[1], args[2])
	}
	o := starttls.Options{Timeout: tlsval.ParamMS(th, tlsval.TCPReadTimeout)}
	if s, ok := args[0].(*scheme.String); ok {
		o.Domain = s.String()
	}
	for i, k := range own {
		v := args[3+i]
		if tlsval.Absent(v) {
			continue
		}
		s := tlsval.Str(v)
		switch k {
		case "ehlo-name":
			o.EHLOName = s
		case "domain":
			o.Domain = s
		}
	}
	raw, buf, err := t.Detach(th.Context())
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	left, reply, err := starttls.Negotiate(th.Context(), raw, buf, p, o)
	if err != nil {
		raw.Close()
		return nil, dialogueError(who, err, o.Timeout)
	}
	_, tin, tout := tlsval.NewTCPPorts(raw, left, tlsval.Options(th))
	call := []scheme.Value{scheme.False, args[0], tin, tout}
	for i, k := range startKeys() {
		if v := args[3+len(own)+i]; !tlsval.Absent(v) {
			call = append(call, scheme.InternKeyword(k), v)
		}
	}
	r, err := th.Call(sslStart(), call...)
	if err != nil {
		raw.Close()
		return nil, err
	}
	mv, ok := r.(*scheme.MultipleValues)
	if !ok || len(mv.Vals) != 2 {
		raw.Close()
		return nil, scheme.Errorf("%s: ssl-start* returned %s", who, scheme.WriteString(r))
	}
	c, err := tlsval.SSLConn(who, mv.Vals[0])
	if err != nil {
		raw.Close()
		return nil, err
	}
	after, err := starttls.After(th.Context(), c.E, p, o)
	if err != nil {
		c.E.Close()
		return nil, dialogueError(who, err, o.Timeout)
	}
	if after != nil {
		reply = after
	}
	return scheme.Values(mv.Vals[0], mv.Vals[1], tlsval.StringList(reply)), nil
}
