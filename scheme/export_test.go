package scheme

// R7RSLibraryNames exposes the export lists of the R7RS standard libraries
// to the external tests.
var R7RSLibraryNames = r7rsLibraryNames()

// ReadSyntaxLibrary is the (chicken read-syntax) table, for the external
// tests.
var ReadSyntaxLibrary = readSyntaxLibrary

// BootFiles and BootFileRows expose the boot files and the numbers of the
// boot table's rows that each but the last defines, for TestBootRows.
var (
	BootFiles    = bootFiles
	BootFileRows = bootFileRows
)
