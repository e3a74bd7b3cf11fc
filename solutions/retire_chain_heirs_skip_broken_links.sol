PUT:(w1, a):TRUE
PUT:(w2, b):TRUE
PUT:(w3, c):TRUE
PUT:(w4, d):TRUE
PUT:(w1, a):TRUE
PUT:(w2, b):TRUE
PUT:(w3, c):TRUE
PUT:(w4, d):TRUE
w1:a
w4:d
