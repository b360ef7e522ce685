package charts

func (p Polarity) draw(c *canvas)        {}
func (q Quadrant) draw(c *canvas)        {}
func (h History) draw(c *canvas)         {}
func (s SWOTGrid) draw(c *canvas)        {}
func (v ValueChart) draw(c *canvas)      {}
func (m RelationshipMap) draw(c *canvas) {}
