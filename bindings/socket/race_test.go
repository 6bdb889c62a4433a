//go:build race

package socket

// raceEnabled: the race detector's instrumentation allocates on its own,
// so allocation figures mean nothing under it.
const raceEnabled = true
