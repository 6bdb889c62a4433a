package scheme

// R7RSLibraryNames exposes the export lists of the R7RS standard libraries
// to the external tests.
var R7RSLibraryNames = r7rsLibraryNames()
