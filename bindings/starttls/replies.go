// Reply reading over ports: SMTP/FTP coded replies, IMAP tagged responses, POP3, XMPP elements, SASL PLAIN, FTP EPSV.

package starttls

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

// codeReply is a coded reply as a list: (code text …).
func codeReply(r *starttls.CodeReply) scheme.Value {
	vals := []scheme.Value{scheme.Fixnum(r.Code)}
	for _, l := range r.Lines {
		vals = append(vals, scheme.NewString(l))
	}
	return scheme.List(vals...)
}

// readCodeReply is smtp-read-reply and ftp-read-reply.
func readCodeReply(who string, th *scheme.Thread, in scheme.Value) (scheme.Value, error) {
	r, err := starttls.ReadCodeReply(&portWire{th: th, in: in})
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return codeReply(r), nil
}

// codeCommand is smtp-command and ftp-command.
func codeCommand(who string, th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	r, err := starttls.CodeCommand(&portWire{th: th, in: args[0], out: args[1]}, tlsval.Str(args[2]))
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return codeReply(r), nil
}

func smtpReadReply(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return readCodeReply("smtp-read-reply", th, args[0])
}

func smtpCommand(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return codeCommand("smtp-command", th, args)
}

func ftpReadReply(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return readCodeReply("ftp-read-reply", th, args[0])
}

func ftpCommand(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return codeCommand("ftp-command", th, args)
}

func ftpEpsv(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ftp-epsv"
	r, err := starttls.CodeCommand(&portWire{th: th, in: args[0], out: args[1]}, "EPSV")
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	// 229 Entering Extended Passive Mode (|||port|)
	text := strings.Join(r.Lines, " ")
	if r.Code == 229 {
		if i := strings.Index(text, "(|||"); i >= 0 {
			rest := text[i+4:]
			if j := strings.IndexByte(rest, '|'); j > 0 {
				if port, err := strconv.Atoi(rest[:j]); err == nil && port > 0 && port < 65536 {
					return scheme.Fixnum(port), nil
				}
			}
		}
	}
	return nil, scheme.NewError(who, "EPSV failed", []scheme.Value{scheme.NewString(r.Text())}, "i/o", "net")
}

func imapCommand(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "imap-command"
	r, err := starttls.IMAPCommand(&portWire{th: th, in: args[0], out: args[1]}, tlsval.Str(args[2]), tlsval.Str(args[3]))
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return scheme.Values(scheme.Intern(r.Status), scheme.NewString(r.Text), tlsval.StringList(r.Lines)), nil
}

func pop3Command(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "pop3-command"
	r, err := starttls.POP3Command(&portWire{th: th, in: args[0], out: args[1]}, tlsval.Str(args[2]), scheme.Truthy(args[3]))
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return scheme.Values(scheme.MakeBool(r.OK), scheme.NewString(r.Status), tlsval.StringList(r.Data)), nil
}

func xmppReadElement(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	el, err := starttls.ReadElement(&portWire{th: th, in: args[0]})
	if err != nil {
		return nil, dialogueError("xmpp-read-element", err, 0)
	}
	return scheme.NewString(el), nil
}

func xmppStreamHeader(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(starttls.XMPPStreamHeader(tlsval.Str(args[0]))), nil
}

func saslPlain(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	user, pass, authz := tlsval.Str(args[0]), tlsval.Str(args[1]), tlsval.Str(args[2])
	return scheme.NewString(base64.StdEncoding.EncodeToString([]byte(authz + "\x00" + user + "\x00" + pass))), nil
}
