package figures

import "time"

var testNow = time.Date(2027, 5, 1, 12, 0, 0, 0, time.UTC)
