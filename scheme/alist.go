package scheme

// StringPairs returns the elements of a list of string pairs, such as an
// environment alist ((name . value) ...) or a table of substitutions, as
// [car, cdr] pairs of Go strings; ok is false when an element is not a pair
// of two strings. The elements are those ListToSlice reads.
func StringPairs(v Value) (pairs [][2]string, ok bool) {
	items, _ := ListToSlice(v)
	pairs = make([][2]string, 0, len(items))
	for _, it := range items {
		p, ok := it.(*Pair)
		if !ok {
			return nil, false
		}
		k, kok := p.Car.(*String)
		val, vok := p.Cdr.(*String)
		if !kok || !vok {
			return nil, false
		}
		pairs = append(pairs, [2]string{k.String(), val.String()})
	}
	return pairs, true
}
