a:1
PUT:(a, 1):TRUE
a:1
a:1
