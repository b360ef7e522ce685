package charts

func (m RelationshipMap) draw(c *canvas) {}
