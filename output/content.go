package output

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // logos come as JPEG or PNG (see sources.readImage)
	_ "image/png"
	"math"
	"strconv"
)

// The canvas writes the content streams of the pages itself, not into
// fpdf's pages: a page's stream is compressed in the background as soon as
// the next page begins, while the document is still being set, and finish
// puts it in place of fpdf's (empty) one. What is drawn on a page after it
// was left (its footer, see onPage) goes into a second, small stream.

// contents compresses the streams of the pages, one after the other, on a
// goroutine of its own.
type contents struct {
	todo chan []byte
	free chan []byte // buffers of pages compressed, for the next pages
	done chan struct{}
	z    [][]byte // the compressed streams, by page; complete after close
	late [][]byte // by page, what was drawn after the page was left
}

func newContents() *contents {
	s := &contents{todo: make(chan []byte, 16), free: make(chan []byte, 17), done: make(chan struct{})}
	go func() {
		z := deflaters.Get().(*deflater)
		for data := range s.todo {
			s.z = append(s.z, z.compress("", data))
			select {
			case s.free <- data[:0]:
			default:
			}
		}
		deflaters.Put(z)
		close(s.done)
	}()
	return s
}

// add hands over the content of the next page, and returns a buffer for
// the one after it.
func (s *contents) add(data []byte) []byte {
	s.todo <- data
	s.late = append(s.late, nil)
	select {
	case b := <-s.free:
		return b
	default:
		return make([]byte, 0, cap(data))
	}
}

// close waits until every page handed over is compressed.
func (s *contents) close() {
	close(s.todo)
	<-s.done
}

// setFill sets the fill colour, unless it is set already.
func (c *canvas) setFill(col rgb) {
	col = rgb{clamp255(col.r), clamp255(col.g), clamp255(col.b)}
	if c.fillSet && c.fill == col {
		return
	}
	c.fill, c.fillSet = col, true
	c.write(appendColor(c.buf[:0], col, "g", "rg"))
}

// setStroke sets the colour and width of lines.
func (c *canvas) setStroke(col rgb, width float64) {
	col = rgb{clamp255(col.r), clamp255(col.g), clamp255(col.b)}
	b := appendColor(c.buf[:0], col, "G", "RG")
	b = append(b, ' ')
	b = appendNum(b, width*kMM)
	c.write(append(b, " w"...))
}

// appendColor appends the operator that sets col: gray or full (rgb).
func appendColor(b []byte, col rgb, gray, full string) []byte {
	if col.r == col.g && col.g == col.b {
		b = strconv.AppendFloat(b, float64(col.r)/255, 'f', 3, 64)
		return append(append(b, ' '), gray...)
	}
	for _, v := range [3]int{col.r, col.g, col.b} {
		b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, full...)
}

// points appends the coordinates x, y in mm from the top left of the page
// as PDF points from its bottom left.
func (c *canvas) points(b []byte, x, y float64) []byte {
	b = appendNum(b, x*kMM)
	b = append(b, ' ')
	return appendNum(b, (pageH-y)*kMM)
}

// appendNum appends v with two decimals, like strconv.AppendFloat(b, v,
// 'f', 2, 64) but several times faster: a page holds thousands of numbers.
// A half hundredth rounds away from zero, where strconv rounds to even.
func appendNum(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.Abs(v) >= 1e15 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(math.Round(v * 100))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// rectOp fills (op "f") or strokes (op "S") a rectangle.
func (c *canvas) rectOp(x, y, w, h float64, op string) {
	b := c.points(c.buf[:0], x, y)
	b = append(b, ' ')
	b = appendNum(b, w*kMM)
	b = append(b, ' ')
	b = appendNum(b, -h*kMM)
	b = append(b, " re "...)
	c.write(append(b, op...))
}

// lineOp strokes a line.
func (c *canvas) lineOp(x1, y1, x2, y2 float64) {
	b := c.points(c.buf[:0], x1, y1)
	b = append(b, " m "...)
	b = c.points(b, x2, y2)
	c.write(append(b, " l S"...))
}

// imageObj is an image XObject, written by finish.
type imageObj struct {
	name  string  // resource name: Im1, Im2…
	file  string  // the file it comes from
	obj   []byte  // the stream object
	smask []byte  // its alpha channel, a stream object, or nil
	w, h  float64 // in pixels
}

// imageXObject makes the image XObject of a JPEG or PNG file: a JPEG in
// grey or colour as it is, anything else as 8-bit samples (with its alpha
// channel as soft mask), compressed.
func imageXObject(data []byte) (obj, smask []byte, w, h int, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, 0, 0, err
	}
	w, h = cfg.Width, cfg.Height
	head := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 ", w, h)
	if format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) {
		space := "/DeviceRGB"
		if cfg.ColorModel == color.GrayModel {
			space = "/DeviceGray"
		}
		return rawStream(head+"/ColorSpace "+space+" /Filter /DCTDecode ", data), nil, w, h, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, 0, 0, err
	}
	b := img.Bounds()
	rgb := make([]byte, 0, 3*w*h)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	z := deflaters.Get().(*deflater)
	defer deflaters.Put(z)
	if !opaque {
		smask = z.compress(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 /ColorSpace /DeviceGray ", w, h), alpha)
	}
	return z.compress(head+"/ColorSpace /DeviceRGB ", rgb), smask, w, h, nil
}
