s1:u1
s2:ERR_KEY
s2:u3
s1:u1
PUT:(s1, u1):TRUE
PUT:(s2, u3):TRUE
PUT:(s1, u1):TRUE
PUT:(s2, u3):TRUE
