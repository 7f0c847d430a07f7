// Added to FerretDB's internal/backends/sqlite package at build time, in a vendored copy
// (see deploy/local/infra.mjs, FERRETDB_PATCHES).
//
// FerretDB v1's SQLite backend answers a query from its _id index only when the filter is exactly
// `{_id: <string or ObjectId>}`; any other filter reads and decodes every document of the collection.
// hangviet's conditional updates (`{_id, version}` for optimistic concurrency, `{_id, token}` for
// leases, `{_id, outbox: {$size}}` in the outbox relay) and its batch reads (`{_id: {$in: [...]}}`)
// therefore cost a full scan each, which grows with the collection. The handler re-applies the whole
// filter to whatever the backend returns, so narrowing the SQL to the filter's top-level _id equality
// (or $in) is always correct: it only skips documents that could not match.
package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// hangvietMaxIn bounds an $in list pushed down as SQL parameters; longer lists are scanned.
const hangvietMaxIn = 1000

// hangvietIDValue reports whether v is an _id value the _id index can answer (as upstream: string or ObjectId).
func hangvietIDValue(v any) bool {
	switch v.(type) {
	case string, types.ObjectID:
		return true
	default:
		return false
	}
}

// hangvietIDWhere returns a WHERE clause on the _id index for the filter's top-level `_id: v` or
// `_id: {$in: [v, ...]}`, or ok = false when the filter has neither.
func hangvietIDWhere(filter *types.Document) (where string, args []any, ok bool) {
	if filter == nil {
		return "", nil, false
	}
	v, err := filter.Get("_id")
	if err != nil {
		return "", nil, false
	}
	if hangvietIDValue(v) {
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}, true
	}
	cond, isDoc := v.(*types.Document)
	if !isDoc || cond.Len() != 1 {
		return "", nil, false
	}
	in, err := cond.Get("$in")
	if err != nil {
		return "", nil, false
	}
	list, isArray := in.(*types.Array)
	if !isArray || list.Len() == 0 || list.Len() > hangvietMaxIn {
		return "", nil, false
	}
	marks := make([]string, list.Len())
	for i := 0; i < list.Len(); i++ {
		item := must.NotFail(list.Get(i))
		if !hangvietIDValue(item) {
			return "", nil, false
		}
		marks[i] = "?"
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(item))))
	}
	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, strings.Join(marks, ", ")), args, true
}
