PUT:(far, end):TRUE
far:end
near:start
far:ERR_KEY
PUT:(far, end):TRUE
PUT:(near, start):TRUE
DELETE:(far):TRUE
