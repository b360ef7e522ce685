package charts

func (h History) draw(c *canvas)         {}
func (s SWOTGrid) draw(c *canvas)        {}
func (v ValueChart) draw(c *canvas)      {}
func (m RelationshipMap) draw(c *canvas) {}
