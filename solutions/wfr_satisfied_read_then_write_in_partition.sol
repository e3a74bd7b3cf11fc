a:x
PUT:(a, x):TRUE
PUT:(b, y):FALSE
PUT:(a, x):TRUE
PUT:(a, x):TRUE
PUT:(b, y):TRUE
b:y
