// Added to FerretDB v1.24.2's handler by tools/infra/local-stack.mjs (newswire build).
//
// A find (or its explain) hinted `{_id: 1}` (or "_id_") that filters on `_id` alone, with `$gt`/`$gte`/
// `$lt`/`$lte`/`$eq` string bounds, sorted by `_id` and without skip, is answered by SQLite from the
// `_id` index: bounds, order and LIMIT all pushed down (IDOrder). Without the hint nothing changes.
//
// SQLite's index holds each `_id` as JSON text, so its order is the string order of the `_id`s only
// while none of them contains a character that JSON escapes (control characters, `"`, `\`, `<`, `>`,
// `&`, U+2028, U+2029). The hint is the caller's promise that its `_id`s are such plain strings; bounds
// that are not plain themselves are never pushed down.

package handler

import (
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

var newswireRangeOps = map[string]bool{"$gt": true, "$gte": true, "$lt": true, "$lte": true, "$eq": true}

func newswireIDHint(hint any) bool {
	switch h := hint.(type) {
	case string:
		return h == "_id_"
	case *types.Document:
		if h.Len() != 1 || !h.Has("_id") {
			return false
		}

		switch n := must.NotFail(h.Get("_id")).(type) {
		case int32:
			return n == 1 || n == -1
		case int64:
			return n == 1 || n == -1
		case float64:
			return n == 1 || n == -1
		}
	}

	return false
}

// newswirePlain reports whether a string is its own JSON text between quotes.
func newswirePlain(s string) bool {
	return string(must.NotFail(sjson.MarshalSingleValue(s))) == `"`+s+`"`
}

// newswireIDOrder returns 1 or -1 when the query may be answered in `_id` order from the index, else 0.
func newswireIDOrder(hint any, filter, sort *types.Document, skip int64) int {
	if !newswireIDHint(hint) || skip != 0 || filter.Len() != 1 || sort.Len() != 1 || !sort.Has("_id") {
		return 0
	}

	var order int

	switch n := must.NotFail(sort.Get("_id")).(type) {
	case int64:
		order = int(n)
	case int32:
		order = int(n)
	case float64:
		order = int(n)
	}

	if order != 1 && order != -1 {
		return 0
	}

	switch v := must.NotFail(filter.Get("_id")).(type) {
	case string:
		if !newswirePlain(v) {
			return 0
		}
	case *types.Document:
		if v.Len() == 0 {
			return 0
		}

		for _, op := range v.Keys() {
			bound, ok := must.NotFail(v.Get(op)).(string)
			if !newswireRangeOps[op] || !ok || !newswirePlain(bound) {
				return 0
			}
		}
	default:
		return 0
	}

	return order
}
