PUT:(song, fromThree):FALSE
PUT:(song, fromZero):TRUE
PUT:(song, fromZero):TRUE
PUT:(song, fromThree):TRUE
PUT:(song, fromZero):TRUE
PUT:(song, fromThree):TRUE
song:fromThree
song:fromThree
