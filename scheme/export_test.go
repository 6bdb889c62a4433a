package scheme

// R7RSLibraryNames exposes the export lists of the R7RS standard libraries
// to the external tests.
var R7RSLibraryNames = r7rsLibraryNames()

// ReadSyntaxLibrary is the (chicken read-syntax) table, for the external
// tests.
var ReadSyntaxLibrary = readSyntaxLibrary

// BootFiles and BootCoreRows expose the boot files and the number of the
// boot table's rows that the first defines, for TestBootRows.
var (
	BootFiles    = bootFiles
	BootCoreRows = bootCoreRows
)
