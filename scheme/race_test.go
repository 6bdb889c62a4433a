//go:build race

package scheme

// raceEnabled: under the race detector a sync.Pool drops what it is given
// at random (and the instrumentation allocates), so the frame chunks'
// reuse cannot be checked.
const raceEnabled = true
