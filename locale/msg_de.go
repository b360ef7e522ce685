package locale

// msgDE holds kep's messages in German, keyed by the English text (messages.go). Formal
// "Sie"; the words of TOML (key, table, true/false) and the keys and values of the plan
// format stay as they are written in a plan.
var msgDE = map[string]string{}

// msgValuesDE names the values of the plan format's enums in German, for the hint
// "meinten Sie `high`?" when a plan gives the German word.
var msgValuesDE = map[string][]string{}
