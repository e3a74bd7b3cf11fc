PUT:(a, 1):TRUE
PUT:(b, 2):TRUE
PUT:(c, 3):TRUE
PUT:(d, 4):TRUE
PUT:(a, 1):TRUE
PUT:(b, 2):TRUE
PUT:(c, 3):TRUE
PUT:(d, 4):TRUE
d:4
a:1
c:3
