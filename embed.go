package main

import "embed"

// defaults holds the templates and static files built into the binary. Files of the same
// name in templates/ or static/ beside the data win over them, one by one.
//
//go:embed templates static
var defaults embed.FS
