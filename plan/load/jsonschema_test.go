package load

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

func TestJSONSchemaGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		make   func(string) ([]byte, error)
	}{{"../testdata/plan.schema.json", JSONSchema}, {"../testdata/workspace.schema.json", WorkspaceJSONSchema}} {
		got, err := c.make("en")
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal(got, &v); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(c.golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs (go test -update to accept)", c.golden)
		}
	}
	// Spot checks of what editors rely on.
	b, _ := JSONSchema("en")
	var s struct {
		Schema     string   `json:"$schema"`
		Required   []string `json:"required"`
		Additional bool     `json:"additionalProperties"`
		Properties map[string]struct {
			Properties map[string]map[string]any `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != "http://json-schema.org/draft-07/schema#" || s.Additional || len(s.Required) != 2 {
		t.Errorf("root: %+v", s)
	}
	if _, ok := s.Properties["visits"]; ok {
		t.Error("workspace-only [visits] must not be allowed in a plan")
	}
	status := s.Properties["plan"].Properties["status"]
	if status["x-description-de"] == "" || len(status["enum"].([]any)) != 3 {
		t.Errorf("plan.status: %v", status)
	}
}
