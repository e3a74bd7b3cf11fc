song1:ERR_DEP
song2:ERR_DEP
song1:url1
song2:ERR_KEY
PUT:(song1, url1):TRUE
