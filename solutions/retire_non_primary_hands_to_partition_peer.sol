PUT:(base, 0):TRUE
PUT:(x, 1):FALSE
PUT:(base, 0):TRUE
PUT:(base, 0):TRUE
PUT:(x, 1):FALSE
PUT:(z, 3):FALSE
PUT:(base, 0):TRUE
PUT:(x, 1):TRUE
PUT:(z, 3):TRUE
x:1
y:ERR_KEY
z:3
