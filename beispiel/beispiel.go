// Package beispiel embeds the example concept of the fictional Landkreis Musterland:
// konzept.yaml with metadata, Beschlussvorlage, Leitbild, actors and five fields of
// action, two YAML fragments under handlungsfelder/, a consultant's workshop
// workbook under workshops/, survey responses under befragung/ and the coat of
// arms under bilder/. `konzept init` writes it to a
// folder, `konzept build --beispiel` renders it, and tests use it as a fixture that
// exercises every key of konzept.yaml.
package beispiel

import (
	"embed"
	"io/fs"
)

//go:embed all:konzept
var files embed.FS

// FS returns the example concept folder, with konzept.yaml at its root.
func FS() fs.FS {
	sub, err := fs.Sub(files, "konzept")
	if err != nil {
		panic(err) // cannot happen: "konzept" is a valid, embedded path
	}
	return sub
}
