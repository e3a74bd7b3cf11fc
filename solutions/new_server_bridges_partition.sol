PUT:(a, 1):FALSE
PUT:(b, 2):TRUE
PUT:(b, 2):TRUE
PUT:(a, 1):TRUE
PUT:(b, 2):TRUE
PUT:(a, 1):TRUE
PUT:(b, 2):TRUE
PUT:(a, 1):TRUE
b:2
a:1
