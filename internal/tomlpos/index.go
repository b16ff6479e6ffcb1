package tomlpos

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// An Index says where the keys of a decoded TOML text stand, so that the checks made after
// decoding ("class: unknown value") can place their errors: BurntSushi/toml gives positions
// only for syntax errors.
//
// Paths are dotted keys that name array-table elements by index: "errors.3.meaning" is the
// meaning key of the fourth [[errors]] table. Headers are recorded too: "errors.3" is the line
// of that [[errors]].
type Index struct {
	file    string
	src     string            // the text, with \r\n line ends made \n
	keys    map[string]keyPos // by path
	headers map[string]bool   // paths that are [table] or [[table]] headers
	open    Pos               // where a multi-line string that never closes opens
	offset  int               // lines of the file above the text (front matter starts on line 2)
}

// keyPos is where a key stands in the text, before the offset. It holds small integers, not a
// Pos: a build indexes every key of every file but asks where only a few stand (references
// and errors), so the file name and the offset are added by the lookups that make a Pos.
type keyPos struct {
	line      int32 // from 1
	keyCol    int32 // where the key (or header) starts, in bytes from 1
	valueCol  int32 // where its value starts; equal to keyCol for headers
	lineStart int32 // the byte offset of the line in src, where Item starts reading
	seq       int32 // the order in which the text first sets the path
}

// indexKeys scans src line by line. It understands [table], [[array-table]], key = value with
// bare, quoted or dotted keys, and multi-line strings and arrays; the keys of an inline table
// it does not see. It is a locator, not a parser: the TOML decoder has already accepted the
// text.
func indexKeys(file, src string) *Index {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	// Every key's line holds an = and every header's starts with [: room for them all at once
	// saves growing the map, which a build does for each of its thousands of files.
	size := strings.Count(src, "=") + strings.Count(src, "\n[") + 1
	ix := &Index{file: file, src: src, keys: make(map[string]keyPos, size), headers: map[string]bool{}}
	counts := map[string]int{}
	prefix := ""
	inString := "" // the closing delimiter of an open multi-line string
	next := 0      // where the next line starts
	for lineNo := 1; next <= len(src); lineNo++ {
		start := next
		line := src[start:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		next += len(line) + 1
		if inString != "" {
			if strings.Contains(line, inString) {
				inString = ""
				ix.open = Pos{}
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t\ufeff")
		col := len(line) - len(trimmed) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case strings.HasPrefix(trimmed, "[["):
			name := headerName(trimmed[2:], "]]")
			path := name + "." + strconv.Itoa(counts[name])
			counts[name]++
			prefix = path + "."
			ix.add(path, lineNo, col, col, start)
			ix.headers[name] = true
			continue
		case trimmed[0] == '[':
			name := headerName(trimmed[1:], "]")
			prefix = name + "."
			ix.add(name, lineNo, col, col, start)
			ix.headers[name] = true
			continue
		}
		key, rest, ok := splitKey(trimmed)
		if !ok {
			continue // a continuation line of a multi-line array
		}
		valueCol := col + len(trimmed) - len(rest)
		ix.add(prefix+key, lineNo, col, valueCol, start)
		for _, delim := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, delim) && !strings.Contains(rest[3:], delim) {
				inString = delim
				ix.open = Pos{file, lineNo, valueCol}
			}
		}
	}
	return ix
}

// add records a key or header. The scanner adds at most one path per line, so no two paths
// share a line: lineKey relies on it.
func (ix *Index) add(path string, line, keyCol, valueCol, lineStart int) {
	seq := int32(len(ix.keys))
	if kp, dup := ix.keys[path]; dup {
		seq = kp.seq
	}
	ix.keys[path] = keyPos{int32(line), int32(keyCol), int32(valueCol), int32(lineStart), seq}
}

// shift moves every position the index gives down by n lines.
func (ix *Index) shift(n int) {
	ix.offset = n
	if ix.open.Line > 0 {
		ix.open.Line += n
	}
}

// pos makes the Pos of a line and column of the text.
func (ix *Index) pos(line, col int32) Pos {
	return Pos{File: ix.file, Line: int(line) + ix.offset, Col: int(col)}
}

// headerName returns the dotted name of a table header with spaces and quotes removed.
func headerName(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// splitKey splits `key = value` into the dotted key and the value text.
func splitKey(s string) (key, value string, ok bool) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return "", "", false
		}
		var part string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return "", "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			i := 0
			for i < len(s) && isBareKeyByte(s[i]) {
				i++
			}
			if i == 0 {
				return "", "", false
			}
			part, s = s[:i], s[i:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, ".") {
			s = s[1:]
			continue
		}
		if !strings.HasPrefix(s, "=") {
			return "", "", false
		}
		return strings.Join(parts, "."), strings.TrimLeft(s[1:], " \t"), true
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// Key returns the position of the key at path. A key the scanner cannot see, such as one
// inside an inline table, is placed at its nearest ancestor; failing all, the file's start.
func (ix *Index) Key(path string) Pos {
	kp := ix.key(path)
	return ix.pos(kp.line, kp.keyCol)
}

