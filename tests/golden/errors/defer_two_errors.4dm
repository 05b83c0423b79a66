// helper of throw_deferred: throws two deferred errors, then goes on
throw({errCode: 1; message: "first"; deferred: True})
throw({errCode: 2; message: "second"; deferred: True})
ALERT("defer_two_errors ran to its end")
