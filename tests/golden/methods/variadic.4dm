// docs/Concepts/parameters.md: Count parameters and ${N}
ALERT(MySum("000"; 1; 2; 200))
ALERT(String(count_params("a"; "b"; !2021-01-01!; 42)))
ALERT(String(count_params))
