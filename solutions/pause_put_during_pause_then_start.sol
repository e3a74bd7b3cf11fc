PUT:(p2, q2):TRUE
PUT:(p1, q1):FALSE
p1:ERR_KEY
PUT:(p2, q2):TRUE
PUT:(p2, q2):TRUE
PUT:(p1, q1):TRUE
p1:q1
p2:q2
