// suggest: the closest bound name to a misspelt one.

package repl

import (
	"errors"

	"github.com/tlsport/tlsport/scheme"
)

// didYouMean returns " — did you mean NAME?" for the bound name closest
// to name, or "" when none is close.
func (s *session) didYouMean(name string) string {
	if c := closest(name, s.completions()); c != "" {
		return " — did you mean " + c + "?"
	}
	return ""
}

// unboundHint returns the suggestion for an unbound-variable error, or "".
func (s *session) unboundHint(err error) string {
	var se *scheme.Error
	if !errors.As(err, &se) {
		return ""
	}
	c, ok := se.Condition.(*scheme.Condition)
	if !ok || c.Message() != "unbound variable" {
		return ""
	}
	args, _ := c.Get("exn", "arguments")
	l, _ := scheme.ListToSlice(args)
	if len(l) != 1 {
		return ""
	}
	sym, ok := l[0].(*scheme.Symbol)
	if !ok {
		return ""
	}
	if c := closest(sym.Name, s.completions()); c != "" {
		return "  did you mean " + c + "?\n"
	}
	return ""
}

// closest returns the candidate nearest to name by edit distance (a
// transposition counts as one edit), when it is within a third of name's
// length (at least 1, at most 3); ties go to the first in order.
func closest(name string, candidates []string) string {
	limit := min(max(len([]rune(name))/3, 1), 3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name {
			continue
		}
		if d := editDistance(name, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b,
// or a value ≥ bound when it is at least bound.
func editDistance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= bound || -d >= bound {
		return bound
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
