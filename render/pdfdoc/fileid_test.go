package pdfdoc

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"testing"
)

// The trailer's /ID is the MD5 of the document before it (fpdf's fileID), twice: fpdf
// hashes the parts on another goroutine while it writes the rest (issue 19), and the sum
// must still be of exactly these bytes, for small and large documents.
func TestFileIDIsHashOfDocument(t *testing.T) {
	for _, name := range []string{"hansa", "minimal"} {
		var b bytes.Buffer
		if _, err := Write(&b, sampleDoc(t, name), Options{Now: testNow}); err != nil {
			t.Fatal(err)
		}
		pdf := b.Bytes()
		i := bytes.LastIndex(pdf, []byte("/ID [<"))
		if i < 0 {
			t.Fatalf("%s: no /ID in the trailer", name)
		}
		sum := md5.Sum(pdf[:i])
		want := fmt.Sprintf("/ID [<%x> <%x>]\n", sum, sum)
		if got := string(pdf[i : i+len(want)]); got != want {
			t.Errorf("%s: trailer has %q, the MD5 of the document before it is %q", name, got, want)
		}
	}
}
