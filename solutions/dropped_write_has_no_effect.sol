a:x
b:ERR_KEY
PUT:(a, x):TRUE
PUT:(c, w):TRUE
a:x
