k:early
k:late
k:ERR_KEY
k:late
PUT:(k, late):TRUE
k:early
PUT:(k, late):TRUE
PUT:(k, early):TRUE
PUT:(k, late):TRUE
PUT:(k, early):TRUE
k:early
