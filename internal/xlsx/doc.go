// Package xlsx writes and reads Excel workbooks (Office Open XML spreadsheets) with the
// standard library only: the writer makes what kep export needs (text, numbers and dates
// with number formats, bold frozen header rows, filters, column widths), the reader gives
// a sheet's cells as text for kep import, within limits that hostile files cannot pass.
// It replaces github.com/xuri/excelize/v2 in the binary, whose package initialisation
// alone cost every kep command several milliseconds and 1.3 MB (issue 19).
package xlsx
