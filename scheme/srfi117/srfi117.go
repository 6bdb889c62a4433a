// SRFI-117 queues based on lists: the reference implementation in srfi117.scm.

// Package srfi117 is SRFI-117, (srfi 117), (srfi :117 list-queues) or
// srfi-117: mutable queues whose contents are an ordinary list, with O(1)
// access to both ends.
package srfi117

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi117.scm
var source string

const spec = "srfi-117"

// Library is the (srfi 117) binding table; srfi117.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 117)", Doc: "SRFI-117: queues based on lists.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi117.scm", source), Procs: []scheme.Proc{
		{Name: "make-list-queue", Spec: spec, Sig: "(make-list-queue list [last])", Doc: "A queue holding list itself (not a copy); last, if given, must be its last pair."},
		{Name: "list-queue", Spec: spec, Sig: "(list-queue elem ...)", Doc: "A new queue of the elems, the first at the front."},
		{Name: "list-queue-copy", Spec: spec, Sig: "(list-queue-copy list-queue)", Doc: "A new queue of the elements of list-queue."},
		{Name: "list-queue-unfold", Spec: spec, Sig: "(list-queue-unfold stop? mapper successor seed [queue])", Doc: "Adds (mapper seed) for each seed from seed by successor until (stop? seed) to the front of queue (new by default), the first seed's first."},
		{Name: "list-queue-unfold-right", Spec: spec, Sig: "(list-queue-unfold-right stop? mapper successor seed [queue])", Doc: "As list-queue-unfold, adding to the back, the first seed's last."},
		{Name: "list-queue?", Spec: spec, Sig: "(list-queue? obj)", Doc: "Is obj a list queue?"},
		{Name: "list-queue-empty?", Spec: spec, Sig: "(list-queue-empty? list-queue)", Doc: "Is list-queue empty?"},
		{Name: "list-queue-front", Spec: spec, Sig: "(list-queue-front list-queue)", Doc: "The first element of list-queue; an error when it is empty."},
		{Name: "list-queue-back", Spec: spec, Sig: "(list-queue-back list-queue)", Doc: "The last element of list-queue; an error when it is empty."},
		{Name: "list-queue-list", Spec: spec, Sig: "(list-queue-list list-queue)", Doc: "The list of list-queue's elements, shared with it (not a copy)."},
		{Name: "list-queue-first-last", Spec: spec, Sig: "(list-queue-first-last list-queue)", Doc: "Two values: the first and the last pair of list-queue's list (() and () when it is empty)."},
		{Name: "list-queue-add-front!", Spec: spec, Sig: "(list-queue-add-front! list-queue elem)", Doc: "Adds elem at the front of list-queue."},
		{Name: "list-queue-add-back!", Spec: spec, Sig: "(list-queue-add-back! list-queue elem)", Doc: "Adds elem at the back of list-queue."},
		{Name: "list-queue-remove-front!", Spec: spec, Sig: "(list-queue-remove-front! list-queue)", Doc: "Removes and returns the first element of list-queue; an error when it is empty."},
		{Name: "list-queue-remove-back!", Spec: spec, Sig: "(list-queue-remove-back! list-queue)", Doc: "Removes and returns the last element of list-queue (in time proportional to its length); an error when it is empty."},
		{Name: "list-queue-remove-all!", Spec: spec, Sig: "(list-queue-remove-all! list-queue)", Doc: "Empties list-queue, returning the list of its elements."},
		{Name: "list-queue-set-list!", Spec: spec, Sig: "(list-queue-set-list! list-queue list [last])", Doc: "Makes list (not a copy) the contents of list-queue; last, if given, must be its last pair."},
		{Name: "list-queue-append", Spec: spec, Sig: "(list-queue-append list-queue ...)", Doc: "A new queue of the elements of the list-queues in order."},
		{Name: "list-queue-append!", Spec: spec, Sig: "(list-queue-append! list-queue ...)", Doc: "The first list-queue with the elements of the others added at its back; the others may not be used afterwards."},
		{Name: "list-queue-concatenate", Spec: spec, Sig: "(list-queue-concatenate list-of-list-queues)", Doc: "(apply list-queue-append list-of-list-queues)."},
		{Name: "list-queue-map", Spec: spec, Sig: "(list-queue-map proc list-queue)", Doc: "A new queue of (proc elem) for the elements of list-queue."},
		{Name: "list-queue-map!", Spec: spec, Sig: "(list-queue-map! proc list-queue)", Doc: "Replaces each element of list-queue with (proc elem)."},
		{Name: "list-queue-for-each", Spec: spec, Sig: "(list-queue-for-each proc list-queue)", Doc: "Calls proc on each element of list-queue, front to back."},
	}}
