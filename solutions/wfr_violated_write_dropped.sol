a:1
b:ERR_KEY
b:ERR_KEY
b:3
PUT:(a, 1):TRUE
PUT:(b, 3):TRUE
