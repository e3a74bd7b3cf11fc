missing:ERR_DEP
song:ERR_DEP
missing:ERR_KEY
song:ERR_KEY
missing:ERR_KEY
song:url
