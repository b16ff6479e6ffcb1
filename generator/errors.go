package generator

import "github.com/waerrors/kb/internal/tomlpos"

// Every problem the generator finds, in the data or in a rendered page, is reported the way
// the TOML decoder reports one, so a run's problems sort and print as one list. The types
// live with the decoder, which makes most of them; these names keep the generator's API.
type (
	// Pos is a place in a source file: file:line:col.
	Pos = tomlpos.Pos
	// Error is one problem, at a position.
	Error = tomlpos.Error
	// ErrorList is every problem of a run, sorted by position, printed one per line.
	ErrorList = tomlpos.ErrorList
)
