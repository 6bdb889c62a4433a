// Benchmark support: the cost of measured work, the comparison metrics and the memory in use.

package loopback

import (
	"runtime"
	"testing"
	"time"
)

// Cost is the wall and process CPU time of measured work.
type Cost struct{ Wall, CPU time.Duration }

// Add adds d to c.
func (c *Cost) Add(d Cost) { c.Wall += d.Wall; c.CPU += d.CPU }

// Measure returns the cost of running f.
func Measure(f func()) Cost {
	start, cpu := time.Now(), CPUTime()
	f()
	return Cost{time.Since(start), CPUTime() - cpu}
}

// Report reports n units of work done by bare Go and by the side called
// name ("engine", "scheme"): the rates per second of wall time
// ("bare-UNIT", "NAME-UNIT") and the ratios NAME/bare of the rates by wall
// time ("ratio") and by process CPU time ("cpu-ratio", which other jobs on
// a shared machine disturb least); higher is better for both.
func Report(b *testing.B, n float64, unit, name string, bare, other Cost) {
	b.ReportMetric(n/bare.Wall.Seconds(), "bare-"+unit)
	b.ReportMetric(n/other.Wall.Seconds(), name+"-"+unit)
	b.ReportMetric(bare.Wall.Seconds()/other.Wall.Seconds(), "ratio")
	if other.CPU > 0 {
		b.ReportMetric(bare.CPU.Seconds()/other.CPU.Seconds(), "cpu-ratio")
	}
}

// MemInUse returns the live heap plus goroutine stacks after two
// collections (which also empty every sync.Pool).
func MemInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}
