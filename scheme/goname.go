// GoName: the rule from a Scheme name to the name of the Go function behind it.

package scheme

import "strings"

// goReserved lists the Go keywords and predeclared identifiers a derived
// name must not shadow; such a name gets the suffix Proc.
const goReserved = ` break default func interface select case defer go map struct chan else goto
	package switch const fallthrough if range type continue for import return var append cap clear
	close complex copy delete imag len make max min new panic print println real recover bool byte
	error string rune int any true false nil iota `

// GoName returns the name of the Go function implementing the Scheme
// procedure name, by the rule of the package documentation ("Go
// procedures"): ssl-connect* → sslConnectStar, call/cc → callWithCc,
// string->list → stringToList, char<=? → charLeP, %memv → internalMemv,
// error → errorProc, + → add, +. → addInexact (Sagittarius's inexact
// arithmetic).
func GoName(name string) string {
	if op, ok := strings.CutSuffix(name, "."); ok && len(op) == 1 && strings.Contains("+-*/", op) {
		return GoName(op) + "Inexact"
	}
	switch name { // names made only of operator characters
	case "+":
		return "add"
	case "-":
		return "sub"
	case "*":
		return "mul"
	case "/":
		return "div"
	case "=":
		return "numEq"
	case "<":
		return "lt"
	case ">":
		return "gt"
	case "<=":
		return "le"
	case ">=":
		return "ge"
	case ":":
		return "colon"
	}
	s, internal := strings.CutPrefix(name, "%")
	s = strings.NewReplacer("->", "-to-", "<=", "-le-", ">=", "-ge-", "<", "-lt-", ">", "-gt-", "=", "-eq-",
		"?", "-p", "!", "-bang", "*", "-star", "/", "-with-", "+", "-plus-", "&", "-and-").Replace(s)
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' }) {
		if b.Len() == 0 && !internal {
			b.WriteString(strings.ToLower(w))
		} else {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	out := b.String()
	if internal {
		out = "internal" + out
	}
	if strings.Contains(goReserved, " "+out+" ") || strings.Contains(goReserved, "\t"+out+" ") {
		out += "Proc"
	}
	return out
}
