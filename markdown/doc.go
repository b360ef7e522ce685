// Package markdown is kep's one Markdown setup: the goldmark configuration every reader
// of plan Markdown uses (both document writers and kep validate), the safe-URL rule
// (http, https and mailto only) and the cleaning that turns unsafe links, images and raw
// HTML into plain text before a writer sees the tree.
package markdown
