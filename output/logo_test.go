package output_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/sources"
)

// TestLogoFormate renders the cover with a coat of arms in each kind of
// file sources.readImage passes on, and checks with pdfimages that the PDF
// holds it in its size and colours, with a soft mask where it is
// transparent, and that the file stays valid PDF/UA.
func TestLogoFormate(t *testing.T) {
	const w, h = 30, 40
	paint := func(img interface{ Set(x, y int, c color.Color) }, transparent bool) {
		for y := range h {
			for x := range w {
				c := color.NRGBA{uint8(8 * x), 90, uint8(6 * y), 255}
				if transparent && x < w/2 {
					c.A = 0
				}
				img.Set(x, y, c)
			}
		}
	}
	encode := func(img image.Image, jpg bool) []byte {
		var b bytes.Buffer
		var err error
		if jpg {
			err = jpeg.Encode(&b, img, nil)
		} else {
			err = png.Encode(&b, img)
		}
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, w, h))
	paint(rgba, false)
	alpha := image.NewNRGBA(image.Rect(0, 0, w, h))
	paint(alpha, true)
	gray := image.NewGray(image.Rect(0, 0, w, h))
	paint(gray, false)
	deep := image.NewNRGBA64(image.Rect(0, 0, w, h))
	paint(deep, true)
	pal := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Black, color.White, color.NRGBA{0, 90, 156, 255}})
	paint(pal, false)

	tests := []struct {
		name, typ string
		data      []byte
		want      string // pdfimages -list: type, size, colour, encoding
		smask     bool
	}{
		{"JPEG", "JPG", encode(rgba, true), "image 30 40 rgb 3 8 jpeg", false},
		{"JPEG grau", "JPG", encode(gray, true), "image 30 40 gray 1 8 jpeg", false},
		{"PNG", "PNG", encode(rgba, false), "image 30 40 rgb 3 8 image", false},
		{"PNG transparent", "PNG", encode(alpha, false), "image 30 40 rgb 3 8 image", true},
		{"PNG 16 Bit transparent", "PNG", encode(deep, false), "image 30 40 rgb 3 8 image", true},
		{"PNG Palette", "PNG", encode(pal, false), "image 30 40 rgb 3 8 image", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := mustLoad(t)
			k.Logo = &sources.Image{Path: "bilder/wappen", Type: tt.typ, Data: tt.data}
			data, err := render(k, output.Options{Version: "test"})
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			checkPDFUA(t, data)
			list := tool(t, "pdfimages", "-list", writePDF(t, data))
			var images []string
			smask := false
			for _, l := range strings.Split(list, "\n")[2:] {
				f := strings.Fields(l)
				if len(f) < 9 {
					continue
				}
				if f[2] == "smask" {
					smask = true
					continue
				}
				images = append(images, strings.Join(f[2:9], " "))
			}
			if len(images) != 1 || images[0] != tt.want || smask != tt.smask {
				t.Errorf("pdfimages: %q, soft mask %v; want %q, soft mask %v\n%s", images, smask, tt.want, tt.smask, list)
			}
		})
	}
}
