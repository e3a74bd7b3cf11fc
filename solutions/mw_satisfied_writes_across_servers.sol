PUT:(k, one):TRUE
PUT:(k, two):TRUE
PUT:(k, three):TRUE
PUT:(k, four):TRUE
k:four
k:four
