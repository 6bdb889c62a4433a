// Reply readers: SMTP/FTP coded replies, IMAP responses, POP3 status and data, XMPP elements, PostgreSQL messages.

package starttls

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var errLongLine = errors.New("starttls: line from server too long")

// maxMessage bounds a PostgreSQL message or LDAP element read from a
// server.
const maxMessage = 16 << 20

// CodeReply is an SMTP or FTP reply.
type CodeReply struct {
	Code  int      // the three-digit code
	Lines []string // the text of each line, after the code and separator
	Raw   []string // the lines as received
}

// Text returns the raw lines joined by "\n" (for messages).
func (r *CodeReply) Text() string { return strings.Join(r.Raw, "\n") }

// ReadCodeReply reads one SMTP or FTP reply: "ddd-text" lines continue it
// (FTP also allows uncoded lines in between) up to "ddd text" or "ddd".
func ReadCodeReply(w Wire) (*CodeReply, error) {
	r := &CodeReply{}
	for {
		line, err := w.ReadLine()
		if err != nil {
			return nil, err
		}
		r.Raw = append(r.Raw, line)
		if len(r.Raw) > 1000 {
			return nil, fmt.Errorf("starttls: reply longer than 1000 lines: %q", r.Raw[0])
		}
		code, sep, text := splitCode(line)
		if len(r.Raw) == 1 {
			if code < 0 {
				return nil, fmt.Errorf("starttls: malformed reply line %q", line)
			}
			r.Code = code
		} else if code != r.Code {
			r.Lines = append(r.Lines, line)
			continue
		}
		r.Lines = append(r.Lines, text)
		if sep != '-' {
			return r, nil
		}
	}
}

// splitCode splits "250-text" into 250, '-', "text"; code is -1 when the
// line does not start with three digits and a separator.
func splitCode(line string) (code int, sep byte, text string) {
	if len(line) < 3 {
		return -1, 0, line
	}
	n, err := strconv.Atoi(line[:3])
	if err != nil || n < 100 {
		return -1, 0, line
	}
	if len(line) == 3 {
		return n, ' ', ""
	}
	if line[3] != ' ' && line[3] != '-' {
		return -1, 0, line
	}
	return n, line[3], line[4:]
}

// CodeCommand sends line (CRLF added) and reads the reply.
func CodeCommand(w Wire, line string) (*CodeReply, error) {
	if err := w.Send([]byte(line + "\r\n")); err != nil {
		return nil, err
	}
	return ReadCodeReply(w)
}

// IMAPResponse is the server's response to one tagged IMAP command.
type IMAPResponse struct {
	Status string   // "OK", "NO" or "BAD" (upper case)
	Text   string   // the text after the status
	Lines  []string // the untagged and continuation lines before it, literals inlined
	Raw    []string // every line, the tagged one last
}

// ReadIMAP reads lines up to the tagged completion for tag. A line ending
// in a literal "{n}" continues with the n bytes that follow.
func ReadIMAP(w Wire, tag string) (*IMAPResponse, error) {
	r := &IMAPResponse{}
	for {
		line, err := readIMAPLine(w)
		if err != nil {
			return nil, err
		}
		r.Raw = append(r.Raw, line)
		if rest, ok := strings.CutPrefix(line, tag+" "); ok {
			status, text, _ := strings.Cut(rest, " ")
			r.Status, r.Text = strings.ToUpper(status), text
			return r, nil
		}
		r.Lines = append(r.Lines, line)
	}
}

// readIMAPLine reads one logical line, inlining literals.
func readIMAPLine(w Wire) (string, error) {
	var b strings.Builder
	for {
		line, err := w.ReadLine()
		if err != nil {
			return "", err
		}
		b.WriteString(line)
		n, ok := literalLen(line)
		if !ok {
			return b.String(), nil
		}
		if n > maxMessage {
			return "", fmt.Errorf("starttls: IMAP literal of %d bytes too long", n)
		}
		lit := make([]byte, n)
		if err := w.ReadFull(lit); err != nil {
			return "", err
		}
		b.WriteString("\r\n")
		b.Write(lit)
	}
}

// literalLen reports the n of a line ending in "{n}" (or "{n+}").
func literalLen(line string) (int, bool) {
	if !strings.HasSuffix(line, "}") {
		return 0, false
	}
	i := strings.LastIndexByte(line, '{')
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(line[i+1:len(line)-1], "+"))
	return n, err == nil && n >= 0
}

