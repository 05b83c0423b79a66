ALERT("x"
