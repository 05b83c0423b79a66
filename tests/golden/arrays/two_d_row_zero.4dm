// Row 0 of a 2-D array is itself an array (Levenshtein distance as 4D code writes it)
var $src; $tgt : Text
var $i; $j; $min : Integer
$src:="kitten"
$tgt:="sitting"
ARRAY LONGINT($matrix; Length($src); Length($tgt))
ALERT(String(Size of array($matrix{0})))
For ($i; 1; Length($src))
	$matrix{$i}{0}:=$i
End for 
For ($j; 1; Length($tgt))
	$matrix{0}{$j}:=$j
End for 
For ($i; 1; Length($src))
	For ($j; 1; Length($tgt))
		$min:=$matrix{$i-1}{$j-1}
		$min:=$matrix{$i-1}{$j}<$min ? $matrix{$i-1}{$j} : $min
		$min:=$matrix{$i}{$j-1}<$min ? $matrix{$i}{$j-1} : $min
		$matrix{$i}{$j}:=$src[[$i]]=$tgt[[$j]] ? $min : $min+1
	End for 
End for 
ALERT(String($matrix{Length($src)}{Length($tgt)}))
