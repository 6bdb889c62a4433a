//go:build !linux

package scheme

// physicalMemory returns the machine's memory in bytes, 0 when unknown
// (ArgSize then uses its fallback).
func physicalMemory() uint64 { return 0 }
