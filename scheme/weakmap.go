// weakMap: values attached to objects held weakly (the written ports, ProcTable).

package scheme

import (
	"runtime"
	"sync"
	"weak"
)

// weakMap attaches a value to objects of type K without keeping them
// alive: an entry goes when its object is collected. The zero value is
// ready to use; it is safe for concurrent use.
type weakMap[K, V any] struct {
	mu sync.Mutex
	m  map[weak.Pointer[K]]V
}

// put attaches v to k.
func (w *weakMap[K, V]) put(k *K, v V) {
	key := weak.Make(k)
	w.mu.Lock()
	if w.m == nil {
		w.m = map[weak.Pointer[K]]V{}
	}
	w.m[key] = v
	w.mu.Unlock()
	runtime.AddCleanup(k, func(key weak.Pointer[K]) {
		w.mu.Lock()
		delete(w.m, key)
		w.mu.Unlock()
	}, key)
}

// get returns the value attached to k.
func (w *weakMap[K, V]) get(k *K) (V, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.m[weak.Make(k)]
	return v, ok
}

// replace attaches v to k in place of its value, reporting false (and
// doing nothing) when k has none.
func (w *weakMap[K, V]) replace(k *K, v V) bool {
	key := weak.Make(k)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.m[key]; !ok {
		return false
	}
	w.m[key] = v
	return true
}

// keys returns the objects of w not collected yet.
func (w *weakMap[K, V]) keys() []*K {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]*K, 0, len(w.m))
	for key := range w.m {
		if k := key.Value(); k != nil {
			out = append(out, k)
		}
	}
	return out
}