// IMAPCommand sends "tag command" and reads the response.
func IMAPCommand(w Wire, tag, command string) (*IMAPResponse, error) {
	if err := w.Send([]byte(tag + " " + command + "\r\n")); err != nil {
		return nil, err
	}
	return ReadIMAP(w, tag)
}

// POP3Reply is a POP3 status line and, for multi-line replies, the data.
type POP3Reply struct {
	OK     bool     // "+OK" (else "-ERR")
	Status string   // the status line as received
	Data   []string // multi-line data, dot-unstuffed, without the final "."
}

// ReadPOP3 reads a status line and, when multi is set and it is +OK, the
// data lines up to ".".
func ReadPOP3(w Wire, multi bool) (*POP3Reply, error) {
	line, err := w.ReadLine()
	if err != nil {
		return nil, err
	}
	r := &POP3Reply{Status: line, OK: strings.HasPrefix(line, "+OK")}
	if !r.OK && !strings.HasPrefix(line, "-ERR") {
		return nil, fmt.Errorf("starttls: malformed POP3 status line %q", line)
	}
	for multi && r.OK {
		d, err := w.ReadLine()
		if err != nil {
			return nil, err
		}
		if d == "." {
			break
		}
		r.Data = append(r.Data, strings.TrimPrefix(d, "."))
		if len(r.Data) > 1<<20 {
			return nil, errors.New("starttls: POP3 reply too long")
		}
	}
	return r, nil
}

// POP3Command sends line and reads the reply (multi: a multi-line one).
func POP3Command(w Wire, line string, multi bool) (*POP3Reply, error) {
	if err := w.Send([]byte(line + "\r\n")); err != nil {
		return nil, err
	}
	return ReadPOP3(w, multi)
}

// ReadElement reads the next XMPP top-level item: an XML declaration, the
// <stream:stream …> open tag (returned alone), the </stream:stream> close
// tag, or a whole element with its children. Leading whitespace is skipped.
func ReadElement(w Wire) (string, error) {
	if err := untilTag(w, nil); err != nil {
		return "", err
	}
	var b []byte
	depth := 0
	for {
		b = append(b, '<')
		tag, err := readTag(w, &b)
		if err != nil {
			return "", err
		}
		switch {
		case strings.HasPrefix(tag, "<?"), strings.HasPrefix(tag, "<!"), strings.HasPrefix(tag, "<stream:stream"):
		case strings.HasPrefix(tag, "</"):
			depth--
		case strings.HasSuffix(tag, "/>"):
		default:
			depth++
		}
		if depth <= 0 {
			return string(b), nil
		}
		if err := untilTag(w, &b); err != nil {
			return "", err
		}
		if len(b) > maxMessage {
			return "", errors.New("starttls: XMPP element too long")
		}
	}
}

// untilTag reads up to and including the next '<'. The text before it is
// appended to *text, or, with text nil, must be whitespace.
func untilTag(w Wire, text *[]byte) error {
	for {
		c, err := w.ReadByte()
		switch {
		case err != nil:
			return err
		case c == '<':
			return nil
		case text != nil:
			*text = append(*text, c)
		case c != ' ' && c != '\t' && c != '\r' && c != '\n':
			return fmt.Errorf("starttls: XMPP: expected '<', got %q", c)
		}
	}
}

// readTag reads one tag after its '<' (already appended to *b), honouring
// quoted attribute values, and returns it.
func readTag(w Wire, b *[]byte) (string, error) {
	start := len(*b) - 1
	var quote byte
	for {
		c, err := w.ReadByte()
		if err != nil {
			return "", err
		}
		*b = append(*b, c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return string((*b)[start:]), nil
		}
		if len(*b)-start > maxLine {
			return "", errLongLine
		}
	}
}

// ReadPostgres reads one PostgreSQL backend message: its type byte and
// payload.
func ReadPostgres(w Wire) (typ byte, payload []byte, err error) {
	var hdr [5]byte
	if err := w.ReadFull(hdr[:]); err != nil {
		return 0, nil, err
	}
	n := int(binary.BigEndian.Uint32(hdr[1:]))
	if n < 4 || n > maxMessage {
		return 0, nil, fmt.Errorf("starttls: PostgreSQL message %q of bad length %d", hdr[0], n)
	}
	payload = make([]byte, n-4)
	if err := w.ReadFull(payload); err != nil {
		return 0, nil, err
	}
	return hdr[0], payload, nil
}

// PostgresMessage frames a frontend message: typ (0 for the untyped
// startup and SSLRequest messages), the length, then body.
func PostgresMessage(typ byte, body []byte) []byte {
	var out []byte
	if typ != 0 {
		out = append(out, typ)
	}
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)+4))
	return append(out, body...)
}
