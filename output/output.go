// Package output renders an assembled concept as a PDF.
package output

import (
	"errors"
	"io"
	"time"

	"github.com/landkreis/konzept/assemble"
)

// Options control rendering.
type Options struct {
	// Zeitstempel is the creation date written into the PDF metadata. If zero,
	// the concept's `stand` is used, so the same inputs give the same bytes.
	Zeitstempel time.Time
	// Version is the konzept version, recorded as the PDF producer.
	Version string
}

// Render writes the PDF of k to w.
func Render(w io.Writer, k *assemble.Konzept, opts Options) error {
	return errors.New("output: not implemented yet")
}
