a:1
a:1
b:ERR_KEY
PUT:(a, 1):TRUE
