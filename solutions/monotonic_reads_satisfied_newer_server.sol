x:ERR_KEY
x:first
y:second
y:second
x:first
x:ERR_DEP
