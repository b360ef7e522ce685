//go:build ignore

// dynamics_gen writes dynamics-contacts.xlsx, a small invented "Export to Excel" of
// Microsoft Dynamics 365 contacts for samples/accounts/brightwater.toml. Run from the
// repository root: go run samples/imports/dynamics_gen.go
package main

import (
	"log"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	f := excelize.NewFile()
	sh := "Active Contacts"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		log.Fatal(err)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"(Do Not Modify) Contact", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Full Name", "Job Title", "Department", "Owner", "Manager", "Last Activity"},
		{"6f1c2a4e-93b1-ef11-8a69-000d3a4b2c11", "kH3f9Q==", "2027-01-20T08:14:00Z", "Sophie Mertens", "Category Lead, Drives and MRO", "Procurement", "Daniel Hoffmann", "Thomas Hendriks", time.Date(2027, 1, 14, 0, 0, 0, 0, time.UTC)},
		{"8a2d7c10-93b1-ef11-8a69-000d3a4b2c11", "pL0x2A==", "2027-01-21T10:02:00Z", "Eva Claes", "Energy Manager", "Operations", "Daniel Hoffmann", "Jan de Boer", time.Date(2027, 1, 19, 0, 0, 0, 0, time.UTC)},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			log.Fatal(err)
		}
		if i > 0 {
			c, _ := excelize.CoordinatesToCellName(9, i+1)
			f.SetCellStyle(sh, c, c, date)
		}
	}
	f.SetDocProps(&excelize.DocProperties{Created: "2027-01-21T10:05:00Z", Modified: "2027-01-21T10:05:00Z", Creator: "Dynamics 365"})
	if err := f.SaveAs("samples/imports/dynamics-contacts.xlsx"); err != nil {
		log.Fatal(err)
	}
}
