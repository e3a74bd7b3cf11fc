PUT:(x, 1):TRUE
PUT:(x, 1):TRUE
