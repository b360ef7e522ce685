package kep

type keySpec struct{}

var planSchema, workspaceSchema *keySpec

func walk(d *decoded, s *keySpec, raw map[string]any, path string) Diagnostics { return nil }
func loadAssets(fsys FileSystem, d *decoded, b *Brand, raw map[string]any, dir, home string) Diagnostics {
	return nil
}
func validatePlan(d *decoded, p *Plan) Diagnostics           { return nil }
func validateWorkspace(d *decoded, w *Workspace) Diagnostics { return nil }
