PUT:(a, fromThree):FALSE
PUT:(b, fromOne):FALSE
PUT:(a, fromTwo):FALSE
PUT:(c, fromThree):FALSE
a:fromTwo
PUT:(a, fromThree):TRUE
PUT:(b, fromOne):TRUE
PUT:(a, fromTwo):TRUE
PUT:(c, fromThree):TRUE
PUT:(a, fromThree):TRUE
PUT:(b, fromOne):TRUE
PUT:(a, fromTwo):TRUE
PUT:(c, fromThree):TRUE
a:fromTwo
