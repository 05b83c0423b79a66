// Golden test: docs/commands/json-parse.md example 3 ("date type" setting)
// (the documented example verbatim, then prints of its results)
 var $o : Object
 var $json : Text
 var $birthday : Date
 
 $json:="{\"name\":\"Marcus\",\"birthday\":\"2017-10-16\"}"
 $o:=JSON Parse($json)
 $birthday:=$o.birthday
  //$birthday=16/10/17
ALERT(String($birthday;ISO date))
