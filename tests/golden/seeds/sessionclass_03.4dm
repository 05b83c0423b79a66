var $expiration : Text
$expiration:=Session.expirationDate //eg "2021-11-05T17:10:42Z"
