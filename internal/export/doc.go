// Package export writes plans as an Excel workbook for controllers: one sheet of figures
// with a row per plan, and sheets of objectives, actions, contacts, opportunities and
// asks with a row per item, each a filterable table with real numbers and dates.
package export
