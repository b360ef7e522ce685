package locale

// msgFR holds kep's messages in French, keyed by the English text (messages.go).
var msgFR = map[string]string{}

// msgValuesFR names the values of the plan format's enums in French, for the hint
// « vouliez-vous dire `high` ? » when a plan gives the French word.
var msgValuesFR = map[string][]string{}
