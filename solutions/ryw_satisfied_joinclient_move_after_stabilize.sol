hey:jude.mp3
hey:jude.mp3
hey:ERR_KEY
hey:ERR_KEY
hey:jude2.mp3
hey:jude2.mp3
PUT:(hey, jude.mp3):TRUE
DELETE:(hey):TRUE
PUT:(hey, jude2.mp3):TRUE
