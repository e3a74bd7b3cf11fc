song:v1
song:ERR_KEY
song:v1
PUT:(song, v1):TRUE
DELETE:(song):FALSE
song:v2
PUT:(song, v1):TRUE
PUT:(song, v2):TRUE
DELETE:(song):TRUE
song:ERR_KEY
song:ERR_KEY
