a:1
PUT:(a, 1):TRUE
PUT:(b, 2):TRUE
