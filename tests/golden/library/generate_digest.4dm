// Golden test: docs/commands-legacy/generate-digest.md example 2
// (the documented example verbatim, then prints of its results)
$key1:=Generate digest("The quick brown fox jumps over the lazy dog.";MD5 digest)
 // $key1 is "e4d909c290d0fb1ca068ffaddf22cbd0"
$key2:=Generate digest("The quick brown fox jumps over the lazy dog.";SHA1 digest)
 // $key2 is "408d94384216f890ff7a0c3528e8bed1e0b01621"
ALERT($key1)
ALERT($key2)
ALERT(Generate digest("";MD5 digest))
ALERT(Generate digest("abc";SHA256 digest))
