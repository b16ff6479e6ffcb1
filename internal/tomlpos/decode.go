// Package tomlpos decodes TOML into Go structs and says where each problem is, as
// file:line:column, so that a person can go straight to it.
//
// BurntSushi/toml decodes, but gives a position only for a syntax error. [Decoder.Decode]
// places the rest from the source text, and guarantees:
//
//   - every error has the file, a line and a column; lines count from 1 (shifted by the
//     decode's lineOffset, for front matter below the first line of its file), columns count
//     bytes from 1, as Go's own tools do, and a byte order mark is ignored;
//   - a syntax error stands where the decoder stopped (an invalid escape at its backslash, a
//     multi-line string that never closes where it opens), text that is not UTF-8 at its
//     first bad byte, and a type error at the value, said in TOML's words ("this is a
//     string, want an integer");
//   - every key the struct has no field for is reported at each place the file sets it, as
//     an unknown key or table, with the known key of that table nearest in spelling when one
//     is near ("acton: unknown key (did you mean action?)"); a key inside an unknown table is
//     not reported again;
//   - the same text gives the same errors, in the same order.
//
// Decode also returns an [Index] of where each key and value stands, so that the checks a
// caller makes after decoding ("class: unknown value") place their errors the same way. An
// [ErrorList] collects the errors of a whole run, sorted by position, and prints them all.
package tomlpos

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// A Decoder decodes the files of one TOML format.
type Decoder struct {
	// ArrayTables names the format's arrays of tables, such as "errors" for [[errors]]. An
	// unknown key under one is named as its file spells it inside the table: "acton", not
	// "errors.acton".
	ArrayTables []string
}

// Decode decodes TOML text into v, a pointer to a struct with toml tags, and finds where its
// keys stand. It reports syntax, encoding and type errors and unknown keys, each with the
// file, line and column, and returns the key index for the checks that follow, or nil when
// the text could not be decoded at all. lineOffset shifts reported lines, for front matter
// that starts below the first line of its file.
func (d Decoder) Decode(data []byte, file string, lineOffset int, v any) (*Index, ErrorList) {
	var errs ErrorList
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if e := CheckUTF8(file, data); e != nil {
		e.Pos.Line += lineOffset
		return nil, append(errs, e)
	}
	src := string(data)
	if strings.TrimSpace(src) == "" && lineOffset == 0 {
		errs.Add(Pos{file, 1, 1}, "file is empty")
		return nil, errs
	}
	md, err := toml.Decode(src, v)
	ix := indexKeys(file, src)
	ix.shift(lineOffset)
	if err != nil {
		pos, msg := decodeErrorPos(err, ix, src, lineOffset)
		errs.Add(pos, "%s", msg)
		return nil, errs
	}
	reported := map[string]bool{}
	for _, k := range md.Undecoded() {
		p := k.String()
		if reported[p] || (len(k) > 1 && reported[toml.Key(k[:len(k)-1]).String()]) {
			reported[p] = true // a key inside an unknown table: the table is reported
			continue
		}
		reported[p] = true
		what := "key"
		if ix.isHeader(p) {
			what = "table"
		}
		hint := ""
		if s := suggestKey(v, k); s != "" {
			hint = " (did you mean " + s + "?)"
		}
		for _, pos := range ix.unknown(p) {
			errs.Add(pos, "%s: unknown %s%s", d.keyName(k), what, hint)
		}
	}
	return ix, errs
}

// CheckUTF8 returns the error for text that is not valid UTF-8, placed at its first bad byte,
// or nil when the text is valid.
func CheckUTF8(file string, data []byte) *Error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := invalidUTF8Pos(data)
	return &Error{Pos{file, line, col}, "file is not valid UTF-8; save it as UTF-8"}
}

// keyName names an unknown key as its file spells it inside its table: "acton" for
// errors.acton, but the whole "extra.note" for a dotted key at the top.
func (d Decoder) keyName(k toml.Key) string {
	if len(k) > 1 && slices.Contains(d.ArrayTables, k[0]) {
		return strings.Join(k[1:], ".")
	}
	return strings.Join(k, ".")
}

var decodeLine = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// decodeErrorPos turns a decoder error into a position and message. Syntax errors carry a
// byte offset into src; type errors ("incompatible types") carry only a line and the last
// key, and are found through the key index.
func decodeErrorPos(err error, ix *Index, src string, lineOffset int) (Pos, string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := lowerFirst(strings.TrimSuffix(pe.Message, "."))
		start := min(max(pe.Position.Start, 0), len(src))
		switch {
		case strings.HasPrefix(msg, "invalid escape"):
			// The decoder points at the string; point at the backslash.
			if i := strings.IndexByte(src[start:], '\\'); i >= 0 && !strings.Contains(src[start:start+i], "\n") {
				start += i
			}
		case strings.Contains(msg, "unexpected EOF") && ix.open.Line > 0:
			return ix.open, lastPart(pe.LastKey) + ": the string that starts here is never closed"
		}
		line, col := offsetPos(src, start)
		if strings.HasPrefix(msg, "parsing time") {
			msg = typeMessage(lastPart(pe.LastKey), msg)
		}
		if pe.LastKey != "" {
			msg = lastPart(pe.LastKey) + ": " + msg
		}
		return Pos{ix.file, line + lineOffset, col}, msg
	}
	if m := decodeLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		key := lastPart(m[2])
		return ix.lineKey(line+lineOffset, key), key + ": " + typeMessage(key, m[3])
	}
	return Pos{ix.file, 1 + lineOffset, 1}, err.Error()
}

var typeMismatch = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)

// typeMessage says in TOML's words what the decoder says in Go's.
func typeMessage(key, msg string) string {
	if strings.HasPrefix(msg, "parsing time") {
		return "write the date without quotes, as " + key + " = 2026-11-23"
	}
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	got, want := tomlType(m[1]), tomlType(m[2])
	if got == "table" && want == "array" {
		return "write [[" + key + "]] for each one, not [" + key + "]"
	}
	return "this is " + article(got) + ", want " + article(want)
}

func tomlType(goType string) string {
	switch {
	case goType == "string":
		return "string"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), goType == "integer":
		return "integer"
	case strings.HasPrefix(goType, "float"):
		return "float"
	case goType == "bool":
		return "boolean"
	case strings.HasPrefix(goType, "map"), goType == "struct":
		return "table"
	case strings.HasPrefix(goType, "[]"), goType == "slice", goType == "array":
		return "array"
	case strings.Contains(goType, "Time"):
		return "date"
	}
	return goType
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// offsetPos returns the line and byte column of offset in src.
func offsetPos(src string, offset int) (line, col int) {
	before := src[:offset]
	line = strings.Count(before, "\n") + 1
	col = offset - strings.LastIndexByte(before, '\n')
	return line, col
}

func lastPart(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "TOML") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// invalidUTF8Pos returns the line and byte column of the first byte that is not UTF-8.
func invalidUTF8Pos(data []byte) (line, col int) {
	at := 0
	for at < len(data) {
		r, size := utf8.DecodeRune(data[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	return offsetPos(string(data), at)
}