// key returns where path or its nearest recorded ancestor stands, or the text's first line.
func (ix *Index) key(path string) keyPos {
	for p := path; p != ""; p = parentPath(p) {
		if kp, ok := ix.keys[p]; ok {
			return kp
		}
	}
	return keyPos{line: 1, keyCol: 1, valueCol: 1}
}

// top is the text's first line, where a problem no key can be found for is reported.
func (ix *Index) top() Pos { return ix.pos(1, 1) }

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// isHeader reports whether path, without array indexes, is a [table] header.
func (ix *Index) isHeader(path string) bool {
	return ix.headers[path]
}

// Value returns the position of the value at path, falling back like Key.
func (ix *Index) Value(path string) Pos {
	kp := ix.value(path)
	return ix.pos(kp.line, kp.valueCol)
}

// value is key for a value: with Key's fallback, the value stands where the ancestor's key does.
func (ix *Index) value(path string) keyPos {
	if kp, ok := ix.keys[path]; ok {
		return kp
	}
	kp := ix.key(path)
	kp.valueCol = kp.keyCol
	return kp
}

// Has reports whether the text sets the key at path.
func (ix *Index) Has(path string) bool {
	_, ok := ix.keys[path]
	return ok
}

// File is the name of the file the text came from, as errors give it.
func (ix *Index) File() string { return ix.file }

// Item returns the position of the i-th string of the array at path, so that an error in
// fix_by = ["you", "meta", "nobody"] points at "nobody".
func (ix *Index) Item(path string, i int) Pos {
	kp := ix.value(path)
	start := ix.pos(kp.line, kp.valueCol)
	// Item reads from line start.Line of the text, which with an offset is below the value's
	// line (the known bug in TestIndex); kept as it was, so that this change moves no error.
	from := int(kp.lineStart)
	for range ix.offset {
		nl := strings.IndexByte(ix.src[from:], '\n')
		if nl < 0 {
			return start
		}
		from += nl + 1
	}
	n := -1
	c := from + start.Col - 1
	for l := start.Line; ; l++ {
		end := len(ix.src)
		if nl := strings.IndexByte(ix.src[from:], '\n'); nl >= 0 {
			end = from + nl
		}
		for ; c < end; c++ {
			switch ix.src[c] {
			case ']':
				return start
			case '#':
				c = end
			case '"', '\'':
				n++
				if n == i {
					return Pos{ix.file, l, c - from + 1}
				}
				closing := closingQuote(ix.src[c+1:end], ix.src[c])
				if closing < 0 {
					return start
				}
				c += closing + 1
			}
		}
		if end == len(ix.src) {
			return start
		}
		from = end + 1
		c = from
	}
}

// lineKey returns the position of the value of the key on a line, used for decoder errors
// that give only a line number. No two paths share a line, so the map's order does not matter.
func (ix *Index) lineKey(line int, key string) Pos {
	for path, kp := range ix.keys {
		if int(kp.line)+ix.offset == line && (key == "" || strings.HasSuffix(path, key)) {
			return ix.pos(kp.line, kp.valueCol)
		}
	}
	return Pos{File: ix.file, Line: line, Col: 1}
}

// unknown returns every position of a key whose path, without array indexes, is path, in
// source order; for a key the scanner cannot see, the position of its nearest ancestor.
func (ix *Index) unknown(path string) []Pos {
	for p := path; p != ""; p = parentPath(p) {
		var found []keyPos
		for q, kp := range ix.keys {
			if stripIndexes(q) == p {
				found = append(found, kp)
			}
		}
		slices.SortFunc(found, func(a, b keyPos) int { return cmp.Compare(a.seq, b.seq) })
		var out []Pos
		for _, kp := range found {
			out = append(out, ix.pos(kp.line, kp.keyCol))
		}
		if len(out) > 0 {
			return out
		}
	}
	return []Pos{ix.top()}
}

func stripIndexes(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && p != "" {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ".")
}

// closingQuote finds the quote that ends a string, skipping backslash escapes in "basic"
// strings; 'literal' strings have none.
func closingQuote(s string, quote byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && quote == '"':
			i++
		case s[i] == quote:
			return i
		}
	}
	return -1
}
