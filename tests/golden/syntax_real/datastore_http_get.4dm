// DataStore class with a function callable by HTTP GET (4D 20 R10+)
Class extends DataStoreImplementation

exposed Function sayHello($firstname : Text; $lastname : Text)
	return "Hello, "+$firstname+" "+$lastname
	
exposed onHTTPGet Function justATest($arg : Variant)
	// the body may return a 4D.File, a Blob, an object…
	return File:C1566("/PACKAGE/WebFolder/PDF.pdf")
