PUT:(k, one):FALSE
PUT:(k, two):FALSE
k:two
k:three
k:two
PUT:(k, three):TRUE
PUT:(k, one):TRUE
PUT:(k, two):TRUE
k:two
