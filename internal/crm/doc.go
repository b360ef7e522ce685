// Package crm brings a CRM export into a plan: it reads a CSV or XLSX table within fixed
// limits, recognises the column names of Salesforce, HubSpot and Dynamics exports (or
// follows a mapping file), and merges the rows into the plan's TOML text by id, editing
// only the lines it changes, so that comments and formatting of everything else stay.
// It takes and returns bytes; cmd/kep reads and writes the files and validates the result.
package crm
