// LDAP messages as Scheme data: BER elements ↔ lists like (sequence (integer 1) (octet-string "x")).

package starttls

import (
	"unicode/utf8"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

// universal maps the universal type symbols to their tags.
var universal = map[string]int{
	"boolean": starttls.TagBoolean, "integer": starttls.TagInteger, "octet-string": starttls.TagOctetString,
	"null": starttls.TagNull, "enumerated": starttls.TagEnumerated, "sequence": starttls.TagSequence, "set": starttls.TagSet,
}

// tagged maps the class symbols to their class; "-primitive" forms hold a value.
var tagged = map[string]int{"application": starttls.ClassApplication, "context": starttls.ClassContext}

// berError is the (exn type) error of a malformed datum v inside the op
// argument (3) of ldap-write-message, the only datum argument.
func berError(who string, v scheme.Value) error {
	return scheme.TypeError(who, 3, "BER datum like (sequence (integer 1) (octet-string \"x\"))", v)
}

// octets returns the bytes of a string or bytevector datum.
func octets(who string, v scheme.Value) ([]byte, error) {
	switch x := v.(type) {
	case *scheme.String:
		return []byte(x.String()), nil
	case *scheme.Bytevector:
		return x.B, nil
	}
	return nil, berError(who, v)
}

// toBER converts a datum to a BER element.
func toBER(who string, v scheme.Value, depth int) (*starttls.BER, error) {
	items, ok := scheme.ListToSlice(v)
	if !ok || len(items) == 0 || depth > 64 {
		return nil, berError(who, v)
	}
	head, ok := items[0].(*scheme.Symbol)
	if !ok {
		return nil, berError(who, v)
	}
	args := items[1:]
	children := func(class, tag int, els []scheme.Value) (*starttls.BER, error) {
		e := &starttls.BER{Class: class, Tag: tag, Constructed: true}
		for _, c := range els {
			ce, err := toBER(who, c, depth+1)
			if err != nil {
				return nil, err
			}
			e.Children = append(e.Children, ce)
		}
		return e, nil
	}
	switch head.Name {
	case "integer", "enumerated":
		if n, ok := args0(args).(scheme.Fixnum); ok && len(args) == 1 {
			return starttls.IntBER(starttls.ClassUniversal, universal[head.Name], int64(n)), nil
		}
	case "boolean":
		if len(args) == 1 {
			b := byte(0)
			if scheme.Truthy(args[0]) {
				b = 0xff
			}
			return &starttls.BER{Tag: starttls.TagBoolean, Value: []byte{b}}, nil
		}
	case "null":
		return &starttls.BER{Tag: starttls.TagNull}, nil
	case "octet-string":
		if len(args) == 1 {
			b, err := octets(who, args[0])
			return &starttls.BER{Tag: starttls.TagOctetString, Value: b}, err
		}
	case "sequence", "set":
		return children(starttls.ClassUniversal, universal[head.Name], args)
	case "application", "context", "application-primitive", "context-primitive":
		tag, ok := args0(args).(scheme.Fixnum)
		if !ok || tag < 0 || tag > 30 {
			return nil, berError(who, v)
		}
		if class, ok := tagged[head.Name]; ok {
			return children(class, int(tag), args[1:])
		}
		if len(args) != 2 {
			return nil, berError(who, v)
		}
		b, err := octets(who, args[1])
		class := tagged[head.Name[:len(head.Name)-len("-primitive")]]
		return &starttls.BER{Class: class, Tag: int(tag), Value: b}, err
	}
	return nil, berError(who, v)
}

func args0(args []scheme.Value) scheme.Value {
	if len(args) == 0 {
		return scheme.False
	}
	return args[0]
}

// fromBER converts a BER element to its datum; octet strings and tagged
// primitives become strings when they are UTF-8, else bytevectors.
func fromBER(e *starttls.BER) scheme.Value {
	text := func(b []byte) scheme.Value {
		if utf8.Valid(b) {
			return scheme.NewString(string(b))
		}
		return &scheme.Bytevector{B: b}
	}
	kids := func(head ...scheme.Value) scheme.Value {
		for _, c := range e.Children {
			head = append(head, fromBER(c))
		}
		return scheme.List(head...)
	}
	if e.Class == starttls.ClassUniversal {
		switch {
		case e.Constructed && e.Tag == starttls.TagSequence:
			return kids(scheme.Intern("sequence"))
		case e.Constructed && e.Tag == starttls.TagSet:
			return kids(scheme.Intern("set"))
		case e.Tag == starttls.TagInteger || e.Tag == starttls.TagEnumerated:
			name := "integer"
			if e.Tag == starttls.TagEnumerated {
				name = "enumerated"
			}
			if n, err := e.Int(); err == nil {
				return scheme.List(scheme.Intern(name), scheme.Fixnum(n))
			}
		case e.Tag == starttls.TagBoolean && len(e.Value) == 1:
			return scheme.List(scheme.Intern("boolean"), scheme.MakeBool(e.Value[0] != 0))
		case e.Tag == starttls.TagNull:
			return scheme.List(scheme.Intern("null"))
		case e.Tag == starttls.TagOctetString && !e.Constructed:
			return scheme.List(scheme.Intern("octet-string"), text(e.Value))
		}
	}
	class := "context"
	switch e.Class {
	case starttls.ClassApplication:
		class = "application"
	case starttls.ClassUniversal:
		class = "universal"
	case starttls.ClassPrivate:
		class = "private"
	}
	if e.Constructed {
		return kids(scheme.Intern(class), scheme.Fixnum(e.Tag))
	}
	return scheme.List(scheme.Intern(class+"-primitive"), scheme.Fixnum(e.Tag), text(e.Value))
}

func ldapWriteMessage(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ldap-write-message"
	id := tlsval.Num(args[1], 0)
	op, err := toBER(who, args[2], 0)
	if err != nil {
		return nil, err
	}
	if err := (&portWire{th: th, out: args[0]}).Send(starttls.LDAPMessage(int64(id), op).Encode()); err != nil {
		return nil, dialogueError(who, err, 0)
	}
	return scheme.Unspecified, nil
}

func ldapReadMessage(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ldap-read-message"
	msg, err := starttls.ReadBER(&portWire{th: th, in: args[0]})
	if err != nil {
		return nil, dialogueError(who, err, 0)
	}
	if !msg.Constructed || len(msg.Children) < 2 {
		return nil, scheme.NewError(who, "not an LDAPMessage", []scheme.Value{fromBER(msg)}, "i/o", "net")
	}
	id, err := msg.Children[0].Int()
	if err != nil {
		return nil, scheme.NewError(who, "LDAPMessage without a messageID", []scheme.Value{fromBER(msg)}, "i/o", "net")
	}
	return scheme.Values(scheme.Fixnum(id), fromBER(msg.Children[1])), nil
}
