// a command fourd does not implement fails at run time, naming it
ALERT("before")
QUERY([Customers]; [Customers]Name="A")
