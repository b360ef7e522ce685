// Command kep checks key account development plans (TOML) and turns them into figures and
// documents. main is thin: every command runs in-process through run, so the testscript
// files in testdata/script exercise the real program without building a binary.
package main
