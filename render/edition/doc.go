// Package edition makes the customer edition of a plan (spec "Editions"): a document
// built from kep.CustomerPlan, the copy of a plan that holds only what the account may
// read, so that nothing internal can reach any format. It also holds the words of the
// customer edition and of the management outputs (render/onepage, render/slides).
package edition
