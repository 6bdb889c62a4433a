package schemetest

import (
	"bufio"
	"os"

	"github.com/tlsport/tlsport/scheme"
)

// TopLevelDefinitions returns the names the top-level forms of the
// Scheme source file path define (define, define-syntax, define-values,
// define-record-type, also inside begin), in order.
func TopLevelDefinitions(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var out []string
	var walk func(v scheme.Value)
	walk = func(v scheme.Value) {
		form, ok := v.(*scheme.Pair)
		if !ok {
			return
		}
		head, _ := form.Car.(*scheme.Symbol)
		args, _ := scheme.ListToSlice(form.Cdr)
		if head == nil || len(args) == 0 {
			return
		}
		switch head.Name {
		case "begin":
			for _, a := range args {
				walk(a)
			}
		case "define", "define-syntax", "define-constant", "define-inline":
			target := args[0]
			for { // (define ((curried a) b) …)
				p, ok := target.(*scheme.Pair)
				if !ok {
					break
				}
				target = p.Car
			}
			if s, ok := target.(*scheme.Symbol); ok {
				out = append(out, s.Name)
			}
		case "define-values":
			for v := args[0]; ; {
				p, ok := v.(*scheme.Pair)
				if !ok {
					if s, ok := v.(*scheme.Symbol); ok {
						out = append(out, s.Name)
					}
					break
				}
				if s, ok := p.Car.(*scheme.Symbol); ok {
					out = append(out, s.Name)
				}
				v = p.Cdr
			}
		case "define-record-type":
			for i, a := range args {
				switch {
				case i == 0: // the type's name
				case i == 1 || i == 2: // constructor spec, predicate
					if p, ok := a.(*scheme.Pair); ok {
						a = p.Car
					}
					if s, ok := a.(*scheme.Symbol); ok {
						out = append(out, s.Name)
					}
				default: // (field accessor [modifier])
					fs, _ := scheme.ListToSlice(a)
					for _, x := range fs[min(1, len(fs)):] {
						if s, ok := x.(*scheme.Symbol); ok {
							out = append(out, s.Name)
						}
					}
				}
			}
		}
	}
	for {
		v, err := scheme.ReadDatum(r, path)
		if err != nil {
			return nil, err
		}
		if v == scheme.EOF {
			return out, nil
		}
		walk(v)
	}
}
