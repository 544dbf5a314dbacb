// Added to FerretDB v1.24.2's handler by tools/infra/local-stack.mjs (newswire build).
//
// FerretDB 1.24 runs update, findAndModify and delete as a read (Query) followed by a separate write
// (UpdateAll, InsertAll, DeleteAll), with nothing holding the document in between. Two connections can
// therefore both read a document, both match the filter and both write: concurrent `$inc`s are lost
// (40 concurrent `$inc: {n: 1}` left n = 26), a conditional update (`{_id, rev: 0}` -> rev 1) has several
// winners, an upsert that loses the insert race fails with E11000 instead of updating. MongoDB makes
// each of those single-document writes atomic, and the project relies on that (leases, version guards,
// compare-and-set of dedup stories, feed-health counters).
//
// Here every such command takes a lock on its collection for its read and write, so the statements of
// concurrent commands on one collection apply one after another, as on MongoDB. SQLite already admits
// one writer per database file at a time, so this costs concurrency only between the reads of
// commands on one collection; finds and inserts take no lock (an insert is atomic on the unique `_id`).

package handler

import "sync"

var newswireWriteLocks sync.Map

// newswireLockCollection locks writes to db.collection and returns the unlock.
func newswireLockCollection(db, collection string) func() {
	m, _ := newswireWriteLocks.LoadOrStore(db+"\x00"+collection, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	mu.Lock()

	return mu.Unlock
}
