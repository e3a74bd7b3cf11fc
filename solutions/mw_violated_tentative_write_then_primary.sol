PUT:(base, 0):TRUE
PUT:(base, 0):TRUE
PUT:(a, 1):FALSE
PUT:(base, 0):TRUE
PUT:(a, 1):TRUE
PUT:(base, 0):TRUE
PUT:(a, 1):TRUE
PUT:(c, 3):TRUE
b:ERR_KEY
c:3
