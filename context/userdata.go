// Values a binding keeps with a context, such as the Scheme procedures behind its callbacks.

package tlsctx

import "maps"

// SetUserData keeps v under key with c (nil v removes it). The data lives
// and dies with c, is copied by [Context.Copy], and may be set on a sealed
// context (it is not configuration).
func (c *Context) SetUserData(key, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := maps.Clone(c.st.userData) // copy-on-write: copies share the old map
	if m == nil {
		m = map[any]any{}
	}
	if v == nil {
		delete(m, key)
	} else {
		m[key] = v
	}
	c.st.userData = m
}

// UserData returns the value kept under key, or nil.
func (c *Context) UserData(key any) (v any) {
	c.mu.Lock()
	if m := c.st.userData; len(m) > 0 { // most contexts keep none: no hashing of key
		v = m[key]
	}
	c.mu.Unlock()
	return v
}
