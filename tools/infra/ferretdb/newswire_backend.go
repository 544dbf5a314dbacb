// Added to FerretDB v1.24.2's SQLite backend by tools/infra/local-stack.mjs (newswire build).
//
// Stock 1.24 hands SQLite only an `_id` equality (and only when it is the whole filter); every other
// query reads the whole table. This file lets the backend narrow by more `_id` conditions, through
// the `_id` index:
//   - `_id: {$in: [...]}` of strings or ObjectIDs: an exact set, always safe;
//   - with IDOrder (the handler sets it only for queries hinted `{_id: 1}` that filter on `_id` alone):
//     `$gt`/`$gte`/`$lt`/`$lte`/`$eq` bounds, rows in `_id` order, and the LIMIT.
// The handler still filters, sorts and limits whatever comes back, so narrowing never changes an answer
// as long as the narrowed set holds every match (see newswire_handler.go for when order is exact).

package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// newswireMaxIn bounds the `$in` list pushed down (SQLite's default limit is 32766 bound parameters).
const newswireMaxIn = 1000

var newswireRangeOps = map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<=", "$eq": "="}

func newswireIDArg(v any) (string, bool) {
	switch v.(type) {
	case string, types.ObjectID:
		return string(must.NotFail(sjson.MarshalSingleValue(v))), true
	default:
		return "", false
	}
}

// newswireIDWhere returns the WHERE clause on the `_id` index for the filter's `_id` condition, or "".
func newswireIDWhere(filter *types.Document, idOrder int) (string, []any) {
	if filter == nil {
		return "", nil
	}

	v, _ := filter.Get("_id")

	if arg, ok := newswireIDArg(v); ok {
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{arg}
	}

	cond, ok := v.(*types.Document)
	if !ok || cond.Len() == 0 {
		return "", nil
	}

	if cond.Len() == 1 && cond.Has("$in") {
		values, ok := must.NotFail(cond.Get("$in")).(*types.Array)
		if !ok || values.Len() == 0 || values.Len() > newswireMaxIn {
			return "", nil
		}

		args := make([]any, values.Len())
		marks := make([]string, values.Len())

		for i := 0; i < values.Len(); i++ {
			arg, ok := newswireIDArg(must.NotFail(values.Get(i)))
			if !ok {
				return "", nil
			}

			args[i] = arg
			marks[i] = "?"
		}

		return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, strings.Join(marks, ", ")), args
	}

	if idOrder == 0 {
		return "", nil
	}

	var terms []string
	var args []any

	for _, op := range cond.Keys() {
		sqlOp, known := newswireRangeOps[op]
		bound, isString := must.NotFail(cond.Get(op)).(string)

		if !known || !isString {
			return "", nil
		}

		terms = append(terms, fmt.Sprintf(`%s %s ?`, metadata.IDColumn, sqlOp))
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(bound))))
	}

	return ` WHERE ` + strings.Join(terms, " AND "), args
}

// newswireOrderBy orders rows by the `_id` index when the handler asked for it, else as stock FerretDB does.
func newswireOrderBy(sort *types.Document, idOrder int) string {
	switch idOrder {
	case 1:
		return fmt.Sprintf(` ORDER BY %s`, metadata.IDColumn)
	case -1:
		return fmt.Sprintf(` ORDER BY %s DESC`, metadata.IDColumn)
	default:
		return prepareOrderByClause(sort)
	}
}
