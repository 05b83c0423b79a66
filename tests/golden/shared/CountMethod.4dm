// Stand-in for the CountMethod of the 4D doc page Concepts/shared, example 1
// (used by shared_06_run.4dm): the length of the item's name.
#DECLARE($what : Text)->$count : Integer
$count:=Length($what)
