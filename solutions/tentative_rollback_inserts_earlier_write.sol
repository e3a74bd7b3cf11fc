PUT:(song, late):FALSE
PUT:(other, x):FALSE
song:late
PUT:(song, early):FALSE
PUT:(song, late):FALSE
PUT:(other, x):FALSE
PUT:(song, early):FALSE
PUT:(song, late):FALSE
PUT:(other, x):FALSE
song:late
song:late
PUT:(song, early):TRUE
PUT:(song, late):TRUE
PUT:(other, x):TRUE
song:late
